//! Routes across levels: hand-built sites of two levels joined by stairs and
//! lifts, with the route's legs, lengths, times and probability of
//! interruption worked by hand.
//!
//! The walk grid's cells are 0.25 m from 2 m outside the plan (a plan from 0 to
//! 10 m has cell centres at 0.125, 0.375, …), so every start, stair and lift
//! below sits on a cell centre and the straight legs are measured exactly.

use blindspot::analysis::route::{SitePath, SiteRouteReport, SiteStart, site_route};
use blindspot::analysis::{RouteError, RouteOptions};
use blindspot::geometry::Point;
use blindspot::scenario::Scenario;
use blindspot::site::Site;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Command;

fn site_of(v: &Value) -> Site {
    let (s, warnings) = Scenario::from_json(&v.to_string()).unwrap();
    Site::new(s, warnings).unwrap()
}

#[track_caller]
fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} != {b} (± {tol})");
}

fn route_of(v: &Value, level: &str, x: f64, y: f64, to: &str) -> SiteRouteReport {
    let start = SiteStart::Point {
        level: level.to_string(),
        at: Point::new(x, y),
    };
    site_route(&site_of(v), &start, to, &RouteOptions::default()).unwrap()
}

fn levels(p: &SitePath) -> Vec<&str> {
    p.legs.iter().map(|l| l.level.as_str()).collect()
}

fn connections(p: &SitePath) -> Vec<&str> {
    p.connections
        .iter()
        .map(|c| c.connection.as_str())
        .collect()
}

/// Two floors 4 m apart, each a closed 10 x 10 m room; on the ground floor a
/// wall at x = 5 with a door (x = 5, y 0..4, 10 s to force, a contact on it);
/// one stair (20 s) at (8.125, 2.125) on both floors; a display case upstairs
/// at [8, 8.25]² (30 s to force). Walking at 1 m/s.
fn one_stair() -> Value {
    json!({
        "blindspot": 1,
        "levels": [
            { "id": "ground", "name": "Ground floor", "elevation_m": 0.0 },
            { "id": "first", "name": "First floor", "elevation_m": 4.0 }
        ],
        "connections": [
            { "id": "stair", "kind": "stair",
              "from": { "level": "ground", "x": 8.125, "y": 2.125 },
              "to": { "level": "first", "x": 8.125, "y": 2.125 }, "time_s": 20.0 }
        ],
        "plan": {
            "walls": [
                { "id": "g-room", "level": "ground", "path": [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] },
                { "id": "g-mid", "level": "ground", "path": [[5, 4], [5, 10]] },
                { "id": "g-door", "level": "ground", "kind": "door", "path": [[5, 0], [5, 4]],
                  "delay": { "mean_s": 10.0, "sd_s": 0.0 } },
                { "id": "f-room", "level": "first", "path": [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] }
            ],
            "zones": [
                { "id": "hall", "level": "ground", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] },
                { "id": "gallery", "level": "first", "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]] },
                { "id": "case", "level": "first", "kind": "asset",
                  "polygon": [[8, 8], [8.25, 8], [8.25, 8.25], [8, 8.25]],
                  "delay": { "mean_s": 30.0, "sd_s": 0.0 } }
            ]
        },
        "detectors": [
            { "id": "door-contact", "level": "ground", "kind": "contact", "opening": "g-door", "p_detect": 0.9 }
        ],
        "settings": {
            "walking_speed_m_s": 1.0,
            "response": { "mean_s": 60.0, "sd_s": 10.0, "p_communication": 1.0 }
        }
    })
}

/// The only way up is the stair: every route takes it. By hand: the ground
/// leg runs straight from (2.125, 2.125) through the door to the stair, 6 m;
/// the stair is 4 m (its places are one above the other, 4 m apart); the
/// first-floor leg runs straight up to the nearest cell at the case (the cell
/// centre (8.125, 7.875), within a cell of it), 5.75 m: 15.75 m in all. Time:
/// 6 s walking and 10 s at the door, 20 s on the stair, 5.75 s walking: 41.75 s
/// to the case, 71.75 s with forcing it.
#[test]
fn a_route_upstairs_takes_the_stair_and_adds_its_legs() {
    let r = route_of(&one_stair(), "ground", 2.125, 2.125, "case");
    assert_eq!(
        (r.from_level.as_str(), r.to_level.as_str()),
        ("ground", "first")
    );
    for p in [&r.least_watched, &r.fastest] {
        assert_eq!(levels(p), ["ground", "first"], "{}", p.name);
        assert_eq!(connections(p), ["stair"], "{}", p.name);
        close(p.legs[0].length_m, 6.0, 1e-9);
        close(p.legs[1].length_m, 5.75, 1e-9);
        close(p.connections[0].length_m, 4.0, 1e-12);
        close(p.length_m, 6.0 + 4.0 + 5.75, 1e-9);
        close(p.time_to_asset_s, 6.0 + 10.0 + 20.0 + 5.75, 1e-9);
        close(p.total_time_s, 41.75 + 30.0, 1e-9);
        // The second leg starts where the stair ends, in distance and time.
        close(p.legs[1].start_m, 10.0, 1e-9);
        close(p.legs[1].start_s, 36.0, 1e-9);
        close(p.connections[0].time_s, 16.0, 1e-9);
        assert_eq!(p.legs[0].openings.len(), 1);
        assert_eq!(p.legs[0].openings[0].opening, "g-door");
        close(p.legs[0].openings[0].at_m, 2.875, 1e-9);
        // Nothing watches: unseen all the way.
        assert_eq!(p.seen_m, 0.0);
        assert_eq!(p.first_seen_by, None);
    }
}

/// EASI over the whole route: the door's contact (P_D 0.9) detects at the end
/// of forcing the door, at 2.875 + 10 = 12.875 s; the intruder then still needs
/// 71.75 − 12.875 = 58.875 s (the rest of the ground leg, the stair, the first
/// floor and the case). With the response at 60 ± 10 s:
/// P(I) = 0.9 · Φ((58.875 − 60) / 10) = 0.9 · Φ(−0.1125) = 0.40969.
#[test]
fn the_probability_of_interruption_spans_both_levels() {
    let r = route_of(&one_stair(), "ground", 2.125, 2.125, "case");
    let p = r.most_vulnerable.as_ref().unwrap();
    assert_eq!(p.detections.len(), 1);
    let d = &p.detections[0];
    assert_eq!(d.level, "ground");
    assert_eq!(d.detection.element, "door-contact");
    close(d.detection.time_s, 12.875, 1e-9);
    close(d.detection.remaining_s, 58.875, 1e-9);
    close(p.p_interruption.unwrap(), 0.409_692_136, 1e-6);
    // The critical point: 60 s before the end, at 11.75 s, while forcing the
    // door (the door is passed at 2.875 m).
    let c = p.critical_point.as_ref().unwrap();
    assert_eq!(c.level, "ground");
    assert_eq!(c.in_connection, None);
    close(c.point.time_s, 11.75, 1e-9);
    close(c.point.at_m, 2.875, 1e-9);
}

/// A camera's critical point inside the stair: with the response at 40 s the
/// point is 31.75 s into the route, on the stair (16 s to 36 s).
#[test]
fn a_critical_point_inside_a_stair_names_it() {
    let mut v = one_stair();
    v["settings"]["response"]["mean_s"] = json!(40.0);
    let r = route_of(&v, "ground", 2.125, 2.125, "case");
    let c = r.most_vulnerable.unwrap().critical_point.unwrap();
    assert_eq!(c.in_connection.as_deref(), Some("stair"));
    assert_eq!(c.level, "ground");
    close(c.point.time_s, 31.75, 1e-9);
    close(c.point.at_m, 6.0, 1e-9);
    assert_eq!(c.point.at, Point::new(8.125, 2.125));
}

/// Without `time_s` a stair takes walking its length: 4 m at 1 m/s.
#[test]
fn a_connection_without_a_time_is_walked() {
    let mut v = one_stair();
    v["connections"][0]
        .as_object_mut()
        .unwrap()
        .remove("time_s");
    let r = route_of(&v, "ground", 2.125, 2.125, "case");
    close(r.fastest.connections[0].duration_s, 4.0, 1e-12);
    close(r.fastest.time_to_asset_s, 6.0 + 10.0 + 4.0 + 5.75, 1e-9);
    assert!(
        r.assumptions
            .iter()
            .any(|a| a.contains("connection \"stair\" states no time")),
        "{:?}",
        r.assumptions
    );
}

/// Two floors of 20 x 10 m, a stair (20 s) at the west end and a lift (60 s)
/// at the east end, the start between them, the case upstairs half way.
fn stair_and_lift(camera_at_stair: bool) -> Value {
    let mut v = json!({
        "blindspot": 1,
        "levels": [
            { "id": "ground", "name": "Ground floor", "elevation_m": 0.0 },
            { "id": "first", "name": "First floor", "elevation_m": 4.0 }
        ],
        "connections": [
            { "id": "stair", "kind": "stair",
              "from": { "level": "ground", "x": 2.125, "y": 2.125 },
              "to": { "level": "first", "x": 2.125, "y": 2.125 }, "time_s": 20.0 },
            { "id": "lift", "kind": "lift",
              "from": { "level": "ground", "x": 18.125, "y": 2.125 },
              "to": { "level": "first", "x": 18.125, "y": 2.125 }, "time_s": 60.0 }
        ],
        "plan": {
            "walls": [
                { "id": "g-room", "level": "ground", "path": [[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]] },
                { "id": "f-room", "level": "first", "path": [[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]] }
            ],
            "zones": [
                { "id": "hall", "level": "ground", "polygon": [[0, 0], [20, 0], [20, 10], [0, 10]] },
                { "id": "gallery", "level": "first", "polygon": [[0, 0], [20, 0], [20, 10], [0, 10]] },
                { "id": "case", "level": "first", "kind": "asset",
                  "polygon": [[10, 8], [10.25, 8], [10.25, 8.25], [10, 8.25]] }
            ]
        },
        "cameras": [],
        "settings": {
            "walking_speed_m_s": 1.0,
            "response": { "mean_s": 30.0, "sd_s": 10.0, "p_communication": 1.0 }
        }
    });
    if camera_at_stair {
        // Upstairs, over the stair's top: sight never crosses levels, so a
        // camera on the first floor sees only the first-floor leg.
        v["cameras"] = json!([
            { "id": "stair-cam", "level": "first", "position": [3, 3], "heading_deg": 0,
              "hfov_deg": 360, "range_m": 2.5, "use": "live" }
        ]);
    }
    v
}

#[test]
fn a_slower_lift_is_avoided_when_the_stair_is_unwatched() {
    let r = route_of(&stair_and_lift(false), "ground", 10.125, 2.125, "case");
    for (name, _, _) in &r.candidates {
        assert!(!name.is_empty());
    }
    for p in [&r.least_watched, &r.fastest] {
        assert_eq!(connections(p), ["stair"], "{}", p.name);
        assert_eq!(levels(p), ["ground", "first"]);
        close(p.legs[0].length_m, 8.0, 1e-9);
    }
    // No camera, no detector: nothing can interrupt.
    assert_eq!(r.most_vulnerable.unwrap().p_interruption, Some(0.0));
}

#[test]
fn a_watched_stair_sends_the_least_watched_route_up_the_lift() {
    let r = route_of(&stair_and_lift(true), "ground", 10.125, 2.125, "case");
    assert_eq!(connections(&r.least_watched), ["lift"]);
    assert_eq!(r.least_watched.seen_m, 0.0);
    // The fastest still takes the stair, and is seen at its top only.
    let f = &r.fastest;
    assert_eq!(connections(f), ["stair"]);
    assert_eq!(f.legs[0].seen_m, 0.0);
    assert!(f.legs[1].seen_m > 2.0, "{}", f.legs[1].seen_m);
    assert_eq!(f.first_seen_by.as_deref(), Some("stair-cam"));
    // Seen from the top of the stair on: the first-floor leg starts at
    // 8 + 4 = 12 m along and 8 + 20 = 28 s in.
    close(f.unseen_before_first_seen_m, 12.0, 1e-9);
    close(f.unseen_before_first_seen_s, 28.0, 1e-9);
    let d = &f.detections[0];
    assert_eq!(d.level, "first");
    assert_eq!(d.detection.element, "stair-cam");
    // The unwatched lift is the most vulnerable: nothing detects on it.
    let m = r.most_vulnerable.unwrap();
    assert_eq!(connections(&m), ["lift"]);
    assert_eq!(m.p_interruption, Some(0.0));
    assert!(f.p_interruption.unwrap() > 0.0);
}

#[test]
fn routes_across_levels_name_what_is_wrong() {
    let site = site_of(&one_stair());
    let o = RouteOptions::default();
    let at = |level: &str| SiteStart::Point {
        level: level.to_string(),
        at: Point::new(2.125, 2.125),
    };
    let e = site_route(&site, &at("attic"), "case", &o).unwrap_err();
    assert_eq!(
        e,
        RouteError::UnknownLevel("attic".into(), "ground, first".into())
    );
    let e = site_route(&site, &at("ground"), "vault", &o).unwrap_err();
    assert!(matches!(e, RouteError::UnknownZone(..)), "{e}");
    assert!(e.to_string().contains("hall, gallery, case"), "{e}");
    // A stair whose top is far off the first floor's plan.
    let mut v = one_stair();
    v["connections"][0]["to"]["x"] = json!(500.0);
    let e = site_route(&site_of(&v), &at("ground"), "case", &o).unwrap_err();
    assert_eq!(
        e,
        RouteError::ConnectionOffPlan("stair".into(), "first".into(), 500.0, 2.125)
    );
    // No connection: the first floor cannot be reached on foot.
    let mut v = one_stair();
    v["connections"] = json!([]);
    let e = site_route(&site_of(&v), &at("ground"), "case", &o).unwrap_err();
    assert!(matches!(e, RouteError::Unreachable(..)), "{e}");
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_blindspot"))
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/levels/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The fixture's quay, ground and first floor: from the quay through the
/// front door and up the stair to the display case; text and JSON name the
/// level of each leg.
#[test]
fn the_command_line_routes_from_the_quay_to_the_first_floor() {
    let file = fixture("quay-and-two-floors.json");
    let out = Command::new(bin())
        .args(["route", &file, "--from", "site:5,5", "--to", "case-1"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for words in [
        "Routes from (5.00, 5.00) on site (level site) to case-1 (level first)",
        "  on Quay (site): ",
        "  then opening front-door from site to ground",
        "  on Ground floor (ground): ",
        "  then stair stair-1 from ground to first",
        "  on First floor (first): ",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    let out = Command::new(bin())
        .args([
            "route", &file, "--from", "site:5,5", "--to", "case-1", "--format", "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let legs: Vec<&str> = v["fastest"]["legs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["level"].as_str().unwrap())
        .collect();
    assert_eq!(legs, ["site", "ground", "first"]);
    let conns: Vec<&str> = v["fastest"]["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["connection"].as_str().unwrap())
        .collect();
    assert_eq!(conns, ["front-door", "stair-1"]);
    // An unknown level is refused with the levels there are.
    let out = Command::new(bin())
        .args(["route", &file, "--from", "attic:5,5", "--to", "case-1"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no level \"attic\" in the file (levels: site, ground, first)"),
        "{err}"
    );
}

/// A lift whose ground-floor end lies on the way to the stair (at (4.125,
/// 2.125), on the straight ground leg) and that is too slow to take: the route
/// walks past it in one leg, not two legs meeting at it.
#[test]
fn a_place_passed_on_the_way_does_not_split_the_leg() {
    let mut v = one_stair();
    v["connections"].as_array_mut().unwrap().push(json!(
        { "id": "slow-lift", "kind": "lift",
          "from": { "level": "ground", "x": 4.125, "y": 2.125 },
          "to": { "level": "first", "x": 1.125, "y": 1.125 }, "time_s": 600.0 }
    ));
    let r = route_of(&v, "ground", 2.125, 2.125, "case");
    for p in [&r.least_watched, &r.fastest] {
        assert_eq!(levels(p), ["ground", "first"], "{}", p.name);
        assert_eq!(connections(p), ["stair"], "{}", p.name);
        close(p.length_m, 15.75, 1e-9);
    }
}
