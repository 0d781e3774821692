//! The reproductions of wrong answers found on real-world geometry
//! (`tests/fixtures/repro/`, from the reliability review), each with the right
//! answer: worked by hand, or from an independent angular sweep where stated.

use blindspot::session::Session;

fn session(name: &str) -> Session {
    let path = format!("tests/fixtures/repro/{name}");
    let text = std::fs::read_to_string(&path).expect("fixture");
    Session::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

fn views(s: &Session) -> Vec<f64> {
    s.summary().cameras.iter().map(|c| c.view_area_m2).collect()
}

#[test]
fn a_subnormal_coordinate_is_a_zero() {
    // One coordinate of 1e-310 (a subnormal float) used to make the
    // triangulation refuse the plan, and every view came out empty.
    let s = session("subnormal-coordinate.json");
    let v = views(&s);
    close(v[0], 75.0);
    close(v[1], 62.5);
    close(s.summary().covered_area_m2, 75.0);
}

#[test]
fn nearly_collinear_overlapping_walls_do_not_panic() {
    let s = session("near-collinear-overlapping-walls-panic.json");
    assert_eq!(s.summary().covered_area_m2, 0.0);
}

#[test]
fn nearly_parallel_overlapping_walls_leave_no_phantom_wall() {
    // Independent angular sweep: 355.343675 m².
    close(
        views(&session("near-collinear-phantom-wall.json"))[0],
        355.343_674_662_759_16,
    );
}

#[test]
fn sight_does_not_pass_between_nearly_collinear_walls() {
    // Independent angular sweep: 351.557723 m².
    close(
        views(&session("near-collinear-sight-through-wall.json"))[0],
        351.557_723_232_739_53,
    );
}

#[test]
fn a_camera_on_the_inner_corner_of_an_l_room_sees_the_room() {
    // 360° at (5, 5), heading along a wall: the room (the zone's side, 270°).
    let s = session("inner-corner-camera-sees-outside.json");
    close(views(&s)[0], 75.0);
    close(s.summary().covered_area_m2, 75.0);
}

#[test]
fn a_camera_on_a_pillar_corner_sees_the_hall_not_the_pillar() {
    // 90° at (11, 11) heading west along the pillar's face: of its field of
    // view (135°..225°), the hall side (135°..180°) is the quadrilateral
    // (11,11) (2,20) (0,20) (0,11): 81 - 22.5 = 58.5 m².
    let s = session("pillar-corner-camera-sees-inside-pillar.json");
    close(views(&s)[0], 58.5);
    close(s.summary().covered_area_m2, 58.5);
}

#[test]
fn a_camera_on_a_wall_heading_along_it_sees_the_room() {
    // 90° at (10, 0) heading west along the south wall: the room's half of
    // its field of view is the triangle (10,0) (0,0) (0,10): 50 m².
    let s = session("on-wall-heading-along-wall.json");
    close(views(&s)[0], 50.0);
    close(s.summary().covered_area_m2, 50.0);
}
