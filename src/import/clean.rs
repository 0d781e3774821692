//! Cleaning imported walls: what real drawings get wrong for sight.
//!
//! In order, on all wall segments together (metres):
//! 1. **Near-duplicate points** within `merge_m` become one point.
//! 2. **Zero-length** pieces are dropped; **duplicate** segments (same ends, same
//!    kind) are kept once.
//! 3. **Overlapping collinear** segments of one kind (within `merge_m`) are
//!    merged into one, keeping the points where other walls meet them.
//! 4. **Small gaps**: a free wall end within `gap_m` of another wall is joined to
//!    it (to that wall's free end if there is one, else to its nearest point,
//!    which splits that wall there), so sight cannot leak through a drafting gap.
//! 5. **Double-line walls** (two parallel faces up to `max_wall_thickness_m`
//!    apart) are kept as their two faces, as sight needs; their open ends (two
//!    free face ends facing each other across the thickness) are capped, so no
//!    view runs inside a wall.
//! 6. Segments are chained into polylines at the points where exactly two meet,
//!    and each chain is **simplified** (geo's Ramer–Douglas–Peucker within
//!    `simplify_m`), which never moves a point where walls meet.
//!
//! Each step counts what it did ([`CleanupCounts`]) and notes where.

use super::ImportTolerances;
use crate::geometry::{Point, closest_on_segment};
use crate::plan::{IndexError, SegmentIndex};
use crate::scenario::WallKind;
use foldhash::fast::FixedState;
use geo::Simplify;
use serde::Serialize;
use std::collections::BTreeMap;

// A fast hasher with a fixed seed: the maps here are hot (a third of the
// cleaning time with SipHash) and their iteration order then does not change
// from run to run.
type HashMap<K, V> = std::collections::HashMap<K, V, FixedState>;
type HashSet<K> = std::collections::HashSet<K, FixedState>;

/// What a wall piece is, apart from its geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct WallSpec {
    pub kind: WallKind,
    pub open: bool,
    pub opaque: Option<bool>,
    pub exterior: bool,
    /// An id the file gave (GeoJSON).
    pub id: Option<String>,
}

/// A wall as read: a polyline in metres, and its origin (an index the caller
/// maps to a place in the file).
#[derive(Clone, Debug)]
pub struct WallInput {
    pub points: Vec<Point>,
    pub closed: bool,
    pub spec: usize,
    pub origin: usize,
}

/// A cleaned wall: a polyline, its spec and the origin of its first piece.
#[derive(Clone, Debug, PartialEq)]
pub struct CleanWall {
    pub points: Vec<Point>,
    pub spec: usize,
    pub origin: usize,
}

/// How many of each clean-up were made.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CleanupCounts {
    /// Vertices moved onto a near-duplicate within the merge distance.
    pub merged_points: usize,
    /// Zero-length pieces dropped.
    pub zero_length: usize,
    /// Segments drawn twice, kept once.
    pub duplicates: usize,
    /// Overlapping collinear segments merged into another.
    pub overlaps: usize,
    /// Free wall ends joined to a wall within the gap distance.
    pub gaps_closed: usize,
    /// Length of wall drawn as two parallel faces (double-line walls), m.
    pub double_line_m: f64,
    /// The median distance between those faces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typical_wall_thickness_m: Option<f64>,
    /// Open double-line wall ends capped.
    pub ends_capped: usize,
    /// Vertices removed by simplification.
    pub vertices_simplified: usize,
    /// Doors made from the swing arcs of door symbols.
    pub doors_from_arcs: usize,
    /// Zone rings that could not be used (too small, self-crossing).
    pub zones_skipped: usize,
}

impl CleanupCounts {
    /// Adds another import's counts (a level's); the typical thickness is the
    /// first one found.
    pub fn add(&mut self, o: &CleanupCounts) {
        self.merged_points += o.merged_points;
        self.zero_length += o.zero_length;
        self.duplicates += o.duplicates;
        self.overlaps += o.overlaps;
        self.gaps_closed += o.gaps_closed;
        self.double_line_m += o.double_line_m;
        self.typical_wall_thickness_m =
            self.typical_wall_thickness_m.or(o.typical_wall_thickness_m);
        self.ends_capped += o.ends_capped;
        self.vertices_simplified += o.vertices_simplified;
        self.doors_from_arcs += o.doors_from_arcs;
        self.zones_skipped += o.zones_skipped;
    }
}

/// Where a clean-up happened: the origin of the wall and a plan point.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub origin: usize,
    pub at: Point,
    pub what: EventKind,
    /// A distance that says how big it was (a gap's width, a thickness).
    pub size_m: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    GapClosed,
    EndCapped,
}

#[derive(Clone, Copy, Debug)]
struct Seg {
    a: usize,
    b: usize,
    spec: usize,
    origin: usize,
}

/// Points with near-duplicates merged: a hash grid of cells `merge_m` wide.
struct Points {
    cell: f64,
    grid: HashMap<(i64, i64), Vec<usize>>,
    list: Vec<Point>,
    merged: usize,
}

impl Points {
    fn new(merge_m: f64) -> Points {
        Points {
            cell: merge_m.max(1e-12),
            grid: HashMap::default(),
            list: Vec::new(),
            merged: 0,
        }
    }

    fn key(&self, p: Point) -> (i64, i64) {
        (
            (p.x / self.cell).floor() as i64,
            (p.y / self.cell).floor() as i64,
        )
    }

    /// The index of `p`, or of a point already within the merge distance.
    fn id(&mut self, p: Point) -> usize {
        let (kx, ky) = self.key(p);
        let r2 = self.cell * self.cell;
        let mut best: Option<(f64, usize)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(ids) = self.grid.get(&(kx + dx, ky + dy)) {
                    for &i in ids {
                        let d = self.list[i].distance_squared(p);
                        if d <= r2 && best.is_none_or(|(bd, _)| d < bd) {
                            best = Some((d, i));
                        }
                    }
                }
            }
        }
        if let Some((d, i)) = best {
            if d > 0.0 {
                self.merged += 1;
            }
            return i;
        }
        self.list.push(p);
        let i = self.list.len() - 1;
        self.grid.entry((kx, ky)).or_default().push(i);
        i
    }

    /// A new point, not merged with any.
    fn add(&mut self, p: Point) -> usize {
        self.list.push(p);
        self.list.len() - 1
    }
}

/// The live segments in the plan's static Hilbert-packed R-tree
/// ([`SegmentIndex`]): built once per pass, queried by box. It builds several
/// times faster than rstar's top-down bulk load on the long collinear runs of
/// walls drawings have.
struct SegTree {
    index: SegmentIndex,
    /// The segment (an index into `segs`) of each indexed item.
    ids: Vec<usize>,
}

impl SegTree {
    fn new(segs: &[Seg], pts: &[Point], live: &[bool]) -> Result<SegTree, IndexError> {
        let ids: Vec<usize> = (0..segs.len()).filter(|&i| live[i]).collect();
        let lines = ids
            .iter()
            .map(|&i| (pts[segs[i].a], pts[segs[i].b]))
            .collect();
        Ok(SegTree {
            index: SegmentIndex::new(lines, 0.0)?,
            ids,
        })
    }

    /// The segments whose boxes meet the box of `a`, `b` grown by `r`.
    fn meeting(&self, a: Point, b: Point, r: f64) -> Vec<usize> {
        let mut out = Vec::new();
        self.index.query(
            Point::new(a.x.min(b.x) - r, a.y.min(b.y) - r),
            Point::new(a.x.max(b.x) + r, a.y.max(b.y) + r),
            |k| out.push(self.ids[k]),
        );
        out
    }
}

/// Cleans `walls` (with their specs) as the module docs say.
///
/// # Errors
/// Only if the spatial index refuses the segments' boxes (its error, passed on).
pub fn clean(
    walls: &[WallInput],
    specs: &[WallSpec],
    tol: &ImportTolerances,
    counts: &mut CleanupCounts,
    events: &mut Vec<Event>,
) -> Result<Vec<CleanWall>, IndexError> {
    let mut pts = Points::new(tol.merge_m);
    let mut segs: Vec<Seg> = Vec::new();
    let mut seen: HashSet<(usize, usize, usize)> = HashSet::default();
    for w in walls {
        let ids: Vec<usize> = w.points.iter().map(|&p| pts.id(p)).collect();
        let n = ids.len();
        let pieces = if w.closed && n > 2 {
            n
        } else {
            n.saturating_sub(1)
        };
        for i in 0..pieces {
            let (a, b) = (ids[i], ids[(i + 1) % n]);
            if a == b {
                counts.zero_length += 1;
                continue;
            }
            let key = (a.min(b), a.max(b), kind_key(&specs[w.spec]));
            if !seen.insert(key) {
                counts.duplicates += 1;
                continue;
            }
            segs.push(Seg {
                a,
                b,
                spec: w.spec,
                origin: w.origin,
            });
        }
    }
    counts.merged_points = pts.merged;
    let mut live = vec![true; segs.len()];
    merge_overlaps(&mut segs, &mut live, &mut pts, specs, tol, counts)?;
    close_gaps(&mut segs, &mut live, &mut pts, tol, counts, events)?;
    double_lines(&mut segs, &mut live, &pts, specs, tol, counts, events)?;
    Ok(chains(&segs, &live, &pts.list, tol, counts))
}

/// Segments of the same kind and options merge; different ones never do.
fn kind_key(s: &WallSpec) -> usize {
    let k = WallKind::ALL.iter().position(|k| *k == s.kind).unwrap_or(0);
    k * 8
        + usize::from(s.open) * 4
        + usize::from(s.exterior) * 2
        + usize::from(s.opaque == Some(true))
}

fn degrees(segs: &[Seg], live: &[bool], n: usize) -> Vec<u32> {
    let mut deg = vec![0u32; n];
    for (s, _) in segs.iter().zip(live).filter(|(_, l)| **l) {
        deg[s.a] += 1;
        deg[s.b] += 1;
    }
    deg
}

fn merge_overlaps(
    segs: &mut Vec<Seg>,
    live: &mut Vec<bool>,
    pts: &mut Points,
    specs: &[WallSpec],
    tol: &ImportTolerances,
    counts: &mut CleanupCounts,
) -> Result<(), IndexError> {
    let tree = SegTree::new(segs, &pts.list, live)?;
    let mut parent: Vec<usize> = (0..segs.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let m = tol.merge_m;
    for i in 0..segs.len() {
        let (a, b) = (pts.list[segs[i].a], pts.list[segs[i].b]);
        let len = a.distance(b);
        for j in tree.meeting(a, b, m) {
            if j <= i || kind_key(&specs[segs[i].spec]) != kind_key(&specs[segs[j].spec]) {
                continue;
            }
            let (c, d) = (pts.list[segs[j].a], pts.list[segs[j].b]);
            let on = |p: Point, u: Point, v: Point| closest_line_distance(u, v, p) <= m;
            if !(on(c, a, b) && on(d, a, b) && on(a, c, d) && on(b, c, d)) {
                continue;
            }
            // Overlap along a→b longer than the merge distance.
            let dir = (b - a).scale(1.0 / len);
            let (t0, t1) = {
                let (u, v) = ((c - a).dot(dir), (d - a).dot(dir));
                (u.min(v), u.max(v))
            };
            if t1.min(len) - t0.max(0.0) > m {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[rj] = ri;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..segs.len() {
        let r = find(&mut parent, i);
        if r != i || groups.contains_key(&r) {
            groups.entry(r).or_default().push(i);
        }
    }
    if groups.is_empty() {
        return Ok(());
    }
    let deg = degrees(segs, live, pts.list.len());
    for (root, mut members) in groups {
        members.push(root);
        // Along the longest member's direction, every end of the group; keep
        // the extremes and any end where another wall meets the group.
        let longest = *members
            .iter()
            .max_by(|&&x, &&y| {
                seg_len(&segs[x], &pts.list).total_cmp(&seg_len(&segs[y], &pts.list))
            })
            .expect("a group has members");
        let (a, b) = (pts.list[segs[longest].a], pts.list[segs[longest].b]);
        let dir = (b - a).scale(1.0 / a.distance(b));
        let mut ends: HashMap<usize, u32> = HashMap::default();
        for &k in &members {
            *ends.entry(segs[k].a).or_default() += 1;
            *ends.entry(segs[k].b).or_default() += 1;
        }
        let mut along: Vec<(f64, usize)> = ends
            .keys()
            .map(|&p| ((pts.list[p] - a).dot(dir), p))
            .collect();
        crate::sorting::by_key(&mut along, |x| x.0);
        let first = along[0].1;
        let last = along[along.len() - 1].1;
        let kept: Vec<usize> = along
            .iter()
            .map(|&(_, p)| p)
            .filter(|&p| p == first || p == last || deg[p] > ends[&p])
            .collect();
        let spec = segs[longest].spec;
        let origin = segs[longest].origin;
        counts.overlaps += members.len() - 1;
        for &k in &members {
            live[k] = false;
        }
        for w in kept.windows(2) {
            segs.push(Seg {
                a: w[0],
                b: w[1],
                spec,
                origin,
            });
            live.push(true);
        }
    }
    Ok(())
}

fn seg_len(s: &Seg, pts: &[Point]) -> f64 {
    pts[s.a].distance(pts[s.b])
}

/// Distance from `p` to the line through `u` and `v`.
fn closest_line_distance(u: Point, v: Point, p: Point) -> f64 {
    let d = v - u;
    let len = d.length();
    if len == 0.0 {
        p.distance(u)
    } else {
        (d.cross(p - u) / len).abs()
    }
}

fn close_gaps(
    segs: &mut Vec<Seg>,
    live: &mut Vec<bool>,
    pts: &mut Points,
    tol: &ImportTolerances,
    counts: &mut CleanupCounts,
    events: &mut Vec<Event>,
) -> Result<(), IndexError> {
    let deg = degrees(segs, live, pts.list.len());
    let tree = SegTree::new(segs, &pts.list, live)?;
    let g = tol.gap_m;
    // Where each free end goes: onto a point (another free end), or into a
    // segment at parameter t.
    let mut moved: HashMap<usize, usize> = HashMap::default();
    let mut splits: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    let mut taken: HashSet<usize> = HashSet::default();
    for (i, s) in segs.iter().enumerate() {
        if !live[i] {
            continue;
        }
        for (end, other) in [(s.a, s.b), (s.b, s.a)] {
            if deg[end] != 1 || taken.contains(&end) {
                continue;
            }
            let p = pts.list[end];
            let mut best: Option<(f64, Target)> = None;
            for j in tree.meeting(p, p, g) {
                let t = &segs[j];
                if j == i || t.a == other || t.b == other || t.a == end || t.b == end {
                    continue;
                }
                let (u, v) = (pts.list[t.a], pts.list[t.b]);
                let (param, d2) = closest_on_segment(u, v, p);
                let d = d2.sqrt();
                if d > g {
                    continue;
                }
                // Prefer joining two free ends; else a vertex; else the interior.
                let target = if deg[t.a] == 1 && u.distance(p) <= g && !taken.contains(&t.a) {
                    Target::Point(t.a, u.distance(p))
                } else if deg[t.b] == 1 && v.distance(p) <= g && !taken.contains(&t.b) {
                    Target::Point(t.b, v.distance(p))
                } else if param <= 0.0 {
                    Target::Point(t.a, d)
                } else if param >= 1.0 {
                    Target::Point(t.b, d)
                } else {
                    Target::Inside(j, param, d)
                };
                let score = target.score();
                if best.as_ref().is_none_or(|(bs, _)| score < *bs) {
                    best = Some((score, target));
                }
            }
            if let Some((_, target)) = best {
                taken.insert(end);
                let d = match target {
                    Target::Point(q, d) => {
                        taken.insert(q);
                        moved.insert(end, q);
                        d
                    }
                    // An end on a wall's side (d = 0 included) splits that
                    // wall there, so later simplification cannot move it off.
                    Target::Inside(j, t, d) => {
                        let (u, v) = (pts.list[segs[j].a], pts.list[segs[j].b]);
                        let q = if d == 0.0 {
                            pts.add(p)
                        } else {
                            pts.add(u.lerp(v, t))
                        };
                        splits.entry(j).or_default().push((t, q));
                        moved.insert(end, q);
                        d
                    }
                };
                if d > 0.0 {
                    counts.gaps_closed += 1;
                    events.push(Event {
                        origin: s.origin,
                        at: p,
                        what: EventKind::GapClosed,
                        size_m: d,
                    });
                }
            }
        }
    }
    for s in segs.iter_mut() {
        if let Some(&q) = moved.get(&s.a) {
            s.a = q;
        }
        if let Some(&q) = moved.get(&s.b) {
            s.b = q;
        }
    }
    for (j, mut cuts) in splits {
        crate::sorting::by_key(&mut cuts, |x| x.0);
        live[j] = false;
        let s = segs[j];
        let mut from = s.a;
        for &(_, q) in &cuts {
            segs.push(Seg { a: from, b: q, ..s });
            live.push(true);
            from = q;
        }
        segs.push(Seg {
            a: from,
            b: s.b,
            ..s
        });
        live.push(true);
    }
    for (i, s) in segs.iter().enumerate() {
        if s.a == s.b {
            live[i] = false;
        }
    }
    Ok(())
}

enum Target {
    Point(usize, f64),
    Inside(usize, f64, f64),
}

impl Target {
    fn score(&self) -> f64 {
        match *self {
            // A free end a little farther still beats a wall's side.
            Target::Point(_, d) => d * 0.5,
            Target::Inside(_, _, d) => d,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn double_lines(
    segs: &mut Vec<Seg>,
    live: &mut Vec<bool>,
    pts: &Points,
    specs: &[WallSpec],
    tol: &ImportTolerances,
    counts: &mut CleanupCounts,
    events: &mut Vec<Event>,
) -> Result<(), IndexError> {
    let tree = SegTree::new(segs, &pts.list, live)?;
    let max = tol.max_wall_thickness_m;
    let min = (tol.merge_m * 10.0).max(0.01);
    let parallel = 0.017; // sin 1°
    let mut thickness: Vec<f64> = Vec::new();
    let unit = |s: &Seg| {
        let d = pts.list[s.b] - pts.list[s.a];
        d.scale(1.0 / d.length())
    };
    for i in 0..segs.len() {
        if !live[i] || specs[segs[i].spec].kind != WallKind::Wall {
            continue;
        }
        let s = segs[i];
        let (a, b) = (pts.list[s.a], pts.list[s.b]);
        let len = a.distance(b);
        let u = unit(&s);
        for j in tree.meeting(a, b, max) {
            if j <= i || !live[j] || specs[segs[j].spec].kind != WallKind::Wall {
                continue;
            }
            let t = segs[j];
            // Faces of one closed outline (a pillar) are not a double-line wall.
            if t.origin == s.origin || u.cross(unit(&t)).abs() > parallel {
                continue;
            }
            let (c, d) = (pts.list[t.a], pts.list[t.b]);
            let gap = closest_line_distance(a, b, c.lerp(d, 0.5));
            if gap < min || gap > max {
                continue;
            }
            let (t0, t1) = {
                let (x, y) = ((c - a).dot(u), (d - a).dot(u));
                (x.min(y), x.max(y))
            };
            let overlap = t1.min(len) - t0.max(0.0);
            if overlap >= 0.5 * len.min(c.distance(d)) {
                counts.double_line_m += overlap;
                thickness.push(gap);
            }
        }
    }
    if !thickness.is_empty() {
        crate::sorting::by_key(&mut thickness, |t| *t);
        counts.typical_wall_thickness_m = Some(thickness[thickness.len() / 2]);
    }
    // Caps: free ends of parallel faces facing each other across the thickness.
    let deg = degrees(segs, live, pts.list.len());
    let mut candidates: Vec<(f64, usize, usize, usize)> = Vec::new();
    let mut free_end_seg: HashMap<usize, usize> = HashMap::default();
    for (i, s) in segs.iter().enumerate() {
        if live[i] && specs[s.spec].kind == WallKind::Wall {
            for e in [s.a, s.b] {
                if deg[e] == 1 {
                    free_end_seg.insert(e, i);
                }
            }
        }
    }
    for (&e, &i) in &free_end_seg {
        let p = pts.list[e];
        let u = unit(&segs[i]);
        for j in tree.meeting(p, p, max) {
            if j == i || !live[j] {
                continue;
            }
            for f in [segs[j].a, segs[j].b] {
                if f <= e || free_end_seg.get(&f) != Some(&j) {
                    continue;
                }
                let q = pts.list[f];
                let across = q - p;
                let d = across.length();
                if d < min || d > max || u.cross(unit(&segs[j])).abs() > parallel {
                    continue;
                }
                if (across.dot(u) / d).abs() < 0.2 {
                    candidates.push((d, e, f, i));
                }
            }
        }
    }
    crate::sorting::by(&mut candidates, |x, y| {
        x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut used: HashSet<usize> = HashSet::default();
    for (d, e, f, i) in candidates {
        if used.contains(&e) || used.contains(&f) {
            continue;
        }
        used.insert(e);
        used.insert(f);
        counts.ends_capped += 1;
        let s = segs[i];
        events.push(Event {
            origin: s.origin,
            at: pts.list[e].lerp(pts.list[f], 0.5),
            what: EventKind::EndCapped,
            size_m: d,
        });
        segs.push(Seg { a: e, b: f, ..s });
        live.push(true);
    }
    Ok(())
}

/// Chains live segments into polylines through points where exactly two
/// segments of the same spec meet, and simplifies each.
fn chains(
    segs: &[Seg],
    live: &[bool],
    pts: &[Point],
    tol: &ImportTolerances,
    counts: &mut CleanupCounts,
) -> Vec<CleanWall> {
    let deg = degrees(segs, live, pts.len());
    let mut at: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, s) in segs.iter().enumerate().filter(|(i, _)| live[*i]) {
        at.entry(s.a).or_default().push(i);
        at.entry(s.b).or_default().push(i);
    }
    let mut done = vec![false; segs.len()];
    let mut out = Vec::new();
    // A chain goes on through a point where exactly two segments of its spec
    // meet (walls of another kind or id may end there too).
    let through = |p: usize, spec: usize| -> bool {
        at[&p].iter().filter(|&&k| segs[k].spec == spec).count() == 2
    };
    // Walks from point `p` along segment `first`, through pass-through points.
    let walk = |start: usize, first: usize, done: &mut Vec<bool>| -> Vec<usize> {
        let spec = segs[first].spec;
        let mut path = vec![start];
        let (mut p, mut k) = (start, first);
        loop {
            done[k] = true;
            let q = if segs[k].a == p { segs[k].b } else { segs[k].a };
            path.push(q);
            if q == start || !through(q, spec) {
                return path;
            }
            match at[&q].iter().find(|&&n| !done[n] && segs[n].spec == spec) {
                Some(&n) => {
                    p = q;
                    k = n;
                }
                None => return path,
            }
        }
    };
    let order: Vec<usize> = (0..segs.len()).filter(|&i| live[i]).collect();
    // Open chains first (from their ends), then the loops left.
    for pass in 0..2 {
        for &i in &order {
            if done[i] {
                continue;
            }
            let s = segs[i];
            let start = if !through(s.a, s.spec) {
                s.a
            } else if !through(s.b, s.spec) {
                s.b
            } else if pass == 1 {
                s.a
            } else {
                continue;
            };
            let path = walk(start, i, &mut done);
            // Simplified between the points where other walls meet it, which
            // stay exactly where they are.
            let mut points: Vec<Point> = vec![pts[path[0]]];
            let mut from = 0;
            for k in 1..path.len() {
                if k + 1 == path.len() || deg[path[k]] != 2 {
                    let run: geo::LineString<f64> = path[from..=k]
                        .iter()
                        .map(|&p| (pts[p].x, pts[p].y))
                        .collect();
                    let simple = run.simplify(tol.simplify_m);
                    counts.vertices_simplified += run.0.len() - simple.0.len();
                    points.extend(simple.0.iter().skip(1).map(|c| Point::new(c.x, c.y)));
                    from = k;
                }
            }
            out.push(CleanWall {
                points,
                spec: s.spec,
                origin: s.origin,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Vec<WallSpec> {
        vec![WallSpec {
            kind: WallKind::Wall,
            open: false,
            opaque: None,
            exterior: false,
            id: None,
        }]
    }

    fn input(lines: &[&[(f64, f64)]]) -> Vec<WallInput> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| WallInput {
                points: l.iter().map(|&(x, y)| Point::new(x, y)).collect(),
                closed: false,
                spec: 0,
                origin: i,
            })
            .collect()
    }

    fn run(lines: &[&[(f64, f64)]]) -> (Vec<CleanWall>, CleanupCounts) {
        let mut counts = CleanupCounts::default();
        let mut events = Vec::new();
        let w = clean(
            &input(lines),
            &spec(),
            &ImportTolerances::default(),
            &mut counts,
            &mut events,
        )
        .expect("the index takes the boxes of finite segments");
        (w, counts)
    }

    #[test]
    fn duplicates_and_overlaps_become_one_wall() {
        let (w, c) = run(&[
            &[(0.0, 0.0), (10.0, 0.0)],
            &[(10.0, 0.0), (0.0, 0.0)],
            &[(4.0, 0.0003), (14.0, 0.0)],
        ]);
        assert_eq!(c.duplicates, 1);
        assert_eq!(c.overlaps, 1);
        assert_eq!(w.len(), 1, "{w:?}");
        let xs: Vec<f64> = w[0].points.iter().map(|p| p.x).collect();
        assert_eq!(
            (xs[0].min(xs[xs.len() - 1]), xs[0].max(xs[xs.len() - 1])),
            (0.0, 14.0)
        );
    }

    #[test]
    fn a_drafting_gap_is_closed_and_a_doorway_is_not() {
        let (w, c) = run(&[
            &[(0.0, 0.0), (10.0, 0.0)],
            // Stops 8 mm short of the first wall: joined.
            &[(5.0, 0.008), (5.0, 4.0)],
            // A doorway of 0.9 m: left open.
            &[(0.0, 4.0), (4.55, 4.0)],
            &[(5.45, 4.0), (10.0, 4.0)],
        ]);
        assert_eq!(c.gaps_closed, 1, "{w:?}");
        let stub = w.iter().find(|w| w.origin == 1).unwrap();
        assert!(stub.points.iter().any(|p| p.y == 0.0 && p.x == 5.0));
    }

    #[test]
    fn open_double_line_ends_are_capped() {
        let (_, c) = run(&[&[(0.0, 0.0), (3.0, 0.0)], &[(0.0, 0.2), (3.0, 0.2)]]);
        assert_eq!(c.double_line_m, 3.0);
        assert!((c.typical_wall_thickness_m.unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(c.ends_capped, 2);
    }

    #[test]
    fn collinear_points_are_simplified_away() {
        let (w, c) = run(&[&[
            (0.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0004),
            (3.0, 0.0),
            (3.0, 3.0),
        ]]);
        assert_eq!(
            w[0].points,
            vec![
                Point::new(0.0, 0.0),
                Point::new(3.0, 0.0),
                Point::new(3.0, 3.0)
            ]
        );
        assert_eq!(c.vertices_simplified, 2);
    }
}
