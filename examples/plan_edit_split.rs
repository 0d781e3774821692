//! Where one wall-corner move's time goes in the core, on a sample: reading and
//! validating the plan (`Scenario::with_plan_json`), preparing the walls
//! (`PreparedPlan::anchored`) and the rest of `Session::set_plan` (the changed
//! triangles, the views within reach, the coverage cells they touch).
//!
//!   cargo run --release --example plan_edit_split -- www/samples/large.json [moves]

use blindspot::geometry::{Anchor, Tolerances};
use blindspot::plan::{PreparedPlan, plan_bounds};
use blindspot::session::Session;
use serde_json::Value;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "www/samples/large.json".into());
    let moves: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&path).expect("the sample");
    let file: Value = serde_json::from_str(&text).expect("JSON");
    let mut session = Session::from_json(&text).expect("the sample loads");
    // The corner nearest the middle of the plan, as the page's benchmark drags it.
    let b = plan_bounds(&session.scenario().plan);
    let (cx, cy) = ((b.min.x + b.max.x) / 2.0, (b.min.y + b.max.y) / 2.0);
    let walls = file["plan"]["walls"].as_array().expect("walls");
    let mut at = [0.0, 0.0];
    let mut best = f64::INFINITY;
    for w in walls {
        for p in w["path"].as_array().expect("path") {
            let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
            let d = (x - cx).hypot(y - cy);
            if d < best {
                best = d;
                at = [x, y];
            }
        }
    }
    let (mut read, mut prep, mut apply, mut views) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for m in 0..moves {
        let a = (m as f64 + 1.0) / moves as f64 * std::f64::consts::TAU;
        let to = [
            ((at[0] + 0.6 * a.sin()) * 1000.0).round() / 1000.0,
            ((at[1] - 0.3 * (1.0 - a.cos())) * 1000.0).round() / 1000.0,
        ];
        let mut plan = file["plan"].clone();
        for w in plan["walls"].as_array_mut().unwrap() {
            for p in w["path"].as_array_mut().unwrap() {
                if p[0].as_f64() == Some(at[0]) && p[1].as_f64() == Some(at[1]) {
                    *p = serde_json::json!(to);
                }
            }
        }
        let json = plan.to_string();
        let t0 = Instant::now();
        let (next, _) = session.scenario().with_plan_json(&json).expect("valid");
        let t1 = Instant::now();
        let anchor = Anchor::of_bounds(plan_bounds(&next.plan));
        let _ =
            PreparedPlan::anchored(&next.plan, Tolerances::default(), anchor).expect("prepares");
        let t2 = Instant::now();
        let edit = session.set_plan(next).expect("applies");
        let t3 = Instant::now();
        read.push((t1 - t0).as_secs_f64() * 1e3);
        prep.push((t2 - t1).as_secs_f64() * 1e3);
        apply.push((t3 - t2).as_secs_f64() * 1e3);
        views.push(edit.views as f64);
    }
    let med = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (r, p, a, v) = (
        med(&mut read),
        med(&mut prep),
        med(&mut apply),
        med(&mut views),
    );
    println!(
        "{path}: corner {at:?}, {moves} moves; medians: read and validate {r:.2} ms, prepare the walls {p:.2} ms, \
         set_plan {a:.2} ms (of which preparing about {p:.2}; the rest: changed triangles, {v} views, their cells)"
    );
}
