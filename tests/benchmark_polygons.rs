//! Public benchmark polygons (tests/fixtures/benchmark/, see its README): the
//! core's view and covered areas against the oracle (tests/oracle/), with
//! cameras inside and on reflex vertices (the classic art-gallery guards).

mod oracle;

use oracle::compare::compare;
use oracle::generate::{Case, Rng, WallSpec, inside, oriented, rings_ok};
use oracle::{Camera, V2, segment_distance, v2};

/// The polygons: outer ring then holes, as in the earcut fixtures.
const POLYGONS: &[&str] = &["building", "dude", "eberly-6", "hilbert", "issue52"];

fn rings(name: &str) -> Vec<Vec<V2>> {
    let path = format!(
        "{}/tests/fixtures/benchmark/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let raw: Vec<Vec<[f64; 2]>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    raw.iter()
        .enumerate()
        .map(|(k, r)| {
            let mut ring: Vec<V2> = r.iter().map(|p| v2(p[0], p[1])).collect();
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            // Repeated points are kept in the walls (the core drops them with a
            // warning) but not in the rings the oracle checks.
            ring.dedup();
            // Region on the left: the outer ring counter-clockwise, holes clockwise.
            oriented(ring, k == 0)
        })
        .collect()
}

/// Cameras: `inside` random points clear of the walls, or the reflex vertices
/// (seeing into the polygon), 360° and narrow alternately.
fn case(name: &str, on_vertices: bool, count: usize) -> Case {
    let rings = rings(name);
    assert!(
        rings_ok(&rings, 0.0),
        "{name}: not a simple polygon with holes"
    );
    let walls: Vec<WallSpec> = rings
        .iter()
        .map(|r| {
            let mut path = r.clone();
            path.push(r[0]);
            WallSpec {
                path,
                kind: "wall",
                extra: "",
                blocks: true,
            }
        })
        .collect();
    let segs: Vec<(V2, V2)> = rings
        .iter()
        .flat_map(|r| (0..r.len()).map(move |i| (r[i], r[(i + 1) % r.len()])))
        .collect();
    let (mut lo, mut hi) = (v2(f64::MAX, f64::MAX), v2(f64::MIN, f64::MIN));
    for p in &rings[0] {
        lo = v2(lo.x.min(p.x), lo.y.min(p.y));
        hi = v2(hi.x.max(p.x), hi.y.max(p.y));
    }
    let size = (hi.x - lo.x).max(hi.y - lo.y);
    let mut rng = Rng::new(name.len() as u64 * 7919 + on_vertices as u64);
    let optics = |k: usize, rng: &mut Rng| {
        if k.is_multiple_of(2) {
            (360.0, 2.0 * size)
        } else {
            (rng.range(20.0, 120.0), rng.range(0.2, 0.8) * size)
        }
    };
    let mut cameras = Vec::new();
    if on_vertices {
        let reflex: Vec<(V2, V2)> = rings
            .iter()
            .flat_map(|r| {
                let n = r.len();
                (0..n).filter_map(move |k| {
                    let (p, v, q) = (r[(k + n - 1) % n], r[k], r[(k + 1) % n]);
                    let turn = v.sub(p).cross(q.sub(v));
                    // Interior wedge from the next edge counter-clockwise to the previous.
                    let a0 = q.sub(v).angle();
                    let mut a1 = p.sub(v).angle();
                    if a1 <= a0 {
                        a1 += std::f64::consts::TAU;
                    }
                    (turn < 0.0).then(|| (v, V2::dir(0.5 * (a0 + a1))))
                })
            })
            .collect();
        for k in 0..count.min(reflex.len()) {
            let (at, side) = reflex[(k * 7919) % reflex.len()];
            let (hfov, range) = optics(k, &mut rng);
            cameras.push(Camera {
                at,
                heading_deg: side.angle().to_degrees().rem_euclid(360.0),
                hfov_deg: hfov,
                range_m: range,
                room_side: Some(side),
            });
        }
    } else {
        let clear = 1e-3 * size;
        while cameras.len() < count {
            let p = v2(rng.range(lo.x, hi.x), rng.range(lo.y, hi.y));
            if inside(&rings, p)
                && segs
                    .iter()
                    .all(|&(a, b)| segment_distance(p, a, b) >= clear)
            {
                let (hfov, range) = optics(cameras.len(), &mut rng);
                cameras.push(Camera {
                    at: p,
                    heading_deg: rng.range(0.0, 360.0),
                    hfov_deg: hfov,
                    range_m: range,
                    room_side: None,
                });
            }
        }
    }
    Case {
        name: format!("benchmark {name}"),
        walls,
        zones: vec![rings],
        cameras,
        bundles: Vec::new(),
    }
}

fn check(on_vertices: bool) {
    for name in POLYGONS {
        let case = case(name, on_vertices, 6);
        match compare(&case) {
            Ok(Some(a)) => println!(
                "{name}: {} cameras, largest relative difference: views {:.2e}, covered {:.2e}",
                a.cameras, a.view_rel, a.covered_rel
            ),
            Ok(None) => panic!("{name}: the oracle could not decide a camera's side"),
            Err(e) => panic!("{name}: {e}\n{}", case.to_json()),
        }
    }
}

#[test]
fn cameras_inside_benchmark_polygons() {
    check(false);
}

#[test]
fn cameras_on_reflex_vertices_of_benchmark_polygons() {
    check(true);
}
