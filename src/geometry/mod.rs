//! Geometry primitives: points, exact predicates, polygons and tolerances.

mod anchor;
mod label;
mod point;
mod polygon;
pub mod predicates;
mod segment;
mod tolerance;

pub use anchor::Anchor;
pub use label::label_point;
pub use point::Point;
pub use point::ceil_log2;
pub use polygon::{Bounds, Polygon, ring_contains, ring_signed_area};
pub use segment::{closest_on_segment, segment_distance_squared};
pub use tolerance::Tolerances;
