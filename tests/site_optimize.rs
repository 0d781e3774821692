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

#[test]
fn the_site_curve_buys_a_room_per_camera_and_splits_at_best() {
    // Four rooms over two levels, one model at 600: at each budget the site
    // buys as many cameras as it can pay for (at most one a room), each level's
    // share on its own curve.
    let scenario = empty_floors(&["ground", "upper"]);
    let site = Site::new(scenario.clone(), Default::default()).unwrap();
    let points = site
        .budget_curve(&request(), 3000.0, 5, 0, &mut |_| true)
        .unwrap();
    // Budgets 0, 600, ..., 3000: 0, 1, 2, 3, 4 cameras, then nothing better.
    let counts: Vec<usize> = points.iter().map(|p| p.camera_count).collect();
    assert_eq!(counts, [0, 1, 2, 3, 4], "{points:#?}");
    for (k, p) in points.iter().enumerate() {
        assert_eq!(p.budget, 600.0 * k as f64);
        assert_eq!(p.cost, 600.0 * k as f64);
        assert!(p.cost <= p.budget);
        let level_costs: f64 = p.levels.iter().map(|l| l.cost).sum();
        assert_eq!(level_costs, p.cost);
        assert_eq!(
            p.levels.iter().map(|l| l.camera_count).sum::<usize>(),
            p.cameras.len()
        );
        assert_eq!(p.levels.iter().map(|l| l.added).sum::<usize>(), k);
        for l in &p.levels {
            // No level buys a second camera for a room while another room has none.
            assert!(l.camera_count <= 2, "{l:?}");
            let here = p
                .cameras
                .iter()
                .filter(|c| c.level.as_deref() == Some(l.level.as_str()))
                .count();
            assert_eq!(here, l.camera_count);
        }
        // Each room is the same share of the site (equal areas, priority 1):
        // a camera a room gives a quarter each, within the sampling.
        assert!(
            (p.estimated_coverage - k as f64 / 4.0).abs() < 0.03,
            "{k}: {}",
            p.estimated_coverage
        );
        // The layout as a file: its site report's cost is the point's total.
        let mut with = scenario.clone();
        with.cameras = p.cameras.clone();
        let (with, _) = Scenario::from_json(&with.to_json()).unwrap();
        let report = Site::new(with, Default::default()).unwrap().report();
        assert_eq!(report.site.costs.total, p.total);
    }
    // Three cameras: two on one level, one on the other.
    let mut three: Vec<usize> = points[3].levels.iter().map(|l| l.camera_count).collect();
    three.sort_unstable();
    assert_eq!(three, [1, 2]);
}

#[test]
fn the_site_curve_refuses_a_bad_budget_and_tells_each_level() {
    let site = Site::new(empty_floors(&["ground", "upper"]), Default::default()).unwrap();
    assert_eq!(
        site.budget_curve(&request(), 0.0, 4, 0, &mut |_| true)
            .unwrap_err(),
        SiteOptimizeError::MaxBudget(0.0)
    );
    // Progress names both levels, as steps 0 and 1 of 2; a false cancels.
    let mut seen = Vec::new();
    site.budget_curve(&request(), 1200.0, 4, 0, &mut |p| {
        seen.push((p.level, p.step, p.steps));
        true
    })
    .unwrap();
    assert!(seen.contains(&(0, 0, 2)) && seen.contains(&(1, 1, 2)));
    assert!(seen.iter().all(|&(l, s, n)| l == s && n == 2));
    let mut calls = 0;
    let stopped = site.budget_curve(&request(), 1200.0, 4, 0, &mut |_| {
        calls += 1;
        calls < 3
    });
    assert!(
        matches!(
            stopped,
            Err(SiteOptimizeError::Workspace(_)) | Err(SiteOptimizeError::Cancelled(_))
        ),
        "{stopped:?}"
    );
}

#[test]
fn a_site_budget_run_tells_its_steps_and_names_its_levels() {
    let site = Site::new(empty_floors(&["ground", "upper"]), Default::default()).unwrap();
    let mut steps = std::collections::BTreeSet::new();
    let proposal = site
        .optimize_budget(&request(), 1300.0, &mut |p| {
            assert_eq!(p.steps, 4);
            steps.insert((p.step, p.level));
            true
        })
        .unwrap();
    // A curve then an optimisation on each level: steps 0, 1 then 2, 3.
    assert_eq!(
        steps.into_iter().collect::<Vec<_>>(),
        [(0, 0), (1, 1), (2, 0), (3, 1)]
    );
    let names: Vec<&str> = proposal.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["ground", "upper"]);
}
