//! One cost account: the optimiser's proposal, the curve and the report price a
//! change of layout with `costing::change_cost`, so they agree to the cent; and
//! the curve is the same whichever layout is loaded beside the as-is one.

use blindspot::costing::change_cost;
use blindspot::optimize::{Existing, Goal, Request, Workspace};
use blindspot::scenario::{Scenario, ScenarioOption};
use blindspot::session::Session;

fn wing() -> Scenario {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/samples/museum-wing.json"
    ))
    .expect("the sample");
    Scenario::from_json(&text).expect("the sample reads").0
}

fn request(goal: Goal, existing: Existing) -> Request {
    Request {
        goal,
        existing,
        max_candidates: 400,
        ..Request::default()
    }
}

fn propose(s: &Scenario, req: &Request) -> blindspot::optimize::Proposal {
    let session = Session::new(s.clone(), Default::default()).expect("prepares");
    let ws = Workspace::new(&session, req, &mut |_| true).unwrap();
    ws.optimize(req.goal, &mut |_| true).unwrap()
}

#[test]
fn proposal_and_report_agree_to_the_cent() {
    let mut s = wing();
    // Prices with cents, and a removal price, so rounding would show.
    for m in &mut s.catalog {
        m.unit_price = m.unit_price.map(|p| p + 0.37);
        m.install_cost = m.install_cost.map(|p| p + 0.21);
        m.removal_cost = Some(45.55);
    }
    for existing in [
        Existing::Keep,
        Existing::Move,
        Existing::Movable,
        Existing::Remove,
    ] {
        let p = propose(&s, &request(Goal::Budget(5_000.0), existing));
        assert!(p.cost <= 5_000.0 + 1e-9, "{existing:?}: {}", p.cost);
        let account = change_cost(&s, &s.cameras, &p.cameras);
        assert_eq!(p.account, account, "{existing:?}");
        assert_eq!(p.cost, account.spend);
        // The spend is its lines, to the cent.
        let lines = account.hardware + account.installation + account.moves + account.removals;
        assert!((lines - account.spend).abs() < 0.005);
        // The report of the as-is layout with the proposal as an option.
        let mut with = s.clone();
        with.options = vec![ScenarioOption {
            name: "Proposal".into(),
            cameras: p.cameras.clone(),
        }];
        let main = Session::new(with, Default::default()).unwrap();
        let layouts = blindspot::document::dossier::layouts(main).unwrap();
        let d = blindspot::document::dossier::build(&layouts, 0, Some("2026-12-01"));
        assert_eq!(d.changes.len(), 1);
        assert_eq!(d.changes[0].change, account, "{existing:?}");
        if existing == Existing::Remove {
            assert_eq!(account.removed.len(), s.cameras.len());
            assert_eq!(
                account.removals,
                (45.55 * s.cameras.len() as f64 * 100.0).round() / 100.0
            );
        }
    }
}

#[test]
fn the_curve_is_the_same_whichever_layout_is_beside_the_as_is_one() {
    let s = wing();
    let req = request(Goal::Budget(0.0), Existing::Keep);
    let curve_of = |s: &Scenario| {
        let session = Session::new(s.clone(), Default::default()).unwrap();
        let ws = Workspace::new(&session, &req, &mut |_| true).unwrap();
        ws.curve(6_000.0, 12, 2, &mut |_| true).unwrap()
    };
    let plain = curve_of(&s);
    // A proposal kept as an option of the file changes nothing about the curve.
    let p = propose(&s, &request(Goal::Budget(4_000.0), Existing::Keep));
    let mut with = s.clone();
    with.options = vec![ScenarioOption {
        name: "Budget €4,000".into(),
        cameras: p.cameras,
    }];
    assert_eq!(curve_of(&with), plain);
    // It starts at the as-is layout: no spend, its own catalogue value.
    assert_eq!(plain[0].cost, 0.0);
    assert_eq!(
        plain[0].total,
        blindspot::costing::cents(blindspot::report::costs(&s).total)
    );
    assert_eq!(plain[0].cameras, s.cameras);
}
