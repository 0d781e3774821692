//! Extra triangulation vertices in open space.
//!
//! A constrained Delaunay triangulation of a long run of collinear wall
//! vertices is a fan: a few far vertices joined to all of them. spade's bulk
//! load then takes quadratic time (10,000 collinear pieces: 4 s; 100,000: many
//! minutes), and views walk long thin triangles. A quadtree over the wall
//! vertices (at most 64 per leaf) adds the centres of its four quarters to
//! every leaf holding walls, and its centre to every empty leaf, so every run
//! of walls has points on both of its sides and triangles stay local. The
//! quadtree's square is offset by odd fractions so its split lines rarely fall
//! on walls. They are not walls and change no view; they add about one vertex
//! per eight.

use super::index::{IndexError, SegmentIndex};
use super::noding::WallGraph;
use crate::geometry::Point;

/// Wall vertices per quadtree leaf.
const LEAF_CAPACITY: usize = 64;
/// Depth limit (a leaf this deep is 2^-24 of the plan: far below any wall).
const MAX_DEPTH: u32 = 24;
/// A candidate closer than this fraction of its leaf's size to a wall is
/// dropped: it must not fall on a wall, and need not be near one.
const CLEARANCE: f64 = 1e-3;

/// Points to add to the triangulation of `graph`, on its grid, clear of walls.
///
/// # Errors
/// Only the spatial index's (see [`SegmentIndex::new`]).
pub fn steiner_points(graph: &WallGraph) -> Result<Vec<Point>, IndexError> {
    if graph.edges.is_empty() {
        return Ok(Vec::new());
    }
    let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
    let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in &graph.vertices {
        lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
        hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
    }
    // A square around the walls with room on every side, shifted by odd
    // fractions of its size so that its split lines rarely fall on walls.
    let size = 2.0 * (hi.x - lo.x).max(hi.y - lo.y);
    if size <= 0.0 {
        return Ok(Vec::new());
    }
    let lo = Point::new(lo.x - 0.271_828_18 * size, lo.y - 0.314_159_27 * size);
    let mut candidates: Vec<(Point, f64)> = Vec::new();
    let ids: Vec<u32> = (0..graph.vertices.len() as u32).collect();
    subdivide(&graph.vertices, ids, lo, size, 0, &mut candidates);
    let tree = SegmentIndex::new(
        graph
            .edges
            .iter()
            .map(|e| (graph.vertices[e[0] as usize], graph.vertices[e[1] as usize]))
            .collect(),
        0.0,
    )?;
    let pixel = graph.pixel;
    Ok(candidates
        .into_iter()
        .filter_map(|(p, clear)| {
            let c = Point::new((p.x / pixel).round() * pixel, (p.y / pixel).round() * pixel);
            tree.within(c, clear).is_empty().then_some(c)
        })
        .collect())
}

/// Splits the square at `lo` of side `size` while it holds too many vertices,
/// collecting candidate points with the clearance they need from walls.
fn subdivide(
    points: &[Point],
    ids: Vec<u32>,
    lo: Point,
    size: f64,
    depth: u32,
    out: &mut Vec<(Point, f64)>,
) {
    let half = size / 2.0;
    if ids.len() <= LEAF_CAPACITY || depth >= MAX_DEPTH {
        if ids.is_empty() {
            out.push((Point::new(lo.x + half, lo.y + half), CLEARANCE * size));
        } else {
            for (fx, fy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
                let p = Point::new(lo.x + fx * size, lo.y + fy * size);
                out.push((p, CLEARANCE * size));
            }
        }
        return;
    }
    let mut quads: [Vec<u32>; 4] = Default::default();
    for id in ids {
        let p = points[id as usize];
        let q = usize::from(p.x >= lo.x + half) + 2 * usize::from(p.y >= lo.y + half);
        quads[q].push(id);
    }
    for (q, ids) in quads.into_iter().enumerate() {
        let corner = Point::new(lo.x + half * (q % 2) as f64, lo.y + half * (q / 2) as f64);
        subdivide(points, ids, corner, half, depth + 1, out);
    }
}
