#![cfg(not(target_arch = "wasm32"))]
//! The `blindspot` command line, run as a process.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_blindspot"))
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        stdout(o),
        stderr(o)
    );
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

fn json_report(file: &str) -> Value {
    let o = run(&["report", file, "--format", "json"]);
    assert_exit(&o, 0);
    serde_json::from_str(&stdout(&o)).expect("the JSON report parses")
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number {key} in {v}"))
}

/// Checks a polygon is an array of closed rings of [x, y], outer ring first
/// and counter-clockwise; returns its area.
#[track_caller]
fn polygon_area(polygon: &Value) -> f64 {
    let rings = polygon.as_array().expect("a polygon is an array of rings");
    let mut total = 0.0;
    for (i, ring) in rings.iter().enumerate() {
        let pts: Vec<(f64, f64)> = ring
            .as_array()
            .expect("a ring is an array")
            .iter()
            .map(|p| {
                let xy = p.as_array().expect("a point is [x, y]");
                assert_eq!(xy.len(), 2);
                (xy[0].as_f64().unwrap(), xy[1].as_f64().unwrap())
            })
            .collect();
        assert!(pts.len() >= 4, "ring {i} too short: {pts:?}");
        assert_eq!(pts.first(), pts.last(), "ring {i} is not closed");
        let twice: f64 = pts
            .windows(2)
            .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
            .sum();
        if i == 0 {
            assert!(twice > 0.0, "outer ring is not counter-clockwise");
            total += twice / 2.0;
        } else {
            assert!(twice < 0.0, "hole {i} is not clockwise");
            total += twice / 2.0;
        }
    }
    total
}

// ---- report ----

#[test]
fn report_text_on_the_issue_example() {
    let o = run(&["report", &fixture("issue-example.json")]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(
        out.starts_with("Denon wing, first floor - as is\n"),
        "{out}"
    );
    for needle in [
        "Overall",
        "target area",
        "480.00 m²",
        "Zones",
        "Gallery of Apollo",
        "Cameras",
        "c1",
        "c2",
        "dome-4mp",
        "blind spots",
    ] {
        assert!(
            out.to_lowercase().contains(&needle.to_lowercase()),
            "text report lacks {needle:?}:\n{out}"
        );
    }
}

#[test]
fn report_text_figures_are_the_hand_computed_ones() {
    // tests/fixtures/two-rooms.json: see tests/coverage.rs for the derivation.
    let o = run(&["report", &fixture("two-rooms.json"), "--format", "text"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    for needle in [
        "200.00 m²",
        "158.75 m²",
        "69.1%", // (100 + 3 x 58.75) / 400
        "30.00 m²",
        "11.25 m²",
        "East room",
        "cam-west",
    ] {
        assert!(out.contains(needle), "text report lacks {needle:?}:\n{out}");
    }
    // Largest blind spot first.
    assert!(out.find("30.00 m²").unwrap() < out.find("11.25 m²").unwrap());
}

#[test]
fn report_json_has_every_required_key() {
    let r = json_report(&fixture("issue-example.json"));
    assert_eq!(r["name"], "Denon wing, first floor - as is");
    for key in [
        "target_area_m2",
        "covered_area_m2",
        "coverage",
        "weighted_coverage",
        "multi_covered_area_m2",
        "blind_area_m2",
    ] {
        let x = num(&r, key);
        assert!(x.is_finite() && x >= 0.0, "{key} = {x}");
    }
    close(num(&r, "target_area_m2"), 480.0);
    let zones = r["zones"].as_array().expect("zones[]");
    assert_eq!(zones.len(), 1);
    let z = &zones[0];
    assert_eq!(z["id"], "apollo");
    assert_eq!(z["name"], "Gallery of Apollo");
    close(num(z, "area_m2"), 480.0);
    let covered = num(z, "covered_area_m2");
    close(num(z, "coverage"), covered / 480.0);
    let cameras = r["cameras"].as_array().expect("cameras[]");
    assert_eq!(cameras.len(), 2);
    for (c, id) in cameras.iter().zip(["c1", "c2"]) {
        assert_eq!(c["id"], id);
        let area = num(c, "view_area_m2");
        // The view polygon's own area is the figure quoted.
        let view = polygon_area(&c["view"]);
        assert!(
            (view - area).abs() <= 1e-9 * area.max(1.0),
            "{id}: view polygon {view} vs view_area_m2 {area}"
        );
    }
    assert_eq!(cameras[0]["model"], "dome-4mp");
    assert!(r["blind_spots"].is_array());
    assert!(r["blind_spots_omitted"]["count"].is_u64());
    assert!(r["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn report_json_figures_and_blind_spots_are_the_hand_computed_ones() {
    let r = json_report(&fixture("two-rooms.json"));
    close(num(&r, "target_area_m2"), 200.0);
    close(num(&r, "covered_area_m2"), 158.75);
    close(num(&r, "coverage"), 158.75 / 200.0);
    close(num(&r, "weighted_coverage"), (100.0 + 3.0 * 58.75) / 400.0);
    close(num(&r, "multi_covered_area_m2"), 0.0);
    close(num(&r, "blind_area_m2"), 41.25);
    let zones = r["zones"].as_array().unwrap();
    assert_eq!(zones[0]["id"], "west");
    close(num(&zones[0], "coverage"), 1.0);
    assert_eq!(zones[1]["id"], "east");
    close(num(&zones[1], "covered_area_m2"), 58.75);
    let cam = &r["cameras"][0];
    assert_eq!(cam["id"], "cam-west");
    close(num(cam, "view_area_m2"), 158.75);
    close(polygon_area(&cam["view"]), 158.75);
    let spots = r["blind_spots"].as_array().unwrap();
    assert_eq!(spots.len(), 2);
    for (b, area) in spots.iter().zip([30.0, 11.25]) {
        close(num(b, "area_m2"), area);
        assert_eq!(b["zone_ids"], serde_json::json!(["east"]));
        close(polygon_area(&b["polygon"]), area);
    }
}

#[test]
fn report_json_matches_the_library() {
    let path = fixture("two-rooms.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let session = blindspot::session::Session::from_json(&text).unwrap();
    let expected = serde_json::to_value(session.report()).unwrap();
    assert_eq!(json_report(&path), expected);
}

#[test]
fn report_lists_warnings_of_repaired_files() {
    let r = json_report(&fixture("repaired.json"));
    let warnings = r["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let all = warnings
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("plan.walls[0].path"), "{all}");
    assert!(all.contains("plan.walls[1]"), "{all}");
    close(num(&r, "coverage"), 1.0);
}

#[test]
fn report_of_an_invalid_file_exits_1_naming_the_problems() {
    let path = fixture("three-errors.json");
    let o = run(&["report", &path]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(stdout(&o).is_empty());
    for needle in ["cameras[0].model", "plan.zones[0]", "cameras[1].hfov_deg"] {
        assert!(err.contains(needle), "{needle} not in:\n{err}");
    }
    assert!(err.contains("three-errors.json"), "{err}");
}

// ---- standard input ----

#[test]
fn dash_reads_standard_input() {
    let path = fixture("two-rooms.json");
    let text = std::fs::read(&path).unwrap();
    let from_file = run(&["report", &path, "--format", "json"]);
    let from_stdin = run_with_stdin(&["report", "-", "--format", "json"], &text);
    assert_exit(&from_stdin, 0);
    assert_eq!(stdout(&from_stdin), stdout(&from_file));
    let text_report = run_with_stdin(&["report", "-"], &text);
    assert_exit(&text_report, 0);
    assert!(stdout(&text_report).contains("158.75 m²"));
    let v = run_with_stdin(&["validate", "-"], &text);
    assert_exit(&v, 0);
    assert!(stdout(&v).contains("<stdin>: valid"), "{}", stdout(&v));
    let bad = std::fs::read(fixture("three-errors.json")).unwrap();
    let v = run_with_stdin(&["validate", "-"], &bad);
    assert_exit(&v, 1);
    let all = stdout(&v) + &stderr(&v);
    assert!(all.contains("<stdin>: error: cameras[0].model"), "{all}");
}

// ---- validate ----

#[test]
fn validate_a_good_file() {
    let o = run(&["validate", &fixture("issue-example.json")]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(
        out.contains("valid: 2 wall(s), 1 zone(s), 2 camera(s), 1 model(s)"),
        "{out}"
    );
    assert!(!out.contains("error"), "{out}");
}

#[test]
fn validate_lists_warnings_and_still_succeeds() {
    let o = run(&["validate", &fixture("repaired.json")]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("warning: plan.walls[0].path"), "{out}");
    assert!(out.contains("warning: plan.walls[1]"), "{out}");
    assert!(out.contains("2 warning(s)"), "{out}");
}

#[test]
fn validate_lists_every_problem_of_a_bad_file() {
    let path = fixture("three-errors.json");
    let o = run(&["validate", &path]);
    assert_exit(&o, 1);
    let all = stdout(&o) + &stderr(&o);
    let lines: Vec<&str> = all.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(lines.len(), 3, "{all}");
    for (needle, word) in [
        ("cameras[0].model", "unknown camera model"),
        ("plan.zones[0]", "self-intersecting"),
        ("cameras[1].hfov_deg", "field of view"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("error: {needle}: ")) && l.contains(word)),
            "no error line for {needle} ({word}):\n{all}"
        );
    }
    assert!(lines.iter().all(|l| l.starts_with(&path)), "{all}");
    assert!(all.contains("invalid: 3 error(s)"), "{all}");
}

#[test]
fn validate_lists_problems_on_standard_output() {
    // The list of problems is validate's answer: standard output.
    let o = run(&["validate", &fixture("three-errors.json")]);
    assert_exit(&o, 1);
    assert!(stdout(&o).contains("invalid: 3 error(s)"), "{}", stdout(&o));
}

#[test]
fn validate_malformed_json_gives_line_and_column() {
    let o = run_with_stdin(&["validate", "-"], b"{\n  \"blindspot\": 1,\n  oops\n}\n");
    assert_exit(&o, 1);
    let all = stdout(&o) + &stderr(&o);
    assert!(all.contains("not valid JSON"), "{all}");
    assert!(all.contains("line 3"), "{all}");
    assert!(all.contains("column"), "{all}");
}

// ---- bad usage ----

#[test]
fn bad_usage_exits_2() {
    let example = fixture("issue-example.json");
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["report"],
        vec!["report", &example, "--colour"],
        vec!["report", &example, "--format", "xml"],
        vec!["validate", &example, "extra"],
        vec!["generate", "--walls", "many"],
        vec!["--no-such-flag"],
    ] {
        let o = run(&args);
        assert_exit(&o, 2);
        assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
        assert!(!stderr(&o).is_empty(), "{args:?}: no message");
    }
}

#[test]
fn missing_file_exits_2_with_its_name() {
    for cmd in ["report", "validate"] {
        let o = run(&[cmd, "/no/such/dir/plan.json"]);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert!(err.contains("/no/such/dir/plan.json"), "{err}");
        assert!(err.contains("cannot read"), "{err}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let o = run(&["--help"]);
    assert_exit(&o, 0);
    for cmd in ["report", "validate", "generate"] {
        assert!(stdout(&o).contains(cmd));
    }
    let o = run(&["--version"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains(env!("CARGO_PKG_VERSION")));
}

// ---- generate ----

fn segment_count(scenario: &Value) -> usize {
    scenario["plan"]["walls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["path"].as_array().unwrap().len().saturating_sub(1))
        .sum()
}

#[test]
fn generate_is_deterministic_and_big_enough() {
    let args = [
        "generate",
        "--walls",
        "400",
        "--cameras",
        "15",
        "--seed",
        "42",
    ];
    let a = run(&args);
    let b = run(&args);
    assert_exit(&a, 0);
    assert_exit(&b, 0);
    assert_eq!(a.stdout, b.stdout, "same seed, different output");
    let s: Value = serde_json::from_slice(&a.stdout).expect("generate prints JSON");
    assert!(segment_count(&s) >= 400, "{} segments", segment_count(&s));
    assert_eq!(s["cameras"].as_array().unwrap().len(), 15);
    assert!(stderr(&a).contains("generated"), "{}", stderr(&a));
    // Another seed gives another plan.
    let c = run(&[
        "generate",
        "--walls",
        "400",
        "--cameras",
        "15",
        "--seed",
        "43",
    ]);
    assert_exit(&c, 0);
    assert_ne!(a.stdout, c.stdout);
    // Other sizes reach their counts too.
    for walls in [1, 50, 1234] {
        let o = run(&["generate", "--walls", &walls.to_string(), "--cameras", "3"]);
        assert_exit(&o, 0);
        let s: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            segment_count(&s) >= walls,
            "asked for {walls}, got {}",
            segment_count(&s)
        );
    }
}

#[test]
fn generated_plans_validate_and_report() {
    let g = run(&[
        "generate",
        "--walls",
        "300",
        "--cameras",
        "10",
        "--seed",
        "5",
    ]);
    assert_exit(&g, 0);
    let v = run_with_stdin(&["validate", "-"], &g.stdout);
    assert_exit(&v, 0);
    assert!(stdout(&v).contains("valid"), "{}", stdout(&v));
    assert!(!stdout(&v).contains("warning"), "{}", stdout(&v));
    let r = run_with_stdin(&["report", "-", "--format", "json"], &g.stdout);
    assert_exit(&r, 0);
    let r: Value = serde_json::from_slice(&r.stdout).unwrap();
    let cov = num(&r, "coverage");
    assert!(cov > 0.0 && cov <= 1.0, "{cov}");
    assert_eq!(r["cameras"].as_array().unwrap().len(), 10);
}

#[test]
fn generate_writes_to_a_file_with_o() {
    let dir = std::env::temp_dir().join(format!("blindspot-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("plan.json");
    let out_s = out.to_string_lossy().into_owned();
    let o = run(&[
        "generate",
        "--walls",
        "100",
        "--cameras",
        "4",
        "--seed",
        "9",
        "-o",
        &out_s,
    ]);
    assert_exit(&o, 0);
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains(&out_s), "{}", stderr(&o));
    let written = std::fs::read(&out).unwrap();
    let to_stdout = run(&[
        "generate",
        "--walls",
        "100",
        "--cameras",
        "4",
        "--seed",
        "9",
    ]);
    assert_eq!(written, to_stdout.stdout);
    // An unwritable output is bad usage.
    let o = run(&["generate", "--walls", "10", "-o", "/no/such/dir/plan.json"]);
    assert_exit(&o, 2);
    std::fs::remove_dir_all(&dir).ok();
}

// ---- The board documents: HTML, SVG, CSV, and batches ----

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("blindspot-cli-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("www/samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Runs Python's csv module on a file: rows as dicts, printed as JSON.
fn csv_rows(path: &std::path::Path) -> Vec<serde_json::Map<String, Value>> {
    let o = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys\n\
             with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
             \x20   print(json.dumps(list(csv.DictReader(f))))",
            &path.to_string_lossy(),
        ])
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn report_writes_html_svg_and_csv() {
    let dir = scratch("documents");
    let wing = sample("museum-wing.json");
    let html = dir.join("wing.html");
    let o = run(&[
        "report",
        &wing,
        "--format",
        "html",
        "-o",
        &html.to_string_lossy(),
        "--date",
        "2026-12-14",
    ]);
    assert_exit(&o, 0);
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("written:"));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(text.contains("<h1>Museum wing — as is</h1>"));
    assert!(text.contains("<dd>2026-12-14</dd>"));
    // Without --date and without a date in the file: today's, from the clock.
    let o = run(&["report", &wing, "--format", "html"]);
    assert_exit(&o, 0);
    let dated = stdout(&o);
    let at = dated.find("<dt>Date</dt><dd>").unwrap() + "<dt>Date</dt><dd>".len();
    let date = &dated[at..at + 10];
    assert!(
        blindspot::scenario::parse_date(date).is_ok(),
        "not a date: {date}"
    );

    let o = run(&["report", &wing, "--format", "svg"]);
    assert_exit(&o, 0);
    let svg = stdout(&o);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));

    let o = run(&[
        "report",
        &wing,
        "--format",
        "csv",
        "-o",
        &dir.to_string_lossy(),
    ]);
    assert_exit(&o, 0);
    let report = json_report(&wing);
    let zones = csv_rows(&dir.join("museum-wing-zones.csv"));
    assert_eq!(zones.len(), report["zones"].as_array().unwrap().len());
    for (row, zone) in zones.iter().zip(report["zones"].as_array().unwrap()) {
        assert_eq!(row["zone_id"], zone["id"]);
        let area: f64 = row["area_m2"].as_str().unwrap().parse().unwrap();
        assert!((area - num(zone, "area_m2")).abs() <= 5e-4);
    }
    let cameras = csv_rows(&dir.join("museum-wing-cameras.csv"));
    assert_eq!(cameras.len(), report["cameras"].as_array().unwrap().len());
    let bom = csv_rows(&dir.join("museum-wing-bill-of-materials.csv"));
    let total = bom.iter().find(|r| r["item"] == "Total").unwrap();
    let total: f64 = total["line_total"].as_str().unwrap().parse().unwrap();
    close(total, num(&report["costs"], "total"));

    // One table to standard output.
    let o = run(&["report", &wing, "--format", "csv", "--table", "cameras"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).starts_with("\u{feff}camera_id,model_id,model,"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_document_usage_errors_exit_2() {
    let wing = sample("museum-wing.json");
    for (args, says) in [
        (vec!["--format", "csv"], "-o FOLDER"),
        (
            vec!["--format", "html", "--table", "zones"],
            "--table applies",
        ),
        (
            vec!["--format", "csv", "--table", "rooms"],
            "no table \"rooms\"",
        ),
        (vec!["--format", "html", "--date", "2026-02-30"], "--date:"),
        (
            vec!["--format", "html", "--option", "nope"],
            "--option: no layout",
        ),
        (vec!["--jobs", "0"], "--jobs"),
    ] {
        let mut all = vec!["report", wing.as_str()];
        all.extend(args.iter().copied());
        let o = run(&all);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    // Many sites need a folder to write to.
    let o = run(&["report", &wing, &fixture("two-rooms.json")]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("-o FOLDER"));
}

#[test]
fn text_and_json_to_a_file_are_what_standard_output_gets() {
    let dir = scratch("text-json");
    for format in ["text", "json"] {
        let out = dir.join(format!("report.{format}"));
        let o = run(&[
            "report",
            &fixture("two-rooms.json"),
            "--format",
            format,
            "-o",
            &out.to_string_lossy(),
        ]);
        assert_exit(&o, 0);
        let to_stdout = run(&["report", &fixture("two-rooms.json"), "--format", format]);
        assert_eq!(std::fs::read(&out).unwrap(), to_stdout.stdout);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_batch_reports_every_site_and_summarises_them() {
    let dir = scratch("batch");
    let sites = dir.join("sites");
    std::fs::create_dir_all(sites.join("north")).unwrap();
    std::fs::create_dir_all(sites.join("south")).unwrap();
    std::fs::create_dir_all(sites.join(".hidden")).unwrap();
    std::fs::copy(sample("museum-wing.json"), sites.join("wing.json")).unwrap();
    std::fs::copy(fixture("two-rooms.json"), sites.join("north/rooms.json")).unwrap();
    std::fs::copy(
        fixture("commissioning.json"),
        sites.join("south/rooms.json"),
    )
    .unwrap();
    std::fs::copy(
        fixture("three-errors.json"),
        sites.join("south/broken.json"),
    )
    .unwrap();
    std::fs::copy(fixture("two-rooms.json"), sites.join(".hidden/skip.json")).unwrap();
    std::fs::write(sites.join("notes.txt"), "not a site").unwrap();
    let out = dir.join("out");
    let o = run(&[
        "report",
        &sites.to_string_lossy(),
        "--format",
        "html",
        "-o",
        &out.to_string_lossy(),
        "--jobs",
        "3",
        "--date",
        "2026-12-14",
    ]);
    // One site is invalid: the others are written, and the exit status says so.
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("4 site(s): 3 written, 1 failed"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("broken.json: error: cameras[0].model"));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    // Sorted paths: north/rooms before south/rooms, which takes the -2.
    assert_eq!(
        written,
        ["rooms-2.html", "rooms.html", "summary.csv", "wing.html"]
    );
    assert!(
        std::fs::read_to_string(out.join("rooms-2.html"))
            .unwrap()
            .contains("Hall: commissioning test")
    );
    let rows = csv_rows(&out.join("summary.csv"));
    let sites_seen: Vec<&str> = rows.iter().map(|r| r["site"].as_str().unwrap()).collect();
    assert_eq!(sites_seen, ["rooms", "broken", "rooms-2", "wing"]);
    let status: Vec<&str> = rows.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(status, ["ok", "invalid", "ok", "ok"]);
    // The figures are each site's own report's.
    let report = json_report(&sample("museum-wing.json"));
    let coverage: f64 = rows[3]["coverage"].as_str().unwrap().parse().unwrap();
    assert!((coverage - num(&report, "coverage")).abs() < 1e-6);
    assert_eq!(rows[3]["outputs"], "wing.html");
    // And the table on standard output names every site.
    let table = stdout(&o);
    for site in ["rooms", "broken", "rooms-2", "wing"] {
        assert!(table.lines().any(|l| l.starts_with(site)), "{table}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_batch_of_files_writes_csv_tables_per_site() {
    let dir = scratch("batch-csv");
    let o = run(&[
        "report",
        &fixture("two-rooms.json"),
        &sample("museum-wing.json"),
        "--format",
        "csv",
        "-o",
        &dir.to_string_lossy(),
    ]);
    assert_exit(&o, 0);
    for site in ["two-rooms", "museum-wing"] {
        for table in ["zones", "cameras", "bill-of-materials"] {
            assert!(
                dir.join(format!("{site}-{table}.csv")).is_file(),
                "{site}-{table}"
            );
        }
    }
    let rows = csv_rows(&dir.join("summary.csv"));
    assert_eq!(rows.len(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_that_is_not_utf8_is_invalid_input_with_its_place() {
    let o = run_with_stdin(
        &["validate", "-"],
        b"{\n  \"blindspot\": 1,\n  \"name\": \"Mus\xe9e\"\n}",
    );
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("not valid UTF-8") && err.contains("line 3 column 15"),
        "{err}"
    );
}

#[test]
fn a_file_with_a_byte_order_mark_reads() {
    let text = std::fs::read(fixture("issue-example.json")).unwrap();
    let with_bom = [b"\xef\xbb\xbf".as_slice(), &text].concat();
    let o = run_with_stdin(&["validate", "-"], &with_bom);
    assert_exit(&o, 0);
}
