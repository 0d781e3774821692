#![cfg(not(target_arch = "wasm32"))]
//! GeoJSON import (longitude/latitude and projected metres, kinds and
//! properties), the plan's georeference in the scenario format, the GeoJSON
//! export, and the round trip: export, then import, gives the same plan.

mod common;

use blindspot::export;
use blindspot::geometry::Point;
use blindspot::import::{self, ImportError, ImportOptions, Imported};
use blindspot::scenario::{Georeference, Plan, Scenario, WallKind, ZoneKind};
use blindspot::session::Session;
use common::{assert_close, assert_near, placed, session};
use geo::{Distance, GeodesicArea};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn named(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        ..ImportOptions::default()
    }
}

fn import_bytes(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    import::import(bytes, &named(name), &mut |_| true)
}

#[test]
fn longitude_latitude_becomes_local_metres_with_the_stated_error() {
    let i = import_bytes(&fixture("louvre.geojson"), "louvre.geojson").unwrap();
    let g = i
        .scenario
        .plan
        .georeference
        .expect("a longitude/latitude import is georeferenced");
    assert_eq!(g.rotation_deg, 0.0);
    let zone = &i.scenario.plan.zones[0];
    assert_eq!(
        (zone.id.as_str(), zone.name.as_str()),
        ("apollon", "Galerie d'Apollon")
    );
    assert_eq!((zone.kind, zone.priority), (ZoneKind::Room, 5.0));
    assert_eq!(zone.required_level.as_deref(), Some("identify"));
    // The area against geographiclib's ellipsoidal area of the same polygon:
    // within the projection's stated relative error at this size (< 1e-10).
    let ring: Vec<(f64, f64)> = vec![
        (2.3376, 48.8606),
        (2.3378735, 48.8606),
        (2.3378735, 48.8606899),
        (2.3376, 48.8606899),
    ];
    let truth = geo::Polygon::new(ring.clone().into(), vec![]).geodesic_area_unsigned();
    assert_close(zone.shape().area(), truth, 1e-6);
    // Every side's length against the geodesic distance.
    for k in 0..4 {
        let (a, b) = (ring[k], ring[(k + 1) % 4]);
        let geodesic = geo::Geodesic.distance(geo::Point::new(a.0, a.1), geo::Point::new(b.0, b.1));
        let plan = g.to_plan(a.0, a.1).distance(g.to_plan(b.0, b.1));
        assert!(
            (plan - geodesic).abs() < 1e-6,
            "side {k}: {plan} vs {geodesic}"
        );
    }
    let walls = &i.scenario.plan.walls;
    let balcony = walls.iter().find(|w| w.id == "balcony").unwrap();
    assert!(balcony.kind == WallKind::Window && balcony.exterior);
    assert!(
        walls
            .iter()
            .any(|w| w.id == "outer" && w.kind == WallKind::Wall)
    );
    // The camera point is not plan: counted, not imported.
    assert!(
        i.report
            .layers
            .iter()
            .any(|l| l.name == "cameras" && l.count() == 1)
    );
}

#[test]
fn projected_metres_far_from_the_origin_are_moved_and_properties_kept() {
    let i = import_bytes(&fixture("site-l93.geojson"), "site-l93.geojson").unwrap();
    assert_eq!(i.report.offset_m, Some([-651_000.0, -6_862_000.0]));
    assert!(i.scenario.plan.georeference.is_none());
    let zone = &i.scenario.plan.zones[0];
    assert_eq!(
        (zone.name.as_str(), zone.kind),
        ("Cour Carrée", ZoneKind::Exterior)
    );
    assert_close(zone.shape().area(), 200.0, 1e-12);
    let door = i
        .scenario
        .plan
        .walls
        .iter()
        .find(|w| w.kind == WallKind::Door)
        .unwrap();
    assert!(door.open);
    assert_eq!(door.path, vec![Point::new(5.0, 0.0), Point::new(6.0, 0.0)]);
    assert!(
        i.report
            .notes
            .iter()
            .any(|n| n.message.contains("EPSG::2154"))
    );
}

#[test]
fn wrong_nesting_is_named_with_its_feature() {
    let e = import_bytes(&fixture("bad-nesting.geojson"), "bad.geojson").unwrap_err();
    assert_eq!(
        e.to_string(),
        "features[1].geometry.coordinates: a Polygon's coordinates are a list of rings, each a list of positions [[[x, y], ...]], nested 3 deep; these are nested 2 deep (a level of brackets is missing)"
    );
    let e = import_bytes(br#"{"type": "Topology", "objects": {}}"#, "topo.json").unwrap_err();
    assert_eq!(
        e.to_string(),
        "type: expected a GeoJSON FeatureCollection, Feature or geometry, found type \"Topology\""
    );
    let e = import_bytes(
        b"{\"type\": \"FeatureCollection\",\n \"features\": [",
        "cut.geojson",
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("line 2 column"), "{e}");
    // Degrees far apart: not a building, and the message says what to do.
    let far = br#"{"type": "LineString", "coordinates": [[0, 0], [3, 4]]}"#;
    let e = import_bytes(far, "far.geojson").unwrap_err();
    assert!(e.to_string().contains("import them as metres"), "{e}");
}

#[test]
fn the_georeference_is_read_checked_and_written() {
    let text = |geo: &str| {
        format!(
            r#"{{"blindspot": 1, "plan": {{"walls": [], "zones": [{{"id": "r", "polygon": [[0,0],[4,0],[4,3]]}}], "georeference": {geo}}}}}"#
        )
    };
    let (s, _) = Scenario::from_json(&text(
        r#"{"origin": [2.3376, 48.8606], "rotation_deg": 12.5}"#,
    ))
    .unwrap();
    assert_eq!(
        s.plan.georeference,
        Some(Georeference {
            origin: [2.3376, 48.8606],
            rotation_deg: 12.5
        })
    );
    let (back, _) = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(back, s);
    let e = Scenario::from_json(&text(r#"{"origin": [48.8606, 92.3]}"#))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("plan.georeference.origin: expected [longitude, latitude]"),
        "{e}"
    );
    let e = Scenario::from_json(&text(r#"{"rotation_deg": 3}"#))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("plan.georeference: missing field \"origin\""),
        "{e}"
    );
    let e = Scenario::from_json(&text(r#"{"origin": [2, 48], "north": 3}"#))
        .unwrap_err()
        .to_string();
    assert!(e.contains("plan.georeference.north: unknown field"), "{e}");
}

/// Same plan: walls with the same ids, kinds and options along the same points
/// (a path may come back reversed), zones with the same fields and rings (up to
/// their starting point), within `tol` metres.
#[track_caller]
fn assert_same_plan(a: &Plan, b: &Plan, tol: f64) {
    assert_eq!(
        a.walls.len(),
        b.walls.len(),
        "walls\n{:?}\n{:?}",
        a.walls,
        b.walls
    );
    for w in &a.walls {
        let v = b
            .walls
            .iter()
            .find(|v| v.id == w.id)
            .unwrap_or_else(|| panic!("no wall {}", w.id));
        assert_eq!(
            (w.kind, w.open, w.opaque, w.exterior),
            (v.kind, v.open, v.opaque, v.exterior)
        );
        let mut path = v.path.clone();
        if path.first().map(|p| p.distance(w.path[0])) > Some(tol) {
            path.reverse();
        }
        assert_eq!(path.len(), w.path.len(), "wall {}", w.id);
        for (p, q) in w.path.iter().zip(&path) {
            assert!(p.distance(*q) <= tol, "wall {}: {p:?} vs {q:?}", w.id);
        }
    }
    assert_eq!(a.zones.len(), b.zones.len());
    for z in &a.zones {
        let y = b.zones.iter().find(|y| y.id == z.id).unwrap();
        assert_eq!(
            (&z.name, z.kind, z.priority, &z.required_level),
            (&y.name, y.kind, y.priority, &y.required_level)
        );
        let (r, s) = (z.shape(), y.shape());
        for (ring, other) in r.rings().zip(s.rings()) {
            assert_eq!(ring.len(), other.len());
            let start = other
                .iter()
                .position(|q| q.distance(ring[0]) <= tol)
                .expect("the same start point");
            for (k, p) in ring.iter().enumerate() {
                assert!(
                    p.distance(other[(start + k) % other.len()]) <= tol,
                    "zone {}",
                    z.id
                );
            }
        }
    }
}

fn exported(i: &Imported) -> (String, Value) {
    let mut s = i.scenario.clone();
    s.cameras = vec![placed("c1", 2.0, 2.0, 30.0, 90.0, 12.0)];
    let text = export::geojson(&session(&s));
    let v: Value = serde_json::from_str(&text).expect("the export is JSON");
    (text, v)
}

#[test]
fn round_trip_in_plan_metres() {
    let i = import_bytes(&fixture("gallery-mm.dxf"), "gallery-mm.dxf").unwrap();
    let (text, v) = exported(&i);
    assert_eq!(v["blindspot"]["coordinates"], "plan_m");
    assert!(
        v["blindspot"]["note"]
            .as_str()
            .unwrap()
            .contains("not WGS84")
    );
    // Parsed by the geojson crate as a FeatureCollection.
    let fc: geojson::FeatureCollection = text.parse().expect("valid GeoJSON");
    let layers: Vec<&str> = fc
        .features
        .iter()
        .map(|f| f.properties.as_ref().unwrap()["layer"].as_str().unwrap())
        .collect();
    for layer in ["walls", "zones", "cameras", "views", "blind_spots"] {
        assert!(layers.contains(&layer), "{layer} in {layers:?}");
    }
    let back = import_bytes(text.as_bytes(), "export.geojson").unwrap();
    assert_same_plan(&i.scenario.plan, &back.scenario.plan, 0.0);
    assert!(back.scenario.plan.georeference.is_none());
    // Results are skipped, not read as walls.
    assert!(
        back.report
            .layers
            .iter()
            .any(|l| l.name == "views" && l.role == blindspot::import::Role::Ignore)
    );
}

#[test]
fn round_trip_in_wgs84() {
    let i = import_bytes(&fixture("louvre.geojson"), "louvre.geojson").unwrap();
    let (text, v) = exported(&i);
    let g = i.scenario.plan.georeference.unwrap();
    assert_eq!(v["blindspot"]["coordinates"], "wgs84");
    assert_eq!(
        v["blindspot"]["georeference"]["origin"][0].as_f64(),
        Some(g.origin[0])
    );
    // RFC 7946: longitude first, counter-clockwise outer rings.
    let zone = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["layer"] == "zones")
        .unwrap();
    let ring: Vec<(f64, f64)> = zone["geometry"]["coordinates"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect();
    assert!(
        ring.iter()
            .all(|&(lon, lat)| (2.33..2.34).contains(&lon) && (48.86..48.87).contains(&lat))
    );
    let signed: f64 = ring
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum();
    assert!(signed > 0.0, "outer ring counter-clockwise");
    // The camera: a point with its properties, and its bearing from north.
    let cam = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["layer"] == "cameras")
        .unwrap();
    assert_eq!(cam["properties"]["id"], "c1");
    assert_near(
        cam["properties"]["bearing_deg"].as_f64().unwrap(),
        60.0,
        1e-9,
    );
    assert_near(cam["properties"]["range_m"].as_f64().unwrap(), 12.0, 0.0);
    let back = import_bytes(text.as_bytes(), "export.geojson").unwrap();
    assert_eq!(back.scenario.plan.georeference, Some(g));
    assert_same_plan(&i.scenario.plan, &back.scenario.plan, 1e-8);
}

#[test]
fn a_rotated_georeference_exports_and_comes_back() {
    let mut i = import_bytes(&fixture("gallery-mm.dxf"), "gallery-mm.dxf").unwrap();
    i.scenario.plan.georeference = Some(Georeference {
        origin: [-73.9857, 40.7484],
        rotation_deg: 29.0,
    });
    let (text, _) = exported(&i);
    let back = import_bytes(text.as_bytes(), "export.geojson").unwrap();
    assert_same_plan(&i.scenario.plan, &back.scenario.plan, 1e-8);
    // Areas survive to 1e-9.
    let area = |s: &Scenario| {
        Session::new(s.clone(), Default::default())
            .expect("the imported plan prepares")
            .summary()
            .target_area_m2
    };
    assert_close(area(&back.scenario), area(&i.scenario), 1e-9);
}

/// A zone square in projected metres, with `properties` and an optional
/// `blindspot` member, as a whole file.
fn square_with(properties: &str, ours: &str) -> String {
    format!(
        r#"{{"type": "FeatureCollection", {ours} "features": [
  {{"type": "Feature", "properties": {properties},
    "geometry": {{"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10],[0,0]]]}}}}]}}"#
    )
}

const PLAN_METRES: &str = r#""blindspot": {"coordinates": "plan_m"},"#;

#[test]
fn ill_typed_properties_are_ignored_with_a_note_naming_them() {
    let text = square_with(
        r#"{"kind": "room", "name": 101, "priority": "high", "required_level": ["identify"], "exterior": "yes", "opaque": "false"}"#,
        PLAN_METRES,
    );
    let i = import_bytes(text.as_bytes(), "typed.geojson").unwrap();
    let zone = &i.scenario.plan.zones[0];
    // A number names the room; the rest falls back to the documented defaults.
    assert_eq!(zone.name, "101");
    let note = |key: &str| {
        i.report
            .notes
            .iter()
            .find(|n| n.place == format!("features[0].properties.{key}"))
            .unwrap_or_else(|| panic!("no note for {key}: {:?}", i.report.notes))
    };
    assert_eq!(
        note("priority").message,
        "expected a number, found \"high\": ignored"
    );
    assert_eq!(
        note("required_level").message,
        "expected text, found [\"identify\"]: ignored"
    );
    assert_eq!(
        note("exterior").message,
        "expected true or false, found \"yes\": ignored"
    );
    // Text spelling a boolean or a number is read as one, without a note.
    assert!(!i.report.notes.iter().any(|n| n.place.ends_with(".opaque")));
    let text = square_with(
        r#"{"kind": "room", "priority": "4", "name": null}"#,
        PLAN_METRES,
    );
    let i = import_bytes(text.as_bytes(), "text.geojson").unwrap();
    assert_eq!(i.scenario.plan.zones[0].priority, 4.0);
    assert!(
        !i.report
            .notes
            .iter()
            .any(|n| n.place.contains(".properties."))
    );
}

#[test]
fn a_malformed_blindspot_member_is_an_error_naming_it() {
    let cases = [
        (r#""blindspot": 3,"#, "blindspot: expected an object"),
        (
            r#""blindspot": {"coordinates": "WGS-84"},"#,
            "blindspot.coordinates: expected \"wgs84\" or \"plan_m\", found \"WGS-84\"",
        ),
        (
            r#""blindspot": {"coordinates": "wgs84", "georeference": {"origin": "2.33,48.86"}},"#,
            "blindspot.georeference.origin: expected [longitude, latitude] in degrees",
        ),
        (
            r#""blindspot": {"coordinates": "wgs84", "georeference": {"origin": [2.33, 48.86], "rotation_deg": "12"}},"#,
            "blindspot.georeference.rotation_deg: expected a number of degrees, found \"12\"",
        ),
        (
            r#""blindspot": {"coordinates": "wgs84", "georeference": {"origin": [2.33, 88.0]}},"#,
            "blindspot.georeference.origin: expected [longitude, latitude] in degrees within ±180 and ±85, found [2.33, 88]",
        ),
    ];
    for (ours, message) in cases {
        let text = square_with(r#"{"kind": "room"}"#, ours);
        let e = import_bytes(text.as_bytes(), "ours.geojson").unwrap_err();
        assert_eq!(e.to_string(), message, "for {ours}");
    }
}

#[test]
fn a_georeference_given_as_an_option_is_checked_for_the_cli_and_the_page_alike() {
    let text = square_with(r#"{"kind": "room"}"#, "");
    for (g, message) in [
        (
            Georeference {
                origin: [2.33, 48.86],
                rotation_deg: f64::NAN,
            },
            "georeference.rotation_deg: expected a finite rotation in degrees, found NaN",
        ),
        (
            Georeference {
                origin: [200.0, 48.86],
                rotation_deg: 0.0,
            },
            "georeference.origin: expected [longitude, latitude] in degrees within ±180 and ±85, found [200, 48.86]",
        ),
    ] {
        let o = ImportOptions {
            georeference: Some(g),
            lonlat: Some(false),
            ..named("opt.geojson")
        };
        let e = import::import(text.as_bytes(), &o, &mut |_| true).unwrap_err();
        assert_eq!(e.to_string(), message);
        let e = import::preview(text.as_bytes(), &o).unwrap_err();
        assert_eq!(e.to_string(), message);
    }
}
