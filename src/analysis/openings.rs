//! The opening audit: for every exterior opening (and any opening that states a
//! requirement), which cameras see it, how much of its width, at what density,
//! from which side, and whether it is watched as required.
//!
//! An opening is a wall line, and a view stops at an opaque one, so the opening
//! itself lies on the boundary of the views that see it. What a camera sees of
//! an opening is therefore measured on two lines just off it, one on each side
//! ([`SIDE_OFFSET_M`]): the floor where a person at the opening stands.

use super::sight::{self, Intervals};
use super::{Context, MET_FRACTION, OpeningPlan};
use crate::geometry::{Point, segment_distance_squared};
use crate::scenario::{DensityLevel, Scenario, Wall, WallKind};
use crate::view::View;
use serde::Serialize;

/// How far from an opening a person at it stands, for what cameras see of it
/// (5 cm: well inside the room, well short of anything beyond a wall).
pub const SIDE_OFFSET_M: f64 = 0.05;

/// Whether an opening is watched as required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OpeningStatus {
    /// No camera sees any of it.
    Unseen,
    /// Seen, but not over its whole width by enough cameras at the required level.
    Below,
    /// Seen over its whole width by enough cameras at the required level.
    Met,
}

/// What one camera sees of one side of an opening.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SideSeen {
    /// "outside", "inside", or the zone id on that side of an opening between
    /// two rooms.
    pub side: String,
    /// Width it sees at any density, m.
    pub width_m: f64,
    /// That width over the opening's width, 0..1.
    pub fraction: f64,
    /// The densest level at which it sees all of that width (none for cameras
    /// without a resolution, or when even the sparsest level falls short).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Width it sees at the opening's required level, m (its seen width when no
    /// level is required).
    pub required_width_m: f64,
}

/// What one camera sees of an opening, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpeningCamera {
    pub id: String,
    /// Index of the camera in the scenario.
    pub index: usize,
    /// The sides it sees, the approach side first.
    pub sides: Vec<SideSeen>,
    /// True when it sees the approach side (it counts for the requirement).
    pub sees_approach: bool,
}

/// One audited opening. Its requirement is judged on its approach: the outside
/// of an exterior opening (an intruder seen coming, and while forcing it, not
/// only once in), either side of an opening between rooms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpeningAudit {
    pub id: String,
    pub kind: WallKind,
    pub exterior: bool,
    /// Length of the opening, m.
    pub width_m: f64,
    /// Its middle, for zooming to it.
    pub at: Point,
    /// The side the requirement is judged on: "outside", or "either side".
    pub approach: String,
    /// The level it must be seen at (none: seen at any density).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// Cameras that must see it at that level.
    pub required_cameras: u32,
    pub status: OpeningStatus,
    /// Width of the approach seen by at least one camera, m.
    pub seen_width_m: f64,
    /// Width of the approach seen by at least `required_cameras` cameras at the
    /// required level, m.
    pub watched_width_m: f64,
    /// Most cameras seeing any one point of the approach at the required level.
    pub most_cameras: usize,
    /// Cameras seeing the other side only (an intruder seen once in).
    pub seen_from_other_side_by: Vec<String>,
    /// The cameras that see it, those seeing the approach first, most of its
    /// width first.
    pub cameras: Vec<OpeningCamera>,
}

impl OpeningAudit {
    /// True when it is watched as required.
    pub fn met(&self) -> bool {
        self.status == OpeningStatus::Met
    }
}

/// A camera whose view misses the audited opening nearest to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissedOpening {
    pub camera: String,
    pub opening: String,
    /// Distance from the camera to the opening, m.
    pub distance_m: f64,
}

/// An opening prepared for auditing: its segments and the two offset lines.
#[derive(Debug)]
pub(super) struct Probe {
    pub wall: usize,
    /// Per segment: its length and the offset lines on each side (left, right
    /// of the path's direction).
    pub segments: Vec<(f64, [(Point, Point); 2])>,
    /// Side labels (left, right).
    pub sides: [String; 2],
    /// Which sides are the approach.
    pub approach: [bool; 2],
    /// The zone found on each side (left, right), exterior ones included.
    pub zones: [Option<usize>; 2],
}

impl Probe {
    pub fn width(&self) -> f64 {
        self.segments.iter().fold(0.0, |total, s| total + s.0)
    }

    /// Width (m) covered by per-segment intervals. Sums start from +0 (not
    /// `Iterator::sum`'s -0), so a width nothing covers reads 0, not -0.
    pub fn width_of(&self, per_segment: &[Intervals]) -> f64 {
        self.segments
            .iter()
            .zip(per_segment)
            .fold(0.0, |total, (s, iv)| total + s.0 * sight::measure(iv))
    }
}

/// The walls the audit covers: exterior openings, and openings that state a
/// requirement.
pub(super) fn audited(wall: &Wall) -> bool {
    wall.is_opening()
        && (wall.exterior
            || wall.security.required_level.is_some()
            || wall.security.required_cameras.is_some())
}

/// Offset lines and side labels of an opening.
pub(super) fn probe(plan: &OpeningPlan, scenario: &Scenario, index: usize) -> Probe {
    let wall = &scenario.plan.walls[index];
    let mut segments = Vec::new();
    let mut normals = Vec::new();
    for w in wall.path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = a.distance(b);
        if len == 0.0 {
            continue;
        }
        let d = (b - a).scale(1.0 / len);
        let left = Point::new(-d.y, d.x);
        let off = left.scale(SIDE_OFFSET_M);
        normals.push((a.lerp(b, 0.5), left));
        segments.push((len, [(a + off, b + off), (a - off, b - off)]));
    }
    // A side's zone: the highest-priority zone found nearest the opening on
    // that side (the one side search, as for wall cameras), exterior zones
    // counting as outside.
    let zone_on = |sign: f64| -> Option<usize> {
        crate::mounting::side_search(|_, dist| {
            normals
                .iter()
                .flat_map(|&(mid, n)| plan.zones_at(mid + n.scale(sign * dist)))
                .max_by(|&a, &b| {
                    let (za, zb) = (&scenario.plan.zones[a], &scenario.plan.zones[b]);
                    za.priority.total_cmp(&zb.priority).then(b.cmp(&a))
                })
        })
    };
    let inside = |z: Option<usize>| {
        z.filter(|&z| scenario.plan.zones[z].kind != crate::scenario::ZoneKind::Exterior)
    };
    let zones = [zone_on(1.0), zone_on(-1.0)];
    let (l, r) = (inside(zones[0]), inside(zones[1]));
    let mut sides = match (l, r) {
        (Some(a), Some(b)) if a != b => [
            scenario.plan.zones[a].id.clone(),
            scenario.plan.zones[b].id.clone(),
        ],
        (Some(_), Some(_)) | (None, None) => ["left".to_string(), "right".to_string()],
        (Some(_), None) => ["inside".to_string(), "outside".to_string()],
        (None, Some(_)) => ["outside".to_string(), "inside".to_string()],
    };
    if !wall.exterior && sides.contains(&"outside".to_string()) {
        // An interior opening next to no zone: name the sides plainly.
        sides = sides.map(|s| {
            if s == "outside" {
                "open side".to_string()
            } else {
                s
            }
        });
    }
    let approach = if wall.exterior && sides.iter().any(|s| s == "outside") {
        [sides[0] == "outside", sides[1] == "outside"]
    } else {
        [true, true]
    };
    Probe {
        wall: index,
        segments,
        sides,
        approach,
        zones,
    }
}

/// What opening `wall` must have: the level it must be seen at (its own, else
/// the settings'), that level's index in `levels`, and how many cameras.
pub(super) fn requirement(
    scenario: &Scenario,
    levels: &[DensityLevel],
    wall: usize,
) -> (Option<String>, Option<usize>, u32) {
    let wall = &scenario.plan.walls[wall];
    let settings = &scenario.settings.security;
    let required_level = wall
        .security
        .required_level
        .clone()
        .or_else(|| settings.opening_required_level.clone());
    let level_index = required_level
        .as_ref()
        .and_then(|name| levels.iter().position(|l| &l.name == name));
    let required_cameras = wall
        .security
        .required_cameras
        .unwrap_or(settings.opening_required_cameras);
    (required_level, level_index, required_cameras)
}

/// Per segment, where one view sees the opening's approach at `level` (any
/// density when none): what counts for its requirement, as the audit counts it.
pub(super) fn approach_seen(probe: &Probe, view: &View, level: Option<usize>) -> Vec<Intervals> {
    let sides = match level {
        Some(l) => seen_sides(probe, |a, b| sight::seen_at_level(view, l, a, b)),
        None => seen_sides(probe, |a, b| sight::seen(view, a, b)),
    };
    on_approach(probe, &sides)
}

/// Per side, per segment, where a view sees the opening: `at` picks the region
/// (the whole view or one density band).
fn seen_sides(probe: &Probe, at: impl Fn(Point, Point) -> Intervals) -> [Vec<Intervals>; 2] {
    [0, 1].map(|k| {
        probe
            .segments
            .iter()
            .map(|(_, lines)| at(lines[k].0, lines[k].1))
            .collect()
    })
}

/// The union over the approach sides.
fn on_approach(probe: &Probe, sides: &[Vec<Intervals>; 2]) -> Vec<Intervals> {
    (0..probe.segments.len())
        .map(|s| {
            sight::union(
                (0..2)
                    .filter(|&k| probe.approach[k])
                    .map(|k| sides[k][s].clone()),
            )
        })
        .collect()
}

/// The width of the opening seen by at least `n` of the cameras' interval sets.
fn width_seen_by(probe: &Probe, sets: &[Vec<Intervals>], n: usize) -> (f64, usize) {
    let mut width = 0.0;
    let mut most = 0;
    for (s, (len, _)) in probe.segments.iter().enumerate() {
        let mut events: Vec<(f64, i32)> = Vec::new();
        for set in sets {
            for &(a, b) in &set[s] {
                events.push((a, 1));
                events.push((b, -1));
            }
        }
        crate::sorting::by(&mut events, |x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let (mut count, mut last) = (0i32, 0.0);
        for (t, step) in events {
            if count >= 0 && count as usize >= n {
                width += (t - last) * len;
            }
            count += step;
            most = most.max(count.max(0) as usize);
            last = t;
        }
    }
    (width, most)
}

/// Audits one opening against the current views (leaving out camera
/// `skip_camera`, to see what its failure costs).
pub(super) fn audit_opening(
    cx: &Context,
    probe: &Probe,
    skip_camera: Option<usize>,
) -> OpeningAudit {
    let scenario = cx.scenario();
    let wall = &scenario.plan.walls[probe.wall];
    let (required_level, level_index, required_cameras) =
        requirement(scenario, cx.levels(), probe.wall);
    let width = probe.width();
    let fraction = |w: f64| if width > 0.0 { w / width } else { 0.0 };
    let mut cameras = Vec::new();
    let mut required_sets = Vec::new();
    let mut seen_sets = Vec::new();
    for (i, view) in cx.session.views().iter().enumerate() {
        if Some(i) == skip_camera || view.ring.len() < 3 || !cx.near(i, probe) {
            continue;
        }
        let seen = seen_sides(probe, |a, b| sight::seen(view, a, b));
        let seen_width = seen.clone().map(|s| probe.width_of(&s));
        if seen_width.iter().all(|&w| w <= 0.0) {
            continue;
        }
        let bands: Vec<[Vec<Intervals>; 2]> = (0..cx.levels().len())
            .map(|l| seen_sides(probe, |a, b| sight::seen_at_level(view, l, a, b)))
            .collect();
        let mut sides = Vec::new();
        for k in 0..2 {
            if seen_width[k] <= 0.0 {
                continue;
            }
            // The densest level holding all of what it sees on this side.
            let level = bands
                .iter()
                .position(|b| probe.width_of(&b[k]) >= seen_width[k] * MET_FRACTION)
                .map(|l| cx.levels()[l].name.clone());
            let required_width = match level_index {
                Some(l) => probe.width_of(&bands[l][k]),
                None => seen_width[k],
            };
            sides.push((
                !probe.approach[k],
                SideSeen {
                    side: probe.sides[k].clone(),
                    width_m: seen_width[k],
                    fraction: fraction(seen_width[k]),
                    level,
                    required_width_m: required_width,
                },
            ));
        }
        crate::sorting::by(&mut sides, |a, b| a.0.cmp(&b.0));
        let sees_approach = sides.iter().any(|(other, _)| !other);
        let required = match level_index {
            Some(l) => on_approach(probe, &bands[l]),
            None => on_approach(probe, &seen),
        };
        required_sets.push(required);
        seen_sets.push(on_approach(probe, &seen));
        cameras.push(OpeningCamera {
            id: scenario.cameras[i].id.clone(),
            index: i,
            sides: sides.into_iter().map(|(_, s)| s).collect(),
            sees_approach,
        });
    }
    let (seen_width, _) = width_seen_by(probe, &seen_sets, 1);
    let (watched_width, most) = width_seen_by(probe, &required_sets, required_cameras as usize);
    let status = if seen_width <= 0.0 {
        OpeningStatus::Unseen
    } else if watched_width >= width * MET_FRACTION {
        OpeningStatus::Met
    } else {
        OpeningStatus::Below
    };
    let approach_width = |c: &OpeningCamera| -> (f64, f64) {
        c.sides
            .iter()
            .filter(|s| {
                probe
                    .sides
                    .iter()
                    .zip(probe.approach)
                    .any(|(n, a)| a && *n == s.side)
            })
            .fold((0.0, 0.0), |acc, s| {
                (acc.0.max(s.required_width_m), acc.1.max(s.width_m))
            })
    };
    crate::sorting::by(&mut cameras, |a, b| {
        let (ra, wa) = approach_width(a);
        let (rb, wb) = approach_width(b);
        b.sees_approach
            .cmp(&a.sees_approach)
            .then(rb.total_cmp(&ra))
            .then(wb.total_cmp(&wa))
            .then(a.index.cmp(&b.index))
    });
    OpeningAudit {
        id: wall.id.clone(),
        kind: wall.kind,
        exterior: wall.exterior,
        width_m: width,
        at: halfway(&wall.path),
        approach: if probe.approach == [true, true] {
            "either side".to_string()
        } else {
            "outside".to_string()
        },
        required_level,
        required_cameras,
        status,
        seen_width_m: seen_width,
        watched_width_m: watched_width,
        most_cameras: most,
        seen_from_other_side_by: cameras
            .iter()
            .filter(|c| !c.sees_approach)
            .map(|c| c.id.clone())
            .collect(),
        cameras,
    }
}

/// Audits every audited opening, riskiest first: unseen, then the least of
/// their width watched as required, then the fewest cameras.
pub(super) fn audit_openings(cx: &Context) -> Vec<OpeningAudit> {
    let mut out: Vec<OpeningAudit> = cx
        .probes()
        .iter()
        .map(|p| audit_opening(cx, p, None))
        .collect();
    crate::sorting::by(&mut out, |a, b| {
        a.status
            .cmp(&b.status)
            .then((a.watched_width_m / a.width_m).total_cmp(&(b.watched_width_m / b.width_m)))
            .then(a.most_cameras.cmp(&b.most_cameras))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// Cameras whose view misses the approach of the audited opening nearest to
/// them (within their range).
pub(super) fn missed_openings(cx: &Context, audits: &[OpeningAudit]) -> Vec<MissedOpening> {
    let scenario = cx.scenario();
    let mut out = Vec::new();
    for (i, camera) in scenario.cameras.iter().enumerate() {
        let Some(range) = scenario.optics(camera).range_m else {
            continue;
        };
        let nearest = cx
            .probes()
            .iter()
            .map(|p| {
                let wall = &scenario.plan.walls[p.wall];
                let d2 = wall
                    .path
                    .windows(2)
                    .map(|w| segment_distance_squared(w[0], w[1], camera.position))
                    .fold(f64::INFINITY, f64::min);
                (d2.sqrt(), wall)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let Some((distance, wall)) = nearest else {
            continue;
        };
        if distance > range {
            continue;
        }
        let sees = audits
            .iter()
            .find(|a| a.id == wall.id)
            .is_some_and(|a| a.cameras.iter().any(|c| c.index == i && c.sees_approach));
        if !sees {
            out.push(MissedOpening {
                camera: camera.id.clone(),
                opening: wall.id.clone(),
                distance_m: distance,
            });
        }
    }
    out
}

/// The point halfway along a polyline.
pub fn halfway(path: &[Point]) -> Point {
    let total: f64 = path.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total / 2.0;
    for w in path.windows(2) {
        let len = w[0].distance(w[1]);
        if len >= left && len > 0.0 {
            return w[0].lerp(w[1], left / len);
        }
        left -= len;
    }
    path.first().copied().unwrap_or_default()
}
