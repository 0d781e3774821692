//! The wasm boundary, run in Node by wasm-bindgen-test-runner:
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm`.
#![cfg(target_arch = "wasm32")]

use blindspot::session::Session;
use blindspot::wasm::Scene;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "oracle/mod.rs"]
mod oracle;

const ROOM: &str = r#"{
  "blindspot": 1, "name": "two rooms",
  "plan": {
    "walls": [
      { "id": "outer", "path": [[0,0],[20,0],[20,10],[0,10],[0,0]] },
      { "id": "mid-s", "path": [[10,0],[10,4]] },
      { "id": "mid-n", "path": [[10,6],[10,10]] }
    ],
    "zones": [
      { "id": "west", "name": "West room", "polygon": [[0,0],[10,0],[10,10],[0,10]] },
      { "id": "east", "name": "East room", "priority": 3, "polygon": [[10,0],[20,0],[20,10],[10,10]] }
    ]
  },
  "catalog": [ { "id": "dome", "hfov_deg": 90, "range_m": 30 } ],
  "cameras": [ { "id": "c1", "model": "dome", "position": [0, 0], "heading_deg": 45 } ]
}"#;

/// A structured result as the page receives it, read back as JSON.
fn json(v: Result<JsValue, wasm_bindgen::JsError>) -> Value {
    serde_wasm_bindgen::from_value(v.map_err(|_| "the call failed").unwrap()).unwrap()
}

/// Same values: objects with the same keys, arrays item by item, numbers as f64
/// (a JS number read back may be an integer or a float where Rust had the other).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn coverage(summary: Result<JsValue, wasm_bindgen::JsError>) -> f64 {
    json(summary)["coverage"].as_f64().unwrap()
}

#[wasm_bindgen_test]
fn loads_and_reports_like_the_cli() {
    let scene = Scene::load(ROOM).unwrap();
    let native = Session::from_json(ROOM).unwrap();
    // The report crosses as a JS value with every field and value of the CLI's JSON.
    let expected = serde_json::to_value(native.report()).unwrap();
    assert!(same(&json(scene.report()), &expected));
    assert!(same(
        &json(scene.summary()),
        &serde_json::to_value(native.summary()).unwrap()
    ));
    let totals = serde_json::to_value(blindspot::report::totals(&native)).unwrap();
    assert!(same(&json(scene.totals()), &totals));
    let camera = serde_json::to_value(blindspot::report::camera_report(&native, 0)).unwrap();
    assert!(same(&json(scene.camera_summary(0.0)), &camera));
    assert!(same(
        &json(scene.levels()),
        &serde_json::to_value(native.levels()).unwrap()
    ));
    // The blind-spot list is the report's.
    let spots = json(scene.blind_spots());
    assert!(same(&spots["blind_spots"], &expected["blind_spots"]));
    assert!(same(
        &spots["blind_spots_omitted"],
        &expected["blind_spots_omitted"]
    ));
    // West room fully seen from its corner (100 m²) plus the wedge through the
    // doorway into the east room: between y = 0.4x and y = min(0.6x, 10) for
    // x in 10..20, 80/3 m². Coverage (100 + 80/3) / 200.
    let expected = (100.0 + 80.0 / 3.0) / 200.0;
    assert!((coverage(scene.summary()) - expected).abs() < 1e-6);
}

#[wasm_bindgen_test]
fn a_snapshot_rebuilds_the_scene_and_damaged_bytes_are_refused() {
    let scene = Scene::load(ROOM).unwrap();
    let bytes = scene.snapshot().unwrap();
    let again = Scene::from_snapshot(&bytes).unwrap();
    assert!(same(&json(again.report()), &json(scene.report())));
    assert_eq!(
        again.scenario_json().unwrap(),
        scene.scenario_json().unwrap()
    );
    assert_eq!(again.snapshot().unwrap(), bytes);
    // Truncated, one bit flipped, not a snapshot: refused, and the core keeps working.
    assert!(Scene::from_snapshot(&bytes[..bytes.len() - 1]).is_err());
    let mut flipped = bytes.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 4;
    assert!(Scene::from_snapshot(&flipped).is_err());
    assert!(Scene::from_snapshot(ROOM.as_bytes()).is_err());
    assert!(!scene.is_broken());
    assert!(same(&json(again.summary()), &json(scene.summary())));
}

#[wasm_bindgen_test]
fn edits_change_coverage_and_layers() {
    let mut scene = Scene::load(ROOM).unwrap();
    let before = coverage(scene.summary());
    // A second camera in the east room.
    let i = scene
        .add_camera(r#"{"id":"c2","model":"dome","position":[20,10],"heading_deg":225}"#)
        .unwrap();
    assert_eq!(i, 1);
    let after = coverage(scene.summary());
    assert!(after > before + 0.3, "{before} -> {after}");
    let views = scene.layer("views").unwrap();
    assert_eq!(views.polygon_offsets().length(), 3);
    scene.move_camera(1.0, 15.0, 5.0).unwrap();
    scene.aim_camera(1.0, 180.0, 360.0, 30.0).unwrap();
    let moved = coverage(scene.summary());
    assert!(moved > 0.9, "{moved}");
    scene.remove_camera(1.0).unwrap();
    assert!((coverage(scene.summary()) - before).abs() < 1e-12);
    let blind = scene.layer("blind").unwrap();
    assert!(blind.coords().length() > 0);
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_and_changes_nothing() {
    assert!(Scene::load("{ not json").is_err());
    assert!(Scene::load(r#"{"blindspot": 1, "plan": {"zones": []}}"#).is_err());
    let mut scene = Scene::load(ROOM).unwrap();
    let before = scene.scenario_json().unwrap();
    assert!(scene.move_camera(5.0, 1.0, 1.0).is_err());
    assert!(scene.move_camera(0.0, f64::NAN, 1.0).is_err());
    assert!(scene.aim_camera(0.0, 0.0, 400.0, 10.0).is_err());
    assert!(
        scene
            .add_camera(r#"{"id":"c1","model":"dome","position":[1,1],"heading_deg":0}"#)
            .is_err()
    );
    assert!(
        scene
            .add_camera(r#"{"id":"c9","model":"nope","position":[1,1],"heading_deg":0}"#)
            .is_err()
    );
    assert!(scene.set_camera(0.0, "[1,2]").is_err());
    assert!(scene.remove_camera(-1.0).is_err());
    assert!(scene.layer("nonsense").is_err());
    assert_eq!(scene.scenario_json().unwrap(), before);
    assert!(!scene.is_broken());
}

#[wasm_bindgen_test]
fn pick_names_zones_and_blind_spots() {
    let scene = Scene::load(ROOM).unwrap();
    let report = json(scene.report());
    let picked = json(scene.pick(15.0, 9.0));
    assert_eq!(picked["zones"][0], "east");
    let spot = picked["blind_spot"].as_u64().expect("a blind spot") as usize;
    assert_eq!(report["blind_spots"][spot]["zone_ids"][0], "east");
    let picked = json(scene.pick(2.0, 2.0));
    assert_eq!(picked["zones"][0], "west");
    assert!(picked["blind_spot"].is_null());
}

#[wasm_bindgen_test]
fn optimizer_runs_in_wasm_with_progress_and_can_be_cancelled() {
    let keep_going = js_sys::Function::new_with_args("phase, done, total", "return true");
    let p = json(blindspot::wasm::optimize(
        ROOM,
        r#"{"goal": {"cameras": 2}, "existing": "remove", "seed": 3}"#,
        &keep_going,
    ));
    assert_eq!(p["cameras"].as_array().unwrap().len(), 2);
    assert!(p["estimated_coverage"].as_f64().unwrap() > 0.5);
    let stop = js_sys::Function::new_with_args("phase, done, total", "return false");
    assert!(blindspot::wasm::optimize(ROOM, r#"{"goal": {"cameras": 2}}"#, &stop).is_err());
    assert!(blindspot::wasm::optimize(ROOM, r#"{"goal": {"budget": -5}}"#, &keep_going).is_err());
    assert!(blindspot::wasm::optimize(ROOM, r#"{"gaol": 1}"#, &keep_going).is_err());
    // The test room's models have no prices: every camera is free, so even the
    // smallest budget buys the best layout, and the curve is one point (a plateau
    // is not drawn as repeated dots).
    let curve = json(blindspot::wasm::curve(
        ROOM,
        r#"{"goal": {"budget": 0}}"#,
        5.0,
        4,
        1,
        &keep_going,
    ));
    let points = curve.as_array().unwrap();
    assert_eq!(points.len(), 1);
    let coverage = |p: &serde_json::Value| p["estimated_coverage"].as_f64().unwrap();
    assert!(coverage(&points[0]) > 0.5);
    assert_eq!(points[0]["cost"], 0.0);
    assert_eq!(points[0]["account"]["spend"], 0.0);
    assert_eq!(
        points[0]["camera_count"].as_u64(),
        Some(points[0]["cameras"].as_array().unwrap().len() as u64)
    );
    assert!(
        blindspot::wasm::curve(ROOM, r#"{"goal": {"budget": 0}}"#, -1.0, 4, 1, &keep_going)
            .is_err()
    );
}

#[wasm_bindgen_test]
fn the_cost_account_crosses_as_a_js_value() {
    let scene = Scene::load(ROOM).unwrap();
    let before = r#"[{"id": "a", "model": "dome", "position": [1, 1], "heading_deg": 0}]"#;
    let after = r#"[{"id": "a", "model": "dome", "position": [2, 1], "heading_deg": 0},
                    {"id": "b", "model": "dome", "position": [3, 1], "heading_deg": 0}]"#;
    let k = json(scene.change_cost(before, after));
    assert_eq!(k["moved"][0], "a");
    assert_eq!(k["added"][0], "b");
    // The room's models have no prices: counted at zero, and named.
    assert_eq!(k["spend"], 0.0);
    assert_eq!(k["unpriced"].as_array().unwrap().len(), 2);
    assert!(scene.change_cost("[{", after).is_err());
    // Mounts: the outer wall holds a camera; the middle of a room, its ceiling.
    let m = json(scene.mount_at(5.0, 0.3));
    assert_eq!(m["mount"], "wall");
    assert_eq!(m["wall"], "outer");
    assert_eq!(json(scene.mount_at(5.0, 5.0))["mount"], "ceiling");
    let p = json(scene.place_camera(5.0, 0.5, f64::NAN, 0.0));
    assert_eq!(p["snapped"], true);
    assert_eq!(p["position"][1], 0.0);
    assert_eq!(p["out_deg"], 90.0);
    assert!(scene.mount_at(f64::NAN, 0.0).is_err());
}

#[wasm_bindgen_test]
fn another_layout_of_the_same_plan_reports_like_a_fresh_load() {
    let scene = Scene::load(ROOM).unwrap();
    let cameras = r#"[{"id":"x","model":"dome","position":[20,10],"heading_deg":225},
                      {"id":"y","position":[5,5],"heading_deg":0,"hfov_deg":360,"range_m":3}]"#;
    let other = scene.with_cameras("Option B", cameras).unwrap();
    let mut full: serde_json::Value = serde_json::from_str(ROOM).unwrap();
    full["name"] = "Option B".into();
    full["cameras"] = serde_json::from_str(cameras).unwrap();
    let fresh = Scene::load(&full.to_string()).unwrap();
    assert!(same(&json(other.report()), &json(fresh.report())));
    // The original scene is untouched; bad cameras are refused.
    assert_eq!(scene.camera_count(), 1);
    assert!(
        scene
            .with_cameras(
                "bad",
                r#"[{"id":"x","model":"nope","position":[1,1],"heading_deg":0}]"#
            )
            .is_err()
    );
    assert!(scene.with_cameras("dup", r#"[{"id":"x","position":[1,1],"heading_deg":0,"hfov_deg":90,"range_m":5},
                                          {"id":"x","position":[2,1],"heading_deg":0,"hfov_deg":90,"range_m":5}]"#).is_err());
}

/// A few hundred of the differential cases (tests/differential.rs) in the
/// wasm build: the core against the oracle, both compiled to wasm, within
/// 1e-9. The core's figures are printed (`-- --nocapture`) for
/// scripts/test.sh to compare with the native run of the same seeds.
#[wasm_bindgen_test]
fn differential_cases_agree_with_the_oracle() {
    let (t, lines) = oracle::families::platform_run(oracle::families::PLATFORM_CASES);
    assert_eq!(t.failures, 0);
    assert!(t.cases >= 4 * oracle::families::PLATFORM_CASES - 10);
    for line in lines {
        wasm_bindgen_test::console_log!("{line}");
    }
}

// ---- Documents for the board ----

#[wasm_bindgen_test]
fn the_report_and_its_tables_come_out_as_the_cli_writes_them() {
    let scene = Scene::load(ROOM).unwrap();
    let html = scene.report_html(Some("2026-12-14".into()), None).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>two rooms</h1>") && html.contains("<dd>2026-12-14</dd>"));
    assert!(!html.contains("<script"));
    // The same document as natively.
    let native = Session::from_json(ROOM).unwrap();
    assert_eq!(
        html,
        blindspot::document::report_html(&[&native], 0, Some("2026-12-14"))
    );
    let zones = scene.csv("zones").unwrap();
    assert!(zones.starts_with("\u{feff}zone_id,zone,kind,"));
    assert_eq!(zones.lines().count(), 3);
    assert!(scene.csv("rooms").is_err());
    assert!(scene.report_html(Some("14/12/2026".into()), None).is_err());
    assert!(scene.report_html(None, Some(1.0)).is_err());
}

#[wasm_bindgen_test]
fn a_view_exports_as_an_svg_of_the_asked_size() {
    let scene = Scene::load(ROOM).unwrap();
    let svg = scene
        .view_svg(
            0.0,
            0.0,
            20.0,
            10.0,
            800.0,
            500.0,
            r#"{"caption": "two rooms <b>"}"#,
        )
        .unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("width=\"800\" height=\"500\" viewBox=\"0 0 800 500\""));
    assert!(svg.contains("two rooms &lt;b&gt;"));
    // Without the views layer, no views group.
    let bare = scene
        .view_svg(0.0, 0.0, 20.0, 10.0, 800.0, 500.0, r#"{"views": false}"#)
        .unwrap();
    assert!(svg.contains("<g id=\"view-views\"") && !bare.contains("<g id=\"view-views\""));
    // Bad boxes, sizes and options are errors, not a trap.
    assert!(
        scene
            .view_svg(5.0, 0.0, 5.0, 10.0, 800.0, 500.0, "")
            .is_err()
    );
    assert!(
        scene
            .view_svg(0.0, 0.0, 20.0, 10.0, 8.0, 500.0, "")
            .is_err()
    );
    assert!(
        scene
            .view_svg(0.0, 0.0, 20.0, 10.0, 800.5, 500.0, "")
            .is_err()
    );
    assert!(
        scene
            .view_svg(0.0, 0.0, 20.0, 10.0, 800.0, 500.0, r#"{"legnd": true}"#)
            .is_err()
    );
    let paper = scene.paper_svg(180.0, 120.0).unwrap();
    assert!(paper.contains("width=\"180mm\""));
    assert!(scene.paper_svg(5.0, 120.0).is_err());
}

// ---- Import and export --------------------------------------------------------

fn import_options(file: &str, extra: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"fileName".into(), &file.into()).unwrap();
    for (k, v) in extra {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn get(v: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

const GALLERY_DXF: &[u8] = include_bytes!("fixtures/import/gallery-mm.dxf");

#[wasm_bindgen_test]
fn import_preview_lists_layers_with_counts_and_a_sketch() {
    let p = blindspot::wasm::import_preview(GALLERY_DXF, import_options("gallery-mm.dxf", &[]))
        .unwrap();
    assert_eq!(get(&p, "format").as_string().as_deref(), Some("dxf"));
    let layers = js_sys::Array::from(&get(&p, "layers"));
    let wall = layers
        .iter()
        .find(|l| get(l, "name").as_string().as_deref() == Some("A-WALL"))
        .unwrap();
    assert_eq!(get(&wall, "role").as_string().as_deref(), Some("wall"));
    assert_eq!(get(&get(&wall, "entities"), "LINE").as_f64(), Some(4.0));
    let sketch = get(&p, "sketch");
    let starts = js_sys::Uint32Array::from(get(&sketch, "starts"));
    let coords = js_sys::Float64Array::from(get(&sketch, "coords"));
    assert_eq!(coords.length(), 2 * starts.get_index(starts.length() - 1));
    assert_eq!(
        get(&get(&p, "units"), "metres_per_unit").as_f64(),
        Some(0.001)
    );
}

#[wasm_bindgen_test]
fn import_drawing_gives_a_scenario_the_scene_loads_and_exports() {
    let mapping = js_sys::JSON::parse(r#"[{"layer": "A-WALL", "role": "wall"}, {"layer": "A-DOOR", "role": "door"}, {"layer": "A-AREA", "role": "zone"}]"#).unwrap();
    let calls = std::cell::Cell::new(0);
    let progress = wasm_bindgen::closure::Closure::<dyn FnMut(String, f64, f64) -> bool>::new(
        move |_: String, _: f64, _: f64| {
            calls.set(calls.get() + 1);
            true
        },
    );
    let out = blindspot::wasm::import_drawing(
        GALLERY_DXF,
        import_options("gallery-mm.dxf", &[("layers", mapping)]),
        Some(wasm_bindgen::JsCast::unchecked_ref::<js_sys::Function>(progress.as_ref()).clone()),
    )
    .unwrap();
    let text = get(&out, "scenario").as_string().unwrap();
    let native = blindspot::import::import(
        GALLERY_DXF,
        &blindspot::import::ImportOptions {
            file_name: "gallery-mm.dxf".into(),
            mapping: Some(
                blindspot::import::Mapping::parse("wall=A-WALL,door=A-DOOR,zone=A-AREA").unwrap(),
            ),
            ..Default::default()
        },
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(text, native.scenario.to_json());
    assert_eq!(get(&get(&out, "report"), "doors").as_f64(), Some(1.0));
    let scene = Scene::load(&text).unwrap();
    let geojson: serde_json::Value =
        serde_json::from_str(&scene.export_geojson().unwrap()).unwrap();
    assert_eq!(geojson["blindspot"]["coordinates"], "plan_m");
}

const GROUND_DXF: &[u8] = include_bytes!("fixtures/import/levels/ground.dxf");
const FIRST_DXF: &[u8] = include_bytes!("fixtures/import/levels/first.dxf");

#[wasm_bindgen_test]
fn import_drawings_makes_one_level_per_file_as_the_library_does() {
    let files: js_sys::Array = [GROUND_DXF, FIRST_DXF]
        .iter()
        .map(|b| js_sys::Uint8Array::from(*b))
        .collect();
    let options: js_sys::Array = ["ground.dxf", "first.dxf"]
        .iter()
        .map(|f| import_options(f, &[]))
        .collect();
    let out = blindspot::wasm::import_drawings(files, options, None).unwrap();
    let text = get(&out, "scenario").as_string().unwrap();
    let o = |f: &str| blindspot::import::ImportOptions {
        file_name: f.into(),
        ..Default::default()
    };
    let native = blindspot::import::import_files(
        &[(GROUND_DXF, o("ground.dxf")), (FIRST_DXF, o("first.dxf"))],
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(text, native.scenario.to_json());
    let levels = js_sys::Array::from(&get(&get(&out, "report"), "levels"));
    assert_eq!(levels.length(), 2);
    assert_eq!(
        get(&levels.get(1), "source").as_string().as_deref(),
        Some("file first.dxf")
    );
    // Mismatched lists and a bad levels mode are errors, not traps.
    let one: js_sys::Array = [js_sys::Uint8Array::from(GROUND_DXF)].iter().collect();
    assert!(blindspot::wasm::import_drawings(one, js_sys::Array::new(), None).is_err());
    let bad = import_options(
        "ground.dxf",
        &[("levels", wasm_bindgen::JsValue::from_str("floors"))],
    );
    assert!(blindspot::wasm::import_drawing(GROUND_DXF, bad, None).is_err());
}

#[wasm_bindgen_test]
fn a_hostile_svg_is_an_error_not_a_trap() {
    let bomb = include_bytes!("fixtures/import/bomb.svg");
    let e =
        blindspot::wasm::import_drawing(bomb, import_options("bomb.svg", &[]), None).unwrap_err();
    let message = js_sys::Error::from(wasm_bindgen::JsValue::from(e)).message();
    assert!(String::from(message).contains("entity-expansion bomb"));
    let bad = import_options(
        "x.dxf",
        &[(
            "layers",
            js_sys::JSON::parse(r#"[{"layer": "A", "role": "walls"}]"#).unwrap(),
        )],
    );
    assert!(blindspot::wasm::import_preview(GALLERY_DXF, bad).is_err());
    // The scene still works afterwards.
    assert!(Scene::load(ROOM).is_ok());
}

// ---- Security analysis ----

const MUSEUM: &str = include_str!("../www/samples/museum-wing.json");

fn value(v: wasm_bindgen::JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(v).expect("a structured result")
}

#[wasm_bindgen_test]
fn the_audit_crosses_the_boundary_as_the_library_computes_it() {
    let mut scene = Scene::load(MUSEUM).unwrap();
    let audit = value(scene.audit().unwrap());
    let native = Session::from_json(MUSEUM).unwrap();
    let want = serde_json::to_value(blindspot::analysis::audit(&native)).unwrap();
    assert_eq!(audit["headline"], want["headline"]);
    assert_eq!(audit["openings"][0]["id"], "balcony");
    assert_eq!(audit["openings"][0]["status"], "unseen");
    // The same openings in the same order, the same statuses and widths (up to
    // the last bits: wasm's trigonometry is not the platform's).
    let (got, exp) = (
        audit["openings"].as_array().unwrap(),
        want["openings"].as_array().unwrap(),
    );
    assert_eq!(got.len(), exp.len());
    for (g, e) in got.iter().zip(exp) {
        assert_eq!((&g["id"], &g["status"]), (&e["id"], &e["status"]));
        let (gw, ew) = (
            g["seen_width_m"].as_f64().unwrap(),
            e["seen_width_m"].as_f64().unwrap(),
        );
        assert!((gw - ew).abs() < 1e-9, "{gw} vs {ew}");
    }
    // The layers: shortfall pieces, places seen twice, one camera's failure.
    let shortfall = scene.shortfall_layer().unwrap();
    assert!(shortfall.polygon_offsets().length() > 1);
    let twice = scene.count_layer(2.0).unwrap();
    assert!(twice.coords().length() > 0);
    assert!(scene.count_layer(4.0).is_err());
    // All three counts at once are each count's layer, point for point.
    let all = scene.count_layers().unwrap();
    assert_eq!(all.len(), 3);
    for (k, layer) in all.iter().enumerate() {
        let one = scene.count_layer((k + 1) as f64).unwrap();
        assert_eq!(layer.coords().to_vec(), one.coords().to_vec());
        assert_eq!(
            layer.polygon_offsets().to_vec(),
            one.polygon_offsets().to_vec()
        );
    }
    // The openings alone, once the scene keeps their plan part: the full audit's,
    // and still so after a camera moves (the plan part is reused).
    let alone = value(scene.audit_openings().unwrap());
    assert_eq!(alone["openings"], audit["openings"]);
    scene.move_camera(0.0, 41.0, -0.5).unwrap();
    let moved = value(scene.audit_openings().unwrap());
    let full_moved = value(scene.audit().unwrap());
    assert_eq!(moved["openings"], full_moved["openings"]);
    assert_eq!(
        moved["openings_met"],
        full_moved["headline"]["openings_met"]
    );
    scene.move_camera(0.0, 46.0, -0.5).unwrap();
    let failure = scene.failure_layer(0.0).unwrap();
    assert!(failure.coords().length() > 0);
    assert!(scene.failure_layer(99.0).is_err());
    assert!(scene.failure_layer(-1.0).is_err());
}

#[wasm_bindgen_test]
fn a_route_crosses_the_boundary_with_its_probability_of_interruption() {
    let scene = Scene::load(MUSEUM).unwrap();
    let r = value(scene.route("balcony", "crown-case", 0.25).unwrap());
    let p = r["most_vulnerable"]["p_interruption"].as_f64().unwrap();
    assert!(p < 0.15, "as is: {p}");
    assert_eq!(r["resolution_m"], 0.25);
    assert!(
        r["best_change"]["description"]
            .as_str()
            .unwrap()
            .contains("quay-east")
    );
    let points = r["least_watched"]["points"].as_array().unwrap();
    assert!(points.len() >= 2);
    let from_point = value(
        scene
            .route_from_point(30.0, -5.0, "crown-case", 0.5)
            .unwrap(),
    );
    assert_eq!(from_point["resolution_m"], 0.5);
    // Bad input is an error naming what is wrong, and the scene still works.
    assert!(scene.route("balcony", "vault", 0.25).is_err());
    assert!(scene.route("nope", "crown-case", 0.25).is_err());
    assert!(scene.route("balcony", "crown-case", 0.0).is_err());
    assert!(
        scene
            .route_from_point(f64::NAN, 0.0, "crown-case", 0.25)
            .is_err()
    );
    assert!(!scene.is_broken());
    assert!(scene.audit().is_ok());
}

#[wasm_bindgen_test]
fn progress_names_every_phase_as_the_core_does() {
    // The callback records each phase name; each must be the serde name of a Phase.
    let record = js_sys::Function::new_with_args(
        "phase, done, total",
        "(globalThis.phases = globalThis.phases || []).push(phase); return true",
    );
    blindspot::wasm::optimize(ROOM, r#"{"goal": {"cameras": 1}}"#, &record).unwrap();
    let seen: Vec<String> = serde_wasm_bindgen::from_value(
        js_sys::Reflect::get(&js_sys::global(), &"phases".into()).unwrap(),
    )
    .unwrap();
    use blindspot::optimize::Phase;
    let names: Vec<Value> = [
        Phase::Loading,
        Phase::Sampling,
        Phase::CandidateViews,
        Phase::Selection,
        Phase::LocalSearch,
        Phase::Done,
    ]
    .iter()
    .map(|p| serde_json::to_value(p).unwrap())
    .collect();
    assert!(seen.iter().any(|p| p == "loading") && seen.iter().any(|p| p == "done"));
    for p in &seen {
        assert!(
            names.contains(&Value::from(p.as_str())),
            "unknown phase {p}"
        );
    }
}

#[wasm_bindgen_test]
fn camera_rules_cross_as_the_core_computes_them() {
    let scene = Scene::load(ROOM).unwrap();
    let native = Session::from_json(ROOM).unwrap();
    let s = native.scenario();
    let limits = json(Scene::limits());
    let expected = serde_json::to_value(blindspot::camera_rules::limits()).unwrap();
    assert!(same(&limits, &expected));
    assert_eq!(limits["met_fraction"], 0.9995);
    let rules = serde_json::to_value(blindspot::camera_rules::model_rules(s)).unwrap();
    assert!(same(&json(scene.model_rules()), &rules));
    let refit = blindspot::camera_rules::refit(s, &s.cameras[0], None).unwrap();
    assert!(same(
        &json(scene.refit_camera(0.0, "")),
        &serde_json::to_value(refit).unwrap()
    ));
    let at = r#"{"id":"n","position":[3,4],"heading_deg":10}"#;
    let fresh = json(scene.new_camera(at, "dome", 3.0, -1.0));
    assert_eq!(fresh["model"].as_str(), Some("dome"));
    assert_eq!(fresh["position"][0].as_f64(), Some(3.0));
    assert!(scene.new_camera(at, "nope", 3.0, -1.0).is_err());
    assert!(scene.new_camera(at, "dome", 3.0, 7.0).is_err());
    assert!(scene.refit_camera(4.0, "dome").is_err());
}

#[wasm_bindgen_test]
fn a_plan_edit_and_the_room_around_a_point_cross_the_boundary() {
    let mut scene = Scene::load(ROOM).unwrap();
    let file: Value = serde_json::from_str(ROOM).unwrap();
    // The west room, 10 x 10, through the gap in the middle wall: open to the east
    // room but closed to the outside, so the room is both rooms.
    let room = json(scene.room_at(5.0, 5.0));
    assert_eq!(room["found"], "room");
    assert_eq!(room["area_m2"].as_f64(), Some(200.0));
    assert_eq!(json(scene.room_at(30.0, 5.0))["found"], "open");
    assert_eq!(json(scene.room_at(0.0, 5.0))["found"], "on_wall");
    assert!(scene.room_at(f64::NAN, 0.0).is_err());
    // Close the gap: two rooms of 100 m².
    let mut plan = file["plan"].clone();
    plan["walls"][1]["path"] = serde_json::json!([[10, 0], [10, 10]]);
    let before = coverage(scene.summary());
    let edit = json(scene.set_plan(&plan.to_string()));
    assert_eq!(edit["views"].as_f64(), Some(1.0));
    assert_eq!(edit["zones_rebuilt"], false);
    assert_eq!(
        json(scene.room_at(5.0, 5.0))["area_m2"].as_f64(),
        Some(100.0)
    );
    // The same scenario loaded from scratch reports the same coverage.
    let mut whole = file.clone();
    whole["plan"] = plan.clone();
    let fresh = Scene::load(&whole.to_string()).unwrap();
    let after = coverage(scene.summary());
    assert!((after - coverage(fresh.summary())).abs() < 1e-12);
    // A bad plan is refused with its place, and nothing changes.
    plan["zones"][0]["polygon"] = serde_json::json!([[0, 0], [10, 10], [10, 0], [0, 10]]);
    assert!(scene.set_plan(&plan.to_string()).is_err());
    assert!(scene.set_plan("not json").is_err());
    // A repeated point would be repaired (dropped): refused, so the page and the
    // core never hold different plans.
    let mut repeated = whole["plan"].clone();
    repeated["walls"][0]["path"] =
        serde_json::json!([[0, 0], [20, 0], [20, 0], [20, 10], [0, 10], [0, 0]]);
    assert!(scene.set_plan(&repeated.to_string()).is_err());
    assert_eq!(coverage(scene.summary()), after);
    assert!(before >= after);
}

#[wasm_bindgen_test]
fn a_progress_callback_that_throws_is_reported_as_its_own_error_not_as_cancel() {
    let message = |e: wasm_bindgen::JsError| {
        String::from(js_sys::Error::from(wasm_bindgen::JsValue::from(e)).message())
    };
    let throws = js_sys::Function::new_with_args(
        "phase, done, total",
        "if (phase !== 'loading') throw new Error('the page broke'); return true",
    );
    let e = blindspot::wasm::optimize(ROOM, r#"{"goal": {"cameras": 1}}"#, &throws).unwrap_err();
    assert_eq!(
        message(e),
        "optimize: the progress callback threw: the page broke"
    );
    let e =
        blindspot::wasm::curve(ROOM, r#"{"goal": {"budget": 0}}"#, 5.0, 4, 1, &throws).unwrap_err();
    assert_eq!(
        message(e),
        "curve: the progress callback threw: the page broke"
    );
    // A false return is still a cancel, with the cancel's own message.
    let stop = js_sys::Function::new_with_args("phase, done, total", "return false");
    let cancelled =
        message(blindspot::wasm::optimize(ROOM, r#"{"goal": {"cameras": 1}}"#, &stop).unwrap_err());
    assert!(!cancelled.contains("threw"), "{cancelled}");
    let throws_a_string = js_sys::Function::new_with_args("phase, done, total", "throw 'no more'");
    let mapping = js_sys::JSON::parse(
        r#"[{"layer": "A-WALL", "role": "wall"}, {"layer": "A-AREA", "role": "zone"}]"#,
    )
    .unwrap();
    let e = blindspot::wasm::import_drawing(
        GALLERY_DXF,
        import_options("gallery-mm.dxf", &[("layers", mapping)]),
        Some(throws_a_string),
    )
    .unwrap_err();
    assert_eq!(
        message(e),
        "importDrawing: the progress callback threw: no more"
    );
}

#[wasm_bindgen_test]
fn a_corner_move_crosses_the_boundary_and_equals_the_plan_sent_whole() {
    let mut by_move = Scene::load(ROOM).unwrap();
    let mut by_plan = Scene::load(ROOM).unwrap();
    let file: Value = serde_json::from_str(ROOM).unwrap();
    // The gap's south jamb (10, 4) moved up to (10, 5.5): the gap narrows.
    let edit = json(by_move.move_corner(10.0, 4.0, 10.0, 5.5));
    assert!(same(&edit["cameras"], &serde_json::json!([0])));
    assert_eq!(edit["views"].as_f64(), Some(1.0));
    let mut plan = file["plan"].clone();
    plan["walls"][1]["path"] = serde_json::json!([[10, 0], [10, 5.5]]);
    assert!(same(&edit, &json(by_plan.set_plan(&plan.to_string()))));
    assert_eq!(coverage(by_move.summary()), coverage(by_plan.summary()));
    // No corner there, or one that would give a wall no length: refused, nothing changes.
    // (The messages are checked natively: tests/incremental_plan.rs.)
    assert!(by_move.move_corner(3.0, 3.0, 4.0, 4.0).is_err());
    assert!(by_move.move_corner(10.0, 5.5, 10.0, 0.0).is_err());
    assert_eq!(coverage(by_move.summary()), coverage(by_plan.summary()));
}

/// The two-floor fixture: a quay and two floors (tests/fixtures/levels).
const SITE: &str = include_str!("fixtures/levels/quay-and-two-floors.json");

#[wasm_bindgen_test]
fn a_site_is_one_scene_per_level_and_its_figures_are_the_native_sites() {
    use blindspot::wasm::{SiteFigures, SiteFile};
    let (scenario, warnings) = blindspot::scenario::Scenario::from_json(SITE).unwrap();
    let ids: Vec<String> = scenario.levels().iter().map(|l| l.id.clone()).collect();
    let mut site = blindspot::site::Site::new(scenario.clone(), warnings).unwrap();
    let file = SiteFile::parse(SITE).unwrap();
    assert_eq!(file.level_count(), 3);
    let mut figures = SiteFigures::new(ids.clone()).unwrap();
    assert!(!figures.complete());
    assert!(figures.site_headline().unwrap().is_undefined());
    let mut scenes: Vec<Scene> = ids.iter().map(|id| file.level_scene(id).unwrap()).collect();
    for (id, scene) in ids.iter().zip(&scenes) {
        figures.set_level(id, scene).unwrap();
    }
    assert!(figures.complete());
    let (levels, total) = site.headlines();
    for (id, h) in ids.iter().zip(&levels) {
        assert!(same(
            &json(figures.level_headline(id)),
            &serde_json::to_value(h).unwrap()
        ));
    }
    assert!(same(
        &json(figures.site_headline()),
        &serde_json::to_value(&total).unwrap()
    ));
    // A camera moved on the ground floor: only that level is told again, and the
    // site's figures are the native site's with the same move.
    scenes[1].move_camera(0.0, 5.0, 15.0).unwrap();
    figures.set_level("ground", &scenes[1]).unwrap();
    let mut moved = scenario.clone();
    let g1 = moved.cameras.iter_mut().find(|c| c.id == "g1").unwrap();
    g1.position = blindspot::geometry::Point::new(5.0, 15.0);
    site = blindspot::site::Site::new(moved, Default::default()).unwrap();
    let (_, total_moved) = site.headlines();
    assert_ne!(total_moved.covered_area_m2, total.covered_area_m2);
    assert!(same(
        &json(figures.site_headline()),
        &serde_json::to_value(&total_moved).unwrap()
    ));
    // An unknown level is refused with its name.
    assert!(figures.set_level("attic", &scenes[0]).is_err());
    assert!(file.level_scene("attic").is_err());
}

#[wasm_bindgen_test]
fn a_live_level_gives_the_same_site_figures_as_a_full_one() {
    use blindspot::wasm::{SiteFigures, SiteFile};
    let file = SiteFile::parse(SITE).unwrap();
    let ids = vec![
        "site".to_string(),
        "ground".to_string(),
        "first".to_string(),
    ];
    let mut live = SiteFigures::new(ids.clone()).unwrap();
    let mut full = SiteFigures::new(ids.clone()).unwrap();
    let mut scenes: Vec<Scene> = ids.iter().map(|id| file.level_scene(id).unwrap()).collect();
    for (id, scene) in ids.iter().zip(&scenes) {
        live.set_level(id, scene).unwrap();
        full.set_level(id, scene).unwrap();
    }
    scenes[1].move_camera(0.0, 5.0, 15.0).unwrap();
    live.set_level_live("ground", &scenes[1]).unwrap();
    full.set_level("ground", &scenes[1]).unwrap();
    assert!(same(
        &json(live.site_headline()),
        &json(full.site_headline())
    ));
    assert!(same(
        &json(live.level_headline("ground")),
        &json(full.level_headline("ground"))
    ));
}

/// Two floors of one closed 10 x 8 m room each, no cameras; one model at 500
/// + 100 installation.
const TWO_FLOORS: &str = r#"{
  "blindspot": 1, "name": "two floors",
  "levels": [ { "id": "ground", "name": "Ground", "elevation_m": 0 }, { "id": "upper", "name": "Upper", "elevation_m": 4 } ],
  "plan": {
    "walls": [
      { "id": "g", "level": "ground", "path": [[0,0],[10,0],[10,8],[0,8],[0,0]] },
      { "id": "u", "level": "upper", "path": [[0,0],[10,0],[10,8],[0,8],[0,0]] }
    ],
    "zones": [
      { "id": "g-room", "level": "ground", "polygon": [[0,0],[10,0],[10,8],[0,8]] },
      { "id": "u-room", "level": "upper", "polygon": [[0,0],[10,0],[10,8],[0,8]] }
    ]
  },
  "catalog": [ { "id": "wide", "hfov_deg": 100, "range_m": 30, "unit_price": 500, "install_cost": 100 } ],
  "cameras": []
}"#;

#[wasm_bindgen_test]
fn the_site_optimiser_and_curve_run_in_wasm_over_every_level() {
    let message = |e: wasm_bindgen::JsError| {
        String::from(js_sys::Error::from(wasm_bindgen::JsValue::from(e)).message())
    };
    let record = js_sys::Function::new_with_args(
        "phase, done, total, level, step, steps",
        "(globalThis.siteSteps ??= []).push([level, step, steps]); return true",
    );
    let request = r#"{"goal": {"budget": 700}, "max_candidates": 300}"#;
    let p = json(blindspot::wasm::optimize_site(TWO_FLOORS, request, &record));
    // One camera's worth: it goes to one level (each room alone is the same
    // share of the site), the other level spends nothing.
    assert_eq!(p["cost"], 600.0);
    assert_eq!(p["budget"], 700.0);
    let levels = p["levels"].as_array().unwrap();
    let names: Vec<&str> = levels.iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ground", "Upper"]);
    let mut spends: Vec<f64> = levels
        .iter()
        .map(|l| l["proposal"]["cost"].as_f64().unwrap())
        .collect();
    spends.sort_by(f64::total_cmp);
    assert_eq!(spends, [0.0, 600.0]);
    assert_eq!(p["cameras"].as_array().unwrap().len(), 1);
    assert!((p["estimated_coverage"].as_f64().unwrap() - 0.5).abs() < 0.03);
    // The same as the native core's site optimiser on the same file.
    let (scenario, warnings) = blindspot::scenario::Scenario::from_json(TWO_FLOORS).unwrap();
    let site = blindspot::site::Site::new(scenario, warnings).unwrap();
    let native = site
        .optimize_budget(
            &blindspot::optimize::Request::from_json(request).unwrap(),
            700.0,
            &mut |_| true,
        )
        .unwrap();
    assert!(same(&p, &serde_json::to_value(&native).unwrap()));
    // Progress told each level's curve and optimisation: steps 0..4, levels 0 and 1.
    let steps: Vec<Vec<f64>> = serde_wasm_bindgen::from_value(
        js_sys::Reflect::get(&js_sys::global(), &"siteSteps".into()).unwrap(),
    )
    .unwrap();
    for want in [
        [0.0, 0.0, 4.0],
        [1.0, 1.0, 4.0],
        [0.0, 2.0, 4.0],
        [1.0, 3.0, 4.0],
    ] {
        assert!(steps.iter().any(|s| s[..] == want), "{want:?} in {steps:?}");
    }
    // The curve: 0, one camera, two cameras at 0, 600 and 1200.
    let keep_going = js_sys::Function::new_with_args("phase, done, total", "return true");
    let curve = json(blindspot::wasm::curve_site(
        TWO_FLOORS,
        request,
        1200.0,
        2,
        0,
        &keep_going,
    ));
    let points = curve.as_array().unwrap();
    let costs: Vec<f64> = points.iter().map(|p| p["cost"].as_f64().unwrap()).collect();
    assert_eq!(costs, [0.0, 600.0, 1200.0]);
    let counts: Vec<u64> = points
        .iter()
        .map(|p| p["camera_count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [0, 1, 2]);
    for p in &points[2]["levels"].as_array().unwrap()[..] {
        assert_eq!(p["added"], 1.0);
        assert_eq!(p["cost"], 600.0);
    }
    // Refused: a goal other than a budget; a cancel; a throw from progress.
    let e = blindspot::wasm::optimize_site(TWO_FLOORS, r#"{"goal": {"cameras": 2}}"#, &keep_going)
        .unwrap_err();
    assert!(message(e).contains("the request's goal must be"));
    let stop = js_sys::Function::new_with_args("phase, done, total", "return false");
    let e = blindspot::wasm::optimize_site(TWO_FLOORS, request, &stop).unwrap_err();
    assert_eq!(message(e), "optimisation cancelled");
    let throws = js_sys::Function::new_with_args(
        "phase, done, total",
        "if (phase !== 'loading') throw new Error('the page broke'); return true",
    );
    let e = blindspot::wasm::curve_site(TWO_FLOORS, request, 1200.0, 2, 0, &throws).unwrap_err();
    assert_eq!(
        message(e),
        "curveSite: the progress callback threw: the page broke"
    );
    for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        let e =
            blindspot::wasm::curve_site(TWO_FLOORS, request, bad, 2, 0, &keep_going).unwrap_err();
        assert!(
            message(e).contains("the maximum budget must be positive"),
            "a top budget of {bad} is refused as such"
        );
    }
}
