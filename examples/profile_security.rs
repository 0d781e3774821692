//! Times the security audit and one route on the benchmark's plan (the
//! 10,000-segment generated plan, 300 mounted cameras, a response force), for
//! `perf record` and quick looks; `cargo bench --bench core -- security` is the
//! reference. `cargo run --release --example profile_security [LOOPS]`
use blindspot::analysis::{RouteOptions, Start, audit, route};
use blindspot::generator::{GeneratorOptions, generate};
use blindspot::scenario::Response;
use blindspot::session::Session;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let loops: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let mut scenario = generate(&GeneratorOptions {
        wall_segments: 10_000,
        cameras: 300,
        seed: 1,
        mounted: true,
    });
    scenario.settings.security.response = Some(Response {
        mean_s: 90.0,
        sd_s: 30.0,
        p_communication: 0.95,
    });
    let session = Session::new(scenario, Default::default()).expect("prepares");
    let start = Start::Opening("window-13".into());
    let options = RouteOptions::default();
    let (mut audits, mut routes) = (Vec::new(), Vec::new());
    for _ in 0..loops {
        let t = Instant::now();
        std::hint::black_box(audit(&session));
        audits.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(route(&session, &start, "case-221-c1", &options).expect("a route"));
        routes.push(t.elapsed());
    }
    println!(
        "audit median {:?}, route median {:?} ({loops} runs)",
        median(audits),
        median(routes)
    );
}
