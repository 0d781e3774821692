//! Camera views checked against hand-computed answers.

mod common;
use common::*;
use std::f64::consts::PI;

const EXACT: f64 = 1e-9;

#[test]
fn full_circle_camera_in_a_convex_room_sees_the_whole_room() {
    let plan = prepare(square_room());
    let v = view(&plan, camera(3.0, 4.0, 0.0, 360.0, 1000.0));
    assert_close(v.area, 100.0, EXACT);
}

#[test]
fn camera_in_the_open_sees_its_sector() {
    let plan = prepare(vec![]);
    let v = view(&plan, camera(0.0, 0.0, 30.0, 90.0, 25.0));
    assert_close(v.area, PI * 625.0 / 4.0, EXACT);
    let v = view(&plan, camera(5.0, 5.0, 0.0, 360.0, 10.0));
    assert_close(v.area, PI * 100.0, EXACT);
}

#[test]
fn l_room_seen_from_the_end_of_one_arm() {
    // Camera at (1, 9) near the top of the vertical arm, 360 degrees. The
    // corner (5, 5) hides part of the horizontal arm: the shadow is bounded by
    // the ray from (1, 9) through (5, 5), which meets y = 0 at x = 10 - so
    // the triangle (5,5)-(10,5)-(10,0)... is hidden: region right of that
    // ray and below y = 5. Ray: x = 1 + 4s, y = 9 - 4s; at x = 10, y = 0.
    // Hidden: triangle (5,5), (10,5), (10,0): area 12.5.
    let plan = prepare(l_room());
    let v = view(&plan, camera(1.0, 9.0, 0.0, 360.0, 1000.0));
    assert_close(v.area, 75.0 - 12.5, EXACT);
}

#[test]
fn square_pillar_casts_its_shadow() {
    // Room 0..20 x 0..10, pillar 9..11 x 4..6, camera at (2, 5) looking east.
    // The pillar's shadow: rays from (2,5) through (9,6) and (9,4) reach x=20 at
    // y = 5 +/- 18/7; the hidden region is the trapezoid between x = 11 and 20
    // bounded by those rays, plus the pillar's own area is not floor.
    let mut walls = vec![closed_wall("room", &rect(0.0, 0.0, 20.0, 10.0))];
    walls.push(closed_wall("pillar", &rect(9.0, 4.0, 11.0, 6.0)));
    let plan = prepare(walls);
    let v = view(&plan, camera(2.0, 5.0, 0.0, 360.0, 1000.0));
    // Shadow behind the front face x = 9 (rays through (9,6) and (9,4)),
    // from x = 9 to 20: half-width at x is (x - 2) / 7. Area = integral of
    // 2 (x - 2)/7 dx from 9 to 20 = (18^2 - 7^2) / 7 = 275 / 7.
    let shadow = 275.0 / 7.0;
    assert_close(v.area, 200.0 - shadow, EXACT);
}

#[test]
fn camera_on_a_wall_sees_into_the_room_only() {
    // Camera on the south wall of a room, facing north, 180 degrees.
    let mut walls = square_room();
    // A room south of it that the camera must not see into.
    walls.push(closed_wall("south", &rect(0.0, -10.0, 10.0, 0.0)));
    let plan = prepare(walls);
    let v = view(&plan, camera(5.0, 0.0, 90.0, 180.0, 1000.0));
    assert_close(v.area, 100.0, 1e-7);
    // Facing south it sees the south room only.
    let v = view(&plan, camera(5.0, 0.0, -90.0, 180.0, 1000.0));
    assert_close(v.area, 100.0, 1e-7);
    // 360 degrees on the wall: still only the side it faces.
    let v = view(&plan, camera(5.0, 0.0, 90.0, 360.0, 1000.0));
    assert_close(v.area, 100.0, 1e-7);
}

#[test]
fn camera_in_a_corner_sees_the_room_and_nothing_through_the_walls() {
    let plan = prepare(square_room());
    let v = view(&plan, camera(0.0, 0.0, 45.0, 90.0, 1000.0));
    assert_close(v.area, 100.0, 1e-7);
    // A 60-degree cone from the corner, range 5: a plain sector.
    let v = view(&plan, camera(0.0, 0.0, 45.0, 60.0, 5.0));
    assert_close(v.area, PI * 25.0 / 6.0, 1e-7);
    // Facing out of the corner it sees nothing of the room (the outside only).
    let v = view(&plan, camera(10.0, 10.0, 45.0, 90.0, 5.0));
    assert_close(v.area, PI * 25.0 / 4.0, 1e-7);
    assert!(
        v.ring
            .iter()
            .all(|q| q.x >= 10.0 - 1e-6 && q.y >= 10.0 - 1e-6)
    );
}

#[test]
fn doorway_between_two_rooms() {
    // Two 10 x 10 rooms side by side, sharing the wall x = 10 with a doorway
    // from y = 4 to y = 6. Camera at (5, 5) of the west room, 360 degrees.
    let walls = vec![
        closed_wall("outer", &rect(0.0, 0.0, 20.0, 10.0)),
        wall("shared-south", &[(10.0, 0.0), (10.0, 4.0)]),
        wall("shared-north", &[(10.0, 6.0), (10.0, 10.0)]),
    ];
    let plan = prepare(walls);
    let v = view(&plan, camera(5.0, 5.0, 0.0, 360.0, 1000.0));
    // Through the doorway: rays from (5,5) through (10,4) and (10,6) widen to
    // half-width (x - 5)/5 at x; from x = 10 to 20 the visible wedge has area
    // integral of 2 (x - 5) / 5 dx = ((15)^2 - 5^2) / 5 = 40.
    assert_close(v.area, 100.0 + 40.0, EXACT);
}

#[test]
fn glass_wall_is_see_through_and_window_is_not() {
    let mut walls = vec![closed_wall("outer", &rect(0.0, 0.0, 20.0, 10.0))];
    let mut glass = wall("glass", &[(10.0, 0.0), (10.0, 10.0)]);
    glass.kind = blindspot::scenario::WallKind::Glass;
    walls.push(glass.clone());
    let plan = prepare(walls.clone());
    let v = view(&plan, camera(5.0, 5.0, 0.0, 360.0, 1000.0));
    assert_close(v.area, 200.0, EXACT);
    walls[1].kind = blindspot::scenario::WallKind::Window;
    let plan = prepare(walls);
    let v = view(&plan, camera(5.0, 5.0, 0.0, 360.0, 1000.0));
    assert_close(v.area, 100.0, EXACT);
}

#[test]
fn range_cuts_the_view_inside_a_room() {
    let plan = prepare(vec![closed_wall("room", &rect(-50.0, -50.0, 50.0, 50.0))]);
    let v = view(&plan, camera(0.0, 0.0, 10.0, 90.0, 20.0));
    assert_close(v.area, PI * 400.0 / 4.0, EXACT);
}

#[test]
fn range_circle_crossing_a_wall() {
    // Camera at the centre of a 20 x 10 room with range 6: the circle pokes out
    // through the south and north walls (y = +/-5 from centre). Visible area is
    // the circle minus two circular segments of height 1 (distance 5, r 6).
    let plan = prepare(vec![closed_wall("room", &rect(0.0, 0.0, 20.0, 10.0))]);
    let v = view(&plan, camera(10.0, 5.0, 0.0, 360.0, 6.0));
    let r: f64 = 6.0;
    let d: f64 = 5.0;
    let segment = r * r * (d / r).acos() - d * (r * r - d * d).sqrt();
    let expected = PI * r * r - 2.0 * segment;
    // The chord polygon follows the arc to within 5 mm; where the walls cut it
    // the area is within about 1e-5 relative.
    assert_close(v.area, expected, 1e-4);
}
