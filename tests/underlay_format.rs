//! The scenario's optional `underlay` (a scanned plan to trace over): read with
//! every field checked at its place, kept through a round trip and a plan edit,
//! its documented defaults applied, and nothing ignored.

use blindspot::scenario::{Problem, Scenario, Severity};
use serde_json::{Value, json};

const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn base() -> Value {
    json!({
        "blindspot": 1,
        "name": "traced",
        "plan": {
            "walls": [ { "id": "w1", "path": [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] } ],
            "zones": [ { "id": "room", "name": "Room", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] } ]
        },
        "catalog": [ { "id": "dome", "hfov_deg": 90, "range_m": 20 } ],
        "cameras": [ { "id": "c1", "model": "dome", "position": [1, 1], "heading_deg": 45 } ]
    })
}

fn underlay() -> Value {
    json!({
        "image": { "name": "Ground floor (scan).png", "type": "image/png", "bytes": 52311,
                   "sha256": HASH, "width": 800.0, "height": 600.0 },
        "position": [-2.5, 14.0],
        "rotation_deg": 12.5,
        "scale": 0.02,
        "opacity": 0.45,
        "locked": true
    })
}

fn with_underlay(u: Value) -> Value {
    let mut s = base();
    s["underlay"] = u;
    s
}

#[track_caller]
fn errors_of(v: &Value) -> Vec<Problem> {
    match Scenario::from_json(&v.to_string()) {
        Ok((s, _)) => panic!("expected errors, loaded {:?}", s.underlay),
        Err(e) => e.problems.errors().cloned().collect(),
    }
}

#[track_caller]
fn assert_error(problems: &[Problem], path: &str, words: &[&str]) {
    let found = problems.iter().any(|p| {
        p.severity == Severity::Error
            && p.path == path
            && words.iter().all(|w| p.message.contains(w))
    });
    assert!(
        found,
        "no error at `{path}` with {words:?}; got {problems:#?}"
    );
}

#[test]
fn an_underlay_is_read_with_every_field() {
    let (s, warnings) = Scenario::from_json(&with_underlay(underlay()).to_string()).unwrap();
    assert_eq!(warnings.list.len(), 0);
    let u = s.underlay.expect("the underlay is kept");
    assert_eq!(u.image.name, "Ground floor (scan).png");
    assert_eq!(u.image.kind, "image/png");
    assert_eq!(u.image.bytes, 52311);
    assert_eq!(u.image.sha256, HASH);
    assert_eq!((u.image.width, u.image.height), (800.0, 600.0));
    assert_eq!(u.position, [-2.5, 14.0]);
    assert_eq!(u.rotation_deg, 12.5);
    assert_eq!(u.scale, 0.02);
    assert_eq!(u.opacity, 0.45);
    assert!(u.locked);
}

#[test]
fn the_underlay_survives_a_round_trip_unchanged() {
    let (s, _) = Scenario::from_json(&with_underlay(underlay()).to_string()).unwrap();
    let written: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(written["underlay"], underlay());
    let (again, _) = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(again, s);
}

#[test]
fn a_plan_edit_keeps_the_underlay() {
    let (s, _) = Scenario::from_json(&with_underlay(underlay()).to_string()).unwrap();
    let plan = json!({
        "walls": [ { "id": "w2", "path": [[0, 0], [4, 0]] } ],
        "zones": [ { "id": "room", "polygon": [[0, 0], [4, 0], [4, 4], [0, 4]] } ]
    });
    let (edited, _) = s.with_plan_json(&plan.to_string()).unwrap();
    assert_eq!(edited.underlay, s.underlay);
}

#[test]
fn without_an_underlay_the_file_has_none() {
    let (s, _) = Scenario::from_json(&base().to_string()).unwrap();
    assert_eq!(s.underlay, None);
    assert!(!s.to_json().contains("underlay"));
}

#[test]
fn left_out_fields_take_the_documented_defaults() {
    let u = json!({
        "image": { "name": "a.jpg", "type": "image/jpeg", "bytes": 1, "sha256": HASH, "width": 1, "height": 1 },
        "position": [0, 0],
        "scale": 1
    });
    let (s, _) = Scenario::from_json(&with_underlay(u).to_string()).unwrap();
    let u = s.underlay.unwrap();
    assert_eq!((u.rotation_deg, u.opacity, u.locked), (0.0, 1.0, false));
}

#[test]
fn unknown_fields_are_refused_at_their_place() {
    let mut u = underlay();
    u["zoom"] = json!(2);
    u["image"]["data"] = json!("iVBORw0KGgo=");
    let e = errors_of(&with_underlay(u));
    assert_error(&e, "underlay.zoom", &["unknown field", "scale"]);
    assert_error(&e, "underlay.image.data", &["unknown field", "sha256"]);
}

#[test]
fn missing_fields_are_named() {
    let e = errors_of(&with_underlay(json!({ "image": { "name": "a.png" } })));
    assert_error(&e, "underlay", &["missing field \"position\""]);
    assert_error(&e, "underlay", &["missing field \"scale\""]);
    assert_error(&e, "underlay.image", &["missing field \"sha256\""]);
    assert_error(&e, "underlay.image", &["missing field \"type\""]);
}

#[test]
fn bad_values_are_refused_with_the_reason() {
    let cases: Vec<(&str, Value, &str, &[&str])> = vec![
        (
            "/scale",
            json!(0),
            "underlay.scale",
            &["above 0", "found 0"],
        ),
        ("/scale", json!(-0.5), "underlay.scale", &["above 0"]),
        (
            "/opacity",
            json!(1.5),
            "underlay.opacity",
            &["from 0 to 1", "1.5"],
        ),
        (
            "/locked",
            json!("yes"),
            "underlay.locked",
            &["true or false"],
        ),
        (
            "/position",
            json!([1e9, 0]),
            "underlay.position",
            &["beyond the supported extent"],
        ),
        (
            "/rotation_deg",
            json!("north"),
            "underlay.rotation_deg",
            &["expected a number"],
        ),
        (
            "/image/type",
            json!("image/gif"),
            "underlay.image.type",
            &["image/gif", "image/png, image/jpeg, application/pdf"],
        ),
        (
            "/image/bytes",
            json!(-3),
            "underlay.image.bytes",
            &["whole number of bytes", "-3"],
        ),
        (
            "/image/bytes",
            json!(2.5),
            "underlay.image.bytes",
            &["whole number"],
        ),
        (
            "/image/bytes",
            json!(30_000_000),
            "underlay.image.bytes",
            &["25000000"],
        ),
        (
            "/image/sha256",
            json!("ABC"),
            "underlay.image.sha256",
            &["64 lowercase hexadecimal"],
        ),
        (
            "/image/width",
            json!(0),
            "underlay.image.width",
            &["above 0"],
        ),
        (
            "/image/height",
            json!(1e6),
            "underlay.image.height",
            &["at most 100000"],
        ),
        (
            "/image/name",
            json!(7),
            "underlay.image.name",
            &["expected a string"],
        ),
    ];
    for (pointer, value, path, words) in cases {
        let mut u = underlay();
        *u.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        assert_error(&errors_of(&with_underlay(u)), path, words);
    }
    assert_error(
        &errors_of(&with_underlay(json!("scan.png"))),
        "underlay",
        &["expected an object"],
    );
}
