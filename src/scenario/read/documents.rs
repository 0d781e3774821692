//! Reading the documents' fields (see `scenario::documents`): the settings'
//! `report` and `recording`, a camera's `recording` and `purpose`. Structure
//! only; ranges and references are checked in `validate`'s documents checks.

use super::{Obj, Reader, join};
use crate::scenario::documents::*;

/// The settings' fields for the documents.
pub(super) const SETTINGS_FIELDS: &[&str] = &["report", "recording"];

/// Fields of `settings.report`.
const REPORT_FIELDS: &[&str] = &[
    "title",
    "site",
    "client",
    "author",
    "date",
    "revision",
    "confidentiality",
    "density_scheme",
];

/// Fields of `settings.recording`.
const RECORDING_FIELDS: &[&str] = &[
    "codec",
    "fps",
    "activity",
    "hours_per_day",
    "retention_days",
    "recorder_tb",
    "recorder_channels",
];

/// Fields of a camera's `recording`.
const OVERRIDE_FIELDS: &[&str] = &[
    "codec",
    "fps",
    "activity",
    "hours_per_day",
    "retention_days",
    "bitrate_mbps",
];

const PURPOSE_FIELDS: &[&str] = &["task", "target", "zone", "at"];

impl Reader<'_> {
    /// `settings.report`, if present.
    pub(super) fn report_info(&mut self, settings: &Obj) -> Option<ReportInfo> {
        let Some(v) = settings.map.get("report") else {
            return Some(ReportInfo::default());
        };
        let obj = self.object(v, &join(&settings.path, "report"))?;
        let text = |r: &mut Self, field: &str| r.opt_string(&obj, field);
        let title = text(self, "title");
        let site = text(self, "site");
        let client = text(self, "client");
        let author = text(self, "author");
        let date = text(self, "date");
        let revision = text(self, "revision");
        let confidentiality = text(self, "confidentiality");
        let density_scheme = text(self, "density_scheme");
        self.finish(&obj, REPORT_FIELDS);
        Some(ReportInfo {
            title: title.ok()?,
            site: site.ok()?,
            client: client.ok()?,
            author: author.ok()?,
            date: date.ok()?,
            revision: revision.ok()?,
            confidentiality: confidentiality.ok()?,
            density_scheme: density_scheme.ok()?,
        })
    }

    /// `settings.recording`, if present (missing fields take the defaults).
    pub(super) fn recording(&mut self, settings: &Obj) -> Option<Recording> {
        let Some(v) = settings.map.get("recording") else {
            return Some(Recording::default());
        };
        let obj = self.object(v, &join(&settings.path, "recording"))?;
        let o = self.recording_fields(&obj);
        let recorder_tb = self.opt_number(&obj, "recorder_tb");
        let channels = self.opt_number(&obj, "recorder_channels");
        self.finish(&obj, RECORDING_FIELDS);
        let d = Recording::default();
        let o = o?;
        let channels = match channels.ok()? {
            None => d.recorder_channels,
            Some(n) if n.fract() == 0.0 && (1.0..=4096.0).contains(&n) => n as u32,
            Some(n) => {
                self.problems.error(
                    join(&obj.path, "recorder_channels"),
                    format!("a recorder takes a whole number of cameras from 1 to 4096, found {n}"),
                );
                return None;
            }
        };
        Some(Recording {
            codec: o.codec.unwrap_or(d.codec),
            fps: o.fps.unwrap_or(d.fps),
            activity: o.activity.unwrap_or(d.activity),
            hours_per_day: o.hours_per_day.unwrap_or(d.hours_per_day),
            retention_days: o.retention_days.unwrap_or(d.retention_days),
            recorder_tb: recorder_tb.ok()?.unwrap_or(d.recorder_tb),
            recorder_channels: channels,
        })
    }

    /// The fields a camera's `recording` shares with the settings'.
    fn recording_fields(&mut self, obj: &Obj) -> Option<RecordingOverride> {
        let codec = self.opt_choice(obj, "codec", Codec::from_name, "h264, h265");
        let fps = self.opt_number(obj, "fps");
        let activity = self.opt_choice(obj, "activity", Activity::from_name, "low, medium, high");
        let hours = self.opt_number(obj, "hours_per_day");
        let days = self.opt_number(obj, "retention_days");
        Some(RecordingOverride {
            codec: codec.ok()?,
            fps: fps.ok()?,
            activity: activity.ok()?,
            hours_per_day: hours.ok()?,
            retention_days: days.ok()?,
            bitrate_mbps: None,
        })
    }

    /// A camera's `recording`, if present.
    pub(super) fn camera_recording(
        &mut self,
        camera: &Obj,
    ) -> Result<Option<RecordingOverride>, ()> {
        let Some(v) = camera.map.get("recording") else {
            return Ok(None);
        };
        let obj = self.object(v, &join(&camera.path, "recording")).ok_or(())?;
        let fields = self.recording_fields(&obj);
        let bitrate = self.opt_number(&obj, "bitrate_mbps");
        self.finish(&obj, OVERRIDE_FIELDS);
        Ok(Some(RecordingOverride {
            bitrate_mbps: bitrate?,
            ..fields.ok_or(())?
        }))
    }

    /// A camera's `purpose`, if present.
    pub(super) fn camera_purpose(&mut self, camera: &Obj) -> Result<Option<Purpose>, ()> {
        let Some(v) = camera.map.get("purpose") else {
            return Ok(None);
        };
        let path = join(&camera.path, "purpose");
        let obj = self.object(v, &path).ok_or(())?;
        let task = self.req_string(&obj, "task");
        let target = self.opt_string(&obj, "target");
        let zone = self.opt_string(&obj, "zone");
        let at = match obj.map.get("at") {
            None => Ok(None),
            Some(v) => self.point(v, &join(&path, "at")).map(Some).ok_or(()),
        };
        self.finish(&obj, PURPOSE_FIELDS);
        Ok(Some(Purpose {
            task: task.ok_or(())?,
            target: target?.unwrap_or_default(),
            zone: zone?,
            at: at?,
        }))
    }
}
