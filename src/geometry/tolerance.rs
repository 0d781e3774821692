//! Named geometric tolerances, passed explicitly instead of scattered literals.

/// Distances below which the core treats geometry as touching.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerances {
    /// Wall vertices closer than this are merged, and a wall end this close to
    /// another wall is joined to it, so sight cannot leak through hairline gaps.
    pub snap_m: f64,
    /// A camera this close to an opaque wall is mounted on it: it sees only into
    /// the side it faces.
    pub mount_m: f64,
    /// How far a mounted camera is moved off its wall, into the side it faces, so
    /// that visibility starts from a point strictly inside a room. Far below any
    /// physical size; the area it shaves off is under 1e-6 of a room's.
    pub mount_offset_m: f64,
    /// Largest distance between a camera's range boundary as computed (a polygon)
    /// and the true circle.
    pub arc_deviation_m: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            snap_m: 1e-6,
            mount_m: 1e-6,
            mount_offset_m: 1e-7,
            arc_deviation_m: 0.005,
        }
    }
}
