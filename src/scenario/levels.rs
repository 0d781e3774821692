//! Levels: the floors of a building and its outdoor site in one scenario.
//!
//! Levels are tags, not nesting: a wall, zone, camera (also an option's),
//! detector or pole site names its level with `level`; an item without one is
//! on the first level. A file without `levels` has one implicit level and is
//! today's one-plan file. Every level shares the plan's coordinate frame (x, y
//! are the same place on every floor) and the catalogue, settings and layouts.
//! See docs/scenario-format.md ("Levels").

use super::model::{Camera, Detector, PoleSite, Scenario, ScenarioOption, Wall, Zone};
use serde::{Deserialize, Serialize};

/// The id of the one level of a file without `levels`.
pub const IMPLICIT_LEVEL_ID: &str = "plan";

/// The highest or lowest elevation accepted, metres (above the deepest mine and
/// the tallest tower by far: a bound that catches typing errors).
pub const MAX_ELEVATION_M: f64 = 10_000.0;

/// One level of the site: a floor of the building, or the outdoor site plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub id: String,
    pub name: String,
    /// Height of its floor above the site's datum, metres (cameras' `height_m`
    /// is above their own level's floor).
    pub elevation_m: f64,
}

/// How a connection joins two levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConnectionKind {
    Stair,
    Lift,
    Ramp,
    /// A way through without a flight: a balcony door from the quay, a window
    /// onto a terrace, a hatch.
    Opening,
}

impl ConnectionKind {
    /// All kinds, in the order the docs list them.
    pub const ALL: [ConnectionKind; 4] = [
        ConnectionKind::Stair,
        ConnectionKind::Lift,
        ConnectionKind::Ramp,
        ConnectionKind::Opening,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            ConnectionKind::Stair => "stair",
            ConnectionKind::Lift => "lift",
            ConnectionKind::Ramp => "ramp",
            ConnectionKind::Opening => "opening",
        }
    }

    /// The kind with this file name.
    pub fn from_name(name: &str) -> Option<ConnectionKind> {
        ConnectionKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A place on a level: one end of a connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelPlace {
    pub level: String,
    pub x: f64,
    pub y: f64,
}

/// A stair, lift, ramp or opening from a place on one level to a place on
/// another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub kind: ConnectionKind,
    pub from: LevelPlace,
    pub to: LevelPlace,
    /// Seconds an intruder needs to go through (none: the security analysis's
    /// walking speed over the places' distance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_s: Option<f64>,
}

/// An item that sits on one level.
pub trait OnLevel {
    /// The level the item names (none: the first level).
    fn level_tag(&self) -> Option<&str>;
}

macro_rules! on_level {
    ($($t:ty),*) => {$(
        impl OnLevel for $t {
            fn level_tag(&self) -> Option<&str> {
                self.level.as_deref()
            }
        }
    )*};
}
on_level!(Wall, Zone, Camera, Detector, PoleSite);

impl Scenario {
    /// The levels, bottom to top: the file's, or the one implicit level
    /// ([`IMPLICIT_LEVEL_ID`], at elevation 0) of a file without `levels`.
    pub fn levels(&self) -> Vec<Level> {
        if self.levels.is_empty() {
            vec![Level {
                id: IMPLICIT_LEVEL_ID.to_string(),
                name: "Plan".to_string(),
                elevation_m: 0.0,
            }]
        } else {
            self.levels.clone()
        }
    }

    /// True when the file has more than one level.
    pub fn has_several_levels(&self) -> bool {
        self.levels.len() > 1
    }

    /// The id of the first level: where items without `level` are.
    pub fn first_level_id(&self) -> &str {
        self.levels
            .first()
            .map(|l| l.id.as_str())
            .unwrap_or(IMPLICIT_LEVEL_ID)
    }

    /// The level an item is on: its own, else the first.
    pub fn level_of<'a>(&'a self, item: &'a impl OnLevel) -> &'a str {
        item.level_tag().unwrap_or_else(|| self.first_level_id())
    }

    /// True when `item` is on level `id`.
    pub fn is_on(&self, item: &impl OnLevel, id: &str) -> bool {
        self.level_of(item) == id
    }

    /// Level `id` as a scenario of its own: that level's walls, zones, cameras,
    /// detectors and pole sites, every option with its cameras of that level,
    /// the shared catalogue, settings and georeference, and `levels` holding
    /// that level only (no connections: they join two levels). The underlay
    /// goes with the first level (it is not per level yet). `None` when no
    /// level has that id.
    ///
    /// A slice is a valid file: opened alone it gives that level's figures.
    pub fn level_slice(&self, id: &str) -> Option<Scenario> {
        let level = self.levels().into_iter().find(|l| l.id == id)?;
        let keep = |tag: Option<&str>| tag.unwrap_or_else(|| self.first_level_id()) == id;
        let pick = |v: &[Camera]| -> Vec<Camera> {
            v.iter().filter(|c| keep(c.level_tag())).cloned().collect()
        };
        let first = id == self.first_level_id();
        let mut plan = self.plan.clone();
        plan.walls.retain(|w| keep(w.level_tag()));
        plan.zones.retain(|z| keep(z.level_tag()));
        Some(Scenario {
            blindspot: self.blindspot,
            name: self.name.clone(),
            levels: if self.levels.is_empty() {
                Vec::new()
            } else {
                vec![level]
            },
            connections: Vec::new(),
            plan,
            catalog: self.catalog.clone(),
            cameras: pick(&self.cameras),
            detectors: self
                .detectors
                .iter()
                .filter(|d| keep(d.level_tag()))
                .cloned()
                .collect(),
            settings: self.settings.clone(),
            options: self
                .options
                .iter()
                .map(|o| ScenarioOption {
                    name: o.name.clone(),
                    cameras: pick(&o.cameras),
                })
                .collect(),
            underlay: if first { self.underlay.clone() } else { None },
            pole_sites: self
                .pole_sites
                .iter()
                .filter(|p| keep(p.level_tag()))
                .cloned()
                .collect(),
        })
    }
}
