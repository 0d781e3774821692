//! Named geometric tolerances, passed explicitly instead of scattered literals.

/// Distances and angles below which the core treats geometry as touching.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tolerances {
    /// Wall vertices closer than this are merged, and a wall end this close to
    /// another wall is joined to it, so sight cannot leak through hairline gaps.
    /// For plans smaller than 100 m it shrinks to [`Self::RELATIVE`] of the
    /// plan's size (see [`Self::for_extent`]).
    pub snap_m: f64,
    /// A camera this close to an opaque wall is mounted on it: sight starts on
    /// the wall and covers only the side it faces. Scaled like `snap_m`.
    pub mount_m: f64,
    /// Directions closer than this (radians) are the same: a heading this close
    /// to a wall's direction runs along the wall.
    pub angle_rad: f64,
    /// Largest distance between a camera's range boundary as computed (a polygon)
    /// and the true circle.
    pub arc_deviation_m: f64,
}

impl Tolerances {
    /// The largest share of a plan's size the snap and mount tolerances may
    /// take: a plan a millimetre across is snapped at 10 picometres, not at a
    /// micrometre (which would merge its features).
    pub const RELATIVE: f64 = 1e-8;

    /// These tolerances for a plan whose extent (largest side of its bounding
    /// box) is `extent_m`.
    pub fn for_extent(self, extent_m: f64) -> Tolerances {
        let cap = if extent_m > 0.0 {
            Self::RELATIVE * extent_m
        } else {
            f64::INFINITY
        };
        Tolerances {
            snap_m: self.snap_m.min(cap),
            mount_m: self.mount_m.min(cap),
            ..self
        }
    }
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            snap_m: 1e-6,
            mount_m: 1e-6,
            angle_rad: 1e-12,
            arc_deviation_m: 0.005,
        }
    }
}
