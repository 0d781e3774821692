//! Recording and storage sizing: each camera's bitrate, the storage its
//! retention needs, and how many recorders hold it all.
//!
//! **Bitrate model.** The Kush gauge (Kush Amerasinghe, Adobe, "H.264 for the
//! rest of us", 2010), the rule of thumb encoder guides use for H.264 at good
//! quality:
//!
//! `bitrate (bit/s) = width × height × fps × motion rank × 0.07`
//!
//! with motion rank 1 (low), 2 (medium) or 4 (high). H.265 is taken at 0.6 of
//! H.264, a 40 % saving: the conservative end of the 35–50 % at equal quality
//! that Ohm et al. measured ("Comparison of the coding efficiency of video
//! coding standards, including HEVC", IEEE Trans. CSVT 22(12), 2012), since
//! cameras' real-time encoders save less than reference encoders. Storage errs
//! large rather than small. A camera may state its bitrate (a datasheet's or a
//! measured one), which then replaces the estimate.
//!
//! **Storage** = bitrate / 8 × 3600 × hours a day × retention days, in decimal
//! units (1 TB = 10^12 bytes), as disks are sold. **Recorders** = the larger of
//! total storage / a recorder's usable storage and cameras / its channels,
//! each rounded up.

use crate::scenario::{Activity, Camera, Codec, Scenario};
use serde::Serialize;

/// The Kush gauge's constant: bits per pixel and frame at motion rank 1.
pub const KUSH_CONSTANT: f64 = 0.07;

/// The bitrate of H.265 relative to H.264 at equal quality (see the module docs).
pub const H265_FACTOR: f64 = 0.6;

/// The Kush gauge's motion rank for a scene's activity.
pub fn motion_rank(activity: Activity) -> f64 {
    match activity {
        Activity::Low => 1.0,
        Activity::Medium => 2.0,
        Activity::High => 4.0,
    }
}

/// A codec's bitrate relative to H.264's.
pub fn codec_factor(codec: Codec) -> f64 {
    match codec {
        Codec::H264 => 1.0,
        Codec::H265 => H265_FACTOR,
    }
}

/// The estimated bitrate, megabits per second, of a `width` × `height` stream.
pub fn estimate_mbps(width: f64, height: f64, fps: f64, activity: Activity, codec: Codec) -> f64 {
    width * height * fps * motion_rank(activity) * KUSH_CONSTANT * codec_factor(codec) / 1e6
}

/// Terabytes (10^12 bytes) that `mbps` fills in `hours_per_day` × `days`.
pub fn storage_tb(mbps: f64, hours_per_day: f64, days: f64) -> f64 {
    mbps * 1e6 / 8.0 * 3600.0 * hours_per_day * days / 1e12
}

/// Where a camera's bitrate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BitrateSource {
    /// The Kush gauge from the model's resolution.
    Estimated,
    /// The camera's `recording.bitrate_mbps`.
    Stated,
    /// Neither: the model has no resolution and no bitrate is stated.
    Unknown,
}

/// One camera's recording.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CameraRecording {
    pub id: String,
    /// The model's resolution, pixels.
    pub resolution_px: Option<[f64; 2]>,
    pub codec: Codec,
    pub fps: f64,
    pub activity: Activity,
    pub hours_per_day: f64,
    pub retention_days: f64,
    pub bitrate_source: BitrateSource,
    /// Megabits per second (none when unknown).
    pub bitrate_mbps: Option<f64>,
    /// Terabytes its retention needs (none when the bitrate is unknown).
    pub storage_tb: Option<f64>,
}

/// Recording for the whole layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordingPlan {
    pub cameras: Vec<CameraRecording>,
    /// Sum of the known bitrates, Mbit/s.
    pub total_mbps: f64,
    /// Sum of the known storage, TB.
    pub total_tb: f64,
    /// Cameras whose bitrate is unknown: not in the totals.
    pub unsized_cameras: usize,
    /// One recorder's usable storage (TB) and channels.
    pub recorder_tb: f64,
    pub recorder_channels: u32,
    /// Recorders needed for the storage and for the channels, and the larger.
    pub recorders_for_storage: usize,
    pub recorders_for_channels: usize,
    pub recorders: usize,
}

/// One camera's recording from its overrides and the settings.
pub fn camera_recording(scenario: &Scenario, camera: &Camera) -> CameraRecording {
    let d = &scenario.settings.recording;
    let o = camera.recording.clone().unwrap_or_default();
    let codec = o.codec.unwrap_or(d.codec);
    let fps = o.fps.unwrap_or(d.fps);
    let activity = o.activity.unwrap_or(d.activity);
    let hours = o.hours_per_day.unwrap_or(d.hours_per_day);
    let days = o.retention_days.unwrap_or(d.retention_days);
    let resolution = scenario.model_of(camera).and_then(|m| m.resolution_px);
    let (source, mbps) = match (o.bitrate_mbps, resolution) {
        (Some(b), _) => (BitrateSource::Stated, Some(b)),
        (None, Some([w, h])) => (
            BitrateSource::Estimated,
            Some(estimate_mbps(w, h, fps, activity, codec)),
        ),
        (None, None) => (BitrateSource::Unknown, None),
    };
    CameraRecording {
        id: camera.id.clone(),
        resolution_px: resolution,
        codec,
        fps,
        activity,
        hours_per_day: hours,
        retention_days: days,
        bitrate_source: source,
        bitrate_mbps: mbps,
        storage_tb: mbps.map(|b| storage_tb(b, hours, days)),
    }
}

/// The recording of every camera of `scenario` and the recorders it needs.
pub fn recording_plan(scenario: &Scenario) -> RecordingPlan {
    let cameras: Vec<CameraRecording> = scenario
        .cameras
        .iter()
        .map(|c| camera_recording(scenario, c))
        .collect();
    let total_mbps = cameras.iter().filter_map(|c| c.bitrate_mbps).sum();
    let total_tb: f64 = cameras.iter().filter_map(|c| c.storage_tb).sum();
    let d = &scenario.settings.recording;
    let for_storage = (total_tb / d.recorder_tb).ceil() as usize;
    let for_channels = cameras.len().div_ceil(d.recorder_channels as usize);
    RecordingPlan {
        unsized_cameras: cameras.iter().filter(|c| c.bitrate_mbps.is_none()).count(),
        total_mbps,
        total_tb,
        recorder_tb: d.recorder_tb,
        recorder_channels: d.recorder_channels,
        recorders_for_storage: for_storage,
        recorders_for_channels: for_channels,
        recorders: for_storage.max(for_channels),
        cameras,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kush_gauge_worked_example() {
        // Kush's example: 1280 × 720 at 24 fps, medium motion (rank 2):
        // 1280 × 720 × 24 × 2 × 0.07 = 3,096,576 bit/s.
        let mbps = estimate_mbps(1280.0, 720.0, 24.0, Activity::Medium, Codec::H264);
        assert!((mbps - 3.096576).abs() < 1e-12, "{mbps}");
        // H.265 at 0.6 of that.
        let h265 = estimate_mbps(1280.0, 720.0, 24.0, Activity::Medium, Codec::H265);
        assert!((h265 - 3.096576 * 0.6).abs() < 1e-12);
        // Low and high motion halve and double it.
        assert!(
            (estimate_mbps(1280.0, 720.0, 24.0, Activity::Low, Codec::H264) - 1.548288).abs()
                < 1e-12
        );
        assert!(
            (estimate_mbps(1280.0, 720.0, 24.0, Activity::High, Codec::H264) - 6.193152).abs()
                < 1e-12
        );
    }

    #[test]
    fn storage_of_one_megabit_for_a_day_and_a_month() {
        // 1 Mbit/s = 125,000 B/s; a day is 86,400 s: 10.8 GB = 0.0108 TB.
        assert!((storage_tb(1.0, 24.0, 1.0) - 0.0108).abs() < 1e-15);
        assert!((storage_tb(1.0, 24.0, 30.0) - 0.324).abs() < 1e-12);
        // Recording 6 hours a day fills a quarter of that.
        assert!((storage_tb(1.0, 6.0, 30.0) - 0.081).abs() < 1e-12);
    }
}
