//! Routes from a way in to an asset: the least-watched one, the fastest one,
//! and the most vulnerable one by EASI's probability of interruption, with the
//! single change that raises that probability most.
//!
//! **Method.** The walkable space is a grid of square cells ([`super::walk`],
//! 0.25 m unless the plan is too large for it; the step used is reported).
//! Shortest paths (Dijkstra) run over 16-neighbour moves under a cost:
//! - *least watched*: metres, with each metre in view of k cameras counting
//!   1 + 1000 k (so being seen is avoided first, then distance), and the delay at
//!   openings counted as the distance walked meanwhile;
//! - *fastest*: seconds (walking at the settings' speed, plus each opening's
//!   delay);
//! - *least detected*: −ln(1 − P_D) of each camera or motion detector on
//!   entering its view, and of each contact or glass-break at an opening, plus
//!   λ × seconds, for λ in [`DETECTION_BLENDS`] (from nearly pure detection to
//!   mostly time).
//!
//! Each path is smoothed (a straight shortcut replaces a stretch when it crosses
//! no wall and costs no more), then measured exactly: its seen stretches come
//! from the views' polygons, not the grid. Probabilities of interruption are
//! exact EASI on these paths: P(I) does not add along a path, so candidates are
//! generated this way and each is evaluated whole.

use super::OpeningPlan;
use super::easi::{self, Detection, ResponseForce};
use super::openings;
use super::sight;
use super::walk::{Barrier, MOVES, WalkGrid, Watcher};
use crate::geometry::{Bounds, Point, segment_distance_squared};
use crate::scenario::{CameraSpec, CameraUse, Delay, DetectorKind, Scenario, WallKind};
use crate::session::Session;
use crate::view::{Expander, View, camera_view, view_of};
use radix_heap::RadixHeapMap;
use serde::Serialize;
use std::cmp::Reverse;

/// Default cell size of the walk grid, m.
pub const DEFAULT_RESOLUTION_M: f64 = 0.25;

/// How much a metre in view of one camera weighs against an unseen metre on
/// the least-watched route.
pub const SEEN_WEIGHT: f64 = 1000.0;

/// λ (per second) of the least-detected searches: detection cost + λ × time.
pub const DETECTION_BLENDS: [f64; 2] = [1e-4, 0.02];

/// The cost of a certain detection (P_D = 1) in the least-detected searches.
const CERTAIN: f64 = 30.0;

/// Probability of detection assumed for a contact the analysis suggests adding.
pub const SUGGESTED_CONTACT_P: f64 = 0.9;

/// The least margin of the search region around the start and the zone, m.
pub const REGION_MARGIN_M: f64 = 25.0;

/// The region a route is searched in: the box around the start and the zone,
/// grown by the larger of [`REGION_MARGIN_M`] and the distance between them (a
/// route leaving it would be more than three times as long as the straight
/// line). Keeps a route on a large plan to the part of it that matters.
pub fn search_region(start: Point, zone: Bounds) -> Bounds {
    let mut b = zone;
    b.extend(start);
    let far = zone.min.distance(start).max(zone.max.distance(start));
    b.expanded(REGION_MARGIN_M.max(far))
}

/// How far beyond the plan's walls and zones a route may go, m.
pub const WALK_MARGIN_M: f64 = 2.0;

/// Where a route starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// Outside an exterior opening (by wall id): the route forces it first.
    Opening(String),
    /// A point of the plan.
    Point(Point),
}

/// Options of a route search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteOptions {
    /// Cell size of the walk grid, m (coarser on very large plans).
    pub resolution_m: f64,
    /// Search the whole plan rather than the region around the start and the
    /// zone (see [`search_region`]).
    pub whole_plan: bool,
    /// Whether to look for the single change that raises P(I) most.
    pub suggest: bool,
}

impl Default for RouteOptions {
    fn default() -> Self {
        RouteOptions {
            resolution_m: DEFAULT_RESOLUTION_M,
            whole_plan: false,
            suggest: true,
        }
    }
}

/// Why no route could be given.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RouteError {
    #[error("no opening \"{0}\" in the plan (walls that are openings: {1})")]
    UnknownOpening(String, String),
    #[error(
        "\"{0}\" is a plain wall, not an opening: start from a door, window, glass or railing, or from a point"
    )]
    NotAnOpening(String),
    #[error("\"{0}\" cannot be passed: {1}")]
    NotPassable(String, String),
    #[error(
        "\"{0}\" has no outside (it lies between rooms, or no zone says which side is in): start from a point beside it instead"
    )]
    NoOutside(String),
    #[error("no zone \"{0}\" in the plan (zones: {1})")]
    UnknownZone(String, String),
    #[error(
        "the start ({0:.2}, {1:.2}) is off the plan (a route stays within 2 m of its walls and zones)"
    )]
    StartOffPlan(f64, f64),
    #[error(
        "no way on foot from {0} to zone \"{1}\": every way in is a wall or an opening that cannot be passed"
    )]
    Unreachable(String, String),
    #[error("resolution must be from 0.05 to 5 m, found {0}")]
    BadResolution(f64),
    #[error("no level \"{0}\" in the file (levels: {1})")]
    UnknownLevel(String, String),
    #[error(
        "connection \"{0}\": its end on level \"{1}\" at ({2:.2}, {3:.2}) is off that level's plan (a route stays within 2 m of the level's walls and zones)"
    )]
    ConnectionOffPlan(String, String, f64, f64),
}

/// A stretch of a route in view of cameras.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stretch {
    /// From and to, m along the route.
    pub from_m: f64,
    pub to_m: f64,
    /// The cameras seeing some of it.
    pub cameras: Vec<String>,
}

/// An opening a route passes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    pub opening: String,
    pub at: Point,
    /// Distance along the route, m.
    pub at_m: f64,
    /// When the route reaches it, s from the start.
    pub time_s: f64,
    pub delay: Delay,
}

/// One detection opportunity on a route, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DetectionPoint {
    /// The camera or detector id.
    pub element: String,
    /// "camera (live)", "camera (analytics)", "motion", "contact", "glass_break", "case".
    pub kind: String,
    pub p_detect: f64,
    pub at: Point,
    pub time_s: f64,
    /// Mean time the intruder still needs after it, s.
    pub remaining_s: f64,
    /// Probability that this is the first detection, and that the response
    /// then arrives in time (when the settings give a response force).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_first: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_in_time: Option<f64>,
}

/// The point after which a detection comes too late on average: where the
/// intruder's remaining time equals the response force's mean time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriticalPoint {
    pub at: Point,
    /// Distance along the route, m.
    pub at_m: f64,
    pub time_s: f64,
}

/// One route, measured.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathReport {
    /// "least watched", "fastest", "least detected (λ = …)".
    pub name: String,
    pub points: Vec<Point>,
    pub length_m: f64,
    /// From the start to reaching the asset, s (walking and openings).
    pub time_to_asset_s: f64,
    /// Including forcing the asset.
    pub total_time_s: f64,
    pub seen_m: f64,
    pub unseen_m: f64,
    /// Distance and time from the start before any camera sees the route.
    pub unseen_before_first_seen_m: f64,
    pub unseen_before_first_seen_s: f64,
    /// The first camera to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen_by: Option<String>,
    /// From that first sighting to reaching the asset, s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen_to_asset_s: Option<f64>,
    /// Stretches in view, for drawing (the rest is unseen).
    pub seen_stretches: Vec<Stretch>,
    pub openings: Vec<Passage>,
    /// Detection opportunities with a chance of detecting, in order.
    pub detections: Vec<DetectionPoint>,
    /// The first element with a chance of detecting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_detecting_element: Option<String>,
    /// EASI's probability of interruption (needs `settings.response`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_interruption: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub critical_point: Option<CriticalPoint>,
}

/// A change to the plan and the probability of interruption it would give.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub description: String,
    /// The lowest P(I) over the candidate routes after the change.
    pub p_interruption: f64,
}

/// The routes from a start to an asset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteReport {
    pub from: String,
    pub to: String,
    /// Cell size of the walk grid used, m.
    pub resolution_m: f64,
    /// The region searched, its lowest and highest corners (see
    /// [`search_region`]), when not the whole plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<[Point; 2]>,
    pub method: String,
    pub least_watched: PathReport,
    pub fastest: PathReport,
    /// The candidate with the lowest P(I) (when the settings give a response).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most_vulnerable: Option<PathReport>,
    /// Every candidate evaluated: name, P(I), length.
    pub candidates: Vec<(String, Option<f64>, f64)>,
    /// The single change that raises the lowest P(I) most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_change: Option<Change>,
    /// The changes tried, best first.
    pub changes: Vec<Change>,
    /// What the figures assume (defaults in use, things not stated).
    pub assumptions: Vec<String>,
}

/// The cost a search minimises.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cost {
    Exposure,
    Time,
    Detection(f64),
}

/// Everything a route search needs, prepared once.
struct Prepared<'s> {
    session: &'s Session,
    grid: WalkGrid,
    /// Views of the motion detectors (detector index, view).
    motion_views: Vec<(usize, View)>,
    speed: f64,
    /// Per wall: its delay when passed.
    delays: Vec<Delay>,
    /// Per wall: −ln(1 − P_D) of the contacts and glass-breaks that detect it
    /// being forced.
    opening_detection: Vec<f64>,
    /// Per watcher: −ln(1 − P_D).
    watcher_cost: Vec<f64>,
    /// Per cell: the sum of its watchers' −ln(1 − P_D) (the cost of entering
    /// it from a cell no watcher sees).
    cell_watch_cost: Vec<f64>,
}

fn detection_cost(p: f64) -> f64 {
    if p >= 1.0 { CERTAIN } else { -(1.0 - p).ln() }
}

impl<'s> Prepared<'s> {
    fn new(session: &'s Session, resolution: f64, region: Option<Bounds>) -> Prepared<'s> {
        let scenario = session.scenario();
        let settings = &scenario.settings.security;
        let mut segments = Vec::new();
        let mut extent = Bounds::EMPTY;
        for (w, wall) in scenario.plan.walls.iter().enumerate() {
            let barrier = if wall.passable(settings.windows_passable) {
                Barrier::Opening(w)
            } else {
                Barrier::Wall
            };
            for p in wall.path.windows(2) {
                segments.push((p[0], p[1], barrier));
                extent.extend(p[0]);
                extent.extend(p[1]);
            }
        }
        for z in &scenario.plan.zones {
            for p in &z.polygon {
                extent.extend(*p);
            }
        }
        // Room to walk round the ends of the building.
        let mut extent = extent.expanded(WALK_MARGIN_M);
        if let Some(r) = region {
            extent = Bounds {
                min: Point::new(extent.min.x.max(r.min.x), extent.min.y.max(r.min.y)),
                max: Point::new(extent.max.x.min(r.max.x), extent.max.y.min(r.max.y)),
            };
        }
        let mut watchers: Vec<(&View, Watcher)> = Vec::new();
        for (camera, view) in scenario.cameras.iter().zip(session.views()) {
            watchers.push((
                view,
                Watcher {
                    is_camera: true,
                    p: settings.camera_detection.of(scenario.camera_use(camera)),
                },
            ));
        }
        let motion_views: Vec<(usize, View)> = scenario
            .detectors
            .iter()
            .enumerate()
            .filter_map(|(d, det)| match det.kind {
                DetectorKind::Motion {
                    position,
                    heading_deg,
                    hfov_deg,
                    range_m,
                } => Some((
                    d,
                    view_of(
                        session.plan(),
                        &CameraSpec::flat(position, heading_deg, hfov_deg, range_m),
                    ),
                )),
                _ => None,
            })
            .collect();
        for (d, view) in &motion_views {
            watchers.push((
                view,
                Watcher {
                    is_camera: false,
                    p: scenario.detectors[*d].p_detect,
                },
            ));
        }
        let grid = WalkGrid::new(extent, resolution, segments, &watchers);
        let delays = scenario
            .plan
            .walls
            .iter()
            .map(|w| w.security.delay.unwrap_or(Delay::ZERO))
            .collect();
        let opening_detection = (0..scenario.plan.walls.len())
            .map(|w| {
                opening_detectors(scenario, w)
                    .iter()
                    .map(|&(_, p, _)| detection_cost(p))
                    .sum()
            })
            .collect();
        let watcher_cost: Vec<f64> = grid.watchers.iter().map(|w| detection_cost(w.p)).collect();
        let cell_watch_cost = (0..grid.cells())
            .map(|c| {
                grid.watchers_of(c)
                    .iter()
                    .map(|&w| watcher_cost[w as usize])
                    .sum()
            })
            .collect();
        Prepared {
            session,
            grid,
            motion_views,
            speed: settings.walking_speed_m_s,
            delays,
            opening_detection,
            watcher_cost,
            cell_watch_cost,
        }
    }

    fn cameras_at(&self, cell: usize) -> usize {
        self.grid.cameras[cell] as usize
    }

    /// Cost of entering the watchers of `to` not already watching `from`.
    fn entry_cost(&self, from: usize, to: usize) -> f64 {
        let after = self.grid.watchers_of(to);
        if after.is_empty() {
            return 0.0;
        }
        let before = self.grid.watchers_of(from);
        if before.is_empty() {
            return self.cell_watch_cost[to];
        }
        if before == after {
            return 0.0;
        }
        after
            .iter()
            .filter(|w| !before.contains(w))
            .map(|&w| self.watcher_cost[w as usize])
            .sum()
    }
    /// Cost of a straight segment through free cells (no opening), for
    /// smoothing.
    fn segment_cost(&self, cost: Cost, a: Point, b: Point) -> f64 {
        let cells = self.grid.traverse(a, b);
        let len = a.distance(b);
        match cost {
            Cost::Exposure => cells
                .iter()
                .map(|&(c, l)| l * (1.0 + SEEN_WEIGHT * self.cameras_at(c) as f64))
                .sum(),
            Cost::Time => len / self.speed,
            Cost::Detection(lambda) => {
                let entries: f64 = cells
                    .windows(2)
                    .map(|w| self.entry_cost(w[0].0, w[1].0))
                    .sum();
                entries + lambda * len / self.speed
            }
        }
    }
}

/// The contacts and glass-breaks that detect wall `w` being forced: (detector
/// index, P_D, at the end of forcing?).
fn opening_detectors(scenario: &Scenario, w: usize) -> Vec<(usize, f64, bool)> {
    let wall = &scenario.plan.walls[w];
    scenario
        .detectors
        .iter()
        .enumerate()
        .filter_map(|(d, det)| match &det.kind {
            DetectorKind::Contact { opening } if *opening == wall.id => {
                Some((d, det.p_detect, true))
            }
            DetectorKind::GlassBreak { position, range_m }
                if matches!(wall.kind, WallKind::Window | WallKind::Glass)
                    && wall.path.windows(2).any(|s| {
                        segment_distance_squared(s[0], s[1], *position) <= range_m * range_m
                    }) =>
            {
                Some((d, det.p_detect, false))
            }
            _ => None,
        })
        .collect()
}

/// The searches' queue: cells by cost, least first. A* with a consistent bound
/// pops its keys in order, which a radix heap needs; a key a hair below the
/// last one popped (floating-point rounding of `cost + bound`) is queued at
/// that one (an order between nearly equal costs, never a wrong cost).
struct Queue {
    heap: RadixHeapMap<Reverse<u64>, u32>,
    /// The bits of the last key popped (non-negative floats order as their bits).
    last: u64,
}

impl Queue {
    fn new() -> Queue {
        Queue {
            heap: RadixHeapMap::new(),
            last: 0,
        }
    }

    fn push(&mut self, key: f64, cell: u32) {
        self.heap
            .push(Reverse(key.max(0.0).to_bits().max(self.last)), cell);
    }

    fn pop(&mut self) -> Option<u32> {
        let (Reverse(key), cell) = self.heap.pop()?;
        self.last = key;
        Some(cell)
    }
}

/// A grid path: cells from the source to a goal, with what the move into each
/// cell crosses (an opening segment of the walk grid, and its wall), and the
/// cost so far at each.
struct GridPath {
    cells: Vec<usize>,
    crossed: Vec<Option<(usize, usize)>>,
    dist: Vec<f64>,
}

/// Dijkstra from `source` to the nearest of the `goal` cells (a goal mask),
/// with A*'s lower bound (the cheapest cost per metre times the straight
/// distance to `target`), never crossing the opening `barred` (the one a route
/// came in by).
fn search(
    p: &Prepared,
    cost: Cost,
    source: usize,
    goal: &[bool],
    target: &Bounds,
    barred: Option<usize>,
) -> Option<GridPath> {
    let seek = Seek {
        source,
        goal: Some(goal),
        target: Some(target),
        cells: &[],
        bound: f64::INFINITY,
        barred,
    };
    search_with(p, cost, &seek).goal
}

/// What one search looks for.
struct Seek<'a> {
    source: usize,
    /// Stop at the nearest of these cells (a mask), if any.
    goal: Option<&'a [bool]>,
    /// A*'s bound towards this box (none: plain Dijkstra, needed when `cells`
    /// are sought as well).
    target: Option<&'a Bounds>,
    /// Cells whose best paths are wanted: the search goes on until each is
    /// settled (or `bound` is passed).
    cells: &'a [usize],
    /// No path costing more is wanted: the search stops past it.
    bound: f64,
    barred: Option<usize>,
}

/// What one search found: the path to the nearest goal cell, and to each cell
/// sought (none: unreachable, or dearer than the bound).
struct Found {
    goal: Option<GridPath>,
    cells: Vec<Option<GridPath>>,
}

/// One search from a cell (see [`Seek`]): with the goal and no cells, A* to
/// the nearest goal cell ([`search`]); with cells, one Dijkstra that settles
/// each of them and the nearest goal cell, with the path back to each.
fn search_with(p: &Prepared, cost: Cost, seek: &Seek) -> Found {
    let speed = p.speed;
    // One search loop per cost, each with its move cost inlined.
    match cost {
        Cost::Exposure => {
            let cameras = &p.grid.cameras;
            let delay_m: Vec<f64> = p.delays.iter().map(|d| d.mean_s * speed).collect();
            let run = Run {
                p,
                seek,
                floor: 1.0,
            };
            run.go(|from, to, len, opening| {
                let k = (cameras[from] as u32 + cameras[to] as u32) as f64 / 2.0;
                len * (1.0 + SEEN_WEIGHT * k) + opening.map_or(0.0, |w| delay_m[w])
            })
        }
        Cost::Time => {
            let run = Run {
                p,
                seek,
                floor: 1.0 / speed,
            };
            run.go(|_, _, len, opening| len / speed + opening.map_or(0.0, |w| p.delays[w].mean_s))
        }
        Cost::Detection(lambda) => {
            let run = Run {
                p,
                seek,
                floor: lambda / speed,
            };
            run.go(|from, to, len, opening| {
                let delay = opening.map_or(0.0, |w| p.delays[w].mean_s);
                p.entry_cost(from, to)
                    + opening.map_or(0.0, |w| p.opening_detection[w])
                    + lambda * (len / speed + delay)
            })
        }
    }
}

/// One shortest-path search over the walk grid (see [`search_with`]).
struct Run<'a, 'p> {
    p: &'a Prepared<'p>,
    seek: &'a Seek<'a>,
    /// The least cost of a metre (A*'s bound per metre of straight distance).
    floor: f64,
}

impl Run<'_, '_> {
    fn go(&self, move_cost: impl Fn(usize, usize, f64, Option<usize>) -> f64) -> Found {
        let g = &self.p.grid;
        let n = g.cells();
        let seek = self.seek;
        let floor = self.floor;
        let h = |c: usize| {
            let Some(target) = seek.target else {
                return 0.0;
            };
            let q = g.center(c);
            let dx = (target.min.x - q.x).max(q.x - target.max.x).max(0.0);
            let dy = (target.min.y - q.y).max(q.y - target.max.y).max(0.0);
            floor * (dx * dx + dy * dy).sqrt()
        };
        // A move off the grid is blocked, so a move not blocked lands on the
        // cell at its offset.
        let offset: [isize; 16] =
            std::array::from_fn(|m| MOVES[m].1 as isize * g.nx as isize + MOVES[m].0 as isize);
        let length: [f64; 16] = std::array::from_fn(|m| g.move_length(m));
        let mut dist = vec![f64::INFINITY; n];
        let mut prev: Vec<(u32, u8)> = vec![(u32::MAX, 0); n];
        let mut done = vec![false; n];
        // The cells sought, and how many are not settled yet.
        let mut wanted = vec![false; if seek.cells.is_empty() { 0 } else { n }];
        let mut left = 0usize;
        for &c in seek.cells {
            if !wanted[c] {
                wanted[c] = true;
                left += 1;
            }
        }
        let mut heap = Queue::new();
        dist[seek.source] = 0.0;
        heap.push(h(seek.source), seek.source as u32);
        let mut reached = None;
        while let Some(c) = heap.pop() {
            let c = c as usize;
            if done[c] {
                continue;
            }
            if dist[c] > seek.bound {
                break;
            }
            done[c] = true;
            if reached.is_none() && seek.goal.is_some_and(|goal| goal[c]) {
                reached = Some(c);
            }
            if !wanted.is_empty() && wanted[c] {
                left -= 1;
            }
            if left == 0 && (reached.is_some() || seek.goal.is_none()) {
                break;
            }
            let free = !g.blocked[c];
            let mut moves = free;
            while moves != 0 {
                let m = moves.trailing_zeros() as usize;
                moves &= moves - 1;
                let to = (c as isize + offset[m]) as usize;
                if done[to] {
                    continue;
                }
                let opening = g.crossing(c, m);
                if opening.is_some() && opening == seek.barred {
                    continue;
                }
                let d = dist[c] + move_cost(c, to, length[m], opening);
                if d < dist[to] {
                    dist[to] = d;
                    prev[to] = (c as u32, m as u8);
                    heap.push(d + h(to), to as u32);
                }
            }
        }
        // A settled cell's path back is settled too, so final.
        let path_to = |end: usize| {
            let mut cells = vec![end];
            let mut crossed = Vec::new();
            let mut c = end;
            while prev[c].0 != u32::MAX {
                let (from, m) = prev[c];
                crossed.push(g.crossed(from as usize, m as usize));
                c = from as usize;
                cells.push(c);
            }
            crossed.push(None);
            cells.reverse();
            crossed.reverse();
            let dist = cells.iter().map(|&c| dist[c]).collect();
            GridPath {
                cells,
                crossed,
                dist,
            }
        };
        Found {
            goal: reached.map(path_to),
            cells: seek
                .cells
                .iter()
                .map(|&c| done[c].then(|| path_to(c)))
                .collect(),
        }
    }
}

/// A route as points, with the openings crossed at some vertices.
struct Polyline {
    points: Vec<Point>,
    /// (vertex index, wall index) of each opening crossed, in order.
    crossings: Vec<(usize, usize)>,
}

/// Turns a grid path into a smoothed polyline, after a fixed prefix (the
/// start, and the forced crossing of a start opening).
fn polyline(p: &Prepared, cost: Cost, prefix: &Polyline, path: &GridPath) -> Polyline {
    let g = &p.grid;
    let mut out = Polyline {
        points: prefix.points.clone(),
        crossings: prefix.crossings.clone(),
    };
    // Runs of cells between crossings, smoothed one by one.
    let mut run_start = 0;
    let cells = &path.cells;
    for k in 1..=cells.len() {
        let crossed = path.crossed.get(k).copied().flatten();
        if crossed.is_none() && k < cells.len() {
            continue;
        }
        let run = &cells[run_start..k];
        let dist = &path.dist[run_start..k];
        smooth_into(p, cost, run, dist, &mut out.points);
        if let Some((seg, w)) = crossed {
            let (a, b) = (g.center(cells[k - 1]), g.center(cells[k]));
            let (q, r, _) = g.segments[seg];
            out.points.push(crossing_point(q, r, a, b));
            out.crossings.push((out.points.len() - 1, w));
        }
        run_start = k;
    }
    out
}

/// Appends a run of cells as points, replacing stretches by straight
/// shortcuts that cross no wall and cost no more.
fn smooth_into(p: &Prepared, cost: Cost, run: &[usize], dist: &[f64], out: &mut Vec<Point>) {
    let g = &p.grid;
    let mut i = 0;
    out.push(g.center(run[0]));
    while i + 1 < run.len() {
        let a = g.center(run[i]);
        let mut j = i + 1;
        while j + 1 < run.len() {
            let b = g.center(run[j + 1]);
            let near = g.cells_near_segment(a, b);
            let free = g
                .segment_barriers(a, b, &near)
                .is_some_and(|o| o.is_empty());
            if !free || p.segment_cost(cost, a, b) > dist[j + 1] - dist[i] + 1e-9 {
                break;
            }
            j += 1;
        }
        out.push(g.center(run[j]));
        i = j;
    }
}

/// Where move `a b` crosses the opening segment `q r` (the walk grid found
/// them meeting with the exact test): a point on `q r`. Where they cross, their
/// intersection (kept on the segment against rounding); where they are parallel
/// (the move runs along the segment, touching it), the point of the segment
/// nearest the move's middle.
fn crossing_point(q: Point, r: Point, a: Point, b: Point) -> Point {
    let (d, e) = (b - a, r - q);
    let denom = d.cross(e);
    let u = if denom != 0.0 {
        (q - a).cross(d) / denom
    } else {
        let len2 = e.dot(e);
        if len2 > 0.0 {
            (a.lerp(b, 0.5) - q).dot(e) / len2
        } else {
            0.0
        }
    };
    q.lerp(r, u.clamp(0.0, 1.0))
}

/// A detection opportunity before it is put in order.
#[derive(Clone)]
struct Event {
    element: String,
    kind: String,
    p: f64,
    at: Point,
    time: f64,
    /// Variance of what remains after it.
    var: f64,
}

/// The measured route and its detection opportunities.
struct Measured {
    report: PathReport,
    events: Vec<Event>,
    /// Per camera index: (first entry time, point, variance remaining), for
    /// re-evaluating changes.
    camera_first: Vec<Option<(f64, Point, f64)>>,
    total: f64,
    /// Start-of-each-segment times, to time a view's first entry.
    timing: Timing,
}

/// Times along a polyline.
#[derive(Clone)]
struct Timing {
    /// Per vertex: arc length, and time of arrival before any delay there.
    arc: Vec<f64>,
    time: Vec<f64>,
    /// Per vertex: the delay spent there (an opening), its variance.
    delay: Vec<Delay>,
    speed: f64,
    asset: Delay,
}

impl Timing {
    fn new(line: &Polyline, delays: &[Delay], speed: f64, asset: Delay) -> Timing {
        let n = line.points.len();
        let mut delay = vec![Delay::ZERO; n];
        for &(v, w) in &line.crossings {
            delay[v] = delays[w];
        }
        let (mut arc, mut time) = (vec![0.0; n], vec![0.0; n]);
        for k in 1..n {
            let len = line.points[k - 1].distance(line.points[k]);
            arc[k] = arc[k - 1] + len;
            time[k] = time[k - 1] + delay[k - 1].mean_s + len / speed;
        }
        Timing {
            arc,
            time,
            delay,
            speed,
            asset,
        }
    }

    /// Time at parameter `t` of segment `k` (after the delay at its start).
    fn at(&self, k: usize, t: f64) -> f64 {
        let len = self.arc[k + 1] - self.arc[k];
        self.time[k] + self.delay[k].mean_s + t * len / self.speed
    }

    fn arrival(&self) -> f64 {
        let n = self.time.len();
        self.time[n - 1] + self.delay[n - 1].mean_s
    }

    fn total(&self) -> f64 {
        self.arrival() + self.asset.mean_s
    }

    /// Variance of what remains after segment `k`'s start delay: delays at
    /// later vertices and the asset.
    fn var_after_segment(&self, k: usize) -> f64 {
        self.delay[k + 1..].iter().map(Delay::variance).sum::<f64>() + self.asset.variance()
    }

    /// Variance remaining at the start of the delay at vertex `v` (that delay
    /// included).
    fn var_from_vertex(&self, v: usize) -> f64 {
        self.delay[v..].iter().map(Delay::variance).sum::<f64>() + self.asset.variance()
    }
}

/// Where a view first sees the route: (segment, parameter).
fn first_entry(view: &View, points: &[Point]) -> Option<(usize, f64, Vec<sight::Intervals>)> {
    let per: Vec<sight::Intervals> = points
        .windows(2)
        .map(|s| sight::seen(view, s[0], s[1]))
        .collect();
    let first = per
        .iter()
        .enumerate()
        .find_map(|(k, iv)| iv.first().map(|&(t, _)| (k, t)))?;
    Some((first.0, first.1, per))
}

fn use_label(u: CameraUse) -> &'static str {
    match u {
        CameraUse::Live => "camera (live)",
        CameraUse::Analytics => "camera (analytics)",
        CameraUse::Recording => "camera (recording)",
    }
}

/// Measures a polyline exactly and lists its detection opportunities; with a
/// `target` zone, forcing it ends the route (its delay, its case alarms and
/// glass-breaks); without one (a leg of a route across levels that ends at a
/// stair or lift), the route ends on arrival.
fn measure(p: &Prepared, name: String, line: &Polyline, target: Option<usize>) -> Measured {
    let session = p.session;
    let scenario = session.scenario();
    let asset = target
        .and_then(|t| scenario.plan.zones[t].delay)
        .unwrap_or(Delay::ZERO);
    let timing = Timing::new(line, &p.delays, p.speed, asset);
    let points = &line.points;
    let segs = points.len().saturating_sub(1);
    let mut seen_per_segment: Vec<Vec<sight::Intervals>> = vec![Vec::new(); segs];
    let mut seen_by: Vec<Vec<(usize, sight::Intervals)>> = vec![Vec::new(); segs];
    let mut events = Vec::new();
    let mut camera_first = vec![None; scenario.cameras.len()];
    // (arc length, time, camera) of the first sighting.
    let mut first_seen: Option<(f64, f64, usize)> = None;
    let point_at = |k: usize, t: f64| points[k].lerp(points[k + 1], t);
    for (i, (camera, view)) in scenario.cameras.iter().zip(session.views()).enumerate() {
        let Some((k, t, per)) = first_entry(view, points) else {
            continue;
        };
        let arc = timing.arc[k] + t * (timing.arc[k + 1] - timing.arc[k]);
        let when = timing.at(k, t);
        if first_seen.is_none_or(|(_, w, _)| when < w) {
            first_seen = Some((arc, when, i));
        }
        for (s, iv) in per.into_iter().enumerate() {
            if !iv.is_empty() {
                seen_per_segment[s].push(iv.clone());
                seen_by[s].push((i, iv));
            }
        }
        let time = timing.at(k, t);
        let var = timing.var_after_segment(k);
        camera_first[i] = Some((time, point_at(k, t), var));
        let usage = scenario.camera_use(camera);
        let pd = scenario.settings.security.camera_detection.of(usage);
        if pd > 0.0 {
            events.push(Event {
                element: camera.id.clone(),
                kind: use_label(usage).to_string(),
                p: pd,
                at: point_at(k, t),
                time,
                var,
            });
        }
    }
    for (d, view) in &p.motion_views {
        if let Some((k, t, _)) = first_entry(view, points) {
            events.push(Event {
                element: scenario.detectors[*d].id.clone(),
                kind: "motion".to_string(),
                p: scenario.detectors[*d].p_detect,
                at: point_at(k, t),
                time: timing.at(k, t),
                var: timing.var_after_segment(k),
            });
        }
    }
    let mut passages = Vec::new();
    for &(v, w) in &line.crossings {
        let wall = &scenario.plan.walls[w];
        passages.push(Passage {
            opening: wall.id.clone(),
            at: points[v],
            at_m: timing.arc[v],
            time_s: timing.time[v],
            delay: timing.delay[v],
        });
        for (d, pd, at_end) in opening_detectors(scenario, w) {
            let det = &scenario.detectors[d];
            let (time, var) = if at_end {
                (
                    timing.time[v] + timing.delay[v].mean_s,
                    timing.var_from_vertex(v) - timing.delay[v].variance(),
                )
            } else {
                (timing.time[v], timing.var_from_vertex(v))
            };
            events.push(Event {
                element: det.id.clone(),
                kind: det.kind.name().to_string(),
                p: pd,
                at: points[v],
                time,
                var,
            });
        }
    }
    // At the asset: case alarms and glass-breaks hearing it, as forcing starts.
    let end = *points.last().expect("a route has points");
    let asset_zone = target.map(|t| (&scenario.plan.zones[t], scenario.plan.zones[t].shape()));
    if let Some((zone, shape)) = &asset_zone {
        for det in &scenario.detectors {
            let hears = match &det.kind {
                DetectorKind::Case { zone: z } => *z == zone.id,
                DetectorKind::GlassBreak { position, range_m } => {
                    zone.kind == crate::scenario::ZoneKind::Asset
                        && (shape.contains(*position)
                            || shape.rings().any(|r| {
                                (0..r.len()).any(|i| {
                                    segment_distance_squared(r[i], r[(i + 1) % r.len()], *position)
                                        <= range_m * range_m
                                })
                            }))
                }
                _ => false,
            };
            if hears {
                events.push(Event {
                    element: det.id.clone(),
                    kind: det.kind.name().to_string(),
                    p: det.p_detect,
                    at: end,
                    time: timing.arrival(),
                    var: asset.variance(),
                });
            }
        }
    }
    crate::sorting::by_key(&mut events, |e| e.time);
    // Seen stretches (cameras only), merged along the route.
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut seen_m = 0.0;
    for s in 0..segs {
        let len = timing.arc[s + 1] - timing.arc[s];
        for (a, b) in sight::union(seen_per_segment[s].clone()) {
            seen_m += (b - a) * len;
            let (from, to) = (timing.arc[s] + a * len, timing.arc[s] + b * len);
            let ids: Vec<String> = seen_by[s]
                .iter()
                .filter(|(_, iv)| iv.iter().any(|&(x, y)| x < b && y > a))
                .map(|(i, _)| scenario.cameras[*i].id.clone())
                .collect();
            match stretches.last_mut() {
                Some(last) if (last.to_m - from).abs() < 1e-9 => {
                    last.to_m = to;
                    for id in ids {
                        if !last.cameras.contains(&id) {
                            last.cameras.push(id);
                        }
                    }
                }
                _ => stretches.push(Stretch {
                    from_m: from,
                    to_m: to,
                    cameras: ids,
                }),
            }
        }
    }
    let length = *timing.arc.last().unwrap_or(&0.0);
    let (before_m, before_s, first_by, first_to_asset) = match first_seen {
        Some((arc, time, i)) => (
            arc,
            time,
            Some(scenario.cameras[i].id.clone()),
            Some(timing.arrival() - time),
        ),
        None => (length, timing.arrival(), None, None),
    };
    let report = PathReport {
        name,
        points: points.clone(),
        length_m: length,
        time_to_asset_s: timing.arrival(),
        total_time_s: timing.total(),
        seen_m,
        unseen_m: (length - seen_m).max(0.0),
        unseen_before_first_seen_m: before_m,
        unseen_before_first_seen_s: before_s,
        first_seen_by: first_by,
        first_seen_to_asset_s: first_to_asset,
        seen_stretches: stretches,
        openings: passages,
        detections: Vec::new(),
        first_detecting_element: events.first().map(|e| e.element.clone()),
        p_interruption: None,
        critical_point: None,
    };
    Measured {
        total: timing.total(),
        report,
        events,
        camera_first,
        timing,
    }
}

/// The point along the route where `time` falls.
fn point_at_time(timing: &Timing, points: &[Point], time: f64) -> (Point, f64) {
    let n = points.len();
    if time <= 0.0 {
        return (points[0], 0.0);
    }
    for k in 0..n.saturating_sub(1) {
        let start = timing.time[k] + timing.delay[k].mean_s;
        if time <= start {
            return (points[k], timing.arc[k]);
        }
        if time <= timing.time[k + 1] {
            let span = timing.time[k + 1] - start;
            let t = if span > 0.0 {
                (time - start) / span
            } else {
                0.0
            };
            let len = timing.arc[k + 1] - timing.arc[k];
            return (points[k].lerp(points[k + 1], t), timing.arc[k] + t * len);
        }
    }
    (points[n - 1], timing.arc[n - 1])
}

fn easi_of(events: &[Event], total: f64, response: &ResponseForce) -> easi::Interruption {
    let detections: Vec<Detection> = events
        .iter()
        .map(|e| Detection {
            p: e.p,
            remaining_mean_s: total - e.time,
            remaining_var_s2: e.var,
        })
        .collect();
    easi::interruption(&detections, response)
}

/// Fills in P(I), its terms and the critical point.
fn finish(m: &mut Measured, response: Option<&ResponseForce>) {
    let result = response.map(|r| (r, easi_of(&m.events, m.total, r)));
    m.report.detections = m
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| DetectionPoint {
            element: e.element.clone(),
            kind: e.kind.clone(),
            p_detect: e.p,
            at: e.at,
            time_s: e.time,
            remaining_s: m.total - e.time,
            p_first: result.as_ref().map(|(_, r)| r.terms[i].p_first),
            p_in_time: result.as_ref().map(|(_, r)| r.terms[i].p_in_time),
        })
        .collect();
    if let Some((r, res)) = result {
        m.report.p_interruption = Some(res.p_interruption);
        let t = (m.total - r.mean_s).max(0.0);
        let (at, at_m) = point_at_time(&m.timing, &m.report.points, t);
        m.report.critical_point = Some(CriticalPoint {
            at,
            at_m,
            time_s: t,
        });
    }
}

/// Lists the defaults and gaps a route's figures rest on.
fn assumptions(scenario: &Scenario, line_walls: &[usize], target: usize) -> Vec<String> {
    let mut out = Vec::new();
    let s = &scenario.settings.security;
    let unstated = scenario
        .cameras
        .iter()
        .filter(|c| c.usage.is_none())
        .count();
    if unstated > 0 {
        out.push(format!(
            "{unstated} camera(s) do not state their use: counted as {} (settings.camera_use)",
            s.camera_use.name()
        ));
    }
    if s.response.is_none() {
        out.push(
            "no response force in the settings (settings.response): no probability of interruption"
                .to_string(),
        );
    }
    for &w in line_walls {
        let wall = &scenario.plan.walls[w];
        if wall.security.delay.is_none() {
            out.push(format!(
                "opening \"{}\" states no delay: passed at once",
                wall.id
            ));
        }
    }
    let zone = &scenario.plan.zones[target];
    if zone.delay.is_none() {
        out.push(format!(
            "zone \"{}\" states no delay: the theft is done on arrival",
            zone.id
        ));
    }
    out.push(format!(
        "walking at {} m/s (settings.walking_speed_m_s); walking times taken as exact, delays and the response as normal",
        s.walking_speed_m_s
    ));
    out
}

/// Finds the routes from `start` to zone `to`.
///
/// # Errors
/// The start names no passable exterior opening, or lies off the plan; the zone
/// does not exist; no way on foot leads there; the resolution is out of range.
///
/// # Validity
/// Distances are exact along the route returned; the route itself is optimal
/// on the walk grid (its cell size is `resolution_m` in the report), so a
/// better route may exist that passes through gaps narrower than about one cell.
pub fn route(
    session: &Session,
    start: &Start,
    to: &str,
    options: &RouteOptions,
) -> Result<RouteReport, RouteError> {
    if !(0.05..=5.0).contains(&options.resolution_m) {
        return Err(RouteError::BadResolution(options.resolution_m));
    }
    let scenario = session.scenario();
    let target = scenario
        .plan
        .zones
        .iter()
        .position(|z| z.id == to)
        .ok_or_else(|| {
            RouteError::UnknownZone(
                to.to_string(),
                scenario
                    .plan
                    .zones
                    .iter()
                    .map(|z| z.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })?;
    let (start_point, opening) = resolve_start(session, start)?;
    let zone_box = scenario.plan.zones[target].shape().bounds();
    let region = (!options.whole_plan).then(|| search_region(start_point, zone_box));
    if let Some(r) = region
        && !r.contains(start_point)
    {
        return Err(RouteError::StartOffPlan(start_point.x, start_point.y));
    }
    let p = Prepared::new(session, options.resolution_m, region);
    let g = &p.grid;
    let (prefix, source) = start_prefix(&p, start_point, opening)?;
    let from = match start {
        Start::Opening(id) => id.clone(),
        Start::Point(q) => format!("({:.2}, {:.2})", q.x, q.y),
    };
    let (goal, zb) = goal_cells(g, &scenario.plan.zones[target]);
    let response = response_force(scenario);
    let searches = searches();
    // A route from an opening came in by it: going back out through it would
    // make the forced entry pointless (it is then the route from whichever
    // opening it goes in by next, which that opening's own route covers with
    // less exposure: no walk in and back). So the searches never cross it.
    let barred = opening.map(|(w, _)| w);
    let mut measured: Vec<(Measured, Polyline)> = Vec::new();
    for (name, cost) in searches {
        let Some(path) = search(&p, cost, source, &goal, &zb, barred) else {
            return Err(RouteError::Unreachable(from, to.to_string()));
        };
        let line = polyline(&p, cost, &prefix, &path);
        let mut m = measure(&p, name, &line, Some(target));
        finish(&mut m, response.as_ref());
        measured.push((m, line));
    }
    let candidates: Vec<(String, Option<f64>, f64)> = measured
        .iter()
        .map(|(m, _)| {
            (
                m.report.name.clone(),
                m.report.p_interruption,
                m.report.length_m,
            )
        })
        .collect();
    let most_vulnerable = response.as_ref().map(|_| {
        measured
            .iter()
            .min_by(|a, b| {
                a.0.report
                    .p_interruption
                    .unwrap_or(0.0)
                    .total_cmp(&b.0.report.p_interruption.unwrap_or(0.0))
            })
            .map(|(m, _)| m.report.clone())
            .expect("candidates")
    });
    let changes = match (&response, options.suggest) {
        (Some(r), true) => suggest(&p, &measured, opening.map(|(w, _)| w), r),
        _ => Vec::new(),
    };
    let baseline = most_vulnerable.as_ref().and_then(|m| m.p_interruption);
    let best_change = changes
        .first()
        .filter(|c| baseline.is_some_and(|b| c.p_interruption > b + 1e-9))
        .cloned();
    let mut walls: Vec<usize> = measured
        .iter()
        .flat_map(|(_, l)| l.crossings.iter().map(|&(_, w)| w))
        .collect();
    walls.sort_unstable();
    walls.dedup();
    let mut it = measured.into_iter();
    let least_watched = it.next().expect("least watched").0.report;
    let fastest = it.next().expect("fastest").0.report;
    Ok(RouteReport {
        from,
        to: to.to_string(),
        resolution_m: g.step,
        region: region.map(|r| [r.min, r.max]),
        method: format!(
            "Dijkstra on a {:.2} m walk grid (16 moves a cell), smoothed; exposure and detection measured exactly on the views' polygons; P(I) by EASI on each candidate",
            g.step
        ),
        least_watched,
        fastest,
        most_vulnerable,
        candidates,
        best_change,
        changes,
        assumptions: assumptions(scenario, &walls, target),
    })
}

/// The settings' response force, as EASI takes it.
fn response_force(scenario: &Scenario) -> Option<ResponseForce> {
    scenario.settings.security.response.map(|r| ResponseForce {
        mean_s: r.mean_s,
        sd_s: r.sd_s,
        p_communication: r.p_communication,
    })
}

/// The candidate searches, in report order: least watched, fastest, then the
/// least-detected blends.
fn searches() -> Vec<(String, Cost)> {
    let mut searches: Vec<(String, Cost)> = vec![
        ("least watched".to_string(), Cost::Exposure),
        ("fastest".to_string(), Cost::Time),
    ];
    for lambda in DETECTION_BLENDS {
        searches.push((
            format!("least detected (λ = {lambda}/s)"),
            Cost::Detection(lambda),
        ));
    }
    searches
}

/// Where a route starts: the point, and for an opening its wall index and
/// whether its left side (of its segment holding the midpoint) is outside.
fn resolve_start(
    session: &Session,
    start: &Start,
) -> Result<(Point, Option<(usize, bool)>), RouteError> {
    let scenario = session.scenario();
    let settings = &scenario.settings.security;
    let start = match start {
        Start::Point(p) => (*p, None),
        Start::Opening(id) => {
            let w = scenario
                .plan
                .walls
                .iter()
                .position(|w| &w.id == id)
                .ok_or_else(|| {
                    RouteError::UnknownOpening(
                        id.clone(),
                        scenario
                            .plan
                            .walls
                            .iter()
                            .filter(|w| w.is_opening())
                            .map(|w| w.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                })?;
            let wall = &scenario.plan.walls[w];
            if !wall.is_opening() {
                return Err(RouteError::NotAnOpening(id.clone()));
            }
            if !wall.passable(settings.windows_passable) {
                return Err(RouteError::NotPassable(
                    id.clone(),
                    if wall.security.passable == Some(false) {
                        "it says \"passable\": false".to_string()
                    } else {
                        "windows and glass are not passable (settings.windows_passable)".to_string()
                    },
                ));
            }
            let plan = OpeningPlan::new(session);
            let probe = openings::probe(&plan, scenario, w);
            if probe.approach == [true, true] {
                return Err(RouteError::NoOutside(id.clone()));
            }
            let mid = openings::halfway(&wall.path);
            (mid, Some((w, probe.approach[0])))
        }
    };
    Ok(start)
}

/// The fixed start of a route (the start point, or outside the opening and its
/// forced crossing) and the walk-grid cell its searches start from.
fn start_prefix(
    p: &Prepared,
    start_point: Point,
    opening: Option<(usize, bool)>,
) -> Result<(Polyline, usize), RouteError> {
    let scenario = p.session.scenario();
    let g = &p.grid;
    let off_plan = || RouteError::StartOffPlan(start_point.x, start_point.y);
    let start = match opening {
        None => {
            let source = g.cell_at(start_point).ok_or_else(off_plan)?;
            (
                Polyline {
                    points: vec![start_point],
                    crossings: Vec::new(),
                },
                source,
            )
        }
        Some((w, left_is_outside)) => {
            let wall = &scenario.plan.walls[w];
            let mid = start_point;
            // The segment holding the midpoint gives the side directions.
            let seg = wall
                .path
                .windows(2)
                .min_by(|a, b| {
                    segment_distance_squared(a[0], a[1], mid)
                        .total_cmp(&segment_distance_squared(b[0], b[1], mid))
                })
                .expect("an opening has a segment");
            let d = seg[1] - seg[0];
            let n = Point::new(-d.y, d.x).scale(1.0 / d.length());
            let out_dir = if left_is_outside { n } else { n.scale(-1.0) };
            let reach = g.step.max(0.3);
            let outside = mid + out_dir.scale(reach);
            let inside = mid - out_dir.scale(reach);
            let source = g.cell_at(inside).ok_or_else(off_plan)?;
            (
                Polyline {
                    points: vec![outside, mid],
                    crossings: vec![(1, w)],
                },
                source,
            )
        }
    };
    Ok(start)
}

/// The goal cells of zone `zone` on the walk grid (inside it, or within one
/// cell of it) and the box they lie in.
fn goal_cells(g: &WalkGrid, zone: &crate::scenario::Zone) -> (Vec<bool>, Bounds) {
    let shape = zone.shape();
    let zb = shape.bounds().expanded(g.step);
    let mut goal = vec![false; g.cells()];
    for (c, slot) in goal.iter_mut().enumerate() {
        let q = g.center(c);
        if !zb.contains(q) {
            continue;
        }
        *slot = shape.contains(q)
            || shape.rings().any(|r| {
                (0..r.len()).any(|i| {
                    segment_distance_squared(r[i], r[(i + 1) % r.len()], q) <= g.step * g.step
                })
            });
    }
    (goal, zb)
}

/// Changes a candidate's detection opportunities (given its index, measures
/// and polyline).
type EditEvents<'a> = dyn Fn(usize, &Measured, &Polyline, &mut Vec<Event>) + 'a;

/// The lowest P(I) over the candidates after `edit` changes each candidate's
/// detection opportunities (given its index, measures and polyline).
fn lowest_with(
    measured: &[(Measured, Polyline)],
    response: &ResponseForce,
    edit: &EditEvents<'_>,
) -> f64 {
    measured
        .iter()
        .enumerate()
        .map(|(k, (m, line))| {
            let mut events: Vec<Event> = m
                .events
                .iter()
                .map(|e| Event {
                    element: e.element.clone(),
                    kind: e.kind.clone(),
                    p: e.p,
                    at: e.at,
                    time: e.time,
                    var: e.var,
                })
                .collect();
            edit(k, m, line, &mut events);
            crate::sorting::by_key(&mut events, |e| e.time);
            easi_of(&events, m.total, response).p_interruption
        })
        .fold(f64::INFINITY, f64::min)
}

/// Single changes and the lowest P(I) over the candidates after each, best
/// first: a camera watched live or given analytics, a contact on the opening
/// the route starts from, a camera turned to face that opening.
fn suggest(
    p: &Prepared,
    measured: &[(Measured, Polyline)],
    start_opening: Option<usize>,
    response: &ResponseForce,
) -> Vec<Change> {
    let scenario = p.session.scenario();
    let detection = &scenario.settings.security.camera_detection;
    let mut out = Vec::new();
    // A camera's use upgraded.
    for (i, camera) in scenario.cameras.iter().enumerate() {
        let usage = scenario.camera_use(camera);
        let Some(new) = upgrade(usage) else { continue };
        if !measured.iter().any(|(m, _)| m.camera_first[i].is_some()) {
            continue;
        }
        let pd = detection.of(new);
        let id = camera.id.clone();
        let low = lowest_with(measured, response, &|_, m, _, events| {
            events.retain(|e| e.element != id);
            if let Some((time, at, var)) = m.camera_first[i] {
                events.push(Event {
                    element: id.clone(),
                    kind: use_label(new).to_string(),
                    p: pd,
                    at,
                    time,
                    var,
                });
            }
        });
        out.push(Change {
            description: upgrade_description(&camera.id, new),
            p_interruption: low,
        });
    }
    if let Some(w) = start_opening {
        let wall = &scenario.plan.walls[w];
        // A contact on the opening: detects at the end of forcing it.
        let low = lowest_with(measured, response, &|_, m, line, events| {
            if let Some(&(v, _)) = line.crossings.iter().find(|&&(_, x)| x == w) {
                events.push(Event {
                    element: "suggested contact".to_string(),
                    kind: "contact".to_string(),
                    p: SUGGESTED_CONTACT_P,
                    at: m.report.points[v],
                    time: m.timing.time[v] + m.timing.delay[v].mean_s,
                    var: m.timing.var_from_vertex(v) - m.timing.delay[v].variance(),
                });
            }
        });
        out.push(Change {
            description: contact_description(&wall.id),
            p_interruption: low,
        });
        // A camera turned to face the opening.
        for Turned {
            camera,
            heading,
            view,
            usage,
            new_use,
        } in turned_to(p.session, w)
        {
            let camera = &scenario.cameras[camera];
            let pd = detection.of(new_use);
            let id = camera.id.clone();
            let firsts: Vec<Option<(f64, Point, f64)>> = measured
                .iter()
                .map(|(m, line)| {
                    first_entry(&view, &line.points).map(|(k, t, _)| {
                        (
                            m.timing.at(k, t),
                            line.points[k].lerp(line.points[k + 1], t),
                            m.timing.var_after_segment(k),
                        )
                    })
                })
                .collect();
            let low = lowest_with(measured, response, &|k, _, _, events| {
                events.retain(|e| e.element != id);
                if let Some((time, at, var)) = firsts[k] {
                    events.push(Event {
                        element: id.clone(),
                        kind: use_label(new_use).to_string(),
                        p: pd,
                        at,
                        time,
                        var,
                    });
                }
            });
            out.push(Change {
                description: turn_description(&camera.id, heading, &wall.id, usage),
                p_interruption: low,
            });
        }
    }
    crate::sorting::by_key_descending(&mut out, |r| r.p_interruption);
    out
}

/// The use a camera's use is upgraded to by a suggested change, if any.
fn upgrade(usage: CameraUse) -> Option<CameraUse> {
    match usage {
        CameraUse::Recording => Some(CameraUse::Live),
        CameraUse::Live => Some(CameraUse::Analytics),
        CameraUse::Analytics => None,
    }
}

fn upgrade_description(camera: &str, new: CameraUse) -> String {
    match new {
        CameraUse::Live => format!("watch camera {camera} live (it only records)"),
        _ => format!("give camera {camera} video analytics"),
    }
}

fn contact_description(opening: &str) -> String {
    format!("add a contact on {opening} (P_D {SUGGESTED_CONTACT_P})")
}

fn turn_description(camera: &str, heading: f64, opening: &str, usage: CameraUse) -> String {
    format!(
        "turn camera {camera} to {heading:.0}° to face {opening}{}",
        if usage == CameraUse::Recording {
            " and watch it live"
        } else {
            ""
        }
    )
}

/// A camera turned to face an opening, and how it would be used.
struct Turned {
    /// Index of the camera.
    camera: usize,
    heading: f64,
    view: View,
    usage: CameraUse,
    /// Its use once turned: watched live if it only records.
    new_use: CameraUse,
}

/// Every camera of `session` with the opening `w`'s midpoint in its range,
/// turned to face it (the turn-a-camera changes the analysis tries).
fn turned_to(session: &Session, w: usize) -> Vec<Turned> {
    let scenario = session.scenario();
    let target = openings::halfway(&scenario.plan.walls[w].path);
    let px: Vec<f64> = session.levels().iter().map(|l| l.px_per_m).collect();
    let mut expander = Expander::default();
    let mut out = Vec::new();
    for (i, camera) in scenario.cameras.iter().enumerate() {
        let Some(range) = scenario.optics(camera).range_m else {
            continue;
        };
        let offset = target - camera.position;
        if offset.length() > range || offset.length() == 0.0 {
            continue;
        }
        let heading = offset.angle().to_degrees().rem_euclid(360.0);
        let turned = crate::scenario::Camera {
            heading_deg: heading,
            ..camera.clone()
        };
        let Some(spec) = scenario.spec(&turned) else {
            continue;
        };
        let view = camera_view(session.plan(), &spec, &px, &mut expander);
        let usage = scenario.camera_use(camera);
        let new_use = if usage == CameraUse::Recording {
            CameraUse::Live
        } else {
            usage
        };
        out.push(Turned {
            camera: i,
            heading,
            view,
            usage,
            new_use,
        });
    }
    out
}

mod levels;

pub use levels::{
    ConnectionPassage, Leg, LevelGrid, SiteCriticalPoint, SiteDetection, SitePath, SiteRouteReport,
    SiteStart, site_route,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn a_move_across_an_opening_crosses_it_where_they_meet() {
        let at = crossing_point(p(0.0, 0.0), p(2.0, 0.0), p(0.5, -1.0), p(1.5, 1.0));
        assert_eq!(at, p(1.0, 0.0));
    }

    #[test]
    fn a_move_along_an_opening_crosses_it_on_the_opening() {
        // Collinear and overlapping: the opening's point nearest the move's
        // middle (1.5, 0), not a point made up between the cell centres.
        assert_eq!(
            crossing_point(p(0.0, 0.0), p(2.0, 0.0), p(1.0, 0.0), p(2.0, 0.0)),
            p(1.5, 0.0)
        );
        // Touching the opening's end only: that end.
        assert_eq!(
            crossing_point(p(0.0, 0.0), p(2.0, 0.0), p(2.0, 0.0), p(3.0, 0.0)),
            p(2.0, 0.0)
        );
    }

    #[test]
    fn a_move_through_an_opening_end_stays_on_the_opening() {
        // Through the end point (2, 0) exactly: the float parameter may land a
        // hair past 1, and the point is kept on the segment.
        let at = crossing_point(p(0.0, 0.0), p(2.0, 0.0), p(1.9, -0.1), p(2.1, 0.1));
        assert!(
            at.x <= 2.0 && (at.x - 2.0).abs() < 1e-12 && at.y == 0.0,
            "{at:?}"
        );
    }
}
