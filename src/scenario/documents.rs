//! What the board documents need from a scenario: the report's title block
//! (`settings.report`), the recording defaults (`settings.recording`), and per
//! camera its recording overrides (`recording`) and its purpose in the
//! Operational Requirement sense (`purpose`). All optional: files without them
//! keep their meaning. See docs/scenario-format.md.

use super::model::Settings;
use crate::geometry::Point;
use serde::{Deserialize, Serialize};

/// The report's title block. Every field is optional; the date may also come
/// from the command line (the core has no clock).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportInfo {
    /// The document's title (default: the scenario's name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The issue date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// The marking printed on every page (default "Confidential: security
    /// plan"; an empty string prints none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<String>,
    /// The name of the pixel-density scheme when the settings define their
    /// own levels (the default levels are EN 62676-4:2015's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub density_scheme: Option<String>,
}

impl ReportInfo {
    pub(in crate::scenario) fn is_default(&self) -> bool {
        *self == ReportInfo::default()
    }
}

/// A video codec, for the bitrate estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Codec {
    H264,
    H265,
}

impl Codec {
    pub const ALL: [Codec; 2] = [Codec::H264, Codec::H265];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Codec::H264 => "h264",
            Codec::H265 => "h265",
        }
    }

    /// The codec with this file name.
    pub fn from_name(name: &str) -> Option<Codec> {
        Codec::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// How much moves in a camera's scene, for the bitrate estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activity {
    /// A gallery at night, a store room: little moves.
    Low,
    /// A gallery open to visitors, a corridor.
    Medium,
    /// A busy entrance, a street, trees in the wind.
    High,
}

impl Activity {
    pub const ALL: [Activity; 3] = [Activity::Low, Activity::Medium, Activity::High];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Activity::Low => "low",
            Activity::Medium => "medium",
            Activity::High => "high",
        }
    }

    /// The activity with this file name.
    pub fn from_name(name: &str) -> Option<Activity> {
        Activity::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// Recording defaults for every camera, and the recorders' size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recording {
    pub codec: Codec,
    /// Frames per second recorded.
    pub fps: f64,
    pub activity: Activity,
    /// Hours recorded a day (24 for continuous recording; fewer for
    /// recording on motion, as the hours of motion expected).
    pub hours_per_day: f64,
    /// Days kept before being overwritten.
    pub retention_days: f64,
    /// Usable storage of one recorder, terabytes (10^12 bytes).
    pub recorder_tb: f64,
    /// Cameras one recorder takes.
    pub recorder_channels: u32,
}

impl Default for Recording {
    /// H.265 at 15 frames per second, medium activity, recorded around the
    /// clock and kept 30 days, on 32-channel recorders of 24 TB usable (four
    /// 8 TB disks in RAID 5).
    fn default() -> Self {
        Recording {
            codec: Codec::H265,
            fps: 15.0,
            activity: Activity::Medium,
            hours_per_day: 24.0,
            retention_days: 30.0,
            recorder_tb: 24.0,
            recorder_channels: 32,
        }
    }
}

impl Recording {
    pub(in crate::scenario) fn is_default(&self) -> bool {
        *self == Recording::default()
    }
}

/// A camera's own recording settings, each overriding `settings.recording`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordingOverride {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codec: Option<Codec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fps: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_day: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<f64>,
    /// A known bitrate (a datasheet's or a measured one), megabits per
    /// second: used instead of the estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bitrate_mbps: Option<f64>,
}

/// The Operational Requirement tasks (UK Home Office CCTV OR manual, EN
/// 62676-4:2015) with their pixel densities, sparsest first.
pub const TASKS: [(&str, f64); 5] = [
    ("monitor", 12.5),
    ("detect", 25.0),
    ("observe", 62.5),
    ("recognise", 125.0),
    ("identify", 250.0),
];

/// What a camera is for: a task (monitor, detect, observe, recognise,
/// identify, or any density level the settings name), for what target, and
/// where that target is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Purpose {
    pub task: String,
    /// What must be seen, in words ("faces of people coming in by the service
    /// door").
    pub target: String,
    /// Where: a zone the camera must see whole at the task's density...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// ... or a point it must see at that density.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Point>,
}

impl Purpose {
    /// The pixel density the task needs: the settings' level of that name,
    /// else the Operational Requirement table's.
    pub fn px_per_m(&self, settings: &Settings) -> Option<f64> {
        task_px_per_m(&self.task, settings)
    }
}

/// The density a task needs (see [`Purpose::px_per_m`]).
pub fn task_px_per_m(task: &str, settings: &Settings) -> Option<f64> {
    settings
        .density_levels
        .iter()
        .find(|l| l.name == task)
        .map(|l| l.px_per_m)
        .or_else(|| TASKS.iter().find(|(n, _)| *n == task).map(|&(_, px)| px))
}

/// Reads a calendar date `YYYY-MM-DD`; says what is wrong otherwise.
pub fn parse_date(text: &str) -> Result<(i32, u32, u32), String> {
    let bad = || format!("expected a date as YYYY-MM-DD, found \"{text}\"");
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return Err(bad());
    }
    let (y, m, d): (i32, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("{text}: there is no month {m}")),
    };
    if d == 0 || d > days {
        return Err(format!("{text}: month {m} of {y} has no day {d}"));
    }
    Ok((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(parse_date("2026-12-14"), Ok((2026, 12, 14)));
        assert_eq!(parse_date("2024-02-29"), Ok((2024, 2, 29)));
        assert!(parse_date("2025-02-29").unwrap_err().contains("no day 29"));
        assert!(parse_date("2100-02-29").is_err());
        assert!(parse_date("2000-02-29").is_ok());
        assert!(
            parse_date("2026-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(parse_date("14/12/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2026-1-01").is_err());
        assert!(parse_date("+026-01-01").is_err());
    }

    #[test]
    fn tasks_take_the_settings_level_of_their_name_first() {
        let mut settings = Settings::default();
        assert_eq!(task_px_per_m("identify", &settings), Some(250.0));
        assert_eq!(task_px_per_m("monitor", &settings), Some(12.5));
        settings.density_levels[0].px_per_m = 500.0; // identify, per the settings
        assert_eq!(task_px_per_m("identify", &settings), Some(500.0));
        assert_eq!(task_px_per_m("inspect", &settings), None);
    }
}
