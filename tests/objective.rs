//! The objective: no zone of priority ≥ P left blind while the budget could
//! see it, requirements ahead of raw weighted area, unmet requirements listed
//! with what more they would cost. Hand-built plans with known answers.

use blindspot::mounting::mount_at;
use blindspot::optimize::{Existing, Goal, Request, Workspace};
use blindspot::scenario::Scenario;
use blindspot::session::Session;

/// A big hall (40 × 20, priority 1) and, apart from it, a small study (4 × 4,
/// priority 4) reached by nothing the hall's cameras can see. One camera costs
/// 500: a budget of 1,000 buys two.
const HALL_AND_STUDY: &str = r#"{
  "blindspot": 1, "name": "hall and study",
  "plan": {
    "walls": [
      { "id": "hall", "kind": "wall", "path": [[0,0],[40,0],[40,20],[0,20],[0,0]] },
      { "id": "study", "kind": "wall", "path": [[50,0],[54,0],[54,4],[50,4],[50,0]] }
    ],
    "zones": [
      { "id": "hall", "name": "Hall", "kind": "room", "priority": 1, "polygon": [[0,0],[40,0],[40,20],[0,20]] },
      { "id": "study", "name": "Study", "kind": "room", "priority": 4, "polygon": [[50,0],[54,0],[54,4],[50,4]] }
    ]
  },
  "catalog": [ { "id": "dome", "name": "Dome", "hfov_deg": 90, "range_m": 25, "unit_price": 400, "install_cost": 100 } ],
  "cameras": []
}"#;

fn run(text: &str, goal: Goal) -> (Scenario, blindspot::optimize::Proposal) {
    let s = Scenario::from_json(text).unwrap().0;
    let session = Session::new(s.clone(), Default::default()).unwrap();
    let req = Request {
        goal,
        existing: Existing::Remove,
        max_candidates: 1500,
        ..Request::default()
    };
    let ws = Workspace::new(&session, &req, &mut |_| true).unwrap();
    let p = ws.optimize(goal, &mut |_| true).unwrap();
    (s, p)
}

fn seen_share(s: &Scenario, p: &blindspot::optimize::Proposal, zone: &str) -> f64 {
    let mut s = s.clone();
    s.cameras = p.cameras.clone();
    let session = Session::new(s, Default::default()).unwrap();
    let summary = session.summary();
    summary
        .zones
        .iter()
        .find(|z| z.id == zone)
        .unwrap()
        .coverage
}

#[test]
fn a_priority_room_is_not_left_blind_when_the_budget_can_see_it() {
    // Two cameras: area alone would put both in the hall (800 m² against 16 m²);
    // no zone of priority 1 or more (the default) is left blind, so one goes
    // to the study.
    let (s, p) = run(HALL_AND_STUDY, Goal::Budget(1_000.0));
    assert_eq!(p.cameras.len(), 2);
    assert!(seen_share(&s, &p, "study") > 0.5, "the study is left blind");
    assert!(seen_share(&s, &p, "hall") > 0.2);
    for c in &p.cameras {
        assert!(mount_at(&s, c.position).mount.is_some());
    }
    // At 500, one camera: the study (priority 4) before the hall (priority 1).
    let (s, p) = run(HALL_AND_STUDY, Goal::Budget(500.0));
    assert_eq!(p.cameras.len(), 1);
    assert!(seen_share(&s, &p, "study") > 0.5);
    // The hall is left blind (it cannot have both): listed, with its price.
    let hall = p.unmet.iter().find(|u| u.id == "hall").expect("listed");
    assert!(hall.blind);
    assert_eq!(hall.extra_cost, Some(500.0));
}

#[test]
fn unmet_requirements_are_listed_with_what_more_they_cost() {
    // The hall must be seen in full (min_coverage 1): one camera cannot.
    let text = HALL_AND_STUDY.replace(
        r#""priority": 1, "polygon""#,
        r#""priority": 1, "min_coverage": 1, "polygon""#,
    );
    let (_, p) = run(&text, Goal::Budget(1_000.0));
    let hall = p
        .unmet
        .iter()
        .find(|u| u.id == "hall")
        .expect("the hall is listed");
    assert!(!hall.blind);
    assert_eq!(hall.required_share, 1.0);
    assert!(hall.estimated_share < 1.0);
    // Whatever more it takes is whole cameras at 500 each.
    let extra = hall.extra_cost.expect("the candidates can meet it");
    assert!(extra >= 500.0 && (extra / 500.0).fract() == 0.0, "{extra}");
    assert_eq!(hall.extra_cameras as f64, extra / 500.0);
    // A budget of nothing: the study is blind and listed first.
    let (_, p) = run(&text, Goal::Budget(0.0));
    assert!(p.cameras.is_empty());
    assert_eq!(p.unmet[0].id, "study");
    assert!(p.unmet[0].blind);
    assert_eq!(p.unmet[0].extra_cost, Some(500.0));
}

#[test]
fn a_zone_minimum_out_of_range_is_refused_with_its_place() {
    let text = HALL_AND_STUDY.replace(
        r#""priority": 1, "polygon""#,
        r#""priority": 1, "min_coverage": 1.5, "polygon""#,
    );
    let err = Scenario::from_json(&text).unwrap_err().to_string();
    assert!(err.contains("plan.zones[0].min_coverage"), "{err}");
}
