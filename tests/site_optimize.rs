//! One budget for a site of several levels: the optimiser places cameras on
//! every level, the levels' spends add up to no more than the budget, and the
//! layout read back as a site reports those costs.

use blindspot::optimize::Request;
use blindspot::scenario::Scenario;
use blindspot::site::{Site, SiteOptimizeError};
use serde_json::json;

/// Two floors of two closed 10 x 8 m rooms each, no cameras yet; one model at
/// 500 + 100 installation. Each room needs at least one camera.
fn empty_floors(levels: &[&str]) -> Scenario {
    let mut walls = Vec::new();
    let mut zones = Vec::new();
    for level in levels {
        for (k, x0) in [0.0, 10.0].into_iter().enumerate() {
            let ring = json!([[x0, 0.0], [x0 + 10.0, 0.0], [x0 + 10.0, 8.0], [x0, 8.0]]);
            walls.push(json!({ "id": format!("{level}-w{k}"), "level": level,
                "path": [[x0, 0.0], [x0 + 10.0, 0.0], [x0 + 10.0, 8.0], [x0, 8.0], [x0, 0.0]] }));
            zones.push(
                json!({ "id": format!("{level}-room-{k}"), "level": level, "polygon": ring }),
            );
        }
    }
    let levels: Vec<_> = levels
        .iter()
        .enumerate()
        .map(|(i, id)| json!({ "id": id, "elevation_m": 4.0 * i as f64 }))
        .collect();
    let v = json!({
        "blindspot": 1,
        "name": "Empty floors",
        "levels": levels,
        "plan": { "walls": walls, "zones": zones },
        "catalog": [ { "id": "wide", "hfov_deg": 100, "range_m": 30, "unit_price": 500, "install_cost": 100 } ],
        "cameras": []
    });
    Scenario::from_json(&v.to_string()).unwrap().0
}

fn request() -> Request {
    Request {
        max_candidates: 400,
        sample_step_m: 0.5,
        ..Request::default()
    }
}

#[test]
fn a_budget_spread_across_levels_is_respected() {
    let scenario = empty_floors(&["ground", "upper"]);
    let site = Site::new(scenario.clone(), Default::default()).unwrap();
    // Enough for five cameras (5 x 600 = 3000 of 3300): four rooms on two
    // levels want them all, so the split must give both levels some.
    let budget = 3300.0;
    let proposal = site
        .optimize_budget(&request(), budget, &mut |_| true)
        .unwrap();
    assert!(proposal.cost <= budget, "{} > {budget}", proposal.cost);
    let per_level: f64 = proposal.levels.iter().map(|l| l.proposal.cost).sum();
    assert_eq!(per_level, proposal.cost);
    let shares: f64 = proposal.levels.iter().map(|l| l.budget).sum();
    assert!(shares <= budget);
    for share in &proposal.levels {
        assert!(share.proposal.cost <= share.budget, "{}", share.level);
        let here = proposal
            .cameras
            .iter()
            .filter(|c| c.level.as_deref() == Some(share.level.as_str()))
            .count();
        assert!(here >= 2, "{} cameras on {}", here, share.level);
        assert_eq!(here, share.proposal.cameras.len());
    }
    assert!(proposal.cameras.len() <= 5);
    // Ids are unique over the site, and the layout is a valid file whose
    // site report costs what the proposal spends (nothing was there before).
    let mut with = scenario.clone();
    with.cameras = proposal.cameras.clone();
    let (with, _) = Scenario::from_json(&with.to_json()).unwrap();
    let report = Site::new(with, Default::default()).unwrap().report();
    assert_eq!(report.site.costs.total, proposal.cost);
    assert_eq!(report.site.cameras, proposal.cameras.len());
    assert!(report.site.coverage > 0.5);
}

#[test]
fn a_small_budget_goes_where_it_buys_most() {
    // One camera's worth: it goes to one level, the other spends nothing.
    let site = Site::new(empty_floors(&["ground", "upper"]), Default::default()).unwrap();
    let proposal = site
        .optimize_budget(&request(), 700.0, &mut |_| true)
        .unwrap();
    assert_eq!(proposal.cameras.len(), 1);
    assert_eq!(proposal.cost, 600.0);
    let spends: Vec<f64> = proposal.levels.iter().map(|l| l.proposal.cost).collect();
    assert!(
        spends.contains(&0.0) && spends.contains(&600.0),
        "{spends:?}"
    );
}

#[test]
fn a_bad_budget_is_refused() {
    let site = Site::new(empty_floors(&["ground", "upper"]), Default::default()).unwrap();
    assert_eq!(
        site.optimize_budget(&request(), f64::NAN, &mut |_| true)
            .unwrap_err()
            .to_string(),
        SiteOptimizeError::Budget(f64::NAN).to_string()
    );
}
