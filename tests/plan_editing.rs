//! Live plan editing in the core: the room around a point (`plan::faces`) and
//! `Session::set_plan`, checked against hand-worked areas and against a fresh
//! load of the same scenario (an independent path through the whole core).

use blindspot::geometry::{Point, ring_signed_area};
use blindspot::scenario::Scenario;
use blindspot::session::{RoomFound, Session};
use serde_json::{Value, json};

/// A 10 x 8 room of walls with one zone covering it, and `extra` walls.
fn room_scenario(extra: Vec<Value>, cameras: Vec<Value>) -> Value {
    let mut walls = vec![
        json!({"id": "s", "path": [[0, 0], [10, 0]]}),
        json!({"id": "e", "path": [[10, 0], [10, 8]]}),
        json!({"id": "n", "path": [[10, 8], [0, 8]]}),
        json!({"id": "w", "path": [[0, 8], [0, 0]]}),
    ];
    walls.extend(extra);
    json!({
        "blindspot": 1,
        "name": "room",
        "plan": {
            "walls": walls,
            "zones": [{"id": "room", "name": "Room", "kind": "room", "priority": 1,
                       "polygon": [[0, 0], [10, 0], [10, 8], [0, 8]], "holes": []}]
        },
        "catalog": [],
        "cameras": cameras,
    })
}

fn session(v: &Value) -> Session {
    Session::from_json(&v.to_string()).expect("the scenario loads")
}

fn room(s: &Session, x: f64, y: f64) -> RoomFound {
    RoomFound::from(s.room_at(Point::new(x, y)).expect("the room query runs"))
}

fn omni(id: &str, x: f64, y: f64) -> Value {
    json!({"id": id, "position": [x, y], "heading_deg": 0, "hfov_deg": 360, "range_m": 30})
}

#[test]
fn a_closed_room_is_found_with_its_area() {
    let s = session(&room_scenario(vec![], vec![]));
    let r = room(&s, 5.0, 4.0);
    assert_eq!(r.found, "room");
    assert!((r.area_m2 - 80.0).abs() < 1e-9, "area {}", r.area_m2);
    assert_eq!(r.polygon.len(), 4);
    assert!(ring_signed_area(&r.polygon) > 0.0, "counter-clockwise");
    assert!(r.holes.is_empty());
    for p in &r.polygon {
        assert!(
            [0.0, 10.0].contains(&p.x) && [0.0, 8.0].contains(&p.y),
            "corner {p:?}"
        );
    }
}

#[test]
fn a_pillar_is_a_hole_and_a_stub_is_not_part_of_the_outline() {
    let pillar = json!({"id": "pillar", "path": [[4, 3], [6, 3], [6, 5], [4, 5], [4, 3]]});
    let stub = json!({"id": "stub", "path": [[2, 0], [2, 3]]});
    let s = session(&room_scenario(vec![pillar, stub], vec![]));
    let r = room(&s, 1.0, 6.0);
    assert_eq!(r.found, "room");
    assert!((r.area_m2 - 76.0).abs() < 1e-9, "80 - 4: {}", r.area_m2);
    assert_eq!(r.holes.len(), 1);
    assert!((ring_signed_area(&r.holes[0]) + 4.0).abs() < 1e-9);
    // The stub's foot splits the south wall: five points, all on the rectangle.
    assert_eq!(r.polygon.len(), 5);
    assert!(
        r.polygon
            .iter()
            .all(|p| p.x == 0.0 || p.x == 10.0 || p.y == 0.0 || p.y == 8.0)
    );
    // Inside the pillar is a room of its own.
    let inner = room(&s, 5.0, 4.0);
    assert_eq!(inner.found, "room");
    assert!((inner.area_m2 - 4.0).abs() < 1e-9);
}

#[test]
fn doors_windows_and_glass_bound_a_room_open_or_closed() {
    for kind in [
        json!({"kind": "door", "open": true}),
        json!({"kind": "door"}),
        json!({"kind": "window"}),
        json!({"kind": "glass"}),
        json!({"kind": "railing"}),
    ] {
        let mut v = room_scenario(vec![], vec![]);
        let south = &mut v["plan"]["walls"][0];
        south["path"] = json!([[0, 0], [4, 0]]);
        let mut opening = json!({"id": "opening", "path": [[4, 0], [6, 0]]});
        for (k, val) in kind.as_object().unwrap() {
            opening[k] = val.clone();
        }
        v["plan"]["walls"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "s2", "path": [[6, 0], [10, 0]]}));
        v["plan"]["walls"].as_array_mut().unwrap().push(opening);
        let r = room(&session(&v), 5.0, 4.0);
        assert_eq!(r.found, "room", "{kind}");
        assert!((r.area_m2 - 80.0).abs() < 1e-9, "{kind}: {}", r.area_m2);
    }
}

#[test]
fn a_gap_to_the_outside_an_outside_point_and_a_wall_are_not_rooms() {
    let mut v = room_scenario(vec![], vec![]);
    v["plan"]["walls"][0]["path"] = json!([[0, 0], [4, 0]]);
    v["plan"]["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "s2", "path": [[6, 0], [10, 0]]}));
    let gap = session(&v);
    assert_eq!(room(&gap, 5.0, 4.0).found, "open");
    let s = session(&room_scenario(vec![], vec![]));
    assert_eq!(room(&s, 20.0, 20.0).found, "open");
    assert_eq!(room(&s, -1.0, 4.0).found, "open");
    assert_eq!(room(&s, 5.0, 0.0).found, "on_wall");
    assert_eq!(room(&s, 10.0, 8.0).found, "on_wall");
    let r = room(&s, 5.0, 4.0);
    assert!(r.polygon.len() == 4 && r.area_m2 > 0.0);
}

#[test]
fn a_partition_splits_the_room() {
    let s = session(&room_scenario(
        vec![json!({"id": "p", "path": [[3, 0], [3, 8]]})],
        vec![],
    ));
    assert!((room(&s, 1.0, 4.0).area_m2 - 24.0).abs() < 1e-9);
    assert!((room(&s, 6.0, 4.0).area_m2 - 56.0).abs() < 1e-9);
}

/// The figures of a session, in a form two sessions can be compared with.
fn figures(s: &Session) -> Vec<f64> {
    let sum = s.summary();
    let mut out = vec![
        sum.covered_area_m2,
        sum.coverage,
        sum.blind_area_m2,
        sum.multi_covered_area_m2,
    ];
    for z in &sum.zones {
        out.push(z.covered_area_m2);
        out.push(z.required_coverage);
    }
    for c in &sum.cameras {
        out.push(c.view_area_m2);
    }
    out
}

fn assert_close(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= 1e-9 * x.abs().max(1.0),
            "{what}: figure {k}: {x} against {y}"
        );
    }
}

/// `session`'s scenario with plan `plan`, checked like a file.
fn with_plan(s: &Session, plan: &Value) -> Scenario {
    s.scenario()
        .with_plan_json(&plan.to_string())
        .expect("the plan is valid")
        .0
}

#[test]
fn a_partition_occludes_a_360_camera_and_taking_it_away_restores_full_coverage() {
    let start = room_scenario(vec![], vec![omni("c", 7.0, 4.0)]);
    let mut s = session(&start);
    assert!(
        (s.summary().coverage - 1.0).abs() < 1e-12,
        "one 360° camera sees the whole room"
    );
    // A partition from the south wall to 1 m short of the north one: the
    // camera at x = 7 cannot see behind it, at x < 3 beyond its sight lines.
    let mut walled = start["plan"].clone();
    walled["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "p", "path": [[3, 0], [3, 7]]}));
    let edit = s
        .set_plan(with_plan(&s, &walled))
        .expect("the edit applies");
    assert_eq!(edit.views, 1);
    assert!(!edit.zones_rebuilt);
    let dropped = s.summary().coverage;
    assert!(
        dropped < 0.95,
        "the partition hides part of the room: {dropped}"
    );
    // The same scenario loaded from scratch agrees.
    let mut fresh = start.clone();
    fresh["plan"] = walled;
    assert_close(
        &figures(&s),
        &figures(&session(&fresh)),
        "after the partition",
    );
    // Undo: the first plan again.
    s.set_plan(with_plan(&s, &start["plan"]))
        .expect("undo applies");
    assert!((s.summary().coverage - 1.0).abs() < 1e-12);
}

#[test]
fn only_cameras_within_reach_of_the_change_are_recomputed_and_the_result_matches_a_fresh_load() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/samples/museum-wing.json"
    ))
    .unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    let mut s = Session::from_json(&text).unwrap();
    let cameras = s.scenario().cameras.len();
    // Move every vertex of one wall, a little: the far cameras keep their views.
    for (k, wall) in file["plan"]["walls"].as_array().unwrap().iter().enumerate() {
        if wall["kind"] != "wall" && wall.get("kind").is_some() {
            continue;
        }
        let mut plan = file["plan"].clone();
        let path = plan["walls"][k]["path"].as_array_mut().unwrap();
        let last = path.len() - 1;
        let x = path[last][0].as_f64().unwrap();
        path[last][0] = json!(x + 0.37);
        let next = with_plan(&s, &plan);
        let edit = s.set_plan(next.clone()).expect("a moved vertex applies");
        let mut fresh = file.clone();
        fresh["plan"] = plan;
        assert_close(
            &figures(&s),
            &figures(&session(&fresh)),
            &format!("wall {k} moved"),
        );
        assert!(edit.views <= cameras);
        // Put it back for the next wall.
        s.set_plan(with_plan(&s, &file["plan"])).unwrap();
    }
    assert_close(
        &figures(&s),
        &figures(&session(&file)),
        "every wall put back",
    );
}

#[test]
fn a_far_wall_edit_recomputes_no_view() {
    let mut s = session(&room_scenario(vec![], vec![omni("c", 5.0, 4.0)]));
    let mut plan = room_scenario(vec![], vec![])["plan"].clone();
    // A wall 100 m away, beyond the camera's 30 m.
    plan["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "far", "path": [[100, 0], [100, 8]]}));
    let edit = s.set_plan(with_plan(&s, &plan)).unwrap();
    // The plan is ten times as wide now, so its snapping and mount tolerances
    // (scaled to the plan's size below 100 m) grew: the view is computed again
    // (reusing it computed with the old ones was a bug): the room as a fresh load
    // sees it (which anchors the plan elsewhere: the same world ring and area).
    assert_eq!(edit.views, 1);
    let mut fresh = room_scenario(vec![], vec![omni("c", 5.0, 4.0)]);
    fresh["plan"] = plan.clone();
    let fresh = session(&fresh);
    assert_eq!(s.views()[0].ring, fresh.views()[0].ring);
    assert_eq!(s.views()[0].area, fresh.views()[0].area);
    assert!((s.summary().coverage - 1.0).abs() < 1e-12);
    // Another wall as far, with the plan's size unchanged: no view computed again.
    plan["walls"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "far-2", "path": [[100, 10], [100, 18]]}));
    let edit = s.set_plan(with_plan(&s, &plan)).unwrap();
    assert_eq!(edit.views, 0);
}

#[test]
fn a_changed_zone_rebuilds_the_coverage_and_matches_a_fresh_load() {
    let start = room_scenario(vec![], vec![omni("c", 7.0, 4.0)]);
    let mut s = session(&start);
    let mut plan = start["plan"].clone();
    plan["zones"][0]["polygon"] = json!([[0, 0], [10, 0], [10, 8], [0, 8]]);
    plan["zones"].as_array_mut().unwrap().push(
        json!({"id": "out", "name": "Quay", "kind": "exterior", "priority": 1,
                     "polygon": [[0, -5], [10, -5], [10, -1], [0, -1]], "holes": []}),
    );
    let edit = s.set_plan(with_plan(&s, &plan)).unwrap();
    assert!(edit.zones_rebuilt);
    let mut fresh = start.clone();
    fresh["plan"] = plan;
    assert_close(&figures(&s), &figures(&session(&fresh)), "a zone added");
    // 80 m² seen of 120.
    assert!((s.summary().coverage - 80.0 / 120.0).abs() < 1e-9);
}

#[test]
fn an_invalid_plan_is_refused_with_its_place_and_nothing_changes() {
    let start = room_scenario(vec![], vec![omni("c", 7.0, 4.0)]);
    let s = session(&start);
    let before = figures(&s);
    let mut plan = start["plan"].clone();
    // A bow tie: the zone's ring crosses itself.
    plan["zones"][0]["polygon"] = json!([[0, 0], [10, 8], [10, 0], [0, 8]]);
    let err = s
        .scenario()
        .with_plan_json(&plan.to_string())
        .expect_err("a self-crossing zone is refused");
    let text = err.to_string();
    assert!(text.contains("plan.zones[0]"), "{text}");
    let mut plan = start["plan"].clone();
    plan["walls"][1]["path"] = json!([[10, 0], ["x", 8]]);
    let text = s
        .scenario()
        .with_plan_json(&plan.to_string())
        .expect_err("a bad point is refused")
        .to_string();
    assert!(text.contains("plan.walls[1].path"), "{text}");
    assert!(
        s.scenario().with_plan_json("{").is_err(),
        "not JSON is refused"
    );
    assert_eq!(figures(&s), before);
}
