//! Coverage, weighted coverage, multi-coverage and blind spots checked against
//! hand-computed answers.

mod common;
use blindspot::report::Report;
use blindspot::scenario::ZoneKind;
use common::*;

/// Coverage areas are exact up to the integer grid (a fraction of a micrometre
/// for plans this size): relative 1e-9 is far looser than that.
const EXACT: f64 = 1e-9;

fn zone_report<'a>(r: &'a Report, id: &str) -> &'a blindspot::report::ZoneReport {
    r.summary
        .zones
        .iter()
        .find(|z| z.id == id)
        .unwrap_or_else(|| panic!("no zone {id} in the report"))
}

/// Asserts the totals hang together: blind = target - covered, the listed and
/// omitted blind spots add up to the blind area, listed ones largest first and
/// at or above the threshold.
#[track_caller]
fn assert_consistent(r: &Report) {
    let s = &r.summary;
    assert_near(
        s.blind_area_m2,
        s.target_area_m2 - s.covered_area_m2,
        1e-9 * s.target_area_m2.max(1.0),
    );
    let listed: f64 = r.blind_spots.iter().map(|b| b.area_m2).sum();
    assert_near(
        listed + r.blind_spots_omitted.area_m2,
        s.blind_area_m2,
        1e-9 * s.target_area_m2.max(1.0),
    );
    for w in r.blind_spots.windows(2) {
        assert!(
            w[0].area_m2 >= w[1].area_m2,
            "blind spots not largest first: {} before {}",
            w[0].area_m2,
            w[1].area_m2
        );
    }
    for b in &r.blind_spots {
        assert!(b.area_m2 >= r.blind_spots_omitted.threshold_m2);
        // The polygon's own area matches the figure quoted for it.
        assert_near(b.polygon.area(), b.area_m2, 1e-9 * b.area_m2.max(1.0));
    }
}

#[test]
fn full_circle_camera_in_a_convex_room_covers_all_of_it() {
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![placed("c", 3.0, 4.0, 0.0, 360.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.target_area_m2, 100.0, EXACT);
    assert_close(r.summary.covered_area_m2, 100.0, EXACT);
    assert_eq!(r.summary.coverage, 1.0);
    assert_eq!(r.summary.weighted_coverage, 1.0);
    assert_eq!(r.summary.blind_area_m2, 0.0);
    assert_eq!(r.summary.multi_covered_area_m2, 0.0);
    assert!(r.blind_spots.is_empty(), "{:?}", r.blind_spots);
    assert_eq!(r.blind_spots_omitted.count, 0);
    assert_close(r.summary.cameras[0].view_area_m2, 100.0, EXACT);
    assert_consistent(&r);
}

#[test]
fn full_circle_camera_in_a_convex_pentagon_covers_all_of_it() {
    // A non-rectangular convex room with a camera near one corner.
    let pts = [
        (0.0, 0.0),
        (12.0, 1.0),
        (14.0, 8.0),
        (6.0, 13.0),
        (-1.0, 7.0),
    ];
    // Shoelace by hand: sum of x_i y_{i+1} - x_{i+1} y_i
    // = (0 - 0) + (96 - 14) + (182 - 48) + (42 + 13) + (0 - 0) = 271 -> 135.5.
    let s = scenario(
        vec![closed_wall("room", &pts)],
        vec![zone("room", &pts)],
        vec![placed("c", 1.0, 1.0, 0.0, 360.0, 100.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.target_area_m2, 135.5, EXACT);
    assert_close(r.summary.covered_area_m2, 135.5, EXACT);
    assert_eq!(r.summary.coverage, 1.0);
    assert_eq!(r.summary.blind_area_m2, 0.0);
    assert!(r.blind_spots.is_empty());
}

#[test]
fn no_cameras_means_the_whole_room_is_one_blind_spot() {
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![],
    );
    let r = session(&s).report();
    assert_eq!(r.summary.coverage, 0.0);
    assert_eq!(r.summary.covered_area_m2, 0.0);
    assert_close(r.summary.blind_area_m2, 100.0, EXACT);
    assert_eq!(r.blind_spots.len(), 1);
    assert_close(r.blind_spots[0].area_m2, 100.0, EXACT);
    assert_eq!(r.blind_spots[0].zone_ids, vec!["room".to_string()]);
    assert_consistent(&r);
}

#[test]
fn camera_seeing_half_a_room_leaves_the_other_half_as_one_blind_spot() {
    // Room 0..10 x 0..10 with no inner walls, camera in the middle looking
    // east with a 180 degree field of view and a range far beyond the room: it
    // sees exactly the half x >= 5.
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![placed("c", 5.0, 5.0, 0.0, 180.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.covered_area_m2, 50.0, EXACT);
    assert_close(r.summary.coverage, 0.5, EXACT);
    assert_close(r.summary.blind_area_m2, 50.0, EXACT);
    assert_eq!(r.blind_spots.len(), 1, "{:?}", r.blind_spots);
    let b = &r.blind_spots[0];
    assert_close(b.area_m2, 50.0, EXACT);
    assert_eq!(b.zone_ids, vec!["room".to_string()]);
    // It is the west half: every vertex has x <= 5.
    assert!(
        b.polygon.exterior.iter().all(|q| q.x <= 5.0 + 1e-6),
        "{:?}",
        b.polygon
    );
    let bounds = b.polygon.bounds();
    assert_near(bounds.min.x, 0.0, 1e-6);
    assert_near(bounds.max.x, 5.0, 1e-6);
    assert_near(bounds.min.y, 0.0, 1e-6);
    assert_near(bounds.max.y, 10.0, 1e-6);
    assert_consistent(&r);
}

#[test]
fn overlapping_zones_count_in_each_zone_but_once_in_the_totals() {
    // A room 0..10 x 0..10 (priority 1) holding a display case 4..7 x 4..6
    // (priority 5). One camera at the centre looking east, 180 degrees: it sees
    // x >= 5 only.
    //   room:  area 100, covered 50
    //   asset: area 6,   covered 2 x 2 = 4 (the part 5..7 x 4..6)
    //   target (the union of zones) = 100, covered 50 (not 54)
    //   weighted = (1 x 50 + 5 x 4) / (1 x 100 + 5 x 6) = 70 / 130
    let mut asset = zone("case", &rect(4.0, 4.0, 7.0, 6.0));
    asset.kind = ZoneKind::Asset;
    asset.priority = 5.0;
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0)), asset],
        vec![placed("c", 5.0, 5.0, 0.0, 180.0, 1000.0)],
    );
    let r = session(&s).report();
    let room = zone_report(&r, "room");
    assert_close(room.area_m2, 100.0, EXACT);
    assert_close(room.covered_area_m2, 50.0, EXACT);
    assert_close(room.coverage, 0.5, EXACT);
    let case = zone_report(&r, "case");
    assert_close(case.area_m2, 6.0, EXACT);
    assert_close(case.covered_area_m2, 4.0, EXACT);
    assert_close(case.coverage, 4.0 / 6.0, EXACT);
    assert_close(r.summary.target_area_m2, 100.0, EXACT);
    assert_close(r.summary.covered_area_m2, 50.0, EXACT);
    assert_close(r.summary.coverage, 0.5, EXACT);
    assert_close(r.summary.weighted_coverage, 70.0 / 130.0, EXACT);
    // The one blind spot (the west half) lies in both zones.
    assert_eq!(r.blind_spots.len(), 1, "{:?}", r.blind_spots);
    assert_close(r.blind_spots[0].area_m2, 50.0, EXACT);
    let mut ids = r.blind_spots[0].zone_ids.clone();
    ids.sort();
    assert_eq!(ids, vec!["case".to_string(), "room".to_string()]);
    assert_consistent(&r);
}

#[test]
fn asset_zone_entirely_covered_is_fully_counted_once() {
    // Same room, the case now 6..8 x 4..6, wholly in the seen half.
    let mut asset = zone("case", &rect(6.0, 4.0, 8.0, 6.0));
    asset.kind = ZoneKind::Asset;
    asset.priority = 5.0;
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0)), asset],
        vec![placed("c", 5.0, 5.0, 0.0, 180.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(zone_report(&r, "case").covered_area_m2, 4.0, EXACT);
    assert_eq!(zone_report(&r, "case").coverage, 1.0);
    assert_close(r.summary.covered_area_m2, 50.0, EXACT);
    // (50 + 5 x 4) / (100 + 5 x 4)
    assert_close(r.summary.weighted_coverage, 70.0 / 120.0, EXACT);
    // The blind half does not touch the case.
    assert_eq!(r.blind_spots.len(), 1);
    assert_eq!(r.blind_spots[0].zone_ids, vec!["room".to_string()]);
}

#[test]
fn two_cameras_overlapping_in_an_open_room() {
    // Room 0..10 x 0..10, no walls inside. Range 1000 puts the arcs far away.
    // Camera A at (5, 0) looking north, 90 degrees: sees y >= |x - 5|, the room
    //   minus the two corner triangles (0,0)(5,0)(0,5) and (5,0)(10,0)(10,5):
    //   100 - 2 x 12.5 = 75.
    // Camera B at (0, 5) looking east, 90 degrees: sees x >= |y - 5|, the room
    //   minus (0,0)(5,0)(0,5) and (0,5)(0,10)(5,10): 75.
    // Neither sees the triangle (0,0)(5,0)(0,5): union 87.5, blind 12.5, and
    // both see 75 + 75 - 87.5 = 62.5.
    let s = scenario(
        vec![],
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![
            placed("a", 5.0, 0.0, 90.0, 90.0, 1000.0),
            placed("b", 0.0, 5.0, 0.0, 90.0, 1000.0),
        ],
    );
    let r = session(&s).report();
    // The views themselves are whole sectors (no walls).
    let sector = std::f64::consts::PI * 1000.0 * 1000.0 / 4.0;
    assert_close(r.summary.cameras[0].view_area_m2, sector, EXACT);
    assert_close(r.summary.cameras[1].view_area_m2, sector, EXACT);
    assert_close(r.summary.covered_area_m2, 87.5, EXACT);
    assert_close(r.summary.coverage, 0.875, EXACT);
    assert_close(r.summary.multi_covered_area_m2, 62.5, EXACT);
    assert_close(zone_report(&r, "room").multi_covered_area_m2, 62.5, EXACT);
    assert_eq!(r.blind_spots.len(), 1, "{:?}", r.blind_spots);
    assert_close(r.blind_spots[0].area_m2, 12.5, EXACT);
    let bounds = r.blind_spots[0].polygon.bounds();
    assert_near(bounds.max.x, 5.0, 1e-6);
    assert_near(bounds.max.y, 5.0, 1e-6);
    assert_consistent(&r);
}

#[test]
fn two_small_sectors_overlapping_inside_a_room() {
    // Arcs inside the room this time, overlap bounded by straight edges only.
    // Room 0..20 x 0..20. A at (5, 5) looking east, 90 deg, range 4: the
    // quarter disk sector of area 4 pi. B at (5, 5) looking north, 90 deg,
    // range 4: the same apex, sector rotated by 90 degrees. They overlap on the
    // common edge only (the ray at 45 degrees): no area seen twice, covered =
    // 2 x 4 pi exactly (each chord polygon has the exact sector area).
    let s = scenario(
        vec![],
        vec![zone("room", &rect(0.0, 0.0, 20.0, 20.0))],
        vec![
            placed("a", 5.0, 5.0, 0.0, 90.0, 4.0),
            placed("b", 5.0, 5.0, 90.0, 90.0, 4.0),
        ],
    );
    let r = session(&s).report();
    let pi = std::f64::consts::PI;
    assert_close(r.summary.covered_area_m2, 8.0 * pi, 1e-8);
    assert_near(r.summary.multi_covered_area_m2, 0.0, 1e-6);
    // Now B turned to look at 30 degrees: the two 90 degree sectors share the
    // wedge from 30 to 45 degrees, a sixth of a quarter... a 15 degree sector:
    // 16 pi x 15 / 360 = 2 pi / 3. Covered = 4 pi + 4 pi - 2 pi / 3.
    // (The chord polygons' grids differ, so the shared wedge is exact only to
    // the arc tolerance: the two chord arcs lie within 5 mm of the circle.)
    let mut s = s;
    s.cameras[1].heading_deg = 30.0 + 45.0;
    let r = session(&s).report();
    let shared = 16.0 * pi * 15.0 / 360.0;
    let arc = 4.0 * 15.0f64.to_radians();
    assert_near(r.summary.multi_covered_area_m2, shared, 0.005 * arc);
    assert_near(r.summary.covered_area_m2, 8.0 * pi - shared, 0.005 * arc);
}

#[test]
fn priority_weighted_coverage_through_a_doorway() {
    // Two 10 x 10 rooms, west (priority 1) and east (priority 3), sharing the
    // wall x = 10 with a doorway from y = 3 to y = 6. A 360 degree camera at
    // (5, 5) in the west room sees all of it and, through the doorway, the
    // wedge between the rays through (10, 6) and (10, 3):
    //   upper ray y = 5 + (x - 5) / 5 reaches (20, 8): the east room above it
    //     is the trapezoid (10,6)(20,8)(20,10)(10,10), area 10 x (4 + 2) / 2 = 30;
    //   lower ray y = 5 - 2 (x - 5) / 5 meets y = 0 at x = 17.5: below it the
    //     triangle (10,0)(17.5,0)(10,3), area 7.5 x 3 / 2 = 11.25.
    //   East covered = 100 - 30 - 11.25 = 58.75.
    // coverage = 158.75 / 200; weighted = (100 + 3 x 58.75) / (100 + 300).
    let mut east = zone("east", &rect(10.0, 0.0, 20.0, 10.0));
    east.priority = 3.0;
    let s = scenario(
        vec![
            closed_wall("outer", &rect(0.0, 0.0, 20.0, 10.0)),
            wall("mid-s", &[(10.0, 0.0), (10.0, 3.0)]),
            wall("mid-n", &[(10.0, 6.0), (10.0, 10.0)]),
        ],
        vec![zone("west", &rect(0.0, 0.0, 10.0, 10.0)), east],
        vec![placed("c", 5.0, 5.0, 0.0, 360.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.cameras[0].view_area_m2, 158.75, EXACT);
    assert_close(zone_report(&r, "west").coverage, 1.0, EXACT);
    assert_close(zone_report(&r, "east").covered_area_m2, 58.75, EXACT);
    assert_close(r.summary.target_area_m2, 200.0, EXACT);
    assert_close(r.summary.covered_area_m2, 158.75, EXACT);
    assert_close(r.summary.coverage, 158.75 / 200.0, EXACT);
    assert_close(
        r.summary.weighted_coverage,
        (100.0 + 3.0 * 58.75) / 400.0,
        EXACT,
    );
    // Blind spots, largest first: the trapezoid, then the triangle, both east.
    assert_eq!(r.blind_spots.len(), 2, "{:?}", r.blind_spots);
    assert_close(r.blind_spots[0].area_m2, 30.0, EXACT);
    assert_close(r.blind_spots[1].area_m2, 11.25, EXACT);
    for b in &r.blind_spots {
        assert_eq!(b.zone_ids, vec!["east".to_string()]);
    }
    assert!(r.blind_spots[0].polygon.bounds().min.y >= 6.0 - 1e-6);
    assert!(r.blind_spots[1].polygon.bounds().max.y <= 3.0 + 1e-6);
    assert_consistent(&r);
}

#[test]
fn blind_spots_are_listed_largest_first() {
    // Three separate rooms of different sizes, no cameras: three blind spots
    // whose order must not follow the file order.
    let s = scenario(
        vec![],
        vec![
            zone("small", &rect(0.0, 0.0, 1.0, 1.0)),
            zone("large", &rect(10.0, 0.0, 15.0, 5.0)),
            zone("medium", &rect(20.0, 0.0, 22.0, 2.0)),
        ],
        vec![],
    );
    let r = session(&s).report();
    let got: Vec<(f64, Vec<String>)> = r
        .blind_spots
        .iter()
        .map(|b| (b.area_m2, b.zone_ids.clone()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_close(got[0].0, 25.0, EXACT);
    assert_eq!(got[0].1, vec!["large".to_string()]);
    assert_close(got[1].0, 4.0, EXACT);
    assert_eq!(got[1].1, vec!["medium".to_string()]);
    assert_close(got[2].0, 1.0, EXACT);
    assert_eq!(got[2].1, vec!["small".to_string()]);
    assert_consistent(&r);
}

#[test]
fn slivers_below_the_threshold_are_counted_but_not_listed() {
    // Room 0..10 x 0..10, no walls. A sees y >= 5 (at (5,5) looking north,
    // 180 deg); B sees y <= 4.996 (at (5, 4.996) looking south, 180 deg). The
    // strip 4.996 < y < 5 is seen by neither: 10 x 0.004 = 0.04 m², under the
    // default threshold of 0.05 m².
    let s = scenario(
        vec![],
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0))],
        vec![
            placed("a", 5.0, 5.0, 90.0, 180.0, 1000.0),
            placed("b", 5.0, 4.996, -90.0, 180.0, 1000.0),
        ],
    );
    let r = session(&s).report();
    // The strip's edges are not on the grid: each moves by at most half a grid
    // step (under 1e-7 m here), so its area is right to about 1e-6 m².
    assert_near(r.summary.blind_area_m2, 0.04, 1e-6);
    assert!(r.blind_spots.is_empty(), "{:?}", r.blind_spots);
    assert_eq!(r.blind_spots_omitted.count, 1);
    assert_near(r.blind_spots_omitted.area_m2, 0.04, 1e-6);
    assert_eq!(r.blind_spots_omitted.threshold_m2, 0.05);
    assert_consistent(&r);

    // With a threshold of 0.01 the strip is listed.
    let mut s2 = s.clone();
    s2.settings.min_blind_spot_m2 = 0.01;
    let r = session(&s2).report();
    assert_eq!(r.blind_spots.len(), 1);
    assert_near(r.blind_spots[0].area_m2, 0.04, 1e-6);
    assert_eq!(r.blind_spots_omitted.count, 0);
    assert_eq!(r.blind_spots_omitted.area_m2, 0.0);
    assert_consistent(&r);
}

#[test]
fn threshold_splits_listed_and_omitted_blind_spots() {
    // The doorway plan above with a threshold of 20 m²: the 30 m² trapezoid is
    // listed, the 11.25 m² triangle is omitted but still counted as blind.
    let s = {
        let mut s = scenario(
            vec![
                closed_wall("outer", &rect(0.0, 0.0, 20.0, 10.0)),
                wall("mid-s", &[(10.0, 0.0), (10.0, 3.0)]),
                wall("mid-n", &[(10.0, 6.0), (10.0, 10.0)]),
            ],
            vec![
                zone("west", &rect(0.0, 0.0, 10.0, 10.0)),
                zone("east", &rect(10.0, 0.0, 20.0, 10.0)),
            ],
            vec![placed("c", 5.0, 5.0, 0.0, 360.0, 1000.0)],
        );
        s.settings.min_blind_spot_m2 = 20.0;
        s
    };
    let r = session(&s).report();
    assert_eq!(r.blind_spots.len(), 1);
    assert_close(r.blind_spots[0].area_m2, 30.0, EXACT);
    assert_eq!(r.blind_spots_omitted.count, 1);
    assert_close(r.blind_spots_omitted.area_m2, 11.25, EXACT);
    assert_eq!(r.blind_spots_omitted.threshold_m2, 20.0);
    assert_close(r.summary.blind_area_m2, 41.25, EXACT);
    assert_consistent(&r);
}

#[test]
fn zone_with_a_hole_excludes_the_hole_from_its_area() {
    // Room 0..10 x 0..10 with a 2 x 2 hole 4..6 x 4..6 (a plinth, not floor),
    // camera in the corner region looking diagonally, 90 degrees: it sees
    // x >= 0.5 and y >= 0.5, i.e. all but the L-shaped strip of
    // 0.5 x 10 + 0.5 x 10 - 0.25 = 9.75 m²: covered 86.25 of 96.
    let mut z = zone("room", &rect(0.0, 0.0, 10.0, 10.0));
    z.holes = vec![
        rect(4.0, 4.0, 6.0, 6.0)
            .into_iter()
            .map(|(x, y)| p(x, y))
            .collect(),
    ];
    let s = scenario(
        square_room(),
        vec![z],
        vec![placed("c", 0.5, 0.5, 45.0, 90.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.target_area_m2, 96.0, EXACT);
    assert_close(r.summary.covered_area_m2, 86.25, EXACT);
    assert_close(r.summary.coverage, 86.25 / 96.0, EXACT);
    assert_eq!(r.blind_spots.len(), 1);
    assert_close(r.blind_spots[0].area_m2, 9.75, EXACT);
    // Moved to the middle of the room with a full circle, the plinth (a hole
    // of the zone, not a wall) hides nothing: all 96 m² are covered.
    let mut s = s;
    s.cameras[0] = placed("c", 2.0, 5.0, 0.0, 360.0, 1000.0);
    let r = session(&s).report();
    assert_close(r.summary.covered_area_m2, 96.0, EXACT);
    assert_eq!(r.summary.coverage, 1.0);
    assert!(r.blind_spots.is_empty());
    assert_consistent(&r);
}

#[test]
fn occluded_corner_of_an_l_room_is_the_blind_spot() {
    // The L room of tests/visibility.rs seen from (1, 9): the triangle
    // (5,5)(10,5)(10,0) is hidden, 12.5 m² of 75.
    let l = [
        (0., 0.),
        (10., 0.),
        (10., 5.),
        (5., 5.),
        (5., 10.),
        (0., 10.),
    ];
    let s = scenario(
        l_room(),
        vec![zone("l", &l)],
        vec![placed("c", 1.0, 9.0, 0.0, 360.0, 1000.0)],
    );
    let r = session(&s).report();
    assert_close(r.summary.target_area_m2, 75.0, EXACT);
    assert_close(r.summary.covered_area_m2, 62.5, EXACT);
    assert_eq!(r.blind_spots.len(), 1);
    assert_close(r.blind_spots[0].area_m2, 12.5, EXACT);
    let b = r.blind_spots[0].polygon.bounds();
    assert_near(b.min.x, 5.0, 1e-6);
    assert_near(b.min.y, 0.0, 1e-6);
    assert_near(b.max.x, 10.0, 1e-6);
    assert_near(b.max.y, 5.0, 1e-6);
}

#[test]
fn edits_in_a_session_match_a_fresh_load() {
    // Moving, aiming, adding and removing cameras incrementally must give the
    // same figures as loading the edited scenario from scratch.
    let s = scenario(
        vec![
            closed_wall("outer", &rect(0.0, 0.0, 20.0, 10.0)),
            wall("mid-s", &[(10.0, 0.0), (10.0, 3.0)]),
            wall("mid-n", &[(10.0, 6.0), (10.0, 10.0)]),
        ],
        vec![
            zone("west", &rect(0.0, 0.0, 10.0, 10.0)),
            zone("east", &rect(10.0, 0.0, 20.0, 10.0)),
        ],
        vec![placed("c", 5.0, 5.0, 0.0, 360.0, 1000.0)],
    );
    let mut live = session(&s);
    live.move_camera(0, 15.0, 5.0).unwrap();
    live.add_camera(placed("d", 1.0, 1.0, 45.0, 90.0, 30.0))
        .unwrap();
    live.aim_camera(1, 30.0, 60.0, 12.0).unwrap();
    live.add_camera(placed("e", 19.0, 9.0, 225.0, 90.0, 5.0))
        .unwrap();
    live.remove_camera(2).unwrap();
    let fresh = session(live.scenario());
    let (a, b) = (live.summary(), fresh.summary());
    assert_close(a.covered_area_m2, b.covered_area_m2, EXACT);
    assert_close(
        a.multi_covered_area_m2.max(1e-12),
        b.multi_covered_area_m2.max(1e-12),
        EXACT,
    );
    for (za, zb) in a.zones.iter().zip(&b.zones) {
        assert_eq!(za.id, zb.id);
        assert_near(za.covered_area_m2, zb.covered_area_m2, 1e-9);
    }
    // And the camera at (15, 5) now sees the east room and a wedge of the west:
    // by symmetry with the doorway case, rays through (10, 6) and (10, 3) from
    // (15, 5): the west room minus the mirror images, 58.75.
    assert_close(a.cameras[0].view_area_m2, 158.75, EXACT);
}

#[test]
fn multi_coverage_counts_in_each_zone_but_once_in_the_totals() {
    // The room and display case of the overlapping-zones test, seen by two
    // cameras: A at (5, 5) looking east (sees x >= 5) and B at (5, 5)
    // looking north (sees y >= 5), both 180 degrees.
    //   seen twice: the quadrant x >= 5, y >= 5: 25 m² of the room; of the
    //   case 4..7 x 4..6, the part 5..7 x 5..6: 2 m².
    //   covered: 75 of the room; of the case everything but 4..5 x 4..5: 5.
    //   totals: covered 75, multi 25 (not 77 and 27).
    let mut asset = zone("case", &rect(4.0, 4.0, 7.0, 6.0));
    asset.kind = ZoneKind::Asset;
    let s = scenario(
        square_room(),
        vec![zone("room", &rect(0.0, 0.0, 10.0, 10.0)), asset],
        vec![
            placed("a", 5.0, 5.0, 0.0, 180.0, 1000.0),
            placed("b", 5.0, 5.0, 90.0, 180.0, 1000.0),
        ],
    );
    let r = session(&s).report();
    let room = zone_report(&r, "room");
    assert_close(room.covered_area_m2, 75.0, EXACT);
    assert_close(room.multi_covered_area_m2, 25.0, EXACT);
    let case = zone_report(&r, "case");
    assert_close(case.covered_area_m2, 5.0, EXACT);
    assert_close(case.multi_covered_area_m2, 2.0, EXACT);
    assert_close(r.summary.covered_area_m2, 75.0, EXACT);
    assert_close(r.summary.multi_covered_area_m2, 25.0, EXACT);
    // One blind spot, the south-west quadrant, in both zones.
    assert_eq!(r.blind_spots.len(), 1);
    assert_close(r.blind_spots[0].area_m2, 25.0, EXACT);
    let mut ids = r.blind_spots[0].zone_ids.clone();
    ids.sort();
    assert_eq!(ids, vec!["case".to_string(), "room".to_string()]);
    assert_consistent(&r);
}
