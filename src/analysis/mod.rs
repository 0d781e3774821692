//! Security analysis of a plan: is every way in watched, where zones fall short
//! of their required level, what one failed camera costs, and the least-watched
//! route to an asset with its probability of interruption (EASI).
//!
//! Everything is computed from a [`Session`]'s views and coverage; nothing here
//! changes them. See docs/security.md for the methods and their resolution.
//!
//! - [`audit`]: the opening audit, zone requirements, headlines and camera
//!   criticality ([`Audit`]); [`audit_openings`]: the openings alone;
//! - [`count_layer`], [`shortfall_pieces`], [`unique_region`]: map layers;
//! - [`route`]: the least-watched, fastest and most vulnerable routes;
//!   [`route::site_route`]: the same across the levels of a site, through
//!   its stairs, lifts, ramps and openings;
//! - [`easi`]: the probability of interruption of a path.

pub mod easi;
mod layers;
mod openings;
pub mod route;
pub mod sight;
pub mod text;
mod walk;

pub use layers::{CountLayer, ShortfallPiece, count_layer, shortfall_pieces, unique_region};
pub use openings::{MissedOpening, OpeningAudit, OpeningCamera, OpeningStatus, SIDE_OFFSET_M};
pub use route::{RouteError, RouteOptions, RouteReport, Start, route};

use crate::geometry::{Bounds, Point, Polygon};
use crate::scenario::{DensityLevel, Scenario, ZoneKind};
use crate::session::Session;
use crate::view::View;
use serde::Serialize;
use sight::Intervals;

/// A requirement counts as met when at least this share of it is met (the
/// last 0.05 % is below what a plan's drawing can promise).
pub const MET_FRACTION: f64 = 0.9995;

/// What the opening audit reads from the plan alone (walls and zones): the zone
/// shapes and each audited opening's offset lines and sides. Camera edits leave
/// it as it is, so a caller that follows them (the page during a camera drag)
/// prepares it once per plan and passes it to [`audit_openings_with`].
#[derive(Debug)]
pub struct OpeningPlan {
    zone_shapes: Vec<Polygon>,
    zone_bounds: Vec<Bounds>,
    probes: Vec<openings::Probe>,
}

impl OpeningPlan {
    /// Prepares the plan of `session`.
    pub fn new(session: &Session) -> OpeningPlan {
        let scenario = session.scenario();
        let zone_shapes: Vec<Polygon> = scenario.plan.zones.iter().map(|z| z.shape()).collect();
        let zone_bounds = zone_shapes.iter().map(Polygon::bounds).collect();
        let mut plan = OpeningPlan {
            zone_shapes,
            zone_bounds,
            probes: Vec::new(),
        };
        plan.probes = scenario
            .plan
            .walls
            .iter()
            .enumerate()
            .filter(|(_, w)| openings::audited(w))
            .map(|(i, _)| openings::probe(&plan, scenario, i))
            .collect();
        plan
    }

    /// Indices of the zones containing `p`.
    fn zones_at(&self, p: Point) -> impl Iterator<Item = usize> + '_ {
        (0..self.zone_shapes.len())
            .filter(move |&z| self.zone_bounds[z].contains(p) && self.zone_shapes[z].contains(p))
    }
}

/// An audited opening as a requirement on cameras, for callers that weigh
/// candidate cameras against it (the optimiser): what the audit judges it by.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningRequirement {
    pub id: String,
    /// Index of the opening in `plan.walls`.
    pub wall: usize,
    /// Length of each of its segments, m (the intervals
    /// [`OpeningPlan::approach_seen`] gives are fractions of them).
    pub segments: Vec<f64>,
    /// The level it must be seen at (none: any density), and its index among
    /// the session's density levels.
    pub required_level: Option<String>,
    pub level_index: Option<usize>,
    /// Cameras that must see every point of its approach at that level.
    pub required_cameras: u32,
    /// Box of its offset lines (a view whose box misses it sees none of it).
    pub bounds: Bounds,
    /// The zone found on each side of it (indices into `plan.zones`, exterior
    /// zones included), by the one side search ([`crate::mounting::side_search`]).
    pub side_zones: [Option<usize>; 2],
    probe: usize,
}

impl OpeningPlan {
    /// Every audited opening's requirement, in plan order.
    pub fn requirements(&self, session: &Session) -> Vec<OpeningRequirement> {
        let scenario = session.scenario();
        self.probes
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let (required_level, level_index, required_cameras) =
                    openings::requirement(scenario, session.levels(), p.wall);
                OpeningRequirement {
                    id: scenario.plan.walls[p.wall].id.clone(),
                    wall: p.wall,
                    segments: p.segments.iter().map(|s| s.0).collect(),
                    required_level,
                    level_index,
                    required_cameras,
                    bounds: Bounds::of_points(
                        p.segments
                            .iter()
                            .flat_map(|(_, lines)| lines.iter().flat_map(|(a, b)| [a, b])),
                    ),
                    side_zones: p.zones,
                    probe: k,
                }
            })
            .collect()
    }

    /// Per segment of `opening`, the parameter intervals (0..1) of its approach
    /// that `view` sees at the required level: exactly what counts towards the
    /// requirement in the audit. The opening is met when every point of it lies
    /// in the intervals of `required_cameras` views (up to [`MET_FRACTION`] of
    /// its width).
    pub fn approach_seen(&self, opening: &OpeningRequirement, view: &View) -> Vec<Intervals> {
        openings::approach_seen(&self.probes[opening.probe], view, opening.level_index)
    }
}

/// The plan part of a [`Context`]: prepared for it, or lent by the caller.
enum PlanPart<'s> {
    Own(OpeningPlan),
    Lent(&'s OpeningPlan),
}

/// What the analysis reads from a session, prepared once.
struct Context<'s> {
    session: &'s Session,
    plan: PlanPart<'s>,
    /// Box of each camera's view (empty for views that see nothing).
    view_bounds: Vec<Bounds>,
}

impl<'s> Context<'s> {
    fn new(session: &'s Session) -> Context<'s> {
        Context::with_plan(session, PlanPart::Own(OpeningPlan::new(session)))
    }

    fn with_plan(session: &'s Session, plan: PlanPart<'s>) -> Context<'s> {
        Context {
            session,
            plan,
            view_bounds: session.views().iter().map(|v| v.bounds).collect(),
        }
    }

    fn opening_plan(&self) -> &OpeningPlan {
        match &self.plan {
            PlanPart::Own(p) => p,
            PlanPart::Lent(p) => p,
        }
    }

    /// The audited openings' offset lines and sides.
    fn probes(&self) -> &[openings::Probe] {
        &self.opening_plan().probes
    }

    fn scenario(&self) -> &'s Scenario {
        self.session.scenario()
    }

    fn levels(&self) -> &'s [DensityLevel] {
        self.session.levels()
    }

    /// True when camera `i`'s view box reaches the opening.
    fn near(&self, i: usize, probe: &openings::Probe) -> bool {
        let b = Bounds::of_points(
            probe
                .segments
                .iter()
                .flat_map(|(_, lines)| lines.iter().flat_map(|(a, b)| [a, b])),
        );
        self.view_bounds[i].intersects(&b)
    }
}

/// A zone with a required level: how much of it meets it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ZoneRequirement {
    pub id: String,
    pub name: String,
    pub kind: ZoneKind,
    pub priority: f64,
    pub required_level: String,
    pub area_m2: f64,
    /// Seen at the required level or better, m².
    pub met_area_m2: f64,
    /// Seen, but below the required level, m².
    pub below_m2: f64,
    /// Seen by no camera, m².
    pub blind_m2: f64,
    /// Met area over area, 0..1.
    pub required_coverage: f64,
    pub met: bool,
}

/// The figures a board can quote without being misled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    /// Zones meeting their required level, of those with one.
    pub zones_met: usize,
    pub zones_required: usize,
    /// Openings watched as required, of those audited.
    pub openings_met: usize,
    pub openings_audited: usize,
}

/// What one camera's failure costs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraFailure {
    pub id: String,
    pub index: usize,
    /// Target area only this camera sees: blind if it fails, m².
    pub unique_m2: f64,
    /// The same weighted by the priorities of the zones it lies in.
    pub unique_weighted_m2: f64,
    /// Openings watched as required now, and not without this camera.
    pub openings_lost: Vec<String>,
    /// Zones meeting their required level now, and not without this camera.
    pub zones_lost: Vec<String>,
}

/// The security audit of a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    pub headline: Headline,
    /// Audited openings, riskiest first (unseen, then the weakest).
    pub openings: Vec<OpeningAudit>,
    /// Cameras whose view misses the audited opening nearest to them.
    pub cameras_missing_nearest_opening: Vec<MissedOpening>,
    /// Zones with a required level, least met first.
    pub zones: Vec<ZoneRequirement>,
    /// Cameras, most critical first.
    pub critical_cameras: Vec<CameraFailure>,
    /// Target area seen by 0, 1, 2 and 3 or more cameras, m².
    pub seen_by_m2: [f64; 4],
}

/// The openings alone: the part of the audit cheap enough to follow a camera
/// drag (no failure costs, no seen-by areas).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpeningsAudit {
    /// Openings watched as required.
    pub openings_met: usize,
    pub openings_audited: usize,
    /// Audited openings, riskiest first (unseen, then the weakest).
    pub openings: Vec<OpeningAudit>,
    /// Cameras whose view misses the audited opening nearest to them.
    pub cameras_missing_nearest_opening: Vec<MissedOpening>,
}

/// The opening audit alone: the same openings, in the same order, as
/// [`audit`] gives, without what each camera's failure costs.
///
/// # Validity
/// As for [`audit`].
pub fn audit_openings(session: &Session) -> OpeningsAudit {
    openings_part(&Context::new(session))
}

/// [`audit_openings`] with the plan prepared beforehand: the same result, without
/// preparing the zones and openings again.
///
/// # Validity
/// `plan` must have been prepared ([`OpeningPlan::new`]) from a session with the
/// same walls and zones as `session` (its cameras may differ).
pub fn audit_openings_with(session: &Session, plan: &OpeningPlan) -> OpeningsAudit {
    openings_part(&Context::with_plan(session, PlanPart::Lent(plan)))
}

fn openings_part(cx: &Context) -> OpeningsAudit {
    let openings = openings::audit_openings(cx);
    let missed = openings::missed_openings(cx, &openings);
    OpeningsAudit {
        openings_met: openings.iter().filter(|o| o.met()).count(),
        openings_audited: openings.len(),
        openings,
        cameras_missing_nearest_opening: missed,
    }
}

/// The zones with a required level and how much of each meets it.
fn zone_requirements(session: &Session) -> Vec<ZoneRequirement> {
    let summary = session.summary();
    let mut out: Vec<ZoneRequirement> = summary
        .zones
        .iter()
        .filter_map(|z| {
            let level = z.required_level.clone()?;
            let met_area = z
                .levels
                .iter()
                .find(|l| l.name == level)
                .map(|l| l.covered_area_m2)?;
            Some(ZoneRequirement {
                id: z.id.clone(),
                name: z.name.clone(),
                kind: z.kind,
                priority: z.priority,
                required_level: level,
                area_m2: z.area_m2,
                met_area_m2: met_area,
                below_m2: (z.covered_area_m2 - met_area).max(0.0),
                blind_m2: (z.area_m2 - z.covered_area_m2).max(0.0),
                required_coverage: z.required_coverage,
                met: z.required_coverage >= MET_FRACTION,
            })
        })
        .collect();
    crate::sorting::by(&mut out, |a, b| {
        a.required_coverage
            .total_cmp(&b.required_coverage)
            .then(b.priority.total_cmp(&a.priority))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// Audits the plan: openings, zone requirements, headlines and what each
/// camera's failure would cost.
///
/// # Validity
/// Reads the session as it is (its views and coverage must be current, as every
/// `Session` edit keeps them). Areas are exact up to the coverage grid; opening
/// widths are exact along lines [`SIDE_OFFSET_M`] off each side of the opening.
pub fn audit(session: &Session) -> Audit {
    let cx = Context::new(session);
    let OpeningsAudit {
        openings_met,
        openings_audited,
        openings,
        cameras_missing_nearest_opening: missed,
    } = openings_part(&cx);
    let zones = zone_requirements(session);
    let cv = layers::CellViews::new(session);
    let unique = layers::unique_coverage(&cv);
    let coverage = session.coverage();
    let unit = coverage.grid.unit_area() / 2.0;
    let scenario = session.scenario();
    let level_of = |z: usize| {
        scenario.plan.zones[z]
            .required_level
            .as_ref()
            .and_then(|name| session.levels().iter().position(|l| &l.name == name))
    };
    let per_zone = coverage.per_zone();
    // Zones meeting their level now, and the cameras without which they would
    // not: per met zone, over its own cells, the level area each nearby camera
    // alone provides.
    let mut zones_lost_by: Vec<Vec<String>> = vec![Vec::new(); scenario.cameras.len()];
    let mut cells_of: Vec<Vec<usize>> = vec![Vec::new(); scenario.plan.zones.len()];
    for (c, cell) in coverage.cells.iter().enumerate() {
        for &z in &cell.zones {
            cells_of[z].push(c);
        }
    }
    let mut losses_at: std::collections::HashMap<(usize, usize), Vec<(usize, i128)>> =
        std::collections::HashMap::new();
    for zr in zones.iter().filter(|z| z.met) {
        let Some(z) = scenario.plan.zones.iter().position(|x| x.id == zr.id) else {
            continue;
        };
        let Some(l) = level_of(z) else { continue };
        let area = per_zone[z].0.area;
        let mut lost2: Vec<(usize, i128)> = Vec::new();
        for &c in &cells_of[z] {
            // A cell in several met zones of the same level is done once.
            let losses = losses_at
                .entry((c, l))
                .or_insert_with(|| layers::level_losses(&cv, c, l, coverage.results[c].levels2[l]));
            for &(i, loss) in losses.iter() {
                match lost2.iter_mut().find(|(j, _)| *j == i) {
                    Some(entry) => entry.1 += loss,
                    None => lost2.push((i, loss)),
                }
            }
        }
        for (i, loss) in lost2 {
            if area > 0.0 && (zr.met_area_m2 - loss as f64 * unit) / area < MET_FRACTION {
                zones_lost_by[i].push(zr.id.clone());
            }
        }
    }
    let mut critical: Vec<CameraFailure> = Vec::with_capacity(scenario.cameras.len());
    for (i, camera) in scenario.cameras.iter().enumerate() {
        let mut twice = 0i128;
        let mut weighted = 0.0;
        for &(cell, a) in &unique.per_camera[i] {
            twice += a;
            let w: f64 = coverage.cells[cell]
                .zones
                .iter()
                .map(|&z| scenario.plan.zones[z].priority)
                .sum();
            weighted += w * a as f64 * unit;
        }
        let openings_lost = openings
            .iter()
            .filter(|o| o.met() && o.cameras.iter().any(|c| c.index == i))
            .filter(|o| {
                let probe = cx
                    .probes()
                    .iter()
                    .find(|p| scenario.plan.walls[p.wall].id == o.id);
                probe.is_some_and(|p| !openings::audit_opening(&cx, p, Some(i)).met())
            })
            .map(|o| o.id.clone())
            .collect();
        let zones_lost = zones_lost_by[i].clone();
        critical.push(CameraFailure {
            id: camera.id.clone(),
            index: i,
            unique_m2: twice as f64 * unit,
            unique_weighted_m2: weighted,
            openings_lost,
            zones_lost,
        });
    }
    crate::sorting::by(&mut critical, |a, b| {
        let lost = |c: &CameraFailure| c.openings_lost.len() + c.zones_lost.len();
        lost(b)
            .cmp(&lost(a))
            .then(b.unique_weighted_m2.total_cmp(&a.unique_weighted_m2))
            .then(a.index.cmp(&b.index))
    });
    let (total, _) = coverage.total();
    let counts = count_areas(&cv);
    Audit {
        headline: Headline {
            zones_met: zones.iter().filter(|z| z.met).count(),
            zones_required: zones.len(),
            openings_met,
            openings_audited,
        },
        openings,
        cameras_missing_nearest_opening: missed,
        zones,
        critical_cameras: critical,
        seen_by_m2: [
            (total.area - total.covered).max(0.0),
            (total.covered - total.multi).max(0.0),
            (total.multi - counts).max(0.0),
            counts,
        ],
    }
}

/// Area seen by three or more cameras, m².
fn count_areas(cv: &layers::CellViews) -> f64 {
    let coverage = cv.coverage;
    let mut twice = 0i128;
    for (i, result) in coverage.results.iter().enumerate() {
        if result.multi2 > 0 && cv.near[i].len() >= 3 {
            twice += crate::coverage::grid::twice_area(&layers::at_least(cv, i, 3));
        }
    }
    twice as f64 * coverage.grid.unit_area() / 2.0
}
