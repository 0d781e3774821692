//! Prints where the time of loading a scenario file goes: reading and
//! validation, wall preparation, and the whole session (views and coverage).
//! `cargo run --release --example profile_load -- FILE`
use blindspot::scenario::Scenario;
use blindspot::session::Session;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_load FILE");
    let bytes = std::fs::read(&path).expect("reads the file");
    let t = Instant::now();
    let (scenario, warnings) = Scenario::from_bytes(&bytes).expect("a valid scenario");
    println!("read + validate: {:?}", t.elapsed());
    let t = Instant::now();
    let plan = blindspot::plan::PreparedPlan::new(
        &scenario.plan,
        blindspot::geometry::Tolerances::default(),
    );
    println!("prepare walls: {:?} ({})", t.elapsed(), plan.is_ok());
    let t = Instant::now();
    let session = Session::new(scenario, warnings).expect("prepares");
    println!("session (walls, views, coverage): {:?}", t.elapsed());
    let t = Instant::now();
    let report = session.report();
    println!(
        "report: {:?} ({} zones)",
        t.elapsed(),
        report.summary.zones.len()
    );
}
