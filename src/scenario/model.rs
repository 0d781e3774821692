//! The scenario: a floorplan, a catalogue of camera models, the cameras and settings.
//!
//! Units are metres and degrees. x points east, y north (y up, as in CAD); angles
//! are counter-clockwise from +x. See docs/scenario-format.md.

use crate::geometry::Point;
use serde::Serialize;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One scenario file: a plan with cameras.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    /// Always [`FORMAT_VERSION`] when written.
    pub blindspot: u32,
    pub name: String,
    pub plan: Plan,
    pub catalog: Vec<CameraModel>,
    pub cameras: Vec<Camera>,
    #[serde(skip_serializing_if = "Settings::is_default")]
    pub settings: Settings,
}

/// Walls (what blocks sight) and zones (where coverage is measured).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Plan {
    pub walls: Vec<Wall>,
    pub zones: Vec<Zone>,
}

/// What a wall is made of, which decides whether it blocks sight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Wall {
    pub id: String,
    pub kind: WallKind,
    pub path: Vec<Point>,
    /// A door or window on the outside of the building: a way in.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exterior: bool,
    /// Doors only: an open door lets sight through.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Windows, glass and railings: overrides the kind's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opaque: Option<bool>,
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
}

/// What a zone represents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Zone {
    pub id: String,
    pub name: String,
    pub kind: ZoneKind,
    /// Positive weight in weighted coverage.
    pub priority: f64,
    /// Outer ring, open (the first point is not repeated), either orientation.
    pub polygon: Vec<Point>,
    pub holes: Vec<Vec<Point>>,
}

/// A camera model in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraModel {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_m: Option<f64>,
}

/// A placed camera. `hfov_deg` and `range_m` default to its model's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Camera {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub position: Point,
    /// Direction of the optical axis, degrees counter-clockwise from east.
    pub heading_deg: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_m: Option<f64>,
}

/// Scenario-wide settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// Blind spots smaller than this are left out of the list (never out of totals).
    pub min_blind_spot_m2: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_blind_spot_m2: 0.05,
        }
    }
}

impl Settings {
    fn is_default(&self) -> bool {
        *self == Settings::default()
    }
}

/// A camera with its model's defaults applied: everything the geometry needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CameraSpec {
    pub position: Point,
    pub heading_deg: f64,
    pub hfov_deg: f64,
    pub range_m: f64,
}

impl Scenario {
    /// The model a camera names, if it names one that exists.
    pub fn model_of(&self, camera: &Camera) -> Option<&CameraModel> {
        let id = camera.model.as_deref()?;
        self.catalog.iter().find(|m| m.id == id)
    }

    /// The camera's effective field of view and range. `None` when neither the
    /// camera nor its model gives them (validation reports that).
    pub fn spec(&self, camera: &Camera) -> Option<CameraSpec> {
        let model = self.model_of(camera);
        Some(CameraSpec {
            position: camera.position,
            heading_deg: camera.heading_deg,
            hfov_deg: camera.hfov_deg.or(model.and_then(|m| m.hfov_deg))?,
            range_m: camera.range_m.or(model.and_then(|m| m.range_m))?,
        })
    }
}
