//! Bounds on the values a scenario may hold.

use serde::Serialize;

/// Largest absolute coordinate accepted, in metres (1,000 km).
pub const MAX_COORDINATE_M: f64 = 1e6;
/// Largest camera range accepted, in metres.
pub const MAX_RANGE_M: f64 = 100_000.0;

/// A bound on a number: `min < x <= max`, or `min <= x <= max` when
/// `min_inclusive`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bound {
    pub min: f64,
    pub min_inclusive: bool,
    pub max: f64,
    /// The unit as messages write it.
    pub unit: &'static str,
}

impl Bound {
    /// True when `x` is within the bound (never for NaN).
    pub fn contains(&self, x: f64) -> bool {
        (if self.min_inclusive {
            x >= self.min
        } else {
            x > self.min
        }) && x <= self.max
    }
}

/// The bounds of a camera's fields, as validation checks them: the one copy a
/// front end's inputs also follow (the page reads them through `Scene.limits()`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CameraLimits {
    pub height_m: Bound,
    pub tilt_deg: Bound,
    pub hfov_deg: Bound,
    pub vfov_deg: Bound,
    pub range_m: Bound,
    /// Each coordinate of a position, in absolute value.
    pub coordinate_m: Bound,
}

/// See [`CameraLimits`].
pub const CAMERA_LIMITS: CameraLimits = CameraLimits {
    height_m: Bound {
        min: 0.0,
        min_inclusive: true,
        max: 100.0,
        unit: "m",
    },
    tilt_deg: Bound {
        min: -90.0,
        min_inclusive: true,
        max: 90.0,
        unit: "degrees",
    },
    hfov_deg: Bound {
        min: 0.0,
        min_inclusive: false,
        max: 360.0,
        unit: "degrees",
    },
    vfov_deg: Bound {
        min: 0.0,
        min_inclusive: false,
        max: 360.0,
        unit: "degrees",
    },
    range_m: Bound {
        min: 0.0,
        min_inclusive: false,
        max: MAX_RANGE_M,
        unit: "m",
    },
    coordinate_m: Bound {
        min: 0.0,
        min_inclusive: true,
        max: MAX_COORDINATE_M,
        unit: "m",
    },
};
