//! Turns the opaque walls of a plan into a clean planar straight-line graph, by
//! snap rounding all walls together on a fine integer grid.
//!
//! Every wall end and every crossing point is a *hot point*; every wall that
//! passes within the snap radius of a hot point is routed through it. This is
//! Hobby's snap rounding with the pixel widened to the snap tolerance, iterated
//! until a round finds nothing left to split (as iterated snap rounding does).
//! Because all of it runs in exact integer arithmetic, the graph that comes out
//! has, exactly (its final round checks with exact integer predicates):
//! - no two edges crossing, and no edge passing through a vertex;
//! - no overlapping edges (overlaps become one shared edge);
//! - wall ends within the snap radius of each other merged, and a wall end
//!   within it of another wall joined to that wall.
//!
//! so the triangulation never meets a conflicting constraint. The grid step is
//! 2^-52 of the walls' extent: the resolution of a float at that size (a 100 m
//! plan: 1.4e-14 m), so rounding moves a wall by at most one unit in the last
//! place of its coordinates.
//!
//! No crate does this for line soups: geo finds intersecting pairs but does not
//! node, and spade splits conflicting constraints one at a time (which can
//! leave phantom edges and, on nearly collinear bundles, panics).
//!
//! # Performance
//! O((n + k) log n) for n wall pieces and k hot points near walls: each hot
//! point and each piece is one R-tree query. 100,000 collinear pieces node in
//! tens of milliseconds (see docs/performance.md).

use super::index::{IndexError, SegmentIndex};
use crate::geometry::Point;
use foldhash::fast::FixedState;
use std::collections::{HashMap, HashSet};

type FastMap<K, V> = HashMap<K, V, FixedState>;
type FastSet<K> = HashSet<K, FixedState>;

/// Grid steps across the walls' half-extent: 2^52, a float's resolution.
/// Coordinates then stay below 2^53 (exact as floats) and orientation
/// products below 2^108 (exact in i128).
const GRID_BITS: i32 = 52;
/// Smallest grid step, metres: geometry below this is a point.
const MIN_PIXEL_M: f64 = 7.888609052210118e-31; // 2^-100
/// Rounds of splitting before the noder gives up (one or two are usual).
const MAX_ROUNDS: usize = 16;
/// Rounds that join within the snap tolerance; later ones within one grid step.
const TOLERANT_ROUNDS: usize = 8;

/// The cleaned wall graph, in the plan's local coordinates.
#[derive(Clone, Debug, Default)]
pub struct WallGraph {
    /// Vertices, each an exact multiple of `pixel`.
    pub vertices: Vec<Point>,
    /// Undirected edges as vertex index pairs, each once, never degenerate.
    pub edges: Vec<[u32; 2]>,
    /// For each edge, the input piece it came from (for messages).
    pub sources: Vec<u32>,
    /// The grid step the vertices lie on.
    pub pixel: f64,
}

/// Why walls could not be noded.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum NodingError {
    /// A coordinate is NaN or infinite.
    #[error("wall piece {piece} has a coordinate that is not a finite number")]
    NotFinite { piece: usize },
    /// Splitting did not settle (never seen; reported rather than guessed).
    #[error(
        "walls near ({x}, {y}) (wall piece {piece}) could not be made into a planar graph in {MAX_ROUNDS} rounds"
    )]
    DidNotConverge { piece: usize, x: f64, y: f64 },
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// A grid point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Ip {
    x: i64,
    y: i64,
}

impl Ip {
    fn f(self) -> (f64, f64) {
        (self.x as f64, self.y as f64)
    }
}

/// Exact orientation of `c` against the directed line `a -> b`: positive to the left.
fn orient(a: Ip, b: Ip, c: Ip) -> i128 {
    let (bx, by) = ((b.x - a.x) as i128, (b.y - a.y) as i128);
    let (cx, cy) = ((c.x - a.x) as i128, (c.y - a.y) as i128);
    bx * cy - by * cx
}

/// True when `a b` and `c d` cross at one point interior to both.
fn cross_properly(a: Ip, b: Ip, c: Ip, d: Ip) -> bool {
    let (o1, o2) = (orient(a, b, c).signum(), orient(a, b, d).signum());
    let (o3, o4) = (orient(c, d, a).signum(), orient(c, d, b).signum());
    o1 * o2 < 0 && o3 * o4 < 0
}

/// A grid point within a few steps of the crossing of two properly crossing
/// segments (the snap radius, thousands of steps, absorbs the difference, and
/// the next round checks the result exactly).
fn crossing(a: Ip, b: Ip, c: Ip, d: Ip) -> Ip {
    // a + t (b - a) with t = ((c - a) x (d - c)) / ((b - a) x (d - c)), the
    // products exact in i128 and t in [0, 1].
    let (rx, ry) = ((b.x - a.x) as i128, (b.y - a.y) as i128);
    let (sx, sy) = ((d.x - c.x) as i128, (d.y - c.y) as i128);
    let (qx, qy) = ((c.x - a.x) as i128, (c.y - a.y) as i128);
    let den = rx * sy - ry * sx;
    let num = qx * sy - qy * sx;
    let t = (num as f64 / den as f64).clamp(0.0, 1.0);
    Ip {
        x: a.x + (t * rx as f64).round() as i64,
        y: a.y + (t * ry as f64).round() as i64,
    }
}

/// Parameter along `a b` of the point nearest `p` (unclamped) and the squared
/// distance to the line's nearest point within the segment.
fn closest(a: Ip, b: Ip, p: Ip) -> (f64, f64) {
    let (ax, ay) = a.f();
    let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
    let (px, py) = ((p.x - a.x) as f64, (p.y - a.y) as f64);
    let len2 = dx * dx + dy * dy;
    let t = (px * dx + py * dy) / len2;
    let tc = t.clamp(0.0, 1.0);
    let (cx, cy) = (ax + tc * dx - p.x as f64, ay + tc * dy - p.y as f64);
    (t, cx * cx + cy * cy)
}

/// Merges grid points closer than the snap radius (grid hashing; the first
/// point of a cluster is its representative).
struct Snapper {
    radius: i64,
    radius2: f64,
    /// Cells are four radii wide, so most points need only their own cell.
    cell: i64,
    cells: FastMap<(i64, i64), Vec<u32>>,
    points: Vec<Ip>,
}

impl Snapper {
    fn new(radius: f64) -> Self {
        let r = radius.ceil().max(1.0) as i64;
        Snapper {
            radius: r,
            radius2: radius * radius,
            cell: 4 * r,
            cells: FastMap::default(),
            points: Vec::new(),
        }
    }

    /// The neighbouring cells (-1, 0 or 1 along an axis) a point `offset`
    /// into its cell may have points within the radius in.
    fn reach(&self, offset: i64) -> std::ops::RangeInclusive<i64> {
        let lo = if offset < self.radius { -1 } else { 0 };
        let hi = if offset >= self.cell - self.radius {
            1
        } else {
            0
        };
        lo..=hi
    }

    fn insert(&mut self, p: Ip) -> u32 {
        let (cx, cy) = (p.x.div_euclid(self.cell), p.y.div_euclid(self.cell));
        let (ox, oy) = (p.x.rem_euclid(self.cell), p.y.rem_euclid(self.cell));
        let mut best: Option<(f64, u32)> = None;
        for dx in self.reach(ox) {
            for dy in self.reach(oy) {
                for &id in self.cells.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    let q = self.points[id as usize];
                    let (ex, ey) = ((q.x - p.x) as f64, (q.y - p.y) as f64);
                    let d2 = ex * ex + ey * ey;
                    if d2 <= self.radius2 && best.is_none_or(|(b, _)| d2 < b) {
                        best = Some((d2, id));
                    }
                }
            }
        }
        if let Some((_, id)) = best {
            return id;
        }
        let id = self.points.len() as u32;
        self.points.push(p);
        self.cells.entry((cx, cy)).or_default().push(id);
        id
    }
}

/// One wall piece between two vertices, with the input piece it came from.
#[derive(Clone, Copy, Debug)]
struct Piece {
    a: u32,
    b: u32,
    source: u32,
}

/// Nodes the wall pieces `segments` (plan-local coordinates). Points closer than
/// `snap` are one; a wall end within `snap` of a wall joins it.
///
/// # Errors
/// A coordinate that is not finite, or (never seen) splitting that does not settle.
pub fn build_wall_graph(segments: &[(Point, Point)], snap: f64) -> Result<WallGraph, NodingError> {
    let mut extent: f64 = 0.0;
    for (i, (a, b)) in segments.iter().enumerate() {
        for c in [a.x, a.y, b.x, b.y] {
            if !c.is_finite() {
                return Err(NodingError::NotFinite { piece: i });
            }
            extent = extent.max(c.abs());
        }
    }
    if extent == 0.0 {
        // No walls, or every wall at one point: nothing to node.
        return Ok(WallGraph {
            pixel: MIN_PIXEL_M,
            ..Default::default()
        });
    }
    let pixel = 2f64
        .powi(crate::geometry::ceil_log2(extent) - GRID_BITS)
        .max(MIN_PIXEL_M);
    // Every piece passing within this many grid steps of a hot point goes
    // through it: the snap tolerance, and never less than a pixel (which is
    // what makes the rounded result planar). A tolerance wider than the plan
    // is the plan's extent.
    let radius = (snap / pixel).clamp(1.0, 2f64.powi(GRID_BITS + 1));
    let to_grid = |p: Point| Ip {
        x: (p.x / pixel).round() as i64,
        y: (p.y / pixel).round() as i64,
    };
    let mut snapper = Snapper::new(radius);
    let mut pieces: Vec<Piece> = Vec::with_capacity(segments.len());
    let mut seen: FastSet<(u32, u32)> =
        FastSet::with_capacity_and_hasher(segments.len(), FixedState::default());
    for (i, &(a, b)) in segments.iter().enumerate() {
        let (ia, ib) = (snapper.insert(to_grid(a)), snapper.insert(to_grid(b)));
        if ia != ib && seen.insert((ia.min(ib), ia.max(ib))) {
            pieces.push(Piece {
                a: ia,
                b: ib,
                source: i as u32,
            });
        }
    }
    let mut settled = false;
    for round in 0..MAX_ROUNDS {
        // Joining within the snap tolerance can cycle: three points each within
        // it of the others' pieces but not of each other split a piece one way,
        // then back (2 of 100,000 random soups in the long differential run).
        // Later rounds split at one grid step only, which is what makes the
        // result planar and leaves no room for that cycle.
        let reach = if round < TOLERANT_ROUNDS { radius } else { 1.0 };
        let (next, changed) = split_round(&pieces, &mut snapper, reach)?;
        pieces = next;
        if !changed {
            settled = true;
            break;
        }
    }
    if !settled {
        let piece = pieces.first().map_or(0, |p| p.source as usize);
        let p = pieces
            .first()
            .map_or(Ip { x: 0, y: 0 }, |p| snapper.points[p.a as usize]);
        return Err(NodingError::DidNotConverge {
            piece,
            x: p.x as f64 * pixel,
            y: p.y as f64 * pixel,
        });
    }
    // Keep only the vertices edges use, in first-use order.
    let mut renumber = vec![u32::MAX; snapper.points.len()];
    let mut vertices = Vec::new();
    let mut edges = Vec::with_capacity(pieces.len());
    let mut sources = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        let mut id = |v: u32| {
            let slot = &mut renumber[v as usize];
            if *slot == u32::MAX {
                *slot = vertices.len() as u32;
                let p = snapper.points[v as usize];
                vertices.push(Point::new(p.x as f64 * pixel, p.y as f64 * pixel));
            }
            *slot
        };
        let e = [id(piece.a), id(piece.b)];
        edges.push(e);
        sources.push(piece.source);
    }
    Ok(WallGraph {
        vertices,
        edges,
        sources,
        pixel,
    })
}

/// One round: finds every crossing and every hot point near a piece's interior,
/// and splits the pieces there. Returns the new pieces (deduplicated) and
/// whether anything was split.
fn split_round(
    pieces: &[Piece],
    snapper: &mut Snapper,
    radius: f64,
) -> Result<(Vec<Piece>, bool), NodingError> {
    let pt = |s: &Snapper, v: u32| s.points[v as usize];
    let as_point = |p: Ip| Point::new(p.x as f64, p.y as f64);
    let tree = SegmentIndex::new(
        pieces
            .iter()
            .map(|p| (as_point(pt(snapper, p.a)), as_point(pt(snapper, p.b))))
            .collect(),
        radius,
    )?;
    // Splits found for each piece: (parameter along it, vertex).
    let mut splits: Vec<Vec<(f64, u32)>> = vec![Vec::new(); pieces.len()];
    let mut changed = false;
    // Crossings become hot points on both pieces.
    let mut crossings: Vec<(usize, usize, Ip)> = Vec::new();
    for (i, s) in pieces.iter().enumerate() {
        let (a, b) = (pt(snapper, s.a), pt(snapper, s.b));
        let (pa, pb) = (as_point(a), as_point(b));
        let lo = Point::new(pa.x.min(pb.x), pa.y.min(pb.y));
        let hi = Point::new(pa.x.max(pb.x), pa.y.max(pb.y));
        tree.query(lo, hi, |j| {
            let t = &pieces[j];
            if j <= i || s.a == t.a || s.a == t.b || s.b == t.a || s.b == t.b {
                return;
            }
            let (c, d) = (pt(snapper, t.a), pt(snapper, t.b));
            if cross_properly(a, b, c, d) {
                crossings.push((i, j, crossing(a, b, c, d)));
            }
        });
    }
    for (i, j, x) in crossings {
        let v = snapper.insert(x);
        for k in [i, j] {
            let p = pieces[k];
            if v != p.a && v != p.b {
                let (t, _) = closest(pt(snapper, p.a), pt(snapper, p.b), pt(snapper, v));
                splits[k].push((t, v));
                changed = true;
            }
        }
    }
    // Every hot point near a piece's interior splits it (wall ends just short
    // of or past a wall, bundles of nearly collinear walls, overlaps).
    let r2 = radius * radius;
    for v in 0..snapper.points.len() as u32 {
        let p = pt(snapper, v);
        let q = as_point(p);
        tree.query(q, q, |k| {
            let s = pieces[k];
            if v == s.a || v == s.b {
                return;
            }
            let (sa, sb) = (pt(snapper, s.a), pt(snapper, s.b));
            let (t, d2) = closest(sa, sb, p);
            // Near by the tolerance, or exactly on the segment (which the
            // float distance could miss for points a step away).
            let near = d2 <= r2 || orient(sa, sb, p) == 0;
            if near && t > 0.0 && t < 1.0 && !splits[k].iter().any(|&(_, w)| w == v) {
                splits[k].push((t, v));
                changed = true;
            }
        });
    }
    if !changed {
        return Ok((pieces.to_vec(), false));
    }
    let mut seen: FastSet<(u32, u32)> =
        FastSet::with_capacity_and_hasher(pieces.len(), FixedState::default());
    let mut out = Vec::with_capacity(pieces.len());
    for (k, s) in pieces.iter().enumerate() {
        let list = &mut splits[k];
        list.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut prev = s.a;
        for v in list.iter().map(|&(_, v)| v).chain(std::iter::once(s.b)) {
            if v != prev && seen.insert((prev.min(v), prev.max(v))) {
                out.push(Piece {
                    a: prev,
                    b: v,
                    source: s.source,
                });
            }
            prev = v;
        }
    }
    Ok((out, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn graph(segments: &[(Point, Point)]) -> WallGraph {
        build_wall_graph(segments, 1e-6).expect("noding")
    }

    /// Checks exactly that no two edges cross or overlap and no vertex lies
    /// inside an edge.
    fn assert_planar(g: &WallGraph) {
        let ip = |v: u32| {
            let q = g.vertices[v as usize];
            Ip {
                x: (q.x / g.pixel) as i64,
                y: (q.y / g.pixel) as i64,
            }
        };
        for (i, e) in g.edges.iter().enumerate() {
            let (a, b) = (ip(e[0]), ip(e[1]));
            for f in &g.edges[i + 1..] {
                let (c, d) = (ip(f[0]), ip(f[1]));
                assert!(!cross_properly(a, b, c, d), "{e:?} crosses {f:?}");
            }
            for v in 0..g.vertices.len() as u32 {
                if v != e[0] && v != e[1] {
                    let q = ip(v);
                    let on = orient(a, b, q) == 0 && {
                        let (t, _) = closest(a, b, q);
                        t > 0.0 && t < 1.0
                    };
                    assert!(!on, "vertex {v} lies inside edge {e:?}");
                }
            }
        }
    }

    #[test]
    fn crossing_walls_are_split() {
        let g = graph(&[(p(0., 0.), p(2., 2.)), (p(0., 2.), p(2., 0.))]);
        assert_eq!(g.vertices.len(), 5);
        assert_eq!(g.edges.len(), 4);
        assert!(g.vertices.contains(&p(1., 1.)));
        assert_planar(&g);
    }

    #[test]
    fn near_endpoints_are_merged_and_t_junctions_joined() {
        let g = graph(&[
            (p(0., 0.), p(10., 0.)),
            (p(10. + 1e-12, 1e-12), p(10., 5.)),
            // Stops 1e-9 short of the first wall: joined to it.
            (p(5., 5.), p(5., 1e-9)),
        ]);
        assert_eq!(g.vertices.len(), 5, "{:?}", g.vertices);
        // First wall split at x = 5, plus the two other walls.
        assert_eq!(g.edges.len(), 4);
        assert_planar(&g);
    }

    #[test]
    fn overlapping_collinear_walls_become_one_chain() {
        let g = graph(&[(p(0., 0.), p(6., 0.)), (p(2., 0.), p(8., 0.))]);
        assert_eq!(g.vertices.len(), 4);
        // 0-2, 2-6, 6-8 (the shared 2-6 piece once).
        assert_eq!(g.edges.len(), 3);
        assert_planar(&g);
    }

    #[test]
    fn zero_length_segments_vanish() {
        let g = graph(&[(p(1., 1.), p(1., 1.)), (p(0., 0.), p(1e-9, 0.))]);
        assert!(g.edges.is_empty());
    }

    #[test]
    fn a_crossing_near_a_third_wall_routes_that_wall_too() {
        // Two walls cross at (1, 1); a third runs 1e-8 above the crossing.
        // Splitting only the crossing pair would leave the third crossing
        // their new pieces (a phantom or leaking wall).
        let g = graph(&[
            (p(0., 0.), p(2., 2.)),
            (p(0., 2.), p(2., 0.)),
            (p(-1., 1. + 1e-8), p(3., 1. + 1e-8)),
        ]);
        assert_planar(&g);
        let hub = g.vertices.iter().position(|&v| v == p(1., 1.)).unwrap() as u32;
        let degree = g.edges.iter().filter(|e| e.contains(&hub)).count();
        assert_eq!(degree, 6, "all three walls pass through the crossing");
    }

    #[test]
    fn bundles_of_nearly_collinear_overlapping_walls_are_planar() {
        let mut segs = Vec::new();
        let mut s = 7u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..200 {
            let (x0, x1) = (rnd() * 10.0, rnd() * 10.0);
            let (e0, e1) = ((rnd() - 0.5) * 1e-7, (rnd() - 0.5) * 1e-7);
            segs.push((p(x0, 0.3 * x0 + e0), p(x1, 0.3 * x1 + e1)));
        }
        assert_planar(&graph(&segs));
    }

    #[test]
    fn coordinates_must_be_finite() {
        let err = build_wall_graph(&[(p(0., 0.), p(f64::NAN, 1.))], 1e-6).unwrap_err();
        assert_eq!(err, NodingError::NotFinite { piece: 0 });
    }

    #[test]
    fn subnormal_coordinates_snap_to_the_grid() {
        let g = graph(&[(p(1e-310, 0.), p(10., 0.)), (p(10., 0.), p(10., 10.))]);
        assert!(g.vertices.contains(&p(0., 0.)));
    }
}
