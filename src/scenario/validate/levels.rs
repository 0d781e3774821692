//! Checks on levels: distinct ids, elevations bottom to top, every item's and
//! connection's level exists, every level has a zone, detectors on the level
//! of what they watch.

use super::super::read::{ListOrigin, Origins};
use super::duplicate_ids;
use crate::scenario::levels::OnLevel;
use crate::scenario::model::*;
use crate::scenario::problem::Problems;

/// Checks the levels of `scenario` (before walls are repaired, so that the
/// items' places are their places in the file).
pub(in crate::scenario) fn validate(
    scenario: &Scenario,
    origins: &Origins,
    problems: &mut Problems,
) {
    let levels = &scenario.levels;
    duplicate_ids(
        levels.iter().map(|l| l.id.as_str()),
        "levels",
        &ListOrigin::default(),
        problems,
    );
    for (i, pair) in levels.windows(2).enumerate() {
        if pair[1].elevation_m < pair[0].elevation_m {
            problems.error(
                format!("levels[{}].elevation_m", i + 1),
                format!(
                    "levels are listed bottom to top: \"{}\" at {} m is below \"{}\" at {} m",
                    pair[1].id, pair[1].elevation_m, pair[0].id, pair[0].elevation_m
                ),
            );
        }
    }
    let at = |list: &ListOrigin, prefix: &str, i: usize| {
        format!("{prefix}[{}].level", list.file_index(i))
    };
    let none = ListOrigin::default();
    for (i, w) in scenario.plan.walls.iter().enumerate() {
        check_tag(scenario, w, at(&origins.walls, "plan.walls", i), problems);
    }
    for (i, z) in scenario.plan.zones.iter().enumerate() {
        check_tag(scenario, z, at(&origins.zones, "plan.zones", i), problems);
    }
    for (i, d) in scenario.detectors.iter().enumerate() {
        check_tag(
            scenario,
            d,
            at(&origins.detectors, "detectors", i),
            problems,
        );
    }
    for (i, p) in scenario.pole_sites.iter().enumerate() {
        check_tag(scenario, p, at(&none, "pole_sites", i), problems);
    }
    // Cameras' levels are checked with the rest of each camera (`check_camera`),
    // so that a camera edited on the page is checked the same way.
    duplicate_ids(
        scenario.connections.iter().map(|c| c.id.as_str()),
        "connections",
        &none,
        problems,
    );
    for (i, c) in scenario.connections.iter().enumerate() {
        for (end, place) in [("from", &c.from), ("to", &c.to)] {
            if let Err(message) = known_level(scenario, &place.level) {
                problems.error(format!("connections[{i}].{end}.level"), message);
            }
        }
    }
    if scenario.levels.len() > 1 {
        for (i, level) in levels.iter().enumerate() {
            if !scenario
                .plan
                .zones
                .iter()
                .any(|z| scenario.is_on(z, &level.id))
            {
                problems.error(
                    format!("levels[{i}]"),
                    format!(
                        "level \"{}\" has no zones; coverage is measured in zones, so add at least one zone with \"level\": \"{}\"",
                        level.id, level.id
                    ),
                );
            }
        }
    }
    detectors_on_their_level(scenario, origins, problems);
}

/// Records an error at `path` when `item` names a level that does not exist.
fn check_tag(scenario: &Scenario, item: &impl OnLevel, path: String, problems: &mut Problems) {
    if let Some(id) = item.level_tag()
        && let Err(message) = known_level(scenario, id)
    {
        problems.error(path, message);
    }
}

/// Whether `id` names one of the scenario's levels; else what is wrong.
pub(in crate::scenario) fn known_level(scenario: &Scenario, id: &str) -> Result<(), String> {
    if scenario.levels.iter().any(|l| l.id == id) {
        return Ok(());
    }
    if scenario.levels.is_empty() {
        return Err(format!(
            "unknown level \"{id}\" (the file has no \"levels\" list: add one naming \"{id}\")"
        ));
    }
    let ids: Vec<&str> = scenario.levels.iter().map(|l| l.id.as_str()).collect();
    Err(format!(
        "unknown level \"{id}\" (the levels are: {})",
        ids.join(", ")
    ))
}

/// A contact is on its opening's level, a case alarm on its zone's.
fn detectors_on_their_level(scenario: &Scenario, origins: &Origins, problems: &mut Problems) {
    for (i, d) in scenario.detectors.iter().enumerate() {
        let (what, target) = match &d.kind {
            DetectorKind::Contact { opening } => (
                "opening",
                scenario
                    .plan
                    .walls
                    .iter()
                    .find(|w| &w.id == opening)
                    .map(|w| (w.id.as_str(), scenario.level_of(w))),
            ),
            DetectorKind::Case { zone } => (
                "zone",
                scenario
                    .plan
                    .zones
                    .iter()
                    .find(|z| &z.id == zone)
                    .map(|z| (z.id.as_str(), scenario.level_of(z))),
            ),
            _ => continue,
        };
        // A missing target is the security checks' error.
        let Some((id, level)) = target else { continue };
        let own = scenario.level_of(d);
        if own != level {
            problems.error(
                format!("detectors[{}].level", origins.detectors.file_index(i)),
                format!(
                    "the detector is on level \"{own}\" but its {what} \"{id}\" is on \"{level}\": give the detector \"level\": \"{level}\""
                ),
            );
        }
    }
}
