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

use crate::geometry::{Anchor, Bounds, Point, ring_signed_area};
use crate::plan::{PreparedPlan, SightStart};
use crate::scenario::CameraSpec;

/// A camera's view region and its density bands.
///
/// What the camera covers is `ring` minus `dead`: both are simple polygons,
/// counter-clockwise, cut from the same angular grid, with `dead` inside
/// `ring`. Rings are in world coordinates; `local` holds the same rings in the
/// plan's local coordinates, exactly as computed (coverage uses those).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Everything visible up to the far edge (open ring: the first point is not
    /// repeated; for a view that is not a whole circle the first point is the
    /// apex).
    pub ring: Vec<Point>,
    /// The visible part of the dead zone under the camera (within the near
    /// edge); empty when there is none.
    pub dead: Vec<Point>,
    /// Per density level (densest first): everything visible within the
    /// distance where the level holds, or empty when it holds nowhere beyond
    /// the near edge. The level's region is this minus `dead`.
    pub levels: Vec<Vec<Point>>,
    /// Covered area: area of `ring` minus area of `dead`, m².
    pub area: f64,
    /// Per level, the area seen at that density or better, m².
    pub level_areas: Vec<f64>,
    pub bounds: Bounds,
    /// Near and far edges on the floor (horizontal distances, m).
    pub near_m: f64,
    pub far_m: f64,
    /// Per level, the horizontal distance to which it holds (clamped to the
    /// footprint).
    pub level_radii: Vec<f64>,
    /// The rings in plan-local coordinates.
    pub local: LocalRings,
}

/// A view's rings in the plan's local coordinates (world minus the plan's anchor).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalRings {
    pub anchor: Anchor,
    pub ring: Vec<Point>,
    pub dead: Vec<Point>,
    pub levels: Vec<Vec<Point>>,
}

impl View {
    /// True when `other` is this view bit for bit (every coordinate and figure
    /// with the same bits: `0.0` and `-0.0` differ, `NaN` equals itself), so
    /// that keeping one or the other cannot change anything that reads it.
    pub fn same_bits(&self, other: &View) -> bool {
        fn pts(a: &[Point], b: &[Point]) -> bool {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(p, q)| p.x.to_bits() == q.x.to_bits() && p.y.to_bits() == q.y.to_bits())
        }
        fn rings(a: &[Vec<Point>], b: &[Vec<Point>]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(p, q)| pts(p, q))
        }
        fn nums(a: &[f64], b: &[f64]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
        }
        let (a, b) = (&self.bounds, &other.bounds);
        pts(&self.ring, &other.ring)
            && pts(&self.dead, &other.dead)
            && rings(&self.levels, &other.levels)
            && nums(
                &[self.area, self.near_m, self.far_m],
                &[other.area, other.near_m, other.far_m],
            )
            && nums(&self.level_areas, &other.level_areas)
            && nums(&self.level_radii, &other.level_radii)
            && pts(&[a.min, a.max], &[b.min, b.max])
            && pts(&[self.local.anchor.origin], &[other.local.anchor.origin])
            && pts(&self.local.ring, &other.local.ring)
            && pts(&self.local.dead, &other.local.dead)
            && rings(&self.local.levels, &other.local.levels)
    }

    /// An empty view (a camera that sees nothing).
    pub fn empty(levels: usize) -> View {
        View {
            levels: vec![Vec::new(); levels],
            level_areas: vec![0.0; levels],
            level_radii: vec![0.0; levels],
            bounds: Bounds::EMPTY,
            local: LocalRings {
                levels: vec![Vec::new(); levels],
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

/// Where sight starts for a camera, and the sector it is cut to (at the
/// camera's full range), both plan-local.
pub fn camera_sector(plan: &PreparedPlan, spec: &CameraSpec) -> (SightStart, Sector) {
    let start = plan.sight_start(
        spec.position,
        spec.heading_deg.to_radians(),
        spec.hfov_deg.to_radians(),
    );
    let sector = Sector::new(
        start.apex,
        spec.heading_deg,
        spec.hfov_deg,
        spec.range_m,
        &plan.tolerances,
    );
    (start, sector)
}

fn area_of(ring: &[Point]) -> f64 {
    if ring.len() < 3 {
        0.0
    } else {
        ring_signed_area(ring).max(0.0)
    }
}

/// Computes a camera's view: visibility cut to its footprint on the floor (from
/// the near to the far edge) and its density bands for the given levels
/// (px/m, densest first).
pub fn camera_view(
    plan: &PreparedPlan,
    spec: &CameraSpec,
    levels_px_per_m: &[f64],
    expander: &mut Expander,
) -> View {
    let n = levels_px_per_m.len();
    let (near, far) = match spec.mount {
        Some(mount) => match crate::optics::footprint(&mount, spec.projection, spec.range_m) {
            Some(edges) => edges,
            None => return View::empty(n),
        },
        None => (0.0, spec.range_m),
    };
    let (start, full) = camera_sector(plan, spec);
    let mesh = &plan.mesh;
    let ring = expander.view_ring(mesh, &full.with_range(far), &start);
    if ring.len() < 3 {
        return View::empty(n);
    }
    let dead = if near > 0.0 {
        expander.view_ring(mesh, &full.with_range(near), &start)
    } else {
        Vec::new()
    };
    let dead_area = area_of(&dead);
    let mut view = View {
        area: (area_of(&ring) - dead_area).max(0.0),
        near_m: near,
        far_m: far,
        ..View::empty(n)
    };
    let mut levels = vec![Vec::new(); n];
    if let Some(sensor) = spec.sensor {
        for (i, &px) in levels_px_per_m.iter().enumerate() {
            let radius = sensor.radius_for(px, far);
            view.level_radii[i] = radius.max(near);
            if radius <= near {
                continue;
            }
            let band = if radius >= far {
                ring.clone()
            } else {
                expander.view_ring(mesh, &full.with_range(radius), &start)
            };
            view.level_areas[i] = (area_of(&band) - dead_area).max(0.0);
            levels[i] = band;
        }
    }
    let anchor = plan.anchor;
    view.ring = anchor.ring_to_world(&ring);
    view.bounds = Bounds::of_points(&view.ring);
    view.dead = anchor.ring_to_world(&dead);
    view.levels = levels.iter().map(|r| anchor.ring_to_world(r)).collect();
    view.local = LocalRings {
        anchor,
        ring,
        dead,
        levels,
    };
    view
}

/// Everything a camera sees within `radius` of where it stands (world
/// coordinates): the ring a density band at that distance would have.
pub fn view_ring_within(
    plan: &PreparedPlan,
    spec: &CameraSpec,
    radius: f64,
    expander: &mut Expander,
) -> Vec<Point> {
    let (start, sector) = camera_sector(plan, spec);
    let ring = expander.view_ring(&plan.mesh, &sector.with_range(radius), &start);
    plan.anchor.ring_to_world(&ring)
}

/// Computes a view with a fresh expander and no density levels (convenience
/// for one-off queries).
pub fn view_of(plan: &PreparedPlan, spec: &CameraSpec) -> View {
    camera_view(plan, spec, &[], &mut Expander::default())
}

/// The apex of a view: where sight starts (world coordinates).
pub fn sight_origin(plan: &PreparedPlan, spec: &CameraSpec) -> Point {
    plan.anchor.to_world(camera_sector(plan, spec).0.apex)
}

/// Where sight starts for a camera and the directions it may take there, in
/// world coordinates: windows narrower than 180 degrees, each as two points on
/// its bounding rays, counter-clockwise; none for a camera clear of walls (it
/// may look all around). A camera on a wall sees one side of it only.
pub fn sight_directions(plan: &PreparedPlan, spec: &CameraSpec) -> (Point, Vec<(Point, Point)>) {
    let start = camera_sector(plan, spec).0;
    let a = plan.anchor;
    (
        a.to_world(start.apex),
        start
            .windows
            .iter()
            .map(|&(r, l)| (a.to_world(r), a.to_world(l)))
            .collect(),
    )
}
