#![cfg(not(target_arch = "wasm32"))]
//! `blindspot import` and `blindspot export`, run as a process.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("blindspot-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        out(o),
        err(o)
    );
}

#[test]
fn import_guesses_the_layers_prints_them_with_counts_and_writes_a_valid_scenario() {
    let path = temp("gallery.json");
    let o = run(&["import", &fixture("gallery-mm.dxf"), "-o", &path]);
    assert_exit(&o, 0);
    let text = out(&o);
    assert!(
        text.contains("units: header $INSUNITS = 4 (millimetres)"),
        "{text}"
    );
    assert!(text.contains("roles guessed from their names"));
    let row = |layer: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{layer} ")))
            .unwrap_or_else(|| panic!("no row {layer}:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("A-WALL"), "A-WALL wall 5 4 LINE, 1 ARC");
    assert_eq!(row("A-DOOR"), "A-DOOR door 3 1 ARC, 1 INSERT, 1 LINE");
    assert_eq!(row("A-AREA"), "A-AREA room 1 1 LWPOLYLINE");
    assert_eq!(row("A-WALL-PATT"), "A-WALL-PATT ignore 1 1 HATCH");
    assert!(
        text.contains("as --layers: wall=A-WALL,door=A-DOOR,room=A-AREA,label=A-AREA-IDEN"),
        "{text}"
    );
    assert!(
        text.contains("imported: 2 wall(s) of 33 segment(s) (1 door(s)), 1 zone(s)"),
        "{text}"
    );
    assert!(text.contains(&format!("written: {path}")));
    let v = run(&["validate", &path]);
    assert_exit(&v, 0);
    assert!(
        out(&v).contains("valid: 2 wall(s), 1 zone(s)"),
        "{}",
        out(&v)
    );
    // The printed mapping, given back, gives the same scenario.
    let again = temp("again.json");
    let o = run(&[
        "import",
        &fixture("gallery-mm.dxf"),
        "--layers",
        "wall=A-WALL,door=A-DOOR,room=A-AREA,label=A-AREA-IDEN",
        "-o",
        &again,
    ]);
    assert_exit(&o, 0);
    assert!(!out(&o).contains("roles guessed"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(&again).unwrap()
    );
}

#[test]
fn import_without_output_writes_nothing_and_says_so() {
    let o = run(&["import", &fixture("plan.svg"), "--scale", "0.05"]);
    assert_exit(&o, 0);
    assert!(
        out(&o).ends_with("nothing written: give -o FILE to write the scenario\n"),
        "{}",
        out(&o)
    );
}

#[test]
fn bad_usage_exits_2_and_bad_files_exit_1_with_their_place() {
    let o = run(&[
        "import",
        &fixture("gallery-mm.dxf"),
        "--layers",
        "wall=A-WAL",
    ]);
    assert_exit(&o, 2);
    assert!(
        err(&o).starts_with("blindspot: --layers: no layer named \"A-WAL\""),
        "{}",
        err(&o)
    );
    let o = run(&["import", &fixture("gallery-mm.dxf"), "--units", "furlong"]);
    assert_exit(&o, 2);
    assert!(
        err(&o).contains("--units: unknown unit \"furlong\" (expected one of: m, cm, mm"),
        "{}",
        err(&o)
    );
    let o = run(&[
        "import",
        &fixture("gallery-mm.dxf"),
        "--layers",
        "walls=A-WALL",
    ]);
    assert_exit(&o, 2);
    assert!(err(&o).contains("unknown role \"walls\""), "{}", err(&o));
    let o = run(&["import", "/no/such/file.dxf"]);
    assert_exit(&o, 2);
    let o = run(&["import", &fixture("bomb.svg")]);
    assert_exit(&o, 1);
    assert!(
        err(&o).contains("bomb.svg: the SVG's entities would expand to"),
        "{}",
        err(&o)
    );
    let o = run(&["import", &fixture("bad-nesting.geojson")]);
    assert_exit(&o, 1);
    assert!(
        err(&o).contains("features[1].geometry.coordinates: a Polygon's coordinates"),
        "{}",
        err(&o)
    );
    // No zones: the layers are shown so the mapping can be fixed.
    let o = run(&[
        "import",
        &fixture("gallery-mm.dxf"),
        "--layers",
        "wall=A-WALL",
    ]);
    assert_exit(&o, 1);
    assert!(out(&o).contains("A-AREA"), "{}", out(&o));
    assert!(err(&o).contains("no zones"), "{}", err(&o));
}

/// `--georef` takes finite degrees only: Rust parses "inf" and "NaN" as
/// numbers, and a rotation of either would reach the plan as a bad angle.
#[test]
fn georef_rotation_must_be_a_finite_number() {
    for bad in [
        "2.3376,48.8606,inf",
        "2.3376,48.8606,NaN",
        "2.3376,48.8606,x",
        "2.3376",
    ] {
        let o = run(&["import", &fixture("louvre.geojson"), "--georef", bad]);
        assert_exit(&o, 2);
        assert!(
            err(&o).contains(&format!(
                "--georef: expected LONGITUDE,LATITUDE[,ROTATION] in degrees (longitude within ±180, latitude within ±85, a finite rotation), found \"{bad}\""
            )),
            "{bad}: {}",
            err(&o)
        );
    }
    // Without a rotation the default 0 (x east) applies; with one, it is kept.
    for (arg, rotation) in [("2.3376,48.8606", 0.0), ("2.3376,48.8606,12.5", 12.5)] {
        let path = temp(&format!("georef-{rotation}.json"));
        let o = run(&[
            "import",
            &fixture("louvre.geojson"),
            "--georef",
            arg,
            "-o",
            &path,
        ]);
        assert_exit(&o, 0);
        let s: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let g = &s["plan"]["georeference"];
        assert_eq!(g["origin"], serde_json::json!([2.3376, 48.8606]), "{s}");
        assert_eq!(g["rotation_deg"].as_f64().unwrap_or(0.0), rotation, "{g}");
    }
}

#[test]
fn export_writes_geojson_in_plan_metres_or_wgs84() {
    let scenario = temp("l93.json");
    assert_exit(
        &run(&["import", &fixture("louvre.geojson"), "-o", &scenario]),
        0,
    );
    let o = run(&["export", &scenario, "--format", "geojson"]);
    assert_exit(&o, 0);
    assert!(err(&o).contains("WGS84"), "{}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["blindspot"]["coordinates"], "wgs84");
    let gallery = temp("g.json");
    assert_exit(
        &run(&["import", &fixture("gallery-mm.dxf"), "-o", &gallery]),
        0,
    );
    let file = temp("g.geojson");
    let o = run(&["export", &gallery, "-o", &file]);
    assert_exit(&o, 0);
    assert!(err(&o).contains("plan metres, not WGS84"), "{}", err(&o));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["blindspot"]["coordinates"], "plan_m");
    // And back.
    let back = temp("back.json");
    let o = run(&["import", &file, "-o", &back]);
    assert_exit(&o, 0);
    let a: Value = serde_json::from_str(&std::fs::read_to_string(&gallery).unwrap()).unwrap();
    let b: Value = serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    assert_eq!(a["plan"], b["plan"]);
    let o = run(&["export", &gallery, "--format", "kml"]);
    assert_exit(&o, 2);
}
