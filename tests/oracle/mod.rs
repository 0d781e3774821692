//! An independent visibility oracle for the tests: slow, simple, and sharing no
//! code with `src/view/` or `src/plan/` (nor anything else in `src/`).
//!
//! It re-derives the view region from its written definition
//! (docs/scenario-format.md "What a camera sees", docs/reliability.md):
//! the points p within the camera's range boundary and field of view for which
//! the segment camera→p crosses no opaque wall. Walls have no thickness;
//! touching a wall end is not crossing. The range boundary is a chord polygon on
//! an even angular grid with the area-preserving radius. A camera within the
//! mount tolerance of walls stands on them and sees into one open wedge between
//! the walls leaving its position, by docs/scenario-format.md's rule: a camera
//! with a partial field of view sees the wedge its heading points into; when
//! the heading runs along a wall, and for a 360° camera, the one holding a
//! direction the caller knows to point into the room.
//!
//! Method: an angular sweep. Every direction where the nearest obstacle along
//! the ray can change is an event: wall ends, wall–wall crossings, wall–chord
//! crossings, the chord grid's rays and the window bounds. Between two
//! consecutive events one obstacle (a wall or a chord) is nearest for the
//! whole interval, found on the middle ray; the view's piece there is the
//! triangle from the camera to that obstacle's line. Decisions (does a ray hit
//! a wall, do two walls cross) use Shewchuk's exact orientation predicates
//! (`robust`); constructions are plain floats relative to the camera, so their
//! rounding moves boundaries by rounding-sized amounts only.

#![allow(dead_code)]

pub mod compare;
pub mod families;
pub mod generate;
pub mod scenario;
pub mod union;

use std::f64::consts::{PI, TAU};

/// A plain 2-vector (the oracle's own; no type from the crate).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct V2 {
    pub x: f64,
    pub y: f64,
}

pub const fn v2(x: f64, y: f64) -> V2 {
    V2 { x, y }
}

impl V2 {
    pub fn sub(self, o: V2) -> V2 {
        v2(self.x - o.x, self.y - o.y)
    }
    pub fn add(self, o: V2) -> V2 {
        v2(self.x + o.x, self.y + o.y)
    }
    pub fn scale(self, k: f64) -> V2 {
        v2(self.x * k, self.y * k)
    }
    pub fn cross(self, o: V2) -> f64 {
        self.x * o.y - self.y * o.x
    }
    pub fn dot(self, o: V2) -> f64 {
        self.x * o.x + self.y * o.y
    }
    pub fn len(self) -> f64 {
        self.x.hypot(self.y)
    }
    pub fn angle(self) -> f64 {
        self.y.atan2(self.x)
    }
    pub fn dir(angle: f64) -> V2 {
        v2(angle.cos(), angle.sin())
    }
}

/// Exact sign of the turn a → b → c: positive counter-clockwise, zero collinear.
pub fn orient(a: V2, b: V2, c: V2) -> f64 {
    robust::orient2d(
        robust::Coord { x: a.x, y: a.y },
        robust::Coord { x: b.x, y: b.y },
        robust::Coord { x: c.x, y: c.y },
    )
}

/// Distance from `p` to the segment a–b.
pub fn segment_distance(p: V2, a: V2, b: V2) -> f64 {
    let d = b.sub(a);
    let l2 = d.dot(d);
    let t = if l2 > 0.0 {
        (p.sub(a).dot(d) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.sub(a.add(d.scale(t))).len()
}

/// A camera to the oracle (flat: no mounting height, so no dead zone).
#[derive(Clone, Copy, Debug)]
pub struct Camera {
    pub at: V2,
    pub heading_deg: f64,
    pub hfov_deg: f64,
    pub range_m: f64,
    /// For a camera standing on walls: a direction pointing into the room (the
    /// side a zone is on). Ignored for a camera clear of walls.
    pub room_side: Option<V2>,
}

/// What the oracle found a camera sees.
#[derive(Clone, Debug)]
pub struct Seen {
    /// The view polygon, counter-clockwise, relative to the camera.
    pub ring: Vec<V2>,
    pub area: f64,
}

/// Why the oracle cannot answer (the case is outside what it is defined for).
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The camera stands where several walls meet and no room side was given,
    /// or the given direction runs along a wall.
    AmbiguousMount,
}

/// A camera this close to an opaque wall stands on it (docs/scenario-format.md).
pub const MOUNT_M: f64 = 1e-6;
/// The range boundary follows the circle to within this (docs/scenario-format.md).
pub const ARC_DEVIATION_M: f64 = 0.005;
const MIN_WEDGE_RAD: f64 = 0.25 * PI / 180.0;
const MAX_WEDGE_RAD: f64 = 5.0 * PI / 180.0;

/// The range boundary's angular grid, derived from its definition: chords on an
/// even grid of wedge angle d, at the radius R = r sqrt(d / sin d) that gives
/// each wedge the circular wedge's area. Vertices then lie r d²/12 outside the
/// circle and chord middles r d²/24 inside, so d = sqrt(12 · 5 mm / r), kept
/// between 0.25° and 5°; the wedge count is even and at least 2.
#[derive(Clone, Copy, Debug)]
pub struct Grid {
    /// Absolute angle of the first grid ray.
    pub start: f64,
    pub step: f64,
    pub wedges: usize,
    pub radius: f64,
    /// Field of view, radians.
    pub fov: f64,
    pub full: bool,
}

impl Grid {
    pub fn of(cam: &Camera) -> Grid {
        let fov = cam.hfov_deg.clamp(1e-9, 360.0).to_radians();
        let full = cam.hfov_deg >= 360.0;
        let heading = cam.heading_deg.to_radians().rem_euclid(TAU);
        let max_step = (12.0 * ARC_DEVIATION_M / cam.range_m)
            .sqrt()
            .clamp(MIN_WEDGE_RAD, MAX_WEDGE_RAD);
        let mut wedges = ((fov / max_step).ceil() as usize).max(2);
        wedges += wedges % 2;
        let step = fov / wedges as f64;
        let radius = cam.range_m * (step / step.sin()).sqrt();
        let start = if full {
            heading - PI
        } else {
            heading - fov / 2.0
        };
        Grid {
            start,
            step,
            wedges,
            radius,
            fov,
            full,
        }
    }

    /// Grid vertex `j` relative to the camera.
    pub fn vertex(&self, j: usize) -> V2 {
        V2::dir(self.start + j as f64 * self.step).scale(self.radius)
    }
}

/// Relative angle of `p` (relative to the camera) from the grid's first ray, in [0, 2π).
fn rel_angle(grid: &Grid, p: V2) -> f64 {
    (p.angle() - grid.start).rem_euclid(TAU)
}

/// Where the ray from the origin along `u` meets the line through a and b
/// (None when parallel).
fn ray_line(u: V2, a: V2, b: V2) -> Option<V2> {
    let d = b.sub(a);
    let den = u.cross(d);
    if den == 0.0 {
        return None;
    }
    let t = a.cross(d) / den;
    let p = u.scale(t);
    (t.is_finite() && t >= 0.0).then_some(p)
}

/// Distance along `u` (a unit direction from the origin) to segment a–b when the
/// ray meets it, decided exactly; None otherwise.
fn ray_hits(u: V2, a: V2, b: V2) -> Option<f64> {
    let o = v2(0.0, 0.0);
    let sa = orient(o, u, a);
    let sb = orient(o, u, b);
    if (sa > 0.0 && sb > 0.0) || (sa < 0.0 && sb < 0.0) || (sa == 0.0 && sb == 0.0) {
        return None;
    }
    // The line through a and b crosses the ray's line; is it ahead?
    let p = ray_line(u, a, b)?;
    Some(p.dot(u))
}

/// The crossing point of segments a–b and c–d when they cross at a single
/// point interior to both (decided exactly).
fn crossing(a: V2, b: V2, c: V2, d: V2) -> Option<V2> {
    let o1 = orient(a, b, c);
    let o2 = orient(a, b, d);
    let o3 = orient(c, d, a);
    let o4 = orient(c, d, b);
    let proper = o1 * o2 < 0.0 && o3 * o4 < 0.0;
    if !proper {
        return None;
    }
    let r = b.sub(a);
    let s = d.sub(c);
    let t = c.sub(a).cross(s) / r.cross(s);
    Some(a.add(r.scale(t)))
}

/// The open wedge of directions a mounted camera sees into, as (from, width)
/// in absolute radians, or None for a camera clear of walls. Walls the camera
/// stands on are replaced by their pieces from the camera outwards.
fn mount(walls: &mut Vec<(V2, V2)>, cam: &Camera) -> Result<Option<(f64, f64)>, Refusal> {
    let o = v2(0.0, 0.0);
    let mut dirs: Vec<f64> = Vec::new();
    let mut kept = Vec::with_capacity(walls.len());
    for &(a, b) in walls.iter() {
        if segment_distance(o, a, b) > MOUNT_M {
            kept.push((a, b));
            continue;
        }
        let interior = a.len() > MOUNT_M && b.len() > MOUNT_M;
        for (end, other) in [(a, b), (b, a)] {
            if end.len() > MOUNT_M {
                // Inside a wall, its own direction (not the direction to a
                // wall end from the camera's rounded position, which can be
                // off by far more than the "along a wall" tolerance).
                let dir = if interior { end.sub(other) } else { end };
                dirs.push(dir.angle().rem_euclid(TAU));
                kept.push((o, end));
            }
        }
    }
    *walls = kept;
    if dirs.is_empty() {
        return Ok(None);
    }
    dirs.sort_by(f64::total_cmp);
    dirs.dedup();
    if dirs.len() == 1 {
        return Ok(Some((dirs[0], TAU)));
    }
    let n = dirs.len();
    let wedge_of = |angle: f64, eps: f64| {
        (0..n).find_map(|i| {
            let from = dirs[i];
            let to = if i + 1 < n {
                dirs[i + 1]
            } else {
                dirs[0] + TAU
            };
            let a = if angle < from { angle + TAU } else { angle };
            (a > from + eps && a < to - eps).then_some((from, to - from))
        })
    };
    // A partial field of view: the wedge the heading points into, unless it
    // runs along a wall.
    if cam.hfov_deg < 360.0
        && let Some(w) = wedge_of(cam.heading_deg.to_radians().rem_euclid(TAU), 1e-12)
    {
        return Ok(Some(w));
    }
    let Some(side) = cam.room_side else {
        return Err(Refusal::AmbiguousMount);
    };
    let h = side.angle().rem_euclid(TAU);
    for i in 0..n {
        let from = dirs[i];
        let to = if i + 1 < n {
            dirs[i + 1]
        } else {
            dirs[0] + TAU
        };
        let a = if h < from { h + TAU } else { h };
        if a > from && a < to {
            return Ok(Some((from, to - from)));
        }
    }
    Err(Refusal::AmbiguousMount)
}

/// Parts of [0, fov] (relative to the grid start) inside the wedge.
fn windows(grid: &Grid, wedge: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    let fov = if grid.full { TAU } else { grid.fov };
    let Some((from, width)) = wedge else {
        return vec![(0.0, fov)];
    };
    if width >= TAU {
        return vec![(0.0, fov)];
    }
    let lo = (from - grid.start).rem_euclid(TAU);
    let mut out = Vec::new();
    for shift in [-TAU, 0.0, TAU] {
        let (a, b) = ((lo + shift).max(0.0), (lo + shift + width).min(fov));
        if b > a {
            out.push((a, b));
        }
    }
    out
}

/// The arc of relative angles a segment (relative to the camera) subtends:
/// (from, width), width < π for a segment clear of the camera.
fn span(grid: &Grid, a: V2, b: V2) -> (f64, f64) {
    let o = v2(0.0, 0.0);
    if a == o || b == o {
        let e = if a == o { b } else { a };
        return (rel_angle(grid, e), 0.0);
    }
    let (ta, tb) = (rel_angle(grid, a), rel_angle(grid, b));
    let d = (tb - ta).rem_euclid(TAU);
    if d <= PI { (ta, d) } else { (tb, TAU - d) }
}

/// Whether relative angle `t` lies strictly inside the arc (from, width).
fn in_span(s: (f64, f64), t: f64) -> bool {
    let a = (t - s.0).rem_euclid(TAU);
    a > 0.0 && a < s.1
}

/// Chord indices whose wedges meet the arc (from, width), with a margin of one.
fn chords_in(grid: &Grid, s: (f64, f64)) -> Vec<usize> {
    let span = if grid.full { TAU } else { grid.fov };
    let mut out = Vec::new();
    for shift in [0.0, -TAU] {
        let (lo, hi) = ((s.0 + shift).max(0.0), (s.0 + s.1 + shift).min(span));
        if hi < lo {
            continue;
        }
        let j0 = ((lo / grid.step).floor() as isize - 1).max(0) as usize;
        let j1 = ((hi / grid.step).floor() as usize + 1).min(grid.wedges - 1);
        out.extend(j0..=j1);
    }
    if grid.full {
        // The seam: the last wedge borders the first.
        out.extend([0, grid.wedges - 1]);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The view of one camera among opaque walls (absolute coordinates).
///
/// # Errors
/// [`Refusal::AmbiguousMount`] when the camera stands where walls meet and
/// the side it sees is not determined by `room_side`.
pub fn view(walls: &[(V2, V2)], cam: &Camera) -> Result<Seen, Refusal> {
    let grid = Grid::of(cam);
    // Everything relative to the camera (exact for nearby coordinates).
    let mut rel: Vec<(V2, V2)> = walls
        .iter()
        .map(|&(a, b)| (a.sub(cam.at), b.sub(cam.at)))
        .filter(|(a, b)| a != b)
        .collect();
    let wedge = mount(&mut rel, cam)?;
    let spans: Vec<(f64, f64)> = rel.iter().map(|&(a, b)| span(&grid, a, b)).collect();
    let chords: Vec<V2> = (0..=grid.wedges).map(|j| grid.vertex(j)).collect();
    let span = if grid.full { TAU } else { grid.fov };

    let mut events: Vec<f64> = (0..=grid.wedges).map(|j| j as f64 * grid.step).collect();
    let ws = windows(&grid, wedge);
    for &(a, b) in &ws {
        events.push(a);
        events.push(b);
    }
    let o = v2(0.0, 0.0);
    for (i, &(a, b)) in rel.iter().enumerate() {
        for p in [a, b] {
            if p != o {
                events.push(rel_angle(&grid, p));
            }
        }
        for &(c, d) in &rel[i + 1..] {
            if let Some(x) = crossing(a, b, c, d) {
                events.push(rel_angle(&grid, x));
            }
        }
        for j in chords_in(&grid, spans[i]) {
            if let Some(x) = crossing(a, b, chords[j], chords[j + 1]) {
                events.push(rel_angle(&grid, x));
            }
        }
    }
    events.retain(|t| (0.0..=span).contains(t));
    events.sort_by(f64::total_cmp);
    events.dedup();

    let mut ring: Vec<V2> = Vec::new();
    let mut area = 0.0;
    let mut last: Option<(V2, V2)> = None;
    let partial = !grid.full || wedge.is_some_and(|(_, w)| w < TAU);
    for &(w0, w1) in &ws {
        let mut ts: Vec<f64> = events
            .iter()
            .copied()
            .filter(|&t| t > w0 && t < w1)
            .collect();
        ts.insert(0, w0);
        ts.push(w1);
        for k in 0..ts.len() - 1 {
            let (t0, t1) = (ts[k], ts[k + 1]);
            if t1 <= t0 {
                continue;
            }
            let tm = 0.5 * (t0 + t1);
            let u = V2::dir(grid.start + tm);
            let j = ((tm / grid.step) as usize).min(grid.wedges - 1);
            let chord = (chords[j], chords[j + 1]);
            let mut best = (
                ray_line(u, chord.0, chord.1).map_or(f64::INFINITY, |p| p.dot(u)),
                chord,
            );
            for (w, &(a, b)) in rel.iter().enumerate() {
                if !in_span(spans[w], tm) {
                    continue;
                }
                if let Some(t) = ray_hits(u, a, b)
                    && t > 0.0
                    && t < best.0
                {
                    best = (t, (a, b));
                }
            }
            let (dist, line) = best;
            let u0 = V2::dir(grid.start + t0);
            let u1 = V2::dir(grid.start + t1);
            // The obstacle spans the interval, so its points there lie on it.
            let reach = 1.001 * line.0.len().max(line.1.len()) + f64::MIN_POSITIVE;
            let sane = |p: Option<V2>| p.filter(|q| q.len() <= reach);
            let (p0, p1) = match (
                sane(ray_line(u0, line.0, line.1)),
                sane(ray_line(u1, line.0, line.1)),
            ) {
                (Some(p0), Some(p1)) => (p0, p1),
                // A ray nearly along the obstacle's line: the interval is a
                // sliver; a circular wedge at the middle distance is exact to
                // its second order.
                _ => (u0.scale(dist), u1.scale(dist)),
            };
            area += 0.5 * p0.cross(p1);
            if last == Some(line) && ring.last() == Some(&p0) {
                // The same obstacle goes on: the shared point is inside an edge.
                ring.pop();
            } else {
                ring.push(p0);
            }
            ring.push(p1);
            last = Some(line);
        }
        if partial {
            ring.push(o);
            last = None;
        }
    }
    Ok(Seen { ring, area })
}

/// A scenario JSON number that reads back as exactly `x` (negative zero kept).
pub fn num(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0.0".to_string()
    } else {
        format!("{x:?}")
    }
}
