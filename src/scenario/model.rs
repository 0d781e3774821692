//! The scenario: a floorplan, a catalogue of camera models, the cameras and settings.
//!
//! Units are metres and degrees. x points east, y north (y up, as in CAD); angles
//! are counter-clockwise from +x. See docs/scenario-format.md.

use crate::geometry::Point;
use crate::optics::{Mount, Sensor};
use serde::{Deserialize, Serialize};

pub use super::security::{
    CameraDetection, CameraUse, Delay, Detector, DetectorKind, OpeningSecurity, Response,
    SecuritySettings,
};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One scenario file: a plan with cameras.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Always [`FORMAT_VERSION`] when written.
    pub blindspot: u32,
    pub name: String,
    /// The floors of the building and the outdoor site, bottom to top (none:
    /// one implicit level, today's one-plan file). See [`super::Level`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<super::levels::Level>,
    /// Stairs, lifts, ramps and openings joining two levels at given places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<super::levels::Connection>,
    pub plan: Plan,
    pub catalog: Vec<CameraModel>,
    pub cameras: Vec<Camera>,
    /// Non-camera detectors (motion, contacts, glass-break, case alarms), shared
    /// by every layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detectors: Vec<Detector>,
    #[serde(default, skip_serializing_if = "Settings::is_default")]
    pub settings: Settings,
    /// Other layouts of the same plan kept in the same file ("option A",
    /// "optimised for €60k"...): each its own cameras, sharing the plan,
    /// catalogue and settings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ScenarioOption>,
    /// A scanned plan drawn under this one to trace over, shared by every
    /// layout (the page keeps the image's bytes; the file says where it lies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub underlay: Option<super::underlay::Underlay>,
    /// Where a pole for cameras may stand (on a quay, in a courtyard), shared by
    /// every layout: the only places out of reach of a wall and outside a room
    /// where a camera can be mounted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pole_sites: Vec<PoleSite>,
}

/// A place where a pole for cameras may stand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoleSite {
    pub id: String,
    /// The level this item is on (a `levels` id; none: the first level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub position: Point,
    /// What putting the pole up costs (the pole, its foundation, the cable to
    /// it), in the settings' currency: paid once, however many cameras it holds.
    pub cost: f64,
    /// Height cameras on it are mounted at, metres (none: the optimiser's
    /// mounting height).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_m: Option<f64>,
}

/// Another camera layout of the same plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScenarioOption {
    pub name: String,
    pub cameras: Vec<Camera>,
}

/// Walls (what blocks sight) and zones (where coverage is measured).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub walls: Vec<Wall>,
    pub zones: Vec<Zone>,
    /// Where the plan lies on the Earth, if known: exports are then in WGS84
    /// longitude/latitude (see [`crate::georef`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub georeference: Option<Georeference>,
}

/// Places the plan on the Earth: the longitude and latitude of its origin and the
/// direction of its x axis. See docs/scenario-format.md and [`crate::georef`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Georeference {
    /// WGS84 `[longitude, latitude]` in degrees of the plan point (0, 0).
    pub origin: [f64; 2],
    /// Angle from true east to the plan's +x axis, degrees counter-clockwise
    /// (0: the plan's x points east and its y north).
    pub rotation_deg: f64,
}

impl Georeference {
    /// Longitude and latitude the local projection accepts (`crate::georef`
    /// keeps its stated error only within ±85° of latitude).
    pub const MAX_LONGITUDE: f64 = 180.0;
    pub const MAX_LATITUDE: f64 = 85.0;

    /// Whether this georeference can be used: the field at fault
    /// (`"origin"` or `"rotation_deg"`) and what is wrong with it.
    ///
    /// # Errors
    /// An origin outside ±180° longitude or ±85° latitude (or not finite), or
    /// a rotation that is not a finite number.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        let [lon, lat] = self.origin;
        if !(lon.abs() <= Self::MAX_LONGITUDE && lat.abs() <= Self::MAX_LATITUDE) {
            return Err((
                "origin",
                format!(
                    "expected [longitude, latitude] in degrees within ±180 and ±85, found [{lon}, {lat}]"
                ),
            ));
        }
        if !self.rotation_deg.is_finite() {
            return Err((
                "rotation_deg",
                format!(
                    "expected a finite rotation in degrees, found {}",
                    self.rotation_deg
                ),
            ));
        }
        Ok(())
    }
}

/// What a wall is made of, which decides whether it blocks sight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WallKind {
    /// Opaque.
    Wall,
    /// Opaque unless `open`.
    Door,
    /// Opaque unless `opaque: false` (frosted or shuttered by default).
    Window,
    /// See-through unless `opaque: true`.
    Glass,
    /// See-through unless `opaque: true`.
    Railing,
}

impl WallKind {
    /// All kinds, in the order the docs list them.
    pub const ALL: [WallKind; 5] = [
        WallKind::Wall,
        WallKind::Door,
        WallKind::Window,
        WallKind::Glass,
        WallKind::Railing,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            WallKind::Wall => "wall",
            WallKind::Door => "door",
            WallKind::Window => "window",
            WallKind::Glass => "glass",
            WallKind::Railing => "railing",
        }
    }

    /// The kind with this file name.
    pub fn from_name(name: &str) -> Option<WallKind> {
        WallKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A wall: a polyline of a given kind. Walls have no thickness for sight; draw a
/// thick wall as its two faces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wall {
    pub id: String,
    /// The level this item is on (a `levels` id; none: the first level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub kind: WallKind,
    pub path: Vec<Point>,
    /// A door or window on the outside of the building: a way in.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exterior: bool,
    /// Doors only: an open door lets sight through.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Windows, glass and railings: overrides the kind's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opaque: Option<bool>,
    /// Openings only: requirements, delay and passability for the security
    /// analysis.
    #[serde(flatten)]
    pub security: OpeningSecurity,
}

impl Wall {
    /// True when the wall stops sight.
    pub fn blocks_sight(&self) -> bool {
        match self.kind {
            WallKind::Wall => true,
            WallKind::Door => !self.open,
            WallKind::Window => self.opaque.unwrap_or(true),
            WallKind::Glass | WallKind::Railing => self.opaque.unwrap_or(false),
        }
    }

    /// True for doors, windows, glass and railings: places a person might get
    /// through.
    pub fn is_opening(&self) -> bool {
        self.kind != WallKind::Wall
    }

    /// True when a person can get through: doors always, windows and glass
    /// when the wall or `windows_passable` says so, railings unless the wall
    /// says not; plain walls never.
    pub fn passable(&self, windows_passable: bool) -> bool {
        match self.kind {
            WallKind::Wall => false,
            WallKind::Door => true,
            WallKind::Window | WallKind::Glass => {
                self.security.passable.unwrap_or(windows_passable)
            }
            WallKind::Railing => self.security.passable.unwrap_or(true),
        }
    }
}

/// What a zone represents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    Room,
    Exterior,
    Asset,
}

impl ZoneKind {
    /// All kinds, in the order the docs list them.
    pub const ALL: [ZoneKind; 3] = [ZoneKind::Room, ZoneKind::Exterior, ZoneKind::Asset];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            ZoneKind::Room => "room",
            ZoneKind::Exterior => "exterior",
            ZoneKind::Asset => "asset",
        }
    }

    /// The kind with this file name.
    pub fn from_name(name: &str) -> Option<ZoneKind> {
        ZoneKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A region where coverage is measured. Zones may overlap and have holes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    pub id: String,
    /// The level this item is on (a `levels` id; none: the first level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub name: String,
    pub kind: ZoneKind,
    /// Positive weight in weighted coverage.
    pub priority: f64,
    /// The density level this zone must be seen at (a level's name), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// Asset zones: the time needed to force the display case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay: Option<Delay>,
    /// The share of the zone (0..1) a layout must see at its required level:
    /// the optimiser meets these minimums before it adds raw weighted area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
    /// Outer ring, open (the first point is not repeated), either orientation.
    pub polygon: Vec<Point>,
    pub holes: Vec<Vec<Point>>,
}

/// What kind of camera a model is: a label for people, and the default
/// projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    Dome,
    Bullet,
    Varifocal,
    Panoramic,
    Fisheye,
    /// Pan-tilt-zoom: planned at its current aim (what it sees while it looks
    /// this way), and labelled so.
    Ptz,
}

impl ModelKind {
    pub const ALL: [ModelKind; 6] = [
        ModelKind::Dome,
        ModelKind::Bullet,
        ModelKind::Varifocal,
        ModelKind::Panoramic,
        ModelKind::Fisheye,
        ModelKind::Ptz,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Dome => "dome",
            ModelKind::Bullet => "bullet",
            ModelKind::Varifocal => "varifocal",
            ModelKind::Panoramic => "panoramic",
            ModelKind::Fisheye => "fisheye",
            ModelKind::Ptz => "ptz",
        }
    }

    pub fn from_name(name: &str) -> Option<ModelKind> {
        ModelKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How the lens maps directions to pixels (see docs/cameras.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Projection {
    /// An ordinary lens: straight lines stay straight.
    Rectilinear,
    /// A cylindrical panorama (180° multi-sensor or de-warped): pixels spread
    /// evenly over the horizontal angle.
    Panoramic,
    /// An equidistant fisheye looking straight down.
    Fisheye,
}

impl Projection {
    pub const ALL: [Projection; 3] = [
        Projection::Rectilinear,
        Projection::Panoramic,
        Projection::Fisheye,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Projection::Rectilinear => "rectilinear",
            Projection::Panoramic => "panoramic",
            Projection::Fisheye => "fisheye",
        }
    }

    pub fn from_name(name: &str) -> Option<Projection> {
        Projection::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Zone {
    /// The zone's area as a polygon (outer ring counter-clockwise, holes
    /// clockwise).
    pub fn shape(&self) -> crate::geometry::Polygon {
        crate::geometry::Polygon::new(self.polygon.clone(), self.holes.clone())
    }
}

/// A camera model in the catalogue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CameraModel {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ModelKind>,
    /// Default: fisheye for fisheye models, panoramic for panoramic ones,
    /// rectilinear otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<Projection>,
    /// Sensor resolution, horizontal and vertical pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_px: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vfov_deg: Option<f64>,
    /// Fixed focal length (with `sensor_mm`, gives the fields of view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_mm: Option<f64>,
    /// Varifocal lens: the cameras pick a focal length in this range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_range_mm: Option<[f64; 2]>,
    /// Active sensor area, width and height in millimetres.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensor_mm: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub install_cost: Option<f64>,
    /// Taking one down (what removing or replacing a camera of this model costs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removal_cost: Option<f64>,
    /// The prices are examples (the starter catalogue's), not quotes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example_prices: bool,
}

impl CameraModel {
    /// The projection, from the model or its kind.
    pub fn projection(&self) -> Projection {
        self.projection.unwrap_or(match self.kind {
            Some(ModelKind::Fisheye) => Projection::Fisheye,
            Some(ModelKind::Panoramic) => Projection::Panoramic,
            _ => Projection::Rectilinear,
        })
    }
}

/// A placed camera. Fields of view and range default to its model's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    pub id: String,
    /// The level this item is on (a `levels` id; none: the first level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub position: Point,
    /// Direction of the optical axis, degrees counter-clockwise from east.
    pub heading_deg: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_m: Option<f64>,
    /// Varifocal models: the focal length picked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_mm: Option<f64>,
    /// Mounting height above the floor. Without it the camera is a flat cone
    /// (no dead zone below it, no far edge from tilt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height_m: Option<f64>,
    /// Tilt down from horizontal, degrees (0 when a height is given without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tilt_deg: Option<f64>,
    /// How its picture is used (default `settings.camera_use`).
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub usage: Option<CameraUse>,
    /// Recording settings of this camera, over `settings.recording`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recording: Option<super::documents::RecordingOverride>,
    /// What the camera is for (monitor, detect, observe, recognise, identify).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<super::documents::Purpose>,
}

/// A pixel-density level (IEC 62676-4 DORI by default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DensityLevel {
    pub name: String,
    /// Horizontal pixels per metre at the target.
    pub px_per_m: f64,
}

/// Scenario-wide settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Blind spots smaller than this are left out of the list (never out of totals).
    pub min_blind_spot_m2: f64,
    /// Currency of prices (a label, e.g. "EUR").
    pub currency: String,
    /// Height above the floor at which targets must be seen: 1.6 m, the height
    /// of an adult's face, which is what identification is about.
    pub target_height_m: f64,
    /// Density levels, any order (reports list them densest first).
    pub density_levels: Vec<DensityLevel>,
    /// The security analysis's settings (written flat, beside the others).
    #[serde(flatten)]
    pub security: SecuritySettings,
    /// The report's title block.
    #[serde(
        default,
        skip_serializing_if = "super::documents::ReportInfo::is_default"
    )]
    pub report: super::documents::ReportInfo,
    /// Recording defaults and the recorders' size.
    #[serde(
        default,
        skip_serializing_if = "super::documents::Recording::is_default"
    )]
    pub recording: super::documents::Recording,
}

/// IEC 62676-4:2015 DORI levels: identify 250, recognise 125, observe 62.5,
/// detect 25 px/m.
pub fn default_density_levels() -> Vec<DensityLevel> {
    [
        ("identify", 250.0),
        ("recognise", 125.0),
        ("observe", 62.5),
        ("detect", 25.0),
    ]
    .into_iter()
    .map(|(name, px)| DensityLevel {
        name: name.to_string(),
        px_per_m: px,
    })
    .collect()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_blind_spot_m2: 0.05,
            currency: "EUR".to_string(),
            target_height_m: 1.6,
            density_levels: default_density_levels(),
            security: SecuritySettings::default(),
            report: Default::default(),
            recording: Default::default(),
        }
    }
}

impl Settings {
    fn is_default(&self) -> bool {
        *self == Settings::default()
    }

    /// The density levels, densest first.
    pub fn levels_densest_first(&self) -> Vec<DensityLevel> {
        let mut levels = self.density_levels.clone();
        crate::sorting::by_key_descending(&mut levels, |l| l.px_per_m);
        levels
    }
}

/// A camera with its model's defaults applied: everything the geometry needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CameraSpec {
    pub position: Point,
    pub heading_deg: f64,
    pub hfov_deg: f64,
    pub range_m: f64,
    pub projection: Projection,
    /// Vertical geometry, for a camera with a mounting height.
    pub mount: Option<Mount>,
    /// Pixel density, for a model with a resolution.
    pub sensor: Option<Sensor>,
}

impl CameraSpec {
    /// A flat cone: no height, no resolution.
    pub fn flat(position: Point, heading_deg: f64, hfov_deg: f64, range_m: f64) -> CameraSpec {
        CameraSpec {
            position,
            heading_deg,
            hfov_deg,
            range_m,
            projection: Projection::Rectilinear,
            mount: None,
            sensor: None,
        }
    }
}

/// The optics a camera resolves to from itself, its model and the settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Optics {
    pub projection: Projection,
    pub focal_mm: Option<f64>,
    pub hfov_deg: Option<f64>,
    pub vfov_deg: Option<f64>,
    pub range_m: Option<f64>,
}

impl Scenario {
    /// The scenario as option `index` lays it out: its name and cameras, with
    /// the shared plan, catalogue and settings (and no options of its own).
    pub fn option(&self, index: usize) -> Option<Scenario> {
        let option = self.options.get(index)?;
        Some(Scenario {
            name: option.name.clone(),
            cameras: option.cameras.clone(),
            options: Vec::new(),
            ..self.clone()
        })
    }

    /// How a camera's picture is used: its own `use`, else the settings'.
    pub fn camera_use(&self, camera: &Camera) -> CameraUse {
        camera.usage.unwrap_or(self.settings.security.camera_use)
    }

    /// The model a camera names, if it names one that exists.
    pub fn model_of(&self, camera: &Camera) -> Option<&CameraModel> {
        let id = camera.model.as_deref()?;
        self.catalog.iter().find(|m| m.id == id)
    }

    /// Fields of view and range from the camera, else its lens and sensor, else
    /// its model (see docs/cameras.md for the order).
    pub fn optics(&self, camera: &Camera) -> Optics {
        let model = self.model_of(camera);
        let projection = model
            .map(|m| m.projection())
            .unwrap_or(Projection::Rectilinear);
        let focal = camera
            .focal_mm
            .or(model.and_then(|m| m.focal_mm))
            .or(model.and_then(|m| m.focal_range_mm.map(|r| r[0])));
        let sensor = model.and_then(|m| m.sensor_mm);
        let lens = |i: usize| -> Option<f64> {
            (projection == Projection::Rectilinear)
                .then_some(())
                .and(Some(crate::optics::fov_from_focal(sensor?[i], focal?)))
        };
        let hfov = camera
            .hfov_deg
            .or_else(|| lens(0))
            .or(model.and_then(|m| m.hfov_deg))
            .or((projection == Projection::Fisheye).then_some(360.0));
        let vfov = camera
            .vfov_deg
            .or_else(|| lens(1))
            .or(model.and_then(|m| m.vfov_deg))
            .or_else(|| {
                let [w, h] = model?.resolution_px?;
                Some(crate::optics::vfov_from_aspect(projection, hfov?, w, h))
            })
            .or((projection == Projection::Fisheye).then_some(180.0));
        Optics {
            projection,
            focal_mm: focal,
            hfov_deg: hfov,
            vfov_deg: vfov,
            range_m: camera.range_m.or(model.and_then(|m| m.range_m)),
        }
    }

    /// Everything the geometry needs about a camera. `None` when its field of
    /// view or range cannot be resolved, or it has a height but no vertical
    /// field of view (validation reports those).
    pub fn spec(&self, camera: &Camera) -> Option<CameraSpec> {
        let optics = self.optics(camera);
        let hfov = optics.hfov_deg?;
        let mount = match camera.height_m {
            Some(height_m) => Some(Mount {
                height_m,
                tilt_deg: camera
                    .tilt_deg
                    .unwrap_or(if optics.projection == Projection::Fisheye {
                        90.0
                    } else {
                        0.0
                    }),
                vfov_deg: optics.vfov_deg?,
                target_height_m: self.settings.target_height_m,
            }),
            None => None,
        };
        let sensor = self
            .model_of(camera)
            .and_then(|m| m.resolution_px)
            .map(|[h_px, v_px]| Sensor {
                projection: optics.projection,
                h_px,
                v_px,
                hfov_deg: hfov,
                // Never used: with `resolution_px` the optics always derive a
                // vertical field of view from the aspect (`vfov_from_aspect`).
                vfov_deg: optics.vfov_deg.unwrap_or(180.0),
                drop_m: mount.map(|m| m.drop()).unwrap_or(0.0),
            });
        Some(CameraSpec {
            position: camera.position,
            heading_deg: camera.heading_deg,
            hfov_deg: hfov,
            range_m: optics.range_m?,
            projection: optics.projection,
            mount,
            sensor,
        })
    }
}
