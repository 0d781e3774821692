//! What holds a camera up, and where a camera placed by hand goes.
//!
//! A camera hangs on a **wall** (a solid wall, `kind: "wall"`: doors, windows,
//! glass and railings hold none), on the side it faces: the interior side in a
//! room, the facade outside for an exterior camera; on a **pole**, only at the
//! scenario's `pole_sites` (each paid for once, at its stated cost); or from a
//! **ceiling**, only inside a room (a `room` zone, or an `asset` zone not out of
//! doors); anywhere else nothing holds it. The optimiser proposes cameras only where
//! [`mount_at`] finds a mount, and the page snaps a camera placed or dragged
//! near a wall onto it ([`place`]) and aims it into the room, or at the
//! nearest exterior opening or asset it can face.

use crate::geometry::predicates::segments_cross_properly;
use crate::geometry::{Point, Polygon, closest_on_segment, label_point};
use crate::plan::{IndexError, SegmentIndex};
use crate::scenario::{Scenario, WallKind, ZoneKind};
use serde::Serialize;

/// A camera this close to a solid wall hangs on it (a wall bracket's reach),
/// metres.
pub const BRACKET_REACH_M: f64 = 0.6;
/// A camera this close to a pole site hangs on its pole (a pole arm's
/// reach), metres.
pub const POLE_REACH_M: f64 = 0.3;
/// A camera placed or dragged this close to a solid wall snaps onto it, metres.
pub const SNAP_M: f64 = 1.0;
/// A new camera turns to an opening or asset at most this far off the wall's
/// normal, degrees (farther, the wall itself would fill the picture).
const AIM_OFF_NORMAL_DEG: f64 = 70.0;
/// Range assumed for aiming when the camera's model gives none, metres.
const DEFAULT_AIM_RANGE_M: f64 = 15.0;

/// How far out from a wall the zone on that side is looked for, nearest first,
/// metres: zones are often drawn a little off the walls (the museum wing's quay
/// starts 0.3 m off its facade), and a single probe just off the wall misses
/// them. The one side search ([`side_search`]): wall cameras' sides here, and
/// the security analysis's sides of an opening.
pub const SIDE_SEARCH_M: [f64; 5] = [0.05, 0.25, 0.5, 1.0, 2.0];

/// The side search: `probe` asked at each distance of [`SIDE_SEARCH_M`],
/// nearest first, with the distance's place in the list; the first answer.
pub fn side_search<T>(mut probe: impl FnMut(usize, f64) -> Option<T>) -> Option<T> {
    SIDE_SEARCH_M
        .iter()
        .enumerate()
        .find_map(|(k, &d)| probe(k, d))
}

/// The plan's zones and opaque walls, prepared for asking what lies beside a
/// wall and what is over a point: both indexed (static R-trees), so that each
/// question looks at the few zones and walls near it, not at all of them.
#[derive(Debug)]
pub struct Sides {
    zones: Vec<(Polygon, ZoneKind)>,
    /// The zones' boxes.
    zone_index: SegmentIndex,
    /// Opaque wall segments.
    walls: SegmentIndex,
}

impl Sides {
    /// Prepares the zones and opaque walls of `scenario`.
    ///
    /// # Errors
    /// Only the spatial index's (see [`SegmentIndex::new`]).
    pub fn new(scenario: &Scenario) -> Result<Sides, IndexError> {
        let zones: Vec<(Polygon, ZoneKind)> = scenario
            .plan
            .zones
            .iter()
            .map(|z| (z.shape(), z.kind))
            .collect();
        // Each zone's box, as the segment across it (the index boxes a
        // segment by its ends, so the box is exactly the zone's).
        let zone_index = SegmentIndex::new(
            zones
                .iter()
                .map(|(p, _)| {
                    let b = p.bounds();
                    if b.is_empty() {
                        // A zone with no points holds none.
                        (Point::new(0.0, 0.0), Point::new(0.0, 0.0))
                    } else {
                        (b.min, b.max)
                    }
                })
                .collect(),
            0.0,
        )?;
        let walls = SegmentIndex::new(
            scenario
                .plan
                .walls
                .iter()
                .filter(|w| w.blocks_sight())
                .flat_map(|w| w.path.windows(2).map(|s| (s[0], s[1])))
                .collect(),
            0.0,
        )?;
        Ok(Sides {
            zones,
            zone_index,
            walls,
        })
    }

    /// Calls `visit` with the index of every zone containing `p` (in no
    /// particular order).
    fn visit_zones_at(&self, p: Point, mut visit: impl FnMut(usize)) {
        self.zone_index.query(p, p, |z| {
            if self.zones[z].0.contains(p) {
                visit(z);
            }
        });
    }

    /// The lowest index of the zones containing `p`.
    fn first_zone_at(&self, p: Point) -> Option<usize> {
        let mut first: Option<usize> = None;
        self.visit_zones_at(p, |z| {
            if first.is_none_or(|f| z < f) {
                first = Some(z);
            }
        });
        first
    }

    /// True when `p` lies in some zone.
    pub fn in_zone(&self, p: Point) -> bool {
        self.first_zone_at(p).is_some()
    }

    /// True when `p` lies in an exterior zone.
    pub fn outdoors(&self, p: Point) -> bool {
        let mut out = false;
        self.visit_zones_at(p, |z| out |= self.zones[z].1 == ZoneKind::Exterior);
        out
    }

    /// The zone a camera on a wall at `p` looks into when it faces `out` (a
    /// unit vector): the first zone met at the distances of
    /// [`SIDE_SEARCH_M`] with no opaque wall between (the lowest index when
    /// several hold that point). None: no zone on that side.
    pub fn beside(&self, p: Point, out: Point) -> Option<usize> {
        side_search(|k, d| {
            let z = self.first_zone_at(p + out.scale(d))?;
            // Just off the wall nothing stands between.
            (k == 0 || self.clear(p, out, d)).then_some(z)
        })
    }

    /// True when no opaque wall crosses the way from `p` out along `out` for
    /// `d` metres. The way starts a millimetre off `p`, so that the wall at `p`
    /// (and walls meeting it there) do not count.
    pub fn clear(&self, p: Point, out: Point, d: f64) -> bool {
        let (from, to) = (p + out.scale(1e-3), p + out.scale(d));
        let mut crossed = false;
        self.walls.query(
            Point::new(from.x.min(to.x), from.y.min(to.y)),
            Point::new(from.x.max(to.x), from.y.max(to.y)),
            |i| {
                if !crossed {
                    let (a, b) = self.walls.segment(i);
                    crossed = segments_cross_properly(from, to, a, b);
                }
            },
        );
        !crossed
    }

    /// The kind of zone `z`.
    pub fn kind(&self, z: usize) -> ZoneKind {
        self.zones[z].1
    }

    /// The zones and their kinds.
    pub fn zones(&self) -> impl Iterator<Item = (&Polygon, ZoneKind)> {
        self.zones.iter().map(|(p, k)| (p, *k))
    }
}

/// What holds a camera.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mount {
    Wall,
    Ceiling,
    /// A pole at one of the plan's pole sites (paid for once, when first used).
    Pole,
}

/// The mount at a place, with what provides it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MountAt {
    /// None: nothing here can hold a camera.
    pub mount: Option<Mount>,
    /// The wall (its id) for a wall mount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wall: Option<String>,
    /// The room (zone id) for a ceiling mount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The pole site (its id) for a pole mount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pole: Option<String>,
    /// Distance to that wall, metres (wall mounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
}

/// A camera placed by hand: where it goes, where it looks, what holds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placed {
    pub position: Point,
    pub heading_deg: f64,
    /// True when it moved onto a wall.
    pub snapped: bool,
    #[serde(flatten)]
    pub at: MountAt,
    /// What it aims at: "room", "opening <id>", "asset <id>" or "as it was".
    pub aim: String,
    /// On a wall: straight out from it into the side the camera is on,
    /// degrees (a camera aimed more than 90° from this faces the wall).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_deg: Option<f64>,
}

/// A solid wall's segment nearest to `p`, within `reach`: (wall index, point
/// on it, unit direction of the segment, distance).
fn nearest_wall(scenario: &Scenario, p: Point, reach: f64) -> Option<(usize, Point, Point, f64)> {
    nearest_wall_where(scenario, p, reach, |_| true)
}

/// [`nearest_wall`] among the walls `keep` accepts.
fn nearest_wall_where(
    scenario: &Scenario,
    p: Point,
    reach: f64,
    keep: impl Fn(&crate::scenario::Wall) -> bool,
) -> Option<(usize, Point, Point, f64)> {
    let mut best: Option<(usize, Point, Point, f64)> = None;
    for (w, wall) in scenario.plan.walls.iter().enumerate() {
        if wall.kind != WallKind::Wall || !keep(wall) {
            continue;
        }
        for seg in wall.path.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            let len = (b - a).length();
            if len == 0.0 {
                continue;
            }
            let (t, d2) = closest_on_segment(a, b, p);
            let d = d2.sqrt();
            if d <= reach && best.is_none_or(|(.., bd)| d < bd) {
                best = Some((w, a.lerp(b, t), (b - a).scale(1.0 / len), d));
            }
        }
    }
    best
}

fn inside(zone: &crate::scenario::Zone, p: Point) -> bool {
    let shape = zone.shape();
    shape.bounds().contains(p) && shape.contains(p)
}

/// The room whose ceiling is over `p`: a room zone, or an asset zone that is
/// not out of doors.
fn room_over(scenario: &Scenario, p: Point) -> Option<usize> {
    let zones = &scenario.plan.zones;
    let outdoors = zones
        .iter()
        .any(|z| z.kind == ZoneKind::Exterior && inside(z, p));
    zones
        .iter()
        .position(|z| z.kind == ZoneKind::Room && inside(z, p))
        .or_else(|| {
            if outdoors {
                None
            } else {
                zones
                    .iter()
                    .position(|z| z.kind == ZoneKind::Asset && inside(z, p))
            }
        })
}

/// The pole site nearest to `p` within `reach`: its index and distance.
fn nearest_pole(scenario: &Scenario, p: Point, reach: f64) -> Option<(usize, f64)> {
    nearest_pole_where(scenario, p, reach, |_| true)
}

/// [`nearest_pole`] among the pole sites `keep` accepts.
fn nearest_pole_where(
    scenario: &Scenario,
    p: Point,
    reach: f64,
    keep: impl Fn(&crate::scenario::PoleSite) -> bool,
) -> Option<(usize, f64)> {
    scenario
        .pole_sites
        .iter()
        .enumerate()
        .filter(|(_, s)| keep(s))
        .map(|(i, s)| (i, s.position.distance(p)))
        .filter(|&(_, d)| d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
}

/// The pole site whose pole holds a camera at `p` (index into
/// `scenario.pole_sites`), if that is its mount.
pub fn pole_at(scenario: &Scenario, p: Point) -> Option<usize> {
    let (i, _) = nearest_pole(scenario, p, POLE_REACH_M)?;
    (nearest_wall(scenario, p, BRACKET_REACH_M).is_none()).then_some(i)
}

/// The pole site holding `camera` (index into `scenario.pole_sites`): as
/// [`pole_at`], among the pole sites and walls of the camera's own level (a
/// pole on the quay does not hold a camera at the same x, y on a floor above,
/// and a floor's wall does not hold one on the quay).
pub fn pole_of(scenario: &Scenario, camera: &crate::scenario::Camera) -> Option<usize> {
    if !scenario.has_several_levels() {
        return pole_at(scenario, camera.position);
    }
    let level = scenario.level_of(camera);
    let p = camera.position;
    let (i, _) = nearest_pole_where(scenario, p, POLE_REACH_M, |s| scenario.is_on(s, level))?;
    nearest_wall_where(scenario, p, BRACKET_REACH_M, |w| scenario.is_on(w, level))
        .is_none()
        .then_some(i)
}

/// What can hold a camera at `p`: a solid wall within [`BRACKET_REACH_M`],
/// else a pole site within [`POLE_REACH_M`], else a room's ceiling, else
/// nothing. (A wall is preferred to a pole: it costs nothing to put up.)
pub fn mount_at(scenario: &Scenario, p: Point) -> MountAt {
    let none = MountAt {
        mount: None,
        wall: None,
        zone: None,
        pole: None,
        distance_m: None,
    };
    if let Some((w, _, _, d)) = nearest_wall(scenario, p, BRACKET_REACH_M) {
        return MountAt {
            mount: Some(Mount::Wall),
            wall: Some(scenario.plan.walls[w].id.clone()),
            distance_m: Some(d),
            ..none
        };
    }
    if let Some((i, d)) = nearest_pole(scenario, p, POLE_REACH_M) {
        return MountAt {
            mount: Some(Mount::Pole),
            pole: Some(scenario.pole_sites[i].id.clone()),
            distance_m: Some(d),
            ..none
        };
    }
    match room_over(scenario, p) {
        Some(z) => MountAt {
            mount: Some(Mount::Ceiling),
            zone: Some(scenario.plan.zones[z].id.clone()),
            ..none
        },
        None => none,
    }
}

/// Whether a ceiling camera can hang at `p` (inside a room).
pub fn has_ceiling(scenario: &Scenario, p: Point) -> bool {
    room_over(scenario, p).is_some()
}

/// Whether wall `w` can hold a camera.
pub fn holds_cameras(scenario: &Scenario, w: usize) -> bool {
    scenario.plan.walls[w].kind == WallKind::Wall
}

/// Places to aim at within `range` of `near`: exterior openings (their
/// middles) and assets (their label points), with what to call them. An
/// asset's label point lies inside it, so an asset whose box is farther than
/// `range` is skipped before its label point is searched: that search is the
/// costly part, and a camera dragged in the page asks this on every frame.
fn aim_targets(scenario: &Scenario, near: Point, range: f64) -> Vec<(Point, String)> {
    let mut out: Vec<(Point, String)> = scenario
        .plan
        .walls
        .iter()
        .filter(|w| w.exterior && w.kind != WallKind::Wall)
        .filter_map(|w| {
            let (a, b) = (w.path.first()?, w.path.last()?);
            let middle = a.lerp(*b, 0.5);
            (middle.distance(near) <= range).then(|| (middle, format!("opening {}", w.id)))
        })
        .collect();
    out.extend(
        scenario
            .plan
            .zones
            .iter()
            .filter(|z| z.kind == ZoneKind::Asset && box_within(&z.polygon, near, range))
            .map(|z| (label_point(&z.shape()), format!("asset {}", z.id))),
    );
    out
}

/// Whether the box of `ring` comes within `range` of `p` (an empty ring:
/// always, as its label point is not bounded by it).
fn box_within(ring: &[Point], p: Point, range: f64) -> bool {
    let b = crate::geometry::Bounds::of_points(ring);
    if b.is_empty() {
        return true;
    }
    let dx = (b.min.x - p.x).max(p.x - b.max.x).max(0.0);
    let dy = (b.min.y - p.y).max(p.y - b.max.y).max(0.0);
    dx.hypot(dy) <= range
}

/// Degrees from east of the direction `d`.
fn degrees(d: Point) -> f64 {
    (d.y.atan2(d.x).to_degrees() * 100.0).round() / 100.0
}

/// Where a camera placed (or dropped) at `at` goes and where it looks: onto
/// the nearest solid wall within [`SNAP_M`], facing away from it into the side
/// `at` was on (when `at` is on the wall line, the side with a room); else onto
/// the nearest pole site within [`SNAP_M`]; else where it is, from the ceiling
/// when in a room. It then turns to the nearest
/// exterior opening or asset within `range_m` on the side it faces (no more
/// than 70° off the wall's normal), else looks straight out from the wall, or,
/// on a ceiling, towards the middle of its room (`heading_deg` when it is at
/// the middle already).
pub fn place(scenario: &Scenario, at: Point, range_m: Option<f64>, heading_deg: f64) -> Placed {
    let range = range_m.unwrap_or(DEFAULT_AIM_RANGE_M);
    if let Some((w, on, dir, d)) = nearest_wall(scenario, at, SNAP_M) {
        let left = Point::new(-dir.y, dir.x);
        let side = if d > 1e-9 {
            if left.dot(at - on) >= 0.0 {
                left
            } else {
                left.scale(-1.0)
            }
        } else if has_ceiling(scenario, on + left.scale(0.05)) {
            left
        } else {
            left.scale(-1.0)
        };
        let limit = AIM_OFF_NORMAL_DEG.to_radians().cos();
        let targets = aim_targets(scenario, on, range);
        let target = targets
            .iter()
            .filter(|(t, _)| {
                let v = *t - on;
                let len = v.length();
                len > 0.5 && len <= range && side.dot(v) / len >= limit
            })
            .min_by(|a, b| a.0.distance(on).total_cmp(&b.0.distance(on)));
        let (heading, aim) = match target {
            Some((t, name)) => (degrees(*t - on), name.clone()),
            None => (degrees(side), "room".to_string()),
        };
        return Placed {
            position: on,
            heading_deg: heading,
            snapped: d > 0.0,
            at: MountAt {
                mount: Some(Mount::Wall),
                wall: Some(scenario.plan.walls[w].id.clone()),
                zone: None,
                pole: None,
                distance_m: Some(0.0),
            },
            aim,
            out_deg: Some(degrees(side)),
        };
    }
    // Out of a wall's reach, onto a pole site within snapping distance.
    let (at, snapped) = match nearest_pole(scenario, at, SNAP_M) {
        Some((i, d)) => (scenario.pole_sites[i].position, d > 0.0),
        None => (at, false),
    };
    let at_mount = mount_at(scenario, at);
    let targets = aim_targets(scenario, at, range);
    let target = targets
        .iter()
        .filter(|(t, _)| {
            let len = t.distance(at);
            len > 0.5 && len <= range
        })
        .min_by(|a, b| a.0.distance(at).total_cmp(&b.0.distance(at)));
    let middle = at_mount.zone.as_ref().and_then(|id| {
        let z = scenario.plan.zones.iter().find(|z| &z.id == id)?;
        let m = label_point(&z.shape());
        (m.distance(at) > 0.5).then_some(m)
    });
    let (heading, aim) = match (target, middle) {
        (Some((t, name)), _) => (degrees(*t - at), name.clone()),
        (None, Some(m)) => (degrees(m - at), "room".to_string()),
        (None, None) => (heading_deg, "as it was".to_string()),
    };
    Placed {
        position: at,
        heading_deg: heading,
        snapped,
        at: at_mount,
        aim,
        out_deg: None,
    }
}
