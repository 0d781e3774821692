//! Reading a scenario from JSON text, collecting every problem with its place.
//!
//! The JSON is parsed into a generic value first, then walked field by field, so
//! that one bad field does not hide the next: every problem is reported at once.

use super::limits::MAX_COORDINATE_M;
use super::model::*;
use super::problem::Problems;
use crate::geometry::Point;
use serde_json::{Map, Value};

mod documents;
mod levels;
mod security;
mod underlay;

/// Reads the structure of a scenario. Returns `None` when it is too broken to
/// build; `problems` then says why. Semantic checks (ids, geometry) come after,
/// in `validate`.
pub(super) fn read_scenario(text: &str, problems: &mut Problems) -> (Option<Scenario>, Origins) {
    let value: Value = match super::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problems.error("", format!("not valid JSON: {e}"));
            return (None, Origins::default());
        }
    };
    let mut r = Reader {
        problems,
        origins: Origins::default(),
    };
    let scenario = r.scenario(&value);
    (scenario, r.origins)
}

/// Reads one camera object (as the page sends it for an edit).
pub(super) fn read_camera(text: &str, problems: &mut Problems) -> Option<Camera> {
    let value: Value = match super::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problems.error("camera", format!("not valid JSON: {e}"));
            return None;
        }
    };
    Reader {
        problems,
        origins: Origins::default(),
    }
    .camera(&value, "camera")
}

/// Reads a JSON array of camera objects (a layout the page sends).
pub(super) fn read_cameras(text: &str, problems: &mut Problems) -> Option<Vec<Camera>> {
    let value: Value = match super::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problems.error("cameras", format!("not valid JSON: {e}"));
            return None;
        }
    };
    let mut reader = Reader {
        problems,
        origins: Origins::default(),
    };
    let items = reader.array(&value, "cameras")?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(reader.camera(item, &format!("cameras[{i}]"))?);
    }
    Some(out)
}

/// Reads a plan object (walls and zones, as the page sends it for an edit),
/// with the places of its items.
pub(super) fn read_plan(text: &str, problems: &mut Problems) -> (Option<Plan>, Origins) {
    let value: Value = match super::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problems.error("plan", format!("not valid JSON: {e}"));
            return (None, Origins::default());
        }
    };
    let mut reader = Reader {
        problems,
        origins: Origins::default(),
    };
    let plan = reader.plan(&value, "plan");
    (plan, reader.origins)
}

struct Reader<'p> {
    problems: &'p mut Problems,
    origins: Origins,
}

/// Where the items that were read came from in the file, so that later checks
/// name the right place even when some items could not be read.
#[derive(Clone, Debug, Default)]
pub(super) struct ListOrigin {
    /// File index of each item kept, in order.
    pub kept: Vec<usize>,
    /// Ids of the items that could not be read.
    pub failed_ids: Vec<String>,
}

impl ListOrigin {
    /// The file index of kept item `i`.
    pub fn file_index(&self, i: usize) -> usize {
        // A scenario not read from a file dropped nothing: its index is its place.
        self.kept.get(i).copied().unwrap_or(i)
    }
}

#[derive(Clone, Debug, Default)]
pub(super) struct Origins {
    pub walls: ListOrigin,
    pub zones: ListOrigin,
    pub catalog: ListOrigin,
    pub cameras: ListOrigin,
    pub detectors: ListOrigin,
}

#[derive(Clone, Copy, Debug)]
enum List {
    Walls,
    Zones,
    Catalog,
    Cameras,
    Detectors,
}

impl Origins {
    fn list_mut(&mut self, which: List) -> &mut ListOrigin {
        match which {
            List::Walls => &mut self.walls,
            List::Zones => &mut self.zones,
            List::Catalog => &mut self.catalog,
            List::Cameras => &mut self.cameras,
            List::Detectors => &mut self.detectors,
        }
    }
}

/// A JSON object being read: remembers which fields were used, so unknown ones
/// can be reported.
struct Obj<'v> {
    path: String,
    map: &'v Map<String, Value>,
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// `v` as a point when [`Reader::point`] would take it without a problem: two
/// finite numbers within the supported extent. Anything else goes to
/// `Reader::point`, which says what is wrong and where.
fn valid_point(v: &Value) -> Option<Point> {
    let Value::Array(pair) = v else { return None };
    let [x, y] = pair.as_slice() else { return None };
    let (x, y) = (x.as_f64()?, y.as_f64()?);
    let ok = |c: f64| c.is_finite() && c.abs() <= MAX_COORDINATE_M;
    (ok(x) && ok(y)).then(|| Point::new(x, y))
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Reader<'_> {
    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<Obj<'v>> {
        match v {
            Value::Object(map) => Some(Obj {
                path: path.to_string(),
                map,
            }),
            other => {
                self.problems.error(
                    path,
                    format!("expected an object {{...}}, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// Reports fields not in `known`.
    fn finish(&mut self, obj: &Obj, known: &[&str]) {
        for key in obj.map.keys() {
            if !known.contains(&key.as_str()) {
                self.problems.error(
                    join(&obj.path, key),
                    format!("unknown field (expected one of: {})", known.join(", ")),
                );
            }
        }
    }

    fn required<'v>(&mut self, obj: &Obj<'v>, field: &str) -> Option<&'v Value> {
        let v = obj.map.get(field);
        if v.is_none() {
            self.problems
                .error(obj.path.clone(), format!("missing field \"{field}\""));
        }
        v
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.problems.error(
                    path,
                    format!("expected a string, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                self.problems.error(
                    path,
                    format!("expected true or false, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn number(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Some(x),
            Some(_) => {
                self.problems.error(path, "number is not finite");
                None
            }
            None => {
                self.problems
                    .error(path, format!("expected a number, found {}", describe(v)));
                None
            }
        }
    }

    fn req_string(&mut self, obj: &Obj, field: &str) -> Option<String> {
        let v = self.required(obj, field)?;
        self.string(v, &join(&obj.path, field))
    }

    fn req_number(&mut self, obj: &Obj, field: &str) -> Option<f64> {
        let v = self.required(obj, field)?;
        self.number(v, &join(&obj.path, field))
    }

    fn opt_number(&mut self, obj: &Obj, field: &str) -> Result<Option<f64>, ()> {
        match obj.map.get(field) {
            None => Ok(None),
            Some(v) => self.number(v, &join(&obj.path, field)).map(Some).ok_or(()),
        }
    }

    fn opt_bool(&mut self, obj: &Obj, field: &str) -> Result<Option<bool>, ()> {
        match obj.map.get(field) {
            None => Ok(None),
            Some(v) => self.boolean(v, &join(&obj.path, field)).map(Some).ok_or(()),
        }
    }

    fn array<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.problems.error(
                    path,
                    format!("expected an array [...], found {}", describe(other)),
                );
                None
            }
        }
    }

    /// A point `[x, y]` with finite coordinates within the supported extent.
    fn point(&mut self, v: &Value, path: &str) -> Option<Point> {
        let pair = match v {
            Value::Array(items) if items.len() == 2 => items,
            other => {
                self.problems.error(
                    path,
                    format!("expected a point [x, y], found {}", describe_point(other)),
                );
                return None;
            }
        };
        if let Some(p) = valid_point(v) {
            return Some(p);
        }
        let x = self.number(&pair[0], &format!("{path}[0]"));
        let y = self.number(&pair[1], &format!("{path}[1]"));
        let p = Point::new(x?, y?);
        check_extent(p, path, self.problems).then_some(p)
    }

    fn points(&mut self, v: &Value, path: &str) -> Option<Vec<Point>> {
        let items = self.array(v, path)?;
        let mut ok = true;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            // The item's path is built only when there is a problem to report
            // (a path per point was a tenth of reading a large plan).
            match valid_point(item).or_else(|| self.point(item, &format!("{path}[{i}]"))) {
                Some(p) => out.push(p),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Reads a list, keeping the items that read well (their problems are
    /// recorded) so that later checks still run on the rest. `kept` receives the
    /// file index of each kept item, `failed_ids` the ids of the others.
    fn list<T>(
        &mut self,
        obj: &Obj,
        field: &str,
        required: bool,
        which: Option<List>,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut origin = ListOrigin::default();
        let v = match obj.map.get(field) {
            Some(v) => v,
            None if required => {
                self.problems
                    .error(obj.path.clone(), format!("missing field \"{field}\""));
                return None;
            }
            None => return Some(Vec::new()),
        };
        let path = join(&obj.path, field);
        let items = self.array(v, &path)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match item(self, v, &format!("{path}[{i}]")) {
                Some(x) => {
                    out.push(x);
                    origin.kept.push(i);
                }
                None => {
                    if let Some(id) = v.get("id").and_then(Value::as_str) {
                        origin.failed_ids.push(id.to_string());
                    }
                }
            }
        }
        if let Some(which) = which {
            *self.origins.list_mut(which) = origin;
        }
        Some(out)
    }

    fn scenario(&mut self, v: &Value) -> Option<Scenario> {
        let obj = self.object(v, "")?;
        let version = self
            .required(&obj, "blindspot")
            .and_then(|v| match v.as_f64() {
                // 1 and 1.0 are the same number in JSON.
                Some(n) if n == f64::from(FORMAT_VERSION) => Some(FORMAT_VERSION),
                _ => {
                    self.problems.error(
                    "blindspot",
                    format!(
                        "unsupported format version {v} (this build reads version {FORMAT_VERSION})"
                    ),
                );
                    None
                }
            });
        let name = match obj.map.get("name") {
            Some(v) => self.string(v, "name"),
            None => Some(String::new()),
        };
        let levels = self.list(&obj, "levels", false, None, Self::level);
        let connections = self.list(&obj, "connections", false, None, Self::connection);
        let plan = self
            .required(&obj, "plan")
            .and_then(|v| self.plan(v, "plan"));
        let catalog = self.list(&obj, "catalog", false, Some(List::Catalog), Self::model);
        let cameras = self.list(&obj, "cameras", false, Some(List::Cameras), Self::camera);
        let detectors = self.list(
            &obj,
            "detectors",
            false,
            Some(List::Detectors),
            Self::detector,
        );
        let settings = match obj.map.get("settings") {
            Some(v) => self.settings(v, "settings"),
            None => Some(Settings::default()),
        };
        let options = self.list(&obj, "options", false, None, Self::option);
        let underlay = match obj.map.get("underlay") {
            Some(v) => self.underlay(v, "underlay").map(Some),
            None => Some(None),
        };
        let pole_sites = self.list(&obj, "pole_sites", false, None, Self::pole_site);
        self.finish(
            &obj,
            &[
                "blindspot",
                "name",
                "levels",
                "connections",
                "plan",
                "catalog",
                "cameras",
                "detectors",
                "settings",
                "options",
                "underlay",
                "pole_sites",
            ],
        );
        Some(Scenario {
            blindspot: version?,
            name: name?,
            levels: levels?,
            connections: connections?,
            plan: plan?,
            catalog: catalog?,
            cameras: cameras?,
            detectors: detectors?,
            settings: settings?,
            options: options?,
            underlay: underlay?,
            pole_sites: pole_sites.and_then(|sites| self.distinct_pole_ids(sites))?,
        })
    }

    /// One entry of `pole_sites`.
    fn pole_site(&mut self, v: &Value, path: &str) -> Option<PoleSite> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id").and_then(|id| {
            if id.trim().is_empty() {
                self.problems.error(join(path, "id"), "empty id");
                None
            } else {
                Some(id)
            }
        });
        let position = self
            .required(&obj, "position")
            .and_then(|v| self.point(v, &join(path, "position")));
        let cost = self.req_number(&obj, "cost").and_then(|c| {
            if c >= 0.0 {
                Some(c)
            } else {
                self.problems.error(
                    join(path, "cost"),
                    format!("expected a cost of zero or more, found {c}"),
                );
                None
            }
        });
        let height = self
            .opt_number(&obj, "height_m")
            .ok()
            .and_then(|h| match h {
                Some(h) if !(h > 0.0 && h <= 100.0) => {
                    self.problems.error(
                        join(path, "height_m"),
                        format!("expected a height above 0 and at most 100 m, found {h}"),
                    );
                    None
                }
                h => Some(h),
            });
        let level = self.opt_level(&obj);
        self.finish(&obj, &["id", "level", "position", "cost", "height_m"]);
        Some(PoleSite {
            id: id?,
            level: level.ok()?,
            position: position?,
            cost: cost?,
            height_m: height?,
        })
    }

    /// The pole sites if their ids are distinct (a camera's mount names one).
    fn distinct_pole_ids(&mut self, sites: Vec<PoleSite>) -> Option<Vec<PoleSite>> {
        let mut ok = true;
        for (i, s) in sites.iter().enumerate() {
            if sites[..i].iter().any(|t| t.id == s.id) {
                self.problems.error(
                    format!("pole_sites[{i}].id"),
                    format!("duplicate pole site id \"{}\"", s.id),
                );
                ok = false;
            }
        }
        ok.then_some(sites)
    }

    fn option(&mut self, v: &Value, path: &str) -> Option<ScenarioOption> {
        let obj = self.object(v, path)?;
        let name = self.req_string(&obj, "name");
        let cameras = self.list(&obj, "cameras", false, None, Self::camera);
        self.finish(&obj, &["name", "cameras"]);
        Some(ScenarioOption {
            name: name?,
            cameras: cameras?,
        })
    }

    fn plan(&mut self, v: &Value, path: &str) -> Option<Plan> {
        let obj = self.object(v, path)?;
        let walls = self.list(&obj, "walls", false, Some(List::Walls), Self::wall);
        let zones = self.list(&obj, "zones", false, Some(List::Zones), Self::zone);
        let georeference = match obj.map.get("georeference") {
            None => Some(None),
            Some(v) => self.georeference(v, &join(path, "georeference")).map(Some),
        };
        self.finish(&obj, &["walls", "zones", "georeference"]);
        Some(Plan {
            walls: walls?,
            zones: zones?,
            georeference: georeference?,
        })
    }

    fn wall(&mut self, v: &Value, path: &str) -> Option<Wall> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id");
        let kind = match obj.map.get("kind") {
            None => Some(WallKind::Wall),
            Some(v) => {
                let p = join(path, "kind");
                self.string(v, &p).and_then(|name| {
                    let kind = WallKind::from_name(&name);
                    if kind.is_none() {
                        self.problems.error(
                            p,
                            format!(
                                "unknown wall kind \"{name}\" (expected one of: wall, door, window, glass, railing)"
                            ),
                        );
                    }
                    kind
                })
            }
        };
        let path_points = self
            .required(&obj, "path")
            .and_then(|v| self.points(v, &join(path, "path")));
        let exterior = self.opt_bool(&obj, "exterior");
        let open = self.opt_bool(&obj, "open");
        let opaque = self.opt_bool(&obj, "opaque");
        let opening = self.opening_security(&obj);
        let level = self.opt_level(&obj);
        self.finish(
            &obj,
            &[
                &["id", "level", "kind", "path", "exterior", "open", "opaque"][..],
                security::OPENING_FIELDS,
            ]
            .concat(),
        );
        let (kind, open, opaque, opening) = (kind?, open.ok()?, opaque.ok()?, opening.ok()?);
        if open.is_some() && kind != WallKind::Door {
            self.problems.error(
                join(path, "open"),
                format!("only doors can be open; this is a {}", kind.name()),
            );
            return None;
        }
        if opaque.is_some() && matches!(kind, WallKind::Wall | WallKind::Door) {
            self.problems.error(
                join(path, "opaque"),
                format!(
                    "\"opaque\" applies to windows, glass and railings; a {} is always opaque{}",
                    kind.name(),
                    if kind == WallKind::Door {
                        " unless open"
                    } else {
                        ""
                    }
                ),
            );
            return None;
        }
        let exterior = exterior.ok()?.unwrap_or(false);
        if exterior && kind == WallKind::Wall {
            self.problems.error(
                join(path, "exterior"),
                "only openings (door, window, glass, railing) can be exterior; a plain wall is not a way in",
            );
            return None;
        }
        Some(Wall {
            id: id?,
            level: level.ok()?,
            kind,
            path: path_points?,
            exterior,
            open: open.unwrap_or(false),
            opaque,
            security: opening,
        })
    }

    fn zone(&mut self, v: &Value, path: &str) -> Option<Zone> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id");
        let name = match obj.map.get("name") {
            Some(v) => self.string(v, &join(path, "name")),
            None => None,
        };
        let kind = match obj.map.get("kind") {
            None => Some(ZoneKind::Room),
            Some(v) => {
                let p = join(path, "kind");
                self.string(v, &p).and_then(|name| {
                    let kind = ZoneKind::from_name(&name);
                    if kind.is_none() {
                        self.problems.error(
                            p,
                            format!("unknown zone kind \"{name}\" (expected one of: room, exterior, asset)"),
                        );
                    }
                    kind
                })
            }
        };
        let priority = self.opt_number(&obj, "priority");
        let required_level = self.opt_string(&obj, "required_level");
        let delay = self.opt_delay(&obj, "delay");
        let min_coverage = self.opt_number(&obj, "min_coverage");
        let polygon = self
            .required(&obj, "polygon")
            .and_then(|v| self.points(v, &join(path, "polygon")));
        let holes = self.list(&obj, "holes", false, None, |r, v, p| r.points(v, p));
        let level = self.opt_level(&obj);
        self.finish(
            &obj,
            &[
                "id",
                "level",
                "name",
                "kind",
                "priority",
                "required_level",
                "delay",
                "min_coverage",
                "polygon",
                "holes",
            ],
        );
        let id = id?;
        let priority = priority.ok()?.unwrap_or(1.0);
        if priority <= 0.0 || priority > 1e6 {
            self.problems.error(
                join(path, "priority"),
                format!("priority must be a positive weight up to 1e6, found {priority}"),
            );
            return None;
        }
        let min_coverage = min_coverage.ok()?;
        if let Some(m) = min_coverage
            && !(0.0..=1.0).contains(&m)
        {
            self.problems.error(
                join(path, "min_coverage"),
                format!("min_coverage is a share of the zone from 0 to 1, found {m}"),
            );
            return None;
        }
        Some(Zone {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            level: level.ok()?,
            kind: kind?,
            priority,
            required_level: required_level.ok()?,
            delay: delay.ok()?,
            min_coverage,
            polygon: polygon?,
            holes: holes?,
        })
    }

    /// An optional `[a, b]` pair of finite numbers.
    fn opt_pair(&mut self, obj: &Obj, field: &str) -> Result<Option<[f64; 2]>, ()> {
        let Some(v) = obj.map.get(field) else {
            return Ok(None);
        };
        let path = join(&obj.path, field);
        match v {
            Value::Array(items) if items.len() == 2 => {
                let a = self.number(&items[0], &format!("{path}[0]"));
                let b = self.number(&items[1], &format!("{path}[1]"));
                match (a, b) {
                    (Some(a), Some(b)) => Ok(Some([a, b])),
                    _ => Err(()),
                }
            }
            other => {
                self.problems.error(
                    path,
                    format!(
                        "expected a pair [a, b] of numbers, found {}",
                        describe_point(other)
                    ),
                );
                Err(())
            }
        }
    }

    /// An optional name from a fixed list.
    fn opt_choice<T>(
        &mut self,
        obj: &Obj,
        field: &str,
        parse: impl Fn(&str) -> Option<T>,
        choices: &str,
    ) -> Result<Option<T>, ()> {
        let Some(v) = obj.map.get(field) else {
            return Ok(None);
        };
        let path = join(&obj.path, field);
        let name = self.string(v, &path).ok_or(())?;
        match parse(&name) {
            Some(x) => Ok(Some(x)),
            None => {
                self.problems.error(
                    path,
                    format!("unknown {field} \"{name}\" (expected one of: {choices})"),
                );
                Err(())
            }
        }
    }

    fn opt_string(&mut self, obj: &Obj, field: &str) -> Result<Option<String>, ()> {
        match obj.map.get(field) {
            None => Ok(None),
            Some(v) => self.string(v, &join(&obj.path, field)).map(Some).ok_or(()),
        }
    }

    fn model(&mut self, v: &Value, path: &str) -> Option<CameraModel> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id");
        let name = self.opt_string(&obj, "name");
        let kind = self.opt_choice(
            &obj,
            "kind",
            ModelKind::from_name,
            "dome, bullet, varifocal, panoramic, fisheye, ptz",
        );
        let projection = self.opt_choice(
            &obj,
            "projection",
            Projection::from_name,
            "rectilinear, panoramic, fisheye",
        );
        let resolution = self.opt_pair(&obj, "resolution_px");
        let hfov = self.opt_number(&obj, "hfov_deg");
        let vfov = self.opt_number(&obj, "vfov_deg");
        let focal = self.opt_number(&obj, "focal_mm");
        let focal_range = self.opt_pair(&obj, "focal_range_mm");
        let sensor = self.opt_pair(&obj, "sensor_mm");
        let range = self.opt_number(&obj, "range_m");
        let unit_price = self.opt_number(&obj, "unit_price");
        let install_cost = self.opt_number(&obj, "install_cost");
        let removal_cost = self.opt_number(&obj, "removal_cost");
        let example_prices = self.opt_bool(&obj, "example_prices");
        self.finish(&obj, MODEL_FIELDS);
        let id = id?;
        Some(CameraModel {
            name: name.ok()?.unwrap_or_else(|| id.clone()),
            id,
            kind: kind.ok()?,
            projection: projection.ok()?,
            resolution_px: resolution.ok()?,
            hfov_deg: hfov.ok()?,
            vfov_deg: vfov.ok()?,
            focal_mm: focal.ok()?,
            focal_range_mm: focal_range.ok()?,
            sensor_mm: sensor.ok()?,
            range_m: range.ok()?,
            unit_price: unit_price.ok()?,
            install_cost: install_cost.ok()?,
            removal_cost: removal_cost.ok()?,
            example_prices: example_prices.ok()?.unwrap_or(false),
        })
    }

    fn camera(&mut self, v: &Value, path: &str) -> Option<Camera> {
        let obj = self.object(v, path)?;
        let id = self.req_string(&obj, "id");
        let model = self.opt_string(&obj, "model");
        let position = self
            .required(&obj, "position")
            .and_then(|v| self.point(v, &join(path, "position")));
        let heading = self.req_number(&obj, "heading_deg");
        let hfov = self.opt_number(&obj, "hfov_deg");
        let vfov = self.opt_number(&obj, "vfov_deg");
        let range = self.opt_number(&obj, "range_m");
        let focal = self.opt_number(&obj, "focal_mm");
        let height = self.opt_number(&obj, "height_m");
        let tilt = self.opt_number(&obj, "tilt_deg");
        let usage = self.camera_use(&obj);
        let recording = self.camera_recording(&obj);
        let purpose = self.camera_purpose(&obj);
        let level = self.opt_level(&obj);
        self.finish(&obj, CAMERA_FIELDS);
        Some(Camera {
            id: id?,
            level: level.ok()?,
            model: model.ok()?,
            position: position?,
            heading_deg: heading?,
            hfov_deg: hfov.ok()?,
            vfov_deg: vfov.ok()?,
            range_m: range.ok()?,
            focal_mm: focal.ok()?,
            height_m: height.ok()?,
            tilt_deg: tilt.ok()?,
            usage: usage.ok()?,
            recording: recording.ok()?,
            purpose: purpose.ok()?,
        })
    }

    fn settings(&mut self, v: &Value, path: &str) -> Option<Settings> {
        let obj = self.object(v, path)?;
        let min_blind = self.opt_number(&obj, "min_blind_spot_m2");
        let currency = self.opt_string(&obj, "currency");
        let target = self.opt_number(&obj, "target_height_m");
        let levels = match obj.map.get("density_levels") {
            None => Some(None),
            Some(_) => self
                .list(&obj, "density_levels", false, None, Self::density_level)
                .map(Some),
        };
        let security = self.security_settings(&obj);
        let report = self.report_info(&obj);
        let recording = self.recording(&obj);
        self.finish(
            &obj,
            &[
                &[
                    "min_blind_spot_m2",
                    "currency",
                    "target_height_m",
                    "density_levels",
                ][..],
                security::SETTINGS_FIELDS,
                documents::SETTINGS_FIELDS,
            ]
            .concat(),
        );
        let defaults = Settings::default();
        Some(Settings {
            min_blind_spot_m2: min_blind.ok()?.unwrap_or(defaults.min_blind_spot_m2),
            currency: currency.ok()?.unwrap_or(defaults.currency),
            target_height_m: target.ok()?.unwrap_or(defaults.target_height_m),
            density_levels: levels?.unwrap_or(defaults.density_levels),
            security: security?,
            report: report?,
            recording: recording?,
        })
    }

    /// `{"origin": [lon, lat], "rotation_deg": a}`: WGS84 degrees, longitude
    /// within ±180 and latitude within ±85 (the local projection's domain).
    fn georeference(&mut self, v: &Value, path: &str) -> Option<Georeference> {
        let obj = self.object(v, path)?;
        let origin = self.opt_pair(&obj, "origin");
        let rotation = self.opt_number(&obj, "rotation_deg");
        self.finish(&obj, &["origin", "rotation_deg"]);
        let Some([lon, lat]) = origin.ok()? else {
            self.problems.error(path, "missing field \"origin\"");
            return None;
        };
        let g = Georeference {
            origin: [lon, lat],
            rotation_deg: rotation.ok()?.unwrap_or(0.0),
        };
        if let Err((field, message)) = g.check() {
            self.problems.error(join(path, field), message);
            return None;
        }
        Some(g)
    }

    fn density_level(&mut self, v: &Value, path: &str) -> Option<DensityLevel> {
        let obj = self.object(v, path)?;
        let name = self.req_string(&obj, "name");
        let px = self.req_number(&obj, "px_per_m");
        self.finish(&obj, &["name", "px_per_m"]);
        Some(DensityLevel {
            name: name?,
            px_per_m: px?,
        })
    }
}

/// Fields a camera model may have.
pub const MODEL_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "projection",
    "resolution_px",
    "hfov_deg",
    "vfov_deg",
    "focal_mm",
    "focal_range_mm",
    "sensor_mm",
    "range_m",
    "unit_price",
    "install_cost",
    "removal_cost",
    "example_prices",
];

/// Fields a camera may have.
pub const CAMERA_FIELDS: &[&str] = &[
    "id",
    "level",
    "model",
    "position",
    "heading_deg",
    "hfov_deg",
    "vfov_deg",
    "range_m",
    "focal_mm",
    "height_m",
    "tilt_deg",
    "use",
    "recording",
    "purpose",
];

fn describe_point(v: &Value) -> String {
    match v {
        Value::Array(items) => format!("an array of {} items", items.len()),
        other => describe(other).to_string(),
    }
}

/// True when `p` lies within the supported extent; else a problem at `path` says so
/// (finiteness is the number reader's rule).
pub(super) fn check_extent(p: Point, path: &str, problems: &mut Problems) -> bool {
    if p.x.abs() > MAX_COORDINATE_M || p.y.abs() > MAX_COORDINATE_M {
        problems.error(
            path,
            format!(
                "coordinate ({}, {}) is beyond the supported extent of ±{MAX_COORDINATE_M} m",
                p.x, p.y
            ),
        );
        return false;
    }
    true
}
