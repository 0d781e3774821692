//! Reading the scenario's optional `underlay` (see `scenario::underlay`): every
//! field is checked here, where its place is known; nothing is dropped or
//! defaulted silently (rotation 0, opacity 1 and unlocked are the documented
//! defaults of fields left out).

use super::{Obj, Reader, describe, join};
use crate::scenario::limits::MAX_COORDINATE_M;
use crate::scenario::underlay::*;
use serde_json::Value;

/// Fields of `underlay`.
const UNDERLAY_FIELDS: &[&str] = &[
    "image",
    "position",
    "rotation_deg",
    "scale",
    "opacity",
    "locked",
];

/// Fields of `underlay.image`.
const IMAGE_FIELDS: &[&str] = &["name", "type", "bytes", "sha256", "width", "height"];

/// The largest image side accepted, in image units: beyond what any browser
/// canvas draws (Chromium's limit is 32,767 px a side).
const MAX_SIDE: f64 = 100_000.0;

impl Reader<'_> {
    pub(super) fn underlay(&mut self, v: &Value, path: &str) -> Option<Underlay> {
        let obj = self.object(v, path)?;
        let image = self
            .required(&obj, "image")
            .and_then(|v| self.underlay_image(v, &join(path, "image")));
        let position = self.required(&obj, "position").and_then(|v| {
            let p = join(path, "position");
            let pt = self.point(v, &p)?;
            Some([pt.x, pt.y])
        });
        let rotation = self.opt_number(&obj, "rotation_deg");
        let scale = self.required(&obj, "scale").and_then(|v| {
            let p = join(path, "scale");
            let s = self.number(v, &p)?;
            // A scale that puts the image beyond the plan's extent is as wrong as a
            // negative one.
            if s > 0.0 && s <= MAX_COORDINATE_M {
                Some(s)
            } else {
                self.problems.error(
                    p,
                    format!("expected metres per image unit above 0 and at most {MAX_COORDINATE_M}, found {s}"),
                );
                None
            }
        });
        let opacity = self.opt_number(&obj, "opacity").and_then(|o| match o {
            Some(x) if !(0.0..=1.0).contains(&x) => {
                self.problems.error(
                    join(path, "opacity"),
                    format!("expected an opacity from 0 to 1, found {x}"),
                );
                Err(())
            }
            o => Ok(o),
        });
        let locked = self.opt_bool(&obj, "locked");
        self.finish(&obj, UNDERLAY_FIELDS);
        Some(Underlay {
            image: image?,
            position: position?,
            rotation_deg: rotation.ok()?.unwrap_or(0.0),
            scale: scale?,
            opacity: opacity.ok()?.unwrap_or(1.0),
            locked: locked.ok()?.unwrap_or(false),
        })
    }

    fn underlay_image(&mut self, v: &Value, path: &str) -> Option<UnderlayImage> {
        let obj = self.object(v, path)?;
        let name = self.req_string(&obj, "name");
        let kind = self.req_string(&obj, "type").and_then(|t| {
            if UNDERLAY_TYPES.contains(&t.as_str()) {
                Some(t)
            } else {
                self.problems.error(
                    join(path, "type"),
                    format!(
                        "unknown image type \"{t}\" (expected one of: {})",
                        UNDERLAY_TYPES.join(", ")
                    ),
                );
                None
            }
        });
        let bytes = self.required(&obj, "bytes").and_then(|v| {
            let p = join(path, "bytes");
            match v.as_u64() {
                Some(n) if n > 0 && n <= MAX_UNDERLAY_BYTES => Some(n),
                _ => {
                    self.problems.error(
                        p,
                        format!("expected the file's size, a whole number of bytes from 1 to {MAX_UNDERLAY_BYTES}, found {}", show(v)),
                    );
                    None
                }
            }
        });
        let sha256 = self.req_string(&obj, "sha256").and_then(|h| {
            if h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                Some(h)
            } else {
                self.problems.error(
                    join(path, "sha256"),
                    "expected the file's SHA-256 as 64 lowercase hexadecimal digits",
                );
                None
            }
        });
        let width = self.underlay_side(&obj, "width");
        let height = self.underlay_side(&obj, "height");
        self.finish(&obj, IMAGE_FIELDS);
        Some(UnderlayImage {
            name: name?,
            kind: kind?,
            bytes: bytes?,
            sha256: sha256?,
            width: width?,
            height: height?,
        })
    }

    fn underlay_side(&mut self, obj: &Obj, field: &str) -> Option<f64> {
        let x = self.req_number(obj, field)?;
        if x > 0.0 && x <= MAX_SIDE {
            Some(x)
        } else {
            self.problems.error(
                join(&obj.path, field),
                format!("expected the image's size in image units, above 0 and at most {MAX_SIDE}, found {x}"),
            );
            None
        }
    }
}

/// A value as the message quotes it: numbers as written, other kinds by name.
fn show(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        other => describe(other).to_string(),
    }
}
