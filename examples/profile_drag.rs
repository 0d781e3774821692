//! Times one frame of a camera drag as the page does it (`move_camera`, then
//! the summary) on a sample file, for `perf record` and quick looks;
//! `cargo bench --bench core -- drag_frame` is the reference.
//! `cargo run --release --example profile_drag [FILE] [CAMERA_ID] [MOVES]`
use blindspot::geometry::Point;
use blindspot::scenario::Scenario;
use blindspot::session::Session;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "www/samples/large.json".into());
    let camera = args.next().unwrap_or_else(|| "cam-28".into());
    let moves: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(400);
    let text = std::fs::read_to_string(&file).expect("the file reads");
    let (scenario, warnings) = Scenario::from_json(&text).expect("the scenario reads");
    let mut session = Session::new(scenario, warnings).expect("prepares");
    let index = session
        .scenario()
        .cameras
        .iter()
        .position(|c| c.id == camera)
        .expect("the camera is in the file");
    let start = session.scenario().cameras[index].position;
    let mut times: Vec<Duration> = Vec::with_capacity(moves);
    for i in 0..moves {
        // A circle of 3 m, as tests/e2e/perf.mjs drags.
        let a = i as f64 / moves as f64 * std::f64::consts::TAU;
        let p = start + Point::new(3.0 * a.sin(), -1.5 * (1.0 - a.cos()));
        let t = Instant::now();
        session.move_camera(index, p.x, p.y).expect("valid move");
        std::hint::black_box(session.summary());
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{file}, {camera}, {moves} moves: median {:?}, p95 {:?}",
        times[moves / 2],
        times[moves * 95 / 100]
    );
}
