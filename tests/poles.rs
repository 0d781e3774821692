//! Poles: the plan says where a pole may stand and what it costs; a camera
//! there hangs on the pole; the one cost account charges each pole once; the
//! optimiser uses a pole only where it is worth its price (here: the only way
//! to watch an opening). Plans built by hand so the answers are known.

use blindspot::analysis::{OpeningStatus, audit_openings};
use blindspot::costing::change_cost;
use blindspot::geometry::Point;
use blindspot::mounting::{Mount, mount_at, place};
use blindspot::optimize::{Existing, Goal, Request, Workspace};
use blindspot::scenario::{Camera, Scenario};
use blindspot::session::Session;

/// A 20 × 20 hall; its south side (y = 0) is FACADE with an exterior window
/// (8..12) in it; a quay (20 × 10) outside; a pole site 6 m out in front of the
/// window, costing 1,000. A camera costs 500.
const HALL: &str = r#"{
  "blindspot": 1, "name": "hall with a pole site",
  "plan": {
    "walls": [
      { "id": "south-1", "kind": "FACADE", "path": [[0,0],[8,0]] },
      { "id": "window", "kind": "window", "exterior": true, "path": [[8,0],[12,0]] },
      { "id": "south-2", "kind": "FACADE", "path": [[12,0],[20,0]] },
      { "id": "rest", "kind": "wall", "path": [[20,0],[20,20],[0,20],[0,0]] }
    ],
    "zones": [
      { "id": "hall", "name": "Hall", "kind": "room", "priority": 1, "polygon": [[0,0],[20,0],[20,20],[0,20]] },
      { "id": "quay", "name": "Quay", "kind": "exterior", "priority": 0.5, "polygon": [[0,-10],[20,-10],[20,-0.3],[0,-0.3]] }
    ]
  },
  "catalog": [ { "id": "dome", "name": "Dome", "hfov_deg": 90, "range_m": 25, "unit_price": 400, "install_cost": 100 } ],
  "cameras": [],
  "pole_sites": [ { "id": "quay-pole", "position": [10, -6], "cost": 1000, "height_m": 5 } ]
}"#;

/// The facade in glass (opaque, holds no camera): only the pole sees the
/// window's approach from outside.
fn glass_facade() -> Scenario {
    let text = HALL.replace(r#""kind": "FACADE""#, r#""kind": "glass", "opaque": true"#);
    Scenario::from_json(&text).unwrap().0
}

/// A solid facade: a bracket on it watches the window for free.
fn solid_facade() -> Scenario {
    Scenario::from_json(&HALL.replace("FACADE", "wall"))
        .unwrap()
        .0
}

fn propose(s: &Scenario, budget: f64) -> blindspot::optimize::Proposal {
    let session = Session::new(s.clone(), Default::default()).unwrap();
    let req = Request {
        goal: Goal::Budget(budget),
        existing: Existing::Remove,
        max_candidates: 1500,
        ..Request::default()
    };
    let ws = Workspace::new(&session, &req, &mut |_| true).unwrap();
    ws.optimize(req.goal, &mut |_| true).unwrap()
}

fn window_status(s: &Scenario, cameras: &[Camera]) -> OpeningStatus {
    let mut s = s.clone();
    s.cameras = cameras.to_vec();
    let audit = audit_openings(&Session::new(s, Default::default()).unwrap());
    audit.openings[0].status
}

fn camera(id: &str, x: f64, y: f64, heading: f64) -> Camera {
    Camera {
        id: id.into(),
        model: Some("dome".into()),
        position: Point::new(x, y),
        heading_deg: heading,
        ..Default::default()
    }
}

#[test]
fn a_camera_at_a_pole_site_hangs_on_the_pole_and_a_wall_is_preferred() {
    let s = glass_facade();
    let m = mount_at(&s, Point::new(10.2, -6.1));
    assert_eq!(m.mount, Some(Mount::Pole));
    assert_eq!(m.pole.as_deref(), Some("quay-pole"));
    // 0.4 m off the site: out of the pole arm's reach, on open ground.
    assert_eq!(mount_at(&s, Point::new(10.4, -6.0)).mount, None);
    // A site within a wall bracket's reach: the wall holds the camera.
    let mut near = solid_facade();
    near.pole_sites[0].position = Point::new(4.0, -0.4);
    assert_eq!(
        mount_at(&near, Point::new(4.0, -0.4)).mount,
        Some(Mount::Wall)
    );
    // Placed by hand within a metre of the site: onto the pole.
    let p = place(&s, Point::new(10.6, -6.5), Some(25.0), 0.0);
    assert_eq!(p.position, Point::new(10.0, -6.0));
    assert!(p.snapped);
    assert_eq!(p.at.mount, Some(Mount::Pole));
}

#[test]
fn the_account_charges_each_pole_once_and_a_standing_pole_nothing() {
    let s = glass_facade();
    let on_pole = [camera("a", 10.0, -6.0, 90.0), camera("b", 10.1, -6.0, 0.0)];
    let k = change_cost(&s, &[], &on_pole);
    assert_eq!(k.poles, 1000.0);
    assert_eq!(k.poles_added, vec!["quay-pole".to_string()]);
    assert_eq!(k.spend, 2.0 * 500.0 + 1000.0);
    // The layout at catalogue prices is its cameras and its pole, as the
    // report's costs.
    assert_eq!(k.total_after, 2.0 * 500.0 + 1000.0);
    // From a layout already on the pole: adding a camera to it costs the camera.
    let k = change_cost(&s, &on_pole[..1], &on_pole);
    assert_eq!(k.poles, 0.0);
    assert!(k.poles_added.is_empty());
    assert_eq!(k.spend, 500.0);
    assert_eq!(k.total_before, 500.0 + 1000.0);
    // Taking every camera off it: the pole stands, nothing is charged for it.
    let k = change_cost(&s, &on_pole, &[]);
    assert_eq!(k.poles, 0.0);
    assert_eq!(k.total_after, 0.0);
}

#[test]
fn the_pole_is_used_when_it_is_the_only_way_to_watch_the_window() {
    let s = glass_facade();
    // The hall (priority 1) must not be left blind: one camera inside (500)
    // comes first. With 2,000 the pole (1,000) and a camera on it (500) watch
    // the window: nothing inside the glass can.
    let p = propose(&s, 2_000.0);
    assert_eq!(p.cameras.len(), 2, "{:?}", p.cameras);
    let on_pole: Vec<_> = p
        .cameras
        .iter()
        .filter(|c| mount_at(&s, c.position).mount == Some(Mount::Pole))
        .collect();
    assert_eq!(on_pole.len(), 1);
    assert_eq!(
        on_pole[0].height_m, None,
        "the dome states no vertical view"
    );
    assert_eq!(p.account.poles, 1000.0);
    assert_eq!(p.account.poles_added, vec!["quay-pole".to_string()]);
    assert_eq!(p.cost, 2000.0);
    assert_eq!(window_status(&s, &p.cameras), OpeningStatus::Met);
    assert!(p.unmet.is_empty(), "{:?}", p.unmet);
    // The card (the proposal's account) and the report agree to the cent.
    assert_eq!(p.account, change_cost(&s, &s.cameras, &p.cameras));
    let mut with = s.clone();
    with.options = vec![blindspot::scenario::ScenarioOption {
        name: "Proposal".into(),
        cameras: p.cameras.clone(),
    }];
    let layouts =
        blindspot::document::dossier::layouts(Session::new(with, Default::default()).unwrap())
            .unwrap();
    let d = blindspot::document::dossier::build(&layouts, 0, Some("2026-12-01"));
    assert_eq!(d.changes[0].change, p.account);
    // 1,500: the hall's camera leaves 1,000, short of the pole and a camera on
    // it; the window is listed, with exactly that price.
    let p = propose(&s, 1_500.0);
    assert!(
        p.cameras
            .iter()
            .all(|c| mount_at(&s, c.position).mount != Some(Mount::Pole))
    );
    assert_eq!(p.account.poles, 0.0);
    assert_ne!(window_status(&s, &p.cameras), OpeningStatus::Met);
    let w = p.unmet.iter().find(|u| u.id == "window").expect("listed");
    assert_eq!(w.extra_cost, Some(1500.0));
    assert_eq!(w.extra_cameras, 1);
}

/// The report (its costs, the text, the HTML report and its bill of
/// materials), the proposal card (the proposal's account) and the compare view
/// (each layout's costs and the change between them) on a layout with a pole:
/// the same figures, to the cent, worked out by hand.
#[test]
fn the_report_the_card_and_the_compare_view_agree_on_a_layout_with_a_pole() {
    let s = glass_facade();
    let p = propose(&s, 2_000.0);
    // By hand: a camera in the hall and one on the pole (500 each), the pole
    // put up once (1,000).
    assert_eq!(p.cameras.len(), 2);
    assert_eq!(p.account.spend, 2_000.0);
    assert_eq!(p.account.poles, 1_000.0);
    assert_eq!(p.account.total_after, 2_000.0);
    let mut with = s.clone();
    with.cameras = p.cameras.clone();
    let costs = blindspot::report::costs(&with);
    assert_eq!(costs.hardware, 800.0);
    assert_eq!(costs.installation, 200.0);
    assert_eq!(
        costs.poles,
        vec![blindspot::costing::PoleLine {
            id: "quay-pole".into(),
            cameras: 1,
            cost: 1_000.0
        }]
    );
    assert_eq!(costs.poles_total, 1_000.0);
    assert_eq!(costs.total, p.account.total_after);
    // The text report lists the pole and counts it in the total.
    let session = Session::new(with.clone(), Default::default()).unwrap();
    let text = blindspot::report::render_text(&session.report());
    assert!(text.contains("pole quay-pole (1 camera(s))"), "{text}");
    assert!(
        text.contains("hardware 800, installation 200, poles 1000, total 2000"),
        "{text}"
    );
    // The compare view: the as-is layout (no cameras) against the proposal.
    let mut both = s.clone();
    both.options = vec![blindspot::scenario::ScenarioOption {
        name: "Proposal".into(),
        cameras: p.cameras.clone(),
    }];
    let layouts =
        blindspot::document::dossier::layouts(Session::new(both, Default::default()).unwrap())
            .unwrap();
    let d = blindspot::document::dossier::build(&layouts, 1, Some("2026-12-02"));
    assert_eq!(d.headline.cost, 2_000.0);
    assert_eq!(d.total, 2_000.0);
    assert_eq!(d.poles_total, 1_000.0);
    assert_eq!(d.changes[0].change, change_cost(&s, &p.cameras, &[]));
    let back = blindspot::document::dossier::build(&layouts, 0, Some("2026-12-02"));
    assert_eq!(back.changes[0].change, p.account);
    // The HTML report's bill of materials and the CSV one.
    let html = blindspot::document::report_html(&layouts, 1, Some("2026-12-02"));
    assert!(
        html.contains("Pole quay-pole (holds 1 camera)"),
        "no pole row"
    );
    let bom = blindspot::document::csv::bill_of_materials(&d);
    assert!(bom.contains("Total poles"), "{bom}");
    assert!(bom.contains("Pole quay-pole (holds 1 camera)"), "{bom}");
}

#[test]
fn no_pole_where_a_wall_can_watch_the_window() {
    // With a solid facade a bracket camera watches the window: the pole would
    // cost 1,000 more for nothing the wall cannot give.
    let s = solid_facade();
    for budget in [1_000.0, 2_000.0, 4_000.0] {
        let p = propose(&s, budget);
        assert!(
            p.cameras
                .iter()
                .all(|c| mount_at(&s, c.position).mount != Some(Mount::Pole)),
            "at {budget}: {:?}",
            p.cameras
        );
        assert_eq!(p.account.poles, 0.0);
        assert_eq!(
            window_status(&s, &p.cameras),
            OpeningStatus::Met,
            "at {budget}"
        );
    }
}

#[test]
fn pole_sites_are_read_strictly() {
    let bad = |from: &str, to: &str| {
        let text = HALL.replace("FACADE", "wall").replace(from, to);
        Scenario::from_json(&text).unwrap_err().to_string()
    };
    let e = bad(r#""cost": 1000"#, r#""cost": -5"#);
    assert!(e.contains("pole_sites[0].cost"), "{e}");
    let e = bad(r#""height_m": 5"#, r#""height_m": 0"#);
    assert!(e.contains("pole_sites[0].height_m"), "{e}");
    let e = bad(r#""height_m": 5 }"#, r#""height_m": 5, "colour": "red" }"#);
    assert!(e.contains("pole_sites[0].colour"), "{e}");
    let e = bad(
        r#""height_m": 5 } ]"#,
        r#""height_m": 5 }, { "id": "quay-pole", "position": [1, -5], "cost": 10 } ]"#,
    );
    assert!(
        e.contains("pole_sites[1].id") && e.contains("duplicate"),
        "{e}"
    );
    let e = bad(r#""id": "quay-pole""#, r#""id": " ""#);
    assert!(e.contains("pole_sites[0].id"), "{e}");
    // Written back as read.
    let s = solid_facade();
    let again = Scenario::from_json(&serde_json::to_string(&s).unwrap())
        .unwrap()
        .0;
    assert_eq!(again.pole_sites, s.pole_sites);
}
