#![cfg(not(target_arch = "wasm32"))]
//! A building's levels in (issue 14, "Import"): several files, a DXF's
//! paper-space layouts and a DXF's floor blocks become one scenario of levels.
//! The fixtures (tests/fixtures/import/levels) are written by hand:
//! - ground.dxf (metres): a 10 x 8 m floor split by a full partition at x = 6
//!   into a hall (6 x 8 = 48 m²) and a shop (4 x 8 = 32 m²); a stair marked on
//!   layer A-FLOR-STRS over [8.5, 9.5] x [6, 7.5], a lift on A-FLOR-EVTR over
//!   [0.5, 1.5]²;
//! - first.dxf (millimetres): a 10 x 8 m gallery (80 m²), the same stair;
//! - layouts.dxf: the two floors in layouts "Level 0" (the active one, in
//!   ENTITIES) and "Level 1" (block *Paper_Space0), tab order Level 1 first,
//!   and "Layout3" holding only a viewport; the model space empty;
//! - floor-blocks.dxf (mm): the two floors drawn side by side as blocks "GROUND
//!   FLOOR" and "FIRST FLOOR" (base point at its own corner, 50 m east),
//!   inserted at z = 0 and 5,500 mm; one stray model-space line.
//!
//! Each import is validated and opened as a site; with one 360° camera per
//! room the figures are worked by hand, and the levels' sums equal the site's.
//! (tests/fixtures/import/levels/make-fixtures.py wrote the fixtures.)

use blindspot::import::{self, ImportError, ImportOptions, Imported, LevelSplit};
use blindspot::scenario::Scenario;
use blindspot::site::Site;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Command;

fn path(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/levels")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap()
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        ..ImportOptions::default()
    }
}

fn import_one(name: &str, levels: LevelSplit) -> Result<Imported, ImportError> {
    let o = ImportOptions {
        levels,
        ..options(name)
    };
    import::import(&fixture(name), &o, &mut |_| true)
}

fn two_files() -> Imported {
    let (g, f) = (fixture("ground.dxf"), fixture("first.dxf"));
    import::import_files(
        &[(&g, options("ground.dxf")), (&f, options("first.dxf"))],
        &mut |_| true,
    )
    .unwrap()
}

#[track_caller]
fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} != {b}");
}

/// The imported scenario with a 360° camera (range 1 km) at each `(level, x,
/// y)`, read back and opened as a site.
fn site_with_cameras(s: &Scenario, cameras: &[(&str, f64, f64)]) -> Site {
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["catalog"] = json!([{ "id": "eye", "hfov_deg": 360, "range_m": 1000 }]);
    v["cameras"] = cameras
        .iter()
        .enumerate()
        .map(|(i, (level, x, y))| {
            json!({ "id": format!("c{i}"), "level": level, "model": "eye", "position": [x, y], "heading_deg": 0 })
        })
        .collect();
    let (s, warnings) = Scenario::from_json(&v.to_string()).unwrap();
    Site::new(s, warnings).unwrap()
}

/// The two floors of every fixture, worked by hand: a camera in the hall sees
/// the hall (48 of the ground floor's 80 m²; the partition hides the shop), one
/// in the gallery all its 80 m²: the site 128 of 160 m², 80 %.
#[track_caller]
fn assert_two_floors(imported: &Imported, ids: [&str; 2], elevations: [f64; 2]) {
    let s = &imported.scenario;
    let levels: Vec<(&str, f64)> = s
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.elevation_m))
        .collect();
    assert_eq!(
        levels,
        vec![(ids[0], elevations[0]), (ids[1], elevations[1])]
    );
    // Every item carries its level; ids are unique across the file.
    let mut seen = std::collections::HashSet::new();
    for w in &s.plan.walls {
        assert!(w.level.is_some() && seen.insert(w.id.clone()), "{}", w.id);
    }
    for z in &s.plan.zones {
        assert!(z.level.is_some() && seen.insert(z.id.clone()), "{}", z.id);
    }
    let names = |level: &str| -> Vec<&str> {
        let mut v: Vec<&str> = s
            .plan
            .zones
            .iter()
            .filter(|z| z.level.as_deref() == Some(level))
            .map(|z| z.name.as_str())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(ids[0]), vec!["Hall", "Shop"]);
    assert_eq!(names(ids[1]), vec!["Gallery"]);
    assert_eq!(imported.report.levels.len(), 2);
    assert_eq!(imported.report.zones, 3);
    let site = site_with_cameras(s, &[(ids[0], 3.0, 4.0), (ids[1], 5.0, 4.0)]);
    let (per, whole) = site.headlines();
    close(per[0].target_area_m2, 80.0);
    close(per[0].covered_area_m2, 48.0);
    close(per[1].target_area_m2, 80.0);
    close(per[1].covered_area_m2, 80.0);
    close(whole.target_area_m2, 160.0);
    close(whole.covered_area_m2, 128.0);
    close(whole.coverage, 0.8);
    // The levels' sums are the site's.
    close(
        per.iter().map(|h| h.target_area_m2).sum::<f64>(),
        whole.target_area_m2,
    );
    close(
        per.iter().map(|h| h.covered_area_m2).sum::<f64>(),
        whole.covered_area_m2,
    );
    // Each level opened alone (its slice) gives the same figures.
    for (l, h) in s.levels.iter().zip(&per) {
        let slice = site.scenario().level_slice(&l.id).unwrap();
        let (slice, w) = Scenario::from_json(&slice.to_json()).unwrap();
        let alone = Site::new(slice, w).unwrap().headlines().1;
        close(alone.covered_area_m2, h.covered_area_m2);
    }
}

#[test]
fn two_files_become_two_levels_in_the_order_given() {
    let imported = two_files();
    // "ground" says storey 0, "first" alone says nothing: by position, 3 m a storey.
    assert_two_floors(&imported, ["ground", "first"], [0.0, 3.0]);
    let r = &imported.report;
    assert_eq!(r.levels[0].source, "file ground.dxf");
    assert_eq!(r.levels[1].elevation_from, "guessed");
    assert!(
        r.notes
            .iter()
            .any(|n| n.message.contains("elevations are guessed")),
        "{:?}",
        r.notes
    );
    // Each level's units are its file's (metres, then millimetres).
    assert!(
        r.notes
            .iter()
            .all(|n| !n.message.contains("does not say its units"))
    );
    // The stair marked on both floors is a connection at the middle of its
    // outline; the lift, on the ground floor only, is none (and a warning).
    let c = &imported.scenario.connections;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].id, "stair-1");
    assert_eq!(
        (c[0].from.level.as_str(), c[0].to.level.as_str()),
        ("ground", "first")
    );
    close(c[0].from.x, 9.0);
    close(c[0].from.y, 6.75);
    assert_eq!((c[0].to.x, c[0].to.y), (c[0].from.x, c[0].from.y));
    assert!(
        r.notes.iter().any(|n| n
            .message
            .starts_with("1 stair, lift or ramp marking(s) overlap none")),
        "{:?}",
        r.notes
    );
    // The written file reads back as the same scenario.
    let (back, _) = Scenario::from_json(&imported.scenario.to_json()).unwrap();
    assert_eq!(back, imported.scenario);
}

#[test]
fn an_error_in_one_of_several_files_names_the_file_and_line() {
    let g = fixture("ground.dxf");
    let broken =
        b"  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n  8\nA-WALL\n 10\n1O\n  0\nENDSEC\n  0\nEOF\n";
    let e = import::import_files(
        &[(&g, options("ground.dxf")), (broken, options("upper.dxf"))],
        &mut |_| true,
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with("upper.dxf: line "),
        "the file and the line: {text}"
    );
    // A file without zones: the level is named, and why.
    let no_zones = b"  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n  8\nA-WALL\n 10\n0\n 20\n0\n 11\n5\n 21\n0\n  0\nENDSEC\n  0\nEOF\n";
    let e = import::import_files(
        &[(&g, options("ground.dxf")), (no_zones, options("roof.dxf"))],
        &mut |_| true,
    )
    .unwrap_err();
    assert!(
        matches!(&e, ImportError::Empty(m) if m.starts_with("file roof.dxf: no zones")),
        "{e}"
    );
}

#[test]
fn a_dxf_whose_layouts_hold_the_floors_becomes_their_levels() {
    let imported = import_one("layouts.dxf", LevelSplit::Auto).unwrap();
    // Ordered by the names' storeys (the tab order has Level 1 first), 3 m apart.
    assert_two_floors(&imported, ["level-0", "level-1"], [0.0, 3.0]);
    let r = &imported.report;
    assert!(r.levels[0].source.starts_with("layout \"Level 0\""));
    assert!(r.levels[1].source.starts_with("layout \"Level 1\""));
    assert!(
        imported.scenario.connections.is_empty(),
        "no stairs are marked"
    );
    // Asked for explicitly: the same.
    let asked = import_one("layouts.dxf", LevelSplit::Layouts).unwrap();
    assert_eq!(asked.scenario, imported.scenario);
    // As one plan: the model space is empty, so there are no zones.
    assert!(matches!(
        import_one("layouts.dxf", LevelSplit::None),
        Err(ImportError::Empty(_))
    ));
}

#[test]
fn a_dxf_of_floor_blocks_becomes_their_levels_at_the_inserts_z() {
    let imported = import_one("floor-blocks.dxf", LevelSplit::Auto).unwrap();
    // The INSERTs' z in millimetres: 0 and 5.5 m; each floor at its block's base point.
    assert_two_floors(&imported, ["ground-floor", "first-floor"], [0.0, 5.5]);
    let r = &imported.report;
    assert_eq!(r.levels[1].elevation_from, "INSERT z");
    assert!(
        r.levels[1]
            .source
            .starts_with("block \"FIRST FLOOR\" (INSERT at line"),
        "{}",
        r.levels[1].source
    );
    let gallery = imported
        .scenario
        .plan
        .zones
        .iter()
        .find(|z| z.name == "Gallery")
        .unwrap();
    let xs: Vec<f64> = gallery.polygon.iter().map(|p| p.x).collect();
    assert_eq!(
        (
            xs.iter().cloned().fold(f64::INFINITY, f64::min),
            xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
        ),
        (0.0, 10.0)
    );
    // The stray model-space line is named in a warning, not imported.
    assert!(
        r.notes.iter().any(|n| n
            .message
            .starts_with("1 model-space entities outside the level blocks")),
        "{:?}",
        r.notes
    );
    // No guess was needed, so no note says one.
    assert!(
        !r.notes
            .iter()
            .any(|n| n.message.contains("elevations are guessed"))
    );
    // As one plan: the model space as drawn, both floors side by side.
    let flat = import_one("floor-blocks.dxf", LevelSplit::None).unwrap();
    assert!(flat.scenario.levels.is_empty());
    assert_eq!(flat.scenario.plan.zones.len(), 3);
    // Layouts asked of a drawing without them: an error saying so.
    let e = import_one("floor-blocks.dxf", LevelSplit::Layouts).unwrap_err();
    assert!(
        matches!(&e, ImportError::Options(m) if m.contains("no paper-space layout holds shapes")),
        "{e}"
    );
}

#[test]
fn blocks_asked_of_a_drawing_without_level_blocks_list_what_it_inserts() {
    let o = ImportOptions {
        levels: LevelSplit::Blocks,
        ..options("blocks.dxf")
    };
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/blocks.dxf"),
    )
    .unwrap();
    let e = import::import(&bytes, &o, &mut |_| true).unwrap_err();
    assert!(
        matches!(&e, ImportError::Options(m) if m.contains("no model-space INSERT names a block like a level") && m.contains("\"PAIR\"")),
        "{e}"
    );
}

#[test]
fn the_preview_lists_the_levels_it_would_make() {
    let p = import::preview(&fixture("floor-blocks.dxf"), &options("floor-blocks.dxf")).unwrap();
    let levels: Vec<(&str, Option<f64>)> = p
        .levels
        .iter()
        .map(|l| (l.name.as_str(), l.elevation_m))
        .collect();
    assert_eq!(
        levels,
        vec![("GROUND FLOOR", Some(0.0)), ("FIRST FLOOR", Some(5.5))]
    );
    let wall = p.layers.iter().find(|l| l.name == "A-WALL").unwrap();
    // Two floors' outlines and the hall's partition (the stray line is not on a level).
    assert_eq!(wall.count(), 3);
}

#[test]
fn the_cli_imports_several_files_and_prints_the_levels() {
    let out = std::env::temp_dir().join(format!("blindspot-levels-{}.json", std::process::id()));
    let o = Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(["import", &path("ground.dxf"), &path("first.dxf"), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("levels (bottom to top):"), "{stdout}");
    assert!(stdout.contains("\"first\" at 3 m (guessed)"), "{stdout}");
    // The written file reports per level and for the site.
    let r = Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(["report", "--format", "json"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    let levels = v["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 2);
    // A route from the shop climbs the stair the drawings mark (the hall is
    // walled in; the stair stands in the shop's corner).
    let route = Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(["route", "--from", "ground:8,2", "--to", "first-z1"])
        .arg(&out)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&route.stdout);
    assert!(
        route.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&route.stderr)
    );
    assert!(
        text.contains("then stair stair-1 from ground to first"),
        "{text}"
    );
    let _ = std::fs::remove_file(&out);
    // --levels takes the modes by name.
    let bad = Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(["import", &path("layouts.dxf"), "--levels", "floors"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_elevation_beyond_the_format_s_bound_is_an_error_naming_the_block() {
    // Two level blocks in metres, the upper inserted 20 km up (a z in millimetres
    // in a drawing that says metres, say).
    let pairs =
        |kv: &[(i32, &str)]| -> String { kv.iter().map(|(c, v)| format!("{c}\n{v}\n")).collect() };
    let room = |layer: &str| {
        pairs(&[
            (0, "LWPOLYLINE"),
            (8, layer),
            (90, "4"),
            (70, "1"),
            (10, "0"),
            (20, "0"),
            (10, "4"),
            (20, "0"),
            (10, "4"),
            (20, "4"),
            (10, "0"),
            (20, "4"),
        ])
    };
    let block = |name: &str| {
        pairs(&[
            (0, "BLOCK"),
            (8, "0"),
            (2, name),
            (70, "0"),
            (10, "0"),
            (20, "0"),
        ]) + &room("A-WALL")
            + &room("A-AREA")
            + &pairs(&[(0, "ENDBLK")])
    };
    let text = pairs(&[
        (0, "SECTION"),
        (2, "HEADER"),
        (9, "$INSUNITS"),
        (70, "6"),
        (0, "ENDSEC"),
        (0, "SECTION"),
        (2, "BLOCKS"),
    ]) + &block("L0")
        + &block("L1")
        + &pairs(&[(0, "ENDSEC"), (0, "SECTION"), (2, "ENTITIES")])
        + &pairs(&[
            (0, "INSERT"),
            (8, "0"),
            (2, "L0"),
            (10, "0"),
            (20, "0"),
            (30, "0"),
        ])
        + &pairs(&[
            (0, "INSERT"),
            (8, "0"),
            (2, "L1"),
            (10, "0"),
            (20, "0"),
            (30, "20000"),
        ])
        + &pairs(&[(0, "ENDSEC"), (0, "EOF")]);
    let e = import::import(text.as_bytes(), &options("tall.dxf"), &mut |_| true).unwrap_err();
    let m = e.to_string();
    assert!(
        m.starts_with("block \"L1\" (INSERT at line")
            && m.contains("an elevation of 20000 m (from the INSERT's z)"),
        "{m}"
    );
}

#[test]
fn many_symbol_blocks_named_like_levels_do_not_split_a_one_floor_plan() {
    // A lighting plan: 5,000 luminaires inserted as block "L1" (one circle each),
    // and the room they light. The model outside the "levels" is far larger
    // than one of them, so auto keeps the plan whole.
    let mut t = String::from(
        "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n6\n0\nENDSEC\n0\nSECTION\n2\nBLOCKS\n0\nBLOCK\n8\n0\n2\nL1\n70\n0\n10\n0\n20\n0\n0\nCIRCLE\n8\nA-LITE\n10\n0\n20\n0\n40\n0.1\n0\nENDBLK\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n",
    );
    for k in 0..5000 {
        t += &format!("0\nINSERT\n8\n0\n2\nL1\n10\n{}\n20\n{}\n", k % 100, k / 100);
    }
    for layer in ["A-WALL", "A-AREA"] {
        t += &format!(
            "0\nLWPOLYLINE\n8\n{layer}\n90\n4\n70\n1\n10\n-1\n20\n-1\n10\n101\n20\n-1\n10\n101\n20\n51\n10\n-1\n20\n51\n"
        );
    }
    t += "0\nENDSEC\n0\nEOF\n";
    let imported = import::import(t.as_bytes(), &options("lights.dxf"), &mut |_| true).unwrap();
    assert!(imported.scenario.levels.is_empty());
    assert_eq!(imported.scenario.plan.zones.len(), 1);
    assert!(
        imported.report.notes.iter().any(|n| n
            .message
            .contains("it inserts blocks named like levels 5000 times (\"L1\")")),
        "auto says what it saw: {:?}",
        imported.report.notes
    );
}
