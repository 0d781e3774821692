//! GeoJSON: LineString and MultiLineString become walls, Polygon and
//! MultiPolygon zones, with `kind`, `name`, `priority`, `required_level`,
//! `open`, `opaque` and `exterior` read from the properties.
//!
//! Features are parsed one at a time with the `geojson` crate and converted to
//! `geo-types` (the exchange type), so an error names its feature; coordinates
//! nested at the wrong depth are named as such. Coordinates are plan metres or
//! WGS84 longitude/latitude: an export of ours says which (its `blindspot`
//! member), a legacy `crs` member names its system, and otherwise RFC 7946's
//! longitude/latitude is assumed while the values fit it. Longitude/latitude
//! become local metres by the projection in [`crate::georef`] (its error is
//! stated there), about the file's georeference, the caller's, or the data's
//! centre. A layer is a feature's `kind`, else its `layer` property (as QGIS
//! writes for DXF), else its geometry family (`lines`, `polygons`, `points`).

use super::drawing::{Drawing, Geom, Place, Props, Shape};
use super::{Format, ImportError, ImportOptions, NoteLevel};
use crate::export::RESULT_LAYERS;
use crate::georef::{MAX_GEOREFERENCED_M, projection_error};
use crate::scenario::Georeference;
use serde_json::{Map, Value};

/// Reads a GeoJSON file into a drawing (in plan metres).
///
/// # Errors
/// Text that is not JSON (with its line and column), a top level that is not a
/// FeatureCollection, Feature or geometry, a feature that does not parse
/// (named by its index, with wrongly nested coordinates called so), or
/// longitude/latitude data spanning more than 100 km.
pub fn read(bytes: &[u8], o: &ImportOptions) -> Result<Drawing, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).map_err(|e| {
        ImportError::at(
            format!("line {} column {}", e.line(), e.column()),
            format!("not valid JSON: {e}"),
        )
    })?;
    let Value::Object(top) = &root else {
        return Err(ImportError::at(
            "",
            "expected a GeoJSON object {\"type\": \"FeatureCollection\", ...}",
        ));
    };
    let kind = top.get("type").and_then(Value::as_str).unwrap_or("");
    let features: Vec<(String, Value)> = match kind {
        "FeatureCollection" => match top.get("features") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("features[{i}]"), f.clone()))
                .collect(),
            _ => {
                return Err(ImportError::at(
                    "features",
                    "a FeatureCollection needs a \"features\" array",
                ));
            }
        },
        "Feature" => vec![("feature".to_string(), root.clone())],
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
        | "GeometryCollection" => {
            let mut f = Map::new();
            f.insert("type".into(), "Feature".into());
            f.insert("geometry".into(), root.clone());
            f.insert("properties".into(), Value::Null);
            vec![("geometry".to_string(), Value::Object(f))]
        }
        other => {
            return Err(ImportError::at(
                "type",
                format!(
                    "expected a GeoJSON FeatureCollection, Feature or geometry, found type \"{other}\""
                ),
            ));
        }
    };
    let mut d = Drawing {
        format: Some(Format::GeoJson),
        ..Drawing::default()
    };
    // Parse every feature first: errors before any work.
    let mut parsed: Vec<(u32, geojson::Feature)> = Vec::with_capacity(features.len());
    for (i, (path, value)) in features.into_iter().enumerate() {
        if let Some(g) = value.get("geometry") {
            check_nesting(g, &format!("{path}.geometry"))?;
        }
        let f: geojson::Feature = serde_json::from_value(value)
            .map_err(|e| ImportError::at(path.clone(), format!("not a GeoJSON feature: {e}")))?;
        parsed.push((i as u32, f));
    }
    let ours = read_ours(top)?;
    let lonlat = o
        .lonlat
        .unwrap_or_else(|| coordinates_are_lonlat(top, ours.lonlat, &parsed, &mut d));
    let mut georef = None;
    if lonlat {
        let g = match o.georeference.or(ours.georeference) {
            Some(g) => g,
            None => {
                let (lo, hi) = lonlat_bounds(&parsed);
                let round = |v: f64| (v * 1e7).round() / 1e7;
                Georeference {
                    origin: [round((lo[0] + hi[0]) / 2.0), round((lo[1] + hi[1]) / 2.0)],
                    rotation_deg: 0.0,
                }
            }
        };
        georef = Some(g);
        d.georeference = Some(g);
        d.units = Some((
            1.0,
            format!(
                "WGS84 longitude/latitude, projected to local metres about ({}, {}) turned by {}°",
                g.origin[0], g.origin[1], g.rotation_deg
            ),
        ));
    } else {
        d.units = Some((1.0, "metres (the file's coordinates)".to_string()));
    }
    let mut far: f64 = 0.0;
    for (index, f) in parsed {
        let props = properties(&f, index, &mut d);
        let Some(geometry) = &f.geometry else {
            let layer = d.layer("(no geometry)");
            d.count(layer, "null");
            continue;
        };
        let g: geo_types::Geometry<f64> = geo_types::Geometry::try_from(geometry)
            .map_err(|e| ImportError::at(format!("features[{index}].geometry"), e.to_string()))?;
        let mut to_m = |c: geo_types::Coord<f64>| -> Result<[f64; 2], ImportError> {
            match georef {
                Some(g) => {
                    if !(c.x.abs() <= 180.0 && c.y.abs() <= 90.0) {
                        return Err(ImportError::at(
                            format!("features[{index}]"),
                            format!(
                                "({}, {}) is not a longitude/latitude; if the file is in metres, import it as metres",
                                c.x, c.y
                            ),
                        ));
                    }
                    let p = g.to_plan(c.x, c.y);
                    far = far.max(p.length());
                    Ok([p.x, p.y])
                }
                None => Ok([c.x, c.y]),
            }
        };
        let emit = |d: &mut Drawing, what: &'static str, geom: Geom| {
            let layer_name = layer_of(&props, what);
            let layer = d.layer(&layer_name);
            d.count(layer, what);
            d.shapes.push(Shape {
                layer,
                geom,
                place: Place {
                    at: index,
                    what,
                    via: 0,
                },
                group: 0,
                props: Some(Box::new(props.clone())),
            });
        };
        let mut stack = vec![g];
        while let Some(g) = stack.pop() {
            use geo_types::Geometry as G;
            match g {
                G::LineString(l) => {
                    let points = l.0.iter().map(|&c| to_m(c)).collect::<Result<_, _>>()?;
                    emit(&mut d, "LineString", line(points));
                }
                G::MultiLineString(m) => {
                    for l in m.0 {
                        let points = l.0.iter().map(|&c| to_m(c)).collect::<Result<_, _>>()?;
                        emit(&mut d, "MultiLineString", line(points));
                    }
                }
                G::Polygon(p) => {
                    let geom = polygon(&p, &mut to_m)?;
                    emit(&mut d, "Polygon", geom);
                }
                G::MultiPolygon(m) => {
                    for p in &m.0 {
                        let geom = polygon(p, &mut to_m)?;
                        emit(&mut d, "MultiPolygon", geom);
                    }
                }
                G::GeometryCollection(c) => stack.extend(c.0),
                G::Point(_) | G::MultiPoint(_) => {
                    let layer = d.layer(&layer_of(&props, "Point"));
                    d.count(layer, "Point");
                }
                // geojson never makes these.
                G::Line(_) | G::Rect(_) | G::Triangle(_) => {}
            }
        }
    }
    if far > MAX_GEOREFERENCED_M {
        return Err(ImportError::Limit(format!(
            "the data reaches {:.0} km from its centre; longitude/latitude imports are limited to {:.0} km (a building plan, not a map); if the coordinates are metres, import them as metres",
            far / 1000.0,
            MAX_GEOREFERENCED_M / 1000.0
        )));
    }
    if georef.is_some() {
        let (pos, len) = projection_error(far);
        d.note(
            NoteLevel::Info,
            String::new(),
            format!(
                "longitude/latitude projected onto the plane tangent at the origin: the data reaches {far:.0} m from it, where positions are within {:.1e} m and lengths within {len:.1e} (relative) of the ground's",
                pos
            ),
        );
    }
    Ok(d)
}

fn line(points: Vec<[f64; 2]>) -> Geom {
    Geom::Polyline {
        points,
        bulges: Vec::new(),
        closed: false,
        transform: kurbo::Affine::IDENTITY,
    }
}

fn polygon(
    p: &geo_types::Polygon<f64>,
    to_m: &mut impl FnMut(geo_types::Coord<f64>) -> Result<[f64; 2], ImportError>,
) -> Result<Geom, ImportError> {
    let mut ring = |r: &geo_types::LineString<f64>| -> Result<Vec<[f64; 2]>, ImportError> {
        let mut v: Vec<[f64; 2]> = r.0.iter().map(|&c| to_m(c)).collect::<Result<_, _>>()?;
        if v.len() > 1 && v.first() == v.last() {
            v.pop();
        }
        Ok(v)
    };
    Ok(Geom::Polygon {
        exterior: ring(p.exterior())?,
        holes: p
            .interiors()
            .iter()
            .map(&mut ring)
            .collect::<Result<_, _>>()?,
    })
}

fn layer_of(props: &Props, what: &str) -> String {
    if let Some(k) = &props.kind {
        return k.clone();
    }
    match what {
        "LineString" | "MultiLineString" => "lines",
        "Polygon" | "MultiPolygon" => "polygons",
        _ => "points",
    }
    .to_string()
}

/// The properties a feature's role and names are read from. GIS tables are
/// loosely typed, so a number is accepted as a name (room 101), and a number
/// or boolean written as text as that value; `null` is absent. Any other type
/// is ignored with a warning naming the property: never silently.
fn properties(f: &geojson::Feature, index: u32, d: &mut Drawing) -> Props {
    let mut read = PropertyReader {
        properties: f.properties.as_ref(),
        ill_typed: Vec::new(),
    };
    let id = match &f.id {
        Some(geojson::feature::Id::String(s)) => Some(s.clone()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        None => read.text("id"),
    };
    // Our exports say what a feature is in `layer` for derived results;
    // QGIS writes the DXF layer as `Layer`.
    let kind = read.text("kind");
    let layer = read.text("layer");
    let cad_layer = read.text("Layer");
    let kind = kind
        .or_else(|| layer.filter(|l| RESULT_LAYERS.contains(&l.as_str())))
        .or(cad_layer);
    let props = Props {
        id,
        name: read.text("name"),
        kind,
        priority: read.number("priority"),
        required_level: read.text("required_level"),
        open: read.boolean("open"),
        opaque: read.boolean("opaque"),
        exterior: read.boolean("exterior"),
    };
    for (key, expected, found) in read.ill_typed {
        d.note(
            NoteLevel::Warning,
            format!("features[{index}].properties.{key}"),
            format!("expected {expected}, found {found}: ignored"),
        );
    }
    props
}

struct PropertyReader<'a> {
    properties: Option<&'a Map<String, Value>>,
    /// Property, the type expected, the value found.
    ill_typed: Vec<(&'static str, &'static str, String)>,
}

impl<'a> PropertyReader<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.properties
            .and_then(|p| p.get(key))
            .filter(|v| !v.is_null())
    }

    fn text(&mut self, key: &'static str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => self.ill(key, "text", other),
        }
    }

    fn number(&mut self, key: &'static str) -> Option<f64> {
        let v = self.get(key)?;
        let parsed = match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
            _ => None,
        };
        match parsed {
            Some(x) => Some(x),
            None => self.ill(key, "a number", v),
        }
    }

    fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let v = self.get(key)?;
        let parsed = match v {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        };
        match parsed {
            Some(b) => Some(b),
            None => self.ill(key, "true or false", v),
        }
    }

    fn ill<T>(&mut self, key: &'static str, expected: &'static str, found: &Value) -> Option<T> {
        let mut shown = found.to_string();
        if shown.len() > 40 {
            let cut = (0..=40)
                .rev()
                .find(|&i| shown.is_char_boundary(i))
                .unwrap_or(0);
            shown.truncate(cut);
            shown.push('…');
        }
        self.ill_typed.push((key, expected, shown));
        None
    }
}

/// What an export of ours says about itself, in its `blindspot` member.
#[derive(Default)]
struct Ours {
    /// `coordinates`: `"wgs84"` (true) or `"plan_m"` (false).
    lonlat: Option<bool>,
    georeference: Option<Georeference>,
}

/// Reads the `blindspot` member. It is ours, so anything malformed in it is an
/// error naming the member, never a silent "not said".
fn read_ours(top: &Map<String, Value>) -> Result<Ours, ImportError> {
    let Some(v) = top.get("blindspot") else {
        return Ok(Ours::default());
    };
    let ours = v
        .as_object()
        .ok_or_else(|| ImportError::at("blindspot", "expected an object"))?;
    let lonlat = match ours.get("coordinates") {
        None => None,
        Some(Value::String(c)) if c == "wgs84" => Some(true),
        Some(Value::String(c)) if c == "plan_m" => Some(false),
        Some(other) => {
            return Err(ImportError::at(
                "blindspot.coordinates",
                format!("expected \"wgs84\" or \"plan_m\", found {other}"),
            ));
        }
    };
    let georeference = match ours.get("georeference") {
        None => None,
        Some(g) => Some(read_our_georeference(g)?),
    };
    Ok(Ours {
        lonlat,
        georeference,
    })
}

fn read_our_georeference(g: &Value) -> Result<Georeference, ImportError> {
    let at = |field: &str| format!("blindspot.georeference.{field}");
    let g = g
        .as_object()
        .ok_or_else(|| ImportError::at("blindspot.georeference", "expected an object"))?;
    let origin = match g.get("origin").and_then(Value::as_array).map(Vec::as_slice) {
        Some([lon, lat]) => lon.as_f64().zip(lat.as_f64()),
        _ => None,
    }
    .ok_or_else(|| ImportError::at(at("origin"), "expected [longitude, latitude] in degrees"))?;
    let rotation_deg = match g.get("rotation_deg") {
        // Absent: x points east (the documented default).
        None => 0.0,
        Some(r) => r.as_f64().ok_or_else(|| {
            ImportError::at(
                at("rotation_deg"),
                format!("expected a number of degrees, found {r}"),
            )
        })?,
    };
    let g = Georeference {
        origin: [origin.0, origin.1],
        rotation_deg,
    };
    g.check()
        .map_err(|(field, message)| ImportError::at(at(field), message))?;
    Ok(g)
}

/// Whether the coordinates are longitude/latitude, and a note saying why.
fn coordinates_are_lonlat(
    top: &Map<String, Value>,
    ours_lonlat: Option<bool>,
    features: &[(u32, geojson::Feature)],
    d: &mut Drawing,
) -> bool {
    if let Some(lonlat) = ours_lonlat {
        return lonlat;
    }
    if let Some(name) = top
        .get("crs")
        .and_then(|c| c.get("properties"))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
    {
        let lonlat = name.contains("CRS84") || name.ends_with(":4326") || name.ends_with("::4326");
        if !lonlat {
            d.note(
                NoteLevel::Info,
                "crs".into(),
                format!("coordinates in {name}: read as metres (projected); the plan is not georeferenced"),
            );
        }
        return lonlat;
    }
    let (lo, hi) = lonlat_bounds(features);
    let fits = lo[0] >= -180.0 && hi[0] <= 180.0 && lo[1] >= -90.0 && hi[1] <= 90.0;
    d.note(
        NoteLevel::Info,
        String::new(),
        if fits {
            "no coordinate system named: read as WGS84 longitude/latitude (RFC 7946); import as metres if they are metres"
        } else {
            "no coordinate system named, and the values are not longitude/latitude: read as metres"
        },
    );
    fits
}

fn lonlat_bounds(features: &[(u32, geojson::Feature)]) -> ([f64; 2], [f64; 2]) {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    fn walk(v: &geojson::GeometryValue, f: &mut impl FnMut(&[f64])) {
        use geojson::GeometryValue as V;
        match v {
            V::Point { coordinates } => f(coordinates.as_slice()),
            V::MultiPoint { coordinates } | V::LineString { coordinates } => {
                coordinates.iter().for_each(|p| f(p.as_slice()))
            }
            V::MultiLineString { coordinates } | V::Polygon { coordinates } => {
                coordinates.iter().flatten().for_each(|p| f(p.as_slice()))
            }
            V::MultiPolygon { coordinates } => coordinates
                .iter()
                .flatten()
                .flatten()
                .for_each(|p| f(p.as_slice())),
            V::GeometryCollection { geometries } => {
                geometries.iter().for_each(|g| walk(&g.value, f))
            }
        }
    }
    for (_, feature) in features {
        if let Some(g) = &feature.geometry {
            walk(&g.value, &mut |p: &[f64]| {
                for k in 0..2 {
                    lo[k] = lo[k].min(p[k]);
                    hi[k] = hi[k].max(p[k]);
                }
            });
        }
    }
    if lo[0] > hi[0] {
        return ([0.0; 2], [0.0; 2]);
    }
    (lo, hi)
}

/// Names coordinates nested at the wrong depth for their geometry type, which
/// the geojson crate reports only as a failed deserialisation.
fn check_nesting(g: &Value, path: &str) -> Result<(), ImportError> {
    let Some(kind) = g.get("type").and_then(Value::as_str) else {
        return Ok(());
    };
    if kind == "GeometryCollection" {
        if let Some(Value::Array(items)) = g.get("geometries") {
            for (i, item) in items.iter().enumerate() {
                check_nesting(item, &format!("{path}.geometries[{i}]"))?;
            }
        }
        return Ok(());
    }
    let (want, shape) = match kind {
        "Point" => (1, "a position [x, y]"),
        "MultiPoint" => (2, "a list of positions"),
        "LineString" => (2, "a list of positions [[x, y], ...]"),
        "MultiLineString" => (3, "a list of lines, each a list of positions"),
        "Polygon" => (
            3,
            "a list of rings, each a list of positions [[[x, y], ...]]",
        ),
        "MultiPolygon" => (4, "a list of polygons, each a list of rings of positions"),
        _ => return Ok(()),
    };
    let Some(c) = g.get("coordinates") else {
        return Ok(());
    };
    fn depth(v: &Value) -> Option<usize> {
        match v {
            Value::Number(_) => Some(0),
            Value::Array(items) => match items.first() {
                None => None,
                Some(first) => depth(first).map(|d| d + 1),
            },
            _ => Some(0),
        }
    }
    if let Some(found) = depth(c)
        && found != want
    {
        let hint = if found < want {
            "a level of brackets is missing"
        } else {
            "there is a level of brackets too many"
        };
        return Err(ImportError::at(
            format!("{path}.coordinates"),
            format!(
                "a {kind}'s coordinates are {shape}, nested {want} deep; these are nested {found} deep ({hint})"
            ),
        ));
    }
    Ok(())
}
