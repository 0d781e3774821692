//! Routes across the levels of a site: from a way in on one level (the quay, a
//! first-floor balcony) to an asset on another, through stairs, lifts, ramps
//! and openings between levels.
//!
//! **Method.** Each level has its own walk grid (the analysis's walk grid) with
//! that level's walls, openings, cameras and motion detectors, built as for a
//! route on one level (over the part of the level around the places the route
//! may use there, see [`level_region`]). The places a route can start, end or
//! change level at are the nodes of a small graph: the start, both ends of
//! every connection, and the asset. On each level, a grid search (Dijkstra
//! with A*'s bound, the same searches as on one level) gives the best leg
//! between every two nodes of that level under each cost; a connection is an
//! edge between its two ends, walked in either direction in its `time_s`
//! (default: walking the straight line between its two places, their levels'
//! elevations included). Dijkstra over that graph gives the best sequence of
//! legs and connections for each cost: legs are shortest paths on their own
//! grids and the costs add along the route, so the sequence is the best grid
//! route across levels.
//!
//! The costs of a connection: *least watched*, the metres walked meanwhile
//! (its time at walking speed, as an opening's delay is counted): no camera
//! watches the inside of a stair or lift, only their ends on each level;
//! *fastest*, its time; *least detected*, λ × its time plus the cost of the
//! watchers of the cell it arrives at (entered afresh: the cameras of one
//! level never see another).
//!
//! Each leg is smoothed and measured exactly on its own level's views, as on
//! one level; the legs' times, distances and detection opportunities are then
//! laid end to end with the connections' times, and EASI's P(I) is computed on
//! the whole route (it does not add along a path).

use super::*;
use crate::scenario::{ConnectionKind, Level};
use crate::site::Site;

/// Where a route across levels starts.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteStart {
    /// Outside an exterior opening (by wall id, on whichever level it is): the
    /// route forces it first.
    Opening(String),
    /// A point of a level (by level id).
    Point { level: String, at: Point },
}

/// The walk grid of one level a route across levels searched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelGrid {
    pub level: String,
    /// Cell size used, m.
    pub resolution_m: f64,
    /// The region searched, lowest and highest corners (none: the whole level).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<[Point; 2]>,
}

/// A stretch of a route on one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Leg {
    /// The level's id and name.
    pub level: String,
    pub level_name: String,
    pub points: Vec<Point>,
    pub length_m: f64,
    /// Where the leg starts along the whole route, m, and when, s.
    pub start_m: f64,
    pub start_s: f64,
    /// Metres of it in view of the level's cameras.
    pub seen_m: f64,
    /// Stretches in view, m along the whole route.
    pub seen_stretches: Vec<Stretch>,
    /// Openings passed (distance and time along the whole route).
    pub openings: Vec<Passage>,
}

/// A connection a route goes through from one level to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConnectionPassage {
    pub connection: String,
    pub kind: ConnectionKind,
    /// The level left and its place, the level reached and its place (a
    /// connection is walked either way).
    pub from_level: String,
    pub from: Point,
    pub to_level: String,
    pub to: Point,
    /// Where it starts along the whole route, m, and when it is reached, s.
    pub at_m: f64,
    pub time_s: f64,
    /// The straight line between its places (elevations included), m.
    pub length_m: f64,
    /// How long going through takes, s (its `time_s`, else walking its length).
    pub duration_s: f64,
    /// The index in `legs` of the leg it leads on from.
    pub after_leg: usize,
}

/// A detection opportunity on a route across levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteDetection {
    /// The level of the element.
    pub level: String,
    #[serde(flatten)]
    pub detection: DetectionPoint,
}

/// The critical detection point of a route across levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteCriticalPoint {
    /// The level it is on (for a point inside a connection, the level left).
    pub level: String,
    #[serde(flatten)]
    pub point: CriticalPoint,
    /// The connection it falls in, when the intruder is then inside one (the
    /// point is the connection's end on `level`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_connection: Option<String>,
}

/// One route across levels, measured.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SitePath {
    /// "least watched", "fastest", "least detected (λ = …)".
    pub name: String,
    /// The legs in order, each on one level, joined by `connections` (each
    /// names the leg it leads on from).
    pub legs: Vec<Leg>,
    pub connections: Vec<ConnectionPassage>,
    /// The legs and the connections' lengths, m.
    pub length_m: f64,
    /// From the start to reaching the asset, s (walking, openings, connections).
    pub time_to_asset_s: f64,
    /// Including forcing the asset.
    pub total_time_s: f64,
    /// Metres in view of cameras (on the legs; connections are unseen).
    pub seen_m: f64,
    pub unseen_m: f64,
    /// Distance and time from the start before any camera sees the route.
    pub unseen_before_first_seen_m: f64,
    pub unseen_before_first_seen_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen_to_asset_s: Option<f64>,
    /// Detection opportunities with a chance of detecting, in order.
    pub detections: Vec<SiteDetection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_detecting_element: Option<String>,
    /// EASI's probability of interruption over the whole route (needs
    /// `settings.response`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_interruption: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub critical_point: Option<SiteCriticalPoint>,
}

/// The routes from a start to an asset across the levels of a site.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteRouteReport {
    pub from: String,
    pub from_level: String,
    pub to: String,
    pub to_level: String,
    /// The walk grid of each level searched.
    pub walk_grids: Vec<LevelGrid>,
    pub method: String,
    pub least_watched: SitePath,
    pub fastest: SitePath,
    /// The candidate with the lowest P(I) (when the settings give a response).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most_vulnerable: Option<SitePath>,
    /// Every candidate evaluated: name, P(I), length.
    pub candidates: Vec<(String, Option<f64>, f64)>,
    /// The single change that raises the lowest P(I) most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_change: Option<Change>,
    /// The changes tried, best first.
    pub changes: Vec<Change>,
    /// What the figures assume.
    pub assumptions: Vec<String>,
}

/// A node of the graph of legs: where a leg starts or ends.
#[derive(Clone, Copy, Debug)]
struct Node {
    level: usize,
    cell: usize,
    at: Point,
}

/// A connection as the route sees it (its ends are nodes `2 k + 1`, its
/// `from`, and `2 k + 2`, its `to`, for connection `k`).
struct Link {
    /// The straight line between its places, elevations included, m.
    length_m: f64,
    /// Its `time_s`, else walking its length, s.
    duration_s: f64,
}

/// One step of a route across levels.
enum Step {
    /// A leg on a level between two nodes (the last one ends at the goal).
    Leg {
        from: usize,
        to: usize,
        path: GridPath,
    },
    /// Connection `k`, from its `from` end when `forward`.
    Cross { connection: usize, forward: bool },
}

/// The node index of the goal (after the start and the connections' ends).
fn goal_node(connections: usize) -> usize {
    1 + 2 * connections
}

/// The region searched on a level: the box of the places the route may use
/// there (the start, the connections' ends, the asset's zone) grown by the
/// larger of [`REGION_MARGIN_M`] and its diagonal (as [`search_region`] on one
/// level).
fn level_region(points: &[Point], zone: Option<Bounds>) -> Bounds {
    let mut b = zone.unwrap_or(Bounds::EMPTY);
    for p in points {
        b.extend(*p);
    }
    let far = b.min.distance(b.max);
    b.expanded(REGION_MARGIN_M.max(far))
}

/// A candidate route across levels, measured, with what the changes need.
struct SiteMeasured {
    path: SitePath,
    /// Detection opportunities over the whole route, in time order, and the
    /// level of each.
    events: Vec<Event>,
    event_levels: Vec<usize>,
    /// Per level, per camera of it: the first sighting (time, point, variance
    /// remaining) over the whole route.
    camera_first: Vec<Vec<Option<(f64, Point, f64)>>>,
    total: f64,
    /// Each leg: its level, measures and polyline.
    legs: Vec<(usize, Measured, Polyline)>,
    /// Per leg: when it starts, and the variance of everything after it.
    time_offset: Vec<f64>,
    later_var: Vec<f64>,
}

/// What the searches of a route across levels need: each level's walk grid
/// (where a leg may run), the nodes, the connections, the start and the goal.
struct Setup<'s> {
    prepared: Vec<Option<Prepared<'s>>>,
    grids: Vec<LevelGrid>,
    nodes: Vec<Option<Node>>,
    links: Vec<Link>,
    /// The start and the forced crossing of its opening.
    prefix: Polyline,
    /// The start's level, the asset's level and the asset's index in its zones.
    sl: usize,
    tl: usize,
    target: usize,
    goal_mask: Vec<bool>,
    /// The opening started from (wall index on the start's level).
    opening: Option<(usize, bool)>,
}

impl Setup<'_> {
    fn goal(&self) -> usize {
        goal_node(self.links.len())
    }

    /// The best sequence of steps under `cost` ([`best_steps`]).
    fn best(&self, cost: Cost) -> Option<(Vec<Step>, f64)> {
        best_steps(
            &self.prepared,
            &self.nodes,
            &self.links,
            cost,
            self.goal(),
            &self.goal_mask,
            self.tl,
            self.sl,
            self.opening.map(|(w, _)| w),
        )
    }
}

/// Prepares the searches of [`site_route`] (its errors).
fn setup<'s>(
    site: &'s Site,
    start: &SiteStart,
    to: &str,
    options: &RouteOptions,
) -> Result<Setup<'s>, RouteError> {
    if !(0.05..=5.0).contains(&options.resolution_m) {
        return Err(RouteError::BadResolution(options.resolution_m));
    }
    let levels = site.levels();
    let sessions = site.sessions();
    let scenario = site.scenario();
    let level_index = |id: &str| {
        levels.iter().position(|l| l.id == id).ok_or_else(|| {
            RouteError::UnknownLevel(
                id.to_string(),
                levels
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
    };
    // The asset: its level and its index in that level's zones.
    let (tl, target) = sessions
        .iter()
        .enumerate()
        .find_map(|(l, s)| {
            let z = s.scenario().plan.zones.iter().position(|z| z.id == to)?;
            Some((l, z))
        })
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
    // The start: its level, point, and opening.
    let (sl, start_point, opening) = match start {
        SiteStart::Point { level, at } => (level_index(level)?, *at, None),
        SiteStart::Opening(id) => {
            let l = sessions
                .iter()
                .position(|s| s.scenario().plan.walls.iter().any(|w| &w.id == id))
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
            let (at, opening) = resolve_start(&sessions[l], &Start::Opening(id.clone()))?;
            (l, at, opening)
        }
    };
    let speed = scenario.settings.security.walking_speed_m_s;
    let links: Vec<Link> = scenario
        .connections
        .iter()
        .map(|c| {
            let elevation = |id: &str| {
                levels
                    .iter()
                    .find(|l| l.id == id)
                    .map_or(0.0, |l: &Level| l.elevation_m)
            };
            let dz = elevation(&c.to.level) - elevation(&c.from.level);
            let (dx, dy) = (c.to.x - c.from.x, c.to.y - c.from.y);
            let length_m = (dx * dx + dy * dy + dz * dz).sqrt();
            Link {
                length_m,
                duration_s: c.time_s.unwrap_or(length_m / speed),
            }
        })
        .collect();
    // The nodes' levels and places (cells come once the grids exist).
    let mut places: Vec<(usize, Point)> = vec![(sl, start_point)];
    for c in &scenario.connections {
        places.push((level_index(&c.from.level)?, Point::new(c.from.x, c.from.y)));
        places.push((level_index(&c.to.level)?, Point::new(c.to.x, c.to.y)));
    }
    let zone_box = sessions[tl].scenario().plan.zones[target].shape().bounds();
    // Each level with a leg to search gets its walk grid.
    let mut prepared: Vec<Option<Prepared>> = (0..levels.len()).map(|_| None).collect();
    let mut grids = Vec::new();
    for (l, session) in sessions.iter().enumerate() {
        let on: Vec<Point> = places
            .iter()
            .filter(|(pl, _)| *pl == l)
            .map(|(_, p)| *p)
            .collect();
        let nodes_here = on.len() + usize::from(l == tl);
        if nodes_here < 2 {
            continue;
        }
        let region =
            (!options.whole_plan).then(|| level_region(&on, (l == tl).then_some(zone_box)));
        let p = Prepared::new(session, options.resolution_m, region);
        grids.push(LevelGrid {
            level: levels[l].id.clone(),
            resolution_m: p.grid.step,
            region: region.map(|r| [r.min, r.max]),
        });
        prepared[l] = Some(p);
    }
    let Some(sp) = prepared[sl].as_ref() else {
        // The start's level has nothing else: no way on from it.
        return Err(RouteError::Unreachable(from_name(start), to.to_string()));
    };
    let (prefix, source) = start_prefix(sp, start_point, opening)?;
    let mut nodes: Vec<Option<Node>> = vec![Some(Node {
        level: sl,
        cell: source,
        at: start_point,
    })];
    for (k, &(level, at)) in places.iter().enumerate().skip(1) {
        let Some(p) = prepared[level].as_ref() else {
            nodes.push(None);
            continue;
        };
        let cell = p.grid.cell_at(at).ok_or_else(|| {
            let c = &scenario.connections[(k - 1) / 2];
            RouteError::ConnectionOffPlan(c.id.clone(), levels[level].id.clone(), at.x, at.y)
        })?;
        nodes.push(Some(Node { level, cell, at }));
    }
    let Some(tp) = prepared[tl].as_ref() else {
        // No connection reaches the asset's level, and the route does not
        // start there.
        return Err(RouteError::Unreachable(from_name(start), to.to_string()));
    };
    let (goal_mask, _) = goal_cells(&tp.grid, &sessions[tl].scenario().plan.zones[target]);
    Ok(Setup {
        prepared,
        grids,
        nodes,
        links,
        prefix,
        sl,
        tl,
        target,
        goal_mask,
        opening,
    })
}

/// Finds the routes from `start` to zone `to` across the levels of `site`.
///
/// A site of one level gives the same legs as [`route`] on its session (one
/// leg, no connection) over the search region [`level_region`] gives.
///
/// # Errors
/// As [`route`]; also a level that does not exist, and a connection whose end
/// lies off its level's walkable plan (more than 2 m beyond its walls and
/// zones) when the route may use it.
///
/// # Validity
/// Distances are exact along the legs returned, and a connection counts the
/// straight line between its places; each leg is optimal on its level's walk
/// grid and the sequence of legs and connections is optimal over them, so a
/// better route may pass through gaps narrower than about one cell.
pub fn site_route(
    site: &Site,
    start: &SiteStart,
    to: &str,
    options: &RouteOptions,
) -> Result<SiteRouteReport, RouteError> {
    let set = setup(site, start, to, options)?;
    let scenario = site.scenario();
    let levels = site.levels();
    let (sl, tl, target, opening) = (set.sl, set.tl, set.target, set.opening);
    let response = response_force(scenario);
    let mut measured: Vec<SiteMeasured> = Vec::new();
    for (name, cost) in searches() {
        let (steps, _) = set
            .best(cost)
            .ok_or_else(|| RouteError::Unreachable(from_name(start), to.to_string()))?;
        let mut m = measure_site(
            site,
            &set.prepared,
            &set.nodes,
            &set.links,
            &set.prefix,
            name,
            cost,
            steps,
            target,
        );
        finish_site(site, &mut m, response.as_ref());
        measured.push(m);
    }
    let candidates: Vec<(String, Option<f64>, f64)> = measured
        .iter()
        .map(|m| (m.path.name.clone(), m.path.p_interruption, m.path.length_m))
        .collect();
    let most_vulnerable = response.as_ref().map(|_| {
        measured
            .iter()
            .min_by(|a, b| {
                a.path
                    .p_interruption
                    .unwrap_or(0.0)
                    .total_cmp(&b.path.p_interruption.unwrap_or(0.0))
            })
            .map(|m| m.path.clone())
            .expect("candidates")
    });
    let changes = match (&response, options.suggest) {
        (Some(r), true) => suggest_site(site, &measured, opening.map(|(w, _)| (sl, w)), r),
        _ => Vec::new(),
    };
    let baseline = most_vulnerable.as_ref().and_then(|m| m.p_interruption);
    let best_change = changes
        .first()
        .filter(|c| baseline.is_some_and(|b| c.p_interruption > b + 1e-9))
        .cloned();
    let assumptions = site_assumptions(site, &measured, &set.links, tl, target);
    let steps: Vec<String> = set
        .grids
        .iter()
        .map(|g| format!("{} {:.2} m", g.level, g.resolution_m))
        .collect();
    let mut it = measured.into_iter();
    let least_watched = it.next().expect("least watched").path;
    let fastest = it.next().expect("fastest").path;
    Ok(SiteRouteReport {
        from: from_name(start),
        from_level: levels[sl].id.clone(),
        to: to.to_string(),
        to_level: levels[tl].id.clone(),
        walk_grids: set.grids.clone(),
        method: format!(
            "Dijkstra on each level's walk grid ({}; 16 moves a cell), legs joined at the connections (each a graph edge at its time), smoothed; exposure and detection measured exactly on each level's views; P(I) by EASI on each whole candidate",
            steps.join(", ")
        ),
        least_watched,
        fastest,
        most_vulnerable,
        candidates,
        best_change,
        changes,
        assumptions,
    })
}

fn from_name(start: &SiteStart) -> String {
    match start {
        SiteStart::Opening(id) => id.clone(),
        SiteStart::Point { level, at } => format!("({:.2}, {:.2}) on {level}", at.x, at.y),
    }
}

/// The best sequence of legs and connections from the start (node 0) to the
/// goal under `cost`, and its cost, or none when the goal cannot be reached.
///
/// Dijkstra over the nodes, whose legs are found as it settles them: from a
/// node settled, one Dijkstra on its level's grid settles every node of that
/// level not settled yet (never the start) and, on the goal's level, the
/// nearest goal cell, with the path back to each; it stops once all are
/// settled, or past the cost at which the goal is already reached (a leg
/// dearer than that cannot be on the best route). The legs from a settled node
/// to a node settled before it could never shorten that node's route, so they
/// are not sought: the order of the nodes and their costs are those of the
/// graph of every leg between every two nodes of a level.
#[allow(clippy::too_many_arguments)]
fn best_steps(
    prepared: &[Option<Prepared>],
    nodes: &[Option<Node>],
    links: &[Link],
    cost: Cost,
    goal: usize,
    goal_mask: &[bool],
    goal_level: usize,
    start_level: usize,
    barred: Option<usize>,
) -> Option<(Vec<Step>, f64)> {
    let n = goal + 1;
    // The legs found from each node: (node reached, cost, path).
    let mut legs: Vec<Vec<(usize, f64, GridPath)>> = (0..n).map(|_| Vec::new()).collect();
    let mut dist = vec![f64::INFINITY; n];
    let mut prev: Vec<Option<(usize, Option<usize>)>> = vec![None; n];
    let mut done = vec![false; n];
    dist[0] = 0.0;
    loop {
        let u = (0..n)
            .filter(|&i| !done[i] && dist[i].is_finite())
            .min_by(|&a, &b| dist[a].total_cmp(&dist[b]))?;
        if u == goal {
            break;
        }
        done[u] = true;
        let a = nodes[u].expect("a node reached has a place");
        let p = prepared[a.level]
            .as_ref()
            .expect("a node's level has a grid");
        let targets: Vec<usize> = (1..goal)
            .filter(|&v| v != u && !done[v] && nodes[v].is_some_and(|b| b.level == a.level))
            .collect();
        let cells: Vec<usize> = targets
            .iter()
            .map(|&v| nodes[v].expect("a target has a place").cell)
            .collect();
        let to_goal = a.level == goal_level;
        if !targets.is_empty() || to_goal {
            // Past this, a leg cannot beat the goal's route found so far (with
            // room for rounding: a search that goes a little further is only
            // slower).
            let bound = if dist[goal].is_finite() {
                dist[goal] - dist[u] + 1e-9 * dist[goal].abs().max(1.0)
            } else {
                f64::INFINITY
            };
            let found = search_with(
                p,
                cost,
                &Seek {
                    source: a.cell,
                    goal: to_goal.then_some(goal_mask),
                    target: None,
                    cells: &cells,
                    bound,
                    barred: barred.filter(|_| a.level == start_level),
                },
            );
            let reached = targets
                .iter()
                .zip(found.cells)
                .filter_map(|(&v, path)| Some((v, path?)))
                .chain(found.goal.map(|path| (goal, path)));
            for (v, path) in reached {
                let c = *path.dist.last().expect("a path has cells");
                if better(dist[u] + c, dist[v]) {
                    dist[v] = dist[u] + c;
                    prev[v] = Some((u, Some(legs[u].len())));
                }
                legs[u].push((v, c, path));
            }
        }
        if u > 0 {
            let k = (u - 1) / 2;
            let other = if u % 2 == 1 { u + 1 } else { u - 1 };
            if let Some(b) = nodes[other] {
                let p = prepared[b.level]
                    .as_ref()
                    .expect("a node's level has a grid");
                let c = link_cost(p, cost, &links[k], b.cell);
                if better(dist[u] + c, dist[other]) {
                    dist[other] = dist[u] + c;
                    prev[other] = Some((u, None));
                }
            }
        }
    }
    // Back from the goal.
    let mut order = Vec::new();
    let mut v = goal;
    while let Some((u, leg)) = prev[v] {
        order.push((u, v, leg));
        v = u;
    }
    order.reverse();
    let mut steps = Vec::new();
    for (u, v, leg) in order {
        match leg {
            Some(k) => {
                // A shortest route passes each node once: each node's legs
                // are taken from at most once.
                let (_, _, path) = legs[u].swap_remove(k);
                steps.push(Step::Leg {
                    from: u,
                    to: v,
                    path,
                });
            }
            None => steps.push(Step::Cross {
                connection: (u - 1) / 2,
                forward: u % 2 == 1,
            }),
        }
    }
    Some((steps, dist[goal]))
}

/// True when `cost` beats `best` by more than rounding: a route through
/// another node of the same level at the same cost (a window's end on the
/// facade the route walks along anyway) stays one leg, not several.
fn better(cost: f64, best: f64) -> bool {
    if best.is_infinite() {
        return cost < best;
    }
    cost < best - 1e-9 * best.abs().max(1.0)
}

/// The cost of going through a connection under `cost`, arriving at `cell` of
/// the level reached (prepared as `p`).
fn link_cost(p: &Prepared, cost: Cost, link: &Link, cell: usize) -> f64 {
    match cost {
        Cost::Exposure => link.duration_s * p.speed,
        Cost::Time => link.duration_s,
        Cost::Detection(lambda) => lambda * link.duration_s + p.cell_watch_cost[cell],
    }
}

/// Measures each leg on its level and lays the legs and connections end to
/// end.
#[allow(clippy::too_many_arguments)]
fn measure_site(
    site: &Site,
    prepared: &[Option<Prepared>],
    nodes: &[Option<Node>],
    links: &[Link],
    prefix: &Polyline,
    name: String,
    cost: Cost,
    steps: Vec<Step>,
    target: usize,
) -> SiteMeasured {
    let levels = site.levels();
    let scenario = site.scenario();
    let goal = goal_node(links.len());
    let node = |i: usize| nodes[i].expect("a route's node has a place");
    let mut legs: Vec<(usize, Measured, Polyline)> = Vec::new();
    let mut path_legs: Vec<Leg> = Vec::new();
    let mut passages: Vec<ConnectionPassage> = Vec::new();
    let (mut time_offset, mut arc_offset) = (Vec::new(), Vec::new());
    // Time and distance along the whole route so far.
    let (mut now, mut arc) = (0.0, 0.0);
    for step in steps {
        match step {
            Step::Leg { from, to, path } => {
                let a = node(from);
                let p = prepared[a.level]
                    .as_ref()
                    .expect("a node's level has a grid");
                let start = if from == 0 {
                    Polyline {
                        points: prefix.points.clone(),
                        crossings: prefix.crossings.clone(),
                    }
                } else {
                    Polyline {
                        points: vec![a.at],
                        crossings: Vec::new(),
                    }
                };
                let mut line = polyline(p, cost, &start, &path);
                // The connection's place itself, not its cell's centre, without
                // a segment of no length.
                if from != 0 && line.points.len() > 1 && line.points[1] == line.points[0] {
                    line.points.remove(0);
                    for c in &mut line.crossings {
                        c.0 -= 1;
                    }
                }
                if to != goal {
                    let b = node(to);
                    if line.points.last() != Some(&b.at) {
                        line.points.push(b.at);
                    }
                }
                let m = measure(p, name.clone(), &line, (to == goal).then_some(target));
                let shift = |s: &Stretch| Stretch {
                    from_m: s.from_m + arc,
                    to_m: s.to_m + arc,
                    cameras: s.cameras.clone(),
                };
                path_legs.push(Leg {
                    level: levels[a.level].id.clone(),
                    level_name: levels[a.level].name.clone(),
                    points: line.points.clone(),
                    length_m: m.report.length_m,
                    start_m: arc,
                    start_s: now,
                    seen_m: m.report.seen_m,
                    seen_stretches: m.report.seen_stretches.iter().map(shift).collect(),
                    openings: m
                        .report
                        .openings
                        .iter()
                        .map(|o| Passage {
                            at_m: o.at_m + arc,
                            time_s: o.time_s + now,
                            ..o.clone()
                        })
                        .collect(),
                });
                time_offset.push(now);
                arc_offset.push(arc);
                now += m.timing.arrival();
                arc += m.report.length_m;
                legs.push((a.level, m, line));
            }
            Step::Cross {
                connection,
                forward,
            } => {
                let c = &scenario.connections[connection];
                let (u, v) = if forward {
                    (1 + 2 * connection, 2 + 2 * connection)
                } else {
                    (2 + 2 * connection, 1 + 2 * connection)
                };
                let (a, b) = (node(u), node(v));
                let link = &links[connection];
                passages.push(ConnectionPassage {
                    connection: c.id.clone(),
                    kind: c.kind,
                    from_level: levels[a.level].id.clone(),
                    from: a.at,
                    to_level: levels[b.level].id.clone(),
                    to: b.at,
                    at_m: arc,
                    time_s: now,
                    length_m: link.length_m,
                    duration_s: link.duration_s,
                    after_leg: path_legs.len() - 1,
                });
                now += link.duration_s;
                arc += link.length_m;
            }
        }
    }
    let n = legs.len();
    // The variance of everything after each leg (its delays, the asset's).
    let leg_var: Vec<f64> = legs
        .iter()
        .map(|(_, m, _)| m.timing.var_from_vertex(0))
        .collect();
    let later_var: Vec<f64> = (0..n).map(|k| leg_var[k + 1..].iter().sum()).collect();
    let mut timed: Vec<(usize, Event)> = Vec::new();
    let mut camera_first: Vec<Vec<Option<(f64, Point, f64)>>> = site
        .sessions()
        .iter()
        .map(|s| vec![None; s.scenario().cameras.len()])
        .collect();
    for (k, (l, m, _)) in legs.iter().enumerate() {
        for e in &m.events {
            timed.push((
                *l,
                Event {
                    time: e.time + time_offset[k],
                    var: e.var + later_var[k],
                    ..e.clone()
                },
            ));
        }
        for (slot, first) in camera_first[*l].iter_mut().zip(&m.camera_first) {
            if slot.is_none()
                && let Some((t, at, var)) = *first
            {
                *slot = Some((t + time_offset[k], at, var + later_var[k]));
            }
        }
    }
    crate::sorting::by_key(&mut timed, |(_, e)| e.time);
    let (event_levels, events): (Vec<usize>, Vec<Event>) = timed.into_iter().unzip();
    let (_, last, _) = legs.last().expect("a route has a leg");
    let arrival = time_offset[n - 1] + last.timing.arrival();
    let total = time_offset[n - 1] + last.total;
    let seen_m: f64 = legs.iter().map(|(_, m, _)| m.report.seen_m).sum();
    let first_seen = legs.iter().enumerate().find_map(|(k, (_, m, _))| {
        let by = m.report.first_seen_by.clone()?;
        Some((
            arc_offset[k] + m.report.unseen_before_first_seen_m,
            time_offset[k] + m.report.unseen_before_first_seen_s,
            by,
        ))
    });
    let (before_m, before_s, first_by, first_to_asset) = match first_seen {
        Some((m, s, by)) => (m, s, Some(by), Some(arrival - s)),
        None => (arc, arrival, None, None),
    };
    let path = SitePath {
        name,
        legs: path_legs,
        connections: passages,
        length_m: arc,
        time_to_asset_s: arrival,
        total_time_s: total,
        seen_m,
        unseen_m: (arc - seen_m).max(0.0),
        unseen_before_first_seen_m: before_m,
        unseen_before_first_seen_s: before_s,
        first_seen_by: first_by,
        first_seen_to_asset_s: first_to_asset,
        detections: Vec::new(),
        first_detecting_element: events.first().map(|e| e.element.clone()),
        p_interruption: None,
        critical_point: None,
    };
    SiteMeasured {
        path,
        events,
        event_levels,
        camera_first,
        total,
        legs,
        time_offset,
        later_var,
    }
}

/// Fills in P(I) over the whole route, its terms and the critical point.
fn finish_site(site: &Site, m: &mut SiteMeasured, response: Option<&ResponseForce>) {
    let levels = site.levels();
    let result = response.map(|r| (r, easi_of(&m.events, m.total, r)));
    m.path.detections = m
        .events
        .iter()
        .zip(&m.event_levels)
        .enumerate()
        .map(|(i, (e, &l))| SiteDetection {
            level: levels[l].id.clone(),
            detection: DetectionPoint {
                element: e.element.clone(),
                kind: e.kind.clone(),
                p_detect: e.p,
                at: e.at,
                time_s: e.time,
                remaining_s: m.total - e.time,
                p_first: result.as_ref().map(|(_, r)| r.terms[i].p_first),
                p_in_time: result.as_ref().map(|(_, r)| r.terms[i].p_in_time),
            },
        })
        .collect();
    let Some((r, res)) = result else { return };
    m.path.p_interruption = Some(res.p_interruption);
    let t = (m.total - r.mean_s).max(0.0);
    let n = m.legs.len();
    for (k, (l, lm, line)) in m.legs.iter().enumerate() {
        if t < m.time_offset[k] {
            // Inside the connection before this leg: at its start.
            let c = m
                .path
                .connections
                .iter()
                .rev()
                .find(|c| c.time_s <= t)
                .expect("a leg after the first follows a connection");
            m.path.critical_point = Some(SiteCriticalPoint {
                level: c.from_level.clone(),
                point: CriticalPoint {
                    at: c.from,
                    at_m: c.at_m,
                    time_s: t,
                },
                in_connection: Some(c.connection.clone()),
            });
            return;
        }
        if t <= m.time_offset[k] + lm.timing.arrival() || k == n - 1 {
            let (at, at_m) = point_at_time(&lm.timing, &line.points, t - m.time_offset[k]);
            m.path.critical_point = Some(SiteCriticalPoint {
                level: levels[*l].id.clone(),
                point: CriticalPoint {
                    at,
                    at_m: m.path.legs[k].start_m + at_m,
                    time_s: t,
                },
                in_connection: None,
            });
            return;
        }
    }
}

/// The lowest P(I) over the candidates after `edit` changes each one's
/// detection opportunities (given its index and measures).
fn lowest_site(
    measured: &[SiteMeasured],
    response: &ResponseForce,
    edit: &dyn Fn(usize, &SiteMeasured, &mut Vec<Event>),
) -> f64 {
    measured
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mut events = m.events.clone();
            edit(k, m, &mut events);
            crate::sorting::by_key(&mut events, |e| e.time);
            easi_of(&events, m.total, response).p_interruption
        })
        .fold(f64::INFINITY, f64::min)
}

/// The single changes of a route on one level ([`super::suggest`]) over the
/// whole site: a camera of any level watched live or given analytics, a
/// contact on the opening the route starts from, a camera of that opening's
/// level turned to face it.
fn suggest_site(
    site: &Site,
    measured: &[SiteMeasured],
    start_opening: Option<(usize, usize)>,
    response: &ResponseForce,
) -> Vec<Change> {
    let detection = &site.scenario().settings.security.camera_detection;
    let mut out = Vec::new();
    for (l, session) in site.sessions().iter().enumerate() {
        let scenario = session.scenario();
        for (i, camera) in scenario.cameras.iter().enumerate() {
            let Some(new) = upgrade(scenario.camera_use(camera)) else {
                continue;
            };
            if !measured.iter().any(|m| m.camera_first[l][i].is_some()) {
                continue;
            }
            let pd = detection.of(new);
            let id = camera.id.clone();
            let low = lowest_site(measured, response, &|_, m, events| {
                events.retain(|e| e.element != id);
                if let Some((time, at, var)) = m.camera_first[l][i] {
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
    }
    if let Some((sl, w)) = start_opening {
        let session = &site.sessions()[sl];
        let scenario = session.scenario();
        let wall = &scenario.plan.walls[w];
        // A contact on the opening (on the first leg): detects at the end of
        // forcing it.
        let low = lowest_site(measured, response, &|_, m, events| {
            let (_, lm, line) = &m.legs[0];
            if let Some(&(v, _)) = line.crossings.iter().find(|&&(_, x)| x == w) {
                events.push(Event {
                    element: "suggested contact".to_string(),
                    kind: "contact".to_string(),
                    p: SUGGESTED_CONTACT_P,
                    at: line.points[v],
                    time: lm.timing.time[v] + lm.timing.delay[v].mean_s,
                    var: lm.timing.var_from_vertex(v) - lm.timing.delay[v].variance()
                        + m.later_var[0],
                });
            }
        });
        out.push(Change {
            description: contact_description(&wall.id),
            p_interruption: low,
        });
        // A camera of the opening's level turned to face it: it first sees the
        // route on the first leg on that level it sees.
        for Turned {
            camera,
            heading,
            view,
            usage,
            new_use,
        } in turned_to(session, w)
        {
            let camera = &scenario.cameras[camera];
            let pd = detection.of(new_use);
            let id = camera.id.clone();
            let firsts: Vec<Option<(f64, Point, f64)>> = measured
                .iter()
                .map(|m| {
                    m.legs
                        .iter()
                        .enumerate()
                        .filter(|(_, (l, _, _))| *l == sl)
                        .find_map(|(k, (_, lm, line))| {
                            first_entry(&view, &line.points).map(|(s, t, _)| {
                                (
                                    lm.timing.at(s, t) + m.time_offset[k],
                                    line.points[s].lerp(line.points[s + 1], t),
                                    lm.timing.var_after_segment(s) + m.later_var[k],
                                )
                            })
                        })
                })
                .collect();
            let low = lowest_site(measured, response, &|k, _, events| {
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

/// What a route across levels assumes: as on one level (over the whole
/// site's cameras, the openings the candidates pass and the asset), and the
/// connections passed that state no time.
fn site_assumptions(
    site: &Site,
    measured: &[SiteMeasured],
    links: &[Link],
    tl: usize,
    target: usize,
) -> Vec<String> {
    let scenario = site.scenario();
    let sessions = site.sessions();
    let global_wall = |l: usize, w: usize| {
        let id = &sessions[l].scenario().plan.walls[w].id;
        scenario.plan.walls.iter().position(|x| &x.id == id)
    };
    let mut walls: Vec<usize> = measured
        .iter()
        .flat_map(|m| m.legs.iter())
        .flat_map(|(l, _, line)| line.crossings.iter().map(move |&(_, w)| (*l, w)))
        .filter_map(|(l, w)| global_wall(l, w))
        .collect();
    walls.sort_unstable();
    walls.dedup();
    let zone = &sessions[tl].scenario().plan.zones[target].id;
    let target = scenario
        .plan
        .zones
        .iter()
        .position(|z| &z.id == zone)
        .expect("a level's zone is the site's");
    let mut out = assumptions(scenario, &walls, target);
    let mut used: Vec<usize> = measured
        .iter()
        .flat_map(|m| m.path.connections.iter())
        .filter_map(|c| {
            scenario
                .connections
                .iter()
                .position(|x| x.id == c.connection)
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    let walking = out.pop();
    for k in used {
        let c = &scenario.connections[k];
        if c.time_s.is_none() {
            out.push(format!(
                "connection \"{}\" states no time (time_s): taken as walking its {:.1} m (the straight line between its places, elevations included)",
                c.id, links[k].length_m
            ));
        }
    }
    out.push(
        "cameras see their own level only: a stair or lift is watched at its ends on each level, not inside"
            .to_string(),
    );
    out.extend(walking);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::{GeneratorOptions, generate_site};
    use crate::scenario::ZoneKind;

    /// The best route's cost as the searches were first made (the reference):
    /// one A* from every node to every other node of its level and one to the
    /// goal, then Dijkstra over the whole graph of legs and connections.
    fn pairwise_cost(set: &Setup, cost: Cost) -> Option<f64> {
        let goal = set.goal();
        let tp = set.prepared[set.tl].as_ref().expect("the goal's level");
        let zone = &tp.session.scenario().plan.zones[set.target];
        let (goal_mask, goal_box) = goal_cells(&tp.grid, zone);
        let barred = set.opening.map(|(w, _)| w);
        let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); goal + 1];
        for (u, a) in set.nodes.iter().enumerate() {
            let Some(a) = a else { continue };
            let p = set.prepared[a.level].as_ref().expect("a grid");
            let barred = barred.filter(|_| a.level == set.sl);
            for (v, b) in set.nodes.iter().enumerate().skip(1) {
                let Some(b) = b else { continue };
                if v == u || b.level != a.level {
                    continue;
                }
                let mut mask = vec![false; p.grid.cells()];
                mask[b.cell] = true;
                let c = p.grid.center(b.cell);
                let bx = Bounds { min: c, max: c };
                if let Some(path) = search(p, cost, a.cell, &mask, &bx, barred) {
                    edges[u].push((v, *path.dist.last().expect("cells")));
                }
            }
            if a.level == set.tl
                && let Some(path) = search(p, cost, a.cell, &goal_mask, &goal_box, barred)
            {
                edges[u].push((goal, *path.dist.last().expect("cells")));
            }
            if u > 0 {
                let other = if u % 2 == 1 { u + 1 } else { u - 1 };
                if let Some(b) = set.nodes[other] {
                    let p = set.prepared[b.level].as_ref().expect("a grid");
                    edges[u].push((other, link_cost(p, cost, &set.links[(u - 1) / 2], b.cell)));
                }
            }
        }
        let mut dist = vec![f64::INFINITY; goal + 1];
        let mut done = vec![false; goal + 1];
        dist[0] = 0.0;
        while let Some(u) = (0..=goal)
            .filter(|&i| !done[i] && dist[i].is_finite())
            .min_by(|&a, &b| dist[a].total_cmp(&dist[b]))
        {
            done[u] = true;
            for &(v, c) in &edges[u] {
                dist[v] = dist[v].min(dist[u] + c);
            }
        }
        dist[goal].is_finite().then_some(dist[goal])
    }

    /// On generated sites of four levels (the quay, three floors joined by a
    /// stair and a lift, ground-floor windows onto the approach), from a
    /// point on the quay and from inside the top floor, to display cases on
    /// each floor: the searches as they settle the nodes give the reference's
    /// cost under every cost the route minimises.
    #[test]
    fn one_search_per_node_costs_what_a_search_per_pair_does() {
        let mut compared = 0;
        for seed in [1, 2] {
            let site = Site::new(
                generate_site(
                    &GeneratorOptions {
                        wall_segments: 900,
                        cameras: 40,
                        seed,
                        mounted: false,
                    },
                    4,
                ),
                Default::default(),
            )
            .expect("prepares");
            let zones = &site.scenario().plan.zones;
            let cases = |level: &str| {
                zones
                    .iter()
                    .filter(|z| z.kind == ZoneKind::Asset && z.level.as_deref() == Some(level))
                    .map(|z| z.id.clone())
                    .collect::<Vec<_>>()
            };
            let mut goals = Vec::new();
            for level in ["ground", "floor-1", "floor-2"] {
                let c = cases(level);
                assert!(!c.is_empty(), "cases on {level}");
                goals.push(c[0].clone());
                goals.push(c[c.len() - 1].clone());
            }
            let starts = [
                SiteStart::Point {
                    level: "site".to_string(),
                    at: Point::new(3.0, -12.0),
                },
                SiteStart::Point {
                    level: "floor-2".to_string(),
                    at: Point::new(7.0, 3.0),
                },
                // Outside a first-floor window (a balcony): that window is
                // barred to the legs on its level after it.
                SiteStart::Opening("floor-1-window-1".to_string()),
            ];
            let options = RouteOptions {
                resolution_m: 0.5,
                ..RouteOptions::default()
            };
            for start in &starts {
                for to in &goals {
                    let set = setup(&site, start, to, &options).expect("sets up");
                    for (name, cost) in searches() {
                        let (steps, got) = set.best(cost).expect("reachable");
                        let want = pairwise_cost(&set, cost).expect("reachable");
                        assert!(
                            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                            "{name} from {start:?} to {to}: {got} != {want}"
                        );
                        assert!(!steps.is_empty());
                        compared += 1;
                    }
                }
            }
        }
        assert_eq!(compared, 2 * 3 * 6 * searches().len());
    }
}
