//! The report: the numbers a board quotes, for machines (JSON) and people (text).

mod text;

pub use text::render_text;

use crate::geometry::Polygon;
use crate::session::Session;
use serde::Serialize;

/// Coverage figures of one zone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ZoneReport {
    pub id: String,
    pub name: String,
    pub kind: crate::scenario::ZoneKind,
    pub priority: f64,
    pub area_m2: f64,
    pub covered_area_m2: f64,
    /// Covered area over area, 0..1.
    pub coverage: f64,
    pub multi_covered_area_m2: f64,
}

/// One camera's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraReport {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub view_area_m2: f64,
    /// The view polygon (only in the full report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<Polygon>,
}

/// Totals without polygons: cheap enough for every frame of a drag.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Area of the union of all zones.
    pub target_area_m2: f64,
    pub covered_area_m2: f64,
    pub coverage: f64,
    /// Sum of priority x covered over sum of priority x area, per zone.
    pub weighted_coverage: f64,
    /// Target area seen by two or more cameras.
    pub multi_covered_area_m2: f64,
    /// Target area seen by no camera.
    pub blind_area_m2: f64,
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

/// The summary of a session.
pub fn summarize(session: &Session) -> Summary {
    let scenario = session.scenario();
    let coverage = session.coverage();
    let total = coverage.total();
    let per_zone = coverage.per_zone();
    let zones: Vec<ZoneReport> = scenario
        .plan
        .zones
        .iter()
        .zip(&per_zone)
        .map(|(z, a)| ZoneReport {
            id: z.id.clone(),
            name: z.name.clone(),
            kind: z.kind,
            priority: z.priority,
            area_m2: a.area,
            covered_area_m2: a.covered,
            coverage: ratio(a.covered, a.area),
            multi_covered_area_m2: a.multi,
        })
        .collect();
    let weighted_num: f64 = zones.iter().map(|z| z.priority * z.covered_area_m2).sum();
    let weighted_den: f64 = zones.iter().map(|z| z.priority * z.area_m2).sum();
    let cameras = scenario
        .cameras
        .iter()
        .zip(session.views())
        .map(|(c, v)| CameraReport {
            id: c.id.clone(),
            model: c.model.clone(),
            view_area_m2: v.area,
            view: None,
        })
        .collect();
    Summary {
        target_area_m2: total.area,
        covered_area_m2: total.covered,
        coverage: ratio(total.covered, total.area),
        weighted_coverage: ratio(weighted_num, weighted_den),
        multi_covered_area_m2: total.multi,
        blind_area_m2: (total.area - total.covered).max(0.0),
        zones,
        cameras,
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
