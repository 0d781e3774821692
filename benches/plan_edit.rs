//! Criterion benchmarks of live plan editing: one wall vertex moved, the plan
//! read and validated again (`Scenario::with_plan_json`) and applied
//! (`Session::set_plan`), against a full reload of the scenario, on the museum
//! wing and the large sample; and the room around a point.
//! Run: `cargo bench --bench plan_edit` (figures in docs/performance.md).

use blindspot::geometry::Point;
use blindspot::plan::room_mesh;
use blindspot::session::Session;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/www/samples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the sample")
}

/// The sample's plan with the last vertex of its middle plain wall moved by
/// `dx` metres, as the page would send it.
fn moved_plan(file: &Value, dx: f64) -> String {
    let mut plan = file["plan"].clone();
    let walls = plan["walls"].as_array_mut().expect("walls");
    let k = (walls.len() / 2..walls.len())
        .chain(0..walls.len() / 2)
        .find(|&k| walls[k].get("kind").is_none_or(|kind| kind == "wall"))
        .expect("a plain wall");
    let path = walls[k]["path"].as_array_mut().expect("a path");
    let last = path.len() - 1;
    let x = path[last][0].as_f64().expect("a coordinate");
    path[last][0] = serde_json::json!(x + dx);
    plan.to_string()
}

fn wall_vertex_move(c: &mut Criterion) {
    for name in ["museum-wing", "large"] {
        let text = sample(name);
        let file: Value = serde_json::from_str(&text).expect("JSON");
        let plans = [moved_plan(&file, 0.25), moved_plan(&file, -0.25)];
        let mut group = c.benchmark_group(format!("wall_vertex_move/{name}"));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(if name == "large" { 20 } else { 5 }));
        let mut session = Session::from_json(&text).expect("the sample loads");
        let mut flip = 0;
        group.bench_function("read_and_validate", |b| {
            b.iter(|| {
                flip ^= 1;
                black_box(
                    session
                        .scenario()
                        .with_plan_json(&plans[flip])
                        .expect("valid"),
                )
            })
        });
        let read: Vec<_> = plans
            .iter()
            .map(|p| session.scenario().with_plan_json(p).expect("valid").0)
            .collect();
        group.bench_function("set_plan", |b| {
            b.iter_batched(
                || {
                    flip ^= 1;
                    read[flip].clone()
                },
                |next| black_box(session.set_plan(next).expect("applies")),
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function("validate_and_set_plan", |b| {
            b.iter(|| {
                flip ^= 1;
                let (next, _) = session
                    .scenario()
                    .with_plan_json(&plans[flip])
                    .expect("valid");
                black_box(session.set_plan(next).expect("applies"))
            })
        });
        group.bench_function("full_reload", |b| {
            b.iter(|| black_box(Session::from_json(&text).expect("loads")))
        });
        let inside = session.scenario().cameras[0].position;
        // The first query triangulates every wall (then it is kept until the plan changes).
        group.bench_function("room_mesh", |b| {
            let (plan, prepared) = (&session.scenario().plan, session.plan());
            b.iter(|| {
                black_box(
                    room_mesh(plan, prepared.tolerances.snap_m, prepared.anchor).expect("builds"),
                )
            })
        });
        group.bench_function("room_at_cached", |b| {
            b.iter(|| {
                black_box(
                    session
                        .room_at(Point::new(inside.x, inside.y))
                        .expect("runs"),
                )
            })
        });
        group.finish();
    }
}

criterion_group!(benches, wall_vertex_move);
criterion_main!(benches);
