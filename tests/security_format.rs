//! The security fields of the scenario format: read where they belong, written
//! back the same, absent from files that do not use them, and every misuse
//! reported at its place.

use blindspot::scenario::{CameraUse, Delay, DetectorKind, Problem, Response, Scenario, Severity};
use serde_json::{Value, json};

/// A small plan with an exterior window, a door, a display case and a camera.
fn base() -> Value {
    json!({
        "blindspot": 1,
        "plan": {
            "walls": [
                { "id": "w", "path": [[0, 0], [4, 0]] },
                { "id": "win", "kind": "window", "exterior": true, "path": [[4, 0], [6, 0]] },
                { "id": "w2", "path": [[6, 0], [10, 0], [10, 10], [0, 10], [0, 0]] },
                { "id": "door", "kind": "door", "path": [[10, 4], [10, 6]] },
                { "id": "case-glass", "kind": "glass", "path": [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]] }
            ],
            "zones": [
                { "id": "room", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] },
                { "id": "case", "kind": "asset", "polygon": [[4, 4], [6, 4], [6, 6], [4, 6]] }
            ]
        },
        "cameras": [ { "id": "c1", "position": [1, 9], "heading_deg": 300, "hfov_deg": 90, "range_m": 20 } ]
    })
}

fn set(v: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
        .as_object_mut()
        .unwrap()
        .insert(key.to_string(), value);
}

#[track_caller]
fn load(v: &Value) -> Scenario {
    match Scenario::from_json(&v.to_string()) {
        Ok((s, _)) => s,
        Err(e) => panic!("should load: {e}"),
    }
}

#[track_caller]
fn errors(v: &Value) -> Vec<Problem> {
    match Scenario::from_json(&v.to_string()) {
        Ok(_) => panic!("should not load"),
        Err(e) => e
            .problems
            .list
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect(),
    }
}

/// Asserts one error at `path` whose message holds `words`.
#[track_caller]
fn assert_error(v: &Value, path: &str, words: &str) {
    let errors = errors(v);
    assert!(
        errors
            .iter()
            .any(|e| e.path == path && e.message.contains(words)),
        "expected an error at {path} with \"{words}\", got {errors:#?}"
    );
}

fn every_field() -> Value {
    let mut v = base();
    set(&mut v, "/plan/walls/1/required_level", json!("observe"));
    set(&mut v, "/plan/walls/1/required_cameras", json!(2));
    set(
        &mut v,
        "/plan/walls/1/delay",
        json!({"mean_s": 60, "sd_s": 18}),
    );
    set(&mut v, "/plan/walls/1/passable", json!(false));
    set(
        &mut v,
        "/plan/walls/3/delay",
        json!({"mean_s": 30, "sd_s": 9}),
    );
    set(
        &mut v,
        "/plan/zones/1/delay",
        json!({"mean_s": 90, "sd_s": 27}),
    );
    set(&mut v, "/cameras/0/use", json!("recording"));
    set(
        &mut v,
        "/settings",
        json!({
            "opening_required_level": "detect",
            "opening_required_cameras": 2,
            "walking_speed_m_s": 2.5,
            "windows_passable": false,
            "camera_use": "analytics",
            "camera_detection": {"live": 0.4, "analytics": 0.8},
            "response": {"mean_s": 180, "sd_s": 60, "p_communication": 0.95}
        }),
    );
    set(
        &mut v,
        "/detectors",
        json!([
            {"id": "pir", "kind": "motion", "position": [9, 9], "heading_deg": 225, "hfov_deg": 90, "range_m": 12, "p_detect": 0.9},
            {"id": "contact", "kind": "contact", "opening": "door", "p_detect": 0.95},
            {"id": "gb", "kind": "glass_break", "position": [5, 9], "range_m": 7.5, "p_detect": 0.8},
            {"id": "alarm", "kind": "case", "zone": "case", "p_detect": 0.99}
        ]),
    );
    v
}

#[test]
fn every_security_field_is_read_where_it_belongs() {
    let s = load(&every_field());
    let win = &s.plan.walls[1].security;
    assert_eq!(win.required_level.as_deref(), Some("observe"));
    assert_eq!(win.required_cameras, Some(2));
    assert_eq!(
        win.delay,
        Some(Delay {
            mean_s: 60.0,
            sd_s: 18.0
        })
    );
    assert_eq!(win.passable, Some(false));
    assert!(!s.plan.walls[1].passable(true));
    assert!(s.plan.walls[3].passable(false), "doors are always passable");
    assert!(
        s.plan.walls[4].passable(true) && !s.plan.walls[4].passable(false),
        "glass follows the setting"
    );
    assert_eq!(s.plan.zones[1].delay.map(|d| d.mean_s), Some(90.0));
    assert_eq!(s.cameras[0].usage, Some(CameraUse::Recording));
    assert_eq!(s.camera_use(&s.cameras[0]), CameraUse::Recording);
    let sec = &s.settings.security;
    assert_eq!(sec.opening_required_level.as_deref(), Some("detect"));
    assert_eq!(sec.opening_required_cameras, 2);
    assert_eq!(sec.walking_speed_m_s, 2.5);
    assert!(!sec.windows_passable);
    assert_eq!(sec.camera_use, CameraUse::Analytics);
    assert_eq!(sec.camera_detection.live, 0.4);
    assert_eq!(
        sec.response,
        Some(Response {
            mean_s: 180.0,
            sd_s: 60.0,
            p_communication: 0.95
        })
    );
    assert_eq!(s.detectors.len(), 4);
    assert!(matches!(
        s.detectors[0].kind,
        DetectorKind::Motion { range_m, .. } if range_m == 12.0
    ));
    assert!(matches!(&s.detectors[1].kind, DetectorKind::Contact { opening } if opening == "door"));
    assert!(
        matches!(s.detectors[2].kind, DetectorKind::GlassBreak { range_m, .. } if range_m == 7.5)
    );
    assert!(matches!(&s.detectors[3].kind, DetectorKind::Case { zone } if zone == "case"));
    assert_eq!(s.detectors[3].p_detect, 0.99);
}

#[test]
fn security_fields_round_trip() {
    let s = load(&every_field());
    let text = s.to_json();
    let (again, _) = Scenario::from_json(&text).expect("written file reads back");
    assert_eq!(again, s);
    // Written flat, where the docs put them.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["plan"]["walls"][1]["required_cameras"], json!(2));
    assert_eq!(v["cameras"][0]["use"], json!("recording"));
    assert_eq!(v["settings"]["walking_speed_m_s"], json!(2.5));
    assert_eq!(v["detectors"][0]["kind"], json!("motion"));
}

#[test]
fn files_without_security_fields_keep_their_meaning_and_form() {
    let s = load(&base());
    assert!(s.detectors.is_empty());
    assert!(s.plan.walls.iter().all(|w| w.security.is_empty()));
    assert_eq!(s.camera_use(&s.cameras[0]), CameraUse::Live);
    let sec = &s.settings.security;
    assert_eq!(sec.opening_required_level, None);
    assert_eq!(sec.opening_required_cameras, 1);
    assert_eq!(sec.walking_speed_m_s, 1.4);
    assert!(sec.windows_passable);
    assert_eq!(sec.response, None);
    // Nothing new is written for them.
    let text = s.to_json();
    for key in [
        "use",
        "detectors",
        "delay",
        "passable",
        "walking_speed_m_s",
        "camera_detection",
        "settings",
    ] {
        assert!(
            !text.contains(&format!("\"{key}\"")),
            "{key} written for a file without it:\n{text}"
        );
    }
}

#[test]
fn requirements_and_delays_apply_to_openings_only() {
    let mut v = base();
    set(
        &mut v,
        "/plan/walls/0/delay",
        json!({"mean_s": 5, "sd_s": 1}),
    );
    set(&mut v, "/plan/walls/0/required_cameras", json!(1));
    set(&mut v, "/plan/walls/3/passable", json!(false));
    set(
        &mut v,
        "/plan/zones/0/delay",
        json!({"mean_s": 5, "sd_s": 1}),
    );
    assert_error(&v, "plan.walls[0].delay", "applies to openings");
    assert_error(&v, "plan.walls[0].required_cameras", "applies to openings");
    assert_error(&v, "plan.walls[3].passable", "a door is always passable");
    assert_error(&v, "plan.zones[0].delay", "asset zones");
}

#[test]
fn bad_values_are_named() {
    // Values of the wrong shape: the items holding them cannot be read.
    let mut v = base();
    set(&mut v, "/plan/walls/1/required_cameras", json!(1.5));
    set(&mut v, "/plan/zones/1/delay", json!({"mean_s": 30}));
    set(&mut v, "/cameras/0/use", json!("watched"));
    set(
        &mut v,
        "/settings",
        json!({"response": {"mean_s": 180, "sd_s": 60}}),
    );
    assert_error(&v, "plan.walls[1].required_cameras", "whole number");
    assert_error(&v, "plan.zones[1].delay", "missing field \"sd_s\"");
    assert_error(
        &v,
        "cameras[0].use",
        "unknown use \"watched\" (expected one of: live, analytics, recording)",
    );
    assert_error(&v, "settings.response", "missing field \"p_communication\"");

    // Values out of bounds or naming nothing.
    let mut v = base();
    set(&mut v, "/plan/walls/3/required_level", json!("spot"));
    set(
        &mut v,
        "/plan/walls/3/delay",
        json!({"mean_s": -3, "sd_s": 1}),
    );
    set(
        &mut v,
        "/settings",
        json!({
            "opening_required_level": "glimpse",
            "opening_required_cameras": 0,
            "walking_speed_m_s": 0,
            "camera_detection": {"live": 1.5},
            "response": {"mean_s": 180, "sd_s": -1, "p_communication": 2}
        }),
    );
    assert_error(
        &v,
        "plan.walls[3].required_level",
        "unknown density level \"spot\"",
    );
    assert_error(&v, "plan.walls[3].delay.mean_s", "a time must be from 0");
    assert_error(&v, "settings.opening_required_level", "\"glimpse\"");
    assert_error(&v, "settings.opening_required_cameras", "from 1 to 100");
    assert_error(&v, "settings.walking_speed_m_s", "walking speed");
    assert_error(&v, "settings.camera_detection.live", "probability");
    assert_error(&v, "settings.response.sd_s", "a time");
    assert_error(&v, "settings.response.p_communication", "probability");
}

#[test]
fn detectors_must_name_real_openings_and_assets() {
    let mut v = base();
    set(
        &mut v,
        "/detectors",
        json!([
            {"id": "a", "kind": "contact", "opening": "nowhere", "p_detect": 0.9},
            {"id": "b", "kind": "contact", "opening": "w", "p_detect": 0.9},
            {"id": "c", "kind": "case", "zone": "room", "p_detect": 0.9},
            {"id": "d", "kind": "motion", "position": [1, 1], "heading_deg": 0, "hfov_deg": 90, "p_detect": 0.9},
            {"id": "e", "kind": "glass_break", "position": [1, 1], "range_m": 8, "zone": "case", "p_detect": 1.2},
            {"id": "f", "kind": "laser", "p_detect": 0.5},
            {"id": "a", "kind": "case", "zone": "case", "p_detect": 0.9},
            {"id": "g", "kind": "motion", "position": [1, 1], "heading_deg": 0, "hfov_deg": 400, "range_m": 5, "p_detect": 0.9}
        ]),
    );
    assert_error(&v, "detectors[0].opening", "no wall \"nowhere\"");
    assert_error(&v, "detectors[1].opening", "plain wall");
    assert_error(&v, "detectors[2].zone", "is a room");
    assert_error(&v, "detectors[3]", "missing field \"range_m\"");
    assert_error(&v, "detectors[4].zone", "has no zone");
    assert_error(&v, "detectors[5].kind", "unknown detector kind \"laser\"");
    assert_error(&v, "detectors[6].id", "duplicate id \"a\"");
    assert_error(&v, "detectors[7].hfov_deg", "horizontal field of view");
    // Probabilities are checked on detectors that were read.
    let mut v = base();
    set(
        &mut v,
        "/detectors",
        json!([{"id": "e", "kind": "glass_break", "position": [1, 1], "range_m": 8, "p_detect": 1.2}]),
    );
    assert_error(&v, "detectors[0].p_detect", "probability");
}

#[test]
fn a_camera_edit_carries_its_use() {
    let camera = blindspot::scenario::Camera::from_json(
        r#"{"id": "c", "position": [1, 1], "heading_deg": 0, "hfov_deg": 90, "range_m": 5, "use": "analytics"}"#,
    )
    .expect("a camera object with a use");
    assert_eq!(camera.usage, Some(CameraUse::Analytics));
}
