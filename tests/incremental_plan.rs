//! A wall edit applied to a live session (`Session::set_plan`, which recomputes only
//! the views within reach of the change and the coverage cells they touch) gives
//! bit for bit what a session built from scratch on the edited plan gives: the
//! summary, every camera's view and the blind spots. Random corner moves on the
//! samples the page ships and on random generated plans, as a drag makes them
//! (several moves in a row).
//!
//! Only corners inside the plan's bounding box are moved, by less than their
//! distance to its edge: the plan's bounds, and so its local anchor (the middle of
//! the bounds, which a fresh load derives), stay the same, so the two sessions
//! work in the same local coordinates and can be compared exactly. (A move that
//! grows the bounds keeps the old anchor in the live session; the figures then
//! agree to rounding, tests/plan_editing.rs.)

use blindspot::geometry::Point;
use blindspot::scenario::Scenario;
use blindspot::session::Session;
use proptest::prelude::*;
use serde_json::Value;

fn sample(name: &str) -> Value {
    let path = format!("{}/www/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("the sample is there"))
        .expect("the sample is JSON")
}

fn with_plan(s: &Session, plan: &Value) -> Scenario {
    let (scenario, warnings) = s
        .scenario()
        .with_plan_json(&plan.to_string())
        .expect("the edited plan is valid");
    assert!(warnings.list.is_empty(), "{warnings:?}");
    scenario
}

/// Every wall corner strictly inside the plan's bounds by more than `margin`, as
/// (wall, vertex) pairs.
fn inner_corners(file: &Value, margin: f64) -> Vec<(usize, usize)> {
    let s = Session::from_json(&file.to_string()).expect("the sample loads");
    let b = blindspot::plan::plan_bounds(&s.scenario().plan);
    let mut out = Vec::new();
    for (i, w) in file["plan"]["walls"].as_array().unwrap().iter().enumerate() {
        for (k, p) in w["path"].as_array().unwrap().iter().enumerate() {
            let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
            if x > b.min.x + margin
                && x < b.max.x - margin
                && y > b.min.y + margin
                && y < b.max.y - margin
            {
                out.push((i, k));
            }
        }
    }
    out
}

/// Moves every wall vertex at the corner of wall `i`, vertex `k` (a corner shared
/// by several walls moves as one, as the page's corner drag does) by (dx, dy) mm.
fn move_corner(plan: &mut Value, i: usize, k: usize, dx: i32, dy: i32) {
    let at = plan["walls"][i]["path"][k].clone();
    let to = serde_json::json!([
        (at[0].as_f64().unwrap() * 1000.0 + f64::from(dx)).round() / 1000.0,
        (at[1].as_f64().unwrap() * 1000.0 + f64::from(dy)).round() / 1000.0,
    ]);
    for w in plan["walls"].as_array_mut().unwrap() {
        for p in w["path"].as_array_mut().unwrap() {
            if *p == at {
                *p = to.clone();
            }
        }
    }
}

/// Everything the page and the report read, exactly.
fn exact(s: &Session) -> (String, String, String) {
    let summary = serde_json::to_string(&s.summary()).unwrap();
    let views = format!("{:?}", s.views());
    let blind = format!("{:?}", s.blind_spots());
    (summary, views, blind)
}

fn check_moves(file: &Value, corners: &[(usize, usize)], moves: &[(usize, i32, i32)]) {
    let mut live = Session::from_json(&file.to_string()).unwrap();
    let mut plan = file["plan"].clone();
    let mut recomputed = Vec::new();
    for &(c, dx, dy) in moves {
        let (i, k) = corners[c % corners.len()];
        move_corner(&mut plan, i, k, dx, dy);
        let before: Vec<String> = live.views().iter().map(|v| format!("{v:?}")).collect();
        let edit = live
            .set_plan(with_plan(&live, &plan))
            .expect("the move applies");
        // The cameras not listed kept their views exactly; the listed ones changed.
        for (j, v) in live.views().iter().enumerate() {
            if edit.cameras.contains(&j) {
                assert_ne!(before[j], format!("{v:?}"), "camera {j} listed, unchanged");
            } else {
                assert_eq!(
                    before[j],
                    format!("{v:?}"),
                    "camera {j} not listed but changed"
                );
            }
        }
        assert!(edit.cameras.len() <= edit.views);
        recomputed.push(edit.views);
    }
    let mut fresh_file = file.clone();
    fresh_file["plan"] = plan;
    let fresh = Session::from_json(&fresh_file.to_string()).unwrap();
    let (a, b) = (exact(&live), exact(&fresh));
    let differing: Vec<usize> = (0..live.views().len())
        .filter(|&j| format!("{:?}", live.views()[j]) != format!("{:?}", fresh.views()[j]))
        .collect();
    assert!(
        differing.is_empty(),
        "views {differing:?} differ from a fresh load after {moves:?}"
    );
    assert!(
        a.0 == b.0,
        "summaries differ after {moves:?} (views recomputed {recomputed:?})"
    );
    assert!(a.1 == b.1, "views differ after {moves:?}");
    assert!(a.2 == b.2, "blind spots differ after {moves:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A drag of up to four moves of one corner, then maybe another corner.
    #[test]
    fn corner_moves_on_the_museum_wing_equal_a_fresh_load(
        moves in prop::collection::vec((0usize..1000, -400i32..400, -400i32..400), 1..5),
    ) {
        let file = sample("museum-wing.json");
        let corners = inner_corners(&file, 2.0);
        prop_assume!(!corners.is_empty());
        check_moves(&file, &corners, &moves);
    }
}

proptest! {
    // Each fresh load of the large sample takes seconds in a debug build.
    #![proptest_config(ProptestConfig { cases: 3, ..ProptestConfig::default() })]

    #[test]
    fn corner_moves_on_the_large_sample_equal_a_fresh_load(
        moves in prop::collection::vec((0usize..100_000, -400i32..400, -400i32..400), 1..3),
    ) {
        let file = sample("large.json");
        let corners = inner_corners(&file, 2.0);
        check_moves(&file, &corners, &moves);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random plans (the generator's rooms, doors and cases, flat or mounted and
    /// tilted cameras) and random drags of their inner corners.
    #[test]
    fn corner_moves_on_random_plans_equal_a_fresh_load(
        seed in 0u64..1_000_000,
        mounted: bool,
        moves in prop::collection::vec((0usize..100_000, -400i32..400, -400i32..400), 1..4),
    ) {
        let scenario = blindspot::generator::generate(&blindspot::generator::GeneratorOptions {
            wall_segments: 150,
            cameras: 12,
            seed,
            mounted,
        });
        let file = serde_json::to_value(&scenario).expect("scenarios serialise");
        let corners = inner_corners(&file, 2.0);
        prop_assume!(!corners.is_empty());
        check_moves(&file, &corners, &moves);
    }
}

/// `Session::move_corner` is the same edit as `set_plan` with the corner moved in
/// the plan (what the page sent before), bit for bit.
#[test]
fn a_corner_move_equals_the_same_plan_sent_whole() {
    let file = sample("museum-wing.json");
    let mut by_move = Session::from_json(&file.to_string()).unwrap();
    let mut by_plan = Session::from_json(&file.to_string()).unwrap();
    let mut plan = file["plan"].clone();
    // The corner shared by the rotunda doors and the galleries' north wall.
    let (from, to) = (Point::new(29.4, 12.0), Point::new(29.9, 11.75));
    let (i, k) = (0..plan["walls"].as_array().unwrap().len())
        .find_map(|i| {
            let path = plan["walls"][i]["path"].as_array().unwrap();
            path.iter()
                .position(|p| p[0].as_f64() == Some(from.x) && p[1].as_f64() == Some(from.y))
                .map(|k| (i, k))
        })
        .expect("the corner is in the sample");
    move_corner(&mut plan, i, k, 500, -250);
    let a = by_move.move_corner(from, to).expect("the move applies");
    let b = by_plan.set_plan(with_plan(&by_plan, &plan)).unwrap();
    assert_eq!(a, b);
    // Every camera's range reaches the corner, so all six views are computed
    // again (the broad test, see Session::set_plan), and of those only the ones
    // that changed are listed: the gallery's two, the rotunda's and the east
    // salon's (through its door to the rotunda); the west salon's and the quay's
    // do not see the corner.
    assert!(a.views <= 6, "{a:?}");
    assert!(a.views >= a.cameras.len());
    let ids: Vec<&str> = a
        .cameras
        .iter()
        .map(|&i| by_move.scenario().cameras[i].id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["gallery-west", "gallery-east", "rotunda", "east-salon"]
    );
    assert_eq!(by_move.scenario().plan, by_plan.scenario().plan);
    assert_eq!(exact(&by_move), exact(&by_plan));
    // Two walls share the corner (a door and a wall): both moved.
    let moved = by_move
        .scenario()
        .plan
        .walls
        .iter()
        .filter(|w| w.path.contains(&to))
        .count();
    assert_eq!(moved, 2);
}

#[test]
fn a_corner_move_that_breaks_a_wall_is_refused_with_its_place_and_changes_nothing() {
    let file = sample("museum-wing.json");
    let mut s = Session::from_json(&file.to_string()).unwrap();
    let before = exact(&s);
    let err = |r: Result<blindspot::session::PlanEdit, blindspot::scenario::InvalidScenario>| {
        r.expect_err("refused")
            .problems
            .list
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect::<Vec<_>>()
            .join("; ")
    };
    // No corner there.
    let e = err(s.move_corner(Point::new(1.234, 5.678), Point::new(2.0, 2.0)));
    assert!(e.contains("no wall has a corner at (1.234, 5.678)"), "{e}");
    // Onto the other end of the rotunda doors (27, 12)-(29.4, 12): a zero-length door.
    let e = err(s.move_corner(Point::new(29.4, 12.0), Point::new(27.0, 12.0)));
    assert!(
        e.contains("plan.walls[") && e.contains("zero length"),
        "{e}"
    );
    // Not a finite point; beyond the extent.
    let e = err(s.move_corner(Point::new(29.4, 12.0), Point::new(f64::NAN, 12.0)));
    assert!(e.contains("not a finite point"), "{e}");
    let e = err(s.move_corner(Point::new(29.4, 12.0), Point::new(2e6, 12.0)));
    assert!(e.contains("beyond the supported extent"), "{e}");
    assert_eq!(exact(&s), before, "nothing changed");
}

/// The case the random-plan property test found (a 1 mm corner move on a
/// generated plan with mounted cameras left one view stale under the narrower
/// walk test alone): kept as a plain test so that every run checks it.
#[test]
fn a_small_corner_move_on_generated_plan_849109_equals_a_fresh_load() {
    let scenario = blindspot::generator::generate(&blindspot::generator::GeneratorOptions {
        wall_segments: 150,
        cameras: 12,
        seed: 849109,
        mounted: true,
    });
    let file = serde_json::to_value(&scenario).expect("scenarios serialise");
    let corners = inner_corners(&file, 2.0);
    assert!(!corners.is_empty());
    check_moves(&file, &corners, &[(93208, 0, 1)]);
}
