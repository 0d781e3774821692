//! The scenario format: the issue's example, round trips, and every class of bad
//! input giving a clear error at the right place.

use blindspot::generator::{GeneratorOptions, generate};
use blindspot::scenario::{Camera, Problem, Problems, Scenario, Severity, WallKind, ZoneKind};
use blindspot::session::Session;
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("fixtures/issue-example.json");

/// A small valid scenario as a JSON value, to break in one place per test.
fn base() -> Value {
    json!({
        "blindspot": 1,
        "name": "base",
        "plan": {
            "walls": [
                { "id": "w1", "path": [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] }
            ],
            "zones": [
                { "id": "room", "name": "Room", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] }
            ]
        },
        "catalog": [ { "id": "dome", "hfov_deg": 90, "range_m": 20 } ],
        "cameras": [
            { "id": "c1", "model": "dome", "position": [1, 1], "heading_deg": 45 }
        ]
    })
}

fn load(v: &Value) -> Result<(Scenario, Problems), Problems> {
    Scenario::from_json(&v.to_string()).map_err(|e| e.problems)
}

/// The problems of a scenario that must fail to load.
#[track_caller]
fn errors_of(text: &str) -> Vec<Problem> {
    match Scenario::from_json(text) {
        Ok((s, w)) => panic!("expected errors, loaded {} with {w:?}", s.name),
        Err(e) => {
            assert!(e.problems.has_errors());
            e.problems.errors().cloned().collect()
        }
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
    assert!(
        found,
        "no error at `{path}` mentioning {keywords:?}; got:\n{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[track_caller]
fn bad(v: &Value) -> Vec<Problem> {
    errors_of(&v.to_string())
}

// ---- the example and round trips ----

#[test]
fn the_issue_example_parses_with_what_it_says() {
    let (s, warnings) = Scenario::from_json(EXAMPLE).expect("the issue's example loads");
    assert!(warnings.list.is_empty(), "{warnings:?}");
    assert_eq!(s.blindspot, 1);
    assert_eq!(s.name, "Denon wing, first floor - as is");
    assert_eq!(s.plan.walls.len(), 2);
    assert_eq!(s.plan.walls[0].kind, WallKind::Wall);
    assert_eq!(s.plan.walls[0].path.len(), 3);
    let balcony = &s.plan.walls[1];
    assert_eq!(balcony.kind, WallKind::Window);
    assert!(balcony.exterior);
    // A window is opaque unless it says otherwise.
    assert!(balcony.blocks_sight());
    assert_eq!(s.plan.zones.len(), 1);
    let z = &s.plan.zones[0];
    assert_eq!(
        (z.id.as_str(), z.name.as_str(), z.kind, z.priority),
        ("apollo", "Gallery of Apollo", ZoneKind::Room, 5.0)
    );
    assert_eq!(s.catalog.len(), 1);
    assert_eq!(s.catalog[0].hfov_deg, Some(100.0));
    assert_eq!(s.cameras.len(), 2);
    // c1 takes its model's field of view and range; c2 gives its own.
    let spec = s.spec(&s.cameras[0]).unwrap();
    assert_eq!((spec.hfov_deg, spec.range_m), (100.0, 25.0));
    assert_eq!(spec.position, blindspot::geometry::Point::new(20.0, 1.0));
    let spec = s.spec(&s.cameras[1]).unwrap();
    assert_eq!((spec.hfov_deg, spec.range_m), (360.0, 1000.0));
    assert_eq!(s.settings.min_blind_spot_m2, 0.05);
}

#[test]
fn the_issue_example_reports() {
    let session = Session::from_json(EXAMPLE).unwrap();
    let r = session.summary();
    // The zone is the 40 x 12 gallery.
    assert!((r.target_area_m2 - 480.0).abs() < 1e-9 * 480.0);
    assert!(r.coverage > 0.0 && r.coverage <= 1.0);
    assert_eq!(r.cameras.len(), 2);
}

#[test]
fn round_trip_of_the_example_is_equal() {
    let (s, _) = Scenario::from_json(EXAMPLE).unwrap();
    let text = s.to_json();
    let (again, warnings) = Scenario::from_json(&text).unwrap();
    assert!(warnings.list.is_empty());
    assert_eq!(again, s);
    // Writing is canonical: a second round trip gives the same text.
    assert_eq!(again.to_json(), text);
}

#[test]
fn round_trip_keeps_every_optional_field() {
    let v = json!({
        "blindspot": 1,
        "name": "all fields",
        "plan": {
            "walls": [
                { "id": "w", "kind": "wall", "path": [[0, 0], [10, 0]] },
                { "id": "d", "kind": "door", "open": true, "exterior": true, "path": [[0, 1], [0, 2]] },
                { "id": "g", "kind": "glass", "opaque": true, "path": [[1, 1], [2, 2]] },
                { "id": "r", "kind": "railing", "path": [[3, 3], [4, 4], [5, 3]] },
                { "id": "win", "kind": "window", "opaque": false, "exterior": true, "path": [[6, 0], [7, 0]] }
            ],
            "zones": [
                { "id": "z", "name": "Zone", "kind": "exterior", "priority": 2.5,
                  "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]],
                  "holes": [[[4, 4], [6, 4], [6, 6], [4, 6]]] },
                { "id": "a", "kind": "asset", "polygon": [[1, 1], [2, 1], [1.5, 2]] }
            ]
        },
        "catalog": [
            { "id": "m1", "name": "Model 1", "hfov_deg": 93.5, "range_m": 12.25 },
            { "id": "m2" }
        ],
        "cameras": [
            { "id": "c1", "model": "m1", "position": [0.1, 0.2], "heading_deg": -30 },
            { "id": "c2", "model": "m2", "position": [5, 5], "heading_deg": 0.1, "hfov_deg": 360, "range_m": 7 },
            { "id": "c3", "position": [9.999999999, 0.000000001], "heading_deg": 720, "hfov_deg": 0.001, "range_m": 100000 }
        ],
        "settings": { "min_blind_spot_m2": 0.25 }
    });
    let (s, warnings) = load(&v).unwrap();
    assert!(warnings.list.is_empty(), "{warnings:?}");
    assert!(s.plan.walls[1].open && s.plan.walls[1].exterior);
    assert_eq!(s.plan.walls[2].opaque, Some(true));
    assert_eq!(s.plan.zones[0].holes.len(), 1);
    assert_eq!(
        s.plan.zones[1].name, "a",
        "a zone's name defaults to its id"
    );
    assert_eq!(s.settings.min_blind_spot_m2, 0.25);
    let (again, _) = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(again, s);
}

#[test]
fn round_trip_of_generated_plans_is_equal() {
    for seed in [1, 7, 12345] {
        let g = generate(&GeneratorOptions {
            wall_segments: 300,
            cameras: 12,
            seed,
            ..Default::default()
        });
        let (s, warnings) = Scenario::from_json(&g.to_json())
            .unwrap_or_else(|e| panic!("generated plan (seed {seed}) does not load: {e}"));
        assert!(
            warnings.list.is_empty(),
            "seed {seed}: generated plan needed repairs: {warnings:?}"
        );
        assert_eq!(s, g, "seed {seed}");
        let (again, _) = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(again, s);
        // The compact form the CLI writes reads back equal too.
        let compact = serde_json::to_string(&g).unwrap();
        assert_eq!(Scenario::from_json(&compact).unwrap().0, g);
    }
}

#[test]
fn numbers_round_trip_bit_for_bit() {
    let mut v = base();
    let x: f64 = 0.1 + 0.2; // 0.30000000000000004
    let y: f64 = 1.0 / 3.0;
    v["cameras"][0]["position"] = json!([x, y]);
    v["cameras"][0]["heading_deg"] = json!(std::f64::consts::PI);
    let (s, _) = load(&v).unwrap();
    assert_eq!(s.cameras[0].position.x.to_bits(), x.to_bits());
    assert_eq!(s.cameras[0].position.y.to_bits(), y.to_bits());
    let (again, _) = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(again.cameras[0].position.x.to_bits(), x.to_bits());
    assert_eq!(again.cameras[0].heading_deg, std::f64::consts::PI);
}

// ---- bad input, one class at a time ----

#[test]
fn malformed_json_gives_line_and_column() {
    let text = "{\n  \"blindspot\": 1,\n  \"plan\": { \"zones\": [ }\n}";
    let errors = errors_of(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = &errors[0].message;
    assert!(msg.contains("JSON"), "{msg}");
    assert!(msg.contains("line 3"), "{msg}");
    assert!(msg.contains("column"), "{msg}");
    // Not JSON at all, and an empty file.
    assert_error(&errors_of("blindspot"), "", &["json"]);
    assert_error(&errors_of(""), "", &["json"]);
    // A trailing comma.
    assert_error(
        &errors_of("{\"blindspot\": 1, \"plan\": {},}"),
        "",
        &["json", "line 1"],
    );
}

#[test]
fn top_level_must_be_an_object() {
    assert_error(&errors_of("[1, 2]"), "", &["object"]);
}

#[test]
fn missing_fields_are_named_at_their_object() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("plan");
    assert_error(&bad(&v), "", &["missing", "plan"]);

    let mut v = base();
    v.as_object_mut().unwrap().remove("blindspot");
    assert_error(&bad(&v), "", &["missing", "blindspot"]);

    let mut v = base();
    v["cameras"][0].as_object_mut().unwrap().remove("position");
    assert_error(&bad(&v), "cameras[0]", &["missing", "position"]);

    let mut v = base();
    v["cameras"][0]
        .as_object_mut()
        .unwrap()
        .remove("heading_deg");
    assert_error(&bad(&v), "cameras[0]", &["missing", "heading_deg"]);

    let mut v = base();
    v["plan"]["walls"][0]
        .as_object_mut()
        .unwrap()
        .remove("path");
    assert_error(&bad(&v), "plan.walls[0]", &["missing", "path"]);

    let mut v = base();
    v["plan"]["zones"][0]
        .as_object_mut()
        .unwrap()
        .remove("polygon");
    assert_error(&bad(&v), "plan.zones[0]", &["missing", "polygon"]);

    let mut v = base();
    v["plan"]["zones"][0].as_object_mut().unwrap().remove("id");
    assert_error(&bad(&v), "plan.zones[0]", &["missing", "id"]);
}

#[test]
fn unknown_fields_are_named_with_what_was_expected() {
    let mut v = base();
    v["colour"] = json!("red");
    assert_error(&bad(&v), "colour", &["unknown field"]);

    let mut v = base();
    v["plan"]["walls"][0]["thickness"] = json!(0.2);
    assert_error(
        &bad(&v),
        "plan.walls[0].thickness",
        &["unknown field", "path"],
    );

    let mut v = base();
    v["cameras"][0]["fov"] = json!(90);
    assert_error(&bad(&v), "cameras[0].fov", &["unknown field", "hfov_deg"]);

    let mut v = base();
    v["plan"]["zones"][0]["area"] = json!(100);
    assert_error(&bad(&v), "plan.zones[0].area", &["unknown field"]);

    let mut v = base();
    v["settings"] = json!({ "min_blind_spot": 1 });
    assert_error(&bad(&v), "settings.min_blind_spot", &["unknown field"]);
}

#[test]
fn wrong_types_are_named() {
    let mut v = base();
    v["cameras"][0]["heading_deg"] = json!("north");
    assert_error(&bad(&v), "cameras[0].heading_deg", &["number", "string"]);

    let mut v = base();
    v["cameras"][0]["position"] = json!([1, 2, 3]);
    assert_error(&bad(&v), "cameras[0].position", &["point", "3 items"]);

    let mut v = base();
    v["plan"]["walls"][0]["kind"] = json!("curtain");
    assert_error(
        &bad(&v),
        "plan.walls[0].kind",
        &["unknown wall kind", "curtain"],
    );

    let mut v = base();
    v["plan"]["zones"][0]["kind"] = json!("garden");
    assert_error(
        &bad(&v),
        "plan.zones[0].kind",
        &["unknown zone kind", "garden"],
    );

    let mut v = base();
    v["plan"]["zones"][0]["priority"] = json!(0);
    assert_error(
        &bad(&v),
        "plan.zones[0].priority",
        &["priority", "positive"],
    );

    let mut v = base();
    v["cameras"] = json!({ "c1": {} });
    assert_error(&bad(&v), "cameras", &["array"]);
}

#[test]
fn non_finite_and_overflowing_numbers_are_rejected_with_their_place() {
    // JSON has no NaN or Infinity; a file holding them is not JSON, and the
    // message says where.
    let text = base()
        .to_string()
        .replace("\"heading_deg\":45", "\"heading_deg\":NaN");
    assert!(text.contains("NaN"));
    assert_error(&errors_of(&text), "", &["json", "line 1", "column"]);
    let text = base()
        .to_string()
        .replace("\"heading_deg\":45", "\"heading_deg\":Infinity");
    assert_error(&errors_of(&text), "", &["json", "column"]);
    // 1e400 overflows a double.
    let text = "{\n\"blindspot\": 1,\n\"plan\": {\"zones\": [{\"id\": \"z\", \"polygon\": [[0,0],[1e400,0],[1,1]]}]}\n}";
    let errors = errors_of(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("line 3"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.to_lowercase().contains("range"),
        "the message should say the number is out of range: {}",
        errors[0].message
    );
}

#[test]
fn non_finite_values_from_edits_are_rejected_with_their_place() {
    // The browser edits cameras through the session with plain f64s, where NaN
    // and infinities can appear.
    let mut session = Session::from_json(&base().to_string()).unwrap();
    let e = session.move_camera(0, f64::NAN, 1.0).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].position", &["finite"]);
    let e = session.move_camera(0, 1.0, f64::INFINITY).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].position", &["finite"]);
    let e = session.aim_camera(0, f64::NAN, 90.0, 10.0).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].heading_deg", &["finite"]);
    let e = session.aim_camera(0, 0.0, f64::NAN, 10.0).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].hfov_deg", &["field of view"]);
    let e = session.aim_camera(0, 0.0, 90.0, f64::INFINITY).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].range_m", &["range"]);
    let e = session.move_camera(0, 2e6, 1.0).unwrap_err();
    assert_error(&e.problems.list, "cameras[0].position", &["extent"]);
    // Nothing changed: the camera is where the file put it.
    assert_eq!(
        session.scenario().cameras[0].position,
        blindspot::geometry::Point::new(1.0, 1.0)
    );
    // Camera JSON from the page: a huge number is caught with its place.
    let e = Camera::from_json(r#"{"id":"c","position":[1e400,0],"heading_deg":0}"#).unwrap_err();
    assert!(e.problems.has_errors());
}

#[test]
fn coordinates_beyond_the_extent_are_named() {
    let mut v = base();
    v["plan"]["walls"][0]["path"][1] = json!([1_000_001.0, 0]);
    assert_error(&bad(&v), "plan.walls[0].path[1]", &["extent"]);

    let mut v = base();
    v["cameras"][0]["position"] = json!([0, -2e6]);
    assert_error(&bad(&v), "cameras[0].position", &["extent"]);

    let mut v = base();
    v["plan"]["zones"][0]["polygon"][2] = json!([10, 1e7]);
    assert_error(&bad(&v), "plan.zones[0].polygon[2]", &["extent"]);

    // Exactly at the limit is fine.
    let mut v = base();
    v["cameras"][0]["position"] = json!([1e6, -1e6]);
    load(&v).unwrap();
}

#[test]
fn duplicate_ids_are_named_with_the_first_use() {
    let mut v = base();
    v["cameras"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "c1", "model": "dome", "position": [2, 2], "heading_deg": 0 }));
    assert_error(
        &bad(&v),
        "cameras[1].id",
        &["duplicate", "c1", "cameras[0]"],
    );

    let mut v = base();
    v["plan"]["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "w1", "path": [[2, 2], [3, 3]] }));
    assert_error(&bad(&v), "plan.walls[1].id", &["duplicate", "w1"]);

    let mut v = base();
    v["plan"]["zones"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "room", "polygon": [[0, 0], [1, 0], [1, 1]] }));
    assert_error(&bad(&v), "plan.zones[1].id", &["duplicate", "room"]);

    let mut v = base();
    v["catalog"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "dome", "hfov_deg": 60, "range_m": 5 }));
    assert_error(&bad(&v), "catalog[1].id", &["duplicate", "dome"]);
}

#[test]
fn unknown_camera_model_is_named_with_the_catalogue() {
    let mut v = base();
    v["cameras"][0]["model"] = json!("bullet-8mp");
    assert_error(
        &bad(&v),
        "cameras[0].model",
        &["unknown camera model", "bullet-8mp", "dome"],
    );
}

#[test]
fn field_of_view_and_range_out_of_bounds() {
    for hfov in [0.0, -10.0, 360.5, 1e9] {
        let mut v = base();
        v["cameras"][0]["hfov_deg"] = json!(hfov);
        assert_error(&bad(&v), "cameras[0].hfov_deg", &["field of view", "360"]);
    }
    for range in [0.0, -1.0, 100_000.5] {
        let mut v = base();
        v["cameras"][0]["range_m"] = json!(range);
        assert_error(&bad(&v), "cameras[0].range_m", &["range"]);
    }
    // In the catalogue too.
    let mut v = base();
    v["catalog"][0]["hfov_deg"] = json!(400);
    assert_error(&bad(&v), "catalog[0].hfov_deg", &["field of view"]);
    let mut v = base();
    v["catalog"][0]["range_m"] = json!(0);
    assert_error(&bad(&v), "catalog[0].range_m", &["range"]);
    // The bounds themselves are accepted.
    let mut v = base();
    v["cameras"][0]["hfov_deg"] = json!(360);
    v["cameras"][0]["range_m"] = json!(100_000);
    load(&v).unwrap();
}

#[test]
fn camera_with_no_model_and_no_fov_or_range() {
    let mut v = base();
    v["cameras"][0] = json!({ "id": "c1", "position": [1, 1], "heading_deg": 0 });
    let errors = bad(&v);
    assert_error(&errors, "cameras[0]", &["no field of view", "hfov_deg"]);
    assert_error(&errors, "cameras[0]", &["no range", "range_m"]);
    // A model without a range, and a camera without its own.
    let mut v = base();
    v["catalog"][0].as_object_mut().unwrap().remove("range_m");
    assert_error(&bad(&v), "cameras[0]", &["no range", "dome"]);
}

#[test]
fn zero_length_wall_pieces_are_dropped_with_a_warning() {
    let mut v = base();
    v["plan"]["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "w2", "path": [[2, 2], [2, 2], [4, 2], [4, 2], [4, 5]] }));
    v["plan"]["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "dot", "path": [[3, 3], [3, 3]] }));
    let (s, warnings) = load(&v).expect("a scenario with zero-length pieces still loads");
    assert!(!warnings.has_errors());
    let w: Vec<&Problem> = warnings.warnings().collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0].path, "plan.walls[1].path");
    assert!(w[0].message.contains("zero-length"), "{}", w[0].message);
    assert!(w[0].message.contains("w2"), "{}", w[0].message);
    assert_eq!(w[1].path, "plan.walls[2]");
    assert!(w[1].message.contains("dot"), "{}", w[1].message);
    // The repaired wall keeps its real pieces; the dot is gone.
    assert_eq!(s.plan.walls.len(), 2);
    let w2 = &s.plan.walls[1];
    assert_eq!(w2.path.len(), 3);
    // The session loads too and shows the warnings in its report.
    let session = Session::from_json(&v.to_string()).unwrap();
    assert_eq!(session.report().warnings.len(), 2);
}

#[test]
fn self_intersecting_zone_names_the_zone() {
    let mut v = base();
    // A lopsided bow tie.
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 10], [10, 0], [0, 5]]);
    assert_error(&bad(&v), "plan.zones[0]", &["self-intersecting", "room"]);
    // A hole crossing the outer ring.
    let mut v = base();
    v["plan"]["zones"][0]["holes"] = json!([[[8, 4], [12, 4], [12, 6], [8, 6]]]);
    assert_error(&bad(&v), "plan.zones[0]", &["self-intersecting", "room"]);
    // An edge folding back on the one before it.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 0], [5, 0], [5, 5]]);
    assert_error(&bad(&v), "plan.zones[0]", &["self-intersecting"]);
}

#[test]
fn degenerate_zones_name_the_zone() {
    // Collinear.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [5, 5], [10, 10]]);
    assert_error(&bad(&v), "plan.zones[0].polygon", &["no area"]);
    // Two points.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [5, 5]]);
    assert_error(
        &bad(&v),
        "plan.zones[0].polygon",
        &["at least 3", "found 2"],
    );
    // Three points of which two repeat: two distinct.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [5, 5], [5, 5], [0, 0]]);
    assert_error(&bad(&v), "plan.zones[0].polygon", &["at least 3"]);
    // A degenerate hole.
    let mut v = base();
    v["plan"]["zones"][0]["holes"] = json!([[[1, 1], [2, 2]]]);
    assert_error(&bad(&v), "plan.zones[0].holes[0]", &["at least 3"]);
}

#[test]
fn closing_point_of_a_zone_is_accepted() {
    // A closed ring (first point repeated) is the same zone.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    let (s, _) = load(&v).unwrap();
    assert_eq!(s.plan.zones[0].polygon.len(), 4);
}

#[test]
fn hole_outside_its_polygon_is_named() {
    let mut v = base();
    v["plan"]["zones"][0]["holes"] = json!([[[20, 20], [22, 20], [22, 22], [20, 22]]]);
    assert_error(&bad(&v), "plan.zones[0].holes[0]", &["outside", "room"]);
    // A hole inside is fine.
    let mut v = base();
    v["plan"]["zones"][0]["holes"] = json!([[[2, 2], [4, 2], [4, 4], [2, 4]]]);
    load(&v).unwrap();
}

#[test]
fn a_plan_without_zones_is_an_error() {
    let mut v = base();
    v["plan"]["zones"] = json!([]);
    assert_error(&bad(&v), "plan.zones", &["no zones"]);
    let mut v = base();
    v["plan"] = json!({});
    assert_error(&bad(&v), "plan.zones", &["no zones"]);
}

#[test]
fn unsupported_version_is_named() {
    for version in [json!(2), json!(0), json!("1"), json!(1.5)] {
        let mut v = base();
        v["blindspot"] = version.clone();
        let errors = bad(&v);
        assert_error(&errors, "blindspot", &["unsupported format version", "1"]);
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    // Three unrelated errors in three places.
    let mut v = base();
    v["cameras"][0]["model"] = json!("nope"); // unknown model
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 10], [10, 0], [0, 5]]); // bow tie
    v["plan"]["zones"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "room", "polygon": [[0, 0], [1, 0], [1, 1]] })); // duplicate id
    let errors = bad(&v);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_error(&errors, "cameras[0].model", &["unknown camera model"]);
    assert_error(&errors, "plan.zones[0]", &["self-intersecting"]);
    assert_error(&errors, "plan.zones[1].id", &["duplicate"]);
}

#[test]
fn a_bad_coordinate_does_not_hide_the_other_problems() {
    // A coordinate beyond the extent makes the wall unreadable; that must not
    // stop the semantic checks (unknown model, self-intersecting zone) of the
    // rest of the file.
    let mut v = base();
    v["cameras"][0]["model"] = json!("nope"); // unknown model
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 10], [10, 0], [0, 5]]); // bow tie
    v["plan"]["walls"][0]["path"][2] = json!([10, 5e6]); // beyond the extent
    let errors = bad(&v);
    assert_error(&errors, "plan.walls[0].path[2]", &["extent"]);
    assert_error(&errors, "cameras[0].model", &["unknown camera model"]);
    assert_error(&errors, "plan.zones[0]", &["self-intersecting"]);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn symmetric_bow_tie_is_reported_as_self_intersecting() {
    // [[0,0],[10,10],[10,0],[0,10]] has signed area exactly 0, but its points
    // do not lie on one line: it must not be called collinear.
    let mut v = base();
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 10], [10, 0], [0, 10]]);
    let errors = bad(&v);
    assert!(
        !errors.iter().any(|p| p.message.contains("one line")),
        "{errors:#?}"
    );
    assert_error(&errors, "plan.zones[0]", &["self-intersecting", "room"]);
}

#[test]
fn structure_and_semantic_errors_are_reported_together() {
    let mut v = base();
    v["colour"] = json!("red"); // structure: unknown field
    v["cameras"][0]["hfov_deg"] = json!(0); // semantic: out of bounds
    v["cameras"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "c1", "model": "dome", "position": [2, 2], "heading_deg": 0 })); // duplicate
    let errors = bad(&v);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_error(&errors, "colour", &["unknown field"]);
    assert_error(&errors, "cameras[0].hfov_deg", &["field of view"]);
    assert_error(&errors, "cameras[1].id", &["duplicate"]);
}

#[test]
fn many_bad_cameras_each_get_their_own_error() {
    let mut v = base();
    let cams: Vec<Value> = (0..5)
        .map(|i| json!({ "id": format!("c{i}"), "model": "dome", "position": [1, 1], "heading_deg": 0, "range_m": -1 }))
        .collect();
    v["cameras"] = Value::Array(cams);
    let errors = bad(&v);
    assert_eq!(errors.len(), 5, "{errors:#?}");
    for i in 0..5 {
        assert_error(&errors, &format!("cameras[{i}].range_m"), &["range"]);
    }
}

#[test]
fn error_display_lists_every_error_with_its_path() {
    let mut v = base();
    v["cameras"][0]["model"] = json!("nope");
    v["plan"]["zones"] = json!([]);
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    let shown = e.to_string();
    assert!(shown.contains("2 errors"), "{shown}");
    assert!(shown.contains("cameras[0].model"), "{shown}");
    assert!(shown.contains("plan.zones"), "{shown}");
}

// ---- reading the bytes strictly ----

#[test]
fn a_duplicate_key_is_refused_with_its_line() {
    // The last of two equal keys used to win silently, even when the first
    // was ill-typed.
    let text = "{\n\"blindspot\": 1,\n\"name\": 5,\n\"name\": \"x\",\n\"plan\": {\"walls\": [], \"zones\": []}\n}";
    let errors = errors_of(text);
    assert_error(&errors, "", &["duplicate key \"name\"", "line 4"]);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", base());
    let (s, _) = Scenario::from_json(&text).expect("a BOM is not an error");
    assert_eq!(s.name, "base");
    let (s, _) = Scenario::from_bytes(text.as_bytes()).expect("nor in bytes");
    assert_eq!(s.name, "base");
}

#[test]
fn bytes_that_are_not_utf8_are_placed() {
    let mut bytes = base().to_string().into_bytes();
    let at = bytes.iter().position(|&b| b == b'b').unwrap() + 1;
    bytes[at] = 0xff;
    let e = Scenario::from_bytes(&bytes).unwrap_err();
    let msg = e.problems.errors().next().unwrap().message.clone();
    assert!(
        msg.contains("not valid UTF-8") && msg.contains(&format!("byte {at}")),
        "{msg}"
    );
}

#[test]
fn version_one_may_be_written_as_one_point_zero() {
    let mut v = base();
    v["blindspot"] = json!(1.0);
    assert!(v.to_string().contains("1.0"));
    load(&v).expect("1.0 is version 1");
    v["blindspot"] = json!(1.5);
    assert_error(&bad(&v), "blindspot", &["unsupported", "1.5"]);
}

#[test]
fn a_hole_touching_its_outer_ring_at_one_point_is_valid() {
    // The first hole's corner (0, 5) lies on the outer ring's west edge; the
    // second shares the corner (4, 5) with the first. Two diamonds of
    // diagonals 4 and 4: area 100 - 8 - 8 = 84.
    let mut v = base();
    v["plan"]["zones"][0]["holes"] = json!([
        [[0, 5], [2, 3], [4, 5], [2, 7]],
        [[4, 5], [6, 3], [8, 5], [6, 7]]
    ]);
    let (s, _) = load(&v).expect("touching at a point is valid");
    let session = Session::new(s, Problems::default()).unwrap();
    let summary = session.summary();
    assert!(
        (summary.target_area_m2 - 84.0).abs() < 1e-9,
        "{}",
        summary.target_area_m2
    );
    // Touching along a stretch, or a ring touching itself, is not.
    v["plan"]["zones"][0]["holes"] = json!([[[0, 4], [2, 4], [2, 6], [0, 6]]]);
    assert_error(
        &bad(&v),
        "plan.zones[0]",
        &["self-intersecting", "holes[0]"],
    );
    v["plan"]["zones"][0]["holes"] = json!([]);
    v["plan"]["zones"][0]["polygon"] = json!([[0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5]]);
    assert_error(&bad(&v), "plan.zones[0]", &["self-intersecting"]);
}
