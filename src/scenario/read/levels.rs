//! Reading `levels`, `connections` and the items' `level` tags (see
//! `scenario::levels`). Which level ids exist is checked in `validate`, where
//! every list has been read.

use super::{Obj, Reader, join};
use crate::geometry::Point;
use crate::scenario::levels::*;
use serde_json::Value;

impl Reader<'_> {
    /// An item's optional `level`: a non-empty string.
    pub(super) fn opt_level(&mut self, obj: &Obj) -> Result<Option<String>, ()> {
        let Some(id) = self.opt_string(obj, "level")? else {
            return Ok(None);
        };
        if id.trim().is_empty() {
            self.problems
                .error(join(&obj.path, "level"), "empty level id");
            return Err(());
        }
        Ok(Some(id))
    }

    /// A non-empty `id`.
    fn item_id(&mut self, obj: &Obj) -> Option<String> {
        let id = self.req_string(obj, "id")?;
        if id.trim().is_empty() {
            self.problems.error(join(&obj.path, "id"), "empty id");
            return None;
        }
        Some(id)
    }

    /// One entry of `levels`.
    pub(super) fn level(&mut self, v: &Value, path: &str) -> Option<Level> {
        let obj = self.object(v, path)?;
        let id = self.item_id(&obj);
        let name = self.opt_string(&obj, "name");
        let elevation = self.req_number(&obj, "elevation_m").and_then(|e| {
            if e.abs() <= MAX_ELEVATION_M {
                Some(e)
            } else {
                self.problems.error(
                    join(path, "elevation_m"),
                    format!("expected an elevation within ±{MAX_ELEVATION_M} m, found {e}"),
                );
                None
            }
        });
        self.finish(&obj, &["id", "name", "elevation_m"]);
        let id = id?;
        Some(Level {
            name: name.ok()?.unwrap_or_else(|| id.clone()),
            id,
            elevation_m: elevation?,
        })
    }

    /// One entry of `connections`.
    pub(super) fn connection(&mut self, v: &Value, path: &str) -> Option<Connection> {
        let obj = self.object(v, path)?;
        let id = self.item_id(&obj);
        let kind = match self.required(&obj, "kind") {
            None => None,
            Some(_) => self
                .opt_choice(
                    &obj,
                    "kind",
                    ConnectionKind::from_name,
                    "stair, lift, ramp, opening",
                )
                .ok()
                .flatten(),
        };
        let from = self
            .required(&obj, "from")
            .and_then(|v| self.level_place(v, &join(path, "from")));
        let to = self
            .required(&obj, "to")
            .and_then(|v| self.level_place(v, &join(path, "to")));
        let time = self.opt_number(&obj, "time_s").ok().and_then(|t| match t {
            Some(t) if t < 0.0 => {
                self.problems.error(
                    join(path, "time_s"),
                    format!("expected a time of zero or more seconds, found {t}"),
                );
                None
            }
            t => Some(t),
        });
        self.finish(&obj, &["id", "kind", "from", "to", "time_s"]);
        let (from, to) = (from?, to?);
        if from.level == to.level {
            self.problems.error(
                join(path, "to.level"),
                format!(
                    "a connection joins two levels; both ends are on \"{}\"",
                    to.level
                ),
            );
            return None;
        }
        Some(Connection {
            id: id?,
            kind: kind?,
            from,
            to,
            time_s: time?,
        })
    }

    /// `{"level": id, "x": x, "y": y}`.
    fn level_place(&mut self, v: &Value, path: &str) -> Option<LevelPlace> {
        let obj = self.object(v, path)?;
        let level = self.req_string(&obj, "level").and_then(|l| {
            if l.trim().is_empty() {
                self.problems.error(join(path, "level"), "empty level id");
                None
            } else {
                Some(l)
            }
        });
        let x = self.req_number(&obj, "x");
        let y = self.req_number(&obj, "y");
        self.finish(&obj, &["level", "x", "y"]);
        let p = Point::new(x?, y?);
        if !super::check_extent(p, path, self.problems) {
            return None;
        }
        Some(LevelPlace {
            level: level?,
            x: p.x,
            y: p.y,
        })
    }
}
