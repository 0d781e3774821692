//! A plan prepared for visibility queries: opaque walls noded into a clean graph,
//! triangulated, and indexed for mounting.
//!
//! Everything here is in *plan-local* coordinates: world coordinates minus the
//! plan's [`Anchor`]. A plan far from the origin (survey coordinates) then keeps
//! full precision, and moving a plan changes no figure.

mod faces;
mod index;
mod mesh;
mod mount;
mod noding;
mod steiner;

pub use faces::{RoomAt, room_at, room_mesh};
pub use index::{IndexError, SegmentIndex};
pub use mesh::{Link, Location, Mesh, MeshError};
pub use mount::{Seat, SightStart, WallIndex};
pub use noding::{NodingError, WallGraph, build_wall_graph};
pub use steiner::steiner_points;

use crate::geometry::{Anchor, Bounds, Point, Polygon, Tolerances};
use crate::scenario::{MAX_COORDINATE_M, MAX_RANGE_M, Plan};

/// Half-size of the square frame the triangulation fills around the anchor:
/// every camera position allowed and everything within its range lies inside,
/// wherever the anchor is.
pub const FRAME_HALF_SIZE_M: f64 = (2.0 * MAX_COORDINATE_M + MAX_RANGE_M) * 1.25;

/// Why a plan's walls could not be prepared.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("wall \"{wall}\": {error}")]
    Noding { wall: String, error: NodingError },
    #[error("walls: {0}")]
    Mesh(#[from] MeshError),
    #[error("walls: {0}")]
    Index(#[from] IndexError),
}

/// The opaque walls of a plan, ready for visibility queries.
#[derive(Clone, Debug)]
pub struct PreparedPlan {
    /// World = local + anchor.
    pub anchor: Anchor,
    pub mesh: Mesh,
    pub walls: WallIndex,
    /// The tolerances in effect (scaled to the plan's size).
    pub tolerances: Tolerances,
    /// The zones, plan-local: they decide which side a wall camera sees.
    pub zones: Vec<Polygon>,
}

impl PreparedPlan {
    /// Prepares the plan's opaque walls (see-through ones are ignored for
    /// sight), anchored at the middle of the plan.
    ///
    /// # Errors
    /// A wall with a non-finite coordinate, or (never seen) geometry the noding
    /// or the triangulation cannot settle; the message names the wall.
    pub fn new(plan: &Plan, tolerances: Tolerances) -> Result<PreparedPlan, PlanError> {
        PreparedPlan::anchored(plan, tolerances, Anchor::of_bounds(plan_bounds(plan)))
    }

    /// Prepares the plan in the local coordinates of `anchor`.
    ///
    /// # Errors
    /// As [`PreparedPlan::new`].
    pub fn anchored(
        plan: &Plan,
        tolerances: Tolerances,
        anchor: Anchor,
    ) -> Result<PreparedPlan, PlanError> {
        let mut segments: Vec<(Point, Point)> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (i, w) in plan.walls.iter().enumerate() {
            if w.blocks_sight() {
                for p in w.path.windows(2) {
                    segments.push((anchor.to_local(p[0]), anchor.to_local(p[1])));
                    owners.push(i);
                }
            }
        }
        let tolerances = tolerances.for_extent(plan_extent(plan));
        let graph = build_wall_graph(&segments, tolerances.snap_m)
            .map_err(|error| noding_error(plan, &owners, anchor, error))?;
        let steiner = steiner_points(&graph)?;
        let mesh = Mesh::build(&graph, &steiner, FRAME_HALF_SIZE_M)?;
        Ok(PreparedPlan {
            anchor,
            walls: WallIndex::new(&graph)?,
            mesh,
            tolerances,
            zones: local_zones(plan, anchor),
        })
    }

    /// `plan` prepared before, from its parts (a session snapshot's): the
    /// zones are derived again; the parts must be what [`PreparedPlan::anchored`]
    /// made of this plan.
    pub(crate) fn from_parts(
        plan: &Plan,
        anchor: Anchor,
        mesh: Mesh,
        walls: WallIndex,
        tolerances: Tolerances,
    ) -> PreparedPlan {
        PreparedPlan {
            anchor,
            mesh,
            walls,
            tolerances,
            zones: local_zones(plan, anchor),
        }
    }

    /// Where sight starts for a camera at world `position` looking along
    /// `heading` (radians) with field of view `hfov` (radians).
    pub fn sight_start(&self, position: Point, heading: f64, hfov: f64) -> SightStart {
        self.walls.sight_start(
            self.anchor.to_local(position),
            heading,
            hfov,
            &self.tolerances,
            &self.mesh,
            &self.zones,
        )
    }
}

/// The plan's zones in the local coordinates of `anchor`.
fn local_zones(plan: &Plan, anchor: Anchor) -> Vec<Polygon> {
    plan.zones
        .iter()
        .map(|z| {
            let shape = z.shape();
            Polygon {
                exterior: shape.exterior.iter().map(|&p| anchor.to_local(p)).collect(),
                holes: shape
                    .holes
                    .iter()
                    .map(|h| h.iter().map(|&p| anchor.to_local(p)).collect())
                    .collect(),
            }
        })
        .collect()
}

/// The largest side of the box holding a plan's walls and zones.
fn plan_extent(plan: &Plan) -> f64 {
    let b = plan_bounds(plan);
    if b.is_empty() {
        0.0
    } else {
        b.size().x.max(b.size().y)
    }
}

/// The box holding a plan's walls and zones.
pub fn plan_bounds(plan: &Plan) -> Bounds {
    let mut b = Bounds::EMPTY;
    for w in &plan.walls {
        for p in &w.path {
            b.extend(*p);
        }
    }
    for z in &plan.zones {
        for ring in std::iter::once(&z.polygon).chain(&z.holes) {
            for p in ring {
                b.extend(*p);
            }
        }
    }
    b
}

/// A noding error as a plan error: the wall the failing piece belongs to
/// (`owners[piece]` is its index in `plan.walls`), and the place in the plan's
/// own coordinates (the noder works in the local ones of `anchor`).
pub(crate) fn noding_error(
    plan: &Plan,
    owners: &[usize],
    anchor: Anchor,
    error: NodingError,
) -> PlanError {
    let (piece, error) = match error {
        NodingError::DidNotConverge { piece, x, y } => {
            let p = anchor.to_world(Point::new(x, y));
            (
                piece,
                NodingError::DidNotConverge {
                    piece,
                    x: p.x,
                    y: p.y,
                },
            )
        }
        NodingError::NotFinite { piece } => (piece, error),
        NodingError::Index(_) => (0, error),
    };
    PlanError::Noding {
        wall: owners
            .get(piece)
            .map_or_else(String::new, |&w| plan.walls[w].id.clone()),
        error,
    }
}
