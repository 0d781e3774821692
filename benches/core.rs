//! Criterion benchmarks of the core on generated museum plans of growing size.
//! Run: `cargo bench --bench core` (figures in docs/performance.md).

use blindspot::analysis::RouteOptions;
use blindspot::analysis::route::{SiteStart, site_route};
use blindspot::coverage::Coverage;
use blindspot::generator::{GeneratorOptions, generate, generate_site};
use blindspot::geometry::{Anchor, Point, Tolerances};
use blindspot::plan::PreparedPlan;
use blindspot::scenario::{CameraSpec, Plan, Scenario, Wall};
use blindspot::session::Session;
use blindspot::site::Site;
use blindspot::view::{Expander, camera_view};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// A generated plan with flat cameras (field of view and range only).
fn plan(segments: usize, cameras: usize) -> Scenario {
    generate(&GeneratorOptions {
        wall_segments: segments,
        cameras,
        seed: 1,
        mounted: false,
    })
}

/// A generated plan with mounted cameras: dead zones, density bands, required
/// levels.
fn mounted_plan(segments: usize, cameras: usize) -> Scenario {
    generate(&GeneratorOptions {
        wall_segments: segments,
        cameras,
        seed: 1,
        mounted: true,
    })
}

/// Camera specs inside rooms: the generated cameras' positions with the given
/// field of view and range.
fn specs(scenario: &Scenario, hfov: f64, range: f64, centred: bool) -> Vec<CameraSpec> {
    scenario
        .cameras
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let position = if centred {
                // Room centres (galleries are 14 x 10 m on a grid).
                Point::new(
                    (c.position.x / 14.0).floor() * 14.0 + 7.0 + 0.31,
                    (c.position.y / 10.0).floor().min(1e9) * 10.0 + 5.0 - 0.37,
                )
            } else {
                c.position
            };
            CameraSpec::flat(position, c.heading_deg + i as f64, hfov, range)
        })
        .collect()
}

fn prepare(c: &mut Criterion) {
    let mut group = c.benchmark_group("prepare_plan");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    for segments in [1_000, 10_000, 100_000] {
        let scenario = plan(segments, 0);
        group.bench_with_input(BenchmarkId::from_parameter(segments), &scenario, |b, s| {
            b.iter(|| PreparedPlan::new(black_box(&s.plan), Tolerances::default()))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("prepare_zones");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for segments in [1_000, 10_000] {
        let scenario = plan(segments, 0);
        group.bench_with_input(BenchmarkId::from_parameter(segments), &scenario, |b, s| {
            b.iter(|| Coverage::new(black_box(&s.plan.zones), 4, Anchor::default()))
        });
    }
    group.finish();
}

/// The same plan with every door shut: rooms are closed.
fn close_doors(mut scenario: Scenario) -> Scenario {
    for wall in &mut scenario.plan.walls {
        wall.open = false;
    }
    scenario
}

fn views(c: &mut Criterion) {
    for (name, hfov, range, centred, closed) in [
        ("view_90deg_25m", 90.0, 25.0, false, false),
        ("view_360deg_closed_room", 360.0, 1000.0, true, true),
        ("view_360deg_open_doors", 360.0, 1000.0, true, false),
    ] {
        let mut group = c.benchmark_group(name);
        for segments in [1_000, 10_000, 100_000] {
            let scenario = plan(segments, 300);
            let scenario = if closed {
                close_doors(scenario)
            } else {
                scenario
            };
            let prepared =
                PreparedPlan::new(&scenario.plan, Tolerances::default()).expect("prepares");
            let cams = specs(&scenario, hfov, range, centred);
            let mut expander = Expander::default();
            let mut i = 0;
            group.bench_function(BenchmarkId::from_parameter(segments), |b| {
                b.iter(|| {
                    i = (i + 1) % cams.len();
                    camera_view(&prepared, black_box(&cams[i]), &[], &mut expander)
                })
            });
        }
        group.finish();
    }
}

fn full_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_report");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    for (segments, cameras, mounted) in [
        (1_000, 30, false),
        (10_000, 100, false),
        (10_000, 300, false),
        (10_000, 300, true),
        (100_000, 3_000, false),
    ] {
        let scenario = if mounted {
            mounted_plan(segments, cameras)
        } else {
            plan(segments, cameras)
        };
        let kind = if mounted { "mounted" } else { "flat" };
        let mut session = Session::new(scenario, Default::default()).expect("prepares");
        group.bench_function(format!("{segments}seg_{cameras}cam_{kind}"), |b| {
            b.iter(|| {
                session.recompute();
                black_box(session.report())
            })
        });
    }
    group.finish();
}

/// The palace of issue 14: 50,000 wall segments and 1,500 cameras over five
/// levels (the site and four floors), as `blindspot generate --walls 50000
/// --cameras 1500 --levels 5` makes it.
///
/// - `full_report`: what `blindspot report` does after reading the file
///   (`Site::new`: slice, prepare, views and coverage of every level; then
///   `Site::report`: every level's full report and the site's sums): the
///   issue's goal, at most 500 ms natively;
/// - `route_across_levels`: `blindspot route` on it from outside the first
///   floor's window 3 (a balcony) to the top floor's last display case
///   (`floor-3-case-107-c4`), after `Site::new` (not timed): the walk grids of
///   the four floors it may cross, the least watched, fastest and least
///   detected searches across them, their measures and the suggested changes;
/// - where that goes: `prepare` (slicing and preparing the five plans),
///   `views_coverage` (every view and the coverage on prepared levels,
///   `Site::recompute`), `report` (`Site::report` on a computed site: each
///   level's report, its blind spots merged).
fn palace(c: &mut Criterion) {
    let mut group = c.benchmark_group("palace");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(15));
    let palace = generate_site(
        &GeneratorOptions {
            wall_segments: 50_000,
            cameras: 1_500,
            seed: 1,
            mounted: true,
        },
        5,
    );
    group.bench_function("5lv_50kseg_1500cam/full_report", |b| {
        b.iter(|| {
            let site = Site::new(black_box(palace.clone()), Default::default()).expect("prepares");
            black_box(site.report())
        })
    });
    group.bench_function("5lv_50kseg_1500cam/prepare", |b| {
        b.iter(|| {
            for level in palace.levels() {
                let slice = palace.level_slice(&level.id).expect("a level");
                black_box(PreparedPlan::new(&slice.plan, Tolerances::default()).expect("prepares"));
            }
        })
    });
    let mut site = Site::new(palace.clone(), Default::default()).expect("prepares");
    group.bench_function("5lv_50kseg_1500cam/views_coverage", |b| {
        b.iter(|| {
            site.recompute();
            black_box(site.sessions().len())
        })
    });
    // A fresh site each time (its blind spots are cached once computed): the
    // set-up is not timed, but is long, so fewer samples.
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("5lv_50kseg_1500cam/report", |b| {
        b.iter_batched(
            || Site::new(palace.clone(), Default::default()).expect("prepares"),
            |site| black_box(site.report()),
            criterion::BatchSize::PerIteration,
        )
    });
    let site = Site::new(palace.clone(), Default::default()).expect("prepares");
    let from = SiteStart::Opening("floor-1-window-3".to_string());
    group.bench_function("5lv_50kseg_1500cam/route_across_levels", |b| {
        b.iter(|| {
            black_box(
                site_route(
                    &site,
                    &from,
                    "floor-3-case-107-c4",
                    &RouteOptions::default(),
                )
                .expect("a route"),
            )
        })
    });
    group.finish();
}

fn drag(c: &mut Criterion) {
    // One frame of a drag: move one camera, recompute its view and the cells it
    // touches, read the summary.
    let mut group = c.benchmark_group("drag_frame");
    for (segments, cameras, mounted) in
        [(5_000, 200, false), (5_000, 200, true), (10_000, 300, true)]
    {
        let scenario = if mounted {
            mounted_plan(segments, cameras)
        } else {
            plan(segments, cameras)
        };
        let kind = if mounted { "mounted" } else { "flat" };
        let start = scenario.cameras[0].position;
        let mut session = Session::new(scenario, Default::default()).expect("prepares");
        let mut t = 0.0f64;
        group.bench_function(format!("{segments}seg_{cameras}cam_{kind}"), |b| {
            b.iter(|| {
                t += 0.01;
                let p = start + Point::new(1.0 + 5.0 * t.sin().abs(), 1.0 + 3.0 * t.cos().abs());
                session.move_camera(0, p.x, p.y).expect("valid move");
                black_box(session.summary())
            })
        });
    }
    group.finish();
}

fn optimizer(c: &mut Criterion) {
    use blindspot::optimize::{Existing, Goal, Request, Workspace};
    // The large sample's plan: 5,000 wall segments, mounted cameras.
    let scenario = mounted_plan(5_000, 200);
    let session = Session::new(scenario, Default::default()).expect("prepares");
    let request = Request {
        goal: Goal::Budget(60_000.0),
        existing: Existing::Remove,
        max_candidates: 2_500,
        ..Request::default()
    };
    let mut group = c.benchmark_group("optimize_5000seg");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("candidates_2500", |b| {
        b.iter(|| Workspace::new(&session, black_box(&request), &mut |_| true).unwrap())
    });
    let workspace = Workspace::new(&session, &request, &mut |_| true).unwrap();
    assert!(workspace.candidates.len() >= 2_000);
    group.bench_function("select_budget_60k", |b| {
        b.iter(|| {
            workspace
                .optimize(black_box(request.goal), &mut |_| true)
                .unwrap()
        })
    });
    group.bench_function("whole_run", |b| {
        b.iter(|| {
            let ws = Workspace::new(&session, black_box(&request), &mut |_| true).unwrap();
            ws.optimize(request.goal, &mut |_| true).unwrap()
        })
    });
    group.finish();
}

fn security(c: &mut Criterion) {
    use blindspot::analysis::{RouteOptions, Start, audit, route};
    use blindspot::scenario::Response;
    // The 10,000-segment plan with 300 mounted cameras and a response force (so
    // routes get their probability of interruption and the changes are tried).
    let mut scenario = mounted_plan(10_000, 300);
    scenario.settings.security.response = Some(Response {
        mean_s: 90.0,
        sd_s: 30.0,
        p_communication: 0.95,
    });
    let session = Session::new(scenario, Default::default()).expect("prepares");
    let start = Start::Opening("window-13".into());
    let options = RouteOptions::default();
    let mut group = c.benchmark_group("security_10000seg_300cam");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("audit", |b| b.iter(|| black_box(audit(&session))));
    group.bench_function("route_window_to_case", |b| {
        b.iter(|| black_box(route(&session, &start, "case-221-c1", &options).expect("a route")))
    });
    group.bench_function("audit_and_route", |b| {
        b.iter(|| {
            black_box(audit(&session));
            black_box(route(&session, &start, "case-221-c1", &options).expect("a route"))
        })
    });
    group.finish();
}

/// Walls that used to make preparation quadratic: a straight wall cut into
/// pieces given in shuffled order, and one straight polyline of many points.
fn prepare_degenerate(c: &mut Criterion) {
    let mut group = c.benchmark_group("prepare_collinear");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for pieces in [10_000, 100_000] {
        group.bench_with_input(
            BenchmarkId::new("shuffled_pieces", pieces),
            &collinear_pieces(pieces),
            |b, plan| b.iter(|| PreparedPlan::new(black_box(plan), Tolerances::default())),
        );
        group.bench_with_input(
            BenchmarkId::new("one_polyline", pieces),
            &straight_polyline(pieces),
            |b, plan| b.iter(|| PreparedPlan::new(black_box(plan), Tolerances::default())),
        );
    }
    group.finish();
}

fn wall(id: String, path: Vec<Point>) -> Wall {
    let mut w = plan(1, 0).plan.walls.remove(0);
    w.id = id;
    w.path = path;
    w
}

/// `n` pieces of a 1 km straight wall (1 cm apart at 100,000), shuffled.
fn collinear_pieces(n: usize) -> Plan {
    let step = 1000.0 / n as f64;
    let mut walls: Vec<Wall> = (0..n)
        .map(|i| {
            let (a, b) = (i as f64 * step, (i + 1) as f64 * step);
            wall(
                format!("w{i}"),
                vec![Point::new(a, 0.3 * a), Point::new(b, 0.3 * b)],
            )
        })
        .collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for i in (1..walls.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        walls.swap(i, (state >> 33) as usize % (i + 1));
    }
    Plan {
        walls,
        ..plan(1, 0).plan
    }
}

/// One wall of `n` points along a straight 1 km line.
fn straight_polyline(n: usize) -> Plan {
    let path = (0..=n)
        .map(|i| Point::new(i as f64 * 1000.0 / n as f64, 0.0))
        .collect();
    Plan {
        walls: vec![wall("line".into(), path)],
        ..plan(1, 0).plan
    }
}

criterion_group!(
    benches,
    prepare,
    prepare_degenerate,
    views,
    full_report,
    palace,
    drag,
    optimizer,
    security
);
criterion_main!(benches);
