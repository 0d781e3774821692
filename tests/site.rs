//! A site of levels: hand-built plans of two and three levels with their totals
//! worked by hand, the levels' sums equal to the site's, each level equal to
//! its slice opened alone, and the command line's per-level report.

use blindspot::scenario::Scenario;
use blindspot::session::Session;
use blindspot::site::{Headline, Site};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Command, Output};

const THREE_LEVELS: &str = include_str!("fixtures/levels/quay-and-two-floors.json");

fn site_of(text: &str) -> Site {
    let (s, warnings) = Scenario::from_json(text).unwrap();
    Site::new(s, warnings).unwrap()
}

#[track_caller]
fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} != {b}");
}

/// Area, covered area and coverage of a headline.
#[track_caller]
fn figures(h: &Headline, area: f64, covered: f64) {
    close(h.target_area_m2, area);
    close(h.covered_area_m2, covered);
    close(h.coverage, covered / area);
    close(h.blind_area_m2, area - covered);
}

/// The fixture, worked by hand:
/// - site (Quay, 20 x 10 = 200 m²): bullet q1 (90°) at the middle (10, 5)
///   looking east sees {10 ≤ x ≤ 20, |y - 5| ≤ x - 10} within the quay: 25 m²
///   up to x = 15, then the full 10 m width for 5 m: 25 + 50 = 75 m²;
/// - ground (hall + shop, 200 m²): dome g1 (360°) in the closed hall sees all of
///   its 100 m², the shop none;
/// - first (gallery 100 m², a 4 m² display case inside it): bullet f1 at the
///   gallery's middle looking east sees the triangle (5, 5), (10, 0), (10, 10):
///   25 m², the case [7, 9] x [4, 6] inside it whole.
#[test]
fn three_levels_have_the_totals_worked_by_hand() {
    let site = site_of(THREE_LEVELS);
    let (levels, whole) = site.headlines();
    assert_eq!(levels.len(), 3);
    figures(&levels[0], 200.0, 75.0);
    figures(&levels[1], 200.0, 100.0);
    figures(&levels[2], 100.0, 25.0);
    // The site: 200 of 500 m², 40 % (averaging the levels would say 37.5 %).
    figures(&whole, 500.0, 200.0);
    close(whole.coverage, 0.4);
    // Weighted (all priorities 1): zones without a requirement count their
    // coverage, with one their coverage at it: quay 75 + hall 0 + shop 0 +
    // gallery 25 + case 4, over 200 + 100 + 100 + 100 + 4.
    close(whole.weighted_coverage, 104.0 / 504.0);
    // Required levels: hall (detect) is seen by a dome without a resolution,
    // so at no density; the shop by nothing; the case at observe, whole.
    let met: Vec<(usize, usize)> = levels
        .iter()
        .map(|h| (h.zones_meeting, h.zones_with_requirement))
        .collect();
    assert_eq!(met, [(0, 0), (0, 2), (1, 1)]);
    assert_eq!((whole.zones_meeting, whole.zones_with_requirement), (1, 3));
    // Densities: only f1 has a resolution (4000 px over 90°: at most 7.1 m
    // away, ≥ 283 px/m, so identify holds over all its 25 m²).
    for band in &whole.levels {
        close(band.covered_area_m2, 25.0);
        close(band.coverage, 25.0 / 500.0);
    }
    // Costs: bullet 400 + 100, dome 700 + 150, hd 900 + 100.
    let totals: Vec<f64> = levels.iter().map(|h| h.costs.total).collect();
    assert_eq!(totals, [500.0, 850.0, 1000.0]);
    assert_eq!(whole.costs.total, 2350.0);
    assert_eq!(whole.costs.hardware, 2000.0);
    assert_eq!(whole.cameras, 3);
}

/// Two floors of the same footprint (20 x 10 m): a dome sees the whole ground
/// floor; upstairs a wall divides the floor at x = 10 and there is no camera.
/// Flattened into one plan the upstairs wall would hide half the ground floor.
fn two_floors() -> Value {
    let room = json!([[0, 0], [20, 0], [20, 10], [0, 10]]);
    json!({
        "blindspot": 1,
        "name": "Two floors",
        "levels": [
            { "id": "ground", "name": "Ground", "elevation_m": 0.0 },
            { "id": "upper", "name": "Upper", "elevation_m": 4.0 }
        ],
        "connections": [
            { "id": "lift", "kind": "lift", "from": { "level": "ground", "x": 19.0, "y": 9.0 }, "to": { "level": "upper", "x": 19.0, "y": 9.0 } }
        ],
        "plan": {
            "walls": [
                { "id": "g", "path": [[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]] },
                { "id": "u", "level": "upper", "path": [[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]] },
                { "id": "divider", "level": "upper", "path": [[10, 0], [10, 10]] }
            ],
            "zones": [
                { "id": "ground-room", "priority": 2, "polygon": room },
                { "id": "upper-west", "level": "upper", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] },
                { "id": "upper-east", "level": "upper", "polygon": [[10, 0], [20, 0], [20, 10], [10, 10]] }
            ]
        },
        "catalog": [ { "id": "dome", "hfov_deg": 360, "range_m": 100, "unit_price": 300, "install_cost": 50 } ],
        "cameras": [ { "id": "d", "model": "dome", "position": [5, 5], "heading_deg": 0 } ]
    })
}

#[test]
fn two_levels_never_see_through_each_other() {
    let site = site_of(&two_floors().to_string());
    let (levels, whole) = site.headlines();
    figures(&levels[0], 200.0, 200.0);
    figures(&levels[1], 200.0, 0.0);
    figures(&whole, 400.0, 200.0);
    // Weighted: 2 x 200 seen, over 2 x 200 + 100 + 100.
    close(whole.weighted_coverage, 400.0 / 600.0);
    assert_eq!(levels[1].costs.total, 0.0);
    assert_eq!(whole.costs.total, 350.0);
    // The same file without levels (one flat plan) would lose the east half
    // behind the upstairs divider: the levels really are apart.
    let mut flat = two_floors();
    flat.as_object_mut().unwrap().remove("levels");
    flat.as_object_mut().unwrap().remove("connections");
    for list in ["walls", "zones"] {
        for item in flat["plan"][list].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("level");
        }
    }
    let flat = Session::from_json(&flat.to_string()).unwrap();
    assert!(flat.summary().covered_area_m2 < 150.0);
}

#[test]
fn the_levels_add_up_to_the_site() {
    for text in [THREE_LEVELS.to_string(), two_floors().to_string()] {
        let site = site_of(&text);
        let (levels, whole) = site.headlines();
        let sum = |f: &dyn Fn(&Headline) -> f64| levels.iter().map(f).sum::<f64>();
        close(sum(&|h| h.target_area_m2), whole.target_area_m2);
        close(sum(&|h| h.covered_area_m2), whole.covered_area_m2);
        close(
            sum(&|h| h.multi_covered_area_m2),
            whole.multi_covered_area_m2,
        );
        close(sum(&|h| h.blind_area_m2), whole.blind_area_m2);
        close(sum(&|h| h.costs.total), whole.costs.total);
        close(sum(&|h| h.costs.hardware), whole.costs.hardware);
        for (i, band) in whole.levels.iter().enumerate() {
            close(sum(&|h| h.levels[i].covered_area_m2), band.covered_area_m2);
        }
        assert_eq!(
            levels.iter().map(|h| h.cameras).sum::<usize>(),
            whole.cameras
        );
        assert_eq!(
            levels.iter().map(|h| h.zones_meeting).sum::<usize>(),
            whole.zones_meeting
        );
        assert_eq!(
            levels
                .iter()
                .map(|h| h.zones_with_requirement)
                .sum::<usize>(),
            whole.zones_with_requirement
        );
        // The full report agrees with the headlines.
        let report = site.report();
        assert_eq!(report.site, whole);
        for (l, h) in report.levels.iter().zip(&levels) {
            assert_eq!(&l.headline, h);
        }
    }
}

#[test]
fn a_level_is_its_slice_opened_alone() {
    let (scenario, _) = Scenario::from_json(THREE_LEVELS).unwrap();
    let site = Site::new(scenario.clone(), Default::default()).unwrap();
    let report = site.report();
    for level in scenario.levels() {
        // The slice written as a file and read back, as a user would open it.
        let text = scenario.level_slice(&level.id).unwrap().to_json();
        let alone = Session::from_json(&text).unwrap().report();
        let of_site = report.levels.iter().find(|l| l.id == level.id).unwrap();
        assert_eq!(of_site.report, alone, "level {}", level.id);
    }
}

#[test]
fn a_file_without_levels_is_a_site_of_one() {
    let text = include_str!("fixtures/two-rooms.json");
    let site = site_of(text);
    let session = Session::from_json(text).unwrap();
    let (levels, whole) = site.headlines();
    assert_eq!(levels.len(), 1);
    assert_eq!(site.report().levels[0].report, session.report());
    assert_eq!(whole.overall, session.summary().overall);
}

// ---- the command line ----

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_cli_reports_each_level_and_the_site() {
    let file = fixture("levels/quay-and-two-floors.json");
    let out = bin(&["report", &file]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no row {name} in\n{text}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let site = row("whole site");
    assert_eq!(&site[2..5], ["500.00", "200.00", "40.0%"], "{text}");
    assert!(row("First floor").contains(&"25.0%".to_string()));
    for section in [
        "Level 1 of 3: Quay (site, 0.0 m)",
        "Level 2 of 3: Ground floor (ground, 0.0 m)",
        "Level 3 of 3: First floor (first, 5.5 m)",
    ] {
        assert!(text.contains(section), "no section {section} in\n{text}");
    }

    let out = bin(&["report", "--format", "json", &file]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["site"]["target_area_m2"], 500.0);
    assert_eq!(v["site"]["coverage"], 0.4);
    assert_eq!(v["site"]["zones_meeting"], 1);
    assert_eq!(v["site"]["costs"]["total"], 2350.0);
    assert_eq!(v["levels"][2]["id"], "first");
    assert_eq!(v["levels"][2]["report"]["covered_area_m2"], 25.0);
    assert_eq!(v["connections"][1]["kind"], "stair");
}

#[test]
fn the_cli_report_of_one_level_is_the_sessions_report() {
    // Exactly the report a file without levels always had: the session's,
    // written pretty, with no site fields.
    let file = fixture("two-rooms.json");
    let out = bin(&["report", "--format", "json", &file]);
    let session = Session::from_json(include_str!("fixtures/two-rooms.json")).unwrap();
    let expected = serde_json::to_string_pretty(&session.report()).unwrap() + "\n";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    let text = String::from_utf8(bin(&["report", &file]).stdout).unwrap();
    assert_eq!(text, blindspot::report::render_text(&session.report()));
}

#[test]
fn commands_for_one_plan_refuse_several_levels_with_what_works() {
    let file = fixture("levels/quay-and-two-floors.json");
    for args in [
        vec!["export", file.as_str()],
        vec!["report", "--format", "html", file.as_str()],
    ] {
        let out = bin(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("3 levels: Quay (site), Ground floor (ground), First floor (first)")
                && err.contains("blindspot report")
                && err.contains(&format!("`blindspot {}", args[0])),
            "{args:?}: {err}"
        );
    }
    let out = bin(&["validate", &file]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("valid: 3 level(s), 2 connection(s), 4 wall(s), 5 zone(s), 3 camera(s)")
    );
}

#[test]
fn the_cli_optimises_a_site_within_one_budget() {
    let file = fixture("levels/quay-and-two-floors.json");
    let out_file = std::env::temp_dir().join(format!("site-opt-{}.json", std::process::id()));
    let out_path = out_file.to_string_lossy().into_owned();
    let out = bin(&["optimize", &file, "--budget", "3000", "-o", &out_path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("over 3 levels"), "{text}");
    let (written, _) = Scenario::from_json(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    std::fs::remove_file(&out_file).unwrap();
    assert!(written.has_several_levels());
    // Nothing existing is kept (the default removes the cameras, at no removal
    // cost here): the layout's catalogue price is its spend, within the budget.
    let site = Site::new(written, Default::default()).unwrap();
    let (levels, whole) = site.headlines();
    assert!(whole.costs.total <= 3000.0, "{}", whole.costs.total);
    assert!(levels.iter().all(|h| h.cameras > 0));
    // Other goals are not split over levels yet: said so, exit 2.
    let out = bin(&["optimize", &file, "--cameras", "3", "-o", &out_path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--budget"));
}

/// Two floors, each with one exterior opening: a window on the ground floor
/// (watched by a dome), a balcony railing upstairs (no camera).
fn window_and_balcony() -> Value {
    json!({
        "blindspot": 1,
        "name": "Window and balcony",
        "levels": [
            { "id": "ground", "elevation_m": 0.0 },
            { "id": "first", "elevation_m": 5.0 }
        ],
        "plan": {
            "walls": [
                { "id": "g-walls", "path": [[6, 0], [10, 0], [10, 10], [0, 10], [0, 0], [4, 0]] },
                { "id": "g-window", "kind": "window", "exterior": true, "path": [[4, 0], [6, 0]] },
                { "id": "f-walls", "level": "first", "path": [[6, 0], [10, 0], [10, 10], [0, 10], [0, 0], [4, 0]] },
                { "id": "balcony", "level": "first", "kind": "railing", "exterior": true, "path": [[4, 0], [6, 0]] }
            ],
            "zones": [
                { "id": "hall", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] },
                { "id": "salon", "level": "first", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] }
            ]
        },
        "catalog": [ { "id": "dome", "hfov_deg": 360, "range_m": 100, "resolution_px": [2688, 1520], "vfov_deg": 180 } ],
        "cameras": [ { "id": "d", "model": "dome", "position": [5, 5], "heading_deg": 0 } ]
    })
}

#[test]
fn the_audit_covers_the_openings_of_every_level() {
    let (scenario, _) = Scenario::from_json(&window_and_balcony().to_string()).unwrap();
    let site = Site::new(scenario.clone(), Default::default()).unwrap();
    let audit = site.audit();
    let ids = |i: usize| -> Vec<String> {
        audit.levels[i]
            .audit
            .openings
            .iter()
            .map(|o| o.id.clone())
            .collect()
    };
    assert_eq!(ids(0), ["g-window"]);
    assert_eq!(ids(1), ["balcony"], "the balcony upstairs is audited");
    assert_eq!(audit.headline.openings_audited, 2);
    let met: usize = audit
        .levels
        .iter()
        .map(|l| l.audit.headline.openings_met)
        .sum();
    assert_eq!(audit.headline.openings_met, met);
    // Nobody watches the balcony.
    assert_eq!(audit.levels[1].audit.headline.openings_met, 0);
    // Each level's audit is its slice's, audited alone.
    for (l, level) in audit.levels.iter().zip(scenario.levels()) {
        let alone =
            Session::new(scenario.level_slice(&level.id).unwrap(), Default::default()).unwrap();
        assert_eq!(l.audit, blindspot::analysis::audit(&alone), "{}", level.id);
    }
    let seen: f64 = audit.seen_by_m2.iter().sum();
    close(seen, 200.0);
}

#[test]
fn the_cli_audits_every_level() {
    let file = fixture("levels/quay-and-two-floors.json");
    let out = bin(&["audit", &file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("3 levels audited"), "{text}");
    // Hall and shop (detect) are not met, the display case (observe) is.
    assert!(
        text.contains("zones meeting their required level: 1 of 3"),
        "{text}"
    );
    assert!(text.contains("Level 3 of 3: First floor (first)"), "{text}");
    let out = bin(&["audit", "--format", "json", &file]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["levels"].as_array().unwrap().len(), 3);
    assert_eq!(v["headline"]["zones_required"], 3);
}
