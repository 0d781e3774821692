//! Plan-local coordinates: world coordinates minus an anchor near the plan.

use super::{Bounds, Point};

/// The world point plan-local coordinates count from.
///
/// Subtracting a nearby anchor is exact for coordinates within a factor of two
/// of it (Sterbenz), so a plan a millimetre across a kilometre from the origin
/// keeps every bit of its geometry, and moving a plan moves nothing but the
/// anchor.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    pub origin: Point,
}

impl Anchor {
    /// The middle of `bounds` (the world origin for an empty box).
    pub fn of_bounds(bounds: Bounds) -> Anchor {
        if bounds.is_empty() {
            return Anchor::default();
        }
        Anchor {
            origin: Point::new(
                bounds.min.x / 2.0 + bounds.max.x / 2.0,
                bounds.min.y / 2.0 + bounds.max.y / 2.0,
            ),
        }
    }

    pub fn to_local(self, p: Point) -> Point {
        p - self.origin
    }

    pub fn to_world(self, p: Point) -> Point {
        p + self.origin
    }

    /// A ring of plan-local points in world coordinates.
    pub fn ring_to_world(self, ring: &[Point]) -> Vec<Point> {
        ring.iter().map(|&p| self.to_world(p)).collect()
    }
}
