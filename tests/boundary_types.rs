//! The TypeScript types of the wasm boundary's structured results
//! (`src/wasm_types.ts`, added to the generated `.d.ts` the page is type-checked
//! against) agree with what the core really produces: every field a result has is
//! declared, with a value of the declared type, and every field declared without
//! `?` is there. The results are serialised exactly as `src/wasm.rs` hands them
//! over (the same structs through serde), on the museum wing sample and a small
//! optimiser run, so the page's types cannot drift from the core unnoticed.

use blindspot::camera_rules;
use blindspot::geometry::Point;
use blindspot::optimize::{Goal, Request, Workspace};
use blindspot::scenario::{Camera, Scenario};
use blindspot::session::Session;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// An interface: its fields (name -> (type, optional)) and what it extends.
#[derive(Debug, Default)]
struct Interface {
    fields: BTreeMap<String, (String, bool)>,
    extends: Vec<String>,
}

#[derive(Debug, Default)]
struct Types {
    interfaces: BTreeMap<String, Interface>,
    aliases: BTreeMap<String, String>,
    checked: std::cell::RefCell<BTreeSet<String>>,
}

/// Reads the declarations: `export interface N [extends A, B] { f?: T; }` and
/// `export type N = T;` (comments removed first).
fn parse(ts: &str) -> Types {
    let mut text = String::new();
    let mut rest = ts;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find("*/").expect("closed comment") + 2..];
    }
    text.push_str(rest);
    let text: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut types = Types::default();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("export ") {
        rest = &rest[i + 7..];
        if let Some(body) = rest.strip_prefix("type ") {
            let end = body.find(';').expect("type alias ends with ;");
            let (name, expr) = body[..end].split_once('=').expect("type N = T");
            types
                .aliases
                .insert(name.trim().to_string(), expr.trim().to_string());
            rest = &body[end..];
        } else if let Some(body) = rest.strip_prefix("interface ") {
            let open = body.find('{').expect("interface body");
            let close = body.find('}').expect("interface body closes");
            let head = body[..open].trim();
            let (name, extends) = match head.split_once(" extends ") {
                Some((n, e)) => (
                    n.trim(),
                    e.split(',').map(|x| x.trim().to_string()).collect(),
                ),
                None => (head, Vec::new()),
            };
            let mut iface = Interface {
                extends,
                ..Interface::default()
            };
            for field in body[open + 1..close].split(';') {
                let field = field.trim();
                if field.is_empty() {
                    continue;
                }
                let (key, ty) = field.split_once(':').expect("field: type");
                let optional = key.ends_with('?');
                iface.fields.insert(
                    key.trim_end_matches('?').trim().to_string(),
                    (ty.trim().to_string(), optional),
                );
            }
            types.interfaces.insert(name.to_string(), iface);
            rest = &body[close..];
        }
    }
    types
}

/// Splits `a | b | [c, d]` at the top level only.
fn split_top(expr: &str, sep: char) -> Vec<String> {
    let (mut depth, mut out, mut cur) = (0, Vec::new(), String::new());
    for ch in expr.chars() {
        match ch {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ => {}
        }
        if ch == sep && depth == 0 {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(ch);
        }
    }
    out.push(cur.trim().to_string());
    out
}

impl Types {
    /// The fields of an interface with those of everything it extends.
    fn fields(&self, name: &str) -> BTreeMap<String, (String, bool)> {
        let iface = &self.interfaces[name];
        let mut out = BTreeMap::new();
        for parent in &iface.extends {
            self.checked.borrow_mut().insert(parent.clone());
            out.extend(self.fields(parent));
        }
        out.extend(iface.fields.clone());
        out
    }

    /// Problems with `value` as a `ty`, each with its path.
    fn check(&self, value: &Value, ty: &str, path: &str, problems: &mut Vec<String>) {
        let ty = ty.trim();
        let alternatives = split_top(ty, '|');
        if alternatives.len() > 1 {
            let fits = alternatives.iter().any(|alt| {
                let mut p = Vec::new();
                self.check(value, alt, path, &mut p);
                p.is_empty()
            });
            if !fits {
                problems.push(format!("{path}: {value} is none of {ty}"));
            }
            return;
        }
        if let Some(inner) = ty.strip_suffix("[]") {
            match value.as_array() {
                Some(items) => {
                    for (k, item) in items.iter().enumerate() {
                        self.check(item, inner, &format!("{path}[{k}]"), problems);
                    }
                }
                None => problems.push(format!("{path}: expected an array ({ty}), found {value}")),
            }
            return;
        }
        if let Some(tuple) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let parts = split_top(tuple, ',');
            match value.as_array() {
                Some(items) if items.len() == parts.len() => {
                    for (k, (item, part)) in items.iter().zip(&parts).enumerate() {
                        self.check(item, part, &format!("{path}[{k}]"), problems);
                    }
                }
                _ => problems.push(format!("{path}: expected {ty}, found {value}")),
            }
            return;
        }
        let ok = match ty {
            "number" => value.is_number(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            lit if lit.starts_with('"') => value.as_str() == Some(lit.trim_matches('"')),
            name if self.aliases.contains_key(name) => {
                let expr = self.aliases[name].clone();
                self.check(value, &expr, path, problems);
                return;
            }
            name if self.interfaces.contains_key(name) => {
                self.checked.borrow_mut().insert(name.to_string());
                let Some(object) = value.as_object() else {
                    problems.push(format!(
                        "{path}: expected an object ({name}), found {value}"
                    ));
                    return;
                };
                let fields = self.fields(name);
                for key in object.keys() {
                    if !fields.contains_key(key) {
                        problems.push(format!("{path}.{key}: not declared in {name}"));
                    }
                }
                for (key, (fty, optional)) in &fields {
                    match object.get(key) {
                        Some(v) => self.check(v, fty, &format!("{path}.{key}"), problems),
                        None if !optional => {
                            problems.push(format!("{path}.{key}: declared in {name}, missing"))
                        }
                        None => {}
                    }
                }
                return;
            }
            other => panic!("{path}: unknown type {other} in src/wasm_types.ts"),
        };
        if !ok {
            problems.push(format!("{path}: expected {ty}, found {value}"));
        }
    }
}

fn museum() -> Session {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/samples/museum-wing.json"
    ))
    .expect("the sample");
    Session::from_json(&text).expect("the sample loads")
}

fn value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serialises")
}

#[test]
fn the_declared_result_types_match_the_results() {
    let types = parse(include_str!("../src/wasm_types.ts"));
    let session = museum();
    let scenario: &Scenario = session.scenario();
    let (listed, omitted) = blindspot::report::blind_spot_list(&session);
    let at = Camera {
        id: "new".into(),
        position: Point::new(10.0, 5.0),
        heading_deg: 45.0,
        ..Camera::default()
    };
    let request = Request {
        goal: Goal::Cameras(2),
        max_candidates: 300,
        ..Request::default()
    };
    let mut progress = |_| true;
    let workspace = Workspace::new(&session, &request, &mut progress).expect("a workspace");
    let proposal = workspace
        .optimize(Goal::Cameras(2), &mut progress)
        .expect("a proposal");
    let curve = workspace
        .curve(2_000.0, 3, 1, &mut progress)
        .expect("a curve");
    // A layout with a camera on the wing's pole site, so that its costs list a pole.
    let mut on_pole = scenario.clone();
    on_pole.cameras.push(Camera {
        id: "on-pole".into(),
        model: scenario.cameras[0].model.clone(),
        position: scenario.pole_sites[0].position,
        ..Camera::default()
    });
    let pole_costs = blindspot::report::costs(&on_pole);
    assert_eq!(pole_costs.poles.len(), 1, "the camera stands on the pole");
    let mut results: Vec<(&str, Value)> = vec![
        ("Summary", value(&session.summary())),
        ("Costs", value(&pole_costs)),
        ("Totals", value(&blindspot::report::totals(&session))),
        ("Report", value(&session.report())),
        (
            "BlindSpots",
            json!({"blind_spots": listed, "blind_spots_omitted": omitted}),
        ),
        ("Level[]", value(&session.levels())),
        (
            "CameraModelObject[]",
            value(&blindspot::catalog::starter_catalog()),
        ),
        ("CameraModelObject[]", value(&scenario.catalog)),
        ("CameraObject[]", value(&scenario.cameras)),
        ("Limits", value(&camera_rules::limits())),
        ("ModelRules[]", value(&camera_rules::model_rules(scenario))),
        ("Proposal", value(&proposal)),
        ("CurvePoint[]", value(&curve)),
        (
            "MountAt",
            value(&blindspot::mounting::mount_at(
                scenario,
                Point::new(30.0, 12.0),
            )),
        ),
        (
            "Placed",
            value(&blindspot::mounting::place(
                scenario,
                Point::new(30.0, 0.4),
                None,
                0.0,
            )),
        ),
        (
            "MountAt",
            value(&blindspot::mounting::mount_at(
                scenario,
                Point::new(30.0, -6.0),
            )),
        ),
        (
            "ChangeCost",
            value(&blindspot::costing::change_cost(
                scenario,
                &scenario.cameras,
                &proposal.cameras,
            )),
        ),
        ("string[]", value(&vec!["a warning".to_string()])),
        ("Audit", value(&blindspot::analysis::audit(&session))),
        (
            "OpeningsAudit",
            value(&blindspot::analysis::audit_openings(&session)),
        ),
    ];
    // Routes with a response force (P(I), the most vulnerable route, the changes)
    // and without one (exposure only), from an opening and from a point.
    let options = blindspot::analysis::RouteOptions {
        resolution_m: 0.5,
        ..Default::default()
    };
    let from_balcony = blindspot::analysis::Start::Opening("balcony".into());
    let from_point = blindspot::analysis::Start::Point(Point::new(30.0, 6.0));
    for start in [&from_balcony, &from_point] {
        let r =
            blindspot::analysis::route(&session, start, "crown-case", &options).expect("a route");
        results.push(("RouteReport", value(&r)));
    }
    let mut no_response = scenario.clone();
    no_response.settings.security.response = None;
    let bare = Session::new(no_response, Default::default()).expect("loads");
    let r =
        blindspot::analysis::route(&bare, &from_balcony, "crown-case", &options).expect("a route");
    results.push(("RouteReport", value(&r)));
    for i in 0..scenario.cameras.len() {
        results.push((
            "CameraStats",
            value(&blindspot::report::camera_report(&session, i)),
        ));
        results.push((
            "CameraObject",
            value(&camera_rules::refit(scenario, &scenario.cameras[i], None).unwrap()),
        ));
    }
    // A camera with every optional field the format has (use, recording, purpose).
    let full = Camera::from_json(
        r#"{"id": "full", "model": "dome-4mp-2.8mm", "position": [10, 5], "heading_deg": 90,
            "height_m": 3, "tilt_deg": 20, "use": "live",
            "recording": {"codec": "h265", "fps": 12, "activity": "high", "hours_per_day": 24,
                          "retention_days": 30, "bitrate_mbps": 4},
            "purpose": {"task": "identify", "target": "faces at the door", "at": [12, 5]}}"#,
    )
    .expect("a camera with every field reads");
    results.push(("CameraObject", value(&full)));
    results.push((
        "CameraObject",
        value(
            &Camera::from_json(
                r#"{"id": "z", "position": [1, 1], "heading_deg": 0, "hfov_deg": 90, "range_m": 5,
                "purpose": {"task": "detect", "target": "anyone", "zone": "gallery"}}"#,
            )
            .expect("reads"),
        ),
    ));
    for m in &scenario.catalog {
        let like = scenario.cameras.first();
        let cam = camera_rules::new_camera(scenario, at.clone(), Some(&m.id), 3.0, like).unwrap();
        results.push(("CameraObject", value(&cam)));
    }
    // Inside the gallery (a zone and, at this corner, a blind spot) and outside everything.
    for (x, y) in [(1.0, 1.0), (30.0, 6.0), (-50.0, -50.0)] {
        results.push(("Picked", value(&session.pick(Point::new(x, y)))));
    }
    // The room around a point: a room, outside every room, on a wall.
    for (x, y) in [(5.0, 6.0), (-50.0, -50.0), (0.0, 5.0)] {
        let room = session
            .room_at(Point::new(x, y))
            .expect("the room query runs");
        results.push((
            "RoomFound",
            value(&blindspot::session::RoomFound::from(room)),
        ));
    }
    // A site of several levels: its levels, each level's headline and the site's.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/levels/quay-and-two-floors.json"
    ))
    .expect("the fixture");
    let (site_scenario, warnings) = Scenario::from_json(&text).expect("the fixture reads");
    for level in site_scenario.levels() {
        results.push(("SiteLevel", value(&level)));
    }
    let site = blindspot::site::Site::new(site_scenario, warnings).expect("the site loads");
    let (level_headlines, site_headline) = site.headlines();
    for h in &level_headlines {
        results.push(("Headline", value(h)));
    }
    results.push(("Headline", value(&site_headline)));
    // The site's optimiser and curve (optimizeSite, curveSite).
    let site_request = Request {
        max_candidates: 200,
        ..Request::default()
    };
    let site_proposal = site
        .optimize_budget(&site_request, 2_000.0, &mut |_| true)
        .expect("a site proposal");
    results.push(("SiteProposal", value(&site_proposal)));
    let site_curve = site
        .budget_curve(&site_request, 2_000.0, 3, 1, &mut |_| true)
        .expect("a site curve");
    assert!(!site_curve.is_empty());
    results.push(("SiteCurvePoint[]", value(&site_curve)));
    let mut edited = museum();
    let same = edited.scenario().clone();
    results.push((
        "PlanEdit",
        value(&edited.set_plan(same).expect("the same plan applies")),
    ));
    let mut problems = Vec::new();
    for (ty, v) in &results {
        types.check(v, ty, ty, &mut problems);
    }
    assert!(
        problems.is_empty(),
        "src/wasm_types.ts disagrees with the core:\n{}",
        problems.join("\n")
    );
    // Every declared interface was met (a type nothing produces would be unchecked).
    let unchecked: Vec<&String> = types
        .interfaces
        .keys()
        .filter(|k| !types.checked.borrow().contains(*k))
        .collect();
    assert!(unchecked.is_empty(), "never checked: {unchecked:?}");
}

#[test]
fn the_check_catches_a_drift() {
    // A declaration with a field the result lacks, and a result with a field not declared.
    let types = parse(
        "export interface A { x: number; y?: string; }\nexport interface B extends A { z: boolean; }",
    );
    let mut problems = Vec::new();
    types.check(&json!({"x": 1, "z": true}), "B", "B", &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    types.check(&json!({"x": 1, "w": 2}), "B", "B", &mut problems);
    assert_eq!(
        problems,
        ["B.w: not declared in B", "B.z: declared in B, missing"]
    );
    problems.clear();
    types.check(&json!({"x": "one", "z": true}), "B", "B", &mut problems);
    assert_eq!(problems, [r#"B.x: expected number, found "one""#]);
}
