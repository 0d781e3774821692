//! What the security analysis reads from a scenario: requirements on openings,
//! delays (the time needed to force an opening or a display case), how each
//! camera is used, non-camera detectors and the response force.
//!
//! Every field is optional and new in format version 1: a file without them keeps
//! its meaning and its figures (see docs/scenario-format.md, "Security").

use crate::geometry::Point;
use serde::{Deserialize, Serialize};

/// A time with its spread: the mean and the standard deviation, in seconds
/// (EASI treats such times as normally distributed).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delay {
    pub mean_s: f64,
    pub sd_s: f64,
}

impl Delay {
    /// No delay at all.
    pub const ZERO: Delay = Delay {
        mean_s: 0.0,
        sd_s: 0.0,
    };

    /// The variance, s².
    pub fn variance(&self) -> f64 {
        self.sd_s * self.sd_s
    }
}

/// How a camera's picture is used, which decides whether it can detect an
/// intruder in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CameraUse {
    /// Watched live by an operator.
    Live,
    /// Watched by video analytics that raise an alarm.
    Analytics,
    /// Recorded only: it detects nothing in time (the Louvre's lesson).
    Recording,
}

impl CameraUse {
    /// All uses, in the order the docs list them.
    pub const ALL: [CameraUse; 3] = [CameraUse::Live, CameraUse::Analytics, CameraUse::Recording];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            CameraUse::Live => "live",
            CameraUse::Analytics => "analytics",
            CameraUse::Recording => "recording",
        }
    }

    /// The use with this file name.
    pub fn from_name(name: &str) -> Option<CameraUse> {
        CameraUse::ALL.into_iter().find(|u| u.name() == name)
    }
}

/// What an opening (a door, window, glass or railing) says for the security
/// analysis; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpeningSecurity {
    /// The density level this opening must be seen at (overrides
    /// `settings.opening_required_level`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// How many cameras must see it at that level (overrides
    /// `settings.opening_required_cameras`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_cameras: Option<u32>,
    /// Time needed to force or pass it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay: Option<Delay>,
    /// Windows, glass and railings: whether a person can get through
    /// (overrides `settings.windows_passable` and the railing default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passable: Option<bool>,
}

impl OpeningSecurity {
    /// True when nothing is stated.
    pub fn is_empty(&self) -> bool {
        *self == OpeningSecurity::default()
    }
}

/// Probability that a camera used in a given way detects an intruder in its
/// view (recording only is always 0).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CameraDetection {
    pub live: f64,
    pub analytics: f64,
}

impl Default for CameraDetection {
    /// An operator watching a wall of monitors misses about half of what
    /// crosses one screen; analytics tuned for a scene detect most intrusions.
    fn default() -> Self {
        CameraDetection {
            live: 0.5,
            analytics: 0.9,
        }
    }
}

impl CameraDetection {
    /// The probability of detection of a camera used as `usage`.
    pub fn of(&self, usage: CameraUse) -> f64 {
        match usage {
            CameraUse::Live => self.live,
            CameraUse::Analytics => self.analytics,
            CameraUse::Recording => 0.0,
        }
    }
}

/// The response force: how long it takes to arrive once an alarm is raised,
/// and the probability that an alarm reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub mean_s: f64,
    pub sd_s: f64,
    pub p_communication: f64,
}

/// Scenario-wide settings of the security analysis (part of `settings`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecuritySettings {
    /// Level every audited opening must be seen at unless it states its own;
    /// `None`: being seen at all is enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_required_level: Option<String>,
    /// Cameras that must see each audited opening at that level.
    #[serde(skip_serializing_if = "is_one")]
    pub opening_required_cameras: u32,
    /// Speed of an intruder on foot, m/s.
    #[serde(skip_serializing_if = "is_walking_speed")]
    pub walking_speed_m_s: f64,
    /// Whether windows and glass can be passed by a person (railings always can
    /// unless they say otherwise).
    #[serde(skip_serializing_if = "is_true")]
    pub windows_passable: bool,
    /// Use of cameras that do not state their own.
    #[serde(skip_serializing_if = "is_live")]
    pub camera_use: CameraUse,
    #[serde(skip_serializing_if = "is_default_detection")]
    pub camera_detection: CameraDetection,
    /// Needed for the probability of interruption; none by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
}

/// An adult walking briskly.
pub const DEFAULT_WALKING_SPEED_M_S: f64 = 1.4;

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            opening_required_level: None,
            opening_required_cameras: 1,
            walking_speed_m_s: DEFAULT_WALKING_SPEED_M_S,
            windows_passable: true,
            camera_use: CameraUse::Live,
            camera_detection: CameraDetection::default(),
            response: None,
        }
    }
}

fn is_one(n: &u32) -> bool {
    *n == 1
}
fn is_walking_speed(v: &f64) -> bool {
    *v == DEFAULT_WALKING_SPEED_M_S
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_live(u: &CameraUse) -> bool {
    *u == CameraUse::Live
}
fn is_default_detection(d: &CameraDetection) -> bool {
    *d == CameraDetection::default()
}

/// A non-camera detector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detector {
    pub id: String,
    /// The level this item is on (a `levels` id; none: the first level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(flatten)]
    pub kind: DetectorKind,
    /// Probability that it detects an intruder passing it (0..1).
    pub p_detect: f64,
}

/// What a detector is and where it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DetectorKind {
    /// A passive-infrared motion detector: a cone like a camera's, occluded by
    /// opaque walls.
    Motion {
        position: Point,
        heading_deg: f64,
        hfov_deg: f64,
        range_m: f64,
    },
    /// A contact on a door or window: trips when the opening is opened.
    Contact { opening: String },
    /// An acoustic glass-break sensor: hears windows, glass and display cases
    /// being broken within its range.
    GlassBreak { position: Point, range_m: f64 },
    /// An alarm on a display case (an asset zone): trips when it is attacked.
    Case { zone: String },
}

impl DetectorKind {
    /// The names used in files.
    pub const NAMES: [&'static str; 4] = ["motion", "contact", "glass_break", "case"];

    /// The name used in files.
    pub fn name(&self) -> &'static str {
        match self {
            DetectorKind::Motion { .. } => "motion",
            DetectorKind::Contact { .. } => "contact",
            DetectorKind::GlassBreak { .. } => "glass_break",
            DetectorKind::Case { .. } => "case",
        }
    }
}
