//! Checks on the documents' fields: a calendar date, recording figures within
//! sense, purposes with a known task and a place that exists.

use super::check_between;
use crate::scenario::documents::*;
use crate::scenario::model::*;
use crate::scenario::problem::Problems;

/// Checks `settings.report` and `settings.recording`.
pub(in crate::scenario) fn check_settings(settings: &Settings, problems: &mut Problems) {
    if let Some(date) = &settings.report.date
        && let Err(why) = parse_date(date)
    {
        problems.error("settings.report.date", why);
    }
    let r = &settings.recording;
    check_common(
        "settings.recording",
        Some(r.fps),
        Some(r.hours_per_day),
        Some(r.retention_days),
        problems,
    );
    check_between(
        r.recorder_tb,
        0.0,
        false,
        100_000.0,
        "settings.recording.recorder_tb",
        "a recorder's usable storage",
        "TB",
        problems,
    );
}

fn check_common(
    path: &str,
    fps: Option<f64>,
    hours: Option<f64>,
    days: Option<f64>,
    problems: &mut Problems,
) {
    if let Some(fps) = fps {
        check_between(
            fps,
            0.0,
            false,
            240.0,
            &format!("{path}.fps"),
            "frame rate",
            "frames per second",
            problems,
        );
    }
    if let Some(h) = hours {
        check_between(
            h,
            0.0,
            true,
            24.0,
            &format!("{path}.hours_per_day"),
            "hours recorded a day",
            "h",
            problems,
        );
    }
    if let Some(d) = days {
        check_between(
            d,
            0.0,
            false,
            36_500.0,
            &format!("{path}.retention_days"),
            "retention",
            "days",
            problems,
        );
    }
}

/// Checks a camera's `recording` and `purpose` against its scenario.
pub(in crate::scenario) fn check_camera(
    scenario: &Scenario,
    camera: &Camera,
    path: &str,
    problems: &mut Problems,
) {
    if let Some(r) = &camera.recording {
        let path = format!("{path}.recording");
        check_common(&path, r.fps, r.hours_per_day, r.retention_days, problems);
        if let Some(b) = r.bitrate_mbps {
            check_between(
                b,
                0.0,
                false,
                10_000.0,
                &format!("{path}.bitrate_mbps"),
                "bitrate",
                "Mbit/s",
                problems,
            );
        }
    }
    let Some(purpose) = &camera.purpose else {
        return;
    };
    let path = format!("{path}.purpose");
    if task_px_per_m(&purpose.task, &scenario.settings).is_none() {
        let mut names: Vec<&str> = TASKS.iter().map(|(n, _)| *n).collect();
        for l in &scenario.settings.density_levels {
            if !names.contains(&l.name.as_str()) {
                names.push(&l.name);
            }
        }
        problems.error(
            format!("{path}.task"),
            format!(
                "unknown task \"{}\" (expected one of: {})",
                purpose.task,
                names.join(", ")
            ),
        );
    }
    match (&purpose.zone, purpose.at) {
        (Some(_), Some(_)) => problems.error(
            path.clone(),
            "give the target's place as a zone or as a point \"at\", not both",
        ),
        (Some(zone), None) if !scenario.plan.zones.iter().any(|z| &z.id == zone) => problems.error(
            format!("{path}.zone"),
            format!("no zone \"{zone}\" in the plan"),
        ),
        _ => {}
    }
}
