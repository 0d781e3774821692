//! A plan prepared for visibility queries: opaque walls noded into a clean graph,
//! triangulated, and indexed for mounting.

mod mesh;
mod mount;
mod noding;

pub use mesh::{Link, Location, Mesh};
pub use mount::WallIndex;
pub use noding::{WallGraph, build_wall_graph};

use crate::geometry::{Point, Tolerances};
use crate::scenario::{MAX_COORDINATE_M, MAX_RANGE_M, Plan};

/// Half-size of the square frame the triangulation fills: every camera position
/// and everything within its range lies inside it.
pub const FRAME_HALF_SIZE_M: f64 = (MAX_COORDINATE_M + MAX_RANGE_M) * 1.25;

/// The opaque walls of a plan, ready for visibility queries.
#[derive(Clone, Debug)]
pub struct PreparedPlan {
    pub mesh: Mesh,
    pub walls: WallIndex,
    pub tolerances: Tolerances,
}

impl PreparedPlan {
    /// Prepares the plan's opaque walls (see-through ones are ignored for sight).
    pub fn new(plan: &Plan, tolerances: Tolerances) -> PreparedPlan {
        let segments: Vec<(Point, Point)> = plan
            .walls
            .iter()
            .filter(|w| w.blocks_sight())
            .flat_map(|w| w.path.windows(2).map(|p| (p[0], p[1])))
            .collect();
        let graph = build_wall_graph(&segments, tolerances.snap_m);
        PreparedPlan {
            mesh: Mesh::build(&graph, FRAME_HALF_SIZE_M),
            walls: WallIndex::new(&graph),
            tolerances,
        }
    }
}
