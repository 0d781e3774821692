//! The room around a point: the face of the wall graph that contains it, as a
//! polygon with holes, found by flooding the triangulation from the point
//! through edges that are not walls.
//!
//! The editor uses it to make a room's zone from one click. Rooms are bounded
//! by *every* wall, door, window, glass pane and railing, open or closed: a
//! room with an open door is still a room (sight goes through the door, a
//! zone's outline does not), so this floods a mesh of all the walls rather than
//! the prepared plan's mesh of opaque ones ([`room_mesh`]).

use super::mesh::{Location, Mesh};
use super::noding::build_wall_graph;
use super::{FRAME_HALF_SIZE_M, PlanError};
use crate::geometry::{Anchor, Point, Polygon, ring_signed_area};
use crate::scenario::Plan;
use std::collections::HashMap;

/// What lies around a point of the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomAt {
    /// The point is inside a closed room: its outline (counter-clockwise) and
    /// holes (pillars, display cases drawn as walls; clockwise), in plan-local
    /// coordinates, and its area in m². Walls that end inside the room (a
    /// stub, a partition with a gap) are not part of the outline.
    Room { polygon: Polygon, area: f64 },
    /// The walls around the point leave a gap to the outside of the building
    /// (or there are none): no closed room contains it.
    Open,
    /// The point lies on a wall.
    OnWall,
}

/// A triangulation of every wall of `plan` (all kinds, open or closed), in the
/// local coordinates of `anchor`, for [`room_at`].
///
/// # Errors
/// As [`super::PreparedPlan::new`]: a wall the noding or the triangulation
/// cannot settle (never seen after validation); the message names the wall.
pub fn room_mesh(plan: &Plan, snap_m: f64, anchor: Anchor) -> Result<Mesh, PlanError> {
    let mut segments = Vec::new();
    let mut owners = Vec::new();
    for (i, w) in plan.walls.iter().enumerate() {
        for p in w.path.windows(2) {
            segments.push((anchor.to_local(p[0]), anchor.to_local(p[1])));
            owners.push(i);
        }
    }
    let graph = build_wall_graph(&segments, snap_m)
        .map_err(|error| super::noding_error(plan, &owners, anchor, error))?;
    Mesh::build(&graph, &[], FRAME_HALF_SIZE_M).map_err(PlanError::from)
}

/// The room of `mesh` containing the plan-local point `p` (see [`RoomAt`]).
pub fn room_at(mesh: &Mesh, p: Point) -> RoomAt {
    let start = match mesh.locate(p) {
        Location::Inside(t) => t,
        Location::OnEdge { triangle, edge } => {
            if mesh.walls[triangle][edge] {
                return RoomAt::OnWall;
            }
            triangle
        }
        Location::OnVertex(_) => return RoomAt::OnWall,
        Location::Outside => return RoomAt::Open,
    };
    // `enclosed` already says whether the face reaches the frame.
    if !mesh.enclosed.get(start).copied().unwrap_or(false) {
        return RoomAt::Open;
    }
    let mut inside = vec![false; mesh.tris.len()];
    let mut stack = vec![start];
    inside[start] = true;
    let mut face = Vec::new();
    while let Some(t) = stack.pop() {
        face.push(t);
        for k in 0..3 {
            let n = mesh.links[t][k];
            if !mesh.walls[t][k] && n.exists() && !inside[n.triangle()] {
                inside[n.triangle()] = true;
                stack.push(n.triangle());
            }
        }
    }
    // The face's boundary: its wall edges, directed as in their (counter-
    // clockwise) triangles, so the room is on their left. A wall with the room
    // on both sides (a stub) appears in both directions and is dropped.
    let mut edges: HashMap<(u32, u32), ()> = HashMap::new();
    for &t in &face {
        for k in 0..3 {
            if mesh.walls[t][k] {
                let a = mesh.tris[t][k];
                let b = mesh.tris[t][(k + 1) % 3];
                if edges.remove(&(b, a)).is_none() {
                    edges.insert((a, b), ());
                }
            }
        }
    }
    let rings = chain(mesh, edges.into_keys().collect());
    // A face flooded through edges is connected: one ring goes round it
    // counter-clockwise, the others (clockwise) are its holes.
    let (mut outer, holes): (Vec<_>, Vec<_>) =
        rings.into_iter().partition(|r| ring_signed_area(r) > 0.0);
    debug_assert!(outer.len() <= 1, "a face with {} outer rings", outer.len());
    crate::sorting::by_key_descending(&mut outer, |r| ring_signed_area(r));
    let exterior = outer.into_iter().next();
    let Some(exterior) = exterior else {
        return RoomAt::Open;
    };
    let area = ring_signed_area(&exterior) + holes.iter().map(|h| ring_signed_area(h)).sum::<f64>();
    RoomAt::Room {
        polygon: Polygon { exterior, holes },
        area,
    }
}

/// Chains directed boundary edges into rings. Where several edges leave one
/// vertex (a hole touching the outline), the next edge is the first one
/// clockwise from the way back, which keeps the room on the left.
fn chain(mesh: &Mesh, edges: Vec<(u32, u32)>) -> Vec<Vec<Point>> {
    let mut out_of: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in &edges {
        out_of.entry(a).or_default().push(b);
    }
    let point = |v: u32| mesh.points[v as usize];
    let mut rings = Vec::new();
    let mut firsts: Vec<(u32, u32)> = edges;
    firsts.sort_unstable();
    for (a0, b0) in firsts {
        let Some(list) = out_of.get_mut(&a0) else {
            continue;
        };
        let Some(pos) = list.iter().position(|&b| b == b0) else {
            continue;
        };
        list.swap_remove(pos);
        let mut ring = vec![point(a0)];
        let (mut prev, mut at) = (a0, b0);
        while at != a0 {
            ring.push(point(at));
            let Some(list) = out_of.get_mut(&at) else {
                break;
            };
            if list.is_empty() {
                break;
            }
            let back = point(prev) - point(at);
            let back_angle = back.y.atan2(back.x);
            let k = (0..list.len())
                .min_by(|&i, &j| {
                    let cw = |v: u32| {
                        let d = point(v) - point(at);
                        let mut a = back_angle - d.y.atan2(d.x);
                        if a <= 0.0 {
                            a += std::f64::consts::TAU;
                        }
                        a
                    };
                    cw(list[i]).total_cmp(&cw(list[j]))
                })
                .unwrap_or(0);
            let next = list.swap_remove(k);
            prev = at;
            at = next;
        }
        if ring.len() >= 3 {
            rings.push(ring);
        }
    }
    rings
}
