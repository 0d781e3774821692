#![cfg(not(target_arch = "wasm32"))]
//! The board documents: the SVG drawing, the HTML report and the CSV tables,
//! checked against hand-worked figures and, where it matters, by the tools
//! people open them with (Python's csv and XML parsers, librsvg).

mod common;

use blindspot::document::purpose::{Place, Verdict, check_purposes};
use blindspot::document::recording::recording_plan;
use blindspot::document::{
    self, DrawingOptions, Layers, Overlays, Size, csv, dossier, plan_svg, report_html,
};
use blindspot::session::Session;
use common::{assert_near, closed_wall, placed, rect, scenario, session, zone};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("www/samples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn layouts_of(text: &str) -> Vec<Session> {
    dossier::layouts(Session::from_json(text).expect("valid")).expect("valid options")
}

/// Runs a Python snippet with `input` on standard input; returns its standard
/// output. Python is what the test command already needs.
#[track_caller]
fn python(code: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs (scripts/test.sh needs it too)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Parses XML with Python's strict parser; returns the root's tag.
#[track_caller]
fn xml_root(text: &str) -> String {
    python(
        "import sys, xml.etree.ElementTree as E; print(E.fromstring(sys.stdin.buffer.read()).tag)",
        text,
    )
    .trim()
    .to_string()
}

// ---- The drawing ----

#[test]
fn a_wall_is_drawn_at_the_stated_scale() {
    // A 10 x 5 m room in a 100 x 100 mm box. The frame adds 0.5 m on every
    // side: 11 m across needs 1:110, so the scale is 1:125 and 10 m of wall is
    // 10 000 mm / 125 = 80 mm long on paper.
    let s = scenario(
        vec![closed_wall("room", &rect(0.0, 0.0, 10.0, 5.0))],
        vec![zone("room", &rect(0.0, 0.0, 10.0, 5.0))],
        vec![],
    );
    let session = session(&s);
    let d = plan_svg(
        &session,
        &Overlays::default(),
        &DrawingOptions {
            size: Size::Paper {
                width_mm: 100.0,
                height_mm: 100.0,
            },
            legend: false,
            ..DrawingOptions::default()
        },
    );
    assert_eq!(d.scale, Some(125.0));
    assert!(
        d.svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    );
    assert!(d.svg.contains("width=\"100mm\""), "{}", &d.svg[..200]);
    // The wall's path: the first two points are (0,0) and (10,0) in plan
    // metres, 80 mm apart.
    let walls = &d.svg[d.svg.find("id=\"bs-walls\"").unwrap()..];
    let data = &walls[walls.find(" d=\"M").unwrap() + 5..];
    let data = &data[..data.find('"').unwrap()];
    let points: Vec<(f64, f64)> = data
        .split(['M', 'L'])
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (x, y) = pair.split_once(' ').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    assert_eq!(points.len(), 5, "{data}");
    assert_near(points[1].0 - points[0].0, 80.0, 1e-3);
    assert_near(points[1].1 - points[0].1, 0.0, 1e-3);
    // 5 m of wall north is 40 mm up the page (y grows downwards).
    assert_near(points[2].1 - points[1].1, -40.0, 1e-3);
    // The drawing is as tall as the plan needs: 6 m at 1:125 is 48 mm.
    assert_near(d.height, 48.0, 1e-9);
    assert!(d.svg.contains(">1:125</text>"));
}

#[test]
fn every_wall_zone_and_camera_is_drawn_with_bearings() {
    let text = sample("museum-wing.json");
    let session = Session::from_json(&text).unwrap();
    let scenario = session.scenario();
    let d = document::paper_drawing(&session, 271.0, 184.0, "t");
    let group = |id: &str| {
        let start = d.svg.find(&format!("<g id=\"t-{id}\"")).expect(id);
        let end = start + d.svg[start..].find("</g>").unwrap();
        &d.svg[start..end]
    };
    assert_eq!(
        group("zones").matches("<path").count(),
        scenario.plan.zones.len()
    );
    // Every wall once, windows twice (their light core) and exterior openings
    // twice more (their hazard stripes).
    let windows = scenario
        .plan
        .walls
        .iter()
        .filter(|w| w.kind == blindspot::scenario::WallKind::Window)
        .count();
    let exterior = scenario.plan.walls.iter().filter(|w| w.exterior).count();
    assert_eq!(
        group("walls").matches("<path").count(),
        scenario.plan.walls.len() + windows + 2 * exterior
    );
    // A dot per camera, and a ring for the 360° one.
    assert_eq!(
        group("cameras").matches("<circle").count(),
        scenario.cameras.len() + 1
    );
    // Bearings clockwise from north: the quay camera looks east (file heading
    // 0), the gallery-west one at 335° counter-clockwise from east is 115°.
    assert!(d.svg.contains(">quay-east 090° E</text>"));
    assert!(d.svg.contains(">gallery-west 115° ESE</text>"));
    assert!(d.svg.contains(">rotunda 360°</text>"));
    // The listed blind spots, numbered.
    let (spots, _) = blindspot::report::blind_spot_list(&session);
    assert_eq!(group("blind").matches("<path").count(), spots.len());
    assert!(d.svg.contains(">B1</text>"));
    assert_eq!(xml_root(&d.svg), "{http://www.w3.org/2000/svg}svg");
}

/// A scenario whose texts try to become markup.
fn hostile() -> blindspot::scenario::Scenario {
    let mut s = scenario(
        vec![closed_wall("w<1>", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![zone("z", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![placed(
            "cam\"]]></text><script>x()</script>",
            1.0,
            1.0,
            45.0,
            90.0,
            8.0,
        )],
    );
    s.name = "<script>alert('name')</script> & co".to_string();
    s.plan.zones[0].name = "=HYPERLINK(\"http://evil\",\"x\") <b>\u{1}".to_string();
    s.settings.report.title = Some("</style><script>alert(1)</script>\"".to_string());
    s.settings.report.client = Some("<img src=x onerror=alert(1)>".to_string());
    s
}

#[test]
fn scenario_text_never_becomes_markup() {
    let session = session(&hostile());
    let svg = document::paper_drawing(&session, 180.0, 120.0, "h").svg;
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;x()&lt;/script&gt;"));
    assert!(!svg.contains('\u{1}'));
    assert_eq!(xml_root(&svg), "{http://www.w3.org/2000/svg}svg");

    let layouts = dossier::layouts(session).unwrap();
    let html = report_html(&layouts, 0, Some("2026-12-14"));
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an image tag got through");
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // The title also goes into the page margins, as a CSS string: escaped so
    // it can end neither the string nor the style element.
    // The margins' text is the second style element.
    let style = &html[html.rfind("<style>").unwrap()..html.rfind("</style>").unwrap()];
    assert!(!style.contains("</"), "the style holds an end tag");
    assert!(style.contains("\\3c \\2f style\\3e "));
}

#[test]
fn layers_can_be_left_out_and_ids_prefixed() {
    let text = sample("museum-wing.json");
    let session = Session::from_json(&text).unwrap();
    let d = plan_svg(
        &session,
        &document::overlays(&session),
        &DrawingOptions {
            size: Size::Pixels {
                width: 1200,
                height: 700,
            },
            layers: Layers {
                views: false,
                blind_spots: false,
                ..Layers::default()
            },
            id_prefix: "x9".to_string(),
            ..DrawingOptions::default()
        },
    );
    assert_eq!((d.width, d.height), (1200.0, 700.0));
    assert!(d.svg.contains("width=\"1200\" height=\"700\""));
    assert!(d.scale.is_none());
    assert!(!d.svg.contains("<g id=\"x9-views\""));
    assert!(!d.svg.contains("<g id=\"x9-blind\""));
    assert!(d.svg.contains("<g id=\"x9-walls\""));
    assert!(!d.svg.contains("id=\"bs-"));
}

/// rsvg-convert, the non-browser renderer, reads the SVG and renders it at
/// its stated size: 271 mm at 96 dpi is 1024 px. Runs where librsvg is
/// installed (scripts/lib.sh installs it for the test command).
#[test]
fn librsvg_renders_the_drawing() {
    if Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("rsvg-convert not installed: skipped (apt-get install librsvg2-bin)");
        return;
    }
    let text = sample("museum-wing.json");
    let session = Session::from_json(&text).unwrap();
    let d = document::paper_drawing(&session, 271.0, 184.0, "r");
    let mut child = Command::new("rsvg-convert")
        .args(["--format", "png"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(d.svg.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "rsvg-convert failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = out.stdout;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    // rsvg rounds a fractional size up.
    assert_eq!(width, (271.0f64 / 25.4 * 96.0).ceil() as u32);
    assert_eq!(height, (d.height / 25.4 * 96.0).ceil() as u32);
    // A drawing, not an empty page: compressed, it still takes room.
    assert!(png.len() > 50_000, "{} bytes", png.len());
}

// ---- Recording, purposes ----

#[test]
fn recording_is_sized_by_the_documented_model() {
    let session = Session::from_json(&fixture("commissioning.json")).unwrap();
    let plan = recording_plan(session.scenario());
    let by_id = |id: &str| plan.cameras.iter().find(|c| c.id == id).unwrap();
    // Settings: H.264, 10 fps, low activity, 14 days, 24 h a day.
    // c1: 2000 x 1500 x 10 x 1 x 0.07 = 2.1 Mbit/s; 2.1 Mbit/s is 262,500 B/s,
    // 22.68 GB a day, 0.31752 TB in 14 days.
    assert_near(by_id("c1").bitrate_mbps.unwrap(), 2.1, 1e-12);
    assert_near(by_id("c1").storage_tb.unwrap(), 0.31752, 1e-12);
    // c2 states 8 Mbit/s: 8 x 0.0108 x 14 = 1.2096 TB.
    assert_near(by_id("c2").bitrate_mbps.unwrap(), 8.0, 0.0);
    assert_near(by_id("c2").storage_tb.unwrap(), 1.2096, 1e-12);
    // c3: H.265 at 25 fps, high activity: 2000 x 1500 x 25 x 4 x 0.07 x 0.6 =
    // 12.6 Mbit/s, 1.90512 TB.
    assert_near(by_id("c3").bitrate_mbps.unwrap(), 12.6, 1e-12);
    assert_near(by_id("c3").storage_tb.unwrap(), 1.90512, 1e-12);
    // c5 has no model: no resolution, no estimate, left out of the totals.
    assert!(by_id("c5").bitrate_mbps.is_none());
    assert_eq!(plan.unsized_cameras, 1);
    assert_near(plan.total_mbps, 2.1 + 8.0 + 12.6 + 2.1, 1e-12);
    assert_near(plan.total_tb, 0.31752 + 1.2096 + 1.90512 + 0.31752, 1e-12);
    // 3.75 TB on 1 TB recorders: 4; 5 cameras on 2 channels: 3; so 4.
    assert_eq!(plan.recorders_for_storage, 4);
    assert_eq!(plan.recorders_for_channels, 3);
    assert_eq!(plan.recorders, 4);
}

#[test]
fn purposes_are_checked_against_what_the_camera_sees() {
    let session = Session::from_json(&fixture("commissioning.json")).unwrap();
    let checks = check_purposes(&session);
    assert_eq!(checks.len(), 4);
    let by_id = |id: &str| checks.iter().find(|c| c.camera_id == id).unwrap();
    // The camera is 3 m up, targets 1.6 m: 1.4 m above them. Its lens gives
    // 2000 / (2 tan 45°) = 1000 px per radian, so density is 1000 / slant.
    // The point 4 m along the axis is sqrt(16 + 1.96) = 4.2379 m away:
    // 235.97 px/m, short of identify (250), enough to recognise (125).
    let c1 = by_id("c1");
    assert_near(c1.density_px_per_m.unwrap(), 1000.0 / 17.96f64.sqrt(), 1e-9);
    assert!(matches!(c1.verdict, Verdict::Short(_)), "{:?}", c1.verdict);
    assert_eq!(c1.place, Place::Point { x: 4.5, y: 5.0 });
    assert_eq!(by_id("c2").verdict, Verdict::Met);
    // Identify holds to sqrt(4² - 1.4²) = 3.747 m; the case spans 3 to 5 m
    // along the axis and ±1 m across. The share of it within 3.747 m is
    // ∫ max(0, sqrt(r² - y²) - 3) dy over y in [-1, 1], over its 4 m².
    let r2: f64 = 16.0 - 1.96;
    let n = 100_000;
    let share: f64 = (0..n)
        .map(|i| {
            let y = -1.0 + 2.0 * (i as f64 + 0.5) / n as f64;
            ((r2 - y * y).sqrt() - 3.0).max(0.0) * 2.0 / n as f64
        })
        .sum::<f64>()
        / 4.0;
    let c3 = by_id("c3");
    // The view's range boundary is a chord polygon within 5 mm of the circle.
    assert_near(c3.zone_share.unwrap(), share, 0.005);
    assert!(matches!(c3.verdict, Verdict::Short(_)));
    // Recognise holds to sqrt(8² - 1.4²) = 7.88 m: the whole case.
    let c4 = by_id("c4");
    assert_near(c4.zone_share.unwrap(), 1.0, 1e-6);
    assert_eq!(c4.verdict, Verdict::Met);
}

#[test]
fn a_purpose_naming_an_unknown_zone_or_task_is_an_error_with_its_place() {
    let mut text = fixture("commissioning.json");
    text = text.replacen("\"zone\": \"case\"", "\"zone\": \"vault\"", 1);
    text = text.replacen("\"task\": \"recognise\"", "\"task\": \"recognize\"", 1);
    let err = Session::from_json(&text).unwrap_err().to_string();
    assert!(
        err.contains("cameras[2].purpose.zone: no zone \"vault\""),
        "{err}"
    );
    assert!(
        err.contains("cameras[1].purpose.task: unknown task \"recognize\""),
        "{err}"
    );
    // Both range problems at once.
    let bad = fixture("commissioning.json")
        .replacen("\"date\": \"2026-01-31\"", "\"date\": \"31/01/2026\"", 1)
        .replacen("\"fps\": 10", "\"fps\": 0", 1);
    let err = Session::from_json(&bad).unwrap_err().to_string();
    assert!(
        err.contains("settings.report.date: expected a date as YYYY-MM-DD"),
        "{err}"
    );
    assert!(
        err.contains("settings.recording.fps: frame rate must be more than 0"),
        "{err}"
    );
    let bad =
        fixture("commissioning.json").replacen("\"codec\": \"h264\"", "\"codec\": \"mjpeg\"", 1);
    let err = Session::from_json(&bad).unwrap_err().to_string();
    assert!(
        err.contains(
            "settings.recording.codec: unknown codec \"mjpeg\" (expected one of: h264, h265)"
        ),
        "{err}"
    );
}

#[test]
fn the_document_fields_round_trip_through_the_file() {
    let (s, _) = blindspot::scenario::Scenario::from_json(&fixture("commissioning.json")).unwrap();
    let (again, _) = blindspot::scenario::Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(s, again);
    assert_eq!(
        s.settings.report.client.as_deref(),
        Some("Client & Co <ltd>")
    );
    assert_eq!(s.settings.recording.recorder_channels, 2);
    assert_eq!(s.cameras[2].recording.as_ref().unwrap().fps, Some(25.0));
    // A file without them writes none of them.
    let plain = sample("museum-wing.json");
    let (p, _) = blindspot::scenario::Scenario::from_json(&plain).unwrap();
    let json: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    // ("recording" may appear as a value: a camera used for recording only.)
    let settings = &json["settings"];
    assert!(settings.get("recording").is_none() && settings.get("report").is_none());
    for camera in json["cameras"].as_array().unwrap() {
        assert!(camera.get("recording").is_none() && camera.get("purpose").is_none());
    }
}

// ---- The report and its tables ----

#[test]
fn the_report_holds_the_title_block_and_the_figures() {
    let layouts = layouts_of(&fixture("commissioning.json"));
    let html = report_html(&layouts, 0, None);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for text in [
        "<h1>Hall: commissioning test</h1>",
        "<dd>Test site</dd>",
        "<dd>Client &amp; Co &lt;ltd&gt;</dd>",
        "<dd>A. Author</dd>",
        "<dd>2026-01-31</dd>",
        "<dd>B</dd>",
        "Confidential: security plan",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    // Standalone: no script, no reference to another file, a policy that
    // forbids both.
    assert!(!html.contains("<script"));
    for attr in [" src=", " href=", "url(http", "@import"] {
        assert!(!html.contains(attr), "found {attr}");
    }
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\">"
    ));
    // The figures are the report's.
    let summary = layouts[0].summary();
    let shown = blindspot::document::format::percent(summary.coverage);
    assert!(html.contains(&format!("<p class=\"figure\">{shown}</p>")));
    // c1 and c3 miss their purpose: named on page one.
    assert!(html.contains("2 of 4 cameras with a stated purpose do not meet it: c1, c3."));
    // The other layout: c6 added; c3, c4, c5 removed; c1 moved.
    assert!(html.contains("<li>Added: c6.</li>"));
    assert!(html.contains("<li>Removed: c3, c4, c5.</li>"));
    assert!(html.contains("<li>Moved: c1.</li>"));
    // Recording totals, and the camera the model cannot size.
    assert!(html.contains("24.8 Mbit/s"));
    assert!(html.contains("3.75 TB"));
    assert!(html.contains("1 camera has no bitrate estimate"));
    // One checklist per camera, with the bearing to set.
    assert_eq!(html.matches("<div class=\"checklist\">").count(), 5);
    assert!(html.contains("Aimed at bearing 090° E (within ±2°)"));
    // The date given by the caller wins over the file's.
    let dated = report_html(&layouts, 0, Some("2027-03-01"));
    assert!(dated.contains("<dd>2027-03-01</dd>") && !dated.contains("2026-01-31"));
}

#[test]
fn the_compliance_statement_names_the_scheme_and_its_thresholds() {
    let layouts = layouts_of(&fixture("commissioning.json"));
    let html = report_html(&layouts, 0, None);
    assert!(html.contains(
        "follow EN 62676-4:2015 (DORI): identify 250 px/m, recognise 125 px/m, observe 62.5 px/m, detect 25 px/m"
    ));
    // Own levels are named as such.
    let own = fixture("commissioning.json").replacen(
        "\"settings\": {",
        "\"settings\": { \"density_levels\": [{\"name\": \"identify\", \"px_per_m\": 500}, {\"name\": \"recognise\", \"px_per_m\": 125}],",
        1,
    );
    let html = report_html(&layouts_of(&own), 0, None);
    assert!(html.contains(
        "follow the scenario's own density levels: identify 500 px/m, recognise 125 px/m"
    ));
}

#[test]
fn csv_tables_parse_with_python_and_match_the_report() {
    let layouts = layouts_of(&sample("museum-wing.json"));
    let d = dossier::build(&layouts, 0, None);
    let summary = layouts[0].summary();
    let zones = csv::zones(&d);
    assert!(zones.starts_with(csv::BOM));
    assert!(zones.ends_with("\r\n"));
    // Python reads it as a spreadsheet would; we sum its areas.
    let out = python(
        "import csv, io, sys\n\
         rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))\n\
         print(len(rows), sum(float(r['area_m2']) for r in rows), sum(float(r['covered_m2']) for r in rows))",
        &zones,
    );
    let parts: Vec<f64> = out.split_whitespace().map(|x| x.parse().unwrap()).collect();
    assert_eq!(parts[0] as usize, summary.zones.len());
    let area: f64 = summary.zones.iter().map(|z| z.area_m2).sum();
    let covered: f64 = summary.zones.iter().map(|z| z.covered_area_m2).sum();
    assert_near(parts[1], area, 1e-3 * summary.zones.len() as f64);
    assert_near(parts[2], covered, 1e-3 * summary.zones.len() as f64);

    let cameras = csv::cameras(&d);
    let out = python(
        "import csv, io, sys\n\
         rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))\n\
         print(len(rows), rows[0]['camera_id'], rows[0]['bearing'], rows[0]['identify_reach_m'] != '')",
        &cameras,
    );
    assert_eq!(
        out.trim(),
        format!("{} quay-east 090° E True", summary.cameras.len())
    );

    let bom = csv::bill_of_materials(&d);
    let out = python(
        "import csv, io, sys\n\
         rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))\n\
         lines = [r for r in rows if r['quantity']]\n\
         total = [r for r in rows if r['item'] == 'Total'][0]\n\
         print(sum(int(r['quantity']) for r in lines), sum(float(r['line_total']) for r in lines), float(total['line_total']))",
        &bom,
    );
    let parts: Vec<f64> = out.split_whitespace().map(|x| x.parse().unwrap()).collect();
    assert_eq!(parts[0] as usize, summary.cameras.len());
    assert_near(parts[1], summary.costs.total, 1e-6);
    assert_near(parts[2], summary.costs.total, 1e-6);
}

#[test]
fn csv_text_cells_cannot_become_formulas() {
    let layouts = dossier::layouts(session(&hostile())).unwrap();
    let d = dossier::build(&layouts, 0, None);
    let zones = csv::zones(&d);
    let out = python(
        "import csv, io, sys\n\
         rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))\n\
         print(repr(rows[0]['zone']))",
        &zones,
    );
    // Read back: the text with an apostrophe in front, whole (quotes and all).
    assert_eq!(
        out.trim(),
        "'\\'=HYPERLINK(\"http://evil\",\"x\") <b>\\x01'"
    );
}

/// The page opens the report in one of its tabs, which inherits the page's
/// Content-Security-Policy: that policy allows the report's stylesheet by its
/// hash, so the hash in www/index.html must be the stylesheet's.
#[test]
fn the_page_allows_the_report_stylesheet_by_its_hash() {
    let layouts = layouts_of(&sample("museum-wing.json"));
    let html = report_html(&layouts, 0, None);
    let start = html.find("<style>").unwrap() + "<style>".len();
    let end = start + html[start..].find("</style>").unwrap();
    let hash = python(
        "import sys, hashlib, base64; print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())",
        &html[start..end],
    );
    let page =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/index.html"))
            .unwrap();
    let csp = page
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .unwrap();
    assert!(
        csp.contains(&format!("'sha256-{}'", hash.trim())),
        "www/index.html's style-src must hold 'sha256-{}' (the report stylesheet changed: update the page's CSP)",
        hash.trim()
    );
}

/// An exterior opening the route analysis cannot follow (here an interior
/// door marked exterior: rooms on both sides, so no outside) is named in the
/// document with the analysis's reason, never dropped from "the most
/// vulnerable way in" without a word.
#[test]
fn a_way_in_the_analysis_cannot_follow_is_named_not_dropped() {
    let mut s: serde_json::Value = serde_json::from_str(&sample("museum-wing.json")).unwrap();
    let walls = s["plan"]["walls"].as_array_mut().unwrap();
    let door = walls
        .iter_mut()
        .find(|w| w["id"] == "rotunda-doors")
        .unwrap();
    door["exterior"] = serde_json::Value::Bool(true);
    let session = Session::from_json(&s.to_string()).expect("valid");
    let search = dossier::vulnerable_path(&session);
    assert_eq!(search.not_analysed.len(), 1, "{:?}", search.not_analysed);
    let left_out = &search.not_analysed[0];
    assert_eq!(left_out.opening, "rotunda-doors");
    assert!(
        left_out.reason.starts_with(
            "it has rooms on both sides, or no zone says which side is in, so it has no outside"
        ),
        "{}",
        left_out.reason
    );
    // The real ways in are still compared, and the door is not among them.
    let path = search
        .path
        .expect("the balcony and the windows give routes");
    assert!(path.tried.iter().all(|(o, _)| o != "rotunda-doors"));
    assert!(path.tried.iter().any(|(o, _)| o == "balcony"));

    let html = report_html(&dossier::layouts(session).unwrap(), 0, Some("2026-12-14"));
    assert!(
        html.contains("1 exterior opening could not be analysed for the most vulnerable way in"),
        "page one says so"
    );
    assert!(
        html.contains("Not analysed, so not part of this comparison: rotunda-doors (it has rooms on both sides"),
        "the section names it with the reason"
    );
}

/// The sample as shipped: every exterior opening is followed, so nothing is
/// said about openings left out.
#[test]
fn the_museum_sample_leaves_no_way_in_unanalysed() {
    let session = Session::from_json(&sample("museum-wing.json")).expect("valid");
    let search = dossier::vulnerable_path(&session);
    assert_eq!(search.not_analysed, Vec::new());
    assert!(search.path.is_some());
    let html = report_html(&dossier::layouts(session).unwrap(), 0, Some("2026-12-14"));
    assert!(!html.contains("could not be analysed"));
}
