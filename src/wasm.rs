//! The WebAssembly boundary: the only file that knows about wasm-bindgen.
//!
//! One object, `Scene`, wraps a core [`Session`]. Edits come in as plain numbers
//! or small JSON camera objects (inputs stay text); geometry goes out as flat
//! typed arrays (copied out, so the page never holds a view into wasm memory);
//! structured results (summaries, reports, picks, rules) go out as JS values
//! through serde-wasm-bindgen, typed in the generated `.d.ts` by
//! `src/wasm_types.ts`. Errors become JS `Error`s with the CLI's messages.
//!
//! A panic aborts: the call traps (a `WebAssembly.RuntimeError` in JS) and the
//! instance's memory is not to be trusted after it. The hook first records the
//! message where the page can read it without touching wasm memory
//! (`globalThis.blindspotCorePanic`) and marks the instance broken, so any later
//! call fails with an error instead of running on bad memory; the page then
//! starts a fresh instance (docs/web-app.md, "When the core fails").
//! See docs/wasm-api.md.

use crate::geometry::{Point, Polygon};
use crate::scenario::{Camera, InvalidScenario};
use crate::session::Session;
use js_sys::{Array, Float64Array, Uint32Array};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the structured results, added to the generated
/// `.d.ts` (tests/boundary_types.rs checks them against the real results).
#[wasm_bindgen(typescript_custom_section)]
const RESULT_TYPES: &'static str = include_str!("wasm_types.ts");

/// Set by the panic hook; every later call refuses to run.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Where the panic hook leaves its message for the page, on the JS global.
const PANIC_KEY: &str = "blindspotCorePanic";

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        // Best effort by nature: this runs inside a panic, with nothing left to report to.
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &JsValue::from_str(PANIC_KEY),
            &JsValue::from_str(&info.to_string()),
        );
        console_error_panic_hook::hook(info);
    }));
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn invalid(e: InvalidScenario) -> JsError {
    js_error(e)
}

/// A structured result as a JS value (objects, arrays, numbers, strings; `None`
/// as null; maps as plain objects).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_error(format!(
                "internal error: a result could not be handed to the page: {e}"
            ))
        })
}

fn guard() -> Result<(), JsError> {
    if PANICKED.load(Ordering::SeqCst) {
        Err(js_error(
            "internal error: this instance of the core hit a bug and stopped; start a fresh one",
        ))
    } else {
        Ok(())
    }
}

/// A camera index from JS. Taken as a number rather than `u32` because wasm-bindgen
/// would silently coerce -1 or 1.5 to an integer; here they are refused.
fn index(i: f64, what: &str) -> Result<usize, JsError> {
    if i.is_finite() && i >= 0.0 && i.fract() == 0.0 && i <= u32::MAX as f64 {
        Ok(i as usize)
    } else {
        Err(js_error(format!("{what}: not a camera index: {i}")))
    }
}

/// Browser tests only (feature `test-hooks`): a scenario or layout of this name makes
/// the core panic, so the page's recovery from a real trap can be tested end to end.
#[cfg(feature = "test-hooks")]
const TEST_PANIC_NAME: &str = "panic in the core (test hook)";

/// See [`TEST_PANIC_NAME`]; does nothing without the `test-hooks` feature.
fn test_hook(name: &str) {
    #[cfg(feature = "test-hooks")]
    if name == TEST_PANIC_NAME {
        panic!("test hook: a scenario named \"{TEST_PANIC_NAME}\"");
    }
    #[cfg(not(feature = "test-hooks"))]
    let _ = name;
}

fn parse_camera(json: &str) -> Result<Camera, JsError> {
    Camera::from_json(json).map_err(invalid)
}

/// A plan point from the page, checked.
fn finite_point(x: f64, y: f64, what: &str) -> Result<(), JsError> {
    if x.is_finite() && y.is_finite() {
        Ok(())
    } else {
        Err(js_error(format!(
            "{what}: the point must have finite coordinates, found ({x}, {y})"
        )))
    }
}

/// Polygons flattened into typed arrays (see docs/wasm-api.md).
#[wasm_bindgen]
#[derive(Debug)]
pub struct FlatShapes {
    coords: Vec<f64>,
    ring_offsets: Vec<u32>,
    polygon_offsets: Vec<u32>,
}

impl FlatShapes {
    fn new() -> FlatShapes {
        FlatShapes {
            coords: Vec::new(),
            ring_offsets: vec![0],
            polygon_offsets: vec![0],
        }
    }

    fn push_ring(&mut self, ring: &[Point]) {
        for p in ring {
            self.coords.push(p.x);
            self.coords.push(p.y);
        }
        self.ring_offsets.push((self.coords.len() / 2) as u32);
    }

    fn push_polygon(&mut self, polygon: &Polygon) {
        for ring in polygon.rings().filter(|r| !r.is_empty()) {
            self.push_ring(ring);
        }
        self.close_polygon();
    }

    fn close_polygon(&mut self) {
        self.polygon_offsets
            .push((self.ring_offsets.len() - 1) as u32);
    }
}

#[wasm_bindgen]
impl FlatShapes {
    /// x, y pairs of every ring, concatenated.
    #[wasm_bindgen(getter)]
    pub fn coords(&self) -> Float64Array {
        Float64Array::from(&self.coords[..])
    }

    /// Point index where each ring starts, plus a final end.
    #[wasm_bindgen(getter, js_name = ringOffsets)]
    pub fn ring_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.ring_offsets[..])
    }

    /// Ring index where each polygon starts, plus a final end.
    #[wasm_bindgen(getter, js_name = polygonOffsets)]
    pub fn polygon_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.polygon_offsets[..])
    }
}

/// `blindSpots()`'s result: the two blind-spot fields of the report.
#[derive(Debug, Serialize)]
struct BlindSpotList {
    blind_spots: Vec<crate::report::BlindSpotReport>,
    blind_spots_omitted: crate::report::Omitted,
}

/// A loaded scenario, live for editing.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Scene {
    session: Session,
    /// The opening audit's plan part, prepared on first use (a scene's walls and
    /// zones never change; `auditOpenings` follows camera drags).
    opening_plan: std::cell::OnceCell<crate::analysis::OpeningPlan>,
}

impl From<Session> for Scene {
    fn from(session: Session) -> Scene {
        Scene {
            session,
            opening_plan: std::cell::OnceCell::new(),
        }
    }
}

#[wasm_bindgen]
impl Scene {
    /// Parses and validates a scenario; throws with every problem found.
    pub fn load(text: &str) -> Result<Scene, JsError> {
        guard()?;
        let session = Session::from_json(text).map_err(invalid)?;
        test_hook(&session.scenario().name);
        Ok(Scene::from(session))
    }

    /// Loads like `Scene.load`, telling `progress(phase)` as each part starts:
    /// `"checking"` (reading and validating the text), then `"preparing"` (the
    /// plan, every camera's view, the coverage). For a worker showing the progress
    /// of a long load; a throw from `progress` stops the load with its message.
    #[wasm_bindgen(js_name = loadWithProgress)]
    pub fn load_with_progress(text: &str, progress: &js_sys::Function) -> Result<Scene, JsError> {
        guard()?;
        let tell = |phase: &str| {
            progress
                .call1(&JsValue::NULL, &JsValue::from_str(phase))
                .map(|_| ())
                .map_err(|e| {
                    js_error(format!(
                        "loadWithProgress: the progress callback failed: {e:?}"
                    ))
                })
        };
        tell("checking")?;
        let (scenario, warnings) = crate::scenario::Scenario::from_json(text).map_err(invalid)?;
        test_hook(&scenario.name);
        tell("preparing")?;
        let session = Session::new(scenario, warnings).map_err(invalid)?;
        Ok(Scene::from(session))
    }

    /// This scene as bytes (a session snapshot, docs/wasm-api.md): a worker that
    /// loaded a large file hands them to the page, which rebuilds the scene with
    /// `Scene.fromSnapshot` instead of reading and preparing the file again. The
    /// bytes are a copy (their buffer can be transferred).
    pub fn snapshot(&self) -> Result<Vec<u8>, JsError> {
        guard()?;
        Ok(self.session.snapshot())
    }

    /// The scene `snapshot()` made, in this build of the core: the same views,
    /// coverage, blind spots and report, bit for bit. Throws when the bytes are
    /// not a snapshot of this build (a stale worker's) or are truncated or
    /// damaged, with the reason.
    #[wasm_bindgen(js_name = fromSnapshot)]
    pub fn from_snapshot(bytes: &[u8]) -> Result<Scene, JsError> {
        guard()?;
        let session = Session::from_snapshot(bytes).map_err(js_error)?;
        test_hook(&session.scenario().name);
        Ok(Scene::from(session))
    }

    /// Another layout of the same plan (a JSON array of cameras, and a name),
    /// reusing this scene's prepared walls and zones: much cheaper than
    /// `Scene.load` of the whole scenario. This scene is unchanged.
    #[wasm_bindgen(js_name = withCameras)]
    pub fn with_cameras(&self, name: &str, cameras_json: &str) -> Result<Scene, JsError> {
        guard()?;
        test_hook(name);
        let cameras = Camera::list_from_json(cameras_json).map_err(invalid)?;
        self.session
            .with_cameras(name, cameras)
            .map(Scene::from)
            .map_err(invalid)
    }

    /// Replaces the plan (walls and zones) with a plan object given as JSON text
    /// (the file's `plan`), validated with the rest of the scenario like a file:
    /// the live path of a wall or zone edit, without reloading the scenario. Only
    /// the cameras whose reach meets a changed wall or zone get a new view; the
    /// coverage keeps its cells when the zones are unchanged. Throws with every
    /// problem (named as in a file, `plan.walls[3].path`) and changes nothing;
    /// an edit the core would have to repair (a zero-length piece) is refused
    /// the same way. Returns what was redone: `{views, cameras, zones_rebuilt}`
    /// (`cameras`: the indices of the views computed again; every other view is
    /// unchanged).
    #[wasm_bindgen(js_name = setPlan, unchecked_return_type = "PlanEdit")]
    pub fn set_plan(&mut self, plan_json: &str) -> Result<JsValue, JsError> {
        guard()?;
        let (scenario, warnings) = self
            .session
            .scenario()
            .with_plan_json(plan_json)
            .map_err(invalid)?;
        // A repair (a zero-length piece dropped) would leave the page's plan and
        // the core's apart: the edit is refused instead, with the reason.
        if !warnings.list.is_empty() {
            return Err(invalid(InvalidScenario { problems: warnings }));
        }
        let edit = self.session.set_plan(scenario).map_err(invalid)?;
        // The openings' plan part belongs to the old walls and zones.
        self.opening_plan = std::cell::OnceCell::new();
        to_js(&edit)
    }

    /// Moves every wall vertex at (x0, y0) to (x1, y1), as one corner: the live
    /// path of a corner drag, without sending the plan (see `setPlan`, which it
    /// equals for this edit). Throws, changing nothing, when no wall has a corner
    /// there, the point is not finite or out of the extent, or a wall would get
    /// a zero-length piece. Returns what was redone, as `setPlan`.
    #[wasm_bindgen(js_name = moveCorner, unchecked_return_type = "PlanEdit")]
    pub fn move_corner(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) -> Result<JsValue, JsError> {
        guard()?;
        let edit = self
            .session
            .move_corner(Point::new(x0, y0), Point::new(x1, y1))
            .map_err(invalid)?;
        self.opening_plan = std::cell::OnceCell::new();
        to_js(&edit)
    }

    /// The room around plan point (x, y): the face of the wall graph containing
    /// it, bounded by every wall, door, window, glass pane and railing, open or
    /// closed. `found` is `"room"` (with `polygon`, `holes`, `area_m2`), `"open"`
    /// when no closed room contains the point (a gap to the outside), or
    /// `"on_wall"`.
    #[wasm_bindgen(js_name = roomAt, unchecked_return_type = "RoomFound")]
    pub fn room_at(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        guard()?;
        if !(x.is_finite() && y.is_finite()) {
            return Err(js_error(format!("roomAt: not a plan point: ({x}, {y})")));
        }
        let room = self.session.room_at(Point::new(x, y)).map_err(invalid)?;
        to_js(&crate::session::RoomFound::from(room))
    }

    /// Repairs made while loading, as messages.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        guard()?;
        let list: Vec<String> = self
            .session
            .warnings()
            .list
            .iter()
            .map(|p| p.to_string())
            .collect();
        to_js(&list)
    }

    /// The scenario as the core holds it (canonical JSON).
    #[wasm_bindgen(js_name = scenarioJson)]
    pub fn scenario_json(&self) -> Result<String, JsError> {
        guard()?;
        Ok(self.session.scenario().to_json())
    }

    #[wasm_bindgen(js_name = cameraCount)]
    pub fn camera_count(&self) -> usize {
        self.session.scenario().cameras.len()
    }

    /// Replaces camera `i` with a camera object given as JSON text.
    #[wasm_bindgen(js_name = setCamera)]
    pub fn set_camera(&mut self, i: f64, camera_json: &str) -> Result<(), JsError> {
        guard()?;
        let i = index(i, "setCamera")?;
        let camera = parse_camera(camera_json)?;
        self.session.set_camera(i, camera).map_err(invalid)
    }

    /// Appends a camera given as JSON text; returns its index.
    #[wasm_bindgen(js_name = addCamera)]
    pub fn add_camera(&mut self, camera_json: &str) -> Result<usize, JsError> {
        guard()?;
        let camera = parse_camera(camera_json)?;
        self.session.add_camera(camera).map_err(invalid)
    }

    /// Inserts a camera at index `i` (0..=count), shifting later ones.
    #[wasm_bindgen(js_name = insertCamera)]
    pub fn insert_camera(&mut self, i: f64, camera_json: &str) -> Result<(), JsError> {
        guard()?;
        let i = index(i, "insertCamera")?;
        let camera = parse_camera(camera_json)?;
        self.session.insert_camera(i, camera).map_err(invalid)
    }

    /// Renames the scenario.
    #[wasm_bindgen(js_name = setName)]
    pub fn set_name(&mut self, name: &str) -> Result<(), JsError> {
        guard()?;
        test_hook(name);
        self.session.set_name(name);
        Ok(())
    }

    #[wasm_bindgen(js_name = removeCamera)]
    pub fn remove_camera(&mut self, i: f64) -> Result<(), JsError> {
        guard()?;
        let i = index(i, "removeCamera")?;
        self.session.remove_camera(i).map_err(invalid)
    }

    /// Moves camera `i` to (x, y): the fast path of a drag.
    #[wasm_bindgen(js_name = moveCamera)]
    pub fn move_camera(&mut self, i: f64, x: f64, y: f64) -> Result<(), JsError> {
        guard()?;
        let i = index(i, "moveCamera")?;
        self.session.move_camera(i, x, y).map_err(invalid)
    }

    /// Sets camera `i`'s heading, field of view and range: the fast path of the
    /// handles.
    #[wasm_bindgen(js_name = aimCamera)]
    pub fn aim_camera(
        &mut self,
        i: f64,
        heading_deg: f64,
        hfov_deg: f64,
        range_m: f64,
    ) -> Result<(), JsError> {
        guard()?;
        let i = index(i, "aimCamera")?;
        self.session
            .aim_camera(i, heading_deg, hfov_deg, range_m)
            .map_err(invalid)
    }

    /// Totals per zone and camera, without polygons.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&self.session.summary())
    }

    /// The figures a page refreshes on each frame of a drag: the summary without
    /// the camera list, with lean zones (`id`, `covered_area_m2`, `coverage`,
    /// `required_coverage`, `multi_covered_area_m2`).
    #[wasm_bindgen(unchecked_return_type = "Totals")]
    pub fn totals(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&crate::report::totals(&self.session))
    }

    /// Camera `i`'s figures, as in `summary().cameras[i]`.
    #[wasm_bindgen(js_name = cameraSummary, unchecked_return_type = "CameraStats")]
    pub fn camera_summary(&self, i: f64) -> Result<JsValue, JsError> {
        guard()?;
        let i = index(i, "cameraSummary")?;
        if i >= self.session.scenario().cameras.len() {
            return Err(js_error(format!("cameraSummary: no camera {i}")));
        }
        to_js(&crate::report::camera_report(&self.session, i))
    }

    /// Camera `i`'s geometry: polygon 0 its view, 1 its dead zone, then one per
    /// density level (as in the "views", "dead" and "bands" layers).
    #[wasm_bindgen(js_name = cameraLayers)]
    pub fn camera_layers(&self, i: f64) -> Result<FlatShapes, JsError> {
        guard()?;
        let i = index(i, "cameraLayers")?;
        let view = self
            .session
            .views()
            .get(i)
            .ok_or_else(|| js_error(format!("cameraLayers: no camera {i}")))?;
        let mut flat = FlatShapes::new();
        for ring in std::iter::once(&view.ring)
            .chain(std::iter::once(&view.dead))
            .chain(view.levels.iter())
        {
            if ring.len() >= 3 {
                flat.push_ring(ring);
            }
            flat.close_polygon();
        }
        Ok(flat)
    }

    /// For a camera with a varifocal lens: the focal length giving horizontal
    /// field of view `hfov_deg` (clamped to the lens's range); undefined
    /// otherwise.
    #[wasm_bindgen(js_name = focalForHfov)]
    pub fn focal_for_hfov(&self, i: f64, hfov_deg: f64) -> Result<Option<f64>, JsError> {
        guard()?;
        let i = index(i, "focalForHfov")?;
        Ok(self.session.focal_for_hfov(i, hfov_deg))
    }

    /// The full report: the same fields and values as `blindspot report --format json`.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&self.session.report())
    }

    /// Geometry to draw: "views", "blind" or "multi".
    pub fn layer(&self, name: &str) -> Result<FlatShapes, JsError> {
        guard()?;
        let mut flat = FlatShapes::new();
        match name {
            "views" => {
                for view in self.session.views() {
                    if view.ring.len() >= 3 {
                        flat.push_ring(&view.ring);
                    }
                    flat.close_polygon();
                }
            }
            "blind" => {
                for polygon in self.session.coverage().blind_pieces() {
                    flat.push_polygon(&polygon);
                }
            }
            "multi" => {
                for polygon in self.session.coverage().multi_pieces() {
                    flat.push_polygon(&polygon);
                }
            }
            "dead" => {
                for view in self.session.views() {
                    if view.dead.len() >= 3 {
                        flat.push_ring(&view.dead);
                    }
                    flat.close_polygon();
                }
            }
            "bands" => {
                for view in self.session.views() {
                    for band in &view.levels {
                        if band.len() >= 3 {
                            flat.push_ring(band);
                        }
                        flat.close_polygon();
                    }
                }
            }
            other => {
                return Err(js_error(format!(
                    "unknown layer \"{other}\" (expected views, blind, multi, dead or bands)"
                )));
            }
        }
        Ok(flat)
    }

    /// The blind spots the report lists, and the slivers left out:
    /// `{blind_spots: [...], blind_spots_omitted: {...}}`, as in `report()`.
    #[wasm_bindgen(js_name = blindSpots, unchecked_return_type = "BlindSpots")]
    pub fn blind_spots(&self) -> Result<JsValue, JsError> {
        guard()?;
        let (blind_spots, blind_spots_omitted) = crate::report::blind_spot_list(&self.session);
        to_js(&BlindSpotList {
            blind_spots,
            blind_spots_omitted,
        })
    }

    /// Camera `i`'s view as one polygon (zero rings when it sees nothing).
    #[wasm_bindgen(js_name = cameraView)]
    pub fn camera_view(&self, i: f64) -> Result<FlatShapes, JsError> {
        guard()?;
        let i = index(i, "cameraView")?;
        let view = self
            .session
            .views()
            .get(i)
            .ok_or_else(|| js_error(format!("cameraView: no camera {i}")))?;
        let mut flat = FlatShapes::new();
        if view.ring.len() >= 3 {
            flat.push_ring(&view.ring);
        }
        flat.close_polygon();
        Ok(flat)
    }

    /// A label point inside each zone, in zone order: x, y pairs.
    #[wasm_bindgen(js_name = zoneLabels)]
    pub fn zone_labels(&self) -> Result<Float64Array, JsError> {
        guard()?;
        let coords: Vec<f64> = self
            .session
            .zone_label_points()
            .iter()
            .flat_map(|p| [p.x, p.y])
            .collect();
        Ok(Float64Array::from(&coords[..]))
    }

    /// The built-in starter catalogue (models with example prices).
    #[wasm_bindgen(js_name = starterCatalog, unchecked_return_type = "CameraModelObject[]")]
    pub fn starter_catalog() -> Result<JsValue, JsError> {
        guard()?;
        to_js(&crate::catalog::starter_catalog())
    }

    /// The bounds of a camera's editable fields (as validation checks them), the
    /// share of a zone that "meets" its required level, and what a new camera
    /// gets when its model leaves a value open (see `camera_rules`).
    #[wasm_bindgen(unchecked_return_type = "Limits")]
    pub fn limits() -> Result<JsValue, JsError> {
        guard()?;
        to_js(&crate::camera_rules::limits())
    }

    /// The rules of each catalogue model, in catalogue order: where its field of
    /// view comes from (`lens`), its projection, whether a camera of it can be
    /// mounted, a varifocal lens's focal range.
    #[wasm_bindgen(js_name = modelRules, unchecked_return_type = "ModelRules[]")]
    pub fn model_rules(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&crate::camera_rules::model_rules(self.session.scenario()))
    }

    /// A new camera at `at` (a camera object as JSON text: its id, position and
    /// heading), of model `model_id` ("" for none), mounted at `height_m` when the
    /// model allows it; a camera without a model copies the optics of camera
    /// `like` (-1: none). Not added: the page adds it (`addCamera`).
    #[wasm_bindgen(js_name = newCamera, unchecked_return_type = "CameraObject")]
    pub fn new_camera(
        &self,
        at_json: &str,
        model_id: &str,
        height_m: f64,
        like: f64,
    ) -> Result<JsValue, JsError> {
        guard()?;
        let at = parse_camera(at_json)?;
        let scenario = self.session.scenario();
        let like = if like == -1.0 {
            None
        } else {
            let i = index(like, "newCamera")?;
            Some(
                scenario
                    .cameras
                    .get(i)
                    .ok_or_else(|| js_error(format!("newCamera: no camera {i}")))?,
            )
        };
        let model = (!model_id.is_empty()).then_some(model_id);
        let camera = crate::camera_rules::new_camera(scenario, at, model, height_m, like)
            .map_err(|e| js_error(format!("newCamera: {e}")))?;
        to_js(&camera)
    }

    /// Camera `i` as it would be with model `model_id` ("" for none): see
    /// `camera_rules::refit`. The scene is unchanged; the page commits it
    /// (`setCamera`).
    #[wasm_bindgen(js_name = refitCamera, unchecked_return_type = "CameraObject")]
    pub fn refit_camera(&self, i: f64, model_id: &str) -> Result<JsValue, JsError> {
        guard()?;
        let i = index(i, "refitCamera")?;
        let scenario = self.session.scenario();
        let camera = scenario
            .cameras
            .get(i)
            .ok_or_else(|| js_error(format!("refitCamera: no camera {i}")))?;
        let model = (!model_id.is_empty()).then_some(model_id);
        let camera = crate::camera_rules::refit(scenario, camera, model)
            .map_err(|e| js_error(format!("refitCamera: {e}")))?;
        to_js(&camera)
    }

    /// What changing layout `before` into layout `after` (JSON arrays of
    /// cameras) costs with this scene's catalogue: the one cost account the
    /// proposal card, the compare view, the curve and the report share.
    #[wasm_bindgen(js_name = changeCost, unchecked_return_type = "ChangeCost")]
    pub fn change_cost(&self, before_json: &str, after_json: &str) -> Result<JsValue, JsError> {
        guard()?;
        let before = Camera::list_from_json(before_json)
            .map_err(|e| js_error(format!("changeCost, before: {e}")))?;
        let after = Camera::list_from_json(after_json)
            .map_err(|e| js_error(format!("changeCost, after: {e}")))?;
        to_js(&crate::costing::change_cost(
            self.session.scenario(),
            &before,
            &after,
        ))
    }

    /// What can hold a camera at plan point (x, y): a solid wall within a
    /// bracket's reach, a room's ceiling, or nothing (`mount: null`).
    #[wasm_bindgen(js_name = mountAt, unchecked_return_type = "MountAt")]
    pub fn mount_at(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        guard()?;
        finite_point(x, y, "mountAt")?;
        to_js(&crate::mounting::mount_at(
            self.session.scenario(),
            Point::new(x, y),
        ))
    }

    /// Where a camera placed or dropped at (x, y) goes: onto the nearest solid
    /// wall within a metre, aimed into the room (or at the nearest exterior
    /// opening or asset within `range_m` it faces; NaN: 15 m), else where it
    /// is; `heading_deg` is kept when nothing gives a better aim.
    #[wasm_bindgen(js_name = placeCamera, unchecked_return_type = "Placed")]
    pub fn place_camera(
        &self,
        x: f64,
        y: f64,
        range_m: f64,
        heading_deg: f64,
    ) -> Result<JsValue, JsError> {
        guard()?;
        finite_point(x, y, "placeCamera")?;
        if !heading_deg.is_finite() {
            return Err(js_error(format!(
                "placeCamera: the heading must be a number of degrees, found {heading_deg}"
            )));
        }
        let range = (range_m.is_finite() && range_m > 0.0).then_some(range_m);
        to_js(&crate::mounting::place(
            self.session.scenario(),
            Point::new(x, y),
            range,
            heading_deg,
        ))
    }

    /// The density levels in use, densest first (`{name, px_per_m}`): the order
    /// of the "bands" layer and of every `levels` list in the reports.
    #[wasm_bindgen(unchecked_return_type = "Level[]")]
    pub fn levels(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(self.session.levels())
    }

    /// What lies under plan point (x, y): zone ids and the blind spot index.
    #[wasm_bindgen(unchecked_return_type = "Picked")]
    pub fn pick(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&self.session.pick(Point::new(x, y)))
    }

    /// True after a panic in this instance: its memory is not to be trusted, start
    /// a fresh one.
    #[wasm_bindgen(js_name = isBroken)]
    pub fn is_broken(&self) -> bool {
        PANICKED.load(Ordering::SeqCst)
    }
}

/// A JS progress callback `(phase, done, total) => bool` for a long run:
/// `false` cancels, and a throw stops the run too. The thrown value is kept so
/// that the caller sees the page's own error, not "cancelled".
struct JsProgress<'a> {
    callback: Option<&'a js_sys::Function>,
    thrown: std::cell::RefCell<Option<JsValue>>,
}

impl<'a> JsProgress<'a> {
    fn new(callback: Option<&'a js_sys::Function>) -> Self {
        JsProgress {
            callback,
            thrown: std::cell::RefCell::new(None),
        }
    }

    /// Whether the run goes on.
    fn tell(&self, phase: &str, done: usize, total: usize) -> bool {
        self.tell_with(phase, done, total, &[])
    }

    /// As `tell`, with more numbers after the three (a site run's level and step).
    fn tell_with(&self, phase: &str, done: usize, total: usize, more: &[usize]) -> bool {
        let Some(f) = self.callback else {
            return true;
        };
        let result = if more.is_empty() {
            f.call3(
                &JsValue::NULL,
                &JsValue::from_str(phase),
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            )
        } else {
            let args = Array::of3(
                &JsValue::from_str(phase),
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            );
            for &m in more {
                args.push(&JsValue::from_f64(m as f64));
            }
            f.apply(&JsValue::NULL, &args)
        };
        match result {
            Ok(v) => v.as_bool() != Some(false),
            Err(e) => {
                self.thrown.borrow_mut().get_or_insert(e);
                false
            }
        }
    }

    /// The run's result, or the callback's throw (which stopped it) in its place.
    fn finish<T>(self, what: &str, result: Result<T, JsError>) -> Result<T, JsError> {
        match self.thrown.into_inner() {
            None => result,
            Some(e) => Err(js_error(format!(
                "{what}: the progress callback threw: {}",
                thrown_message(&e)
            ))),
        }
    }
}

/// A thrown JS value as text: an Error's message, a string, or its debug form.
fn thrown_message(e: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(error) = e.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// The optimiser's progress, told to `progress`.
fn progress_to<'p>(
    progress: &'p JsProgress<'_>,
) -> impl FnMut(crate::optimize::Progress) -> bool + 'p {
    move |p| progress.tell(phase_name(p.phase), p.done, p.total)
}

/// A phase as the page names it (the serde names of `Phase`).
fn phase_name(phase: crate::optimize::Phase) -> &'static str {
    use crate::optimize::Phase;
    match phase {
        Phase::Loading => "loading",
        Phase::Sampling => "sampling",
        Phase::CandidateViews => "candidate_views",
        Phase::Selection => "selection",
        Phase::LocalSearch => "local_search",
        Phase::Done => "done",
    }
}

/// Tells the caller the scenario is being loaded (the first, silent part of a
/// run otherwise).
fn loading(report: &mut crate::optimize::ProgressFn) -> Result<(), JsError> {
    if report(crate::optimize::Progress {
        phase: crate::optimize::Phase::Loading,
        done: 0,
        total: 1,
    }) {
        Ok(())
    } else {
        Err(js_error(crate::optimize::Cancelled))
    }
}

fn workspace_for<'s>(
    session: &'s Session,
    request: &crate::optimize::Request,
    progress: &mut crate::optimize::ProgressFn,
) -> Result<crate::optimize::Workspace<'s>, JsError> {
    crate::optimize::Workspace::new(session, request, progress).map_err(js_error)
}

/// Runs `run` on a workspace for the scenario and request, telling
/// `progress` as it goes; a throw from `progress` is reported as
/// `what: the progress callback threw: …`.
fn run_optimiser(
    what: &str,
    scenario_json: &str,
    request_json: &str,
    progress: &js_sys::Function,
    run: impl FnOnce(
        crate::optimize::Workspace<'_>,
        &crate::optimize::Request,
        &mut crate::optimize::ProgressFn,
    ) -> Result<JsValue, JsError>,
) -> Result<JsValue, JsError> {
    let progress = JsProgress::new(Some(progress));
    let result = (|| {
        let mut report = progress_to(&progress);
        loading(&mut report)?;
        let session = Session::from_json(scenario_json).map_err(invalid)?;
        let request = crate::optimize::Request::from_json(request_json).map_err(js_error)?;
        let workspace = workspace_for(&session, &request, &mut report)?;
        run(workspace, &request, &mut report)
    })();
    progress.finish(what, result)
}

/// Proposes a layout for a scenario (JSON) and a request (JSON, see
/// docs/optimizer.md); reports progress to `progress(phase, done, total)`.
/// Returns the proposal. Meant for a Web Worker.
#[wasm_bindgen(unchecked_return_type = "Proposal")]
pub fn optimize(
    scenario_json: &str,
    request_json: &str,
    progress: &js_sys::Function,
) -> Result<JsValue, JsError> {
    guard()?;
    run_optimiser(
        "optimize",
        scenario_json,
        request_json,
        progress,
        |workspace, request, report| {
            to_js(&workspace.optimize(request.goal, report).map_err(js_error)?)
        },
    )
}

/// A curve's top budget: positive and finite (the level's curve and the site's).
fn check_max_budget(max_budget: f64) -> Result<(), JsError> {
    if max_budget > 0.0 && max_budget.is_finite() {
        Ok(())
    } else {
        Err(js_error(format!(
            "the maximum budget must be positive, found {max_budget}"
        )))
    }
}

/// The cost-versus-coverage curve for a scenario up to `max_budget`: points with
/// their layouts. The request's goal is ignored.
#[wasm_bindgen(unchecked_return_type = "CurvePoint[]")]
pub fn curve(
    scenario_json: &str,
    request_json: &str,
    max_budget: f64,
    steps: usize,
    refine: usize,
    progress: &js_sys::Function,
) -> Result<JsValue, JsError> {
    guard()?;
    check_max_budget(max_budget)?;
    run_optimiser(
        "curve",
        scenario_json,
        request_json,
        progress,
        |workspace, _, report| {
            let points = workspace
                .curve(max_budget, steps.clamp(2, 200), refine.min(20), report)
                .map_err(js_error)?;
            to_js(&points)
        },
    )
}

/// The optimiser's progress on a site, told to `progress(phase, done, total,
/// level, step, steps)`: the level's index (bottom to top) and which of the
/// run's steps this is.
fn site_progress_to<'p>(
    progress: &'p JsProgress<'_>,
) -> impl FnMut(crate::site::SiteProgress) -> bool + 'p {
    move |p| {
        progress.tell_with(
            phase_name(p.progress.phase),
            p.progress.done,
            p.progress.total,
            &[p.level, p.step, p.steps],
        )
    }
}

/// Runs `run` on the site of a whole scenario (every level) and a request,
/// telling `progress` as it goes, as `run_optimiser`.
fn run_site_optimiser(
    what: &str,
    scenario_json: &str,
    request_json: &str,
    progress: &js_sys::Function,
    run: impl FnOnce(
        &crate::site::Site,
        &crate::optimize::Request,
        &mut crate::site::SiteProgressFn,
    ) -> Result<JsValue, JsError>,
) -> Result<JsValue, JsError> {
    let progress = JsProgress::new(Some(progress));
    let result = (|| {
        let mut report = site_progress_to(&progress);
        let loading = crate::site::SiteProgress {
            level: 0,
            step: 0,
            steps: 1,
            progress: crate::optimize::Progress {
                phase: crate::optimize::Phase::Loading,
                done: 0,
                total: 1,
            },
        };
        if !report(loading) {
            return Err(js_error(crate::optimize::Cancelled));
        }
        let (scenario, warnings) =
            crate::scenario::Scenario::from_json(scenario_json).map_err(invalid)?;
        let site = crate::site::Site::new(scenario, warnings).map_err(invalid)?;
        let request = crate::optimize::Request::from_json(request_json).map_err(js_error)?;
        run(&site, &request, &mut report)
    })();
    progress.finish(what, result)
}

/// Proposes a layout of every level of a whole scenario (JSON, all its levels)
/// within one budget for the site (`Site::optimize_budget`): the request
/// (JSON, docs/optimizer.md) must have a budget goal. Reports progress to
/// `progress(phase, done, total, level, step, steps)`. Returns the site's
/// proposal. Meant for a Web Worker.
#[wasm_bindgen(js_name = optimizeSite, unchecked_return_type = "SiteProposal")]
pub fn optimize_site(
    scenario_json: &str,
    request_json: &str,
    progress: &js_sys::Function,
) -> Result<JsValue, JsError> {
    guard()?;
    run_site_optimiser(
        "optimizeSite",
        scenario_json,
        request_json,
        progress,
        |site, request, report| {
            let crate::optimize::Goal::Budget(budget) = request.goal else {
                return Err(js_error(
                    "optimizeSite: a site is optimised for a budget: the request's goal must be {\"budget\": amount}",
                ));
            };
            to_js(
                &site
                    .optimize_budget(request, budget, report)
                    .map_err(js_error)?,
            )
        },
    )
}

/// The site's cost-versus-coverage curve up to `max_budget` (`Site::budget_curve`):
/// each level's curve combined by the best split at each budget. The
/// request's goal is ignored; progress as `optimizeSite`.
#[wasm_bindgen(js_name = curveSite, unchecked_return_type = "SiteCurvePoint[]")]
pub fn curve_site(
    scenario_json: &str,
    request_json: &str,
    max_budget: f64,
    steps: usize,
    refine: usize,
    progress: &js_sys::Function,
) -> Result<JsValue, JsError> {
    guard()?;
    check_max_budget(max_budget)?;
    run_site_optimiser(
        "curveSite",
        scenario_json,
        request_json,
        progress,
        |site, request, report| {
            let points = site
                .budget_curve(
                    request,
                    max_budget,
                    steps.clamp(2, 200),
                    refine.min(20),
                    report,
                )
                .map_err(js_error)?;
            to_js(&points)
        },
    )
}

// ---- Documents for the board (docs/documents.md, docs/wasm-api.md) ----

/// What a view export draws, from the page (JSON); every field optional.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ViewExport {
    legend: Option<bool>,
    views: Option<bool>,
    bands: Option<bool>,
    dead_zones: Option<bool>,
    blind_spots: Option<bool>,
    shortfall: Option<bool>,
    labels: Option<bool>,
    caption: Option<String>,
}

/// A `YYYY-MM-DD` date from the page, checked.
fn report_date(date: Option<String>) -> Result<Option<String>, JsError> {
    match date {
        Some(d) => crate::scenario::parse_date(&d)
            .map(|_| Some(d))
            .map_err(|e| js_error(format!("report date: {e}"))),
        None => Ok(None),
    }
}

#[wasm_bindgen]
impl Scene {
    /// The report for the board: one standalone HTML document (no script, no
    /// external reference) of this scene's layout (`layout` 0 or absent) or of
    /// the scenario's option `layout - 1`, compared with the others. `date` is
    /// `YYYY-MM-DD` (the page's today; the file's `settings.report.date` when
    /// absent).
    #[wasm_bindgen(js_name = reportHtml)]
    pub fn report_html(
        &self,
        date: Option<String>,
        layout: Option<f64>,
    ) -> Result<String, JsError> {
        guard()?;
        let date = report_date(date)?;
        let options = crate::document::option_layouts(&self.session).map_err(invalid)?;
        let layouts: Vec<&Session> = std::iter::once(&self.session).chain(&options).collect();
        let reported = match layout {
            None => 0,
            Some(i) => index(i, "report layout")?,
        };
        if reported >= layouts.len() {
            return Err(js_error(format!(
                "report layout {reported}: the scenario has {} layout(s)",
                layouts.len()
            )));
        }
        Ok(crate::document::report_html(
            &layouts,
            reported,
            date.as_deref(),
        ))
    }

    /// An SVG of the plan box `min_x..max_x` × `min_y..max_y` (plan metres) as
    /// an image of `width` × `height` pixels, with a legend and a scale bar:
    /// what the page exports as SVG, and rasterises to PNG. `options_json`:
    /// `{"legend", "views", "bands", "dead_zones", "blind_spots", "shortfall",
    /// "labels"}` (booleans, default true) and `"caption"` (text).
    #[wasm_bindgen(js_name = viewSvg)]
    #[expect(
        clippy::too_many_arguments,
        reason = "a box and an image size cross the boundary as plain numbers, like the other calls"
    )]
    pub fn view_svg(
        &self,
        min_x: f64,
        min_y: f64,
        max_x: f64,
        max_y: f64,
        width: f64,
        height: f64,
        options_json: &str,
    ) -> Result<String, JsError> {
        guard()?;
        if ![min_x, min_y, max_x, max_y].iter().all(|v| v.is_finite())
            || max_x <= min_x
            || max_y <= min_y
        {
            return Err(js_error(format!(
                "view box: expected min < max and finite numbers, found x {min_x}..{max_x}, y {min_y}..{max_y}"
            )));
        }
        let pixels = |v: f64, what: &str| {
            if v.fract() == 0.0 && (16.0..=16384.0).contains(&v) {
                Ok(v as u32)
            } else {
                Err(js_error(format!(
                    "image {what}: a whole number of pixels from 16 to 16384, found {v}"
                )))
            }
        };
        let (w, h) = (pixels(width, "width")?, pixels(height, "height")?);
        let o: ViewExport = if options_json.trim().is_empty() {
            ViewExport::default()
        } else {
            serde_json::from_str(options_json)
                .map_err(|e| js_error(format!("view export options: {e}")))?
        };
        let on = |v: Option<bool>| v.unwrap_or(true);
        let options = crate::document::DrawingOptions {
            frame: Some(crate::geometry::Bounds {
                min: Point::new(min_x, min_y),
                max: Point::new(max_x, max_y),
            }),
            size: crate::document::Size::Pixels {
                width: w,
                height: h,
            },
            layers: crate::document::Layers {
                views: on(o.views),
                bands: on(o.bands),
                dead_zones: on(o.dead_zones),
                blind_spots: on(o.blind_spots),
                shortfall: on(o.shortfall),
                labels: on(o.labels),
            },
            legend: on(o.legend),
            caption: o.caption,
            id_prefix: "view".to_string(),
        };
        let overlays = crate::document::overlays(&self.session);
        Ok(crate::document::plan_svg(&self.session, &overlays, &options).svg)
    }

    /// The whole plan on paper: an SVG `width_mm` wide and at most `height_mm`
    /// tall (20..2000 mm) at the largest standard scale that fits.
    #[wasm_bindgen(js_name = paperSvg)]
    pub fn paper_svg(&self, width_mm: f64, height_mm: f64) -> Result<String, JsError> {
        guard()?;
        for (v, what) in [(width_mm, "width"), (height_mm, "height")] {
            if !(20.0..=2000.0).contains(&v) {
                return Err(js_error(format!(
                    "paper {what}: from 20 to 2000 mm, found {v}"
                )));
            }
        }
        Ok(crate::document::paper_drawing(&self.session, width_mm, height_mm, "paper").svg)
    }

    /// One of the report's tables as CSV (RFC 4180, UTF-8 with a byte-order
    /// mark, text cells guarded against formulas): `zones`, `cameras` or
    /// `bill-of-materials`.
    pub fn csv(&self, table: &str) -> Result<String, JsError> {
        guard()?;
        let dossier = crate::document::dossier::build(&[&self.session], 0, None);
        crate::document::csv::by_name(&dossier, table).ok_or_else(|| {
            js_error(format!(
                "no table \"{table}\" (there are: {})",
                crate::document::csv::TABLES.join(", ")
            ))
        })
    }
}

// ---- Import and export (docs/import.md) --------------------------------------

/// Import options as the page sends them (a plain object).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ImportRequest {
    file_name: String,
    #[serde(default)]
    format: Option<String>,
    /// `[{layer, role}]`: the roles chosen; `None`: guessed from the names.
    #[serde(default)]
    layers: Option<Vec<LayerRole>>,
    #[serde(default)]
    units: Option<String>,
    #[serde(default)]
    scale: Option<f64>,
    #[serde(default)]
    open_doors: bool,
    #[serde(default)]
    georeference: Option<GeorefRequest>,
    /// `"lonlat"` or `"metres"` (GeoJSON).
    #[serde(default)]
    coordinates: Option<String>,
    /// DXF: `"auto"` (default), `"none"`, `"layouts"` or `"blocks"`: which
    /// layouts or blocks become levels.
    #[serde(default)]
    levels: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerRole {
    layer: String,
    role: String,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GeorefRequest {
    origin: [f64; 2],
    #[serde(default)]
    rotation_deg: f64,
}

fn import_options(options: JsValue) -> Result<crate::import::ImportOptions, JsError> {
    use crate::import::{Format, ImportOptions, Mapping, Role, Units};
    let r: ImportRequest = serde_wasm_bindgen::from_value(options)
        .map_err(|e| js_error(format!("import options: {e}")))?;
    let format = match r.format.as_deref() {
        None => None,
        Some("dxf") => Some(Format::Dxf),
        Some("svg") => Some(Format::Svg),
        Some("geojson") => Some(Format::GeoJson),
        Some(other) => {
            return Err(js_error(format!(
                "import options: unknown format \"{other}\""
            )));
        }
    };
    let mapping = match r.layers {
        None => None,
        Some(list) => {
            let mut entries = Vec::with_capacity(list.len());
            for (i, l) in list.into_iter().enumerate() {
                let role = Role::from_name(&l.role).ok_or_else(|| {
                    js_error(format!(
                        "import options: layers[{i}].role: unknown role \"{}\"",
                        l.role
                    ))
                })?;
                entries.push((l.layer, role));
            }
            Some(Mapping { entries })
        }
    };
    let units = match r.units.as_deref() {
        None => None,
        Some(u) => Some(
            Units::from_name(u)
                .ok_or_else(|| js_error(format!("import options: unknown unit \"{u}\"")))?,
        ),
    };
    let lonlat = match r.coordinates.as_deref() {
        None => None,
        Some("lonlat") => Some(true),
        Some("metres") => Some(false),
        Some(other) => {
            return Err(js_error(format!(
                "import options: coordinates must be \"lonlat\" or \"metres\", found \"{other}\""
            )));
        }
    };
    let levels = match r.levels.as_deref() {
        None => crate::import::LevelSplit::Auto,
        Some(name) => crate::import::LevelSplit::from_name(name).ok_or_else(|| {
            js_error(format!(
                "import options: levels must be \"auto\", \"none\", \"layouts\" or \"blocks\", found \"{name}\""
            ))
        })?,
    };
    Ok(ImportOptions {
        file_name: r.file_name,
        format,
        levels,
        mapping,
        units,
        scale_m: r.scale,
        georeference: r.georeference.map(|g| crate::scenario::Georeference {
            origin: g.origin,
            rotation_deg: g.rotation_deg,
        }),
        lonlat,
        doors_open: r.open_doors,
        ..ImportOptions::default()
    })
}

fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| js_error(format!("internal error: could not set {key}")))
}

/// What a drawing holds before importing: `{format, layers: [{name, role,
/// guessed, entities: {TYPE: n}, hidden}], units: {metres_per_unit, source},
/// bounds_m, notes: [{level, place, message}], roles: [names], unitNames:
/// [names], sketch: {coords: Float64Array, starts: Uint32Array, layers:
/// Uint32Array, omitted}}`. Throws the import's error for a broken or hostile
/// file. Meant for a Web Worker.
#[wasm_bindgen(js_name = importPreview)]
pub fn import_preview(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    guard()?;
    let o = import_options(options)?;
    let p = crate::import::preview(bytes, &o).map_err(js_error)?;
    let out = to_js(&p)?;
    let roles: Array = crate::import::Role::ALL
        .iter()
        .map(|r| JsValue::from_str(r.name()))
        .collect();
    set(&out, "roles", &roles)?;
    let units: Array = crate::import::Units::ALL
        .iter()
        .map(|u| JsValue::from_str(u.name))
        .collect();
    set(&out, "unitNames", &units)?;
    let sketch = js_sys::Object::new();
    set(&sketch, "coords", &Float64Array::from(&p.sketch.coords[..]))?;
    set(&sketch, "starts", &Uint32Array::from(&p.sketch.starts[..]))?;
    set(&sketch, "layers", &Uint32Array::from(&p.sketch.layers[..]))?;
    set(
        &sketch,
        "omitted",
        &JsValue::from_f64(p.sketch.omitted as f64),
    )?;
    set(&out, "sketch", &sketch)?;
    Ok(out)
}

/// Imports a drawing: `{scenario: JSON text (a valid scenario, for
/// Scene.load), report}` with the report as docs/import.md describes it.
/// `progress(phase, done, total)` is called as it goes (phases `reading`,
/// `cleaning`, `checking`); returning `false` cancels, and a throw stops the
/// import and is thrown on (as "importDrawing: the progress callback threw: …"). Throws the import's
/// error (a message naming the line, element or feature, or the limit).
/// Meant for a Web Worker.
#[wasm_bindgen(js_name = importDrawing)]
pub fn import_drawing(
    bytes: &[u8],
    options: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    guard()?;
    let o = import_options(options)?;
    let progress = JsProgress::new(progress.as_ref());
    let mut report =
        |p: crate::import::Progress| progress.tell(import_phase_name(p.phase), p.done, p.total);
    let imported = crate::import::import(bytes, &o, &mut report).map_err(js_error);
    let imported = progress.finish("importDrawing", imported)?;
    imported_to_js(&imported)
}

/// An import's answer: `{scenario: JSON text, report}`.
fn imported_to_js(imported: &crate::import::Imported) -> Result<JsValue, JsError> {
    let out = js_sys::Object::new();
    set(
        &out,
        "scenario",
        &JsValue::from_str(&imported.scenario.to_json()),
    )?;
    set(&out, "report", &to_js(&imported.report)?)?;
    Ok(out.into())
}

/// An import phase as the worker names it.
fn import_phase_name(phase: crate::import::Phase) -> &'static str {
    match phase {
        crate::import::Phase::Reading => "reading",
        crate::import::Phase::Cleaning => "cleaning",
        crate::import::Phase::Checking => "checking",
    }
}

/// Imports several drawings as one scenario with one level per file, bottom
/// to top in the order given: `files` an array of Uint8Array, `options` an
/// array of import options (as [`import_drawing`] takes them), one per file.
/// Answers `{scenario: JSON text, report}` as [`import_drawing`], the report
/// with `levels` (one line per level). Throws the import's error naming the
/// file. Meant for a Web Worker.
#[wasm_bindgen(js_name = importDrawings)]
pub fn import_drawings(
    files: Array,
    options: Array,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    use wasm_bindgen::JsCast;
    guard()?;
    if files.length() != options.length() {
        return Err(js_error(format!(
            "importDrawings: {} files but {} options (one each)",
            files.length(),
            options.length()
        )));
    }
    let mut list = Vec::with_capacity(files.length() as usize);
    for (i, (f, o)) in files.iter().zip(options.iter()).enumerate() {
        let bytes = f
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| js_error(format!("importDrawings: files[{i}] is not a Uint8Array")))?
            .to_vec();
        list.push((bytes, import_options(o)?));
    }
    let borrowed: Vec<(&[u8], crate::import::ImportOptions)> = list
        .iter()
        .map(|(b, o)| (b.as_slice(), o.clone()))
        .collect();
    let progress = JsProgress::new(progress.as_ref());
    let mut report =
        |p: crate::import::Progress| progress.tell(import_phase_name(p.phase), p.done, p.total);
    let imported = crate::import::import_files(&borrowed, &mut report).map_err(js_error);
    let imported = progress.finish("importDrawings", imported)?;
    imported_to_js(&imported)
}

/// The georeference that puts plan point (ax, ay) at (lonA, latA) and turns
/// the plan so that (bx, by) lies towards (lonB, latB): `{origin: [lon, lat],
/// rotation_deg, scale}` where `scale` is ground over plan distance (1 when
/// the plan's scale is right). Throws when the points coincide.
#[wasm_bindgen(js_name = georeferenceFromTwoPoints)]
#[allow(clippy::too_many_arguments)]
pub fn georeference_from_two_points(
    ax: f64,
    ay: f64,
    lon_a: f64,
    lat_a: f64,
    bx: f64,
    by: f64,
    lon_b: f64,
    lat_b: f64,
) -> Result<JsValue, JsError> {
    guard()?;
    let (g, scale) = crate::scenario::Georeference::from_two_points(
        Point::new(ax, ay),
        [lon_a, lat_a],
        Point::new(bx, by),
        [lon_b, lat_b],
    )
    .ok_or_else(|| js_error("the two points must differ, on the plan and on the ground"))?;
    let out = js_sys::Object::new();
    let origin: Array = g.origin.iter().map(|&v| JsValue::from_f64(v)).collect();
    set(&out, "origin", &origin)?;
    set(&out, "rotation_deg", &JsValue::from_f64(g.rotation_deg))?;
    set(&out, "scale", &JsValue::from_f64(scale))?;
    Ok(out.into())
}

#[wasm_bindgen]
impl Scene {
    /// The scene as GeoJSON text: walls, zones, cameras, views and blind
    /// spots, WGS84 when the plan is georeferenced, plan metres otherwise
    /// (and the file says so), exactly as `blindspot export`.
    #[wasm_bindgen(js_name = exportGeoJson)]
    pub fn export_geojson(&self) -> Result<String, JsError> {
        guard()?;
        Ok(crate::export::geojson(&self.session))
    }
}

// ---- Security analysis (docs/security.md): structured results through
// serde-wasm-bindgen, geometry as flat typed arrays. ----

fn flat(polygons: &[Polygon]) -> FlatShapes {
    let mut out = FlatShapes::new();
    for p in polygons {
        out.push_polygon(p);
    }
    out
}

#[wasm_bindgen]
impl Scene {
    /// The security audit: headline, openings riskiest first, cameras missing
    /// their nearest opening, zones with a required level, cameras by what
    /// their failure costs, the area seen by 0/1/2/3+ cameras (its cost is in
    /// docs/performance.md).
    #[wasm_bindgen(unchecked_return_type = "Audit")]
    pub fn audit(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&crate::analysis::audit(&self.session))
    }

    /// The openings alone, `{openings_met, openings_audited, openings,
    /// cameras_missing_nearest_opening}` as in `audit()`: cheap enough to
    /// follow a camera drag.
    #[wasm_bindgen(js_name = auditOpenings, unchecked_return_type = "OpeningsAudit")]
    pub fn audit_openings(&self) -> Result<JsValue, JsError> {
        guard()?;
        let plan = self
            .opening_plan
            .get_or_init(|| crate::analysis::OpeningPlan::new(&self.session));
        to_js(&crate::analysis::audit_openings_with(&self.session, plan))
    }

    /// The parts of zones seen, but below their required level, as polygons
    /// (the shortfall hatch).
    #[wasm_bindgen(js_name = shortfallLayer)]
    pub fn shortfall_layer(&self) -> Result<FlatShapes, JsError> {
        guard()?;
        let pieces = crate::analysis::shortfall_pieces(&self.session);
        let polygons: Vec<Polygon> = pieces.into_iter().map(|p| p.polygon).collect();
        Ok(flat(&polygons))
    }

    /// The places seen by at least `k` cameras, k = 1, 2 or 3 (each includes
    /// the next; the blind spots are the rest).
    #[wasm_bindgen(js_name = countLayer)]
    pub fn count_layer(&self, k: f64) -> Result<FlatShapes, JsError> {
        guard()?;
        let k = match k {
            1.0 => 0,
            2.0 => 1,
            3.0 => 2,
            other => {
                return Err(js_error(format!(
                    "countLayer: k is 1, 2 or 3, found {other}"
                )));
            }
        };
        let layer = crate::analysis::count_layer(&self.session);
        Ok(flat(&layer.at_least[k]))
    }

    /// The places seen by at least 1, 2 and 3 cameras, from one pass (what
    /// `countLayer(k)` gives for each k).
    #[wasm_bindgen(js_name = countLayers)]
    pub fn count_layers(&self) -> Result<Vec<FlatShapes>, JsError> {
        guard()?;
        let layer = crate::analysis::count_layer(&self.session);
        Ok(layer.at_least.iter().map(Vec::as_slice).map(flat).collect())
    }

    /// What turns blind if camera `i` fails: the places only it sees.
    #[wasm_bindgen(js_name = failureLayer)]
    pub fn failure_layer(&self, i: f64) -> Result<FlatShapes, JsError> {
        guard()?;
        let i = index(i, "failureLayer")?;
        if i >= self.session.scenario().cameras.len() {
            return Err(js_error(format!(
                "failureLayer: no camera {i} (the scene has {})",
                self.session.scenario().cameras.len()
            )));
        }
        Ok(flat(&crate::analysis::unique_region(&self.session, i)))
    }

    /// Routes on foot from the outside of opening `from` to zone `to`: least
    /// watched, fastest, most vulnerable with P(I), the best single change.
    /// `resolution_m`: the walk grid's cell size (0.25 is the default).
    #[wasm_bindgen(unchecked_return_type = "RouteReport")]
    pub fn route(&self, from: &str, to: &str, resolution_m: f64) -> Result<JsValue, JsError> {
        guard()?;
        self.route_from(
            &crate::analysis::Start::Opening(from.to_string()),
            to,
            resolution_m,
        )
    }

    /// Routes from the plan point (`x`, `y`) to zone `to` (see `route`).
    #[wasm_bindgen(js_name = routeFromPoint, unchecked_return_type = "RouteReport")]
    pub fn route_from_point(
        &self,
        x: f64,
        y: f64,
        to: &str,
        resolution_m: f64,
    ) -> Result<JsValue, JsError> {
        guard()?;
        if !(x.is_finite() && y.is_finite()) {
            return Err(js_error(format!(
                "routeFromPoint: ({x}, {y}) is not a point"
            )));
        }
        self.route_from(
            &crate::analysis::Start::Point(Point::new(x, y)),
            to,
            resolution_m,
        )
    }
}

impl Scene {
    fn route_from(
        &self,
        start: &crate::analysis::Start,
        to: &str,
        resolution_m: f64,
    ) -> Result<JsValue, JsError> {
        let options = crate::analysis::RouteOptions {
            resolution_m,
            ..Default::default()
        };
        let report =
            crate::analysis::route(&self.session, start, to, &options).map_err(js_error)?;
        to_js(&report)
    }
}

// ---- Levels: a site of several levels in the page (docs/wasm-api.md, "Levels").
// The page keeps one `Scene` per level, each built from the level's slice
// (`Scenario::level_slice`), and a `SiteFigures` that adds the levels' figures
// up with the core's one summation (`crate::site::sum_headlines`). ----

/// A scenario file of any number of levels, read and validated as a whole.
/// Each level becomes a `Scene` of its own (`levelScene`); a file of one level
/// becomes its one scene (`intoScene`), exactly as `Scene.load` would load it.
#[wasm_bindgen]
#[derive(Debug)]
pub struct SiteFile {
    scenario: crate::scenario::Scenario,
    warnings: crate::scenario::Problems,
}

#[wasm_bindgen]
impl SiteFile {
    /// Parses and validates a scenario (every level of it); throws with every
    /// problem found, as `Scene.load`.
    pub fn parse(text: &str) -> Result<SiteFile, JsError> {
        guard()?;
        let (scenario, warnings) = crate::scenario::Scenario::from_json(text).map_err(invalid)?;
        test_hook(&scenario.name);
        Ok(SiteFile { scenario, warnings })
    }

    /// How many levels the file has (1 for a file without `levels`).
    #[wasm_bindgen(js_name = levelCount)]
    pub fn level_count(&self) -> usize {
        self.scenario.levels().len()
    }

    /// The levels, bottom to top (`{id, name, elevation_m}`; one implicit level,
    /// id `plan`, for a file without `levels`).
    #[wasm_bindgen(unchecked_return_type = "SiteLevel[]")]
    pub fn levels(&self) -> Result<JsValue, JsError> {
        guard()?;
        to_js(&self.scenario.levels())
    }

    /// The whole scenario as the core holds it (canonical JSON, every level).
    #[wasm_bindgen(js_name = scenarioJson)]
    pub fn scenario_json(&self) -> Result<String, JsError> {
        guard()?;
        Ok(self.scenario.to_json())
    }

    /// Repairs made while reading, as messages.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        guard()?;
        let list: Vec<String> = self.warnings.list.iter().map(|p| p.to_string()).collect();
        to_js(&list)
    }

    /// Level `id` prepared and computed on its own: a scene of the level's slice
    /// (its walls, zones and cameras). Throws when no level has that id, or with
    /// the level's preparation problem (named at its place in the whole file,
    /// with the level).
    #[wasm_bindgen(js_name = levelScene)]
    pub fn level_scene(&self, id: &str) -> Result<Scene, JsError> {
        guard()?;
        let slice = self
            .scenario
            .level_slice(id)
            .ok_or_else(|| js_error(format!("levelScene: no level \"{id}\" in the file")))?;
        let session = Session::new(slice, crate::scenario::Problems::default())
            .map_err(|e| invalid(crate::site::in_file(&self.scenario, id, e)))?;
        Ok(Scene::from(session))
    }

    /// The scene of a file of one level (this handle is used up): the same
    /// scene `Scene.load` gives for the same text. Throws for a file of several
    /// levels (use `levelScene` for each).
    #[wasm_bindgen(js_name = intoScene)]
    pub fn into_scene(self) -> Result<Scene, JsError> {
        guard()?;
        let session = Session::new(self.scenario, self.warnings).map_err(invalid)?;
        Ok(Scene::from(session))
    }
}

/// What the site's sum needs of one level's scene.
#[derive(Debug)]
struct LevelFigures {
    summary: crate::report::Summary,
    cameras: Vec<Camera>,
    pole_sites: Vec<crate::scenario::PoleSite>,
}

/// The figures of each level of a site and of the whole site, from each
/// level's scene: the page tells it a level's scene when that scene changed
/// (`setLevel`), and reads any level's headline and the site's. A drag on one
/// level recomputes only that level's summary; the other levels' are kept.
#[wasm_bindgen]
#[derive(Debug)]
pub struct SiteFigures {
    ids: Vec<String>,
    levels: Vec<Option<LevelFigures>>,
    /// The catalogue and settings of the scene told last (every level shares them).
    shared: Option<(Vec<crate::scenario::CameraModel>, crate::scenario::Settings)>,
}

#[wasm_bindgen]
impl SiteFigures {
    /// A site of these levels (their ids, bottom to top), none computed yet.
    #[wasm_bindgen(constructor)]
    pub fn new(level_ids: Vec<String>) -> Result<SiteFigures, JsError> {
        guard()?;
        if level_ids.is_empty() {
            return Err(js_error("SiteFigures: a site has at least one level"));
        }
        let levels = level_ids.iter().map(|_| None).collect();
        Ok(SiteFigures {
            ids: level_ids,
            levels,
            shared: None,
        })
    }

    fn index_of(&self, id: &str, what: &str) -> Result<usize, JsError> {
        self.ids
            .iter()
            .position(|l| l == id)
            .ok_or_else(|| js_error(format!("{what}: no level \"{id}\" in this site")))
    }

    /// Level `id`'s figures are now those of `scene` (its summary is computed
    /// here, once).
    #[wasm_bindgen(js_name = setLevel)]
    pub fn set_level(&mut self, id: &str, scene: &Scene) -> Result<(), JsError> {
        guard()?;
        let k = self.index_of(id, "setLevel")?;
        let scenario = scene.session.scenario();
        self.levels[k] = Some(LevelFigures {
            summary: scene.session.summary(),
            cameras: scenario.cameras.clone(),
            pole_sites: scenario.pole_sites.clone(),
        });
        self.shared = Some((scenario.catalog.clone(), scenario.settings.clone()));
        Ok(())
    }

    /// Level `id`'s live figures during a drag on it: the scene's lean totals
    /// (as `Scene.totals`) patched into the figures last told (its zones and
    /// camera count are those of the drag's start), so a drag frame computes no
    /// camera's figures; a full `setLevel` when the zones or cameras differ.
    #[wasm_bindgen(js_name = setLevelLive)]
    pub fn set_level_live(&mut self, id: &str, scene: &Scene) -> Result<(), JsError> {
        guard()?;
        let k = self.index_of(id, "setLevelLive")?;
        let scenario = scene.session.scenario();
        let totals = crate::report::totals(&scene.session);
        let Some(level) = self.levels[k].as_mut() else {
            return self.set_level(id, scene);
        };
        let same_zones = totals.zones.len() == level.summary.zones.len()
            && totals
                .zones
                .iter()
                .zip(&level.summary.zones)
                .all(|(t, z)| t.id == z.id);
        if !same_zones || scenario.cameras.len() != level.summary.cameras.len() {
            return self.set_level(id, scene);
        }
        for (z, t) in level.summary.zones.iter_mut().zip(&totals.zones) {
            z.covered_area_m2 = t.covered_area_m2;
            z.coverage = t.coverage;
            z.required_coverage = t.required_coverage;
            z.multi_covered_area_m2 = t.multi_covered_area_m2;
        }
        level.summary.overall = totals.overall;
        // Positions matter to the cost account (the pole sites holding cameras).
        level.cameras = scenario.cameras.clone();
        Ok(())
    }

    /// Forgets level `id`'s figures (its scene is being rebuilt): the site's
    /// headline waits for it.
    #[wasm_bindgen(js_name = clearLevel)]
    pub fn clear_level(&mut self, id: &str) -> Result<(), JsError> {
        let k = self.index_of(id, "clearLevel")?;
        self.levels[k] = None;
        Ok(())
    }

    /// True when every level's figures are in.
    pub fn complete(&self) -> bool {
        self.levels.iter().all(Option::is_some)
    }

    /// Level `id`'s headline, or undefined while it is not computed.
    #[wasm_bindgen(js_name = levelHeadline, unchecked_return_type = "Headline | undefined")]
    pub fn level_headline(&self, id: &str) -> Result<JsValue, JsError> {
        guard()?;
        let k = self.index_of(id, "levelHeadline")?;
        match &self.levels[k] {
            Some(l) => to_js(&crate::site::level_headline(&l.summary)),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The whole site's headline (areas summed over the levels, percentages of
    /// the sums, one cost account over every level's cameras), or undefined
    /// while a level is not computed. Throws when the levels were computed
    /// with different density levels (a level's scene is stale).
    #[wasm_bindgen(js_name = siteHeadline, unchecked_return_type = "Headline | undefined")]
    pub fn site_headline(&self) -> Result<JsValue, JsError> {
        guard()?;
        let (Some(levels), Some((catalog, settings))) = (
            self.levels
                .iter()
                .map(Option::as_ref)
                .collect::<Option<Vec<_>>>(),
            self.shared.as_ref(),
        ) else {
            return Ok(JsValue::UNDEFINED);
        };
        let density = settings.levels_densest_first();
        if let Some(k) = levels
            .iter()
            .position(|l| l.summary.levels.len() != density.len())
        {
            return Err(js_error(format!(
                "siteHeadline: level \"{}\" was computed with {} density levels, the site has {}; set it again",
                self.ids[k],
                levels[k].summary.levels.len(),
                density.len()
            )));
        }
        // The one cost account of the whole site, as `Site` keeps it: every
        // level's cameras and pole sites in one scenario.
        let costs = crate::report::costs(&crate::scenario::Scenario {
            blindspot: crate::scenario::FORMAT_VERSION,
            name: String::new(),
            levels: Vec::new(),
            connections: Vec::new(),
            plan: crate::scenario::Plan::default(),
            catalog: catalog.clone(),
            cameras: levels.iter().flat_map(|l| l.cameras.clone()).collect(),
            detectors: Vec::new(),
            settings: settings.clone(),
            options: Vec::new(),
            underlay: None,
            pole_sites: levels.iter().flat_map(|l| l.pole_sites.clone()).collect(),
        });
        let summaries: Vec<&crate::report::Summary> = levels.iter().map(|l| &l.summary).collect();
        to_js(&crate::site::sum_headlines(&summaries, &density, costs))
    }
}
