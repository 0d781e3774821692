//! What a camera sees on the plan: its view region.
//!
//! The view region is the set of points p with |p - c| <= range whose direction
//! from c lies within heading ± hfov/2 and where the segment c -> p crosses no
//! opaque wall. The range boundary is a chord polygon with the exact sector area
//! (see [`sector`]).

mod expansion;
pub mod sector;

pub use expansion::Expander;
pub use sector::Sector;

use crate::geometry::{Bounds, Point, ring_signed_area};
use crate::plan::PreparedPlan;
use crate::scenario::CameraSpec;

/// A camera's view region: a simple polygon, counter-clockwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// The boundary ring (open: the first point is not repeated). For a partial
    /// field of view the first point is the apex.
    pub ring: Vec<Point>,
    /// Area in square metres.
    pub area: f64,
    pub bounds: Bounds,
}

impl View {
    /// An empty view (camera where nothing can be seen from).
    pub fn empty() -> View {
        View {
            ring: Vec::new(),
            area: 0.0,
            bounds: Bounds::EMPTY,
        }
    }

    fn from_ring(ring: Vec<Point>) -> View {
        if ring.len() < 3 {
            return View::empty();
        }
        let area = ring_signed_area(&ring).max(0.0);
        View {
            bounds: Bounds::of_points(&ring),
            ring,
            area,
        }
    }
}

/// The point visibility starts from and the sector it is cut to.
pub fn camera_sector(plan: &PreparedPlan, spec: &CameraSpec) -> Sector {
    let heading = spec.heading_deg.to_radians();
    let origin = plan
        .walls
        .sight_origin(spec.position, heading, &plan.tolerances);
    Sector::new(
        origin,
        spec.heading_deg,
        spec.hfov_deg,
        spec.range_m,
        &plan.tolerances,
    )
}

/// Computes a camera's view region.
pub fn camera_view(plan: &PreparedPlan, spec: &CameraSpec, expander: &mut Expander) -> View {
    let sector = camera_sector(plan, spec);
    View::from_ring(expander.view_ring(&plan.mesh, &sector))
}

/// Computes a view with a fresh expander (convenience for one-off queries).
pub fn view_of(plan: &PreparedPlan, spec: &CameraSpec) -> View {
    camera_view(plan, spec, &mut Expander::default())
}

/// The apex of a view: where the camera effectively stands.
pub fn sight_origin(plan: &PreparedPlan, spec: &CameraSpec) -> Point {
    camera_sector(plan, spec).apex
}
