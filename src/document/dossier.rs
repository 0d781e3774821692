//! Everything the board documents say about one layout, as data: the title
//! block, the headline, the tables, the comparison with the file's other
//! layouts, recording, purposes, compliance and commissioning. The HTML report
//! and the CSV tables are both written from it, so they always agree.

use super::compass;
use super::purpose::{PurposeCheck, check_purposes};
use super::recording::{RecordingPlan, recording_plan};
use crate::analysis::{self, Audit, MET_FRACTION};
use crate::report::{self, BlindSpotReport, CostLine, Summary};
use crate::scenario::{Camera, InvalidScenario, Scenario, ZoneKind, default_density_levels};
use crate::session::Session;
use serde::Serialize;
use std::borrow::Borrow;

/// The default marking printed on every page of a report.
pub const DEFAULT_CONFIDENTIALITY: &str = "Confidential: security plan";

/// The layouts of a file: its main one first, then each of its `options`,
/// each as a session sharing the prepared plan.
///
/// # Errors
/// When an option's cameras are invalid for the plan (a file read with
/// [`Scenario::from_json`] never has such options).
pub fn layouts(main: Session) -> Result<Vec<Session>, InvalidScenario> {
    let mut out = option_layouts(&main)?;
    out.insert(0, main);
    Ok(out)
}

/// The file's other layouts (`options`) of `main`, as sessions.
///
/// # Errors
/// As [`layouts`].
pub fn option_layouts(main: &Session) -> Result<Vec<Session>, InvalidScenario> {
    main.scenario()
        .options
        .iter()
        .map(|option| main.with_cameras(&option.name, option.cameras.clone()))
        .collect()
}

/// A zone's line in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ZoneRow {
    pub id: String,
    pub name: String,
    pub kind: ZoneKind,
    pub priority: f64,
    pub area_m2: f64,
    pub covered_m2: f64,
    pub coverage: f64,
    pub required_level: Option<String>,
    /// Share seen at the required level (plain coverage when none is set).
    pub required_coverage: f64,
    /// Whether the zone is seen whole at its required level (none without one).
    pub meets_required: Option<bool>,
    /// The densest level at which the whole zone is seen, if any.
    pub level_reached: Option<String>,
}

/// A blind spot's line, numbered as on the drawing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlindSpotRow {
    /// 1 for B1 (the largest).
    pub number: usize,
    pub area_m2: f64,
    /// Names of the zones it lies in.
    pub zones: Vec<String>,
    /// Roughly where: a point inside it.
    pub at: [f64; 2],
}

/// A camera's line in the camera schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraRow {
    pub id: String,
    /// The model's name (or "no model").
    pub model: String,
    pub model_id: Option<String>,
    pub position: [f64; 2],
    pub height_m: Option<f64>,
    pub tilt_deg: Option<f64>,
    /// The file's heading and the compass bearing it means.
    pub heading_deg: f64,
    pub bearing_deg: f64,
    /// `045° NE`, or `360° view` for a full circle.
    pub bearing: String,
    pub hfov_deg: Option<f64>,
    pub range_m: Option<f64>,
    /// The footprint on the floor (mounted cameras).
    pub near_m: Option<f64>,
    pub far_m: Option<f64>,
    pub view_area_m2: f64,
    pub dead_zone_m2: Option<f64>,
    /// How far each density level holds, densest first (models with a
    /// resolution).
    pub detail_reach: Vec<(String, f64)>,
}

/// The overall figures of one layout, for the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayoutFigures {
    pub name: String,
    pub cameras: usize,
    pub cost: f64,
    pub coverage: f64,
    pub weighted_coverage: f64,
    pub blind_area_m2: f64,
    /// Zones meeting their required level, of the zones that have one.
    pub zones_meeting: usize,
    pub zones_with_requirement: usize,
}

/// How another layout differs from the reported one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayoutChanges {
    /// The other layout's figures.
    pub figures: LayoutFigures,
    /// Cameras it has that the reported one has not.
    pub added: Vec<String>,
    /// Cameras of the reported one it has not.
    pub removed: Vec<String>,
    /// Cameras in both, at another place.
    pub moved: Vec<String>,
    /// Cameras in both at the same place, aimed or fitted differently.
    pub changed: Vec<String>,
    /// What changing the reported layout into this one costs (the one cost
    /// account: hardware, installation, moves, removals).
    pub change: crate::costing::ChangeCost,
    /// Its figures minus the reported layout's (catalogue value).
    pub cost_delta: f64,
    pub coverage_delta: f64,
    pub weighted_delta: f64,
}

/// The pixel-density scheme the figures use.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Compliance {
    /// "EN 62676-4:2015 (DORI)" for the default levels, else the settings'
    /// `report.density_scheme` or "the scenario's own levels".
    pub scheme: String,
    pub standard_levels: bool,
    /// Name and px/m, densest first.
    pub levels: Vec<(String, f64)>,
    pub target_height_m: f64,
}

/// What must be checked at one camera to sign it off.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checklist {
    pub camera_id: String,
    pub items: Vec<String>,
}

/// The headline: what page one answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    pub target_area_m2: f64,
    pub covered_m2: f64,
    pub coverage: f64,
    pub weighted_coverage: f64,
    pub blind_area_m2: f64,
    /// Blind spots listed (at or above the threshold).
    pub blind_spots: usize,
    pub zones_meeting: usize,
    pub zones_with_requirement: usize,
    pub cameras: usize,
    pub cost: f64,
    /// Exterior openings (doors, windows, glass, railings marked exterior).
    pub exterior_openings: usize,
    /// Openings watched as required, of those audited (the opening audit).
    pub openings_met: usize,
    pub openings_audited: usize,
}

/// The most vulnerable way to the most valuable asset: the route (EASI) with the
/// lowest probability of interruption from any passable exterior opening to the
/// asset zone of highest priority. Only when the settings give a response force
/// (without one, no probability of interruption can be stated).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VulnerablePath {
    /// The asset zone: id and name.
    pub to: String,
    pub to_name: String,
    /// Each opening tried and the lowest P(I) of its routes, lowest first.
    pub tried: Vec<(String, f64)>,
    /// The routes from the most vulnerable opening.
    pub report: analysis::RouteReport,
}

/// An exterior opening the search for the most vulnerable way in could not
/// follow, and why. The document lists these beside the answer, since a way
/// in left out silently would make "the most vulnerable" claim wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NotAnalysed {
    /// The opening's id.
    pub opening: String,
    /// The route analysis's message.
    pub reason: String,
}

/// What the search for the most vulnerable way in found: the path (see
/// [`VulnerablePath`]) and the exterior openings it could not follow.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct VulnerableSearch {
    pub path: Option<VulnerablePath>,
    pub not_analysed: Vec<NotAnalysed>,
}

/// Finds the [`VulnerablePath`] of `session`, if its settings give a response
/// force, it has an asset zone and an exterior opening a person can pass.
///
/// An opening that cannot be passed, or from which no way on foot reaches the
/// asset, is not a way in to it and is left out. Any other failure of the
/// route analysis (an exterior opening with rooms on both sides, a start off
/// the plan) is kept in [`VulnerableSearch::not_analysed`] with its message.
pub fn vulnerable_path(session: &Session) -> VulnerableSearch {
    let mut search = VulnerableSearch::default();
    let scenario = session.scenario();
    if scenario.settings.security.response.is_none() {
        return search;
    }
    let Some(asset) = scenario
        .plan
        .zones
        .iter()
        .filter(|z| z.kind == ZoneKind::Asset)
        .max_by(|a, b| a.priority.total_cmp(&b.priority).then(b.id.cmp(&a.id)))
    else {
        return search;
    };
    let quick = analysis::RouteOptions {
        suggest: false,
        ..analysis::RouteOptions::default()
    };
    // With a response force every route has a P(I); one without any has
    // nothing to rank and is left out of `tried`.
    let lowest = |r: &analysis::RouteReport| {
        r.most_vulnerable
            .as_ref()
            .and_then(|p| p.p_interruption)
            .unwrap_or(f64::INFINITY)
    };
    let mut tried: Vec<(String, f64)> = Vec::new();
    for w in scenario.plan.walls.iter().filter(|w| w.exterior) {
        let start = analysis::Start::Opening(w.id.clone());
        match analysis::route(session, &start, &asset.id, &quick) {
            Ok(r) => tried.push((w.id.clone(), lowest(&r))),
            Err(analysis::RouteError::NotPassable(..) | analysis::RouteError::Unreachable(..)) => {}
            // The analysis's own advice for this one is for `blindspot route`;
            // a reader of the document needs what to check in the plan.
            Err(analysis::RouteError::NoOutside(_)) => search.not_analysed.push(NotAnalysed {
                opening: w.id.clone(),
                reason: "it has rooms on both sides, or no zone says which side is in, so it has no outside: check that it is exterior and that the zones beside it are right".to_string(),
            }),
            Err(e) => search.not_analysed.push(NotAnalysed {
                opening: w.id.clone(),
                reason: e.to_string(),
            }),
        }
    }
    tried.retain(|(_, p)| p.is_finite());
    crate::sorting::by(&mut tried, |a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let Some((from, _)) = tried.first().cloned() else {
        return search;
    };
    // The worst start again, with the change that would help most.
    match analysis::route(
        session,
        &analysis::Start::Opening(from.clone()),
        &asset.id,
        &analysis::RouteOptions::default(),
    ) {
        Ok(report) => {
            search.path = Some(VulnerablePath {
                to: asset.id.clone(),
                to_name: asset.name.clone(),
                tried,
                report,
            })
        }
        Err(e) => search.not_analysed.push(NotAnalysed {
            opening: from,
            reason: e.to_string(),
        }),
    }
    search
}

/// Everything the report says about one layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dossier {
    pub title: String,
    pub layout: String,
    pub site: Option<String>,
    pub client: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub revision: Option<String>,
    /// The marking for every page (none when set to "").
    pub confidentiality: Option<String>,
    pub currency: String,
    /// True when any price used is an example, not a quote.
    pub example_prices: bool,
    pub headline: Headline,
    pub zones: Vec<ZoneRow>,
    pub blind_spots: Vec<BlindSpotRow>,
    /// Slivers below the threshold: count, area, threshold.
    pub slivers: (usize, f64, f64),
    pub cameras: Vec<CameraRow>,
    pub materials: Vec<CostLine>,
    /// The pole sites holding cameras, each at its cost.
    pub poles: Vec<crate::costing::PoleLine>,
    pub hardware: f64,
    pub installation: f64,
    pub poles_total: f64,
    /// Hardware, installation and poles.
    pub total: f64,
    pub unpriced_cameras: usize,
    /// Every layout of the file, the reported one included, in file order.
    pub layouts: Vec<LayoutFigures>,
    /// Index of the reported layout in `layouts`.
    pub reported: usize,
    /// The other layouts against the reported one.
    pub changes: Vec<LayoutChanges>,
    pub recording: RecordingPlan,
    pub purposes: Vec<PurposeCheck>,
    pub compliance: Compliance,
    pub checklists: Vec<Checklist>,
    /// The opening audit, zone requirements and critical cameras
    /// (`crate::analysis`).
    pub audit: Audit,
    /// The most vulnerable path to the most valuable asset, when the settings
    /// give a response force.
    pub vulnerable: Option<VulnerablePath>,
    /// Exterior openings that search could not follow, and why.
    pub ways_in_not_analysed: Vec<NotAnalysed>,
    /// Repairs made while reading the file.
    pub warnings: Vec<String>,
}

/// The zones meeting their required level, of those that have one.
fn zones_meeting(summary: &Summary) -> (usize, usize) {
    let with: Vec<_> = summary
        .zones
        .iter()
        .filter(|z| z.required_level.is_some())
        .collect();
    let meeting = with
        .iter()
        .filter(|z| z.required_coverage >= MET_FRACTION)
        .count();
    (meeting, with.len())
}

fn figures(session: &Session, summary: &Summary) -> LayoutFigures {
    let (meeting, with) = zones_meeting(summary);
    LayoutFigures {
        name: session.scenario().name.clone(),
        cameras: summary.cameras.len(),
        cost: summary.costs.total,
        coverage: summary.coverage,
        weighted_coverage: summary.weighted_coverage,
        blind_area_m2: summary.blind_area_m2,
        zones_meeting: meeting,
        zones_with_requirement: with,
    }
}

/// Cameras added, removed, moved and otherwise changed from `from` to `to`.
fn camera_changes(from: &[Camera], to: &[Camera]) -> [Vec<String>; 4] {
    let find = |list: &[Camera], id: &str| list.iter().find(|c| c.id == id).cloned();
    let added = to
        .iter()
        .filter(|c| find(from, &c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    let removed = from
        .iter()
        .filter(|c| find(to, &c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    let mut moved = Vec::new();
    let mut changed = Vec::new();
    for c in to {
        if let Some(old) = find(from, &c.id) {
            if old.position != c.position {
                moved.push(c.id.clone());
            } else if old != *c {
                changed.push(c.id.clone());
            }
        }
    }
    [added, removed, moved, changed]
}

fn compliance(scenario: &Scenario, levels: &[crate::scenario::DensityLevel]) -> Compliance {
    let mut standard = default_density_levels();
    crate::sorting::by_key_descending(&mut standard, |l| l.px_per_m);
    let is_standard = levels == standard.as_slice();
    Compliance {
        scheme: if is_standard {
            "EN 62676-4:2015 (DORI)".to_string()
        } else {
            scenario
                .settings
                .report
                .density_scheme
                .clone()
                .unwrap_or_else(|| "the scenario's own density levels".to_string())
        },
        standard_levels: is_standard,
        levels: levels
            .iter()
            .map(|l| (l.name.clone(), l.px_per_m))
            .collect(),
        target_height_m: scenario.settings.target_height_m,
    }
}

fn camera_rows(session: &Session, summary: &Summary) -> Vec<CameraRow> {
    let scenario = session.scenario();
    scenario
        .cameras
        .iter()
        .zip(&summary.cameras)
        .map(|(c, r)| {
            let full = r.hfov_deg.is_some_and(|h| h >= 360.0);
            CameraRow {
                id: c.id.clone(),
                model: scenario
                    .model_of(c)
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "no model".to_string()),
                model_id: c.model.clone(),
                position: [c.position.x, c.position.y],
                height_m: c.height_m,
                // A camera has a mount exactly when it has a height.
                tilt_deg: scenario.spec(c).and_then(|s| s.mount).map(|m| m.tilt_deg),
                heading_deg: c.heading_deg,
                bearing_deg: compass::bearing_deg(c.heading_deg),
                bearing: if full {
                    "360° view".to_string()
                } else {
                    compass::format_bearing(c.heading_deg)
                },
                hfov_deg: r.hfov_deg,
                range_m: r.range_m,
                near_m: r.near_m,
                far_m: r.far_m,
                view_area_m2: r.view_area_m2,
                dead_zone_m2: r.dead_zone_m2,
                detail_reach: r
                    .levels
                    .iter()
                    .map(|l| (l.name.clone(), l.radius_m))
                    .collect(),
            }
        })
        .collect()
}

fn checklist(
    scenario: &Scenario,
    row: &CameraRow,
    purpose: Option<&PurposeCheck>,
    recording: Option<&super::recording::CameraRecording>,
    levels: &[crate::scenario::DensityLevel],
) -> Checklist {
    use super::format::{grouped, metres};
    let mut items = Vec::new();
    let mount = match (row.height_m, row.tilt_deg) {
        (Some(h), Some(t)) => format!(
            ", lens {} above the floor, tilted {}° down",
            metres(h),
            grouped(t, 0)
        ),
        _ => String::new(),
    };
    items.push(format!(
        "Mounted at ({}, {}){mount}, as drawn.",
        grouped(row.position[0], 2),
        grouped(row.position[1], 2)
    ));
    if row.bearing.ends_with("view") {
        items.push(
            "Image covers the full circle around the camera (no heading to set).".to_string(),
        );
    } else {
        items.push(format!(
            "Aimed at bearing {} (within ±2°), horizontal field of view {}°.",
            row.bearing,
            row.hfov_deg
                .map(|h| grouped(h, 0))
                .unwrap_or_else(|| "?".into())
        ));
    }
    if let (Some(near), Some(far)) = (row.near_m, row.far_m) {
        items.push(format!(
            "Floor seen from {} to {} away at {} target height{}.",
            metres(near),
            metres(far),
            metres(scenario.settings.target_height_m),
            match row.dead_zone_m2 {
                Some(a) if a > 0.0 && near > 0.0 => format!(
                    "; the dead zone of {} under the camera is not seen",
                    super::format::area(a)
                ),
                _ => String::new(),
            }
        ));
    }
    let reaches: Vec<String> = row
        .detail_reach
        .iter()
        .filter(|(_, reach)| *reach > 0.0)
        .map(|(name, reach)| {
            let px = levels
                .iter()
                .find(|l| &l.name == name)
                .map(|l| grouped(l.px_per_m, 1).trim_end_matches(".0").to_string())
                .unwrap_or_default();
            format!("{name} ({px} px/m) to {}", metres(*reach))
        })
        .collect();
    if !reaches.is_empty() {
        items.push(format!(
            "Detail on the axis: {}. Place a test chart or a person {} tall at each distance and confirm.",
            reaches.join(", "),
            metres(scenario.settings.target_height_m)
        ));
    }
    if let Some(p) = purpose {
        let place = match &p.place {
            super::purpose::Place::Zone { name, .. } => format!("across {name}"),
            super::purpose::Place::Point { x, y } => {
                format!("at ({}, {})", grouped(*x, 2), grouped(*y, 2))
            }
            super::purpose::Place::Unplaced => "where it is".to_string(),
        };
        let planned = match &p.verdict {
            super::purpose::Verdict::Met => "met in the plan".to_string(),
            super::purpose::Verdict::Short(why) => format!("NOT met in the plan: {why}"),
            super::purpose::Verdict::Unchecked(why) => format!("not checked: {why}"),
        };
        items.push(format!(
            "Purpose: {} {} {place} at {} px/m or more ({planned}).",
            p.task,
            if p.target.is_empty() {
                "the target"
            } else {
                &p.target
            },
            grouped(p.px_per_m, 1).trim_end_matches(".0"),
        ));
    }
    if let Some(r) = recording {
        items.push(format!(
            "Records {} fps {} {} h a day; the recorder keeps {} days{}.",
            grouped(r.fps, 0),
            match r.codec {
                crate::scenario::Codec::H264 => "H.264",
                crate::scenario::Codec::H265 => "H.265",
            },
            grouped(r.hours_per_day, 0),
            grouped(r.retention_days, 0),
            match r.storage_tb {
                Some(tb) => format!(" ({} TB for this camera)", grouped(tb, 2)),
                None => String::new(),
            }
        ));
    }
    items.push(
        "Checked by day and in the darkest light the site has (night, infrared), on the live and the recorded image; clock synchronised with the recorder; reference image saved."
            .to_string(),
    );
    Checklist {
        camera_id: row.id.clone(),
        items,
    }
}

/// Builds the dossier of `layouts[reported]` (see [`layouts`]). `date` (from
/// the command line or the page) wins over the scenario's
/// `settings.report.date`.
pub fn build<S: Borrow<Session>>(layouts: &[S], reported: usize, date: Option<&str>) -> Dossier {
    let layouts: Vec<&Session> = layouts.iter().map(Borrow::borrow).collect();
    let session = layouts[reported];
    let scenario = session.scenario();
    let summaries: Vec<Summary> = layouts.iter().map(|s| report::summarize(s)).collect();
    let summary = &summaries[reported];
    let levels = session.levels();
    let info = &scenario.settings.report;
    let (meeting, with) = zones_meeting(summary);
    let (blind, omitted) = report::blind_spot_list(session);
    let zone_name = |id: &String| {
        scenario
            .plan
            .zones
            .iter()
            .find(|z| &z.id == id)
            .map(|z| z.name.clone())
            .unwrap_or_else(|| id.clone())
    };
    let blind_spots = blind
        .iter()
        .enumerate()
        .map(|(i, b): (usize, &BlindSpotReport)| {
            let at = crate::geometry::label_point(&b.polygon);
            BlindSpotRow {
                number: i + 1,
                area_m2: b.area_m2,
                zones: b.zone_ids.iter().map(zone_name).collect(),
                at: [at.x, at.y],
            }
        })
        .collect();
    let zones = summary
        .zones
        .iter()
        .map(|z| ZoneRow {
            id: z.id.clone(),
            name: z.name.clone(),
            kind: z.kind,
            priority: z.priority,
            area_m2: z.area_m2,
            covered_m2: z.covered_area_m2,
            coverage: z.coverage,
            required_level: z.required_level.clone(),
            required_coverage: z.required_coverage,
            meets_required: z
                .required_level
                .as_ref()
                .map(|_| z.required_coverage >= MET_FRACTION),
            level_reached: z
                .levels
                .iter()
                .find(|l| l.coverage >= MET_FRACTION)
                .map(|l| l.name.clone()),
        })
        .collect();
    let cameras = camera_rows(session, summary);
    let recording = recording_plan(scenario);
    let purposes = check_purposes(session);
    let checklists = cameras
        .iter()
        .map(|row| {
            checklist(
                scenario,
                row,
                purposes.iter().find(|p| p.camera_id == row.id),
                recording.cameras.iter().find(|r| r.id == row.id),
                levels,
            )
        })
        .collect();
    let all: Vec<LayoutFigures> = layouts
        .iter()
        .zip(&summaries)
        .map(|(s, sum)| figures(s, sum))
        .collect();
    let me = &all[reported];
    let changes = layouts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != reported)
        .map(|(i, other)| {
            let [added, removed, moved, changed] =
                camera_changes(&scenario.cameras, &other.scenario().cameras);
            let f = all[i].clone();
            LayoutChanges {
                change: crate::costing::change_cost(
                    scenario,
                    &scenario.cameras,
                    &other.scenario().cameras,
                ),
                cost_delta: f.cost - me.cost,
                coverage_delta: f.coverage - me.coverage,
                weighted_delta: f.weighted_coverage - me.weighted_coverage,
                figures: f,
                added,
                removed,
                moved,
                changed,
            }
        })
        .collect();
    let costs = &summary.costs;
    let audit = analysis::audit(session);
    Dossier {
        title: info
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| {
                if layouts[0].scenario().name.is_empty() {
                    "CCTV coverage plan".to_string()
                } else {
                    layouts[0].scenario().name.clone()
                }
            }),
        layout: scenario.name.clone(),
        site: info.site.clone(),
        client: info.client.clone(),
        author: info.author.clone(),
        date: date.map(str::to_string).or_else(|| info.date.clone()),
        revision: info.revision.clone(),
        confidentiality: match &info.confidentiality {
            None => Some(DEFAULT_CONFIDENTIALITY.to_string()),
            Some(t) if t.trim().is_empty() => None,
            Some(t) => Some(t.clone()),
        },
        currency: costs.currency.clone(),
        example_prices: costs.example_prices,
        headline: Headline {
            target_area_m2: summary.target_area_m2,
            covered_m2: summary.covered_area_m2,
            coverage: summary.coverage,
            weighted_coverage: summary.weighted_coverage,
            blind_area_m2: summary.blind_area_m2,
            blind_spots: blind.len(),
            zones_meeting: meeting,
            zones_with_requirement: with,
            cameras: scenario.cameras.len(),
            cost: costs.total,
            exterior_openings: scenario.plan.walls.iter().filter(|w| w.exterior).count(),
            openings_met: audit.headline.openings_met,
            openings_audited: audit.headline.openings_audited,
        },
        zones,
        blind_spots,
        slivers: (omitted.count, omitted.area_m2, omitted.threshold_m2),
        cameras,
        materials: costs.lines.clone(),
        poles: costs.poles.clone(),
        hardware: costs.hardware,
        installation: costs.installation,
        poles_total: costs.poles_total,
        total: costs.total,
        unpriced_cameras: costs.unpriced_cameras,
        layouts: all,
        reported,
        changes,
        recording,
        purposes,
        compliance: compliance(scenario, levels),
        checklists,
        audit,
        // Computed for the HTML report only (a few route searches).
        vulnerable: None,
        ways_in_not_analysed: Vec::new(),
        warnings: session
            .warnings()
            .list
            .iter()
            .map(|p| p.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Point;

    fn cam(id: &str, x: f64, heading: f64) -> Camera {
        Camera {
            id: id.to_string(),
            position: Point::new(x, 0.0),
            heading_deg: heading,
            hfov_deg: Some(90.0),
            range_m: Some(10.0),
            ..Default::default()
        }
    }

    #[test]
    fn changes_between_layouts_by_camera_id() {
        let from = vec![cam("a", 0.0, 0.0), cam("b", 1.0, 0.0), cam("c", 2.0, 0.0)];
        let to = vec![cam("a", 0.0, 45.0), cam("b", 5.0, 0.0), cam("d", 3.0, 0.0)];
        let [added, removed, moved, changed] = camera_changes(&from, &to);
        assert_eq!(added, ["d"]);
        assert_eq!(removed, ["c"]);
        assert_eq!(moved, ["b"]);
        assert_eq!(changed, ["a"]);
    }
}
