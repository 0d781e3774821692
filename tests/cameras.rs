//! Real cameras: footprints, dead zones, density bands, required levels and
//! costs, checked against formulas worked out by hand.

use blindspot::scenario::Scenario;
use blindspot::session::Session;
use serde_json::{Value, json};
use std::f64::consts::PI;

/// A 200 x 200 m open room (no walls) around the origin, one zone, and the
/// given catalogue and cameras.
fn open_room(catalog: Value, cameras: Value, zones_extra: Value) -> Session {
    let mut zones = vec![json!({
        "id": "hall", "name": "Hall",
        "polygon": [[-100, -100], [100, -100], [100, 100], [-100, 100]]
    })];
    if let Value::Array(extra) = zones_extra {
        zones.extend(extra);
    }
    let text = json!({
        "blindspot": 1,
        "name": "open room",
        "plan": { "walls": [], "zones": zones },
        "catalog": catalog,
        "cameras": cameras
    })
    .to_string();
    Session::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn report(session: &Session) -> Value {
    serde_json::to_value(session.report()).unwrap()
}

#[track_caller]
fn close(actual: f64, expected: f64, rel: f64) {
    assert!(
        (actual - expected).abs() <= rel * expected.abs().max(1e-9),
        "expected {expected}, got {actual}"
    );
}

/// A 1920 x 1080 camera with a 90° lens: density 960 / s px/m.
fn hd_model() -> Value {
    json!([{
        "id": "hd", "resolution_px": [1920, 1080], "hfov_deg": 90, "range_m": 50,
        "unit_price": 300, "install_cost": 100
    }])
}

#[test]
fn density_bands_of_a_flat_camera_are_annular_sectors() {
    // No height: slant distance = floor distance; level radius r = 960 / L.
    let s = open_room(
        hd_model(),
        json!([{ "id": "c", "model": "hd", "position": [0, 0], "heading_deg": 30 }]),
        json!([]),
    );
    let r = report(&s);
    let cam = &r["cameras"][0];
    let levels = cam["levels"].as_array().unwrap();
    let expected = [
        ("identify", 250.0),
        ("recognise", 125.0),
        ("observe", 62.5),
        ("detect", 25.0),
    ];
    for (level, (name, px)) in levels.iter().zip(expected) {
        assert_eq!(level["name"], name);
        let radius = (960.0_f64 / px).min(50.0);
        close(level["radius_m"].as_f64().unwrap(), radius, 1e-12);
        // A quarter disk of that radius: pi r^2 / 4.
        close(
            level["area_m2"].as_f64().unwrap(),
            PI * radius * radius / 4.0,
            1e-9,
        );
    }
    // The same figures as coverage of the hall, level by level.
    for (level, (_, px)) in r["levels"].as_array().unwrap().iter().zip(expected) {
        let radius = (960.0_f64 / px).min(50.0);
        close(
            level["covered_area_m2"].as_f64().unwrap(),
            PI * radius * radius / 4.0,
            1e-6,
        );
    }
    // Observe (15.36 m) and detect (38.4 m) bands: annulus between them.
    let band = levels[3]["area_m2"].as_f64().unwrap() - levels[2]["area_m2"].as_f64().unwrap();
    close(band, PI / 4.0 * (38.4f64.powi(2) - 15.36f64.powi(2)), 1e-9);
}

#[test]
fn a_mounted_camera_has_a_dead_zone_and_a_far_edge() {
    // 4 m up, faces at 1.6 m (drop 2.4 m), tilted 30° with a 40° vertical
    // field of view: the floor footprint runs from 2.4 / tan 50° to 2.4 / tan 10°.
    let s = open_room(
        json!([{ "id": "m", "hfov_deg": 60, "vfov_deg": 40, "range_m": 30 }]),
        json!([{ "id": "c", "model": "m", "position": [0, 0], "heading_deg": 0,
                 "height_m": 4, "tilt_deg": 30 }]),
        json!([]),
    );
    let near = 2.4 / 50f64.to_radians().tan();
    let far = 2.4 / 10f64.to_radians().tan();
    let r = report(&s);
    let cam = &r["cameras"][0];
    close(cam["near_m"].as_f64().unwrap(), near, 1e-12);
    close(cam["far_m"].as_f64().unwrap(), far, 1e-12);
    // A sixth of an annulus (60° of 360°).
    let area = PI * (far * far - near * near) / 6.0;
    close(cam["view_area_m2"].as_f64().unwrap(), area, 1e-9);
    close(
        cam["dead_zone_m2"].as_f64().unwrap(),
        PI * near * near / 6.0,
        1e-9,
    );
    close(r["covered_area_m2"].as_f64().unwrap(), area, 1e-6);
}

#[test]
fn tilting_down_grows_the_dead_zone_under_a_camera_and_coverage_drops() {
    let camera = |tilt: f64, height: Option<f64>| {
        let mut c = json!({ "id": "c", "model": "m", "position": [0, 0], "heading_deg": 90, "tilt_deg": tilt });
        if let Some(h) = height {
            c["height_m"] = json!(h);
        }
        json!([c])
    };
    let model = json!([{ "id": "m", "hfov_deg": 90, "vfov_deg": 50, "range_m": 20 }]);
    let flat = report(&open_room(model.clone(), camera(0.0, None), json!([])));
    let high = report(&open_room(
        model.clone(),
        camera(10.0, Some(3.0)),
        json!([]),
    ));
    let higher = report(&open_room(model, camera(10.0, Some(6.0)), json!([])));
    let covered = |r: &Value| r["covered_area_m2"].as_f64().unwrap();
    // Flat: a quarter disk of radius 20 (coverage areas come off the 0.5 µm
    // overlay grid: exact to well under the 1e-6 the format promises).
    close(covered(&flat), PI * 400.0 / 4.0, 1e-6);
    // Mounted: near edge drop / tan(35°); the top ray (10 - 25 < 0) is above
    // the horizon, so the range is the far edge.
    let near3 = 1.4 / 35f64.to_radians().tan();
    let near6 = 4.4 / 35f64.to_radians().tan();
    close(covered(&high), PI * (400.0 - near3 * near3) / 4.0, 1e-6);
    close(covered(&higher), PI * (400.0 - near6 * near6) / 4.0, 1e-6);
    assert!(covered(&higher) < covered(&high) && covered(&high) < covered(&flat));
    // The dead zone is blind: blind area grows by the same amount.
    close(
        higher["blind_area_m2"].as_f64().unwrap() - flat["blind_area_m2"].as_f64().unwrap(),
        PI * near6 * near6 / 4.0,
        1e-6,
    );
}

#[test]
fn required_levels_drive_zone_and_weighted_coverage() {
    // A 10 x 10 case zone right in front of the camera requires "identify"
    // (radius 3.84 m from the camera at its corner).
    let s = open_room(
        hd_model(),
        json!([{ "id": "c", "model": "hd", "position": [0, 0], "heading_deg": 45 }]),
        json!([{ "id": "case", "kind": "asset", "priority": 4, "required_level": "identify",
                 "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] }]),
    );
    let r = report(&s);
    let case = &r["zones"][1];
    assert_eq!(case["required_level"], "identify");
    // Covered at any level: the whole case (range 50). At identify: a quarter
    // disk of radius 3.84.
    close(case["coverage"].as_f64().unwrap(), 1.0, 1e-9);
    let identify = PI * 3.84 * 3.84 / 4.0;
    close(
        case["required_coverage"].as_f64().unwrap(),
        identify / 100.0,
        1e-6,
    );
    // Weighted: (1 x hall covered + 4 x case identify) / (1 x 40000 + 4 x 100).
    let hall_covered = r["zones"][0]["covered_area_m2"].as_f64().unwrap();
    close(hall_covered, PI * 2500.0 / 4.0, 1e-6);
    let weighted = (hall_covered + 4.0 * identify) / (40_000.0 + 400.0);
    close(r["weighted_coverage"].as_f64().unwrap(), weighted, 1e-6);
}

#[test]
fn a_ceiling_fisheye_sees_a_disk_with_its_own_density() {
    let s = open_room(
        json!([{ "id": "f", "kind": "fisheye", "resolution_px": [3000, 3000], "range_m": 12 }]),
        json!([{ "id": "c", "model": "f", "position": [0, 0], "heading_deg": 0, "height_m": 3.6 }]),
        json!([]),
    );
    let r = report(&s);
    let cam = &r["cameras"][0];
    close(cam["near_m"].as_f64().unwrap(), 0.0, 1e-12);
    close(cam["far_m"].as_f64().unwrap(), 12.0, 1e-12);
    close(cam["view_area_m2"].as_f64().unwrap(), PI * 144.0, 1e-9);
    // Equidistant fisheye over a hemisphere: f = 1500 / (pi/2) px per radian;
    // density across the line of sight at floor distance x with a 2 m drop is
    // f atan(x / 2) / x. At the identify radius it must be 250 px/m.
    let f = 1500.0 / (PI / 2.0);
    let x = cam["levels"][0]["radius_m"].as_f64().unwrap();
    assert!(x > 0.0 && x < 12.0);
    close(f * (x / 2.0).atan() / x, 250.0, 1e-9);
}

#[test]
fn varifocal_lens_sets_the_field_of_view() {
    let catalog = json!([{ "id": "v", "kind": "varifocal", "sensor_mm": [5.37, 3.02],
                           "focal_range_mm": [2.8, 12], "range_m": 40 }]);
    let s = open_room(
        catalog,
        json!([{ "id": "wide", "model": "v", "position": [0, 0], "heading_deg": 0 },
               { "id": "tele", "model": "v", "position": [0, 0], "heading_deg": 180, "focal_mm": 12 }]),
        json!([]),
    );
    let r = report(&s);
    let wide = 2.0 * (5.37f64 / 5.6).atan().to_degrees();
    let tele = 2.0 * (5.37f64 / 24.0).atan().to_degrees();
    close(r["cameras"][0]["hfov_deg"].as_f64().unwrap(), wide, 1e-12);
    close(r["cameras"][1]["hfov_deg"].as_f64().unwrap(), tele, 1e-12);
    close(
        r["cameras"][1]["view_area_m2"].as_f64().unwrap(),
        PI * 1600.0 * tele / 360.0,
        1e-9,
    );
}

#[test]
fn costs_add_up() {
    let catalog = json!([
        { "id": "a", "name": "Dome", "hfov_deg": 90, "range_m": 10, "unit_price": 300, "install_cost": 150 },
        { "id": "b", "name": "Bullet", "hfov_deg": 50, "range_m": 30, "unit_price": 450.5, "install_cost": 199.5 }
    ]);
    let cams = json!([
        { "id": "1", "model": "a", "position": [0, 0], "heading_deg": 0 },
        { "id": "2", "model": "a", "position": [5, 0], "heading_deg": 0 },
        { "id": "3", "model": "b", "position": [9, 0], "heading_deg": 0 },
        { "id": "4", "position": [9, 9], "heading_deg": 0, "hfov_deg": 60, "range_m": 5 }
    ]);
    let r = report(&open_room(catalog, cams, json!([])));
    let c = &r["costs"];
    assert_eq!(c["currency"], "EUR");
    let lines = c["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["count"], 2);
    close(lines[0]["total"].as_f64().unwrap(), 900.0, 1e-15);
    close(lines[1]["total"].as_f64().unwrap(), 650.0, 1e-15);
    close(lines[2]["total"].as_f64().unwrap(), 0.0, 1e-15);
    close(c["hardware"].as_f64().unwrap(), 1050.5, 1e-15);
    close(c["installation"].as_f64().unwrap(), 499.5, 1e-15);
    close(c["total"].as_f64().unwrap(), 1550.0, 1e-15);
    assert_eq!(c["unpriced_cameras"], 1);
    assert_eq!(c["example_prices"], false);
}

/// A model with a unit price but no installation cost (or the reverse) is
/// counted as without a full price: its total misses a part, and the report
/// says so rather than presenting it as complete.
#[test]
fn a_price_missing_one_part_is_counted_as_incomplete() {
    let catalog = json!([
        { "id": "hw", "hfov_deg": 90, "range_m": 10, "unit_price": 300 },
        { "id": "fit", "hfov_deg": 90, "range_m": 10, "install_cost": 120 },
        { "id": "full", "hfov_deg": 90, "range_m": 10, "unit_price": 500, "install_cost": 100 }
    ]);
    let cams = json!([
        { "id": "1", "model": "hw", "position": [0, 0], "heading_deg": 0 },
        { "id": "2", "model": "fit", "position": [5, 0], "heading_deg": 0 },
        { "id": "3", "model": "full", "position": [9, 0], "heading_deg": 0 }
    ]);
    let session = open_room(catalog, cams, json!([]));
    let c = &report(&session)["costs"];
    close(c["hardware"].as_f64().unwrap(), 800.0, 1e-15);
    close(c["installation"].as_f64().unwrap(), 220.0, 1e-15);
    close(c["total"].as_f64().unwrap(), 1020.0, 1e-15);
    assert_eq!(c["unpriced_cameras"], 2, "{c}");
    let text = blindspot::report::render_text(&session.report());
    assert!(
        text.contains("(2 camera(s) without a full price)"),
        "{text}"
    );
}

#[test]
fn scenarios_without_heights_behave_as_before() {
    // The version-1 example: flat cones, no resolutions, no prices.
    let text = std::fs::read_to_string("tests/fixtures/issue-example.json").unwrap();
    let session = Session::from_json(&text).unwrap();
    let r = report(&session);
    close(r["target_area_m2"].as_f64().unwrap(), 480.0, 1e-12);
    close(r["coverage"].as_f64().unwrap(), 1.0, 1e-9);
    // Flat cameras: no dead zone, no levels, no mount figures.
    let c1 = &r["cameras"][0];
    assert!(c1.get("near_m").is_none() && c1.get("dead_zone_m2").is_none());
    assert!(c1.get("levels").is_none());
    assert_eq!(r["costs"]["total"], 0.0);
    assert_eq!(r["costs"]["unpriced_cameras"], 2);
    // Writing it back adds no new fields: the file keeps its version-1 shape.
    let (scenario, _) = Scenario::from_json(&text).unwrap();
    let written: Value = serde_json::from_str(&scenario.to_json()).unwrap();
    assert!(written.get("settings").is_none());
    for camera in written["cameras"].as_array().unwrap() {
        for field in ["height_m", "tilt_deg", "focal_mm", "vfov_deg"] {
            assert!(camera.get(field).is_none());
        }
    }
}

#[test]
fn bad_optics_are_clear_errors() {
    let text = json!({
        "blindspot": 1,
        "plan": { "zones": [{ "id": "z", "required_level": "identity",
                              "polygon": [[0, 0], [1, 0], [1, 1]] }] },
        "catalog": [
            { "id": "v", "sensor_mm": [5.37, 3.02], "focal_range_mm": [2.8, 12], "range_m": 40 },
            { "id": "nov", "hfov_deg": 90, "range_m": 10 }
        ],
        "cameras": [
            { "id": "a", "model": "v", "position": [0, 0], "heading_deg": 0, "focal_mm": 20 },
            { "id": "b", "model": "nov", "position": [0, 0], "heading_deg": 0, "height_m": 3 },
            { "id": "c", "model": "nov", "position": [0, 0], "heading_deg": 0, "tilt_deg": 120 }
        ],
        "settings": { "density_levels": [{ "name": "x", "px_per_m": -1 }] }
    })
    .to_string();
    let err = Scenario::from_json(&text).unwrap_err();
    let all: Vec<String> = err.problems.errors().map(|p| p.to_string()).collect();
    let has = |path: &str, word: &str| all.iter().any(|p| p.contains(path) && p.contains(word));
    assert!(
        has("cameras[0].focal_mm", "outside the lens's range"),
        "{all:#?}"
    );
    assert!(
        has("cameras[1].height_m", "vertical field of view"),
        "{all:#?}"
    );
    assert!(has("cameras[2].tilt_deg", "tilt"), "{all:#?}");
    assert!(
        has("settings.density_levels[0].px_per_m", "pixel density"),
        "{all:#?}"
    );
    assert!(
        has("plan.zones[0].required_level", "unknown density level"),
        "{all:#?}"
    );
}
