//! Checks on the security analysis's fields: requirements and delays only on
//! the things they apply to, levels that exist, probabilities within 0..1,
//! detectors that name real openings and asset zones.

use super::super::limits::MAX_RANGE_M;
use super::super::read::Origins;
use super::{check_between, check_hfov, duplicate_ids};
use crate::scenario::model::*;
use crate::scenario::problem::Problems;

/// Longest delay or response time accepted: a day.
const MAX_TIME_S: f64 = 86_400.0;
/// Most cameras an opening can require.
const MAX_REQUIRED_CAMERAS: u32 = 100;
/// Longest range of a glass-break sensor, m (real ones hear 6-10 m).
const MAX_GLASS_BREAK_RANGE_M: f64 = 100.0;

/// Checks every security field of `scenario`.
pub(in crate::scenario) fn validate(
    scenario: &Scenario,
    origins: &Origins,
    problems: &mut Problems,
) {
    let levels: Vec<&str> = scenario
        .settings
        .density_levels
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    let check_level = |level: &str, path: String, problems: &mut Problems| {
        if !levels.contains(&level) {
            problems.error(
                path,
                format!(
                    "unknown density level \"{level}\" (the settings define: {})",
                    levels.join(", ")
                ),
            );
        }
    };
    for (i, wall) in scenario.plan.walls.iter().enumerate() {
        let path = format!("plan.walls[{}]", origins.walls.file_index(i));
        let s = &wall.security;
        if !wall.is_opening() {
            for (field, set) in [
                ("required_level", s.required_level.is_some()),
                ("required_cameras", s.required_cameras.is_some()),
                ("delay", s.delay.is_some()),
                ("passable", s.passable.is_some()),
            ] {
                if set {
                    problems.error(
                        format!("{path}.{field}"),
                        "applies to openings (door, window, glass, railing); a plain wall is never passed",
                    );
                }
            }
            continue;
        }
        if wall.kind == WallKind::Door && s.passable.is_some() {
            problems.error(
                format!("{path}.passable"),
                "a door is always passable (give it a delay instead); make it a wall if it is sealed",
            );
        }
        if let Some(level) = &s.required_level {
            check_level(level, format!("{path}.required_level"), problems);
        }
        if let Some(n) = s.required_cameras {
            check_cameras(n, &format!("{path}.required_cameras"), problems);
        }
        if let Some(d) = &s.delay {
            check_delay(d, &format!("{path}.delay"), problems);
        }
    }
    for (i, zone) in scenario.plan.zones.iter().enumerate() {
        let path = format!("plan.zones[{}].delay", origins.zones.file_index(i));
        match (&zone.delay, zone.kind) {
            (Some(d), ZoneKind::Asset) => check_delay(d, &path, problems),
            (Some(_), _) => problems.error(
                path,
                "a delay applies to asset zones (the time to force a display case)",
            ),
            (None, _) => {}
        }
    }
    let s = &scenario.settings.security;
    if let Some(level) = &s.opening_required_level {
        check_level(
            level,
            "settings.opening_required_level".to_string(),
            problems,
        );
    }
    check_cameras(
        s.opening_required_cameras,
        "settings.opening_required_cameras",
        problems,
    );
    check_between(
        s.walking_speed_m_s,
        0.0,
        false,
        20.0,
        "settings.walking_speed_m_s",
        "walking speed",
        "m/s",
        problems,
    );
    check_probability(
        s.camera_detection.live,
        "settings.camera_detection.live",
        problems,
    );
    check_probability(
        s.camera_detection.analytics,
        "settings.camera_detection.analytics",
        problems,
    );
    if let Some(r) = &s.response {
        check_time(r.mean_s, "settings.response.mean_s", problems);
        check_time(r.sd_s, "settings.response.sd_s", problems);
        check_probability(
            r.p_communication,
            "settings.response.p_communication",
            problems,
        );
    }
    duplicate_ids(
        scenario.detectors.iter().map(|d| d.id.as_str()),
        "detectors",
        &origins.detectors,
        problems,
    );
    for (i, detector) in scenario.detectors.iter().enumerate() {
        let path = format!("detectors[{}]", origins.detectors.file_index(i));
        check_detector(scenario, detector, &path, problems);
    }
}

fn check_detector(scenario: &Scenario, detector: &Detector, path: &str, problems: &mut Problems) {
    check_probability(detector.p_detect, &format!("{path}.p_detect"), problems);
    match &detector.kind {
        DetectorKind::Motion {
            heading_deg,
            hfov_deg,
            range_m,
            ..
        } => {
            if !heading_deg.is_finite() {
                problems.error(
                    format!("{path}.heading_deg"),
                    "heading is not a finite number",
                );
            }
            check_hfov(*hfov_deg, &format!("{path}.hfov_deg"), problems);
            check_between(
                *range_m,
                0.0,
                false,
                MAX_RANGE_M,
                &format!("{path}.range_m"),
                "range",
                "m",
                problems,
            );
        }
        DetectorKind::GlassBreak { range_m, .. } => check_between(
            *range_m,
            0.0,
            false,
            MAX_GLASS_BREAK_RANGE_M,
            &format!("{path}.range_m"),
            "hearing range",
            "m",
            problems,
        ),
        DetectorKind::Contact { opening } => {
            match scenario.plan.walls.iter().find(|w| &w.id == opening) {
                Some(w) if w.is_opening() => {}
                Some(_) => problems.error(
                    format!("{path}.opening"),
                    format!("\"{opening}\" is a plain wall; a contact goes on a door, window, glass or railing"),
                ),
                None => problems.error(
                    format!("{path}.opening"),
                    format!("no wall \"{opening}\" in the plan"),
                ),
            }
        }
        DetectorKind::Case { zone } => match scenario.plan.zones.iter().find(|z| &z.id == zone) {
            Some(z) if z.kind == ZoneKind::Asset => {}
            Some(z) => problems.error(
                format!("{path}.zone"),
                format!(
                    "zone \"{zone}\" is a {}; a case alarm goes on an asset zone",
                    z.kind.name()
                ),
            ),
            None => problems.error(
                format!("{path}.zone"),
                format!("no zone \"{zone}\" in the plan"),
            ),
        },
    }
}

fn check_delay(d: &Delay, path: &str, problems: &mut Problems) {
    check_time(d.mean_s, &format!("{path}.mean_s"), problems);
    check_time(d.sd_s, &format!("{path}.sd_s"), problems);
}

fn check_time(t: f64, path: &str, problems: &mut Problems) {
    check_between(t, 0.0, true, MAX_TIME_S, path, "a time", "s", problems);
}

fn check_probability(p: f64, path: &str, problems: &mut Problems) {
    if !(0.0..=1.0).contains(&p) {
        problems.error(
            path,
            format!("a probability must be from 0 to 1, found {p}"),
        );
    }
}

fn check_cameras(n: u32, path: &str, problems: &mut Problems) {
    if !(1..=MAX_REQUIRED_CAMERAS).contains(&n) {
        problems.error(
            path,
            format!("must be from 1 to {MAX_REQUIRED_CAMERAS} cameras, found {n}"),
        );
    }
}
