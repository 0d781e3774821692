//! Random plans the way public art-gallery benchmarks make them, and wall
//! soups with nearly collinear bundles, at many scales and offsets.
//!
//! - Simple polygons from random points untangled by 2-opt moves (as RPG, the
//!   generator behind AGPLIB's random simple polygons), random orthogonal
//!   polygons on an irregular grid, and von Koch-like outlines (square bumps on
//!   random edges, level after level), each with holes inside.
//! - Soups: a room with bundles of walls 1e-12..1e-7 m apart (parallel,
//!   collinear up to rounding, or crossing at tiny angles), all overlapping,
//!   plus random crossing walls and see-through walls.
//! - Cameras inside, on vertices, on walls and at free wall ends, 360° and
//!   narrow, headings random, into the room or exactly along a wall.
//! - Plans scaled from 1e-3 to 1e5 and offset up to 1e6, with -0.0,
//!   subnormal coordinates and values one ulp apart.
//!
//! Everything comes from one seed (SplitMix64, written out here).

use super::{Camera, MOUNT_M, V2, num, orient, segment_distance, v2};
use std::f64::consts::PI;
use std::fmt::Write;

/// SplitMix64: a seed gives the same cases on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6F72_6163_6C65_2121)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// 10^u with u uniform in [lo, hi].
    pub fn log10(&mut self, lo: f64, hi: f64) -> f64 {
        // libm, not std: the same case natively and in wasm (tests/wasm.rs).
        libm::pow(10.0, self.range(lo, hi))
    }
}

/// The next float above `x` (f64::next_up, written out for older toolchains).
pub fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let b = x.to_bits();
    f64::from_bits(if x > 0.0 { b + 1 } else { b - 1 })
}

/// A wall of a generated plan.
#[derive(Clone, Debug)]
pub struct WallSpec {
    pub path: Vec<V2>,
    /// The scenario kind and extra fields, e.g. `"glass"` / `""`.
    pub kind: &'static str,
    pub extra: &'static str,
    /// Whether it blocks sight (by the table in docs/scenario-format.md).
    pub blocks: bool,
}

impl WallSpec {
    fn opaque(path: Vec<V2>) -> WallSpec {
        WallSpec {
            path,
            kind: "wall",
            extra: "",
            blocks: true,
        }
    }
}

/// A generated case: a plan, its zones and cameras.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub walls: Vec<WallSpec>,
    /// Each zone: outer ring then holes.
    pub zones: Vec<Vec<Vec<V2>>>,
    pub cameras: Vec<Camera>,
    /// The bundles of nearly collinear walls, which the core's documented
    /// snapping (1 µm) may move by up to their spread.
    pub bundles: Vec<Bundle>,
}

/// Walls within `spread` of each other.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub spread: f64,
    pub length: f64,
    pub ends: Vec<V2>,
}

impl Case {
    /// How much the core's snapping may change what `cam` sees, m²: each
    /// bundle wall end may move by the bundle's spread δ; at distance d that
    /// turns a sight line by δ/d, sweeping at most r²δ/(2d) out to the range
    /// r, and the bundle's near face moves by δ along its length.
    pub fn snap_slack(&self, cam: &Camera) -> f64 {
        let r2 = cam.range_m * cam.range_m;
        self.bundles
            .iter()
            .map(|b| {
                let ends: f64 = b
                    .ends
                    .iter()
                    .map(|e| r2 / (2.0 * e.sub(cam.at).len().max(1e-300)))
                    .sum();
                b.spread * (b.length + ends)
            })
            .sum()
    }
}

impl Case {
    /// The opaque wall segments, for the oracle.
    pub fn opaque_segments(&self) -> Vec<(V2, V2)> {
        self.walls
            .iter()
            .filter(|w| w.blocks)
            .flat_map(|w| w.path.windows(2).map(|p| (p[0], p[1])))
            .collect()
    }

    /// The case as a scenario file.
    pub fn to_json(&self) -> String {
        let pt = |p: &V2| format!("[{}, {}]", num(p.x), num(p.y));
        let ring = |r: &[V2]| {
            let pts: Vec<String> = r.iter().map(pt).collect();
            format!("[{}]", pts.join(", "))
        };
        let mut s = String::new();
        let _ = write!(
            s,
            "{{\"blindspot\": 1, \"name\": {:?}, \"plan\": {{\"walls\": [",
            self.name
        );
        for (i, w) in self.walls.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            let extra = if w.extra.is_empty() {
                String::new()
            } else {
                format!(", {}", w.extra)
            };
            let _ = write!(
                s,
                "{sep}\n  {{\"id\": \"w{i}\", \"kind\": \"{}\"{extra}, \"path\": {}}}",
                w.kind,
                ring(&w.path)
            );
        }
        s.push_str("], \"zones\": [");
        for (i, z) in self.zones.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            let holes: Vec<String> = z[1..].iter().map(|h| ring(h)).collect();
            let _ = write!(
                s,
                "{sep}\n  {{\"id\": \"z{i}\", \"polygon\": {}, \"holes\": [{}]}}",
                ring(&z[0]),
                holes.join(", ")
            );
        }
        s.push_str("]}, \"cameras\": [");
        for (i, c) in self.cameras.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            let _ = write!(
                s,
                "{sep}\n  {{\"id\": \"c{i}\", \"position\": {}, \"heading_deg\": {}, \"hfov_deg\": {}, \"range_m\": {}}}",
                pt(&c.at),
                num(c.heading_deg),
                num(c.hfov_deg),
                num(c.range_m)
            );
        }
        s.push_str("]}\n");
        s
    }
}

/// Where a plan sits: x ↦ x · scale + offset, from the unit box.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub scale: f64,
    pub offset: V2,
}

impl Place {
    pub fn at(&self, p: V2) -> V2 {
        v2(
            p.x * self.scale + self.offset.x,
            p.y * self.scale + self.offset.y,
        )
    }

    /// Scales 1e-3..1e5 (log-uniform), offsets 0 or up to 1e6 while the plan
    /// stays well conditioned: a float at offset X resolves X · 1.1e-16, so
    /// agreement to 1e-9 of the plan's area needs X / size below about 1e5
    /// (docs/reliability.md). Coordinates stay within the format's ±1e6.
    pub fn random(rng: &mut Rng) -> Place {
        let scale = rng.log10(-3.0, 5.0);
        let reach = (1e6 - 2.0 * scale).min(1e5 * scale).max(0.0);
        let mut off = || match rng.below(4) {
            0 => 0.0,
            1 => -rng.range(0.0, reach),
            _ => rng.range(0.0, reach),
        };
        let offset = v2(off(), off());
        Place { scale, offset }
    }

    /// The smallest feature the plan may have: well clear of the core's
    /// 1 µm snapping and mounting tolerances, and of rounding at the offset.
    pub fn feature(&self) -> f64 {
        let ulp = self.offset.x.abs().max(self.offset.y.abs()).max(self.scale) * 2.3e-16;
        (20.0 * MOUNT_M).max(2e-3 * self.scale).max(1e6 * ulp)
    }
}

/// True when the rings (closed) are simple, pairwise disjoint, and every vertex
/// lies at least `feature` from every edge not ending at it.
pub fn rings_ok(rings: &[Vec<V2>], feature: f64) -> bool {
    let mut edges = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        if ring.len() < 3 {
            return false;
        }
        for i in 0..ring.len() {
            edges.push((r, i, ring[i], ring[(i + 1) % ring.len()]));
        }
    }
    for (k, &(r, i, a, b)) in edges.iter().enumerate() {
        if a == b {
            return false;
        }
        for &(s, j, c, d) in &edges[k + 1..] {
            let d2 = d;
            let n = rings[r].len();
            let adjacent = r == s && (j == (i + 1) % n || i == (j + 1) % n);
            if adjacent {
                // Adjacent edges meet at their shared vertex only.
                let (p, q, far) = if j == (i + 1) % n {
                    (a, b, d)
                } else {
                    (c, d, b)
                };
                if orient(p, q, far) == 0.0 && (far.sub(q)).dot(q.sub(p)) < 0.0 {
                    return false;
                }
                continue;
            }
            let o1 = orient(a, b, c);
            let o2 = orient(a, b, d);
            let o3 = orient(c, d, a);
            let o4 = orient(c, d, b);
            if o1 == 0.0 && o2 == 0.0 {
                // Collinear: apart unless their spans along the line meet.
                let d = b.sub(a);
                let (t0, t1) = (c.sub(a).dot(d), d2.sub(a).dot(d));
                if t0.max(t1) >= 0.0 && t0.min(t1) <= d.dot(d) {
                    return false;
                }
            } else if o1 * o2 <= 0.0 && o3 * o4 <= 0.0 {
                return false;
            }
            for (p, e0, e1) in [(a, c, d), (b, c, d), (c, a, b), (d, a, b)] {
                if segment_distance(p, e0, e1) < feature {
                    return false;
                }
            }
        }
    }
    true
}

/// Twice the signed area of a ring.
pub fn signed_area2(ring: &[V2]) -> f64 {
    let o = ring[0];
    (1..ring.len().saturating_sub(1))
        .map(|i| ring[i].sub(o).cross(ring[i + 1].sub(o)))
        .sum()
}

/// Even-odd point in rings.
pub fn inside(rings: &[Vec<V2>], p: V2) -> bool {
    let mut inside = false;
    for ring in rings {
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if p.x < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

pub fn oriented(mut ring: Vec<V2>, ccw: bool) -> Vec<V2> {
    if (signed_area2(&ring) > 0.0) != ccw {
        ring.reverse();
    }
    ring
}

/// Random points in the unit box untangled by 2-opt moves: while two edges
/// cross, reverse the path between them (total length falls, so it ends).
pub fn two_opt_polygon(rng: &mut Rng, n: usize) -> Vec<V2> {
    let mut pts: Vec<V2> = (0..n).map(|_| v2(rng.unit(), rng.unit())).collect();
    for _ in 0..10 * n * n {
        let mut changed = false;
        for i in 0..n {
            for j in i + 2..n {
                if i == 0 && j == n - 1 {
                    continue;
                }
                let (a, b) = (pts[i], pts[i + 1]);
                let (c, d) = (pts[j], pts[(j + 1) % n]);
                let o1 = orient(a, b, c);
                let o2 = orient(a, b, d);
                let o3 = orient(c, d, a);
                let o4 = orient(c, d, b);
                if o1 * o2 < 0.0 && o3 * o4 < 0.0 {
                    pts[i + 1..=j].reverse();
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    oriented(pts, true)
}

/// A random orthogonal polygon: a 4-connected set of cells, without holes, on
/// a grid with irregular spacing, traced along its boundary.
pub fn orthogonal_polygon(rng: &mut Rng, cells: usize) -> Vec<V2> {
    let m = 8usize;
    let mut cuts = |_: ()| {
        let mut v: Vec<f64> = (0..=m).map(|i| i as f64 / m as f64).collect();
        for x in v.iter_mut().take(m).skip(1) {
            *x += rng.range(-0.4, 0.4) / m as f64;
        }
        v
    };
    let xs = cuts(());
    let ys = cuts(());
    let mut on = vec![vec![false; m]; m];
    let (mut count, mut tries) = (1, 0);
    on[m / 2][m / 2] = true;
    while count < cells && tries < 10_000 {
        tries += 1;
        let (i, j) = (rng.below(m), rng.below(m));
        if on[i][j] {
            continue;
        }
        let nb = |a: isize, b: isize| {
            a >= 0 && b >= 0 && (a as usize) < m && (b as usize) < m && on[a as usize][b as usize]
        };
        let (ii, jj) = (i as isize, j as isize);
        if !(nb(ii - 1, jj) || nb(ii + 1, jj) || nb(ii, jj - 1) || nb(ii, jj + 1)) {
            continue;
        }
        on[i][j] = true;
        if has_hole_or_pinch(&on) {
            on[i][j] = false;
        } else {
            count += 1;
        }
    }
    // Boundary edges, directed with the inside on the left, then chained.
    let mut next = std::collections::HashMap::new();
    let cell = |i: isize, j: isize| {
        i >= 0 && j >= 0 && (i as usize) < m && (j as usize) < m && on[i as usize][j as usize]
    };
    for i in 0..m as isize {
        for j in 0..m as isize {
            if !cell(i, j) {
                continue;
            }
            if !cell(i, j - 1) {
                next.insert((i, j), (i + 1, j));
            }
            if !cell(i + 1, j) {
                next.insert((i + 1, j), (i + 1, j + 1));
            }
            if !cell(i, j + 1) {
                next.insert((i + 1, j + 1), (i, j + 1));
            }
            if !cell(i - 1, j) {
                next.insert((i, j + 1), (i, j));
            }
        }
    }
    let start = *next.keys().min().expect("a cell");
    let mut ring = vec![start];
    let mut at = next[&start];
    while at != start {
        ring.push(at);
        at = next[&at];
    }
    // Drop vertices inside straight runs.
    let n = ring.len();
    let keep: Vec<(isize, isize)> = (0..n)
        .filter(|&k| {
            let (p, q, r) = (ring[(k + n - 1) % n], ring[k], ring[(k + 1) % n]);
            (q.0 - p.0) * (r.1 - q.1) - (q.1 - p.1) * (r.0 - q.0) != 0
        })
        .map(|k| ring[k])
        .collect();
    keep.iter()
        .map(|&(i, j)| v2(xs[i as usize], ys[j as usize]))
        .collect()
}

/// True when the cells enclose empty cells (a hole) or two cells touch only at
/// a corner (the traced boundary would pinch).
fn has_hole_or_pinch(on: &[Vec<bool>]) -> bool {
    let m = on.len();
    for i in 0..m - 1 {
        for j in 0..m - 1 {
            let (a, b, c, d) = (on[i][j], on[i + 1][j], on[i][j + 1], on[i + 1][j + 1]);
            if (a && d && !b && !c) || (b && c && !a && !d) {
                return true;
            }
        }
    }
    // Flood the outside from the border of a grid grown by one.
    let g = m + 2;
    let mut seen = vec![vec![false; g]; g];
    let mut stack = vec![(0usize, 0usize)];
    seen[0][0] = true;
    while let Some((i, j)) = stack.pop() {
        for (di, dj) in [(1isize, 0isize), (-1, 0), (0, 1), (0, -1)] {
            let (a, b) = (i as isize + di, j as isize + dj);
            if a < 0 || b < 0 || a >= g as isize || b >= g as isize {
                continue;
            }
            let (a, b) = (a as usize, b as usize);
            let filled = a >= 1 && b >= 1 && a <= m && b <= m && on[a - 1][b - 1];
            if !seen[a][b] && !filled {
                seen[a][b] = true;
                stack.push((a, b));
            }
        }
    }
    (0..m).any(|i| (0..m).any(|j| !on[i][j] && !seen[i + 1][j + 1]))
}

/// A von Koch-like outline: from a square, each level puts a square bump
/// (outwards or inwards) on the middle third of random edges.
pub fn koch_polygon(rng: &mut Rng, levels: usize) -> Vec<V2> {
    let mut ring = vec![
        v2(0.25, 0.25),
        v2(0.75, 0.25),
        v2(0.75, 0.75),
        v2(0.25, 0.75),
    ];
    for _ in 0..levels {
        let mut out = Vec::new();
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            out.push(a);
            if rng.chance(0.6) {
                let d = b.sub(a);
                let normal = v2(d.y, -d.x).scale(if rng.chance(0.7) { 1.0 } else { -1.0 });
                let (t0, t1) = (rng.range(0.25, 0.4), rng.range(0.6, 0.75));
                let h = rng.range(0.2, 0.4);
                let p = a.add(d.scale(t0));
                let q = a.add(d.scale(t1));
                out.extend([p, p.add(normal.scale(h)), q.add(normal.scale(h)), q]);
            }
        }
        ring = out;
    }
    // Fit the unit box.
    let (mut lo, mut hi) = (v2(f64::MAX, f64::MAX), v2(f64::MIN, f64::MIN));
    for p in &ring {
        lo = v2(lo.x.min(p.x), lo.y.min(p.y));
        hi = v2(hi.x.max(p.x), hi.y.max(p.y));
    }
    let k = 1.0 / (hi.x - lo.x).max(hi.y - lo.y);
    oriented(ring.iter().map(|p| p.sub(lo).scale(k)).collect(), true)
}

/// Where cameras go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Clear of every wall.
    Inside,
    /// On vertices and walls (polygons), at free wall ends (soups).
    OnWalls,
}

/// What a generated case may hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub cameras: Placement,
    /// Some exact zeros become subnormals (1e-310, -5e-324); -0.0 and one-ulp
    /// changes are always in.
    pub subnormals: bool,
}

/// The kinds of simple polygon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outline {
    TwoOpt,
    Orthogonal,
    Koch,
}

/// Up to `want` holes inside the region, clear of everything by `feature`.
fn add_holes(
    rng: &mut Rng,
    rings: &mut Vec<Vec<V2>>,
    want: usize,
    orthogonal: bool,
    place: &Place,
) {
    let feature = place.feature();
    for _ in 0..want {
        for _try in 0..20 {
            let c = v2(rng.unit(), rng.unit());
            let r = rng.range(0.02, 0.1);
            let hole: Vec<V2> = if orthogonal {
                let (w, h) = (r * rng.range(0.5, 1.5), r * rng.range(0.5, 1.5));
                vec![
                    v2(c.x - w, c.y - h),
                    v2(c.x + w, c.y - h),
                    v2(c.x + w, c.y + h),
                    v2(c.x - w, c.y + h),
                ]
            } else {
                let k = 3 + rng.below(4);
                let mut angles: Vec<f64> = (0..k).map(|_| rng.range(0.0, 2.0 * PI)).collect();
                angles.sort_by(f64::total_cmp);
                angles.iter().map(|&a| c.add(V2::dir(a).scale(r))).collect()
            };
            let hole = oriented(hole.iter().map(|&p| place.at(p)).collect(), false);
            if signed_area2(&hole).abs() < 1e-3 * place.scale * place.scale {
                continue;
            }
            if !hole.iter().all(|&p| inside(rings, p)) {
                continue;
            }
            let mut trial = rings.clone();
            trial.push(hole);
            if rings_ok(&trial, feature) {
                *rings = trial;
                break;
            }
        }
    }
}

/// Applies -0.0, subnormal and one-ulp changes to some coordinates, keeping
/// the rings valid.
fn special_values(rng: &mut Rng, rings: &mut [Vec<V2>], feature: f64, subnormals: bool) {
    for ring in rings.iter_mut() {
        for p in ring.iter_mut() {
            for c in [&mut p.x, &mut p.y] {
                if *c == 0.0 {
                    *c = match rng.below(4) {
                        0 | 1 if !subnormals => -0.0,
                        0 => -0.0,
                        1 => 1e-310,
                        2 if subnormals => -f64::from_bits(1),
                        _ => 0.0,
                    };
                }
            }
        }
    }
    if rng.chance(0.5) {
        let r = rng.below(rings.len());
        let k = rng.below(rings[r].len());
        let before = rings[r][k];
        // One ulp up (from zero that is a subnormal).
        let bump = |c: f64| {
            if c == 0.0 && !subnormals {
                c
            } else {
                next_up(c)
            }
        };
        if rng.chance(0.5) {
            rings[r][k].x = bump(before.x);
        } else {
            rings[r][k].y = bump(before.y);
        }
        if !rings_ok(rings, feature * 0.5) {
            rings[r][k] = before;
        }
    }
}

/// A point inside the region at least `clear` from every wall.
fn interior_point(
    rng: &mut Rng,
    rings: &[Vec<V2>],
    walls: &[(V2, V2)],
    place: &Place,
    clear: f64,
) -> Option<V2> {
    for _ in 0..200 {
        let p = place.at(v2(rng.unit(), rng.unit()));
        if inside(rings, p)
            && walls
                .iter()
                .all(|&(a, b)| segment_distance(p, a, b) >= clear)
        {
            return Some(p);
        }
    }
    None
}

/// Camera optics: 360° or narrow, range beyond the plan or cutting into it.
fn optics(rng: &mut Rng, place: &Place) -> (f64, f64) {
    let hfov = match rng.below(6) {
        0 | 1 => 360.0,
        2 => rng.range(0.5, 20.0),
        3 => rng.range(180.0, 359.0),
        _ => rng.range(20.0, 180.0),
    };
    let range = if rng.chance(0.5) {
        3.0 * place.scale
    } else {
        rng.range(0.15, 0.8) * place.scale
    };
    (hfov, range.clamp(1e-3, 1e5))
}

/// A camera in the region: inside, on a vertex or on a wall.
fn polygon_camera(
    rng: &mut Rng,
    rings: &[Vec<V2>],
    walls: &[(V2, V2)],
    place: &Place,
    placement: Placement,
) -> Option<Camera> {
    let (hfov, range) = optics(rng, place);
    let mut heading = rng.range(0.0, 360.0);
    let feature = place.feature();
    let which = match placement {
        Placement::Inside => 0,
        Placement::OnWalls => 1 + rng.below(2),
    };
    let (at, side) = match which {
        0 => (interior_point(rng, rings, walls, place, feature)?, None),
        which => {
            let r = rng.below(rings.len());
            let ring = &rings[r];
            let n = ring.len();
            let k = rng.below(n);
            let (prev, at, next) = (ring[(k + n - 1) % n], ring[k], ring[(k + 1) % n]);
            if which == 1 {
                // On a vertex: the inside is the wedge from the next edge
                // counter-clockwise to the previous one (region on the left).
                let a0 = next.sub(at).angle();
                let mut a1 = prev.sub(at).angle();
                if a1 <= a0 {
                    a1 += 2.0 * PI;
                }
                match rng.below(3) {
                    0 => heading = a0.to_degrees(),
                    1 => heading = a1.to_degrees(),
                    _ => {}
                }
                (at, Some(V2::dir(0.5 * (a0 + a1))))
            } else {
                let s = rng.range(0.15, 0.85);
                let p = at.add(next.sub(at).scale(s));
                let d = next.sub(at);
                if walls
                    .iter()
                    .filter(|&&(a, b)| !(a == at && b == next))
                    .any(|&(a, b)| segment_distance(p, a, b) < 10.0 * MOUNT_M)
                {
                    return None;
                }
                match rng.below(3) {
                    0 => heading = d.angle().to_degrees(),
                    1 => heading = d.scale(-1.0).angle().to_degrees(),
                    _ => {}
                }
                (p, Some(v2(-d.y, d.x)))
            }
        }
    };
    Some(Camera {
        at,
        heading_deg: heading.rem_euclid(360.0),
        hfov_deg: hfov,
        range_m: range,
        room_side: side,
    })
}

/// A simple polygon with holes, walls along every ring, one zone, 1–3 cameras.
pub fn polygon_case(seed: u64, outline: Outline, opts: Options) -> Case {
    let mut rng = Rng::new(seed);
    for attempt in 0.. {
        let place = Place::random(&mut rng);
        let feature = place.feature();
        let n = (4 + rng.below(16)).saturating_sub(attempt / 4).max(4);
        let unit = match outline {
            Outline::TwoOpt => two_opt_polygon(&mut rng, n),
            Outline::Orthogonal => orthogonal_polygon(&mut rng, 2 * n),
            Outline::Koch => {
                let levels = 1 + rng.below(2);
                koch_polygon(&mut rng, levels)
            }
        };
        let mut rings = vec![unit.iter().map(|&p| place.at(p)).collect::<Vec<_>>()];
        if !rings_ok(&rings, feature) {
            continue;
        }
        let holes = rng.below(4);
        add_holes(
            &mut rng,
            &mut rings,
            holes,
            outline != Outline::TwoOpt,
            &place,
        );
        special_values(&mut rng, &mut rings, feature, opts.subnormals);
        let walls: Vec<WallSpec> = rings
            .iter()
            .map(|r| {
                let mut path = r.clone();
                path.push(r[0]);
                WallSpec::opaque(path)
            })
            .collect();
        let mut case = Case {
            name: format!("{outline:?} seed {seed} {opts:?}"),
            walls,
            zones: vec![rings.clone()],
            cameras: Vec::new(),
            bundles: Vec::new(),
        };
        let segs = case.opaque_segments();
        let want = 1 + rng.below(3);
        for _ in 0..4 * want {
            if case.cameras.len() == want {
                break;
            }
            if let Some(c) = polygon_camera(&mut rng, &rings, &segs, &place, opts.cameras) {
                case.cameras.push(c);
            }
        }
        if case.cameras.is_empty() {
            continue;
        }
        return case;
    }
    unreachable!()
}

/// A room holding bundles of nearly collinear walls, random crossing walls and
/// see-through walls; cameras inside and at free wall ends.
pub fn soup_case(seed: u64, opts: Options) -> Case {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
    let place = Place::random(&mut rng);
    let feature = place.feature();
    let ulp = place
        .offset
        .x
        .abs()
        .max(place.offset.y.abs())
        .max(place.scale)
        * 2.3e-16;
    let room: Vec<V2> = [v2(0.0, 0.0), v2(1.0, 0.0), v2(1.0, 1.0), v2(0.0, 1.0)]
        .iter()
        .map(|&p| place.at(p))
        .collect();
    let mut outline = room.clone();
    outline.push(room[0]);
    let mut walls = vec![WallSpec::opaque(outline)];
    let mut bundles = Vec::new();
    // Bundles.
    for _ in 0..1 + rng.below(4) {
        let p = place.at(v2(rng.range(0.1, 0.9), rng.range(0.1, 0.9)));
        let q = place.at(v2(rng.range(0.1, 0.9), rng.range(0.1, 0.9)));
        let d = q.sub(p);
        if d.len() < 0.1 * place.scale {
            continue;
        }
        let normal = v2(-d.y, d.x).scale(1.0 / d.len());
        let mut spread: f64 = 0.0;
        let mut ends = Vec::new();
        for _ in 0..2 + rng.below(4) {
            let (t0, t1) = (rng.range(0.0, 0.4), rng.range(0.6, 1.0));
            let (a, b) = match rng.below(3) {
                // On the line, up to the rounding of the points.
                0 => (p.add(d.scale(t0)), p.add(d.scale(t1))),
                // Parallel, 1e-12..1e-7 m off (at least a few ulps).
                1 => {
                    let off = rng.log10(-12.0, -7.0).max(8.0 * ulp)
                        * if rng.chance(0.5) { 1.0 } else { -1.0 };
                    spread = spread.max(off.abs());
                    let n = normal.scale(off);
                    (p.add(d.scale(t0)).add(n), p.add(d.scale(t1)).add(n))
                }
                // Turned by a tiny angle about a point of the common part.
                _ => {
                    let pivot = p.add(d.scale(rng.range(0.4, 0.6)));
                    let angle = rng.log10(-12.0, -6.0) * if rng.chance(0.5) { 1.0 } else { -1.0 };
                    let turn = |x: V2| {
                        let r = x.sub(pivot);
                        let (s, c) = (libm::sin(angle), libm::cos(angle));
                        pivot.add(v2(r.x * c - r.y * s, r.x * s + r.y * c))
                    };
                    spread = spread.max(angle.abs() * d.len());
                    (turn(p.add(d.scale(t0))), turn(p.add(d.scale(t1))))
                }
            };
            let (a, b) = if rng.chance(0.5) { (a, b) } else { (b, a) };
            walls.push(WallSpec::opaque(vec![a, b]));
            ends.extend([a, b]);
        }
        bundles.push(Bundle {
            spread: spread.max(4.0 * ulp),
            length: d.len(),
            ends,
        });
    }
    let bundled = walls.len();
    // Random walls (single segments or short polylines), ends clear of others.
    for _ in 0..rng.below(6) {
        for _try in 0..10 {
            let k = 2 + rng.below(2);
            let path: Vec<V2> = (0..k)
                .map(|_| place.at(v2(rng.range(0.05, 0.95), rng.range(0.05, 0.95))))
                .collect();
            let segs: Vec<(V2, V2)> = walls
                .iter()
                .flat_map(|w| w.path.windows(2).map(|p| (p[0], p[1])).collect::<Vec<_>>())
                .collect();
            let clear = path.iter().all(|&e| {
                segs.iter()
                    .all(|&(a, b)| segment_distance(e, a, b) >= feature)
            });
            let inner_clear = path.windows(2).all(|s| {
                segs.iter().all(|&(a, b)| {
                    [a, b]
                        .iter()
                        .all(|&e| segment_distance(e, s[0], s[1]) >= feature)
                })
            });
            if clear && inner_clear && path.windows(2).all(|s| s[1].sub(s[0]).len() > feature) {
                walls.push(WallSpec::opaque(path));
                break;
            }
        }
    }
    // See-through walls, ignored by sight.
    for _ in 0..rng.below(3) {
        let a = place.at(v2(rng.range(0.05, 0.95), rng.range(0.05, 0.95)));
        let b = place.at(v2(rng.range(0.05, 0.95), rng.range(0.05, 0.95)));
        let (kind, extra) = match rng.below(4) {
            0 => ("glass", ""),
            1 => ("door", "\"open\": true"),
            2 => ("railing", ""),
            _ => ("window", "\"opaque\": false"),
        };
        walls.push(WallSpec {
            path: vec![a, b],
            kind,
            extra,
            blocks: false,
        });
    }
    let mut case = Case {
        name: format!("soup seed {seed} {opts:?}"),
        walls,
        zones: vec![vec![room.clone()]],
        cameras: Vec::new(),
        bundles,
    };
    let segs = case.opaque_segments();
    let free_ends: Vec<V2> = case.walls[bundled..]
        .iter()
        .filter(|w| w.blocks)
        .flat_map(|w| [w.path[0], w.path[w.path.len() - 1]])
        .collect();
    for _ in 0..1 + rng.below(3) {
        let (hfov, range) = optics(&mut rng, &place);
        let at = match opts.cameras {
            Placement::OnWalls if !free_ends.is_empty() => {
                Some(free_ends[rng.below(free_ends.len())])
            }
            Placement::OnWalls => None,
            Placement::Inside => interior_point(
                &mut rng,
                std::slice::from_ref(&room),
                &segs,
                &place,
                feature,
            ),
        };
        if let Some(at) = at {
            case.cameras.push(Camera {
                at,
                heading_deg: rng.range(0.0, 360.0),
                hfov_deg: hfov,
                range_m: range,
                room_side: None,
            });
        }
    }
    case
}
