//! Criterion benchmarks of the board documents: the plan drawing, the report's
//! data and the whole HTML report (with its route searches), on the museum wing
//! sample and on a generated plan of 5,000 wall segments and 200 cameras.
//! Run: `cargo bench --bench documents` (figures in docs/performance.md).

use blindspot::document::{self, dossier};
use blindspot::generator::{GeneratorOptions, generate};
use blindspot::session::Session;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn museum_wing() -> Session {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/samples/museum-wing.json"
    ))
    .expect("the sample is in the repository");
    Session::from_json(&text).expect("the sample is valid")
}

fn large() -> Session {
    let scenario = generate(&GeneratorOptions {
        wall_segments: 5_000,
        cameras: 200,
        seed: 1,
        mounted: true,
    });
    Session::from_json(&scenario.to_json()).expect("generated plans are valid")
}

fn documents(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    for (name, session) in [("museum_wing", museum_wing()), ("5000seg_200cam", large())] {
        group.bench_function(format!("plan_svg_{name}"), |b| {
            b.iter(|| {
                black_box(
                    document::paper_drawing(&session, 271.0, 184.0, "plan")
                        .svg
                        .len(),
                )
            })
        });
        group.bench_function(format!("dossier_{name}"), |b| {
            b.iter(|| {
                black_box(
                    dossier::build(&[&session], 0, Some("2026-12-14"))
                        .zones
                        .len(),
                )
            })
        });
    }
    let wing = museum_wing();
    group.bench_function("report_html_museum_wing", |b| {
        b.iter(|| black_box(document::report_html(&[&wing], 0, Some("2026-12-14")).len()))
    });
    group.finish();
}

criterion_group!(benches, documents);
criterion_main!(benches);
