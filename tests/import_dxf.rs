#![cfg(not(target_arch = "wasm32"))]
//! DXF import: fixtures written for these tests (tests/fixtures/import), checked
//! for their walls and zones and for areas worked by hand; and our small reader
//! checked against the `dxf` crate, on the fixtures and on drawings that crate
//! writes (ASCII and binary, several versions).

mod common;

use blindspot::geometry::Point;
use blindspot::import::{self, Geom, ImportError, ImportOptions, Imported, Mapping, Role};
use blindspot::scenario::{WallKind, ZoneKind};
use common::{assert_close, assert_near, placed, session};
use std::f64::consts::PI;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        ..ImportOptions::default()
    }
}

fn import_with(name: &str, o: ImportOptions) -> Imported {
    match import::import(&fixture(name), &o, &mut |_| true) {
        Ok(i) => i,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn import_fixture(name: &str) -> Imported {
    import_with(name, options(name))
}

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

#[track_caller]
fn assert_point(actual: Point, expected: Point) {
    assert!(
        actual.distance(expected) < 1e-9,
        "expected {expected:?}, got {actual:?}"
    );
}

/// The view area of one 360° camera added at `at` (range 30 m), and the coverage.
fn seen_from(imported: &Imported, at: Point) -> (f64, f64) {
    let mut s = imported.scenario.clone();
    s.cameras = vec![placed("c", at.x, at.y, 0.0, 360.0, 30.0)];
    let session = session(&s);
    let summary = session.summary();
    (session.views()[0].area, summary.coverage)
}

/// Area of a semicircle of radius `r` flattened as documented: chords with
/// vertices on the arc, as few as keep each chord's sagitta within 5 mm.
fn flattened_half_disk(r: f64) -> f64 {
    let step = 2.0 * (1.0 - 0.005 / r).acos();
    let n = (PI / step).ceil();
    n / 2.0 * r * r * (PI / n).sin()
}

#[test]
fn a_gallery_in_millimetres_with_an_apse_a_door_and_a_label() {
    let i = import_fixture("gallery-mm.dxf");
    let r = &i.report;
    assert_eq!(r.units.metres_per_unit, 0.001);
    assert!(
        r.units.source.contains("$INSUNITS = 4"),
        "{}",
        r.units.source
    );
    let role = |layer: &str| r.layers.iter().find(|l| l.name == layer).map(|l| l.role);
    assert_eq!(role("A-WALL"), Some(Role::Wall(WallKind::Wall)));
    assert_eq!(role("A-DOOR"), Some(Role::Wall(WallKind::Door)));
    assert_eq!(role("A-AREA"), Some(Role::Zone(ZoneKind::Room)));
    assert_eq!(role("A-AREA-IDEN"), Some(Role::Label));
    assert_eq!(role("A-WALL-PATT"), Some(Role::Ignore));
    assert_eq!(role("A-ANNO-DIMS"), Some(Role::Ignore));
    let door_layer = r.layers.iter().find(|l| l.name == "A-DOOR").unwrap();
    // The block's entities are on layer 0, so they count on the insert's layer.
    assert_eq!(door_layer.entities.get("INSERT"), Some(&1));
    assert_eq!(door_layer.entities.get("ARC"), Some(&1));
    assert_eq!(door_layer.entities.get("LINE"), Some(&1));

    let plan = &i.scenario.plan;
    assert_eq!(plan.zones.len(), 1);
    let zone = &plan.zones[0];
    assert_eq!(zone.name, "Galerie d'Apollon");
    // 10 x 6 m plus the apse, a half disk of 3 m flattened within 5 mm.
    let area = 60.0 + flattened_half_disk(3.0);
    assert_close(zone.shape().area(), area, 1e-12);
    assert!(
        (60.0 + 4.5 * PI - area) < 0.005 * 3.0 * PI,
        "within tolerance × arc length"
    );

    // The door: from the hinge to the closed end of its swing, across the gap.
    let doors: Vec<_> = plan
        .walls
        .iter()
        .filter(|w| w.kind == WallKind::Door)
        .collect();
    assert_eq!(doors.len(), 1, "{:?}", plan.walls);
    assert!(!doors[0].open);
    let mut ends = doors[0].path.clone();
    ends.sort_by(|a, b| a.x.total_cmp(&b.x));
    assert_point(ends[0], p(4.0, 0.0));
    assert_point(ends[1], p(4.9, 0.0));
    assert_eq!(r.cleanup.doors_from_arcs, 1);
    // Every other wall line is one closed chain.
    assert_eq!(plan.walls.len(), 2);

    // A 360° camera in the middle sees exactly the (convex) room: the walls
    // and the zone's apse are flattened alike, and the closed door seals it.
    let (view, coverage) = seen_from(&i, p(5.0, 3.0));
    assert_close(view, area, 1e-9);
    assert_close(coverage, 1.0, 1e-9);
    // With doors open it sees out through the doorway.
    let open = import_with(
        "gallery-mm.dxf",
        ImportOptions {
            doors_open: true,
            ..options("gallery-mm.dxf")
        },
    );
    assert!(seen_from(&open, p(5.0, 3.0)).0 > area + 1.0);
}

#[test]
fn double_line_walls_get_their_open_ends_capped_and_a_drafting_gap_closed() {
    let i = import_fixture("double-line.dxf");
    let c = &i.report.cleanup;
    // Faces paired: 4.5 + 4.5 (south, either side of the doorway), 6, 10, 6.
    assert_close(c.double_line_m, 31.0, 1e-9);
    assert_close(c.typical_wall_thickness_m.unwrap(), 0.2, 1e-9);
    assert_eq!(c.ends_capped, 2, "{c:?}");
    assert_eq!(c.gaps_closed, 1, "{c:?}");
    assert!(
        i.report
            .notes
            .iter()
            .any(|n| n.message.contains("gap of 6.0 mm") && n.place.contains("(LINE)")),
        "{:?}",
        i.report.notes
    );
    // In the doorway, between the faces, looking east along the wall: the
    // cap at the jamb (0.5 m away) ends the view, a triangle d² tan(5°).
    let mut s = i.scenario.clone();
    s.cameras = vec![placed("c", 5.0, -0.1, 0.0, 10.0, 10.0)];
    let view = session(&s).views()[0].area;
    assert_close(view, 0.25 * 5f64.to_radians().tan(), 1e-9);
    // From (2, 3) the partition at x = 7, joined to the north wall, hides the
    // east part of the room: 42 of 60 m², exactly (no needle through a gap).
    let (_, coverage) = seen_from(&i, p(2.0, 3.0));
    assert_close(coverage, 0.7, 1e-9);
}

#[test]
fn block_inserts_with_rotation_scale_arrays_mirroring_and_nesting() {
    let i = import_fixture("blocks.dxf");
    let walls = &i.scenario.plan.walls;
    let pillars: Vec<Vec<Point>> = walls
        .iter()
        .filter(|w| w.path.len() == 5)
        .filter(|w| w.path.iter().all(|q| q.x > 0.5 && q.x < 11.5))
        .map(|w| w.path.clone())
        .collect();
    let centres: Vec<Point> = pillars
        .iter()
        .map(|ring| {
            let n = (ring.len() - 1) as f64;
            let s = ring[..ring.len() - 1]
                .iter()
                .fold(p(0.0, 0.0), |a, &b| a + b);
            s.scale(1.0 / n)
        })
        .collect();
    let mut expected = vec![
        p(2.0, 2.0),
        p(4.0, 2.0),
        p(6.0, 2.0),
        p(2.0, 5.0),
        p(4.0, 5.0),
        // Extrusion (0, 0, -1) mirrors x: OCS (-9, 5) is (9, 5).
        p(9.0, 5.0),
        // PAIR's base point is (0.5, 0): its pillars at 0 and 1 land at 8.5, 9.5.
        p(8.5, 6.0),
        p(9.5, 6.0),
    ];
    let mut found = centres.clone();
    let key = |q: &Point| (q.x * 1e6) as i64 * 1_000_000 + (q.y * 1e6) as i64;
    expected.sort_by_key(key);
    found.sort_by_key(key);
    assert_eq!(found.len(), expected.len(), "{pillars:?}");
    for (f, e) in found.iter().zip(&expected) {
        assert_point(*f, *e);
    }
    let ring_at =
        |c: Point| pillars[centres.iter().position(|q| q.distance(c) < 1e-9).unwrap()].clone();
    // Rotated 45°: corners on the axes at 0.2·√2.
    assert!(
        ring_at(p(4.0, 2.0))
            .iter()
            .any(|q| q.distance(p(4.0 + 0.2 * 2f64.sqrt(), 2.0)) < 1e-9)
    );
    // Scaled 2: 0.8 m wide.
    assert!(
        ring_at(p(6.0, 2.0))
            .iter()
            .any(|q| q.distance(p(6.4, 2.4)) < 1e-9)
    );
    // The tick (0,0)→(1,0.5): plain at (1, 7), mirrored at OCS (-10, 7).
    let has = |a: Point, b: Point| {
        walls.iter().any(|w| {
            w.path.len() == 2
                && ((w.path[0].distance(a) < 1e-9 && w.path[1].distance(b) < 1e-9)
                    || (w.path[0].distance(b) < 1e-9 && w.path[1].distance(a) < 1e-9))
        })
    };
    assert!(has(p(1.0, 7.0), p(2.0, 7.5)), "{walls:?}");
    assert!(has(p(10.0, 7.0), p(9.0, 7.5)), "{walls:?}");
    let cols = i.report.layers.iter().find(|l| l.name == "S-COLS").unwrap();
    assert_eq!(cols.role, Role::Wall(WallKind::Wall));
    // Six inserts, and PAIR's two inside it (on layer 0: they take S-COLS).
    assert_eq!(cols.entities.get("INSERT"), Some(&8));
    assert_eq!(cols.entities.get("LWPOLYLINE"), Some(&8));
    // Looking north from (2, 1) with 20°, every ray meets the inserted pillar's
    // near face at y = 1.8 (it subtends ±14°): a triangle 0.8² tan(10°).
    let mut s = i.scenario.clone();
    s.cameras = vec![placed("c", 2.0, 1.0, 90.0, 20.0, 30.0)];
    assert_close(
        session(&s).views()[0].area,
        0.64 * 10f64.to_radians().tan(),
        1e-9,
    );
}

#[test]
fn a_mapping_picks_the_layers_and_units_can_be_overridden() {
    let o = ImportOptions {
        mapping: Some(Mapping::parse("wall=A-WALL,zone=A-AREA").unwrap()),
        units: blindspot::import::Units::from_name("cm"),
        ..options("gallery-mm.dxf")
    };
    let i = import_with("gallery-mm.dxf", o);
    // In centimetres the room is ten times larger; the door layer is not mapped.
    assert_close(
        i.scenario.plan.zones[0].shape().area(),
        100.0 * (60.0 + flattened_half_disk(3.0)),
        1e-3,
    );
    assert!(
        i.scenario
            .plan
            .walls
            .iter()
            .all(|w| w.kind == WallKind::Wall)
    );
    // A typo in a layer name is named, with the layers there are.
    let e = import::import(
        &fixture("gallery-mm.dxf"),
        &ImportOptions {
            mapping: Some(Mapping::parse("wall=A-WAL,zone=A-AREA").unwrap()),
            ..options("gallery-mm.dxf")
        },
        &mut |_| true,
    )
    .unwrap_err();
    assert!(
        matches!(&e, ImportError::Options(m) if m.contains("no layer named \"A-WAL\"") && m.contains("A-WALL")),
        "{e}"
    );
}

#[test]
fn without_a_zone_layer_the_import_says_what_to_map() {
    let o = ImportOptions {
        mapping: Some(Mapping::parse("wall=A-WALL").unwrap()),
        ..options("gallery-mm.dxf")
    };
    let e = import::import(&fixture("gallery-mm.dxf"), &o, &mut |_| true).unwrap_err();
    assert!(
        matches!(&e, ImportError::Empty(m) if m.starts_with("no zones") && m.contains("zone=")),
        "{e}"
    );
}

#[test]
fn a_drawing_far_from_the_origin_is_moved_near_it() {
    // The gallery with 651 km and 6862 km added (a national grid, in mm).
    let text = String::from_utf8(fixture("gallery-mm.dxf")).unwrap();
    let mut out = String::new();
    let mut lines = text.lines();
    while let (Some(code), Some(value)) = (lines.next(), lines.next()) {
        let c: i32 = code.trim().parse().unwrap();
        let v = match c {
            10 | 11 => format!("{}", value.trim().parse::<f64>().unwrap() + 651_000_000.0),
            20 | 21 => format!("{}", value.trim().parse::<f64>().unwrap() + 6_862_000_000.0),
            _ => value.to_string(),
        };
        out.push_str(&format!("{code}\n{v}\n"));
    }
    // Block contents and their base points moved alike: inserts are unchanged.
    let i = import::import(out.as_bytes(), &options("far.dxf"), &mut |_| true).unwrap();
    assert_eq!(i.report.offset_m, Some([-651_000.0, -6_862_000.0]));
    let b = blindspot::geometry::Bounds::of_points(i.scenario.plan.zones[0].polygon.iter());
    assert_near(b.min.x, 0.0, 1e-6);
    assert_near(b.min.y, 0.0, 1e-6);
    assert_close(
        i.scenario.plan.zones[0].shape().area(),
        60.0 + flattened_half_disk(3.0),
        1e-9,
    );
}

// ---- Against the `dxf` crate --------------------------------------------

/// Our reading of the top-level geometry: (layer, type, defining numbers).
fn ours(bytes: &[u8]) -> Vec<(String, String, Vec<f64>)> {
    let d = import::read(bytes, &options("x.dxf"), &mut |_| true).unwrap();
    let mut out = Vec::new();
    for s in d.shapes.iter().filter(|s| s.place.via == 0) {
        let layer = d.layers[s.layer].name.clone();
        let nums = match &s.geom {
            Geom::Polyline {
                points,
                bulges,
                transform,
                ..
            } => {
                let mut v: Vec<f64> = points
                    .iter()
                    .flat_map(|&[x, y]| {
                        let q = *transform * kurbo::Point::new(x, y);
                        [q.x, q.y]
                    })
                    .collect();
                v.extend(bulges);
                v
            }
            Geom::Arc {
                radius,
                start,
                sweep,
                transform,
            } => {
                let c = *transform * kurbo::Point::ORIGIN;
                vec![
                    c.x,
                    c.y,
                    *radius,
                    start.to_degrees(),
                    (start + sweep).to_degrees(),
                ]
            }
            _ => Vec::new(),
        };
        out.push((layer, s.place.what.to_string(), nums));
    }
    out
}

/// The `dxf` crate's reading of the same: LINE, LWPOLYLINE, ARC, CIRCLE.
fn theirs(d: &dxf::Drawing) -> Vec<(String, String, Vec<f64>)> {
    use dxf::entities::EntityType as E;
    let mut out = Vec::new();
    for e in d.entities() {
        let layer = e.common.layer.clone();
        let (what, nums) = match &e.specific {
            E::Line(l) => ("LINE", vec![l.p1.x, l.p1.y, l.p2.x, l.p2.y]),
            E::LwPolyline(p) => {
                let mut v: Vec<f64> = p.vertices.iter().flat_map(|v| [v.x, v.y]).collect();
                if p.vertices.iter().any(|v| v.bulge != 0.0) {
                    v.extend(p.vertices.iter().map(|v| v.bulge));
                }
                ("LWPOLYLINE", v)
            }
            E::Arc(a) => {
                let mut end = a.end_angle;
                while end <= a.start_angle {
                    end += 360.0;
                }
                (
                    "ARC",
                    vec![a.center.x, a.center.y, a.radius, a.start_angle, end],
                )
            }
            E::Circle(c) => ("CIRCLE", vec![c.center.x, c.center.y, c.radius, 0.0, 360.0]),
            _ => continue,
        };
        out.push((layer, what.to_string(), nums));
    }
    out
}

#[track_caller]
fn assert_same(a: &[(String, String, Vec<f64>)], b: &[(String, String, Vec<f64>)]) {
    assert_eq!(a.len(), b.len(), "ours {a:?}\ntheirs {b:?}");
    for (x, y) in a.iter().zip(b) {
        assert_eq!((&x.0, &x.1), (&y.0, &y.1));
        assert_eq!(x.2.len(), y.2.len(), "{x:?} vs {y:?}");
        for (u, v) in x.2.iter().zip(&y.2) {
            assert!((u - v).abs() <= 1e-9 * u.abs().max(1.0), "{x:?} vs {y:?}");
        }
    }
}

#[test]
fn our_reader_agrees_with_the_dxf_crate_on_the_fixtures() {
    for name in ["gallery-mm.dxf", "double-line.dxf", "blocks.dxf"] {
        let bytes = fixture(name);
        let theirs_d = dxf::Drawing::load(&mut &bytes[..])
            .unwrap_or_else(|e| panic!("{name}: dxf crate: {e}"));
        let ours_v: Vec<_> = ours(&bytes)
            .into_iter()
            .filter(|(_, w, _)| ["LINE", "LWPOLYLINE", "ARC", "CIRCLE"].contains(&w.as_str()))
            .collect();
        assert_same(&ours_v, &theirs(&theirs_d));
    }
}

/// A drawing of random lines, polylines with bulges, arcs and circles on a
/// few layers, written by the `dxf` crate.
fn random_drawing(seed: u64, version: dxf::enums::AcadVersion) -> dxf::Drawing {
    use dxf::entities::*;
    let mut rng = blindspot::rng::SplitMix64(seed);
    let mut r = move |lo: f64, hi: f64| lo + (hi - lo) * rng.unit();
    let mut d = dxf::Drawing::new();
    d.header.version = version;
    for i in 0..200 {
        let layer = ["A-WALL", "A-DOOR", "A-AREA", "Murs porteurs"][i % 4].to_string();
        let specific = match i % 4 {
            0 => EntityType::Line(Line::new(
                dxf::Point::new(r(-1e4, 1e4), r(-1e4, 1e4), 0.0),
                dxf::Point::new(r(-1e4, 1e4), r(-1e4, 1e4), 0.0),
            )),
            1 => EntityType::Arc(Arc::new(
                dxf::Point::new(r(-100.0, 100.0), r(-100.0, 100.0), 0.0),
                r(0.5, 20.0),
                r(0.0, 359.0),
                r(0.0, 359.0),
            )),
            2 => {
                let mut p = LwPolyline::default();
                for _ in 0..(3 + (r(0.0, 5.0) as usize)) {
                    p.vertices.push(dxf::LwPolylineVertex {
                        x: r(0.0, 50.0),
                        y: r(0.0, 50.0),
                        bulge: if r(0.0, 1.0) < 0.3 { r(-1.0, 1.0) } else { 0.0 },
                        ..Default::default()
                    });
                }
                p.set_is_closed(r(0.0, 1.0) < 0.5);
                EntityType::LwPolyline(p)
            }
            _ => EntityType::Circle(Circle::new(
                dxf::Point::new(r(-5.0, 5.0), r(-5.0, 5.0), 0.0),
                r(0.1, 3.0),
            )),
        };
        let mut e = Entity::new(specific);
        e.common.layer = layer;
        d.add_entity(e);
    }
    d
}

#[test]
fn our_reader_agrees_with_the_dxf_crate_on_what_it_writes() {
    use dxf::enums::AcadVersion as V;
    for (seed, version) in [(1, V::R2000), (2, V::R2004), (3, V::R2013), (4, V::R2018)] {
        let d = random_drawing(seed, version);
        let mut ascii = Vec::new();
        d.save(&mut ascii).unwrap();
        let mut binary = Vec::new();
        d.save_binary(&mut binary).unwrap();
        let back = dxf::Drawing::load(&mut &ascii[..]).unwrap();
        let expected = theirs(&back);
        assert_eq!(expected.len(), 200);
        for bytes in [&ascii, &binary] {
            assert_same(&ours(bytes), &expected);
        }
    }
}

// ---- Hostile and broken files ----------------------------------------------

fn error_of(bytes: &[u8]) -> ImportError {
    import::import(bytes, &options("bad.dxf"), &mut |_| true).unwrap_err()
}

#[test]
fn a_truncated_dxf_is_refused_with_its_place() {
    let whole = fixture("gallery-mm.dxf");
    let text = String::from_utf8(whole.clone()).unwrap();
    // Cut inside the ENTITIES section, after a group code and before its value.
    let at = text.find("LWPOLYLINE").unwrap();
    let cut = &whole[..at - 1];
    let line = text[..at - 1].lines().count();
    assert_eq!(
        error_of(cut).to_string(),
        format!(
            "line {line}: the file ends after group code 0, without its value: the file is truncated"
        )
    );
    // Cut after a whole pair: the entity, then the section, never ends.
    let cut = &whole[..text.find("  0\nENDSEC\n  0\nEOF").unwrap()];
    let e = error_of(cut).to_string();
    assert!(
        e.contains("the file ends inside the entity at line") && e.contains("truncated"),
        "{e}"
    );
    // Missing only the EOF marker.
    let cut = &whole[..text.rfind("  0\nEOF").unwrap()];
    assert!(
        error_of(cut)
            .to_string()
            .contains("the file ends without EOF")
    );
}

#[test]
fn a_binary_dxf_is_read_and_a_truncated_one_refused() {
    let d = dxf::Drawing::load(&mut &fixture("gallery-mm.dxf")[..]).unwrap();
    let mut binary = Vec::new();
    d.save_binary(&mut binary).unwrap();
    assert!(binary.starts_with(import::dxf::BINARY_SENTINEL));
    let i = import::import(&binary, &options("binary.dxf"), &mut |_| true).unwrap();
    assert_close(
        i.scenario.plan.zones[0].shape().area(),
        60.0 + flattened_half_disk(3.0),
        1e-12,
    );
    let e = error_of(&binary[..binary.len() / 2]).to_string();
    assert!(e.starts_with("byte ") && e.contains("truncated"), "{e}");
}

#[test]
fn text_that_is_not_dxf_and_bad_numbers_are_named() {
    assert_eq!(
        error_of(b"hello\nworld\n").to_string(),
        "line 1: expected a DXF group code (an integer), found \"hello\"; this is not a DXF file, or it is damaged"
    );
    let text = String::from_utf8(fixture("gallery-mm.dxf")).unwrap();
    let bad = text.replacen(" 10\n4900\n", " 10\n49OO\n", 1);
    let line = text[..text.find(" 10\n4900\n").unwrap()].lines().count() + 1;
    let entity_line = text[..text.find(" 10\n4900\n").unwrap()]
        .rfind("  0\nLINE")
        .map(|i| text[..i].lines().count() + 1)
        .unwrap();
    let e = error_of(bad.as_bytes()).to_string();
    assert_eq!(
        e,
        format!("line {entity_line}: group code 10 of LINE should be a number, found \"49OO\"")
    );
    assert!(line > entity_line);
    let nan = text.replacen(" 10\n4900\n", " 10\nnan\n", 1);
    assert!(
        error_of(nan.as_bytes())
            .to_string()
            .contains("is not a finite number")
    );
}

/// A DXF whose block A inserts block B as a `n` × `n` array, B inserts C so,
/// and so on: a few hundred bytes that expand to n^(2·depth) lines.
fn insert_bomb(n: usize, depth: usize) -> String {
    let mut blocks = String::new();
    for k in 0..depth {
        let inner = if k + 1 == depth {
            "  0\nLINE\n  8\nA-WALL\n 10\n0\n 20\n0\n 11\n1\n 21\n0\n".to_string()
        } else {
            format!(
                "  0\nINSERT\n  8\nA-WALL\n  2\nB{}\n 10\n0\n 20\n0\n 70\n{n}\n 71\n{n}\n 44\n2\n 45\n2\n",
                k + 1
            )
        };
        blocks.push_str(&format!(
            "  0\nBLOCK\n  2\nB{k}\n 70\n0\n 10\n0\n 20\n0\n{inner}  0\nENDBLK\n"
        ));
    }
    format!(
        "  0\nSECTION\n  2\nBLOCKS\n{blocks}  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n  0\nINSERT\n  8\nA-WALL\n  2\nB0\n 10\n0\n 20\n0\n  0\nENDSEC\n  0\nEOF\n"
    )
}

#[test]
fn an_insert_bomb_is_refused_before_any_expansion() {
    let e = error_of(insert_bomb(100, 4).as_bytes());
    assert!(
        matches!(&e, ImportError::Limit(m) if m.starts_with("the drawing expands to") && m.contains("limited to 2000000")),
        "{e}"
    );
    // A block inserting itself.
    let looped = "  0\nSECTION\n  2\nBLOCKS\n  0\nBLOCK\n  2\nSELF\n 10\n0\n 20\n0\n  0\nINSERT\n  8\n0\n  2\nSELF\n 10\n1\n 20\n0\n  0\nENDBLK\n  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n  0\nINSERT\n  8\nA-WALL\n  2\nSELF\n 10\n0\n 20\n0\n  0\nENDSEC\n  0\nEOF\n";
    let e = error_of(looped.as_bytes()).to_string();
    assert!(
        e.contains("blocks nested more than 16 deep") && e.contains("inserting itself"),
        "{e}"
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_with_the_limit() {
    let o = ImportOptions {
        limits: import::Limits {
            max_bytes: 1000,
            ..import::Limits::default()
        },
        ..options("big.dxf")
    };
    let e = import::import(&fixture("gallery-mm.dxf"), &o, &mut |_| true).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the file is 1.6 kB; imports are limited to 1.0 kB"
    );
}

/// The gallery with `n` furniture lines (an ignored layer) before its end.
fn with_furniture(n: usize) -> Vec<u8> {
    let text = String::from_utf8(fixture("gallery-mm.dxf")).unwrap();
    let end = text.rfind("  0\nENDSEC\n  0\nEOF").unwrap();
    let mut out = String::with_capacity(end + n * 90);
    out.push_str(&text[..end]);
    for k in 0..n {
        let x = (k % 1000) as f64 * 7.0;
        out.push_str(&format!(
            "  0\nLINE\n  8\nA-FURN\n 10\n{x:.3}\n 20\n{:.3}\n 30\n0.0\n 11\n{:.3}\n 21\n{:.3}\n 31\n0.0\n",
            (k / 1000) as f64 * 5.0,
            x + 350.0,
            (k / 1000) as f64 * 5.0 + 120.0
        ));
    }
    out.push_str(&text[end..]);
    out.into_bytes()
}

#[test]
fn a_50_mb_dxf_imports_within_the_limits() {
    let bytes = with_furniture(580_000);
    assert!(bytes.len() > 50_000_000, "{}", bytes.len());
    let i = import::import(&bytes, &options("big.dxf"), &mut |_| true).unwrap();
    let furniture = i.report.layers.iter().find(|l| l.name == "A-FURN").unwrap();
    assert_eq!((furniture.role, furniture.count()), (Role::Ignore, 580_000));
    assert_close(
        i.scenario.plan.zones[0].shape().area(),
        60.0 + flattened_half_disk(3.0),
        1e-12,
    );
}
