//! Prints where the time of a full report goes (a quick look; the criterion
//! benches are the reference). `cargo run --release --example profile_report`
use blindspot::generator::{GeneratorOptions, generate};
use blindspot::session::Session;
use std::time::Instant;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap())
        .collect();
    let (segments, cameras) = (
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(300),
    );
    let scenario = generate(&GeneratorOptions {
        wall_segments: segments,
        cameras,
        seed: 1,
        mounted: std::env::var("MOUNTED").is_ok(),
    });
    let t = Instant::now();
    let mut session = Session::new(scenario, Default::default()).expect("prepares");
    println!("new (prepare + everything): {:?}", t.elapsed());
    for _ in 0..(std::env::var("LOOPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3))
    {
        let t = Instant::now();
        session.recompute_views();
        let a = t.elapsed();
        let t = Instant::now();
        session.recompute_coverage();
        let b = t.elapsed();
        let t = Instant::now();
        let spots = session.blind_spots();
        let c = t.elapsed();
        let t = Instant::now();
        let report = session.report();
        let d = t.elapsed();
        println!(
            "views {a:?}  coverage {b:?}  blind-spot merge {c:?} ({} spots)  report assembly {d:?}  cells {}",
            spots.len(),
            session.coverage().cells.len()
        );
        let _ = report;
    }
    use i_overlay::core::fill_rule::FillRule;
    use i_overlay::core::overlay::{Overlay, ShapeType};
    use i_overlay::core::overlay_rule::OverlayRule;
    use i_overlay::core::solver::{Precision, Solver, Strategy};
    let pieces: Vec<_> = session
        .coverage()
        .results
        .iter()
        .flat_map(|r| r.blind.iter().cloned())
        .collect();
    let segs: usize = pieces.iter().flatten().map(|c| c.len()).sum();
    println!("{} pieces, {} segments", pieces.len(), segs);
    for (name, strategy) in [
        ("list", Strategy::List),
        ("tree", Strategy::Tree),
        ("frag", Strategy::Frag),
        ("auto", Strategy::Auto),
    ] {
        for precision in [Precision::ABSOLUTE, Precision::HIGH] {
            let t = Instant::now();
            let mut o = Overlay::<i64>::new_custom(
                segs,
                Default::default(),
                Solver::with_strategy_and_precision(strategy, precision),
            );
            o.add_source(&pieces, ShapeType::Subject);
            let r = o.overlay(OverlayRule::Subject, FillRule::NonZero);
            println!(
                "{name} {:?}: {:?} -> {} shapes",
                precision,
                t.elapsed(),
                r.len()
            );
        }
    }
}

#[allow(dead_code)]
fn unused() {}
