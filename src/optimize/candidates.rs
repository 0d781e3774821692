//! Candidate cameras: where a camera could go and how it could be aimed.
//!
//! Positions: along solid walls (facing into either side that is a zone: the
//! interior side of a room, the facade outside), in corners of solid walls
//! (facing along the middle of the corner), on a ceiling grid inside rooms, and
//! at the existing cameras; or only at the places the user marked that
//! something can hold a camera ([`crate::mounting`]). Nothing is proposed where
//! nothing can hold a camera: not on doors, windows, glass or railings, not on
//! open ground out of doors. Headings: into
//! the room, turned either way, and aimed at the nearest exterior opening and
//! asset in range. Every position, heading and allowed model is one candidate;
//! its footprint is rasterised onto the samples.

use super::samples::{Footprint, NO_SAMPLE, Rank, Samples};
use crate::geometry::Point;
use crate::mounting::Sides;
use crate::plan::{IndexError, SegmentIndex};
use crate::scenario::{Camera, Projection, Scenario, WallKind, ZoneKind};
use crate::session::Session;
use crate::view::{Expander, camera_view};
use std::collections::HashMap;

/// Where candidates may be placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub walls: bool,
    pub corners: bool,
    pub ceiling: bool,
    /// On poles at the scenario's pole sites.
    pub poles: bool,
    /// When not empty: only these positions (the user's marks).
    pub marked: Vec<Point>,
    /// Spacing of positions along walls and of the ceiling grid, metres (grown
    /// when there would be more than the candidate budget).
    pub spacing_m: f64,
    /// Mounting height for new cameras.
    pub height_m: f64,
}

impl Default for Placement {
    fn default() -> Self {
        Placement {
            walls: true,
            corners: true,
            ceiling: true,
            poles: true,
            marked: Vec::new(),
            spacing_m: 3.0,
            height_m: 3.0,
        }
    }
}

/// One candidate camera.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub camera: Camera,
    /// Price plus installation.
    pub cost: f64,
    /// Installation alone (what moving an owned camera costs).
    pub install: f64,
    /// The samples it sees and at which rank, and the opening pieces it sees
    /// whole at their level.
    pub footprint: Footprint,
    /// For a candidate that leaves an existing camera where it is: its index.
    pub existing: Option<usize>,
    /// The pole site whose pole holds it (index into `scenario.pole_sites`).
    pub pole: Option<usize>,
}

impl Candidate {
    pub fn position(&self) -> Point {
        self.camera.position
    }
}

/// A position with the headings to try there (degrees).
struct Spot {
    position: Point,
    headings: Vec<f64>,
    ceiling: bool,
    /// Out of doors on a facade: the point of the wall it hangs on (targets
    /// level with the wall count as in front of it).
    facade: Option<Point>,
    /// On a pole: it looks all round, at the pole's height when it states one.
    pole: bool,
    height_m: Option<f64>,
}

pub(super) use crate::rng::SplitMix64 as Rng;

/// A camera on the outside of a facade stands this far out on its bracket,
/// metres (within [`crate::mounting::BRACKET_REACH_M`]), so that it can look
/// along the facade at its windows and doors.
pub const FACADE_STANDOFF_M: f64 = 0.5;

/// Headings from `base` (degrees) turned by the offsets.
fn fan(base: f64, offsets: &[f64]) -> Vec<f64> {
    offsets.iter().map(|o| base + o).collect()
}

/// Targets worth aiming at, indexed by position (a spot asks only for those
/// within its range).
struct Aims {
    points: Vec<Point>,
    index: SegmentIndex,
}

impl Aims {
    fn new(scenario: &Scenario) -> Result<Aims, IndexError> {
        let points = aim_points(scenario);
        let index = SegmentIndex::new(points.iter().map(|&p| (p, p)).collect(), 0.0)?;
        Ok(Aims { points, index })
    }

    /// The nearest target more than 0.5 m from `at` that `accept` takes, and
    /// its distance (the first in plan order among equally near ones).
    fn nearest(&self, at: Point, accept: impl Fn(Point) -> bool) -> Option<(Point, f64)> {
        let ok = |i: usize| {
            let t = self.points[i];
            t.distance(at) > 0.5 && accept(t)
        };
        let (_, d2) = self.index.nearest(at, ok)?;
        // The tree breaks ties by its own order: take every target as near
        // (a hair wider, for rounding) and the first of them in plan order.
        self.index
            .within(at, d2.sqrt() * (1.0 + 1e-9) + 1e-12)
            .into_iter()
            .filter(|&(i, _)| ok(i))
            .map(|(i, _)| (i, self.points[i].distance(at)))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(i, d)| (self.points[i], d))
    }
}

/// Targets worth aiming at: exterior openings and assets.
fn aim_points(scenario: &Scenario) -> Vec<Point> {
    let mut points: Vec<Point> = scenario
        .plan
        .walls
        .iter()
        .filter(|w| w.exterior)
        .filter_map(|w| {
            let (a, b) = (w.path.first()?, w.path.last()?);
            Some(a.lerp(*b, 0.5))
        })
        .collect();
    points.extend(
        scenario
            .plan
            .zones
            .iter()
            .filter(|z| z.kind == crate::scenario::ZoneKind::Asset)
            .map(|z| crate::geometry::label_point(&z.shape())),
    );
    points
}

/// Positions and headings, before models.
fn spots(
    scenario: &Scenario,
    sides: &Sides,
    placement: &Placement,
    spacing: f64,
    rng: &mut Rng,
) -> Vec<Spot> {
    let mut out = Vec::new();
    if !placement.marked.is_empty() {
        // Marked places something can hold a camera at (the others are
        // reported by the workspace).
        for &p in &placement.marked {
            let Some(mount) = crate::mounting::mount_at(scenario, p).mount else {
                continue;
            };
            out.push(Spot {
                position: p,
                headings: (0..8).map(|k| k as f64 * 45.0).collect(),
                ceiling: mount == crate::mounting::Mount::Ceiling,
                facade: None,
                pole: mount == crate::mounting::Mount::Pole,
                height_m: crate::mounting::pole_at(scenario, p)
                    .and_then(|i| scenario.pole_sites[i].height_m),
            });
        }
        return out;
    }
    // Directions of the opaque walls at each wall vertex, for corners.
    // The flag: a solid wall (one that can hold a camera) meets there.
    let mut at_vertex: HashMap<(i64, i64), (Point, Vec<f64>, bool)> = HashMap::new();
    let key = |p: Point| ((p.x * 1e4).round() as i64, (p.y * 1e4).round() as i64);
    for wall in scenario.plan.walls.iter().filter(|w| w.blocks_sight()) {
        for seg in wall.path.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            let d = b - a;
            let len = d.length();
            if len == 0.0 {
                continue;
            }
            let solid = wall.kind == WallKind::Wall;
            let at_a = at_vertex.entry(key(a)).or_insert((a, Vec::new(), false));
            at_a.1.push(d.angle());
            at_a.2 |= solid;
            let at_b = at_vertex.entry(key(b)).or_insert((b, Vec::new(), false));
            at_b.1.push((a - b).angle());
            at_b.2 |= solid;
            // Doors, windows, glass and railings hold no camera.
            if !placement.walls || !solid {
                continue;
            }
            let normal = Point::new(-d.y, d.x).scale(1.0 / len);
            let offset = spacing * (0.25 + 0.5 * rng.unit());
            let mut t = offset;
            while t < len - 0.3 {
                let p = a.lerp(b, t / len);
                for side in [normal, normal.scale(-1.0)] {
                    let Some(z) = sides.beside(p, side) else {
                        continue;
                    };
                    let out_deg = side.angle().to_degrees();
                    if sides.kind(z) == ZoneKind::Exterior
                        && sides.clear(p, side, FACADE_STANDOFF_M)
                    {
                        // On a bracket off the facade: out, turned, and along it.
                        out.push(Spot {
                            position: p + side.scale(FACADE_STANDOFF_M),
                            headings: fan(out_deg, &[0.0, -40.0, 40.0, -80.0, 80.0]),
                            ceiling: false,
                            facade: Some(p),
                            pole: false,
                            height_m: None,
                        });
                    } else {
                        out.push(Spot {
                            position: p,
                            headings: fan(out_deg, &[0.0, -40.0, 40.0]),
                            ceiling: false,
                            facade: None,
                            pole: false,
                            height_m: None,
                        });
                    }
                }
                t += spacing;
            }
        }
    }
    if placement.corners {
        let mut vertices: Vec<&(Point, Vec<f64>, bool)> =
            at_vertex.values().filter(|v| v.2).collect();
        crate::sorting::by(&mut vertices, |a, b| {
            a.0.x.total_cmp(&b.0.x).then(a.0.y.total_cmp(&b.0.y))
        });
        for (p, dirs, _) in vertices {
            let mut dirs: Vec<f64> = dirs
                .iter()
                .map(|d| d.rem_euclid(std::f64::consts::TAU))
                .collect();
            if dirs.len() < 2 {
                continue;
            }
            crate::sorting::by_key(&mut dirs, |d| *d);
            for i in 0..dirs.len() {
                let start = dirs[i];
                let end = if i + 1 < dirs.len() {
                    dirs[i + 1]
                } else {
                    dirs[0] + std::f64::consts::TAU
                };
                let wedge = end - start;
                // A corner a camera sits in: an open wedge of less than 180°.
                if wedge <= 0.05 || wedge >= std::f64::consts::PI - 0.05 {
                    continue;
                }
                let mid = start + wedge / 2.0;
                if sides.beside(*p, Point::from_angle(mid)).is_some() {
                    out.push(Spot {
                        position: *p,
                        headings: vec![mid.to_degrees()],
                        ceiling: false,
                        facade: None,
                        pole: false,
                        height_m: None,
                    });
                }
            }
        }
    }
    if placement.poles {
        // Only where the plan says a pole may stand (and no wall holds a
        // camera instead: the account would not charge the pole there).
        for (i, site) in scenario.pole_sites.iter().enumerate() {
            if crate::mounting::pole_at(scenario, site.position) != Some(i) {
                continue;
            }
            out.push(Spot {
                position: site.position,
                headings: (0..8).map(|k| k as f64 * 45.0).collect(),
                ceiling: false,
                facade: None,
                pole: true,
                height_m: site.height_m,
            });
        }
    }
    if placement.ceiling {
        let grid = spacing * 2.0;
        // A ceiling only inside rooms: none over the quay or a courtyard.
        for (zone, kind) in sides.zones() {
            if kind == ZoneKind::Exterior {
                continue;
            }
            let b = zone.bounds();
            let (ox, oy) = (rng.unit() * grid, rng.unit() * grid);
            let mut y = b.min.y + oy.min(b.size().y / 2.0);
            while y < b.max.y {
                let mut x = b.min.x + ox.min(b.size().x / 2.0);
                while x < b.max.x {
                    let p = Point::new(x, y);
                    if zone.contains(p) && (kind == ZoneKind::Room || !sides.outdoors(p)) {
                        out.push(Spot {
                            position: p,
                            headings: vec![0.0, 120.0, 240.0],
                            ceiling: true,
                            facade: None,
                            pole: false,
                            height_m: None,
                        });
                    }
                    x += grid;
                }
                y += grid;
            }
        }
    }
    out
}

/// What limits the candidate set.
#[derive(Clone, Debug)]
pub struct CandidateLimits {
    pub max_candidates: usize,
    /// Models allowed (ids); all models with an optical definition when empty.
    pub models: Vec<String>,
}

/// Generates candidates and their footprints. `progress(done, total)` is called
/// now and then; returning false stops early (the candidates so far are
/// returned with `false`).
///
/// # Errors
/// Only the spatial indexes' (zones, walls and aim targets; see
/// [`SegmentIndex::new`]).
pub fn generate_candidates(
    session: &Session,
    samples: &Samples,
    placement: &Placement,
    limits: &CandidateLimits,
    existing: &[(usize, Camera)],
    seed: u64,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<Candidate>, bool), IndexError> {
    let scenario = session.scenario();
    let mut rng = Rng(seed ^ 0xB11D_5907);
    let models: Vec<&crate::scenario::CameraModel> = scenario
        .catalog
        .iter()
        .filter(|m| limits.models.is_empty() || limits.models.contains(&m.id))
        .collect();
    let aims = Aims::new(scenario)?;
    // Spots at the requested spacing; on a large plan a wider spacing, so
    // that there are about twice the limit (then thinned evenly: denser spots
    // with a few dropped cover the plan better than sparse ones).
    if !progress(0, limits.max_candidates) {
        return Ok((Vec::new(), false));
    }
    let sides = Sides::new(scenario)?;
    let mut spacing = placement.spacing_m.max(0.5);
    let optics = model_optics(scenario, &models);
    let mut count = 0;
    let (found, aimed) = loop {
        let found = spots(scenario, &sides, placement, spacing, &mut Rng(seed));
        let aimed = spot_aims(&found, &aims);
        let more = camera_count(&found, &aimed, &optics);
        // Stop when widening no longer helps (corners do not thin out).
        let stalled = count > 0 && more * 20 > count * 19;
        count = more;
        let wanted = 2 * limits.max_candidates;
        if count <= wanted || stalled || spacing > 1e4 {
            break (found, aimed);
        }
        spacing *= (count as f64 / wanted as f64).sqrt().clamp(1.05, 4.0);
    };
    let mut cameras = cameras_at(&found, &aimed, &optics, placement);
    // A seeded shuffle, then the first ones that see something, up to the
    // limit (spots inside pillars and the like see nothing and are skipped).
    rng.shuffle(&mut cameras);
    let new_cameras = cameras.len();
    let mut all: Vec<(Camera, Option<usize>)> = existing
        .iter()
        .map(|(index, camera)| (camera.clone(), Some(*index)))
        .collect();
    all.extend(cameras);
    let cameras = all;
    let wanted = existing.len() + limits.max_candidates.min(new_cameras);
    let total = wanted;
    let levels: Vec<f64> = session.levels().iter().map(|l| l.px_per_m).collect();
    let mut expander = Expander::default();
    let mut raster = Raster::new(samples);
    let mut out = Vec::with_capacity(total);
    for (k, (camera, existing)) in cameras.into_iter().enumerate() {
        if out.len() >= wanted {
            break;
        }
        if k % 64 == 0 && !progress(out.len(), total) {
            return Ok((out, false));
        }
        // An existing camera is always a candidate, even one that sees no
        // target (dropping it from the layout would be a silent removal).
        let footprint = match scenario.spec(&camera) {
            Some(spec) => {
                let view = camera_view(session.plan(), &spec, &levels, &mut expander);
                Footprint {
                    samples: raster.footprint(samples, &view),
                    openings: samples.openings.footprint(&view),
                }
            }
            None => Footprint::default(),
        };
        if footprint.is_empty() && existing.is_none() {
            continue;
        }
        let model = scenario.model_of(&camera);
        // In cents, as the account prices them.
        let price = crate::costing::cents(model.and_then(|m| m.unit_price).unwrap_or(0.0));
        let install = crate::costing::cents(model.and_then(|m| m.install_cost).unwrap_or(0.0));
        let pole = if scenario.pole_sites.is_empty() {
            None
        } else {
            crate::mounting::pole_at(scenario, camera.position)
        };
        out.push(Candidate {
            camera,
            cost: price + install,
            install,
            footprint,
            existing,
            pole,
        });
    }
    progress(total, total);
    Ok((out, true))
}

/// An allowed model's optics, as candidates use them.
struct ModelOptics<'m> {
    model: &'m crate::scenario::CameraModel,
    range: f64,
    fisheye: bool,
    /// Tilt and height apply only to models with a vertical field of view.
    tilt: Option<f64>,
}

/// The allowed models with the optics candidates need (models without a
/// horizontal field of view or a range cannot be placed).
fn model_optics<'m>(
    scenario: &Scenario,
    models: &[&'m crate::scenario::CameraModel],
) -> Vec<ModelOptics<'m>> {
    models
        .iter()
        .filter_map(|model| {
            let optics = scenario.optics(&Camera {
                model: Some(model.id.clone()),
                ..Default::default()
            });
            let (Some(hfov), Some(range)) = (optics.hfov_deg, optics.range_m) else {
                return None;
            };
            let fisheye = optics.projection == Projection::Fisheye || hfov >= 360.0;
            let tilt = optics.vfov_deg.map(|v| {
                if fisheye {
                    90.0
                } else {
                    // The top of the view level with the horizon: the longest
                    // reach with the smallest dead zone.
                    (v / 2.0).round()
                }
            });
            Some(ModelOptics {
                model,
                range,
                fisheye,
                tilt,
            })
        })
        .collect()
}

/// Per spot: the nearest opening or asset more than 0.5 m away on the side
/// the spot faces, and its distance (whether it is in a model's range is
/// each model's question: a farther target never is when the nearest is not).
fn spot_aims(found: &[Spot], aims: &Aims) -> Vec<Option<(Point, f64)>> {
    found
        .iter()
        .map(|spot| {
            let facing = Point::from_angle(spot.headings[0].to_radians());
            aims.nearest(spot.position, |t| match spot.facade {
                Some(wall) => facing.dot(t - wall) >= 0.0,
                None => facing.dot(t - spot.position) > 0.0 || spot.ceiling || spot.pole,
            })
        })
        .collect()
}

/// The headings a model gets at a spot: the spot's, plus one at its target
/// when that is in range; a fisheye looks straight down (ceilings and poles
/// only, else none).
fn headings_at(spot: &Spot, aim: Option<(Point, f64)>, optics: &ModelOptics) -> Vec<f64> {
    if optics.fisheye {
        return if spot.ceiling || spot.pole {
            vec![90.0]
        } else {
            Vec::new()
        };
    }
    let mut headings = spot.headings.clone();
    if let Some((target, d)) = aim
        && d < optics.range
    {
        headings.push((target - spot.position).angle().to_degrees());
    }
    headings
}

/// How many candidate cameras the spots give ([`cameras_at`]'s length).
fn camera_count(found: &[Spot], aimed: &[Option<(Point, f64)>], optics: &[ModelOptics]) -> usize {
    found
        .iter()
        .zip(aimed)
        .map(|(spot, &aim)| {
            optics
                .iter()
                .map(|o| headings_at(spot, aim, o).len())
                .sum::<usize>()
        })
        .sum()
}

/// Candidate cameras at the spots: every allowed model, at each heading.
fn cameras_at(
    found: &[Spot],
    aimed: &[Option<(Point, f64)>],
    optics: &[ModelOptics],
    placement: &Placement,
) -> Vec<(Camera, Option<usize>)> {
    let mut cameras: Vec<(Camera, Option<usize>)> = Vec::new();
    for (spot_index, (spot, &aim)) in found.iter().zip(aimed).enumerate() {
        for o in optics {
            for heading in headings_at(spot, aim, o) {
                cameras.push((
                    Camera {
                        id: format!("opt-{spot_index}-{}-{}", o.model.id, cameras.len()),
                        model: Some(o.model.id.clone()),
                        position: spot.position,
                        heading_deg: (heading * 10.0).round() / 10.0,
                        height_m: o.tilt.map(|_| spot.height_m.unwrap_or(placement.height_m)),
                        tilt_deg: o.tilt,
                        ..Default::default()
                    },
                    None,
                ));
            }
        }
    }
    cameras
}

/// Scratch space for rasterising footprints.
struct Raster {
    rank: Vec<Rank>,
    touched: Vec<usize>,
}

impl Raster {
    fn new(samples: &Samples) -> Raster {
        Raster {
            rank: vec![0; samples.index.len()],
            touched: Vec::new(),
        }
    }

    /// The samples a view covers, with the rank it sees each at.
    fn footprint(&mut self, samples: &Samples, view: &crate::view::View) -> Vec<(u32, Rank)> {
        if view.ring.len() < 3 {
            return Vec::new();
        }
        let rank = &mut self.rank;
        let touched = &mut self.touched;
        samples.scan(&[&view.ring], |cell| {
            if rank[cell] == 0 {
                touched.push(cell);
            }
            rank[cell] = 1;
        });
        // Level rings nest, sparsest (lowest rank) outermost.
        let max_rank = samples.max_rank;
        for (i, band) in view.levels.iter().enumerate().rev() {
            if band.len() < 3 {
                continue;
            }
            let r = max_rank - i as Rank;
            samples.scan(&[band], |cell| {
                if rank[cell] == 0 {
                    touched.push(cell);
                }
                rank[cell] = rank[cell].max(r);
            });
        }
        if view.dead.len() >= 3 {
            samples.scan(&[&view.dead], |cell| rank[cell] = 0);
        }
        let mut out = Vec::with_capacity(touched.len());
        for &cell in touched.iter() {
            let s = samples.index[cell];
            if rank[cell] > 0 && s != NO_SAMPLE {
                out.push((s, rank[cell]));
            }
            rank[cell] = 0;
        }
        touched.clear();
        out.sort_unstable_by_key(|e| e.0);
        out
    }
}
