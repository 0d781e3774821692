//! Mounts: what holds a camera (solid walls, rooms' ceilings, nothing on open
//! ground or on glass), a camera placed by hand snapping onto a wall and aiming
//! into the room, and the optimiser proposing cameras only where something can
//! hold them. Plans are built by hand so the answers are known.

use blindspot::geometry::Point;
use blindspot::mounting::{Mount, mount_at, place};
use blindspot::optimize::candidates::Placement;
use blindspot::optimize::{Existing, Goal, Request, Workspace};
use blindspot::scenario::Scenario;
use blindspot::session::Session;

/// Room A (0..10 × 0..10) with solid walls but the east one (glass); room B
/// (12..22 × 0..10), apart from it, whose walls are all glass; a quay
/// (exterior) south of both.
const TWO_ROOMS: &str = r#"{
  "blindspot": 1, "name": "two rooms",
  "plan": {
    "walls": [
      { "id": "a-south", "kind": "wall", "path": [[0,0],[10,0]] },
      { "id": "a-west", "kind": "wall", "path": [[0,0],[0,10]] },
      { "id": "a-north", "kind": "wall", "path": [[0,10],[10,10]] },
      { "id": "ab", "kind": "glass", "opaque": true, "path": [[10,0],[10,10]] },
      { "id": "b-south", "kind": "glass", "opaque": true, "path": [[12,0],[22,0]] },
      { "id": "b-east", "kind": "glass", "opaque": true, "path": [[22,0],[22,10]] },
      { "id": "b-north", "kind": "glass", "opaque": true, "path": [[12,10],[22,10]] },
      { "id": "b-west", "kind": "glass", "opaque": true, "path": [[12,0],[12,10]] }
    ],
    "zones": [
      { "id": "a", "name": "A", "kind": "room", "priority": 1, "polygon": [[0,0],[10,0],[10,10],[0,10]] },
      { "id": "b", "name": "B", "kind": "room", "priority": 5, "polygon": [[12,0],[22,0],[22,10],[12,10]] },
      { "id": "quay", "name": "Quay", "kind": "exterior", "priority": 1, "polygon": [[0,-8],[22,-8],[22,0],[0,0]] }
    ]
  },
  "catalog": [ { "id": "dome", "name": "Dome", "hfov_deg": 100, "range_m": 12, "unit_price": 300, "install_cost": 100 } ],
  "cameras": []
}"#;

fn two_rooms() -> Scenario {
    Scenario::from_json(TWO_ROOMS).expect("the plan reads").0
}

#[test]
fn what_holds_a_camera() {
    let s = two_rooms();
    // 0.3 m from a solid wall: on a wall bracket.
    let m = mount_at(&s, Point::new(5.0, 0.3));
    assert_eq!(m.mount, Some(Mount::Wall));
    assert_eq!(m.wall.as_deref(), Some("a-south"));
    // In room B, 0.3 m from glass only: from the ceiling.
    let m = mount_at(&s, Point::new(17.0, 0.3));
    assert_eq!(m.mount, Some(Mount::Ceiling));
    assert_eq!(m.zone.as_deref(), Some("b"));
    // Out on the quay, 3 m from any wall: nothing.
    assert_eq!(mount_at(&s, Point::new(5.0, -3.0)).mount, None);
    // On the facade outside (0.3 m out from a solid wall): the wall.
    assert_eq!(mount_at(&s, Point::new(5.0, -0.3)).mount, Some(Mount::Wall));
}

#[test]
fn a_camera_placed_near_a_wall_snaps_and_aims_into_the_room() {
    let s = two_rooms();
    // 0.6 m north of the south wall of A: onto the wall, facing north (90°).
    let p = place(&s, Point::new(4.0, 0.6), Some(12.0), 0.0);
    assert!(p.snapped);
    assert_eq!(p.position, Point::new(4.0, 0.0));
    assert_eq!(p.heading_deg, 90.0);
    assert_eq!(p.at.mount, Some(Mount::Wall));
    assert_eq!(p.aim, "room");
    assert_eq!(p.out_deg, Some(90.0));
    // 0.4 m east of the west wall: facing east.
    let p = place(&s, Point::new(0.4, 5.0), Some(12.0), 0.0);
    assert_eq!(p.position, Point::new(0.0, 5.0));
    assert_eq!(p.heading_deg, 0.0);
    // Just outside the facade: onto it, facing out over the quay (south, -90°).
    let p = place(&s, Point::new(6.0, -0.5), Some(12.0), 0.0);
    assert_eq!(p.position, Point::new(6.0, 0.0));
    assert_eq!(p.heading_deg, -90.0);
    // In the middle of room A, far from walls: from the ceiling, where it was,
    // turned towards the room's middle, not east.
    let p = place(&s, Point::new(2.0, 5.0), Some(12.0), 0.0);
    assert!(!p.snapped);
    assert_eq!(p.at.mount, Some(Mount::Ceiling));
    assert!(p.heading_deg.abs() < 1.0, "{}", p.heading_deg); // the middle is east of it here
    let p = place(&s, Point::new(8.0, 5.0), Some(12.0), 0.0);
    assert!(
        (p.heading_deg.abs() - 180.0).abs() < 1.0,
        "{}",
        p.heading_deg
    );
    // Glass does not take a camera: near the glass in B it stays, from the ceiling.
    let p = place(&s, Point::new(17.0, 0.5), Some(12.0), 0.0);
    assert!(!p.snapped);
    assert_eq!(p.at.mount, Some(Mount::Ceiling));
}

#[test]
fn a_new_camera_turns_to_the_asset_it_faces() {
    let text = TWO_ROOMS.replace(
        r#"{ "id": "quay","#,
        r#"{ "id": "case", "name": "Case", "kind": "asset", "priority": 5, "polygon": [[7,6],[8,6],[8,7],[7,7]] },
      { "id": "quay","#,
    );
    let s = Scenario::from_json(&text).unwrap().0;
    let p = place(&s, Point::new(4.0, 0.5), Some(12.0), 0.0);
    assert_eq!(p.aim, "asset case");
    let want = (6.5f64 - 0.0).atan2(7.5 - 4.0).to_degrees();
    assert!(
        (p.heading_deg - want).abs() < 0.5,
        "{} vs {want}",
        p.heading_deg
    );
}

/// The case's middle (7.5, 6.5) is 7.38 m from where the camera lands on the
/// south wall (4, 0); its nearest corner (7, 6) is 6.71 m away. The camera
/// aims at the case only when the middle is within range, whatever the box.
#[test]
fn an_asset_is_aimed_at_only_when_its_middle_is_within_range() {
    let text = TWO_ROOMS.replace(
        r#"{ "id": "quay","#,
        r#"{ "id": "case", "name": "Case", "kind": "asset", "priority": 5, "polygon": [[7,6],[8,6],[8,7],[7,7]] },
      { "id": "quay","#,
    );
    let s = Scenario::from_json(&text).unwrap().0;
    for (range, aim) in [
        (6.6, "room"),
        (7.0, "room"),
        (7.3, "room"),
        (7.45, "asset case"),
    ] {
        let p = place(&s, Point::new(4.0, 0.5), Some(range), 0.0);
        assert_eq!(p.aim, aim, "range {range} m");
    }
}

fn proposal(s: &Scenario, placement: Placement, goal: Goal) -> blindspot::optimize::Proposal {
    let session = Session::new(s.clone(), Default::default()).unwrap();
    let req = Request {
        goal,
        existing: Existing::Remove,
        placement,
        max_candidates: 2000,
        ..Request::default()
    };
    let ws = Workspace::new(&session, &req, &mut |_| true).unwrap();
    for c in &ws.candidates {
        assert!(
            mount_at(s, c.camera.position).mount.is_some(),
            "candidate at {:?} has no mount",
            c.camera.position
        );
    }
    ws.optimize(goal, &mut |_| true).unwrap()
}

fn strictly_in_b(p: Point) -> bool {
    p.x > 12.0 + 1e-6 && p.x < 22.0 - 1e-6 && p.y > 1e-6 && p.y < 10.0 - 1e-6
}

#[test]
fn no_camera_inside_a_room_without_walls_for_one_unless_the_ceiling_is_allowed() {
    let s = two_rooms();
    let no_ceiling = Placement {
        ceiling: false,
        ..Placement::default()
    };
    let p = proposal(&s, no_ceiling, Goal::Cameras(4));
    assert!(!p.cameras.is_empty());
    for c in &p.cameras {
        assert!(
            !strictly_in_b(c.position),
            "{} at {:?} hangs on nothing",
            c.id,
            c.position
        );
        assert!(
            c.position.x <= 10.0 + 1e-9,
            "{} at {:?}: B has no wall for it",
            c.id,
            c.position
        );
        assert!(mount_at(&s, c.position).mount == Some(Mount::Wall));
    }
    let p = proposal(&s, Placement::default(), Goal::Cameras(4));
    assert!(
        p.cameras.iter().any(|c| strictly_in_b(c.position)),
        "with a ceiling allowed, the priority-5 glass room gets a ceiling camera"
    );
}

#[test]
fn a_marked_place_nothing_can_hold_is_refused_with_a_warning() {
    let s = two_rooms();
    let marked = Placement {
        marked: vec![Point::new(5.0, -4.0), Point::new(5.0, 5.0)],
        ..Placement::default()
    };
    let p = proposal(&s, marked, Goal::Cameras(2));
    assert!(p.cameras.iter().all(|c| c.position == Point::new(5.0, 5.0)));
    assert!(
        p.warnings
            .iter()
            .any(|w| w.contains("(5.00, -4.00)") && w.contains("nothing there can hold a camera"))
    );
}

#[test]
fn the_museum_wing_at_5000_proposes_only_mountable_cameras() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/samples/museum-wing.json"
    ))
    .unwrap();
    let s = Scenario::from_json(&text).unwrap().0;
    // The sample's own cameras all hang on something.
    for c in &s.cameras {
        assert!(mount_at(&s, c.position).mount.is_some(), "{}", c.id);
    }
    let p = proposal(&s, Placement::default(), Goal::Budget(5_000.0));
    assert!(!p.cameras.is_empty());
    for c in &p.cameras {
        assert!(
            mount_at(&s, c.position).mount.is_some(),
            "{} at {:?}",
            c.id,
            c.position
        );
    }
}

#[test]
fn a_zone_drawn_off_the_wall_is_found_beside_it_but_not_past_another_wall() {
    // Room A's south wall at y = 0; the quay drawn 0.3 m off it (as the
    // museum wing's is), and in a second plan a wall 0.1 m out in between.
    let off = TWO_ROOMS.replace(
        "[[0,-8],[22,-8],[22,0],[0,0]]",
        "[[0,-8],[22,-8],[22,-0.3],[0,-0.3]]",
    );
    let s = Scenario::from_json(&off).unwrap().0;
    let sides = blindspot::mounting::Sides::new(&s).unwrap();
    let south = Point::new(0.0, -1.0);
    let quay = s.plan.zones.iter().position(|z| z.id == "quay");
    assert_eq!(sides.beside(Point::new(5.0, 0.0), south), quay);
    assert_eq!(
        sides.beside(Point::new(5.0, 0.0), Point::new(0.0, 1.0)),
        s.plan.zones.iter().position(|z| z.id == "a")
    );
    let walled = off.replace(
        r#"{ "id": "a-west""#,
        r#"{ "id": "screen", "kind": "wall", "path": [[2,-0.1],[8,-0.1]] }, { "id": "a-west""#,
    );
    let s = Scenario::from_json(&walled).unwrap().0;
    let sides = blindspot::mounting::Sides::new(&s).unwrap();
    assert_eq!(sides.beside(Point::new(5.0, 0.0), south), None);
    assert_eq!(sides.beside(Point::new(9.0, 0.0), south), quay);
}

#[test]
fn the_museum_wing_has_candidates_on_its_facade_facing_the_quay() {
    // The quay starts 0.3 m off the facade (y = 0): the facade holds cameras
    // on the quay side, on a bracket within reach of the wall.
    let text = std::fs::read_to_string("www/samples/museum-wing.json").unwrap();
    let s = Scenario::from_json(&text).unwrap().0;
    let session = Session::new(s.clone(), Default::default()).unwrap();
    let req = Request {
        existing: Existing::Remove,
        ..Request::default()
    };
    let ws = Workspace::new(&session, &req, &mut |_| true).unwrap();
    let outside: Vec<_> = ws
        .candidates
        .iter()
        .filter(|c| c.camera.position.y < 0.0 && c.camera.position.y > -0.6)
        .collect();
    assert!(outside.len() >= 20, "{} facade candidates", outside.len());
    for c in outside {
        let m = mount_at(&s, c.camera.position);
        assert_eq!(m.mount, Some(Mount::Wall), "{:?}", c.camera.position);
        assert!(
            m.wall.as_deref().is_some_and(|w| w.starts_with("facade")),
            "{m:?}"
        );
    }
}

/// A pole on the quay (site level) at (5, 5), a floor above with a camera at the
/// same x, y, and a wall on the floor next to where a quay camera stands: only
/// the quay camera at the pole hangs on it, and the floor's wall holds nothing
/// on the quay. The site's account charges the pole once (2,400).
#[test]
fn a_pole_holds_only_cameras_of_its_own_level() {
    let text = r#"{
      "blindspot": 1, "name": "pole and floor",
      "levels": [ { "id": "site", "name": "Quay", "elevation_m": 0 },
                  { "id": "floor", "name": "Floor", "elevation_m": 4 } ],
      "plan": {
        "walls": [
          { "id": "quay-edge", "level": "site", "path": [[0,0],[20,0]] },
          { "id": "floor-w", "level": "floor", "path": [[0,20],[0,30]] },
          { "id": "floor-near-pole", "level": "floor", "path": [[4,5.2],[6,5.2]] }
        ],
        "zones": [
          { "id": "quay", "level": "site", "kind": "exterior", "polygon": [[0,0],[20,0],[20,10],[0,10]] },
          { "id": "room", "level": "floor", "kind": "room", "polygon": [[0,0],[20,0],[20,10],[0,10]] }
        ]
      },
      "pole_sites": [ { "id": "quay-pole", "level": "site", "position": [5, 5], "cost": 2400 } ],
      "catalog": [ { "id": "dome", "hfov_deg": 100, "range_m": 12, "unit_price": 300, "install_cost": 100 } ],
      "cameras": [
        { "id": "on-pole", "level": "site", "model": "dome", "position": [5, 5], "heading_deg": 90 },
        { "id": "above-pole", "level": "floor", "model": "dome", "position": [5, 5], "heading_deg": 90 }
      ]
    }"#;
    let s = Scenario::from_json(text).expect("the site reads").0;
    assert_eq!(blindspot::mounting::pole_of(&s, &s.cameras[0]), Some(0));
    assert_eq!(blindspot::mounting::pole_of(&s, &s.cameras[1]), None);
    let costs = blindspot::report::costs(&s);
    assert_eq!(costs.poles.len(), 1);
    assert_eq!(costs.poles[0].cameras, 1);
    assert_eq!(costs.poles_total, 2400.0);
    // Two domes at 400 each and the pole.
    assert_eq!(costs.total, 3200.0);
}
