//! Named fixtures and helpers shared by the integration tests.
#![allow(dead_code)]

use blindspot::geometry::{Point, Tolerances};
use blindspot::plan::PreparedPlan;
use blindspot::scenario::{CameraSpec, Plan, Wall, WallKind, Zone, ZoneKind};
use blindspot::view::{View, view_of};

pub fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

/// An opaque wall along `path`.
pub fn wall(id: &str, path: &[(f64, f64)]) -> Wall {
    Wall {
        level: None,
        id: id.to_string(),
        kind: WallKind::Wall,
        path: path.iter().map(|&(x, y)| p(x, y)).collect(),
        exterior: false,
        open: false,
        opaque: None,
        security: Default::default(),
    }
}

/// A closed ring of opaque wall through the points.
pub fn closed_wall(id: &str, pts: &[(f64, f64)]) -> Wall {
    let mut path: Vec<(f64, f64)> = pts.to_vec();
    path.push(pts[0]);
    wall(id, &path)
}

pub fn zone(id: &str, pts: &[(f64, f64)]) -> Zone {
    Zone {
        level: None,
        id: id.to_string(),
        name: id.to_string(),
        kind: ZoneKind::Room,
        priority: 1.0,
        required_level: None,
        delay: None,
        min_coverage: None,
        polygon: pts.iter().map(|&(x, y)| p(x, y)).collect(),
        holes: Vec::new(),
    }
}

pub fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

pub fn camera(x: f64, y: f64, heading: f64, hfov: f64, range: f64) -> CameraSpec {
    CameraSpec::flat(p(x, y), heading, hfov, range)
}

pub fn prepare(walls: Vec<Wall>) -> PreparedPlan {
    PreparedPlan::new(
        &Plan {
            walls,
            ..Plan::default()
        },
        Tolerances::default(),
    )
    .expect("the plan prepares")
}

pub fn view(plan: &PreparedPlan, cam: CameraSpec) -> View {
    view_of(plan, &cam)
}

/// Asserts `actual` is within relative `rel` of `expected`.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, rel: f64) {
    let err = (actual - expected).abs();
    assert!(
        err <= rel * expected.abs().max(1e-12),
        "expected {expected}, got {actual} (relative error {:.3e})",
        err / expected.abs().max(1e-12)
    );
}

/// A 10 x 10 room with its corner at the origin.
pub fn square_room() -> Vec<Wall> {
    vec![closed_wall("room", &rect(0.0, 0.0, 10.0, 10.0))]
}

/// An L-shaped room: the square 0..10 minus the quadrant 5..10 x 5..10.
pub fn l_room() -> Vec<Wall> {
    vec![closed_wall(
        "l",
        &[
            (0., 0.),
            (10., 0.),
            (10., 5.),
            (5., 5.),
            (5., 10.),
            (0., 10.),
        ],
    )]
}

// ---- Scenario-level helpers (coverage, properties, robustness) ----

use blindspot::scenario::{Camera, Scenario, Settings};
use blindspot::session::Session;

/// A placed camera with its own field of view and range (no model).
pub fn placed(id: &str, x: f64, y: f64, heading: f64, hfov: f64, range: f64) -> Camera {
    Camera {
        id: id.to_string(),
        model: None,
        position: p(x, y),
        heading_deg: heading,
        hfov_deg: Some(hfov),
        range_m: Some(range),
        ..Default::default()
    }
}

/// A scenario with no catalogue and default settings.
pub fn scenario(walls: Vec<Wall>, zones: Vec<Zone>, cameras: Vec<Camera>) -> Scenario {
    Scenario {
        connections: Vec::new(),
        levels: Vec::new(),
        blindspot: blindspot::scenario::FORMAT_VERSION,
        name: "test".to_string(),
        plan: Plan {
            walls,
            zones,
            ..Plan::default()
        },
        catalog: Vec::new(),
        cameras,
        detectors: Vec::new(),
        settings: Settings::default(),
        options: Vec::new(),
        underlay: None,
        pole_sites: Vec::new(),
    }
}

/// Loads a scenario the way a file is loaded (written to JSON, read back and
/// validated), panicking with every problem when it is invalid.
#[track_caller]
pub fn session(s: &Scenario) -> Session {
    match Session::from_json(&s.to_json()) {
        Ok(session) => session,
        Err(e) => panic!("scenario should be valid: {e}"),
    }
}

/// Asserts `actual` is within `abs` of `expected`.
#[track_caller]
pub fn assert_near(actual: f64, expected: f64, abs: f64) {
    assert!(
        (actual - expected).abs() <= abs,
        "expected {expected} +/- {abs}, got {actual} (off by {:.3e})",
        (actual - expected).abs()
    );
}
