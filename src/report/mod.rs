//! The report: the numbers a board quotes, for machines (JSON) and people (text).

mod text;

pub use text::{render_site_text, render_text};

use crate::geometry::Polygon;
use crate::session::Session;
use serde::Serialize;

/// Area seen at one pixel-density level or better.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelCoverage {
    pub name: String,
    pub px_per_m: f64,
    pub covered_area_m2: f64,
    /// Over the zone's (or target's) area, 0..1.
    pub coverage: f64,
}

/// Coverage figures of one zone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ZoneReport {
    pub id: String,
    pub name: String,
    pub kind: crate::scenario::ZoneKind,
    pub priority: f64,
    pub area_m2: f64,
    /// Seen by at least one camera (at any density).
    pub covered_area_m2: f64,
    /// Covered area over area, 0..1.
    pub coverage: f64,
    pub multi_covered_area_m2: f64,
    /// The level this zone must be seen at, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// Coverage at the required level (plain coverage when none is set): what
    /// weighted coverage counts.
    pub required_coverage: f64,
    /// Area seen at each density level, densest first.
    pub levels: Vec<LevelCoverage>,
}

/// One camera's density band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraLevel {
    pub name: String,
    /// Horizontal distance up to which the level holds (within the footprint).
    pub radius_m: f64,
    /// Floor area the camera sees at this level or better.
    pub area_m2: f64,
}

/// One camera's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraReport {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Floor area covered (the dead zone excluded).
    pub view_area_m2: f64,
    /// The optics in effect (from the camera, its lens or its model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vfov_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_mm: Option<f64>,
    /// Mounted cameras: where the footprint starts and ends on the floor, and
    /// the visible area of the dead zone under the camera.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub far_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dead_zone_m2: Option<f64>,
    /// Density bands, for models with a resolution.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<CameraLevel>,
    /// The view polygon (only in the full report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<Polygon>,
}

/// Cameras of one model and what they cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostLine {
    /// Model id, or null for cameras without a model.
    pub model: Option<String>,
    pub name: String,
    pub count: usize,
    pub unit_price: f64,
    pub install_cost: f64,
    /// count x (unit price + installation).
    pub total: f64,
    /// The prices are examples from the starter catalogue.
    pub example_prices: bool,
}

/// What the plan costs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Costs {
    pub currency: String,
    pub lines: Vec<CostLine>,
    /// Sum of unit prices.
    pub hardware: f64,
    /// Sum of installation costs.
    pub installation: f64,
    /// The pole sites holding cameras, each at its cost (once, however many
    /// cameras it holds), and their sum.
    pub poles: Vec<crate::costing::PoleLine>,
    pub poles_total: f64,
    /// Hardware, installation and poles: the layout at catalogue prices (the
    /// cost account's `total_after` for it).
    pub total: f64,
    /// Cameras whose model lacks a unit price or an installation cost (the
    /// missing part counted at zero).
    pub unpriced_cameras: usize,
    /// True when any price used is an example.
    pub example_prices: bool,
}

/// The overall figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overall {
    /// Area of the union of all zones.
    pub target_area_m2: f64,
    pub covered_area_m2: f64,
    pub coverage: f64,
    /// Sum of priority x covered at the required level over sum of priority x
    /// area, per zone.
    pub weighted_coverage: f64,
    /// Target area seen by two or more cameras.
    pub multi_covered_area_m2: f64,
    /// Target area seen by no camera.
    pub blind_area_m2: f64,
    /// Target area seen at each density level, densest first.
    pub levels: Vec<LevelCoverage>,
    pub costs: Costs,
}

/// Totals without polygons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub overall: Overall,
    pub zones: Vec<ZoneReport>,
    pub cameras: Vec<CameraReport>,
}

/// A blind spot in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlindSpotReport {
    pub area_m2: f64,
    pub zone_ids: Vec<String>,
    pub polygon: Polygon,
}

/// Blind spots left out of the list for being smaller than the threshold.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Omitted {
    pub count: usize,
    pub area_m2: f64,
    /// The threshold used, from the scenario's settings.
    pub threshold_m2: f64,
}

/// The full report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub name: String,
    #[serde(flatten)]
    pub summary: Summary,
    /// Largest first; slivers below the threshold are counted in `blind_spots_omitted`.
    pub blind_spots: Vec<BlindSpotReport>,
    pub blind_spots_omitted: Omitted,
    /// Repairs made while loading the scenario.
    pub warnings: Vec<String>,
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn level_coverage(
    levels: &[crate::scenario::DensityLevel],
    areas: &[f64],
    whole: f64,
) -> Vec<LevelCoverage> {
    levels
        .iter()
        .zip(areas)
        .map(|(l, &a)| LevelCoverage {
            name: l.name.clone(),
            px_per_m: l.px_per_m,
            covered_area_m2: a,
            coverage: ratio(a, whole),
        })
        .collect()
}

/// The summary of a session.
pub fn summarize(session: &Session) -> Summary {
    let zones = zone_reports(session);
    Summary {
        overall: overall(session, &zones),
        cameras: (0..session.scenario().cameras.len())
            .map(|i| camera_report(session, i))
            .collect(),
        zones,
    }
}

fn overall(session: &Session, zones: &[ZoneReport]) -> Overall {
    let (total, total_levels) = session.coverage().total();
    Overall {
        target_area_m2: total.area,
        covered_area_m2: total.covered,
        coverage: ratio(total.covered, total.area),
        weighted_coverage: weighted(zones),
        multi_covered_area_m2: total.multi,
        blind_area_m2: (total.area - total.covered).max(0.0),
        levels: level_coverage(session.levels(), &total_levels, total.area),
        costs: costs(session.scenario()),
    }
}

/// Sum of priority x covered at the required level over sum of priority x area.
fn weighted(zones: &[ZoneReport]) -> f64 {
    let num: f64 = zones
        .iter()
        .map(|z| z.priority * z.required_coverage * z.area_m2)
        .sum();
    let den: f64 = zones.iter().map(|z| z.priority * z.area_m2).sum();
    ratio(num, den)
}

/// Each zone's figures.
fn zone_reports(session: &Session) -> Vec<ZoneReport> {
    let scenario = session.scenario();
    let levels = session.levels();
    let per_zone = session.coverage().per_zone();
    scenario
        .plan
        .zones
        .iter()
        .zip(&per_zone)
        .map(|(z, (a, level_areas))| {
            let required = z
                .required_level
                .as_ref()
                .and_then(|name| levels.iter().position(|l| &l.name == name));
            // No required level: all that is seen counts. An unknown level name
            // cannot get here: validation refuses it (scenario/validate.rs).
            let required_area = required.map(|i| level_areas[i]).unwrap_or(a.covered);
            ZoneReport {
                id: z.id.clone(),
                name: z.name.clone(),
                kind: z.kind,
                priority: z.priority,
                area_m2: a.area,
                covered_area_m2: a.covered,
                coverage: ratio(a.covered, a.area),
                multi_covered_area_m2: a.multi,
                required_level: z.required_level.clone(),
                required_coverage: ratio(required_area, a.area),
                levels: level_coverage(levels, level_areas, a.area),
            }
        })
        .collect()
}

/// Camera `i`'s figures (without its view polygon).
pub fn camera_report(session: &Session, i: usize) -> CameraReport {
    let scenario = session.scenario();
    let levels = session.levels();
    let c = &scenario.cameras[i];
    let v = &session.views()[i];
    let mounted = c.height_m.is_some();
    let optics = scenario.optics(c);
    CameraReport {
        id: c.id.clone(),
        model: c.model.clone(),
        view_area_m2: v.area,
        hfov_deg: optics.hfov_deg,
        vfov_deg: optics.vfov_deg,
        range_m: optics.range_m,
        focal_mm: optics.focal_mm,
        near_m: mounted.then_some(v.near_m),
        far_m: mounted.then_some(v.far_m),
        dead_zone_m2: mounted.then(|| {
            if v.dead.len() >= 3 {
                crate::geometry::ring_signed_area(&v.dead).max(0.0)
            } else {
                0.0
            }
        }),
        // Bands exist only for models with a resolution.
        levels: if scenario.model_of(c).and_then(|m| m.resolution_px).is_none() {
            Vec::new()
        } else {
            levels
                .iter()
                .zip(&v.level_radii)
                .zip(&v.level_areas)
                .map(|((l, &r), &a)| CameraLevel {
                    name: l.name.clone(),
                    radius_m: r,
                    area_m2: a,
                })
                .collect()
        },
        view: None,
    }
}

/// A zone's live figures (what changes while a camera moves).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ZoneTotals {
    pub id: String,
    pub covered_area_m2: f64,
    pub coverage: f64,
    pub required_coverage: f64,
    pub multi_covered_area_m2: f64,
}

/// A summary reads as its overall figures too (`summary.coverage`).
impl std::ops::Deref for Summary {
    type Target = Overall;
    fn deref(&self) -> &Overall {
        &self.overall
    }
}

/// The figures a page refreshes on every frame of a drag: the overall figures
/// and lean zones, without the per-camera list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    #[serde(flatten)]
    pub overall: Overall,
    pub zones: Vec<ZoneTotals>,
}

/// The live totals of a session.
pub fn totals(session: &Session) -> Totals {
    let zones = zone_reports(session);
    Totals {
        overall: overall(session, &zones),
        zones: zones
            .into_iter()
            .map(|z| ZoneTotals {
                id: z.id,
                covered_area_m2: z.covered_area_m2,
                coverage: z.coverage,
                required_coverage: z.required_coverage,
                multi_covered_area_m2: z.multi_covered_area_m2,
            })
            .collect(),
    }
}

/// Cameras counted per model with their prices, and the poles holding them.
pub fn costs(scenario: &crate::scenario::Scenario) -> Costs {
    let mut lines: Vec<CostLine> = Vec::new();
    let mut unpriced = 0;
    for camera in &scenario.cameras {
        let model = scenario.model_of(camera);
        // Either part missing is counted (at zero), as `costing` does for an
        // added camera: a total missing its hardware or its installation is
        // never presented as complete.
        if model.is_none_or(|m| m.unit_price.is_none() || m.install_cost.is_none()) {
            unpriced += 1;
        }
        let key = camera.model.clone();
        match lines.iter_mut().find(|l| l.model == key) {
            Some(line) => line.count += 1,
            None => lines.push(CostLine {
                name: model
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "Cameras without a model".to_string()),
                model: key,
                count: 1,
                unit_price: model.and_then(|m| m.unit_price).unwrap_or(0.0),
                install_cost: model.and_then(|m| m.install_cost).unwrap_or(0.0),
                total: 0.0,
                example_prices: model.is_some_and(|m| m.example_prices),
            }),
        }
    }
    let mut hardware = 0.0;
    let mut installation = 0.0;
    for line in &mut lines {
        line.total = line.count as f64 * (line.unit_price + line.install_cost);
        hardware += line.count as f64 * line.unit_price;
        installation += line.count as f64 * line.install_cost;
    }
    let poles = crate::costing::pole_lines(scenario, &scenario.cameras);
    let poles_total: f64 = poles.iter().map(|p| p.cost).sum();
    Costs {
        currency: scenario.settings.currency.clone(),
        example_prices: lines.iter().any(|l| l.example_prices),
        lines,
        hardware,
        installation,
        total: hardware + installation + poles_total,
        poles,
        poles_total,
        unpriced_cameras: unpriced,
    }
}

/// The blind spots to list (at or above the threshold, largest first) and what
/// the threshold left out.
pub fn blind_spot_list(session: &Session) -> (Vec<BlindSpotReport>, Omitted) {
    let scenario = session.scenario();
    let threshold = scenario.settings.min_blind_spot_m2;
    let mut listed = Vec::new();
    let mut omitted = Omitted {
        count: 0,
        area_m2: 0.0,
        threshold_m2: threshold,
    };
    for spot in session.blind_spots().iter() {
        if spot.area < threshold {
            omitted.count += 1;
            omitted.area_m2 += spot.area;
            continue;
        }
        listed.push(BlindSpotReport {
            area_m2: spot.area,
            zone_ids: spot
                .zones
                .iter()
                .map(|&z| scenario.plan.zones[z].id.clone())
                .collect(),
            polygon: spot.polygon.clone(),
        });
    }
    (listed, omitted)
}

/// The full report of a session.
pub fn build(session: &Session) -> Report {
    let scenario = session.scenario();
    let mut summary = summarize(session);
    for (camera, view) in summary.cameras.iter_mut().zip(session.views()) {
        camera.view = Some(Polygon {
            exterior: view.ring.clone(),
            holes: Vec::new(),
        });
    }
    let (blind_spots, omitted) = blind_spot_list(session);
    Report {
        name: scenario.name.clone(),
        summary,
        blind_spots,
        blind_spots_omitted: omitted,
        warnings: session
            .warnings()
            .list
            .iter()
            .map(|p| p.to_string())
            .collect(),
    }
}
