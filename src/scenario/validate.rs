//! Semantic checks on a scenario read from a file: ids, references, bounds and
//! geometry. Repairs what can be repaired safely (with a warning) and reports
//! everything else as errors, all at once.

use super::limits::MAX_RANGE_M;
use super::model::*;
use super::problem::Problems;
use super::read::{ListOrigin, Origins};
use crate::geometry::predicates::{orient, segments_cross_properly, segments_intersect};
use crate::geometry::{Point, ring_contains};
use std::collections::HashMap;

mod documents;
mod levels;
mod security;

/// Checks and repairs `scenario` in place, recording problems.
pub(super) fn validate(scenario: &mut Scenario, origins: &Origins, problems: &mut Problems) {
    if scenario.plan.zones.is_empty() {
        problems.error(
            "plan.zones",
            "the plan has no zones; coverage is measured in zones, so add at least one (a room)",
        );
    }
    duplicate_ids(
        scenario.plan.walls.iter().map(|w| w.id.as_str()),
        "plan.walls",
        &origins.walls,
        problems,
    );
    duplicate_ids(
        scenario.plan.zones.iter().map(|z| z.id.as_str()),
        "plan.zones",
        &origins.zones,
        problems,
    );
    duplicate_ids(
        scenario.catalog.iter().map(|m| m.id.as_str()),
        "catalog",
        &origins.catalog,
        problems,
    );
    duplicate_ids(
        scenario.cameras.iter().map(|c| c.id.as_str()),
        "cameras",
        &origins.cameras,
        problems,
    );

    levels::validate(scenario, origins, problems);

    let mut kept = Vec::with_capacity(scenario.plan.walls.len());
    for (i, mut wall) in std::mem::take(&mut scenario.plan.walls)
        .into_iter()
        .enumerate()
    {
        let path = format!("plan.walls[{}]", origins.walls.file_index(i));
        if repair_wall(&mut wall, &path, problems) {
            kept.push(wall);
        }
    }
    scenario.plan.walls = kept;

    for (i, zone) in scenario.plan.zones.iter_mut().enumerate() {
        let path = format!("plan.zones[{}]", origins.zones.file_index(i));
        repair_zone(zone, &path, problems);
    }
    for (i, model) in scenario.catalog.iter().enumerate() {
        let path = format!("catalog[{}]", origins.catalog.file_index(i));
        check_model(model, &path, problems);
    }
    check_settings(&scenario.settings, problems);
    for (i, zone) in scenario.plan.zones.iter().enumerate() {
        if let Some(level) = &zone.required_level
            && !scenario
                .settings
                .density_levels
                .iter()
                .any(|l| &l.name == level)
        {
            let names: Vec<&str> = scenario
                .settings
                .density_levels
                .iter()
                .map(|l| l.name.as_str())
                .collect();
            problems.error(
                format!("plan.zones[{}].required_level", origins.zones.file_index(i)),
                format!(
                    "unknown density level \"{level}\" (the settings define: {})",
                    names.join(", ")
                ),
            );
        }
    }
    let mut option_names: Vec<&str> = Vec::new();
    for (k, option) in scenario.options.iter().enumerate() {
        let path = format!("options[{k}]");
        if option.name.trim().is_empty() {
            problems.error(format!("{path}.name"), "an option needs a name");
        } else if option_names.contains(&option.name.as_str()) || option.name == scenario.name {
            problems.error(
                format!("{path}.name"),
                format!("another layout is already named \"{}\"", option.name),
            );
        }
        option_names.push(&option.name);
        duplicate_ids(
            option.cameras.iter().map(|c| c.id.as_str()),
            &format!("{path}.cameras"),
            &ListOrigin::default(),
            problems,
        );
        for (i, camera) in option.cameras.iter().enumerate() {
            check_camera(scenario, camera, &format!("{path}.cameras[{i}]"), problems);
        }
    }
    for (i, camera) in scenario.cameras.iter().enumerate() {
        // A model that could not be read was reported already: no second
        // "unknown model" error for the cameras using it.
        if camera
            .model
            .as_ref()
            .is_some_and(|m| origins.catalog.failed_ids.contains(m))
        {
            continue;
        }
        let path = format!("cameras[{}]", origins.cameras.file_index(i));
        check_camera(scenario, camera, &path, problems);
    }
    security::validate(scenario, origins, problems);
    documents::check_settings(&scenario.settings, problems);
}

/// Checks one camera against the scenario it belongs to (its model must exist,
/// its field of view and range must resolve and be in bounds).
pub fn check_camera(scenario: &Scenario, camera: &Camera, path: &str, problems: &mut Problems) {
    if camera.id.trim().is_empty() {
        problems.error(format!("{path}.id"), "camera id is empty");
    }
    if let Some(level) = &camera.level
        && let Err(message) = levels::known_level(scenario, level)
    {
        problems.error(format!("{path}.level"), message);
    }
    if !camera.position.is_finite() {
        problems.error(format!("{path}.position"), "position is not a finite point");
    } else if camera.position.x.abs() > super::limits::MAX_COORDINATE_M
        || camera.position.y.abs() > super::limits::MAX_COORDINATE_M
    {
        problems.error(
            format!("{path}.position"),
            "position is beyond the supported extent of ±1000000 m",
        );
    }
    documents::check_camera(scenario, camera, path, problems);
    if !camera.heading_deg.is_finite() {
        problems.error(
            format!("{path}.heading_deg"),
            "heading is not a finite number",
        );
    }
    let model = match &camera.model {
        Some(id) => match scenario.catalog.iter().find(|m| &m.id == id) {
            Some(m) => Some(m),
            None => {
                let known: Vec<&str> = scenario.catalog.iter().map(|m| m.id.as_str()).collect();
                problems.error(
                    format!("{path}.model"),
                    format!(
                        "unknown camera model \"{id}\" (the catalog has: {})",
                        if known.is_empty() {
                            "no models".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
                return;
            }
        },
        None => None,
    };
    check_optics(
        camera.hfov_deg,
        camera.vfov_deg,
        camera.range_m,
        path,
        problems,
    );
    if let Some(h) = camera.height_m {
        let b = super::limits::CAMERA_LIMITS.height_m;
        check_between(
            h,
            b.min,
            b.min_inclusive,
            b.max,
            &format!("{path}.height_m"),
            "mounting height",
            b.unit,
            problems,
        );
    }
    if let Some(t) = camera.tilt_deg {
        let b = super::limits::CAMERA_LIMITS.tilt_deg;
        check_between(
            t,
            b.min,
            b.min_inclusive,
            b.max,
            &format!("{path}.tilt_deg"),
            "tilt",
            b.unit,
            problems,
        );
    }
    if let Some(f) = camera.focal_mm {
        match model.and_then(|m| m.focal_range_mm) {
            Some([lo, hi]) if !(f >= lo && f <= hi) => problems.error(
                format!("{path}.focal_mm"),
                format!("focal length {f} mm is outside the lens's range {lo}..{hi} mm"),
            ),
            Some(_) => {}
            None => problems.error(
                format!("{path}.focal_mm"),
                match model {
                    Some(m) => format!(
                        "model \"{}\" is not varifocal (no focal_range_mm): remove focal_mm or set hfov_deg",
                        m.id
                    ),
                    None => "a focal length needs a varifocal model (with sensor_mm and focal_range_mm)".to_string(),
                },
            ),
        }
    }
    let optics = scenario.optics(camera);
    let whose = |what: &str, field: &str| match model {
        Some(m) => format!(
            "no {what}: neither the camera nor its model \"{}\" gives {field}",
            m.id
        ),
        None => format!("no {what}: a camera without a model must give {field}"),
    };
    match optics.hfov_deg {
        Some(h) if camera.hfov_deg.is_none() => {
            check_hfov(h, &format!("{path}.hfov_deg"), problems)
        }
        Some(_) => {}
        None => problems.error(path.to_string(), whose("field of view", "hfov_deg")),
    }
    if optics.range_m.is_none() {
        problems.error(path.to_string(), whose("range", "range_m"));
    }
    if camera.height_m.is_some() && optics.vfov_deg.is_none() {
        problems.error(
            format!("{path}.height_m"),
            "a mounted camera needs a vertical field of view: give vfov_deg, or a model with vfov_deg, resolution_px or sensor_mm",
        );
    }
}

/// Records an error unless `lo < x <= hi` (or `lo <= x` when `inclusive`).
#[allow(clippy::too_many_arguments)]
fn check_between(
    x: f64,
    lo: f64,
    inclusive: bool,
    hi: f64,
    path: &str,
    what: &str,
    unit: &str,
    problems: &mut Problems,
) {
    let low_ok = if inclusive { x >= lo } else { x > lo };
    if !(low_ok && x <= hi) {
        let from = if inclusive { "from" } else { "more than" };
        problems.error(
            path,
            format!("{what} must be {from} {lo} up to {hi} {unit}, found {x}"),
        );
    }
}

/// Checks the fields of view and range a camera or a model states.
fn check_optics(
    hfov: Option<f64>,
    vfov: Option<f64>,
    range: Option<f64>,
    path: &str,
    problems: &mut Problems,
) {
    if let Some(h) = hfov {
        check_hfov(h, &format!("{path}.hfov_deg"), problems);
    }
    if let Some(v) = vfov {
        let b = super::limits::CAMERA_LIMITS.vfov_deg;
        check_between(
            v,
            b.min,
            b.min_inclusive,
            b.max,
            &format!("{path}.vfov_deg"),
            "vertical field of view",
            b.unit,
            problems,
        );
    }
    if let Some(r) = range {
        check_range(r, &format!("{path}.range_m"), problems);
    }
}

/// Checks one catalogue model.
fn check_model(model: &CameraModel, path: &str, problems: &mut Problems) {
    check_optics(
        model.hfov_deg,
        model.vfov_deg,
        model.range_m,
        path,
        problems,
    );
    if let Some([w, h]) = model.resolution_px {
        for (i, v) in [w, h].into_iter().enumerate() {
            check_between(
                v,
                0.0,
                false,
                1e6,
                &format!("{path}.resolution_px[{i}]"),
                "resolution",
                "pixels",
                problems,
            );
        }
    }
    if let Some(f) = model.focal_mm {
        check_between(
            f,
            0.0,
            false,
            10_000.0,
            &format!("{path}.focal_mm"),
            "focal length",
            "mm",
            problems,
        );
    }
    if let Some([lo, hi]) = model.focal_range_mm {
        if !(lo > 0.0 && lo <= hi && hi <= 10_000.0) {
            problems.error(
                format!("{path}.focal_range_mm"),
                format!("focal range must be [shortest, longest] with 0 < shortest <= longest, found [{lo}, {hi}]"),
            );
        }
        if model.focal_mm.is_some() {
            problems.error(
                format!("{path}.focal_mm"),
                "a model has either a fixed focal_mm or a focal_range_mm (varifocal), not both",
            );
        }
    }
    if let Some([w, h]) = model.sensor_mm {
        for (i, v) in [w, h].into_iter().enumerate() {
            check_between(
                v,
                0.0,
                false,
                1000.0,
                &format!("{path}.sensor_mm[{i}]"),
                "sensor size",
                "mm",
                problems,
            );
        }
    }
    if (model.focal_mm.is_some() || model.focal_range_mm.is_some())
        && model.sensor_mm.is_none()
        && model.hfov_deg.is_none()
    {
        problems.error(
            format!("{path}.sensor_mm"),
            "a focal length gives a field of view only with the sensor size: add sensor_mm [width, height] or hfov_deg",
        );
    }
    for (field, v) in [
        ("unit_price", model.unit_price),
        ("install_cost", model.install_cost),
        ("removal_cost", model.removal_cost),
    ] {
        if let Some(v) = v {
            check_between(
                v,
                0.0,
                true,
                1e12,
                &format!("{path}.{field}"),
                "a price",
                "",
                problems,
            );
        }
    }
}

/// Checks the settings.
fn check_settings(settings: &Settings, problems: &mut Problems) {
    if settings.min_blind_spot_m2.is_nan() || settings.min_blind_spot_m2 < 0.0 {
        problems.error(
            "settings.min_blind_spot_m2",
            format!("must be zero or more, found {}", settings.min_blind_spot_m2),
        );
    }
    if settings.currency.trim().is_empty() {
        problems.error("settings.currency", "the currency is empty (e.g. \"EUR\")");
    }
    check_between(
        settings.target_height_m,
        0.0,
        true,
        10.0,
        "settings.target_height_m",
        "target height",
        "m",
        problems,
    );
    let mut seen: Vec<&str> = Vec::new();
    for (i, level) in settings.density_levels.iter().enumerate() {
        let path = format!("settings.density_levels[{i}]");
        if level.name.trim().is_empty() {
            problems.error(format!("{path}.name"), "a density level needs a name");
        } else if seen.contains(&level.name.as_str()) {
            problems.error(
                format!("{path}.name"),
                format!("duplicate level name \"{}\"", level.name),
            );
        }
        seen.push(&level.name);
        check_between(
            level.px_per_m,
            0.0,
            false,
            1e6,
            &format!("{path}.px_per_m"),
            "pixel density",
            "px/m",
            problems,
        );
    }
}

fn check_hfov(h: f64, path: &str, problems: &mut Problems) {
    if !super::limits::CAMERA_LIMITS.hfov_deg.contains(h) {
        problems.error(
            path,
            format!(
                "horizontal field of view must be more than 0 and at most 360 degrees, found {h}"
            ),
        );
    }
}

fn check_range(r: f64, path: &str, problems: &mut Problems) {
    if !super::limits::CAMERA_LIMITS.range_m.contains(r) {
        problems.error(
            path,
            format!("range must be more than 0 and at most {MAX_RANGE_M} m, found {r}"),
        );
    }
}

fn duplicate_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    path: &str,
    origin: &ListOrigin,
    problems: &mut Problems,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (k, id) in ids.enumerate() {
        let i = origin.file_index(k);
        if id.trim().is_empty() {
            problems.error(format!("{path}[{i}].id"), "id is empty");
            continue;
        }
        if let Some(j) = first.get(id) {
            problems.error(
                format!("{path}[{i}].id"),
                format!("duplicate id \"{id}\" (also used by {path}[{j}])"),
            );
        } else {
            first.insert(id, i);
        }
    }
}

/// Drops zero-length pieces of a wall. Returns false when nothing is left.
pub(super) fn repair_wall(wall: &mut Wall, path: &str, problems: &mut Problems) -> bool {
    if wall.path.len() < 2 {
        problems.error(
            format!("{path}.path"),
            format!("a wall needs at least 2 points, found {}", wall.path.len()),
        );
        return false;
    }
    let before = wall.path.len();
    let mut dropped = Vec::new();
    let mut kept: Vec<Point> = Vec::with_capacity(before);
    for (i, p) in wall.path.iter().enumerate() {
        if kept.last() == Some(p) {
            dropped.push(i);
        } else {
            kept.push(*p);
        }
    }
    if kept.len() < 2 {
        problems.warning(
            path,
            format!("wall \"{}\" has zero length and was dropped", wall.id),
        );
        return false;
    }
    if !dropped.is_empty() {
        let list: Vec<String> = dropped.iter().map(|i| format!("path[{i}]")).collect();
        problems.warning(
            format!("{path}.path"),
            format!(
                "dropped {} zero-length piece(s) of wall \"{}\" ({} repeat(s) the point before)",
                dropped.len(),
                wall.id,
                list.join(", ")
            ),
        );
        wall.path = kept;
    }
    true
}

/// Removes a repeated closing point and repeated vertices (with a warning), then
/// checks the rings: enough points, some area, no crossing edges, holes inside.
fn repair_zone(zone: &mut Zone, path: &str, problems: &mut Problems) {
    let outer_path = format!("{path}.polygon");
    let mut ok = repair_ring(&mut zone.polygon, &outer_path, problems);
    for (h, hole) in zone.holes.iter_mut().enumerate() {
        ok &= repair_ring(hole, &format!("{path}.holes[{h}]"), problems);
    }
    if !ok {
        return;
    }
    // Crossing edges, within a ring or between rings.
    let rings: Vec<(&Vec<Point>, String)> = std::iter::once((&zone.polygon, outer_path.clone()))
        .chain(
            zone.holes
                .iter()
                .enumerate()
                .map(|(h, r)| (r, format!("{path}.holes[{h}]"))),
        )
        .collect();
    if let Some(msg) = find_crossing(&rings) {
        problems.error(
            path,
            format!(
                "zone \"{}\" is self-intersecting: {msg}; redraw it so no two edges cross",
                zone.id
            ),
        );
        return;
    }
    for (h, hole) in zone.holes.iter().enumerate() {
        // Rings may touch at single points (a hole's corner on the outer
        // ring): only a vertex strictly outside puts the hole outside.
        let inside = hole
            .iter()
            .all(|p| on_ring(&zone.polygon, *p) || ring_contains(&zone.polygon, *p));
        if !inside {
            problems.error(
                format!("{path}.holes[{h}]"),
                format!("hole lies outside the outer ring of zone \"{}\"", zone.id),
            );
        }
    }
}

fn repair_ring(ring: &mut Vec<Point>, path: &str, problems: &mut Problems) -> bool {
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    let before = ring.len();
    ring.dedup();
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    if ring.len() != before {
        problems.warning(
            path,
            format!("removed {} repeated point(s)", before - ring.len()),
        );
    }
    if ring.len() < 3 {
        problems.error(
            path,
            format!(
                "a polygon ring needs at least 3 distinct points, found {}",
                ring.len()
            ),
        );
        return false;
    }
    // A ring with zero signed area but points off one line (a symmetric
    // bow-tie) is self-intersecting: the crossing check reports it.
    let (a, b) = (ring[0], ring[1]);
    if ring.iter().all(|p| orient(a, b, *p) == 0.0) {
        problems.error(
            path,
            "the ring has no area (all its points lie on one line)",
        );
        return false;
    }
    true
}

/// True when `p` lies exactly on the ring's boundary.
fn on_ring(ring: &[Point], p: Point) -> bool {
    let n = ring.len();
    (0..n).any(|i| {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        orient(a, b, p) == 0.0
            && p.x >= a.x.min(b.x)
            && p.x <= a.x.max(b.x)
            && p.y >= a.y.min(b.y)
            && p.y <= a.y.max(b.y)
    })
}

/// How two non-adjacent edges meet, when they do.
enum Meeting {
    /// Their interiors cross, or they overlap along a stretch.
    Cross(Option<Point>),
    /// They touch at one point, an end of at least one of them.
    Touch,
}

fn meeting(a: Point, b: Point, c: Point, d: Point) -> Option<Meeting> {
    if !segments_intersect(a, b, c, d) {
        return None;
    }
    if segments_cross_properly(a, b, c, d) {
        return Some(Meeting::Cross(crossing_point(a, b, c, d)));
    }
    let collinear = orient(a, b, c) == 0.0 && orient(a, b, d) == 0.0;
    if collinear {
        // Overlapping along a stretch, or meeting end to end at one point.
        let shared: Vec<Point> = [a, b, c, d]
            .into_iter()
            .filter(|&p| on_segment_closed(a, b, p) && on_segment_closed(c, d, p))
            .collect();
        let mut distinct = shared.clone();
        distinct.dedup();
        crate::sorting::by(&mut distinct, |p, q| {
            p.x.total_cmp(&q.x).then(p.y.total_cmp(&q.y))
        });
        distinct.dedup();
        return Some(if distinct.len() > 1 {
            Meeting::Cross(distinct.first().copied())
        } else {
            Meeting::Touch
        });
    }
    Some(Meeting::Touch)
}

fn on_segment_closed(a: Point, b: Point, p: Point) -> bool {
    p.x >= a.x.min(b.x) && p.x <= a.x.max(b.x) && p.y >= a.y.min(b.y) && p.y <= a.y.max(b.y)
}

/// Finds two edges that intersect other than at the vertex they share.
/// Edges of different rings may touch at single points (valid, as in the
/// OGC simple-features rules); a ring may not touch itself.
fn find_crossing(rings: &[(&Vec<Point>, String)]) -> Option<String> {
    struct Edge {
        ring: usize,
        index: usize,
        a: Point,
        b: Point,
    }
    let mut edges = Vec::new();
    for (r, (ring, _)) in rings.iter().enumerate() {
        let n = ring.len();
        for i in 0..n {
            edges.push(Edge {
                ring: r,
                index: i,
                a: ring[i],
                b: ring[(i + 1) % n],
            });
        }
    }
    let boxes: Vec<(f64, f64, f64, f64)> = edges
        .iter()
        .map(|e| {
            (
                e.a.x.min(e.b.x),
                e.a.x.max(e.b.x),
                e.a.y.min(e.b.y),
                e.a.y.max(e.b.y),
            )
        })
        .collect();
    // Sort by min x to prune pairs quickly.
    let mut order: Vec<usize> = (0..edges.len()).collect();
    crate::sorting::by_key(&mut order, |&i| boxes[i].0);
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if boxes[j].0 > boxes[i].1 {
                break;
            }
            if boxes[j].2 > boxes[i].3 || boxes[i].2 > boxes[j].3 {
                continue;
            }
            let (e, f) = (&edges[i], &edges[j]);
            let n = rings[e.ring].0.len();
            let adjacent =
                e.ring == f.ring && ((e.index + 1) % n == f.index || (f.index + 1) % n == e.index);
            let hit = if adjacent {
                // Adjacent edges share one vertex; they intersect elsewhere only
                // when they fold back over each other.
                let (shared, p, q) = if (e.index + 1) % n == f.index {
                    (e.b, e.a, f.b)
                } else {
                    (e.a, e.b, f.a)
                };
                (orient(p, shared, q) == 0.0 && (p - shared).dot(q - shared) > 0.0)
                    .then_some(Meeting::Cross(Some(shared)))
            } else {
                match meeting(e.a, e.b, f.a, f.b) {
                    Some(Meeting::Touch) if e.ring != f.ring => None,
                    Some(Meeting::Touch) => Some(Meeting::Cross(None)),
                    other => other,
                }
            };
            if let Some(Meeting::Cross(at)) = hit {
                let near = at.map_or_else(String::new, |at| {
                    format!(" near ({:.3}, {:.3})", at.x, at.y)
                });
                return Some(format!(
                    "edge {} of {} ({:?} -> {:?}) meets edge {} of {}{near}",
                    e.index,
                    rings[e.ring].1,
                    [e.a.x, e.a.y],
                    [e.b.x, e.b.y],
                    f.index,
                    rings[f.ring].1,
                ));
            }
        }
    }
    None
}

/// Where two properly crossing segments cross (`None` for parallel ones,
/// which cannot cross properly).
fn crossing_point(a: Point, b: Point, c: Point, d: Point) -> Option<Point> {
    let r = b - a;
    let s = d - c;
    let denom = r.cross(s);
    (denom != 0.0).then(|| a + r.scale((c - a).cross(s) / denom))
}
