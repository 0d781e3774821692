//! The rules of editing a camera that a page (or any front end) applies: where a
//! model's field of view comes from, whether a camera of it can be mounted, what a
//! new camera of it gets, what a camera keeps when its model changes, and the
//! bounds of the fields a person edits. One copy, here, next to the optics they
//! follow (`Scenario::optics`), so a front end never restates them.

use crate::scenario::{CAMERA_LIMITS, Camera, CameraLimits, CameraModel, Projection, Scenario};
use serde::Serialize;

/// A zone meets its required level when at least this share of it is seen at
/// that level (the security analysis's threshold: one copy, there).
pub use crate::analysis::MET_FRACTION;

/// What a camera placed without the optics given by its model gets.
pub const NEW_CAMERA_HFOV_DEG: f64 = 90.0;
/// See [`NEW_CAMERA_HFOV_DEG`].
pub const NEW_CAMERA_RANGE_M: f64 = 20.0;
/// The tilt a new mounted camera gets (a fisheye none: it looks straight down).
pub const NEW_CAMERA_TILT_DEG: f64 = 20.0;

/// What a new camera gets when its model leaves a value open.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct NewCameraDefaults {
    pub hfov_deg: f64,
    pub range_m: f64,
    pub tilt_deg: f64,
}

/// The numbers a front end's inputs and headlines follow.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Limits {
    /// The bounds of a camera's fields, as validation checks them.
    pub camera: CameraLimits,
    /// See [`MET_FRACTION`].
    pub met_fraction: f64,
    pub new_camera: NewCameraDefaults,
}

/// See [`Limits`].
pub fn limits() -> Limits {
    Limits {
        camera: CAMERA_LIMITS,
        met_fraction: MET_FRACTION,
        new_camera: NewCameraDefaults {
            hfov_deg: NEW_CAMERA_HFOV_DEG,
            range_m: NEW_CAMERA_RANGE_M,
            tilt_deg: NEW_CAMERA_TILT_DEG,
        },
    }
}

/// Where a model's horizontal field of view comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lens {
    /// The camera states it (no model, or a model without optics).
    Free,
    /// The model gives it: a fixed lens with its sensor, a stated field of
    /// view, or a fisheye (360°).
    Fixed,
    /// The camera picks a focal length in the lens's range (with the sensor).
    Varifocal,
}

/// A model's rules as a front end needs them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelRules {
    pub id: String,
    pub lens: Lens,
    pub projection: Projection,
    /// A camera of it can be mounted (it has a vertical field of view).
    pub mountable: bool,
    /// The focal lengths a varifocal camera may pick.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_range_mm: Option<[f64; 2]>,
}

/// The lens of a model, following `Scenario::optics`: a focal length gives the
/// field of view only through a rectilinear lens with a known sensor.
pub fn lens(model: &CameraModel) -> Lens {
    let projection = model.projection();
    let lens_gives_fov = projection == Projection::Rectilinear
        && model.sensor_mm.is_some()
        && (model.focal_mm.is_some() || model.focal_range_mm.is_some());
    if lens_gives_fov && model.focal_range_mm.is_some() {
        Lens::Varifocal
    } else if lens_gives_fov || model.hfov_deg.is_some() || projection == Projection::Fisheye {
        Lens::Fixed
    } else {
        Lens::Free
    }
}

/// The rules of every model in the catalogue, in catalogue order.
pub fn model_rules(scenario: &Scenario) -> Vec<ModelRules> {
    scenario
        .catalog
        .iter()
        .map(|m| ModelRules {
            id: m.id.clone(),
            lens: lens(m),
            projection: m.projection(),
            mountable: mountable(scenario, m),
            focal_range_mm: m.focal_range_mm.filter(|_| lens(m) == Lens::Varifocal),
        })
        .collect()
}

/// A camera of `model` has a vertical field of view (so it can be given a
/// mounting height), with the default field of view if the model gives none.
pub fn mountable(scenario: &Scenario, model: &CameraModel) -> bool {
    let probe = Camera {
        model: Some(model.id.clone()),
        hfov_deg: (lens(model) == Lens::Free && model.hfov_deg.is_none())
            .then_some(NEW_CAMERA_HFOV_DEG),
        ..Camera::default()
    };
    scenario.optics(&probe).vfov_deg.is_some()
}

/// A new camera at `at` (its id, position and heading), of model `model_id`
/// (or of no model), mounted at `height_m` when the model allows it. A camera
/// without a model copies the field of view and range `like` has in effect
/// (the camera selected), else gets the defaults.
///
/// # Errors
/// An unknown model id, named.
pub fn new_camera(
    scenario: &Scenario,
    at: Camera,
    model_id: Option<&str>,
    height_m: f64,
    like: Option<&Camera>,
) -> Result<Camera, String> {
    let mut cam = Camera {
        id: at.id,
        position: at.position,
        heading_deg: at.heading_deg,
        ..Camera::default()
    };
    match model_id {
        Some(id) => {
            let model = find(scenario, id)?;
            cam.model = Some(model.id.clone());
            if lens(model) == Lens::Free && model.hfov_deg.is_none() {
                cam.hfov_deg = Some(NEW_CAMERA_HFOV_DEG);
            }
            if model.range_m.is_none() {
                cam.range_m = Some(NEW_CAMERA_RANGE_M);
            }
            if mountable(scenario, model) && height_m.is_finite() && height_m > 0.0 {
                cam.height_m = Some(height_m);
                if model.projection() != Projection::Fisheye {
                    cam.tilt_deg = Some(NEW_CAMERA_TILT_DEG);
                }
            }
        }
        None => {
            let optics = like.map(|c| scenario.optics(c));
            cam.hfov_deg = Some(
                optics
                    .and_then(|o| o.hfov_deg)
                    .map(|h| round(h, 1))
                    .unwrap_or(NEW_CAMERA_HFOV_DEG),
            );
            cam.range_m = Some(
                optics
                    .and_then(|o| o.range_m)
                    .map(|r| round(r, 2))
                    .unwrap_or(NEW_CAMERA_RANGE_M),
            );
        }
    }
    Ok(cam)
}

/// Camera `camera` moved to model `model_id` (or to no model). The overrides the
/// new model supplies go (its field of view, range, vertical field of view) and
/// what it cannot supply stays as the camera has it now, so the camera stays
/// valid; a focal length the new lens cannot take goes; a camera that becomes a
/// fisheye looks straight down (no tilt), one that stops being one gets the
/// default tilt. Without a model the camera keeps the optics it has in effect.
///
/// # Errors
/// An unknown model id, named.
pub fn refit(
    scenario: &Scenario,
    camera: &Camera,
    model_id: Option<&str>,
) -> Result<Camera, String> {
    let now = scenario.optics(camera);
    let mut cam = camera.clone();
    let Some(id) = model_id else {
        cam.model = None;
        cam.hfov_deg = now.hfov_deg.map(|h| round(h, 2));
        cam.range_m = now.range_m.map(|r| round(r, 2));
        cam.focal_mm = None;
        if cam.height_m.is_some() {
            cam.vfov_deg = now.vfov_deg.map(|v| round(v, 2));
        }
        return Ok(cam);
    };
    let next = find(scenario, id)?;
    let was_fisheye =
        scenario.model_of(camera).map(|m| m.projection()) == Some(Projection::Fisheye);
    let is_fisheye = next.projection() == Projection::Fisheye;
    cam.model = Some(next.id.clone());
    cam.focal_mm = match (lens(next), next.focal_range_mm, camera.focal_mm) {
        (Lens::Varifocal, Some([lo, hi]), Some(f)) if f >= lo && f <= hi => Some(f),
        _ => None,
    };
    // What the new model gives on its own.
    let bare = Camera {
        hfov_deg: None,
        vfov_deg: None,
        range_m: None,
        ..cam.clone()
    };
    let given = scenario.optics(&bare);
    cam.hfov_deg = if given.hfov_deg.is_some() {
        None
    } else {
        camera.hfov_deg.or(now.hfov_deg.map(|h| round(h, 2)))
    };
    cam.range_m = if given.range_m.is_some() {
        None
    } else {
        camera.range_m.or(now.range_m.map(|r| round(r, 2)))
    };
    cam.vfov_deg = if given.vfov_deg.is_some() {
        None
    } else if cam.height_m.is_some() {
        camera.vfov_deg.or(now.vfov_deg.map(|v| round(v, 2)))
    } else {
        camera.vfov_deg
    };
    if cam.height_m.is_some() {
        if is_fisheye && !was_fisheye {
            cam.tilt_deg = None;
        }
        if !is_fisheye && was_fisheye && camera.tilt_deg.is_none() {
            cam.tilt_deg = Some(NEW_CAMERA_TILT_DEG);
        }
    }
    Ok(cam)
}

fn find<'a>(scenario: &'a Scenario, id: &str) -> Result<&'a CameraModel, String> {
    scenario
        .catalog
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| format!("unknown camera model \"{id}\""))
}

/// Rounds to `dp` decimals (what a person would type).
fn round(x: f64, dp: i32) -> f64 {
    let f = 10f64.powi(dp);
    (x * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::ModelKind;

    fn model(id: &str) -> CameraModel {
        CameraModel {
            id: id.into(),
            name: id.into(),
            ..CameraModel::default()
        }
    }

    fn scenario(catalog: Vec<CameraModel>) -> Scenario {
        let (mut s, _) = Scenario::from_json(
            r#"{"blindspot": 1, "name": "t", "plan": {"walls": [], "zones": [{"id": "z", "name": "z", "polygon": [[0, 0], [1, 0], [1, 1]]}]}, "cameras": []}"#,
        )
        .expect("an empty plan reads");
        s.catalog = catalog;
        s
    }

    fn at(id: &str) -> Camera {
        Camera {
            id: id.into(),
            heading_deg: 30.0,
            ..Camera::default()
        }
    }

    #[test]
    fn the_projection_decides_what_is_a_fisheye() {
        // A model of kind fisheye drawn as rectilinear is no fisheye: the camera
        // must state its field of view; a dome with a fisheye projection is one.
        let odd = CameraModel {
            kind: Some(ModelKind::Fisheye),
            projection: Some(Projection::Rectilinear),
            ..model("odd")
        };
        let dome = CameraModel {
            kind: Some(ModelKind::Dome),
            projection: Some(Projection::Fisheye),
            resolution_px: Some([2000.0, 2000.0]),
            ..model("dome")
        };
        assert_eq!(lens(&odd), Lens::Free);
        assert_eq!(lens(&dome), Lens::Fixed);
        let s = scenario(vec![odd, dome]);
        let fish = new_camera(&s, at("c"), Some("dome"), 3.0, None).unwrap();
        assert_eq!(
            (fish.height_m, fish.tilt_deg, fish.hfov_deg),
            (Some(3.0), None, None)
        );
        let flat = new_camera(&s, at("c"), Some("odd"), 3.0, None).unwrap();
        assert_eq!(flat.hfov_deg, Some(90.0));
        assert_eq!(
            flat.height_m, None,
            "no vertical field of view: not mountable"
        );
    }

    #[test]
    fn a_focal_length_gives_the_field_of_view_only_with_a_sensor() {
        let bare = CameraModel {
            focal_mm: Some(4.0),
            hfov_deg: Some(80.0),
            ..model("bare")
        };
        let fixed = CameraModel {
            focal_mm: Some(4.0),
            sensor_mm: Some([5.37, 3.02]),
            ..model("fixed")
        };
        let vari = CameraModel {
            focal_range_mm: Some([2.8, 12.0]),
            sensor_mm: Some([5.37, 3.02]),
            ..model("vari")
        };
        let vari_no_sensor = CameraModel {
            focal_range_mm: Some([2.8, 12.0]),
            ..model("vns")
        };
        assert_eq!(lens(&bare), Lens::Fixed, "its stated field of view");
        assert_eq!(lens(&fixed), Lens::Fixed);
        assert_eq!(lens(&vari), Lens::Varifocal);
        assert_eq!(lens(&vari_no_sensor), Lens::Free);
        let s = scenario(vec![bare, fixed, vari, vari_no_sensor]);
        let rules = model_rules(&s);
        assert_eq!(rules[2].focal_range_mm, Some([2.8, 12.0]));
        assert_eq!(rules[3].focal_range_mm, None);
        assert!(
            rules[1].mountable && rules[2].mountable,
            "a sensor gives a vertical field of view"
        );
        assert!(!rules[0].mountable);
    }

    #[test]
    fn a_new_camera_gets_what_its_model_leaves_open() {
        let dome = CameraModel {
            hfov_deg: Some(100.0),
            vfov_deg: Some(56.0),
            range_m: Some(15.0),
            ..model("dome")
        };
        let s = scenario(vec![dome, model("blank")]);
        let c = new_camera(&s, at("c"), Some("dome"), 3.5, None).unwrap();
        assert_eq!(
            (
                c.model.as_deref(),
                c.hfov_deg,
                c.range_m,
                c.height_m,
                c.tilt_deg
            ),
            (Some("dome"), None, None, Some(3.5), Some(20.0))
        );
        assert_eq!(c.heading_deg, 30.0);
        let b = new_camera(&s, at("b"), Some("blank"), 3.5, None).unwrap();
        assert_eq!(
            (b.hfov_deg, b.range_m, b.height_m),
            (Some(90.0), Some(20.0), None)
        );
        // No model: a flat cone copying the optics the selected camera has in effect.
        let like = Camera {
            model: Some("dome".into()),
            ..at("like")
        };
        let n = new_camera(&s, at("n"), None, 3.5, Some(&like)).unwrap();
        assert_eq!(
            (n.model, n.hfov_deg, n.range_m, n.height_m),
            (None, Some(100.0), Some(15.0), None)
        );
        assert!(new_camera(&s, at("x"), Some("nope"), 3.0, None).is_err());
    }

    #[test]
    fn a_model_change_drops_what_the_new_model_supplies_and_keeps_the_rest() {
        let vari = CameraModel {
            focal_range_mm: Some([2.8, 12.0]),
            sensor_mm: Some([5.37, 3.02]),
            range_m: Some(30.0),
            ..model("vari")
        };
        let fish = CameraModel {
            kind: Some(ModelKind::Fisheye),
            range_m: Some(10.0),
            ..model("fish")
        };
        let blank = model("blank");
        let s = scenario(vec![vari, fish, blank]);
        let cam = Camera {
            model: Some("vari".into()),
            focal_mm: Some(6.0),
            height_m: Some(3.0),
            tilt_deg: Some(25.0),
            ..at("c")
        };
        // To the fisheye: its optics apply, the focal length goes, it looks down.
        let f = refit(&s, &cam, Some("fish")).unwrap();
        assert_eq!(
            (f.focal_mm, f.hfov_deg, f.range_m, f.vfov_deg, f.tilt_deg),
            (None, None, None, None, None)
        );
        // Back from the fisheye to the varifocal: the default tilt, the widest focal length.
        let v = refit(&s, &f, Some("vari")).unwrap();
        assert_eq!(
            (v.focal_mm, v.tilt_deg, v.hfov_deg),
            (None, Some(20.0), None)
        );
        // To a model without optics: it keeps the field of view, range and vertical
        // field of view it has now (6 mm on a 5.37 mm sensor: 2 atan(5.37 / 12) = 48.22°).
        let b = refit(&s, &cam, Some("blank")).unwrap();
        assert_eq!(b.hfov_deg, Some(48.22));
        assert_eq!(b.range_m, Some(30.0));
        assert!(b.vfov_deg.is_some());
        // To no model: the same, as the camera's own values.
        let none = refit(&s, &cam, None).unwrap();
        assert_eq!(
            (none.model, none.hfov_deg, none.focal_mm),
            (None, Some(48.22), None)
        );
        assert!(refit(&s, &cam, Some("nope")).is_err());
    }
}
