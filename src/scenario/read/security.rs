//! Reading the security analysis's fields (see `scenario::security`): on walls,
//! zones, cameras and settings, and the `detectors` list. Structure only; what
//! the values mean is checked in `validate`'s security checks.

use super::{Obj, Reader, join};
use crate::scenario::model::*;
use serde_json::Value;

/// Security fields a wall may have (openings only; validation says so).
pub(super) const OPENING_FIELDS: &[&str] =
    &["required_level", "required_cameras", "delay", "passable"];

/// Security fields of the settings.
pub(super) const SETTINGS_FIELDS: &[&str] = &[
    "opening_required_level",
    "opening_required_cameras",
    "walking_speed_m_s",
    "windows_passable",
    "camera_use",
    "camera_detection",
    "response",
];

/// Fields a detector may have (which ones it needs depends on its kind).
const DETECTOR_FIELDS: &[&str] = &[
    "id",
    "level",
    "kind",
    "p_detect",
    "position",
    "heading_deg",
    "hfov_deg",
    "range_m",
    "opening",
    "zone",
];

impl Reader<'_> {
    /// An optional count (a whole number from 0 to 2³²).
    fn opt_count(&mut self, obj: &Obj, field: &str) -> Result<Option<u32>, ()> {
        let Some(n) = self.opt_number(obj, field)? else {
            return Ok(None);
        };
        if n.fract() != 0.0 || !(0.0..=u32::MAX as f64).contains(&n) {
            self.problems.error(
                join(&obj.path, field),
                format!("expected a whole number of cameras, found {n}"),
            );
            return Err(());
        }
        Ok(Some(n as u32))
    }

    /// An optional `{"mean_s": .., "sd_s": ..}` (both required inside).
    pub(super) fn opt_delay(&mut self, obj: &Obj, field: &str) -> Result<Option<Delay>, ()> {
        let Some(v) = obj.map.get(field) else {
            return Ok(None);
        };
        let inner = self.object(v, &join(&obj.path, field)).ok_or(())?;
        let mean = self.req_number(&inner, "mean_s");
        let sd = self.req_number(&inner, "sd_s");
        self.finish(&inner, &["mean_s", "sd_s"]);
        Ok(Some(Delay {
            mean_s: mean.ok_or(())?,
            sd_s: sd.ok_or(())?,
        }))
    }

    /// A wall's security fields.
    pub(super) fn opening_security(&mut self, obj: &Obj) -> Result<OpeningSecurity, ()> {
        let required_level = self.opt_string(obj, "required_level");
        let required_cameras = self.opt_count(obj, "required_cameras");
        let delay = self.opt_delay(obj, "delay");
        let passable = self.opt_bool(obj, "passable");
        Ok(OpeningSecurity {
            required_level: required_level?,
            required_cameras: required_cameras?,
            delay: delay?,
            passable: passable?,
        })
    }

    /// A camera's `use`.
    pub(super) fn camera_use(&mut self, obj: &Obj) -> Result<Option<CameraUse>, ()> {
        self.opt_choice(
            obj,
            "use",
            CameraUse::from_name,
            "live, analytics, recording",
        )
    }

    /// The security settings (their defaults where absent).
    pub(super) fn security_settings(&mut self, obj: &Obj) -> Option<SecuritySettings> {
        let d = SecuritySettings::default();
        let level = self.opt_string(obj, "opening_required_level");
        let cameras = self.opt_count(obj, "opening_required_cameras");
        let speed = self.opt_number(obj, "walking_speed_m_s");
        let windows = self.opt_bool(obj, "windows_passable");
        let usage = self.opt_choice(
            obj,
            "camera_use",
            CameraUse::from_name,
            "live, analytics, recording",
        );
        let detection = match obj.map.get("camera_detection") {
            None => Some(d.camera_detection),
            Some(v) => self.camera_detection(v, &join(&obj.path, "camera_detection")),
        };
        let response = match obj.map.get("response") {
            None => Some(None),
            Some(v) => self.response(v, &join(&obj.path, "response")).map(Some),
        };
        Some(SecuritySettings {
            opening_required_level: level.ok()?,
            opening_required_cameras: cameras.ok()?.unwrap_or(d.opening_required_cameras),
            walking_speed_m_s: speed.ok()?.unwrap_or(d.walking_speed_m_s),
            windows_passable: windows.ok()?.unwrap_or(d.windows_passable),
            camera_use: usage.ok()?.unwrap_or(d.camera_use),
            camera_detection: detection?,
            response: response?,
        })
    }

    fn camera_detection(&mut self, v: &Value, path: &str) -> Option<CameraDetection> {
        let obj = self.object(v, path)?;
        let d = CameraDetection::default();
        let live = self.opt_number(&obj, "live");
        let analytics = self.opt_number(&obj, "analytics");
        self.finish(&obj, &["live", "analytics"]);
        Some(CameraDetection {
            live: live.ok()?.unwrap_or(d.live),
            analytics: analytics.ok()?.unwrap_or(d.analytics),
        })
    }

    fn response(&mut self, v: &Value, path: &str) -> Option<Response> {
        let obj = self.object(v, path)?;
        let mean = self.req_number(&obj, "mean_s");
        let sd = self.req_number(&obj, "sd_s");
        let pc = self.req_number(&obj, "p_communication");
        self.finish(&obj, &["mean_s", "sd_s", "p_communication"]);
        Some(Response {
            mean_s: mean?,
            sd_s: sd?,
            p_communication: pc?,
        })
    }

    /// One detector of the `detectors` list.
    pub(super) fn detector(&mut self, v: &Value, path: &str) -> Option<Detector> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id");
        let p_detect = self.req_number(&obj, "p_detect");
        let kind = self.req_string(&obj, "kind");
        let level = self.opt_level(&obj);
        self.finish(&obj, DETECTOR_FIELDS);
        let kind = match kind?.as_str() {
            "motion" => {
                let position = self
                    .required(&obj, "position")
                    .and_then(|v| self.point(v, &join(path, "position")));
                let heading = self.req_number(&obj, "heading_deg");
                let hfov = self.req_number(&obj, "hfov_deg");
                let range = self.req_number(&obj, "range_m");
                self.only(&obj, &["position", "heading_deg", "hfov_deg", "range_m"]);
                DetectorKind::Motion {
                    position: position?,
                    heading_deg: heading?,
                    hfov_deg: hfov?,
                    range_m: range?,
                }
            }
            "contact" => {
                let opening = self.req_string(&obj, "opening");
                self.only(&obj, &["opening"]);
                DetectorKind::Contact { opening: opening? }
            }
            "glass_break" => {
                let position = self
                    .required(&obj, "position")
                    .and_then(|v| self.point(v, &join(path, "position")));
                let range = self.req_number(&obj, "range_m");
                self.only(&obj, &["position", "range_m"]);
                DetectorKind::GlassBreak {
                    position: position?,
                    range_m: range?,
                }
            }
            "case" => {
                let zone = self.req_string(&obj, "zone");
                self.only(&obj, &["zone"]);
                DetectorKind::Case { zone: zone? }
            }
            other => {
                self.problems.error(
                    join(path, "kind"),
                    format!(
                        "unknown detector kind \"{other}\" (expected one of: {})",
                        DetectorKind::NAMES.join(", ")
                    ),
                );
                return None;
            }
        };
        Some(Detector {
            id: id?,
            level: level.ok()?,
            kind,
            p_detect: p_detect?,
        })
    }

    /// Reports the placement fields a detector of this kind does not have.
    fn only(&mut self, obj: &Obj, own: &[&str]) {
        for field in [
            "position",
            "heading_deg",
            "hfov_deg",
            "range_m",
            "opening",
            "zone",
        ] {
            if !own.contains(&field) && obj.map.contains_key(field) {
                self.problems.error(
                    join(&obj.path, field),
                    format!(
                        "a detector of this kind has no {field} (it takes: {})",
                        own.join(", ")
                    ),
                );
            }
        }
    }
}
