#![cfg(not(target_arch = "wasm32"))]
//! Property tests over random rooms, pillars and cameras: views stay in their
//! sectors, areas agree with an independent exact computation, results do not
//! depend on where the plan sits or how it is turned, and coverage behaves like
//! a union.

mod common;
use blindspot::geometry::{Point, ring_signed_area};
use blindspot::report::Summary;
use blindspot::scenario::{Camera, Scenario, Wall, Zone};
use blindspot::session::Session;
use common::*;
use proptest::prelude::*;
use std::f64::consts::PI;

// ---- an independent little geometry kit (no code from the crate) ----

fn area(poly: &[Point]) -> f64 {
    let n = poly.len();
    if n < 3 {
        return 0.0;
    }
    let mut s = 0.0;
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        s += a.x * b.y - a.y * b.x;
    }
    s / 2.0
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// Keeps the part of `poly` on the left of the directed line a -> b
/// (Sutherland-Hodgman against one edge).
fn clip_left(poly: &[Point], a: Point, b: Point) -> Vec<Point> {
    let n = poly.len();
    let mut out = Vec::with_capacity(n + 2);
    for i in 0..n {
        let (p, q) = (poly[i], poly[(i + 1) % n]);
        let (sp, sq) = (cross(a, b, p), cross(a, b, q));
        if sp >= 0.0 {
            out.push(p);
        }
        if (sp >= 0.0) != (sq >= 0.0) {
            let t = sp / (sp - sq);
            out.push(Point::new(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t));
        }
    }
    out
}

/// Intersection of two convex counter-clockwise polygons.
fn clip_convex(subject: &[Point], clip: &[Point]) -> Vec<Point> {
    let mut out = subject.to_vec();
    let n = clip.len();
    for i in 0..n {
        if out.is_empty() {
            break;
        }
        out = clip_left(&out, clip[i], clip[(i + 1) % n]);
    }
    out
}

fn dir(deg: f64) -> Point {
    let r = deg.to_radians();
    Point::new(r.cos(), r.sin())
}

/// The convex room (counter-clockwise) cut to the wedge of directions
/// [from, from + width] seen from `c`, for width <= 180 degrees.
fn room_in_wedge(room: &[Point], c: Point, from_deg: f64, width_deg: f64) -> Vec<Point> {
    assert!(width_deg <= 180.0);
    let d0 = dir(from_deg);
    let d1 = dir(from_deg + width_deg);
    // Left of the first ray (d0 x (p - c) >= 0), right of the second
    // (d1 x (p - c) <= 0, i.e. left of the line from c + d1 back to c).
    let half = clip_left(room, c, c + d0);
    clip_left(&half, c + d1, c)
}

/// Exact area of what a camera with a range beyond the room sees in an empty
/// convex room: the room cut to its field of view.
fn wedge_area(room: &[Point], c: Point, heading: f64, hfov: f64) -> f64 {
    if hfov >= 360.0 {
        area(room)
    } else if hfov <= 180.0 {
        area(&room_in_wedge(room, c, heading - hfov / 2.0, hfov))
    } else {
        // The complement wedge is narrower than 180 degrees.
        area(room) - area(&room_in_wedge(room, c, heading + hfov / 2.0, 360.0 - hfov))
    }
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let d = b - a;
    let t = ((p - a).dot(d) / d.dot(d)).clamp(0.0, 1.0);
    p.distance(a.lerp(b, t))
}

/// True when segments p-q and a-b cross at a point inside both (not merely
/// touching), with a small allowance for rounding.
fn crosses(p: Point, q: Point, a: Point, b: Point) -> bool {
    let scale = (q - p).length() * (b - a).length();
    let eps = 1e-9 * scale;
    let (d1, d2) = (cross(p, q, a), cross(p, q, b));
    let (d3, d4) = (cross(a, b, p), cross(a, b, q));
    ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
        && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
}

/// Angle of `v` from the heading, in (-180, 180].
fn off_axis_deg(v: Point, heading_deg: f64) -> f64 {
    let a = v.y.atan2(v.x).to_degrees() - heading_deg;
    let a = a.rem_euclid(360.0);
    if a > 180.0 { a - 360.0 } else { a }
}

/// Even-odd point in ring.
fn in_ring(ring: &[Point], x: Point) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a.y > x.y) != (b.y > x.y) {
            let at = a.x + (x.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if x.x < at {
                inside = !inside;
            }
        }
    }
    inside
}

/// True when `x` is within `eps` of an edge of the ring.
fn near_ring(ring: &[Point], x: Point, eps: f64) -> bool {
    let n = ring.len();
    (0..n).any(|i| distance_to_segment(x, ring[i], ring[(i + 1) % n]) < eps)
}

/// Whether a camera at `c` sees the floor point `x`, decided from scratch: in
/// range, in the field of view, and no opaque wall across the sight line.
/// `None` when `x` is too close to a boundary for the answer to be robust
/// (the range polygon follows the circle to within 5 mm; rounding elsewhere
/// is far below 1e-6 m).
fn sees(camera: &Camera, walls: &[(Point, Point)], x: Point) -> Option<bool> {
    let c = camera.position;
    let (hfov, range) = (camera.hfov_deg.unwrap(), camera.range_m.unwrap());
    let d = x.distance(c);
    if d < 1e-6 || (d - range).abs() < 0.006 {
        return None;
    }
    if d > range {
        return Some(false);
    }
    if hfov < 360.0 {
        let off = off_axis_deg(x - c, camera.heading_deg).abs();
        if (off - hfov / 2.0).abs() < (1e-6 / d).to_degrees() {
            return None;
        }
        if off > hfov / 2.0 {
            return Some(false);
        }
    }
    for &(a, b) in walls {
        if distance_to_segment(x, a, b) < 1e-6
            || distance_to_segment(a, c, x) < 1e-6
            || distance_to_segment(b, c, x) < 1e-6
        {
            return None;
        }
        if crosses(c, x, a, b) {
            return Some(false);
        }
    }
    Some(true)
}

fn wall_segments(s: &Scenario) -> Vec<(Point, Point)> {
    s.plan
        .walls
        .iter()
        .filter(|w| w.blocks_sight())
        .flat_map(|w| w.path.windows(2).map(|e| (e[0], e[1])))
        .collect()
}

// ---- random plans ----

/// A convex room: points on an ellipse at increasing angles (gaps of at least
/// about 0.2 rad, so no three are nearly collinear).
fn convex_room() -> impl Strategy<Value = Vec<Point>> {
    (
        prop::collection::vec(0.2f64..1.0, 3..9),
        2.0f64..25.0,
        2.0f64..25.0,
        -50.0f64..50.0,
        -50.0f64..50.0,
        0.0f64..TAU_DEG,
    )
        .prop_map(|(gaps, rx, ry, cx, cy, turn)| {
            let total: f64 = gaps.iter().sum();
            let mut angle = turn.to_radians();
            gaps.iter()
                .map(|g| {
                    angle += g / total * 2.0 * PI;
                    Point::new(cx + rx * angle.cos(), cy + ry * angle.sin())
                })
                .collect::<Vec<Point>>()
        })
        .prop_filter("counter-clockwise and not too thin", |room: &Vec<Point>| {
            area(room) > 1.0
        })
}

const TAU_DEG: f64 = 360.0;

/// A point strictly inside a convex polygon: a convex combination of its
/// vertices with weights bounded away from zero.
fn inside(room: &[Point], weights: &[f64]) -> Point {
    let n = room.len();
    let mut sum = 0.0;
    let (mut x, mut y) = (0.0, 0.0);
    for i in 0..n {
        let w = weights[i % weights.len()];
        sum += w;
        x += w * room[i].x;
        y += w * room[i].y;
    }
    Point::new(x / sum, y / sum)
}

/// A rectilinear room (a histogram of 2 to 5 columns) with a square pillar in
/// some columns. Returns the room outline and the pillars.
#[derive(Clone, Debug)]
struct Rectilinear {
    outline: Vec<Point>,
    pillars: Vec<Vec<Point>>,
    width: f64,
    height: f64,
}

fn rectilinear_room() -> impl Strategy<Value = Rectilinear> {
    prop::collection::vec(
        (
            2.0f64..8.0,
            3.0f64..10.0,
            prop::option::of((0.3f64..1.0, 0.0f64..1.0, 0.0f64..1.0)),
        ),
        2..6,
    )
    .prop_map(|cols| {
        let mut xs = vec![0.0];
        for (w, _, _) in &cols {
            xs.push(xs.last().unwrap() + w);
        }
        let width = *xs.last().unwrap();
        let mut outline = vec![Point::new(0.0, 0.0), Point::new(width, 0.0)];
        for i in (0..cols.len()).rev() {
            outline.push(Point::new(xs[i + 1], cols[i].1));
            outline.push(Point::new(xs[i], cols[i].1));
        }
        // Equal neighbouring heights would repeat a point; merge them.
        outline.dedup();
        let mut pillars = Vec::new();
        for (i, (w, h, pillar)) in cols.iter().enumerate() {
            if let Some((s, u, v)) = pillar {
                let x = xs[i] + 0.5 + u * (w - 1.0 - s);
                let y = 0.5 + v * (h - 1.0 - s);
                pillars.push(vec![
                    Point::new(x, y),
                    Point::new(x + s, y),
                    Point::new(x + s, y + s),
                    Point::new(x, y + s),
                ]);
            }
        }
        let height = cols.iter().map(|c| c.1).fold(0.0, f64::max);
        Rectilinear {
            outline,
            pillars,
            width,
            height,
        }
    })
}

/// Random cameras given as fractions of a box, so they can be placed anywhere
/// around a plan: (u, v, heading, hfov, range).
fn cameras(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<(f64, f64, f64, f64, f64)>> {
    prop::collection::vec(
        (
            0.0f64..1.0,
            0.0f64..1.0,
            -180.0f64..540.0,
            prop_oneof![
                3 => 0.5f64..360.0,
                1 => Just(360.0),
                1 => Just(180.0),
                1 => Just(90.0),
            ],
            0.5f64..40.0,
        ),
        n,
    )
}

fn ring_wall(id: &str, ring: &[Point]) -> Wall {
    let mut path = ring.to_vec();
    path.push(ring[0]);
    Wall {
        level: None,
        id: id.to_string(),
        kind: blindspot::scenario::WallKind::Wall,
        path,
        exterior: false,
        open: false,
        opaque: None,
        security: Default::default(),
    }
}

fn room_zone(id: &str, ring: &[Point], holes: &[Vec<Point>]) -> Zone {
    let mut z = zone(id, &[]);
    z.polygon = ring.to_vec();
    z.holes = holes.to_vec();
    z
}

fn rectilinear_scenario(room: &Rectilinear, cams: &[(f64, f64, f64, f64, f64)]) -> Scenario {
    let mut walls = vec![ring_wall("room", &room.outline)];
    for (i, pillar) in room.pillars.iter().enumerate() {
        walls.push(ring_wall(&format!("pillar{i}"), pillar));
    }
    let cameras = cams
        .iter()
        .enumerate()
        .map(|(i, &(u, v, h, f, r))| {
            placed(
                &format!("c{i}"),
                -1.0 + u * (room.width + 2.0),
                -1.0 + v * (room.height + 2.0),
                h,
                f,
                r,
            )
        })
        .collect();
    scenario(
        walls,
        vec![room_zone("room", &room.outline, &room.pillars)],
        cameras,
    )
}

fn transform(s: &Scenario, turn_deg: f64, shift: Point) -> Scenario {
    let (sin, cos) = turn_deg.to_radians().sin_cos();
    let f = |p: Point| {
        Point::new(
            p.x * cos - p.y * sin + shift.x,
            p.x * sin + p.y * cos + shift.y,
        )
    };
    let mut t = s.clone();
    for w in &mut t.plan.walls {
        w.path = w.path.iter().map(|&p| f(p)).collect();
    }
    for z in &mut t.plan.zones {
        z.polygon = z.polygon.iter().map(|&p| f(p)).collect();
        for h in &mut z.holes {
            *h = h.iter().map(|&p| f(p)).collect();
        }
    }
    for c in &mut t.cameras {
        c.position = f(c.position);
        c.heading_deg += turn_deg;
    }
    t
}

/// Checks every invariant of one summary that needs no reference answer.
///
/// Coverage figures are exact on the integer grid, whose step is about 1e-7 m
/// for these plans; comparing them with float view areas (as in "the union is
/// no larger than the sum of the views") then needs an allowance for the
/// snapping: `tol` of the target area (1e-7 is some 100 times the largest
/// snapping error seen, yet a millionth of a percent of coverage).
fn check_summary(s: &Summary, tol: f64) -> Result<(), TestCaseError> {
    let t = s.target_area_m2;
    let abs = tol * t;
    prop_assert!(t.is_finite() && t > 0.0);
    prop_assert!(s.covered_area_m2 >= 0.0);
    prop_assert!(
        s.covered_area_m2 <= t + abs,
        "covered {} > target {t}",
        s.covered_area_m2
    );
    prop_assert!(s.multi_covered_area_m2 >= 0.0);
    prop_assert!(s.multi_covered_area_m2 <= s.covered_area_m2 + abs);
    prop_assert!((0.0..=1.0).contains(&s.coverage));
    prop_assert!((0.0..=1.0).contains(&s.weighted_coverage));
    // (Overlay intersections are rounded to the grid, so covered can exceed
    // the target by a grid rounding; coverage is clamped to 1.)
    let ratio = (s.covered_area_m2 / t).clamp(0.0, 1.0);
    prop_assert!(
        (s.coverage - ratio).abs() <= 1e-12,
        "coverage {} vs {} / {t}",
        s.coverage,
        s.covered_area_m2
    );
    let views: f64 = s.cameras.iter().map(|c| c.view_area_m2).sum();
    prop_assert!(
        s.covered_area_m2 <= views + abs,
        "union {} larger than the sum of the views {views}",
        s.covered_area_m2
    );
    // Seen twice or more: at most the sum of the views minus the union.
    prop_assert!(s.multi_covered_area_m2 <= views - s.covered_area_m2 + abs);
    prop_assert!((s.blind_area_m2 - (t - s.covered_area_m2)).abs() <= abs);
    let zone_sum: f64 = s.zones.iter().map(|z| z.covered_area_m2).sum();
    prop_assert!(s.covered_area_m2 <= zone_sum + abs);
    for z in &s.zones {
        prop_assert!(z.covered_area_m2 >= 0.0);
        prop_assert!(z.covered_area_m2 <= z.area_m2 + abs);
        prop_assert!(z.covered_area_m2 <= s.covered_area_m2 + abs);
        prop_assert!(z.multi_covered_area_m2 <= z.covered_area_m2 + abs);
    }
    Ok(())
}

fn load(s: &Scenario) -> Result<Session, TestCaseError> {
    Session::from_json(&s.to_json()).map_err(|e| TestCaseError::fail(format!("invalid: {e}")))
}

/// `cases` by default; PROPTEST_CASES=n runs more for a deeper search.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Every view lies in its camera's sector: within the range (the chord
    /// polygon's corners reach out by at most 1e-3 relative) and within the
    /// field of view as seen from the camera (the apex may move 1e-7 m off a
    /// wall the camera stands on). Its area is at most the sector's.
    #[test]
    fn views_stay_in_their_sectors(room in rectilinear_room(), cams in cameras(1..5)) {
        let s = rectilinear_scenario(&room, &cams);
        let session = load(&s)?;
        for (camera, view) in s.cameras.iter().zip(session.views()) {
            let c = camera.position;
            let (hfov, range) = (camera.hfov_deg.unwrap(), camera.range_m.unwrap());
            let sector = PI * range * range * hfov / 360.0;
            prop_assert!(view.area.is_finite() && view.area >= 0.0);
            prop_assert!(view.area <= sector * (1.0 + 1e-9) + 1e-12,
                "view {} larger than its sector {sector}", view.area);
            prop_assert!((view.area - ring_signed_area(&view.ring)).abs() <= 1e-9 * sector);
            // Nothing of the view lies behind a wall: the sight line from the
            // camera to every corner of the view, and to the middle of every
            // edge, crosses no opaque wall.
            let clear = s.plan.walls.iter().all(|w| {
                w.path.windows(2).all(|e| distance_to_segment(c, e[0], e[1]) > 1e-5)
            });
            if clear {
                let n = view.ring.len();
                for k in 0..n {
                    let (q0, q1) = (view.ring[k], view.ring[(k + 1) % n]);
                    for q in [q0, q0.lerp(q1, 0.5)] {
                        for w in &s.plan.walls {
                            for e in w.path.windows(2) {
                                prop_assert!(!crosses(c, q, e[0], e[1]),
                                    "{camera:?}: view point {q:?} is behind wall {} {:?}", w.id, e);
                            }
                        }
                    }
                }
            }
            for q in &view.ring {
                let d = q.distance(c);
                prop_assert!(d <= range * (1.0 + 1e-3) + 1e-6,
                    "{camera:?}: point {q:?} at {d} beyond range {range}");
                if hfov < 360.0 && d > 1e-6 {
                    let off = off_axis_deg(*q - c, camera.heading_deg).abs();
                    let slack = (2e-7 / d).to_degrees() + 1e-9;
                    prop_assert!(off <= hfov / 2.0 + slack,
                        "{camera:?}: point {q:?} is {off} deg off axis, fov {hfov}");
                }
            }
        }
        check_summary(&session.summary(), 1e-7)?;
    }

    /// Views agree point by point with visibility decided from scratch (range,
    /// field of view, and no wall across the sight line), at random points
    /// all over and around the plan.
    #[test]
    fn views_agree_with_pointwise_visibility(
        room in rectilinear_room(),
        cams in cameras(1..4),
        samples in prop::collection::vec((0.0f64..1.0, 0.0f64..1.0), 200),
    ) {
        let s = rectilinear_scenario(&room, &cams);
        let session = load(&s)?;
        let walls = wall_segments(&s);
        for (camera, view) in s.cameras.iter().zip(session.views()) {
            let c = camera.position;
            // Cameras on walls are moved 1e-7 m off them: leave those to the
            // hand-computed tests.
            if walls.iter().any(|&(a, b)| distance_to_segment(c, a, b) < 1e-5) {
                continue;
            }
            for &(u, v) in &samples {
                let x = Point::new(-1.0 + u * (room.width + 2.0), -1.0 + v * (room.height + 2.0));
                if near_ring(&view.ring, x, 1e-6) {
                    continue;
                }
                let Some(expected) = sees(camera, &walls, x) else { continue };
                prop_assert_eq!(in_ring(&view.ring, x), expected,
                    "{:?}: point {:?} seen by the view: {}, from scratch: {}",
                    camera, x, in_ring(&view.ring, x), expected);
            }
        }
    }

    /// Blind spots agree point by point with the views: a point of a zone seen
    /// by no camera lies in exactly one listed blind spot (threshold 0) that
    /// names the zone; a point seen by some camera, or outside every zone,
    /// lies in none.
    #[test]
    fn blind_spots_agree_with_the_views_pointwise(
        room in rectilinear_room(),
        cams in cameras(0..4),
        samples in prop::collection::vec((0.0f64..1.0, 0.0f64..1.0), 200),
        edit in prop::option::of((0.0f64..1.0, 0.0f64..1.0, 0.0f64..360.0)),
    ) {
        let mut s = rectilinear_scenario(&room, &cams);
        s.settings.min_blind_spot_m2 = 0.0;
        let mut session = load(&s)?;
        let _ = session.report();
        // Sometimes edit the live session after a first report, so the
        // incremental update and the blind-spot cache are checked too.
        if let Some((u, v, heading)) = edit {
            let (x, y) = (-1.0 + u * (room.width + 2.0), -1.0 + v * (room.height + 2.0));
            let fail = |e: blindspot::scenario::InvalidScenario| TestCaseError::fail(e.to_string());
            if cams.is_empty() {
                session.add_camera(placed("new", x, y, heading, 120.0, 8.0)).map_err(fail)?;
            } else {
                session.move_camera(0, x, y).map_err(fail)?;
                session.aim_camera(0, heading, 120.0, 8.0).map_err(fail)?;
            }
        }
        let report = session.report();
        prop_assert_eq!(report.blind_spots_omitted.count, 0);
        let multi: Vec<_> = session.coverage().multi_pieces().collect();
        let zone = &s.plan.zones[0];
        for &(u, v) in &samples {
            let x = Point::new(-1.0 + u * (room.width + 2.0), -1.0 + v * (room.height + 2.0));
            let near_zone = near_ring(&zone.polygon, x, 1e-6)
                || zone.holes.iter().any(|h| near_ring(h, x, 1e-6));
            let near_view = session.views().iter().any(|v| near_ring(&v.ring, x, 1e-6));
            let near_spot = report.blind_spots.iter().any(|b| {
                b.polygon.rings().any(|r| near_ring(r, x, 1e-6))
            });
            let near_multi = multi.iter().any(|m| m.rings().any(|r| near_ring(r, x, 1e-6)));
            if near_zone || near_view || near_spot || near_multi {
                continue;
            }
            let in_zone = in_ring(&zone.polygon, x) && !zone.holes.iter().any(|h| in_ring(h, x));
            let seen_by = session.views().iter().filter(|v| in_ring(&v.ring, x)).count();
            let seen = seen_by > 0;
            let in_multi = multi.iter().any(|m| {
                in_ring(&m.exterior, x) && !m.holes.iter().any(|h| in_ring(h, x))
            });
            prop_assert_eq!(in_multi, in_zone && seen_by >= 2,
                "{:?}: in zone {}, seen by {} cameras, in a multi piece {}", x, in_zone, seen_by, in_multi);
            let spots: Vec<usize> = report
                .blind_spots
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    in_ring(&b.polygon.exterior, x) && !b.polygon.holes.iter().any(|h| in_ring(h, x))
                })
                .map(|(i, _)| i)
                .collect();
            if in_zone && !seen {
                prop_assert_eq!(spots.len(), 1, "{:?}: blind, in blind spots {:?}", x, spots);
                prop_assert_eq!(&report.blind_spots[spots[0]].zone_ids, &vec!["room".to_string()]);
            } else {
                prop_assert!(spots.is_empty(), "{:?} (in zone: {}, seen: {}) is in blind spots {:?}",
                    x, in_zone, seen, spots);
            }
        }
    }

    /// In an empty convex room with a camera inside, the view is the room cut
    /// to the field of view and range: every point inside the room, and, when
    /// the range reaches past the room, exactly the area of the room cut to the
    /// wedge (computed here by clipping). When the range stays inside the room
    /// it is exactly the sector area.
    #[test]
    fn views_in_an_empty_convex_room_are_exact(
        room in convex_room(),
        weights in prop::collection::vec(0.1f64..1.0, 8),
        heading in 0.0f64..360.0,
        hfov in prop_oneof![4 => 0.5f64..360.0, 1 => Just(360.0), 1 => Just(180.0)],
        small_range in 0.05f64..1.0,
    ) {
        let c = inside(&room, &weights);
        let clearance = (0..room.len())
            .map(|i| distance_to_segment(c, room[i], room[(i + 1) % room.len()]))
            .fold(f64::INFINITY, f64::min);
        prop_assume!(clearance > 1e-3);
        let plan = prepare(vec![ring_wall("room", &room)]);

        // Range past the whole room.
        let far = 1000.0;
        let v = view(&plan, camera(c.x, c.y, heading, hfov, far));
        let expected = wedge_area(&room, c, heading, hfov);
        prop_assert!((v.area - expected).abs() <= 1e-6 * expected.max(1e-3),
            "view {} vs clipped room {expected}", v.area);
        let size = room.iter().map(|p| p.distance(c)).fold(0.0, f64::max);
        for q in &v.ring {
            let out = (0..room.len())
                .map(|i| cross(room[i], room[(i + 1) % room.len()], *q)
                    / room[i].distance(room[(i + 1) % room.len()]))
                .fold(f64::INFINITY, f64::min);
            prop_assert!(out >= -1e-9 * size, "view point {q:?} outside the room by {}", -out);
        }

        // Range short of every wall: the exact sector area.
        let r = small_range * clearance * 0.99;
        let v = view(&plan, camera(c.x, c.y, heading, hfov, r));
        let sector = PI * r * r * hfov / 360.0;
        prop_assert!((v.area - sector).abs() <= 1e-9 * sector, "{} vs {sector}", v.area);
    }

    /// Coverage in an empty convex room by two or three cameras whose ranges
    /// reach past it: the covered area is the union of convex pieces and the
    /// multi-covered area the part in two or more, both computed here by
    /// inclusion-exclusion with our own convex clipping.
    #[test]
    fn coverage_union_matches_inclusion_exclusion(
        room in convex_room(),
        cams in prop::collection::vec(
            (prop::collection::vec(0.1f64..1.0, 8), 0.0f64..360.0, 1.0f64..180.0),
            2..4,
        ),
    ) {
        let mut pieces = Vec::new();
        let mut cameras = Vec::new();
        for (i, (w, heading, hfov)) in cams.iter().enumerate() {
            let c = inside(&room, w);
            cameras.push(placed(&format!("c{i}"), c.x, c.y, *heading, *hfov, 1000.0));
            let mut piece = room_in_wedge(&room, c, heading - hfov / 2.0, *hfov);
            if area(&piece) < 0.0 {
                piece.reverse();
            }
            pieces.push(piece);
        }
        let s = scenario(vec![ring_wall("room", &room)], vec![room_zone("room", &room, &[])], cameras);
        let summary = load(&s)?.summary();
        let a: Vec<f64> = pieces.iter().map(|p| area(p)).collect();
        let pair = |i: usize, j: usize| area(&clip_convex(&pieces[i], &pieces[j]));
        let (union, multi) = if pieces.len() == 2 {
            let ab = pair(0, 1);
            (a[0] + a[1] - ab, ab)
        } else {
            let (ab, ac, bc) = (pair(0, 1), pair(0, 2), pair(1, 2));
            let abc = area(&clip_convex(&clip_convex(&pieces[0], &pieces[1]), &pieces[2]));
            (a[0] + a[1] + a[2] - ab - ac - bc + abc, ab + ac + bc - 2.0 * abc)
        };
        let room_area = area(&room);
        prop_assert!((summary.target_area_m2 - room_area).abs() <= 1e-6 * room_area);
        for (k, cam) in summary.cameras.iter().enumerate() {
            prop_assert!((cam.view_area_m2 - a[k]).abs() <= 1e-6 * a[k].max(1e-3),
                "view {k}: {} vs {}", cam.view_area_m2, a[k]);
        }
        prop_assert!((summary.covered_area_m2 - union).abs() <= 1e-6 * union.max(1e-3),
            "covered {} vs union {union}", summary.covered_area_m2);
        prop_assert!((summary.multi_covered_area_m2 - multi).abs() <= 1e-6 * room_area,
            "multi {} vs {multi}", summary.multi_covered_area_m2);
        check_summary(&summary, 1e-7)?;
    }

    /// Moving and turning the whole scenario changes nothing.
    #[test]
    fn results_do_not_depend_on_position_or_orientation(
        room in rectilinear_room(),
        cams in cameras(1..4),
        turn in -180.0f64..180.0,
        sx in -5000.0f64..5000.0,
        sy in -5000.0f64..5000.0,
    ) {
        let s = rectilinear_scenario(&room, &cams);
        let moved = transform(&s, turn, Point::new(sx, sy));
        let (a, b) = (load(&s)?.summary(), load(&moved)?.summary());
        // View areas come from the views' float rings: 1e-9 relative.
        for (x, y) in a.cameras.iter().zip(&b.cameras) {
            let scale = x.view_area_m2.max(1e-6);
            prop_assert!((x.view_area_m2 - y.view_area_m2).abs() <= 1e-9 * scale,
                "{}: view {} vs {} moved", x.id, x.view_area_m2, y.view_area_m2);
        }
        // Coverage figures go through the integer grid, anchored to the plan
        // with a step of 2^-48 of its extent: moving the plan changes nothing
        // and turning it moves each vertex by under a step, far inside 1e-9
        // of the target.
        let t = a.target_area_m2;
        let tol = 1e-9 * t;
        prop_assert!((a.target_area_m2 - b.target_area_m2).abs() <= tol);
        prop_assert!((a.covered_area_m2 - b.covered_area_m2).abs() <= tol,
            "covered {} vs {} moved", a.covered_area_m2, b.covered_area_m2);
        prop_assert!((a.multi_covered_area_m2 - b.multi_covered_area_m2).abs() <= tol);
        prop_assert!((a.weighted_coverage - b.weighted_coverage).abs() <= 1e-9);
    }

    /// Adding a camera never lowers the covered area (overall and per zone) nor
    /// the area seen twice; the incremental session matches a fresh one.
    #[test]
    fn adding_a_camera_never_lowers_coverage(
        room in rectilinear_room(),
        cams in cameras(0..4),
        extra in cameras(1..2),
    ) {
        let s = rectilinear_scenario(&room, &cams);
        let mut session = load(&s)?;
        let before = session.summary();
        let mut all = cams.clone();
        all.extend(extra.iter().copied());
        let bigger = rectilinear_scenario(&room, &all);
        let mut added: Camera = bigger.cameras.last().unwrap().clone();
        added.id = "extra".to_string();
        session.add_camera(added).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let after = session.summary();
        // Union areas on the grid are exact: monotone to 1e-9; comparing with
        // a float view area needs the snapping allowance of check_summary.
        let tol = 1e-9 * before.target_area_m2;
        let snap = 1e-7 * before.target_area_m2;
        prop_assert!(after.covered_area_m2 >= before.covered_area_m2 - tol,
            "covered went down: {} -> {}", before.covered_area_m2, after.covered_area_m2);
        prop_assert!(after.multi_covered_area_m2 >= before.multi_covered_area_m2 - tol);
        for (z0, z1) in before.zones.iter().zip(&after.zones) {
            prop_assert!(z1.covered_area_m2 >= z0.covered_area_m2 - tol);
        }
        // The union grows by at most the new view.
        let new_view = after.cameras.last().unwrap().view_area_m2;
        prop_assert!(after.covered_area_m2 <= before.covered_area_m2 + new_view + snap);
        check_summary(&after, 1e-7)?;
        let fresh = load(session.scenario())?.summary();
        prop_assert!((fresh.covered_area_m2 - after.covered_area_m2).abs() <= tol);
        prop_assert!((fresh.multi_covered_area_m2 - after.multi_covered_area_m2).abs() <= tol);
    }

    /// Moving a camera about in a live session gives the same figures as
    /// loading the final scenario afresh (the incremental update is exact).
    #[test]
    fn incremental_moves_match_a_fresh_load(
        room in rectilinear_room(),
        cams in cameras(1..4),
        moves in prop::collection::vec((0usize..4, 0.0f64..1.0, 0.0f64..1.0), 1..6),
    ) {
        let s = rectilinear_scenario(&room, &cams);
        let mut session = load(&s)?;
        for (i, u, v) in moves {
            let i = i % cams.len();
            let x = -1.0 + u * (room.width + 2.0);
            let y = -1.0 + v * (room.height + 2.0);
            session.move_camera(i, x, y).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let live = session.summary();
        let fresh = load(session.scenario())?.summary();
        let tol = 1e-12 * live.target_area_m2;
        prop_assert!((live.covered_area_m2 - fresh.covered_area_m2).abs() <= tol,
            "{} live vs {} fresh", live.covered_area_m2, fresh.covered_area_m2);
        prop_assert!((live.multi_covered_area_m2 - fresh.multi_covered_area_m2).abs() <= tol);
        let spots_live: f64 = session.blind_spots().iter().map(|b| b.area).sum();
        prop_assert!((spots_live - live.blind_area_m2).abs() <= 1e-9 * live.target_area_m2);
    }
}
