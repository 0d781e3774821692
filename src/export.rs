//! GeoJSON export of a session: walls, zones, cameras (points with their
//! properties), camera views and blind spots, as one FeatureCollection that
//! QGIS and other GIS tools open.
//!
//! With a georeference the coordinates are WGS84 longitude/latitude, as RFC
//! 7946 wants (the projection and its error: [`crate::georef`]); without one
//! they stay plan metres, and the file says so in its `blindspot` member
//! (`"coordinates": "plan_m"`) so that no tool, ours included, mistakes them
//! for degrees. Every feature has a `layer` property (`walls`, `zones`,
//! `cameras`, `views`, `blind_spots`) to style by; walls and zones carry their
//! scenario fields, so importing the file gives the same plan back.

use crate::geometry::{Point, Polygon};
use crate::scenario::Georeference;
use crate::session::Session;
use geojson::{Feature, Geometry, GeometryValue, JsonObject, Position};
use serde_json::{Value, json};

/// The export's `layer` values that are results, not plan (an import skips them).
pub const RESULT_LAYERS: [&str; 3] = ["cameras", "views", "blind_spots"];

struct Coords(Option<Georeference>);

impl Coords {
    fn at(&self, p: Point) -> Position {
        match &self.0 {
            Some(g) => g.to_lonlat(p).to_vec().into(),
            None => vec![p.x, p.y].into(),
        }
    }

    fn ring(&self, ring: &[Point]) -> Vec<Position> {
        let mut v: Vec<Position> = ring.iter().map(|&p| self.at(p)).collect();
        if let Some(first) = v.first().cloned() {
            v.push(first);
        }
        v
    }

    fn polygon(&self, p: &Polygon) -> GeometryValue {
        GeometryValue::Polygon {
            coordinates: p
                .rings()
                .filter(|r| r.len() >= 3)
                .map(|r| self.ring(r))
                .collect(),
        }
    }
}

fn feature(geometry: GeometryValue, properties: Value) -> Feature {
    let Value::Object(properties) = properties else {
        unreachable!("properties are built as objects")
    };
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geometry)),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

/// Drops `null` properties (optional fields a wall or camera does not have).
fn compact(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, v)| !v.is_null()).collect()),
        other => other,
    }
}

/// The session as a GeoJSON FeatureCollection (text, one feature per line).
pub fn geojson(session: &Session) -> String {
    let scenario = session.scenario();
    let plan = &scenario.plan;
    let c = Coords(plan.georeference);
    let mut features = Vec::new();
    for w in &plan.walls {
        features.push(feature(
            GeometryValue::LineString {
                coordinates: w.path.iter().map(|&p| c.at(p)).collect(),
            },
            compact(json!({
                "layer": "walls",
                "id": w.id,
                "kind": w.kind.name(),
                "exterior": w.exterior.then_some(true),
                "open": w.open.then_some(true),
                "opaque": w.opaque,
            })),
        ));
    }
    for z in &plan.zones {
        features.push(feature(
            c.polygon(&z.shape()),
            compact(json!({
                "layer": "zones",
                "id": z.id,
                "name": z.name,
                "kind": z.kind.name(),
                "priority": z.priority,
                "required_level": z.required_level,
            })),
        ));
    }
    let rotation = plan.georeference.map(|g| g.rotation_deg);
    for (camera, view) in scenario.cameras.iter().zip(session.views()) {
        let spec = scenario.spec(camera);
        let bearing = rotation.map(|r| (90.0 - (camera.heading_deg + r)).rem_euclid(360.0));
        features.push(feature(
            GeometryValue::Point {
                coordinates: c.at(camera.position),
            },
            compact(json!({
                "layer": "cameras",
                "id": camera.id,
                "model": camera.model,
                "heading_deg": camera.heading_deg,
                "bearing_deg": bearing,
                "hfov_deg": spec.map(|s| s.hfov_deg),
                "range_m": spec.map(|s| s.range_m),
                "height_m": camera.height_m,
                "tilt_deg": camera.tilt_deg,
                "view_area_m2": view.area,
            })),
        ));
    }
    for (camera, view) in scenario.cameras.iter().zip(session.views()) {
        if view.ring.len() >= 3 {
            features.push(feature(
                c.polygon(&Polygon::new(view.ring.clone(), Vec::new())),
                json!({ "layer": "views", "camera_id": camera.id, "area_m2": view.area }),
            ));
        }
    }
    for spot in session.listed_blind_spots() {
        let zone_ids: Vec<&str> = spot
            .zones
            .iter()
            .map(|&i| plan.zones[i].id.as_str())
            .collect();
        features.push(feature(
            c.polygon(&spot.polygon),
            json!({ "layer": "blind_spots", "area_m2": spot.area, "zone_ids": zone_ids }),
        ));
    }
    let mut ours = JsonObject::new();
    ours.insert("format".into(), json!(crate::scenario::FORMAT_VERSION));
    ours.insert("name".into(), json!(scenario.name));
    match plan.georeference {
        Some(g) => {
            ours.insert("coordinates".into(), json!("wgs84"));
            ours.insert(
                "georeference".into(),
                json!({ "origin": g.origin, "rotation_deg": g.rotation_deg }),
            );
        }
        None => {
            ours.insert("coordinates".into(), json!("plan_m"));
            ours.insert(
                "note".into(),
                json!("coordinates are plan metres (x east, y north), not WGS84 longitude/latitude: the plan has no georeference"),
            );
        }
    }
    // A FeatureCollection written one feature per line: diffable and compact.
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"blindspot\":");
    out.push_str(&Value::Object(ours).to_string());
    out.push_str(",\"features\":[\n");
    for (i, f) in features.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&serde_json::to_string(f).expect("features serialise"));
    }
    out.push_str("\n]}\n");
    out
}
