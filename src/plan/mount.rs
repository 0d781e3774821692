//! Cameras mounted on walls: a camera within the mount tolerance of an opaque wall
//! sees into the side its heading points into, never through the wall.
//!
//! Visibility starts from a point strictly inside that side: the wall point (or
//! corner) the camera sits on, moved off it by the mount offset along the middle
//! of the open wedge.

use super::noding::WallGraph;
use crate::geometry::{Point, Tolerances, closest_on_segment, segment_distance_squared};
use rstar::{AABB, PointDistance, RTree, RTreeObject};
use std::f64::consts::TAU;

/// A wall edge in the spatial index.
#[derive(Clone, Copy, Debug)]
struct Edge {
    a: Point,
    b: Point,
}

impl RTreeObject for Edge {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners([self.a.x, self.a.y], [self.b.x, self.b.y])
    }
}

impl PointDistance for Edge {
    fn distance_2(&self, p: &[f64; 2]) -> f64 {
        segment_distance_squared(self.a, self.b, Point::new(p[0], p[1]))
    }
}

/// Spatial index of opaque wall edges, for finding walls a camera stands on.
#[derive(Clone, Debug)]
pub struct WallIndex {
    tree: RTree<Edge>,
}

impl WallIndex {
    pub fn new(graph: &WallGraph) -> Self {
        let edges = graph
            .edges
            .iter()
            .map(|e| Edge {
                a: graph.vertices[e[0] as usize],
                b: graph.vertices[e[1] as usize],
            })
            .collect();
        WallIndex {
            tree: RTree::bulk_load(edges),
        }
    }

    /// Where visibility should start for a camera at `position` looking along
    /// `heading` with field of view `hfov` (radians): the position itself when it
    /// is clear of walls, or a point just off the wall on the side it faces.
    pub fn sight_origin(
        &self,
        position: Point,
        heading: f64,
        hfov: f64,
        tol: &Tolerances,
    ) -> Point {
        let near: Vec<Edge> = self
            .tree
            .locate_within_distance([position.x, position.y], tol.mount_m * tol.mount_m)
            .copied()
            .collect();
        if near.is_empty() {
            return position;
        }
        // The point on the wall the camera stands on: a wall end (corner) when
        // one is within tolerance, else the closest point on the closest wall.
        let mount2 = tol.mount_m * tol.mount_m;
        let corner = near
            .iter()
            .flat_map(|e| [e.a, e.b])
            .filter(|p| p.distance_squared(position) <= mount2)
            .min_by(|p, q| {
                p.distance_squared(position)
                    .total_cmp(&q.distance_squared(position))
            });
        let base = match corner {
            Some(c) => c,
            None => {
                let e = near
                    .iter()
                    .min_by(|e, f| {
                        e.distance_2(&[position.x, position.y])
                            .total_cmp(&f.distance_2(&[position.x, position.y]))
                    })
                    .copied()
                    .unwrap_or(near[0]);
                e.a.lerp(e.b, closest_on_segment(e.a, e.b, position).0)
            }
        };
        // Directions of the walls leaving the base point.
        let mut dirs: Vec<f64> = Vec::new();
        for e in &near {
            for (from, to) in [(e.a, e.b), (e.b, e.a)] {
                if from == base {
                    dirs.push((to - from).angle());
                }
            }
            if e.a != base && e.b != base {
                // The base lies inside this wall: both directions along it.
                let a = (e.b - e.a).angle();
                dirs.push(a);
                dirs.push(a + std::f64::consts::PI);
            }
        }
        if dirs.is_empty() {
            return position;
        }
        for d in &mut dirs {
            *d = d.rem_euclid(TAU);
        }
        dirs.sort_by(f64::total_cmp);
        dirs.dedup();
        let h = heading.rem_euclid(TAU);
        let n = dirs.len();
        let wedges: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let end = if i + 1 < n {
                    dirs[i + 1]
                } else {
                    dirs[0] + TAU
                };
                (dirs[i], end)
            })
            .collect();
        let holds = |w: &(f64, f64), angle: f64| {
            let a = if angle < w.0 { angle + TAU } else { angle };
            a > w.0 && a < w.1
        };
        let best = match wedges.iter().find(|w| holds(w, h)) {
            // The open wedge (between consecutive wall directions) holding the
            // heading: the side the camera faces.
            Some(w) => *w,
            // The heading runs exactly along a wall: of the two wedges beside
            // it, the side the camera stands on (when it is off the wall);
            // else the smaller wedge (in a corner: the room, not the outside);
            // else the one holding more of the field of view; else the left.
            None => {
                let on = dirs
                    .iter()
                    .position(|d| (d - h).abs() < 1e-12 || (d - h).abs() > TAU - 1e-12)
                    .unwrap_or(0);
                let right = wedges[(on + n - 1) % n];
                let left = wedges[on];
                let half = (hfov / 2.0).min(std::f64::consts::PI);
                let overlap = |w: &(f64, f64)| half.min(w.1 - w.0);
                let stand = (position - base).angle().rem_euclid(TAU);
                let stands_in = |w: &(f64, f64)| position != base && holds(w, stand);
                let key = |w: &(f64, f64)| {
                    (
                        stands_in(w),
                        -((w.1 - w.0) * 1e9).round() as i64,
                        (overlap(w) * 1e9).round() as i64,
                    )
                };
                if key(&left) >= key(&right) {
                    left
                } else {
                    right
                }
            }
        };
        let middle = (best.0 + best.1) / 2.0;
        base + Point::from_angle(middle).scale(tol.mount_offset_m)
    }
}
