//! Whether each camera does what it is for: its purpose in the Operational
//! Requirement sense (a task such as "identify", for a target, at a place),
//! checked against what the camera really sees.
//!
//! A target at a point is met when the point is in the camera's view (not in
//! its dead zone) and the pixel density there reaches the task's. A target
//! zone is met when the camera sees the whole zone (at least
//! [`MET_FRACTION`] of its area) at the task's density or better.

use crate::analysis::MET_FRACTION;
use crate::geometry::{Point, Polygon, ring_contains, ring_signed_area};
use crate::scenario::{Camera, Purpose};
use crate::session::Session;
use crate::view::{Expander, view_ring_within};
use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::float::single::SingleFloatOverlay;
use serde::Serialize;

/// Where a purpose's target is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Place {
    Zone {
        id: String,
        name: String,
    },
    Point {
        x: f64,
        y: f64,
    },
    /// No place given: the purpose is stated but cannot be checked.
    Unplaced,
}

/// Whether a purpose is met.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", content = "why", rename_all = "lowercase")]
pub enum Verdict {
    Met,
    /// Not met, and why, in words.
    Short(String),
    /// Cannot be checked, and why.
    Unchecked(String),
}

impl Verdict {
    pub fn is_met(&self) -> bool {
        matches!(self, Verdict::Met)
    }
}

/// One camera's purpose and whether it is met.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PurposeCheck {
    pub camera_id: String,
    pub task: String,
    pub target: String,
    /// The density the task needs, px/m.
    pub px_per_m: f64,
    pub place: Place,
    /// At a point: the density there (none when it is not seen). In a zone:
    /// the share of it seen at the task's density, 0..1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub density_px_per_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_share: Option<f64>,
    pub verdict: Verdict,
}

/// Each camera's purpose, for the cameras that state one.
pub fn check_purposes(session: &Session) -> Vec<PurposeCheck> {
    let scenario = session.scenario();
    let mut expander = Expander::default();
    scenario
        .cameras
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let purpose = c.purpose.as_ref()?;
            Some(check_one(session, i, c, purpose, &mut expander))
        })
        .collect()
}

fn check_one(
    session: &Session,
    index: usize,
    camera: &Camera,
    purpose: &Purpose,
    expander: &mut Expander,
) -> PurposeCheck {
    let scenario = session.scenario();
    let mut check = PurposeCheck {
        camera_id: camera.id.clone(),
        task: purpose.task.clone(),
        target: purpose.target.clone(),
        px_per_m: f64::NAN,
        place: Place::Unplaced,
        density_px_per_m: None,
        zone_share: None,
        verdict: Verdict::Unchecked("no place given for the target (a zone or a point)".into()),
    };
    // Validation rejects unknown tasks; say so rather than guess if one slips by.
    let Some(px) = purpose.px_per_m(&scenario.settings) else {
        check.verdict = Verdict::Unchecked(format!("unknown task \"{}\"", purpose.task));
        return check;
    };
    check.px_per_m = px;
    let view = &session.views()[index];
    let spec = scenario.spec(camera);
    let sensor = spec.and_then(|s| s.sensor);
    if let Some(at) = purpose.at {
        check.place = Place::Point { x: at.x, y: at.y };
        let seen = view.ring.len() >= 3
            && ring_contains(&view.ring, at)
            && !(view.dead.len() >= 3 && ring_contains(&view.dead, at));
        check.verdict = match sensor {
            None => Verdict::Unchecked(
                "the camera's model has no resolution, so its pixel density is unknown".into(),
            ),
            Some(_) if !seen => Verdict::Short("the point is not in the camera's view".into()),
            Some(sensor) => {
                let density = sensor.density(at.distance(camera.position));
                check.density_px_per_m = Some(density);
                if density >= px {
                    Verdict::Met
                } else {
                    Verdict::Short(format!(
                        "{:.0} px/m at the point, {:.0} needed",
                        density, px
                    ))
                }
            }
        };
    } else if let Some(zone_id) = &purpose.zone {
        let Some(zone) = scenario.plan.zones.iter().find(|z| &z.id == zone_id) else {
            // Validation rejects unknown zones; an edit cannot bring one in.
            check.verdict = Verdict::Unchecked(format!("no zone \"{zone_id}\""));
            return check;
        };
        check.place = Place::Zone {
            id: zone.id.clone(),
            name: zone.name.clone(),
        };
        let (Some(spec), Some(sensor)) = (spec, sensor) else {
            check.verdict = Verdict::Unchecked(
                "the camera's model has no resolution, so its pixel density is unknown".into(),
            );
            return check;
        };
        let radius = sensor.radius_for(px, view.far_m);
        let band = if view.ring.len() < 3 || radius <= view.near_m {
            Vec::new()
        } else if radius >= view.far_m {
            view.ring.clone()
        } else {
            view_ring_within(session.plan(), &spec, radius, expander)
        };
        let shape = zone.shape();
        let area = shape.area();
        let seen = intersection_area(&band, &shape) - intersection_area(&view.dead, &shape);
        let share = if area > 0.0 {
            (seen / area).clamp(0.0, 1.0)
        } else {
            0.0
        };
        check.zone_share = Some(share);
        check.verdict = if share >= MET_FRACTION {
            Verdict::Met
        } else {
            Verdict::Short(format!(
                "{:.1} % of the zone seen at {:.0} px/m or better",
                share * 100.0,
                px
            ))
        };
    }
    check
}

/// Area of `ring ∩ polygon` (0 for an empty ring).
pub fn intersection_area(ring: &[Point], polygon: &Polygon) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    let subject: Vec<[f64; 2]> = ring.iter().map(|p| [p.x, p.y]).collect();
    let clip: Vec<Vec<[f64; 2]>> = polygon
        .rings()
        .map(|r| r.iter().map(|p| [p.x, p.y]).collect())
        .collect();
    let shapes = subject.overlay(&clip, OverlayRule::Intersect, FillRule::EvenOdd);
    shapes
        .iter()
        .map(|shape| {
            shape
                .iter()
                .enumerate()
                .map(|(i, contour)| {
                    let pts: Vec<Point> = contour.iter().map(|&[x, y]| Point::new(x, y)).collect();
                    let a = ring_signed_area(&pts).abs();
                    if i == 0 { a } else { -a }
                })
                .sum::<f64>()
        })
        .sum()
}
