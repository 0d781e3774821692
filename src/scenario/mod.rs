//! The scenario model, its JSON format (read with every problem reported, written
//! canonically) and its validation.

mod documents;
pub mod json;
mod levels;
mod limits;
mod model;
mod problem;
mod read;
mod security;
mod underlay;
mod validate;

pub use documents::{
    Activity, Codec, Purpose, Recording, RecordingOverride, ReportInfo, TASKS, parse_date,
    task_px_per_m,
};
pub use levels::{
    Connection, ConnectionKind, IMPLICIT_LEVEL_ID, Level, LevelPlace, MAX_ELEVATION_M, OnLevel,
};
pub use limits::{Bound, CAMERA_LIMITS, CameraLimits, MAX_COORDINATE_M, MAX_RANGE_M};
pub use model::*;
pub use problem::{InvalidScenario, Problem, Problems, Severity};
pub use underlay::{MAX_UNDERLAY_BYTES, UNDERLAY_TYPES, Underlay, UnderlayImage};
pub use validate::check_camera;

impl Scenario {
    /// Reads and validates a scenario from JSON text.
    ///
    /// On success returns the scenario (with safe repairs applied) and its
    /// warnings; on failure every problem found, errors and warnings.
    pub fn from_json(text: &str) -> Result<(Scenario, Problems), InvalidScenario> {
        let mut problems = Problems::default();
        let (scenario, origins) = read::read_scenario(text, &mut problems);
        // Semantic checks run even after structure errors (on the items that
        // could be read), so the user sees every problem at once.
        let Some(mut s) = scenario else {
            return Err(InvalidScenario { problems });
        };
        validate::validate(&mut s, &origins, &mut problems);
        if problems.has_errors() {
            Err(InvalidScenario { problems })
        } else {
            Ok((s, problems))
        }
    }

    /// Reads a scenario from a file's bytes: UTF-8 (a byte-order mark is
    /// accepted), then as [`Scenario::from_json`].
    ///
    /// # Errors
    /// Bytes that are not UTF-8 (the place of the first bad byte), or the
    /// problems `from_json` finds.
    pub fn from_bytes(bytes: &[u8]) -> Result<(Scenario, Problems), InvalidScenario> {
        match json::decode(bytes) {
            Ok(text) => Scenario::from_json(text),
            Err(message) => {
                let mut problems = Problems::default();
                problems.error("", message);
                Err(InvalidScenario { problems })
            }
        }
    }

    /// This scenario with another plan read from JSON text (a plan object, as in
    /// a file's `plan`), validated with everything else like a file: what the
    /// page sends when walls or zones are edited. Problems name places as in a
    /// file (`plan.walls[3].path`).
    ///
    /// # Errors
    /// Every problem found, as [`Scenario::from_json`].
    pub fn with_plan_json(&self, text: &str) -> Result<(Scenario, Problems), InvalidScenario> {
        let mut problems = Problems::default();
        let (plan, origins) = read::read_plan(text, &mut problems);
        let Some(plan) = plan else {
            return Err(InvalidScenario { problems });
        };
        let mut s = Scenario {
            plan,
            ..self.clone()
        };
        // The rest was checked when it was read: its items are where they were.
        validate::validate(&mut s, &origins, &mut problems);
        if problems.has_errors() {
            Err(InvalidScenario { problems })
        } else {
            Ok((s, problems))
        }
    }

    /// This scenario with every wall vertex at `from` moved to `to` (a corner
    /// shared by several walls moves as one): the page's corner drag, without
    /// sending or reading the whole plan. Only what the move can break is
    /// checked, by the rules a file's walls follow: `to` is finite and within the
    /// supported extent, and no moved wall gets a zero-length piece (a file's
    /// reader would drop it with a warning; a live edit refuses it instead, so
    /// the page's plan and this one never part). Returns the scenario and the
    /// indices of the walls moved.
    ///
    /// # Errors
    /// No wall vertex at `from`; `to` not finite or beyond the extent; a moved
    /// wall with a zero-length piece (the problem names the wall, as in a file).
    pub fn with_corner_moved(
        &self,
        from: crate::geometry::Point,
        to: crate::geometry::Point,
    ) -> Result<(Scenario, Vec<usize>), InvalidScenario> {
        let mut problems = Problems::default();
        let at = format!("a corner moved to ({}, {})", to.x, to.y);
        if !(to.x.is_finite() && to.y.is_finite()) {
            problems.error(at, "the new position is not a finite point");
            return Err(InvalidScenario { problems });
        }
        if !read::check_extent(to, &at, &mut problems) {
            return Err(InvalidScenario { problems });
        }
        let moved: Vec<usize> = (0..self.plan.walls.len())
            .filter(|&i| self.plan.walls[i].path.contains(&from))
            .collect();
        if moved.is_empty() {
            problems.error(
                "plan.walls",
                format!("no wall has a corner at ({}, {})", from.x, from.y),
            );
            return Err(InvalidScenario { problems });
        }
        let mut s = self.clone();
        for &i in &moved {
            let wall = &mut s.plan.walls[i];
            for p in &mut wall.path {
                if *p == from {
                    *p = to;
                }
            }
            let mut checked = wall.clone();
            let mut found = Problems::default();
            let kept = validate::repair_wall(&mut checked, &format!("plan.walls[{i}]"), &mut found);
            if !kept || !found.list.is_empty() {
                // Nothing may be repaired: the problem (a warning in a file) refuses the move.
                for mut p in found.list {
                    p.severity = Severity::Error;
                    problems.list.push(p);
                }
            }
        }
        if problems.has_errors() {
            return Err(InvalidScenario { problems });
        }
        Ok((s, moved))
    }

    /// Writes the scenario as pretty-printed JSON in the canonical form.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }
}

impl Camera {
    /// Reads a JSON array of cameras (their shape as in a scenario file).
    pub fn list_from_json(text: &str) -> Result<Vec<Camera>, InvalidScenario> {
        let mut problems = Problems::default();
        match read::read_cameras(text, &mut problems) {
            Some(cameras) if !problems.has_errors() => Ok(cameras),
            _ => Err(InvalidScenario { problems }),
        }
    }

    /// Reads one camera object from JSON text (its shape as in a scenario file).
    /// References to models are checked later, against the scenario.
    pub fn from_json(text: &str) -> Result<Camera, InvalidScenario> {
        let mut problems = Problems::default();
        match read::read_camera(text, &mut problems) {
            Some(camera) if !problems.has_errors() => Ok(camera),
            _ => Err(InvalidScenario { problems }),
        }
    }
}
