//! Turns the opaque walls of a plan into a clean planar straight-line graph:
//! vertices closer than the snap tolerance merged, wall ends that stop just short
//! of (or just past) another wall joined to it, crossing walls split where they
//! cross, and overlapping walls reduced to one edge. The triangulation then sees
//! walls that meet exactly, so sight cannot leak through hairline gaps.

use crate::geometry::predicates::segments_cross_properly;
use crate::geometry::{Point, closest_on_segment};
use rstar::{AABB, RTree, RTreeObject};
use std::collections::HashMap;

/// The cleaned wall graph.
#[derive(Clone, Debug, Default)]
pub struct WallGraph {
    pub vertices: Vec<Point>,
    /// Undirected edges as vertex index pairs, each once, never degenerate.
    pub edges: Vec<[u32; 2]>,
}

/// Merges points closer than `snap` (grid hashing; the first point of a cluster
/// is its representative).
struct VertexSnapper {
    snap: f64,
    cells: HashMap<(i64, i64), Vec<u32>>,
    vertices: Vec<Point>,
}

impl VertexSnapper {
    fn new(snap: f64) -> Self {
        VertexSnapper {
            snap,
            cells: HashMap::new(),
            vertices: Vec::new(),
        }
    }

    fn cell(&self, p: Point) -> (i64, i64) {
        (
            (p.x / self.snap).floor() as i64,
            (p.y / self.snap).floor() as i64,
        )
    }

    fn insert(&mut self, p: Point) -> u32 {
        let (cx, cy) = self.cell(p);
        let snap2 = self.snap * self.snap;
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(ids) = self.cells.get(&(cx + dx, cy + dy)) {
                    for &id in ids {
                        if self.vertices[id as usize].distance_squared(p) <= snap2 {
                            return id;
                        }
                    }
                }
            }
        }
        let id = self.vertices.len() as u32;
        self.vertices.push(p);
        self.cells.entry((cx, cy)).or_default().push(id);
        id
    }
}

struct Seg {
    index: usize,
    envelope: AABB<[f64; 2]>,
}

impl RTreeObject for Seg {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.envelope
    }
}

fn line_intersection(a: Point, b: Point, c: Point, d: Point) -> Option<Point> {
    let r = b - a;
    let s = d - c;
    let denom = r.cross(s);
    if denom == 0.0 {
        return None;
    }
    let t = (c - a).cross(s) / denom;
    Some(a + r.scale(t.clamp(0.0, 1.0)))
}

/// Builds the wall graph from segments (pairs of points). `snap` is the distance
/// below which points are one.
pub fn build_wall_graph(segments: &[(Point, Point)], snap: f64) -> WallGraph {
    let mut snapper = VertexSnapper::new(snap);
    let mut segs: Vec<[u32; 2]> = Vec::with_capacity(segments.len());
    for &(a, b) in segments {
        let ia = snapper.insert(a);
        let ib = snapper.insert(b);
        if ia != ib {
            segs.push([ia, ib]);
        }
    }
    // Splits found for each segment: (parameter along it, vertex id).
    let mut splits: Vec<Vec<(f64, u32)>> = vec![Vec::new(); segs.len()];
    let snap2 = snap * snap;
    {
        let pts = |s: &[u32; 2], v: &[Point]| (v[s[0] as usize], v[s[1] as usize]);
        let tree = RTree::bulk_load(
            segs.iter()
                .enumerate()
                .map(|(i, s)| {
                    let (a, b) = pts(s, &snapper.vertices);
                    Seg {
                        index: i,
                        envelope: AABB::from_corners(
                            [a.x.min(b.x) - snap, a.y.min(b.y) - snap],
                            [a.x.max(b.x) + snap, a.y.max(b.y) + snap],
                        ),
                    }
                })
                .collect(),
        );
        let mut new_points: Vec<(usize, usize, Point)> = Vec::new();
        for (i, s) in segs.iter().enumerate() {
            let (a, b) = pts(s, &snapper.vertices);
            let env = AABB::from_corners(
                [a.x.min(b.x) - snap, a.y.min(b.y) - snap],
                [a.x.max(b.x) + snap, a.y.max(b.y) + snap],
            );
            for other in tree.locate_in_envelope_intersecting(env) {
                let j = other.index;
                if j <= i {
                    continue;
                }
                let t = &segs[j];
                let (c, d) = pts(t, &snapper.vertices);
                // Endpoints of one lying on (or within snap of) the other's interior.
                for (&v, p) in t.iter().zip([c, d]) {
                    if v != s[0] && v != s[1] {
                        let (u, d2) = closest_on_segment(a, b, p);
                        if d2 <= snap2 && u > 0.0 && u < 1.0 {
                            splits[i].push((u, v));
                        }
                    }
                }
                for (&v, p) in s.iter().zip([a, b]) {
                    if v != t[0] && v != t[1] {
                        let (u, d2) = closest_on_segment(c, d, p);
                        if d2 <= snap2 && u > 0.0 && u < 1.0 {
                            splits[j].push((u, v));
                        }
                    }
                }
                // Proper crossings.
                let shares_vertex = s.iter().any(|v| t.contains(v));
                if !shares_vertex
                    && segments_cross_properly(a, b, c, d)
                    && let Some(x) = line_intersection(a, b, c, d)
                {
                    new_points.push((i, j, x));
                }
            }
        }
        for (i, j, x) in new_points {
            let id = snapper.insert(x);
            for k in [i, j] {
                let s = segs[k];
                if id != s[0] && id != s[1] {
                    let (a, b) = pts(&s, &snapper.vertices);
                    let (u, _) = closest_on_segment(a, b, x);
                    splits[k].push((u, id));
                }
            }
        }
    }
    let mut seen: HashMap<(u32, u32), ()> = HashMap::new();
    let mut edges = Vec::new();
    let mut push = |u: u32, v: u32| {
        if u != v {
            let key = (u.min(v), u.max(v));
            if seen.insert(key, ()).is_none() {
                edges.push([key.0, key.1]);
            }
        }
    };
    for (k, s) in segs.iter().enumerate() {
        let list = &mut splits[k];
        list.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut prev = s[0];
        for &(_, v) in list.iter() {
            push(prev, v);
            prev = v;
        }
        push(prev, s[1]);
    }
    WallGraph {
        vertices: snapper.vertices,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn crossing_walls_are_split() {
        let g = build_wall_graph(&[(p(0., 0.), p(2., 2.)), (p(0., 2.), p(2., 0.))], 1e-6);
        assert_eq!(g.vertices.len(), 5);
        assert_eq!(g.edges.len(), 4);
        assert!(g.vertices.contains(&p(1., 1.)));
    }

    #[test]
    fn near_endpoints_are_merged_and_t_junctions_joined() {
        let g = build_wall_graph(
            &[
                (p(0., 0.), p(10., 0.)),
                (p(10. + 1e-12, 1e-12), p(10., 5.)),
                // Stops 1e-9 short of the first wall: joined to it.
                (p(5., 5.), p(5., 1e-9)),
            ],
            1e-6,
        );
        assert_eq!(g.vertices.len(), 5, "{:?}", g.vertices);
        // First wall split at x = 5, plus the two other walls.
        assert_eq!(g.edges.len(), 4);
    }

    #[test]
    fn overlapping_collinear_walls_become_one_chain() {
        let g = build_wall_graph(&[(p(0., 0.), p(6., 0.)), (p(2., 0.), p(8., 0.))], 1e-6);
        assert_eq!(g.vertices.len(), 4);
        // 0-2, 2-6, 6-8 (the shared 2-6 piece once).
        assert_eq!(g.edges.len(), 3);
    }

    #[test]
    fn zero_length_segments_vanish() {
        let g = build_wall_graph(&[(p(1., 1.), p(1., 1.)), (p(0., 0.), p(1e-9, 0.))], 1e-6);
        assert!(g.edges.is_empty());
    }
}
