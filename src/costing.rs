//! The one cost account: what changing one camera layout into another costs,
//! line by line (hardware, installation, moves, removals), and what each layout
//! is worth at catalogue prices. The optimiser's proposals, the cost curve, the
//! page's proposal card and compare view, and the report all take their money
//! figures from [`change_cost`], so they agree to the cent.
//!
//! Cameras are matched by id:
//! - in both layouts, same model, same place and aim: **kept**, free;
//! - in both, same model, moved or re-aimed (position, heading, tilt, height or
//!   focal length changed): **moved**, its model's installation (the hardware is
//!   owned);
//! - in both with another model: **replaced**, the old one's removal plus the new
//!   one's price and installation;
//! - only in the new layout: **added**, price and installation;
//! - only in the old layout: **removed**, its model's `removal_cost`.
//!
//! Poles: a pole site holding a camera of the new layout and none of the old is
//! **put up**, at its `cost` (once, however many cameras it holds); a pole left
//! without cameras stays standing (no cost either way). A layout at catalogue
//! prices includes the poles holding its cameras ([`pole_lines`]), as the
//! report's costs list them.
//!
//! Every amount is rounded to the cent once per camera, so sums of lines equal
//! the totals exactly.

use crate::scenario::{Camera, CameraModel, Scenario};
use serde::Serialize;

/// Positions closer than this are the same place, metres (well below a mount's
/// tolerance: a camera dragged back is kept).
const SAME_PLACE_M: f64 = 1e-6;
/// Angles and lengths closer than this are the same aim.
const SAME_AIM: f64 = 1e-9;

/// What a change of layout costs, and what the layouts are worth.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChangeCost {
    pub currency: String,
    /// Unit prices of cameras bought (added or replacing another).
    pub hardware: f64,
    /// Installation of cameras bought.
    pub installation: f64,
    /// Installation of owned cameras moved or re-aimed.
    pub moves: f64,
    /// Taking down cameras removed or replaced.
    pub removals: f64,
    /// Poles put up (pole sites the new layout uses and the old does not).
    pub poles: f64,
    /// The sum of the five: what the change costs.
    pub spend: f64,
    /// The old layout at catalogue prices (price and installation of each
    /// camera, and each pole holding any of them), as the report's costs
    /// give it.
    pub total_before: f64,
    /// The new layout at catalogue prices (cameras and their poles).
    pub total_after: f64,
    pub kept: Vec<String>,
    pub added: Vec<String>,
    pub moved: Vec<String>,
    pub replaced: Vec<String>,
    pub removed: Vec<String>,
    /// Ids of the pole sites put up.
    pub poles_added: Vec<String>,
    /// Cameras bought, moved or removed whose model states no price for what
    /// was done to them (counted at zero).
    pub unpriced: Vec<String>,
    /// Any price used is an example (the starter catalogue's).
    pub example_prices: bool,
}

/// Rounds money to the cent.
pub fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A camera's catalogue value: its model's price and installation.
fn value(model: Option<&CameraModel>) -> f64 {
    model.map_or(0.0, |m| {
        cents(m.unit_price.unwrap_or(0.0) + m.install_cost.unwrap_or(0.0))
    })
}

fn same_aim(a: &Camera, b: &Camera) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= SAME_AIM,
        (None, None) => true,
        _ => false,
    };
    a.position.distance(b.position) <= SAME_PLACE_M
        && (a.heading_deg - b.heading_deg).abs() <= SAME_AIM
        && close(a.tilt_deg, b.tilt_deg)
        && close(a.height_m, b.height_m)
        && close(a.focal_mm, b.focal_mm)
        && close(a.hfov_deg, b.hfov_deg)
        && close(a.range_m, b.range_m)
}

/// The pole sites (indices, ascending) holding cameras of a layout.
pub fn poles_used(scenario: &Scenario, cameras: &[Camera]) -> Vec<usize> {
    if scenario.pole_sites.is_empty() {
        return Vec::new();
    }
    let mut used: Vec<usize> = cameras
        .iter()
        .filter_map(|c| crate::mounting::pole_of(scenario, c))
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// A pole site holding cameras of a layout, at its stated cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PoleLine {
    /// The pole site's id.
    pub id: String,
    /// Cameras of the layout on it.
    pub cameras: usize,
    /// Putting it up (the site's `cost`, to the cent; once, however many
    /// cameras it holds).
    pub cost: f64,
}

/// The pole sites holding cameras of a layout (in the plan's order), with
/// their cameras and cost.
pub fn pole_lines(scenario: &Scenario, cameras: &[Camera]) -> Vec<PoleLine> {
    if scenario.pole_sites.is_empty() {
        return Vec::new();
    }
    let mut count = vec![0usize; scenario.pole_sites.len()];
    for c in cameras {
        if let Some(i) = crate::mounting::pole_of(scenario, c) {
            count[i] += 1;
        }
    }
    scenario
        .pole_sites
        .iter()
        .zip(count)
        .filter(|(_, n)| *n > 0)
        .map(|(site, n)| PoleLine {
            id: site.id.clone(),
            cameras: n,
            cost: cents(site.cost),
        })
        .collect()
}

/// What changing `before` into `after` costs with the scenario's catalogue.
pub fn change_cost(scenario: &Scenario, before: &[Camera], after: &[Camera]) -> ChangeCost {
    let mut c = ChangeCost {
        currency: scenario.settings.currency.clone(),
        ..Default::default()
    };
    let note_unpriced = |c: &mut ChangeCost, id: &str, price: Option<f64>| {
        if price.is_none() && !c.unpriced.iter().any(|u| u == id) {
            c.unpriced.push(id.to_string());
        }
    };
    let example = |m: Option<&CameraModel>| m.is_some_and(|m| m.example_prices);
    let mut any_example = false;
    for cam in after {
        let model = scenario.model_of(cam);
        c.total_after += value(model);
        any_example |= example(model);
        let old = before.iter().find(|b| b.id == cam.id);
        match old {
            Some(old) if old.model == cam.model => {
                if same_aim(old, cam) {
                    c.kept.push(cam.id.clone());
                } else {
                    let install = model.and_then(|m| m.install_cost);
                    c.moves += cents(install.unwrap_or(0.0));
                    note_unpriced(&mut c, &cam.id, install);
                    c.moved.push(cam.id.clone());
                }
            }
            _ => {
                let price = model.and_then(|m| m.unit_price);
                let install = model.and_then(|m| m.install_cost);
                c.hardware += cents(price.unwrap_or(0.0));
                c.installation += cents(install.unwrap_or(0.0));
                note_unpriced(&mut c, &cam.id, price.and(install));
                if let Some(old) = old {
                    let old_model = scenario.model_of(old);
                    let removal = old_model.and_then(|m| m.removal_cost);
                    c.removals += cents(removal.unwrap_or(0.0));
                    any_example |= example(old_model);
                    note_unpriced(&mut c, &cam.id, removal);
                    c.replaced.push(cam.id.clone());
                } else {
                    c.added.push(cam.id.clone());
                }
            }
        }
    }
    for old in before {
        let model = scenario.model_of(old);
        c.total_before += value(model);
        any_example |= example(model);
        if !after.iter().any(|a| a.id == old.id) {
            let removal = model.and_then(|m| m.removal_cost);
            c.removals += cents(removal.unwrap_or(0.0));
            note_unpriced(&mut c, &old.id, removal);
            c.removed.push(old.id.clone());
        }
    }
    // Each layout at catalogue prices holds its poles (as the report's
    // costs); the spend pays only for the poles put up.
    let (old_poles, new_poles) = (poles_used(scenario, before), poles_used(scenario, after));
    for &i in &new_poles {
        let site = &scenario.pole_sites[i];
        c.total_after += cents(site.cost);
        if !old_poles.contains(&i) {
            c.poles += cents(site.cost);
            c.poles_added.push(site.id.clone());
        }
    }
    for &i in &old_poles {
        c.total_before += cents(scenario.pole_sites[i].cost);
    }
    for x in [
        &mut c.hardware,
        &mut c.installation,
        &mut c.moves,
        &mut c.removals,
        &mut c.poles,
        &mut c.total_before,
        &mut c.total_after,
    ] {
        *x = cents(*x);
    }
    c.spend = cents(c.hardware + c.installation + c.moves + c.removals + c.poles);
    c.example_prices = any_example;
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Point;

    fn model(id: &str, price: f64, install: f64, removal: Option<f64>) -> CameraModel {
        CameraModel {
            id: id.into(),
            name: id.into(),
            unit_price: Some(price),
            install_cost: Some(install),
            removal_cost: removal,
            hfov_deg: Some(90.0),
            range_m: Some(10.0),
            ..Default::default()
        }
    }

    fn cam(id: &str, model: &str, x: f64, heading: f64) -> Camera {
        Camera {
            id: id.into(),
            model: Some(model.into()),
            position: Point::new(x, 0.0),
            heading_deg: heading,
            ..Default::default()
        }
    }

    fn scenario() -> Scenario {
        Scenario {
            connections: Vec::new(),
            levels: Vec::new(),
            blindspot: crate::scenario::FORMAT_VERSION,
            name: "costs".into(),
            plan: Default::default(),
            catalog: vec![
                model("a", 400.10, 150.25, Some(60.0)),
                model("b", 1200.0, 300.0, None),
            ],
            cameras: Vec::new(),
            detectors: Vec::new(),
            settings: Default::default(),
            options: Vec::new(),
            underlay: None,
            pole_sites: Vec::new(),
        }
    }

    #[test]
    fn every_kind_of_change_priced_by_hand() {
        let s = scenario();
        let before = vec![
            cam("k", "a", 0.0, 0.0), // kept
            cam("m", "a", 1.0, 0.0), // moved
            cam("t", "a", 2.0, 0.0), // re-aimed (a move)
            cam("r", "a", 3.0, 0.0), // removed: 60.00
            cam("x", "b", 4.0, 0.0), // removed: no removal price
            cam("p", "a", 5.0, 0.0), // replaced by a "b": removal 60.00
        ];
        let after = vec![
            cam("k", "a", 0.0, 0.0),
            cam("m", "a", 1.5, 0.0),
            cam("t", "a", 2.0, 90.0),
            cam("p", "b", 5.0, 0.0),
            cam("n", "a", 6.0, 0.0), // added
        ];
        let c = change_cost(&s, &before, &after);
        assert_eq!(c.kept, ["k"]);
        assert_eq!(c.moved, ["m", "t"]);
        assert_eq!(c.replaced, ["p"]);
        assert_eq!(c.added, ["n"]);
        assert_eq!(c.removed, ["r", "x"]);
        // Bought: p (b: 1200 + 300) and n (a: 400.10 + 150.25).
        assert_eq!(c.hardware, 1600.10);
        assert_eq!(c.installation, 450.25);
        // Moves: two installations of a.
        assert_eq!(c.moves, 300.50);
        // Removals: r and p (60 each); x states none.
        assert_eq!(c.removals, 120.0);
        assert_eq!(c.unpriced, ["x"]);
        assert_eq!(c.spend, 1600.10 + 450.25 + 300.50 + 120.0);
        // Before: five a (550.35) and one b (1500); after: four a and one b.
        assert_eq!(c.total_before, cents(5.0 * 550.35 + 1500.0));
        assert_eq!(c.total_after, cents(4.0 * 550.35 + 1500.0));
    }

    #[test]
    fn the_same_layout_costs_nothing() {
        let s = scenario();
        let l = vec![cam("k", "a", 0.0, 0.0), cam("j", "b", 2.0, 45.0)];
        let c = change_cost(&s, &l, &l);
        assert_eq!(c.spend, 0.0);
        assert_eq!(c.kept.len(), 2);
        assert_eq!(c.total_before, c.total_after);
    }

    #[test]
    fn from_nothing_spend_is_the_layout_value() {
        let s = scenario();
        let l = vec![cam("k", "a", 0.0, 0.0), cam("j", "b", 2.0, 45.0)];
        let c = change_cost(&s, &[], &l);
        assert_eq!(c.spend, c.total_after);
        assert_eq!(c.spend, 2050.35);
    }
}
