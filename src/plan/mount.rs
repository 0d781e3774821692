//! Cameras mounted on walls: where sight starts and which side it sees.
//!
//! A camera within the mount tolerance of an opaque wall is on that wall: sight
//! starts from the wall point (or the wall corner) it sits on, exactly, and
//! covers only one of the open wedges between the walls meeting there. Which
//! wedge follows the plan, in this order (docs/scenario-format.md states it for
//! users):
//!
//! - A camera with a partial field of view sees into the wedge its heading
//!   points into. When the heading runs exactly along a wall, it sees the side
//!   where the room is: a zone there, else a face the walls enclose; then the
//!   side holding more of its field of view; then the side it stands on; then
//!   the left.
//! - A 360° camera sees the side where the room is (a zone, else an enclosed
//!   face); then the side its heading points into; then the side it stands on;
//!   then the widest.

use super::index::{IndexError, SegmentIndex};
use super::mesh::Mesh;
use super::noding::WallGraph;
use crate::geometry::predicates::orient;
use crate::geometry::{Point, Polygon, Tolerances};
use std::cmp::Ordering;
use std::f64::consts::{PI, TAU};

/// Farthest a zone probe goes from a mounted camera, metres: zones drawn a
/// little inside the walls are still found.
const PROBE_MAX_M: f64 = 0.05;

/// A wall edge with its vertex indices.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
struct Edge {
    a: Point,
    b: Point,
    ia: u32,
    ib: u32,
}

/// How a camera sits among the walls.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seat {
    /// Clear of walls.
    Free,
    /// On wall vertex `vertex` (a mesh vertex), seeing the open wedge from the
    /// ray through `right` counter-clockwise to the ray through `left`
    /// (`right == left`: a wall end, all around but the wall itself).
    Corner {
        vertex: usize,
        right: Point,
        left: Point,
    },
    /// Inside the wall edge from vertex `a` to vertex `b`, seeing its left side.
    Wall { a: usize, b: usize },
}

/// Where sight starts for a camera, in plan-local coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct SightStart {
    pub apex: Point,
    pub seat: Seat,
    /// The directions sight may take, as windows narrower than 180 degrees
    /// (two points on their bounding rays), counter-clockwise; empty when
    /// unrestricted (a free camera).
    pub windows: Vec<(Point, Point)>,
}

/// Splits the wedge from `right` (at angle `a0`) through `width` radians to
/// `left` into windows narrower than 180 degrees.
fn split_wedge(c: Point, right: Point, left: Point, a0: f64, width: f64) -> Vec<(Point, Point)> {
    if width < PI && orient(c, right, left) > 0.0 {
        return vec![(right, left)];
    }
    let pieces = (width / (0.75 * PI)).ceil().max(2.0) as usize;
    let reach = (right - c).length().max((left - c).length());
    let mut rays = vec![right];
    for j in 1..pieces {
        let a = a0 + width * j as f64 / pieces as f64;
        rays.push(c + Point::from_angle(a).scale(reach));
    }
    rays.push(left);
    rays.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Spatial index of opaque wall edges, for finding walls a camera stands on.
#[derive(Clone, Debug)]
pub struct WallIndex {
    tree: SegmentIndex,
    edges: Vec<Edge>,
}

/// One open wedge around a mount point, with what decides whether it is chosen.
#[derive(Clone, Copy, Debug)]
struct Wedge {
    /// Points on the bounding rays (counter-clockwise from `right`).
    right: Point,
    left: Point,
    /// Angle of the right ray and the wedge's width, radians.
    start: f64,
    width: f64,
}

impl Wedge {
    /// True when `angle` lies strictly inside, beyond the angular tolerance.
    fn holds(&self, angle: f64, eps: f64) -> bool {
        let a = (angle - self.start).rem_euclid(TAU);
        a > eps && a < self.width - eps
    }

    fn bisector(&self) -> f64 {
        self.start + self.width / 2.0
    }

    /// How much of a field of view of `fov` radians centred on `heading` lies inside.
    fn overlap(&self, heading: f64, fov: f64) -> f64 {
        let lo = heading - fov / 2.0;
        // Sample-free interval overlap on the circle.
        let mut total = 0.0;
        for shift in [-TAU, 0.0, TAU] {
            let (s, e) = (self.start + shift, self.start + shift + self.width);
            total += (e.min(lo + fov) - s.max(lo)).max(0.0);
        }
        total
    }
}

/// A snapshot keeps the edges only; reading one builds the tree again (a
/// bulk load, fast, and the tree's own type is not serialisable).
impl serde::Serialize for WallIndex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.edges, serializer)
    }
}

impl<'de> serde::Deserialize<'de> for WallIndex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let edges = Vec::<Edge>::deserialize(deserializer)?;
        let tree = SegmentIndex::new(edges.iter().map(|e| (e.a, e.b)).collect(), 0.0)
            .map_err(serde::de::Error::custom)?;
        Ok(WallIndex { tree, edges })
    }
}

impl WallIndex {
    /// The largest mesh vertex index an edge names, if any (a snapshot's
    /// consistency check).
    pub(crate) fn max_vertex(&self) -> Option<u32> {
        self.edges.iter().map(|e| e.ia.max(e.ib)).max()
    }

    /// Indexes the graph's edges.
    ///
    /// # Errors
    /// Only the spatial index's (see [`SegmentIndex::new`]).
    pub fn new(graph: &WallGraph) -> Result<Self, IndexError> {
        let edges: Vec<Edge> = graph
            .edges
            .iter()
            .map(|e| Edge {
                a: graph.vertices[e[0] as usize],
                b: graph.vertices[e[1] as usize],
                ia: e[0],
                ib: e[1],
            })
            .collect();
        let tree = SegmentIndex::new(edges.iter().map(|e| (e.a, e.b)).collect(), 0.0)?;
        Ok(WallIndex { tree, edges })
    }

    /// Where sight starts for a camera at `position` (plan-local) looking along
    /// `heading` with field of view `hfov` (radians), among the walls of `mesh`,
    /// with the plan's `zones` (plan-local) deciding the room side.
    pub fn sight_start(
        &self,
        position: Point,
        heading: f64,
        hfov: f64,
        tol: &Tolerances,
        mesh: &Mesh,
        zones: &[Polygon],
    ) -> SightStart {
        let free = SightStart {
            apex: position,
            seat: Seat::Free,
            windows: Vec::new(),
        };
        let mount2 = tol.mount_m * tol.mount_m;
        let near: Vec<(Edge, f64)> = self
            .tree
            .within(position, tol.mount_m)
            .into_iter()
            .map(|(i, d2)| (self.edges[i], d2))
            .collect();
        if near.is_empty() {
            return free;
        }
        // A wall corner within tolerance wins over the closest wall point.
        let corner = near
            .iter()
            .flat_map(|(e, _)| [(e.a, e.ia), (e.b, e.ib)])
            .filter(|(p, _)| p.distance_squared(position) <= mount2)
            .min_by(|(p, _), (q, _)| {
                p.distance_squared(position)
                    .total_cmp(&q.distance_squared(position))
            });
        let full = hfov >= TAU - tol.angle_rad;
        let choose = |wedges: &[Wedge], apex: Point, incident: &dyn Fn(&Edge) -> bool| {
            self.choose(
                wedges, apex, position, heading, hfov, full, tol, mesh, zones, incident,
            )
        };
        if let Some((base, vertex)) = corner {
            let mut neighbours: Vec<Point> = self
                .tree
                .within(base, 0.0)
                .into_iter()
                .map(|(i, _)| &self.edges[i])
                .filter_map(|e| {
                    if e.ia == vertex {
                        Some(e.b)
                    } else if e.ib == vertex {
                        Some(e.a)
                    } else {
                        None
                    }
                })
                .collect();
            if neighbours.is_empty() {
                return free;
            }
            sort_around(base, &mut neighbours);
            let n = neighbours.len();
            let wedges: Vec<Wedge> = (0..n)
                .map(|i| {
                    let (right, left) = (neighbours[i], neighbours[(i + 1) % n]);
                    let start = (right - base).angle();
                    let mut width = ((left - base).angle() - start).rem_euclid(TAU);
                    if n == 1 || width == 0.0 {
                        width = TAU;
                    }
                    Wedge {
                        right,
                        left,
                        start,
                        width,
                    }
                })
                .collect();
            let incident = |e: &Edge| e.ia == vertex || e.ib == vertex;
            let w = choose(&wedges, base, &incident);
            return SightStart {
                apex: base,
                seat: Seat::Corner {
                    vertex: vertex as usize,
                    right: w.right,
                    left: w.left,
                },
                windows: split_wedge(base, w.right, w.left, w.start, w.width),
            };
        }
        let Some((e, _)) = near.iter().min_by(|e, f| e.1.total_cmp(&f.1)) else {
            return free;
        };
        let t = crate::geometry::closest_on_segment(e.a, e.b, position).0;
        let apex = e.a.lerp(e.b, t);
        let along = (e.b - e.a).angle();
        // Left of a -> b first, then right.
        let wedges = [
            Wedge {
                right: e.b,
                left: e.a,
                start: along,
                width: PI,
            },
            Wedge {
                right: e.a,
                left: e.b,
                start: along + PI,
                width: PI,
            },
        ];
        let (ia, ib) = (e.ia, e.ib);
        let on_this = |f: &Edge| f.ia == ia && f.ib == ib;
        let w = choose(&wedges, apex, &on_this);
        let (a, b) = if w.right == e.b { (ia, ib) } else { (ib, ia) };
        SightStart {
            apex,
            seat: Seat::Wall {
                a: a as usize,
                b: b as usize,
            },
            windows: split_wedge(apex, w.right, w.left, w.start, w.width),
        }
    }

    /// Picks the wedge by the rule in the module docs.
    #[expect(
        clippy::too_many_arguments,
        reason = "one private decision over the mount's facts"
    )]
    fn choose(
        &self,
        wedges: &[Wedge],
        apex: Point,
        position: Point,
        heading: f64,
        hfov: f64,
        full: bool,
        tol: &Tolerances,
        mesh: &Mesh,
        zones: &[Polygon],
        incident: &dyn Fn(&Edge) -> bool,
    ) -> Wedge {
        let eps = tol.angle_rad;
        // How far a probe may go: a little way along the bisector, never as
        // far as another wall.
        let clearance = self
            .tree
            .nearest(apex, |i| !incident(&self.edges[i]))
            .map_or(f64::INFINITY, |(_, d2)| d2.sqrt());
        let room = |w: &Wedge| -> (bool, bool) {
            let reach = (w.right - apex).length().min((w.left - apex).length());
            let d = (0.01 * reach).min(PROBE_MAX_M).min(clearance / 2.0);
            let probe = apex + Point::from_angle(w.bisector()).scale(d);
            let zone = zones
                .iter()
                .any(|z| z.bounds().contains(probe) && z.contains(probe));
            let enclosed = match mesh.locate(probe) {
                super::Location::Inside(t) => mesh.enclosed[t],
                super::Location::OnEdge { triangle, .. } => mesh.enclosed[triangle],
                _ => false,
            };
            (zone, enclosed)
        };
        let stands = |w: &Wedge| position != apex && w.holds((position - apex).angle(), 0.0);
        let key_cmp = |a: &[f64], b: &[f64]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        };
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let best_of = |candidates: &[usize], key: &dyn Fn(&Wedge) -> Vec<f64>| -> Wedge {
            // The first of the best keeps ties deterministic.
            let mut best = candidates[0];
            let mut best_key = key(&wedges[best]);
            for &i in &candidates[1..] {
                let k = key(&wedges[i]);
                if key_cmp(&k, &best_key) == Ordering::Greater {
                    best = i;
                    best_key = k;
                }
            }
            wedges[best]
        };
        if !full {
            if let Some(w) = wedges.iter().find(|w| w.holds(heading, eps)) {
                return *w;
            }
            // Along a wall: the wedges the heading's wall bounds, left first.
            let along: Vec<usize> = (0..wedges.len())
                .filter(|&i| {
                    let d = (heading - wedges[i].start).rem_euclid(TAU);
                    d <= eps || d >= TAU - eps
                })
                .flat_map(|i| [i, (i + wedges.len() - 1) % wedges.len()])
                .collect();
            let candidates = if along.is_empty() {
                (0..wedges.len()).collect()
            } else {
                along
            };
            return best_of(&candidates, &|w| {
                let (zone, enclosed) = room(w);
                vec![
                    flag(zone),
                    flag(enclosed),
                    (w.overlap(heading, hfov) / eps).round(),
                    flag(stands(w)),
                ]
            });
        }
        let all: Vec<usize> = (0..wedges.len()).collect();
        best_of(&all, &|w| {
            let (zone, enclosed) = room(w);
            vec![
                flag(zone),
                flag(enclosed),
                flag(w.holds(heading, eps)),
                flag(stands(w)),
                w.width,
            ]
        })
    }
}

/// Sorts points counter-clockwise by direction from `c`, exactly, starting
/// from the +x direction.
fn sort_around(c: Point, points: &mut [Point]) {
    let half = |p: &Point| {
        let d = *p - c;
        // 0: angle in [0, pi), 1: [pi, 2 pi).
        u8::from(d.y < 0.0 || (d.y == 0.0 && d.x < 0.0))
    };
    crate::sorting::by(points, |p, q| {
        half(p).cmp(&half(q)).then_with(|| {
            let o = orient(c, *p, *q);
            if o > 0.0 {
                Ordering::Less
            } else if o < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
    });
}
