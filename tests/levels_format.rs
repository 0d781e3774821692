//! Levels in the scenario format: a multi-level file round-trips, a one-level
//! file is written back byte for byte, slices hold their level's items, and
//! each mistake is named at its place.

use blindspot::generator::{GeneratorOptions, generate};
use blindspot::scenario::{ConnectionKind, IMPLICIT_LEVEL_ID, Problem, Scenario, Severity};
use serde_json::{Value, json};

const THREE_LEVELS: &str = include_str!("fixtures/levels/quay-and-two-floors.json");
const TWO_ROOMS: &str = include_str!("fixtures/two-rooms.json");

fn three() -> Value {
    serde_json::from_str(THREE_LEVELS).unwrap()
}

#[track_caller]
fn errors_of(v: &Value) -> Vec<Problem> {
    match Scenario::from_json(&v.to_string()) {
        Ok((s, w)) => panic!("expected errors, loaded {} with {w:?}", s.name),
        Err(e) => e.problems.errors().cloned().collect(),
    }
}

/// Asserts one error is at `path` and mentions every keyword (case-insensitive).
#[track_caller]
fn assert_error(problems: &[Problem], path: &str, keywords: &[&str]) {
    let found = problems.iter().any(|p| {
        p.severity == Severity::Error
            && p.path == path
            && keywords
                .iter()
                .all(|k| p.message.to_lowercase().contains(&k.to_lowercase()))
    });
    let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        found,
        "no error at `{path}` mentioning {keywords:?}; got:\n{}",
        all.join("\n")
    );
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|x| id(x).to_string()).collect()
}

// ---- round trips ----

#[test]
fn a_three_level_file_round_trips() {
    let (s, warnings) = Scenario::from_json(THREE_LEVELS).unwrap();
    assert!(warnings.list.is_empty(), "{warnings:?}");
    assert_eq!(ids(&s.levels, |l| &l.id), ["site", "ground", "first"]);
    assert_eq!(s.levels[2].name, "First floor");
    assert_eq!(s.levels[2].elevation_m, 5.5);
    assert_eq!(s.connections.len(), 2);
    assert_eq!(s.connections[1].kind, ConnectionKind::Stair);
    assert_eq!(s.connections[1].to.level, "first");
    assert_eq!(s.connections[1].time_s, Some(20.0));
    assert_eq!(s.connections[0].time_s, None);
    // Untagged items stay untagged (they are on the first level).
    assert_eq!(s.plan.walls[0].level, None);
    assert_eq!(s.plan.walls[1].level.as_deref(), Some("ground"));
    assert_eq!(s.cameras[2].level.as_deref(), Some("first"));
    assert_eq!(s.options[0].cameras[1].level.as_deref(), Some("first"));

    let text = s.to_json();
    let (again, warnings) = Scenario::from_json(&text).unwrap();
    assert!(warnings.list.is_empty());
    assert_eq!(again, s);
    assert_eq!(again.to_json(), text, "writing is canonical");
    // The written file says what the read one said, field for field.
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(written["levels"], three()["levels"]);
    assert_eq!(written["connections"], three()["connections"]);
    assert_eq!(written["plan"]["walls"][1]["level"], "ground");
    assert!(written["plan"]["walls"][0].get("level").is_none());
}

#[test]
fn a_one_level_file_is_written_back_byte_for_byte() {
    // A canonical file of today (no levels) read and written again is the same
    // bytes, and gains no `levels`, `connections` or `level` fields.
    for text in [
        Scenario::from_json(TWO_ROOMS).unwrap().0.to_json(),
        generate(&GeneratorOptions {
            wall_segments: 400,
            cameras: 20,
            ..Default::default()
        })
        .to_json(),
    ] {
        let (s, _) = Scenario::from_json(&text).unwrap();
        assert!(s.levels.is_empty() && s.connections.is_empty());
        assert_eq!(s.to_json().as_bytes(), text.as_bytes());
        assert!(!text.contains("\"level\""), "no level tags are written");
        assert!(!text.contains("\"levels\"") && !text.contains("\"connections\""));
    }
}

// ---- the levels and the slices ----

#[test]
fn a_file_without_levels_has_one_implicit_level_holding_everything() {
    let (s, _) = Scenario::from_json(TWO_ROOMS).unwrap();
    let levels = s.levels();
    assert_eq!(levels.len(), 1);
    assert_eq!(levels[0].id, IMPLICIT_LEVEL_ID);
    assert_eq!(levels[0].elevation_m, 0.0);
    assert!(!s.has_several_levels());
    assert_eq!(s.level_slice(IMPLICIT_LEVEL_ID), Some(s.clone()));
    assert_eq!(s.level_slice("ground"), None);
}

#[test]
fn a_slice_holds_its_level_and_the_shared_parts() {
    let (s, _) = Scenario::from_json(THREE_LEVELS).unwrap();
    let site = s.level_slice("site").unwrap();
    assert_eq!(ids(&site.plan.walls, |w| &w.id), ["quay-edge"]);
    assert_eq!(ids(&site.plan.zones, |z| &z.id), ["quay"]);
    assert_eq!(ids(&site.cameras, |c| &c.id), ["q1"]);
    let ground = s.level_slice("ground").unwrap();
    assert_eq!(ids(&ground.plan.walls, |w| &w.id), ["room-a", "room-b"]);
    assert_eq!(ids(&ground.plan.zones, |z| &z.id), ["hall", "shop"]);
    assert_eq!(ids(&ground.cameras, |c| &c.id), ["g1"]);
    let first = s.level_slice("first").unwrap();
    assert_eq!(ids(&first.cameras, |c| &c.id), ["f1"]);
    // Options keep their names, with their cameras of the level.
    assert_eq!(first.options[0].name, "Domes upstairs");
    assert_eq!(ids(&first.options[0].cameras, |c| &c.id), ["f1"]);
    assert!(site.options[0].cameras.is_empty());
    for slice in [&site, &ground, &first] {
        assert_eq!(slice.catalog, s.catalog);
        assert_eq!(slice.settings, s.settings);
        assert_eq!(slice.levels.len(), 1);
        assert!(slice.connections.is_empty());
        // A slice is a valid file of its own.
        let (again, _) = Scenario::from_json(&slice.to_json()).unwrap();
        assert_eq!(&again, slice);
    }
    // Every item is in exactly one slice.
    let walls: usize = [&site, &ground, &first]
        .iter()
        .map(|x| x.plan.walls.len())
        .sum();
    assert_eq!(walls, s.plan.walls.len());
    assert_eq!(s.level_slice("attic"), None);
}

// ---- mistakes, each at its place ----

#[test]
fn an_unknown_level_is_named_at_the_item() {
    let mut v = three();
    v["cameras"][2]["level"] = json!("second");
    v["plan"]["walls"][3]["level"] = json!("roof");
    v["plan"]["zones"][1]["level"] = json!("cellar");
    v["options"][0]["cameras"][0]["level"] = json!("groundd");
    let e = errors_of(&v);
    assert_error(
        &e,
        "cameras[2].level",
        &["unknown level", "second", "site, ground, first"],
    );
    assert_error(&e, "plan.walls[3].level", &["unknown level", "roof"]);
    assert_error(&e, "plan.zones[1].level", &["unknown level", "cellar"]);
    assert_error(
        &e,
        "options[0].cameras[0].level",
        &["unknown level", "groundd"],
    );
}

#[test]
fn a_level_in_a_file_without_levels_says_to_add_them() {
    let mut v: Value = serde_json::from_str(TWO_ROOMS).unwrap();
    v["cameras"][0]["level"] = json!("ground");
    let e = errors_of(&v);
    assert_error(&e, "cameras[0].level", &["unknown level", "no \"levels\""]);
}

#[test]
fn a_duplicate_level_id_is_named() {
    let mut v = three();
    v["levels"][2]["id"] = json!("ground");
    let e = errors_of(&v);
    assert_error(&e, "levels[2].id", &["duplicate", "ground", "levels[1]"]);
}

#[test]
fn a_connection_to_a_missing_level_is_named() {
    let mut v = three();
    v["connections"][1]["to"]["level"] = json!("attic");
    let e = errors_of(&v);
    assert_error(&e, "connections[1].to.level", &["unknown level", "attic"]);
}

#[test]
fn a_connection_within_one_level_or_of_an_unknown_kind_is_named() {
    let mut v = three();
    v["connections"][1]["to"]["level"] = json!("ground");
    v["connections"][0]["kind"] = json!("escalator");
    v["connections"][0]["time_s"] = json!(-3);
    let e = errors_of(&v);
    assert_error(&e, "connections[1].to.level", &["two levels", "ground"]);
    assert_error(
        &e,
        "connections[0].kind",
        &["escalator", "stair, lift, ramp, opening"],
    );
    assert_error(&e, "connections[0].time_s", &["zero or more"]);
}

#[test]
fn a_non_finite_or_absurd_elevation_is_named() {
    // JSON cannot hold NaN or infinity: 1e400 overflows, and the reader names
    // the line.
    let text = THREE_LEVELS.replace("\"elevation_m\": 5.5", "\"elevation_m\": 1e400");
    let e = Scenario::from_json(&text).unwrap_err().problems;
    assert!(e.list.iter().any(|p| p.message.contains("line 7")), "{e:?}");
    let mut v = three();
    v["levels"][2]["elevation_m"] = json!(25_000);
    assert_error(
        &errors_of(&v),
        "levels[2].elevation_m",
        &["within ±10000 m"],
    );
    let mut v = three();
    v["levels"][2]["elevation_m"] = json!("high");
    assert_error(
        &errors_of(&v),
        "levels[2].elevation_m",
        &["expected a number"],
    );
    let mut v = three();
    v["levels"][0]
        .as_object_mut()
        .unwrap()
        .remove("elevation_m");
    assert_error(
        &errors_of(&v),
        "levels[0]",
        &["missing field \"elevation_m\""],
    );
}

#[test]
fn levels_out_of_order_are_named() {
    let mut v = three();
    v["levels"][1]["elevation_m"] = json!(-4);
    let e = errors_of(&v);
    assert_error(
        &e,
        "levels[1].elevation_m",
        &["bottom to top", "ground", "site"],
    );
}

#[test]
fn a_level_without_zones_is_named() {
    let mut v = three();
    v["plan"]["zones"][3]["level"] = json!("ground");
    v["plan"]["zones"][4]["level"] = json!("site");
    let e = errors_of(&v);
    assert_error(&e, "levels[2]", &["no zones", "first"]);
}

#[test]
fn a_detector_off_its_openings_level_is_named() {
    let mut v = three();
    v["plan"]["walls"].as_array_mut().unwrap().push(
        json!({ "id": "door-a", "level": "ground", "kind": "door", "path": [[4, 0], [6, 0]] }),
    );
    v["detectors"] = json!([
        { "id": "contact-a", "kind": "contact", "opening": "door-a", "p_detect": 0.9 },
        { "id": "contact-b", "level": "ground", "kind": "contact", "opening": "door-a", "p_detect": 0.9 },
        { "id": "pir", "level": "mezzanine", "kind": "motion", "position": [1, 1], "heading_deg": 0, "hfov_deg": 90, "range_m": 10, "p_detect": 0.9 }
    ]);
    let e = errors_of(&v);
    assert_error(&e, "detectors[0].level", &["site", "door-a", "ground"]);
    assert_error(&e, "detectors[2].level", &["unknown level", "mezzanine"]);
    assert!(
        !e.iter().any(|p| p.path.starts_with("detectors[1]")),
        "{e:?}"
    );
}

#[test]
fn level_fields_are_checked_like_any_other() {
    let mut v = three();
    v["levels"][0]["floor"] = json!(1);
    v["levels"][1]["id"] = json!(" ");
    v["cameras"][0]["level"] = json!(3);
    v["pole_sites"] = json!([{ "id": "p1", "level": "pier", "position": [1, 1], "cost": 10 }]);
    let e = errors_of(&v);
    assert_error(&e, "levels[0].floor", &["unknown field", "elevation_m"]);
    assert_error(&e, "levels[1].id", &["empty"]);
    assert_error(&e, "cameras[0].level", &["expected a string"]);
    assert_error(&e, "pole_sites[0].level", &["unknown level", "pier"]);
}
