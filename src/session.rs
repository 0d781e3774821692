//! A loaded scenario kept live for editing: the prepared plan, each camera's view
//! and the coverage, updated incrementally when a camera changes.
//!
//! The command line builds one and asks for a report; the browser keeps one and
//! applies edits to it while the user drags.

use crate::coverage::{BlindSpot, Coverage, ViewShape};
use crate::geometry::{Anchor, Bounds, Point, Tolerances};
use crate::plan::{PlanError, PreparedPlan, plan_bounds};
use crate::report::{self, Report, Summary};
use crate::scenario::{Camera, InvalidScenario, Problems, Scenario, check_camera};
use crate::view::{Expander, View, camera_view};
use serde::Serialize;
use std::cell::RefCell;

/// A scenario with its computed views and coverage.
#[derive(Debug)]
pub struct Session {
    scenario: Scenario,
    /// Density levels, densest first (from the settings).
    levels: Vec<crate::scenario::DensityLevel>,
    /// Each zone as a polygon (for picking and labels).
    zone_shapes: Vec<crate::geometry::Polygon>,
    warnings: Problems,
    plan: PreparedPlan,
    expander: Expander,
    views: Vec<View>,
    shapes: Vec<ViewShape>,
    coverage: Coverage,
    /// Blind spots merged across cells; computed on demand, dropped on any edit.
    blind_spots: RefCell<Option<std::rc::Rc<Vec<BlindSpot>>>>,
}

/// What lies under a point of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Picked {
    /// Ids of the zones containing the point.
    pub zones: Vec<String>,
    /// Index into the report's `blind_spots` of the blind spot containing it.
    pub blind_spot: Option<usize>,
}

impl Session {
    /// Prepares a validated scenario and computes everything.
    ///
    /// # Errors
    /// Walls the core cannot prepare (see [`PreparedPlan::new`]); validation
    /// rules out every case seen so far, so this names the wall rather than
    /// guess.
    pub fn new(scenario: Scenario, warnings: Problems) -> Result<Session, InvalidScenario> {
        let anchor = Anchor::of_bounds(plan_bounds(&scenario.plan));
        let plan = PreparedPlan::anchored(&scenario.plan, Tolerances::default(), anchor)
            .map_err(|e| plan_problem(&scenario, e))?;
        let levels = scenario.settings.levels_densest_first();
        let coverage = Coverage::new(&scenario.plan.zones, levels.len(), anchor);
        let mut session = Session {
            levels,
            zone_shapes: scenario.plan.zones.iter().map(|z| z.shape()).collect(),
            scenario,
            warnings,
            plan,
            expander: Expander::default(),
            views: Vec::new(),
            shapes: Vec::new(),
            coverage,
            blind_spots: RefCell::new(None),
        };
        session.recompute();
        Ok(session)
    }

    /// Recomputes every camera's view (not the coverage).
    pub fn recompute_views(&mut self) {
        self.views.clear();
        self.shapes.clear();
        for i in 0..self.scenario.cameras.len() {
            let (view, shape) = self.compute_view(i);
            self.views.push(view);
            self.shapes.push(shape);
        }
    }

    /// Recomputes the coverage of every cell from the current views.
    pub fn recompute_coverage(&mut self) {
        self.coverage.update_all(&self.shapes);
        self.blind_spots.replace(None);
    }

    /// Recomputes every view and all coverage from scratch (the plan itself is
    /// kept prepared).
    pub fn recompute(&mut self) {
        self.recompute_views();
        self.recompute_coverage();
    }

    /// Another layout of the same plan: this session's prepared walls and zones
    /// with other cameras (and name). Much cheaper than loading the whole
    /// scenario again. The cameras are validated like a file's.
    pub fn with_cameras(
        &self,
        name: &str,
        cameras: Vec<Camera>,
    ) -> Result<Session, InvalidScenario> {
        let mut scenario = self.scenario.clone();
        scenario.name = name.to_string();
        scenario.cameras = cameras;
        scenario.options.clear();
        let mut problems = Problems::default();
        let mut seen: Vec<&str> = Vec::new();
        for (i, camera) in scenario.cameras.iter().enumerate() {
            let path = format!("cameras[{i}]");
            check_camera(&scenario, camera, &path, &mut problems);
            if seen.contains(&camera.id.as_str()) {
                problems.error(
                    format!("{path}.id"),
                    format!("duplicate id \"{}\"", camera.id),
                );
            }
            seen.push(&camera.id);
        }
        if problems.has_errors() {
            return Err(InvalidScenario { problems });
        }
        let mut session = Session {
            scenario,
            levels: self.levels.clone(),
            zone_shapes: self.zone_shapes.clone(),
            warnings: Problems::default(),
            plan: self.plan.clone(),
            expander: Expander::default(),
            views: Vec::new(),
            shapes: Vec::new(),
            coverage: self.coverage.clone(),
            blind_spots: RefCell::new(None),
        };
        session.recompute();
        Ok(session)
    }

    /// Reads, validates and prepares a scenario from JSON text.
    pub fn from_json(text: &str) -> Result<Session, InvalidScenario> {
        let (scenario, warnings) = Scenario::from_json(text)?;
        Session::new(scenario, warnings)
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Problems repaired while loading.
    pub fn warnings(&self) -> &Problems {
        &self.warnings
    }

    pub fn plan(&self) -> &PreparedPlan {
        &self.plan
    }

    /// Each camera's view, in camera order.
    pub fn views(&self) -> &[View] {
        &self.views
    }

    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// Density levels, densest first.
    pub fn levels(&self) -> &[crate::scenario::DensityLevel] {
        &self.levels
    }

    fn compute_view(&mut self, index: usize) -> (View, ViewShape) {
        let camera = &self.scenario.cameras[index];
        let px: Vec<f64> = self.levels.iter().map(|l| l.px_per_m).collect();
        let view = match self.scenario.spec(camera) {
            Some(spec) => camera_view(&self.plan, &spec, &px, &mut self.expander),
            None => View::empty(px.len()),
        };
        let shape = self.coverage.view_shape(&view);
        (view, shape)
    }

    /// Recomputes camera `index`'s view and the cells its old or new view touches.
    fn refresh_camera(&mut self, index: usize) {
        let old = self.shapes[index].bounds;
        let (view, shape) = self.compute_view(index);
        let new = shape.bounds;
        self.views[index] = view;
        self.shapes[index] = shape;
        self.refresh_area(old, new);
    }

    fn refresh_area(&mut self, old: Bounds, new: Bounds) {
        let mut dirty = self.coverage.cells_touching(&old);
        dirty.extend(self.coverage.cells_touching(&new));
        dirty.sort_unstable();
        dirty.dedup();
        self.coverage.update(dirty, &self.shapes);
        self.blind_spots.replace(None);
    }

    /// Validates `camera` as camera `index`; `replaces` when it takes the place
    /// of the camera there (its id may then stay the same).
    fn check(&self, camera: &Camera, index: usize, replaces: bool) -> Result<(), InvalidScenario> {
        let mut problems = Problems::default();
        let path = format!("cameras[{index}]");
        check_camera(&self.scenario, camera, &path, &mut problems);
        if let Some((j, _)) = self
            .scenario
            .cameras
            .iter()
            .enumerate()
            .find(|(j, c)| !(replaces && *j == index) && c.id == camera.id)
        {
            problems.error(
                format!("{path}.id"),
                format!("duplicate id \"{}\" (also used by cameras[{j}])", camera.id),
            );
        }
        if problems.has_errors() {
            Err(InvalidScenario { problems })
        } else {
            Ok(())
        }
    }

    fn index_error(&self, index: usize) -> InvalidScenario {
        let mut problems = Problems::default();
        problems.error(
            format!("cameras[{index}]"),
            format!(
                "no such camera: the scenario has {} camera(s)",
                self.scenario.cameras.len()
            ),
        );
        InvalidScenario { problems }
    }

    /// Replaces camera `index`. Nothing changes when the camera is invalid.
    pub fn set_camera(&mut self, index: usize, camera: Camera) -> Result<(), InvalidScenario> {
        if index >= self.scenario.cameras.len() {
            return Err(self.index_error(index));
        }
        self.check(&camera, index, true)?;
        self.scenario.cameras[index] = camera;
        self.refresh_camera(index);
        Ok(())
    }

    /// Moves camera `index` (the fast path of a drag).
    pub fn move_camera(&mut self, index: usize, x: f64, y: f64) -> Result<(), InvalidScenario> {
        let mut camera = self.camera(index)?.clone();
        camera.position = Point::new(x, y);
        self.set_camera(index, camera)
    }

    /// Aims camera `index`: heading, field of view and range (the fast path of a
    /// handle drag). These override the model's values.
    pub fn aim_camera(
        &mut self,
        index: usize,
        heading_deg: f64,
        hfov_deg: f64,
        range_m: f64,
    ) -> Result<(), InvalidScenario> {
        let mut camera = self.camera(index)?.clone();
        camera.heading_deg = heading_deg;
        // Keep following the model (or the lens) where the value still equals
        // what the camera would have without an override of its own.
        let inherited = self.scenario.optics(&Camera {
            hfov_deg: None,
            range_m: None,
            ..camera.clone()
        });
        let same = |a: Option<f64>, b: f64| {
            b.is_finite() && a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
        };
        camera.hfov_deg = (!same(inherited.hfov_deg, hfov_deg)).then_some(hfov_deg);
        camera.range_m = (!same(inherited.range_m, range_m)).then_some(range_m);
        self.set_camera(index, camera)
    }

    fn camera(&self, index: usize) -> Result<&Camera, InvalidScenario> {
        self.scenario
            .cameras
            .get(index)
            .ok_or_else(|| self.index_error(index))
    }

    /// For a camera with a varifocal lens: the focal length (within the lens's
    /// range) that gives horizontal field of view `hfov_deg`, or `None` when the
    /// camera has no varifocal lens with a known sensor.
    pub fn focal_for_hfov(&self, index: usize, hfov_deg: f64) -> Option<f64> {
        let camera = self.scenario.cameras.get(index)?;
        let model = self.scenario.model_of(camera)?;
        let [lo, hi] = model.focal_range_mm?;
        let [width, _] = model.sensor_mm?;
        if !(hfov_deg > 0.0 && hfov_deg < 180.0) {
            return None;
        }
        Some((width / (2.0 * libm::tan(hfov_deg.to_radians() / 2.0))).clamp(lo, hi))
    }

    /// Appends a camera; returns its index.
    pub fn add_camera(&mut self, camera: Camera) -> Result<usize, InvalidScenario> {
        let index = self.scenario.cameras.len();
        self.check(&camera, index, false)?;
        self.scenario.cameras.push(camera);
        self.views.push(View::empty(self.levels.len()));
        self.shapes.push(ViewShape::default());
        self.refresh_camera(index);
        Ok(index)
    }

    /// Inserts a camera at `index` (0..=count), shifting the later ones: undoing
    /// a delete puts the camera back where it was.
    pub fn insert_camera(&mut self, index: usize, camera: Camera) -> Result<(), InvalidScenario> {
        if index > self.scenario.cameras.len() {
            return Err(self.index_error(index));
        }
        self.check(&camera, index, false)?;
        self.scenario.cameras.insert(index, camera);
        self.views.insert(index, View::empty(self.levels.len()));
        self.shapes.insert(index, ViewShape::default());
        self.refresh_camera(index);
        Ok(())
    }

    /// Renames the scenario.
    pub fn set_name(&mut self, name: &str) {
        self.scenario.name = name.to_string();
    }

    /// A point inside each zone, well away from its edges, for its label.
    pub fn zone_label_points(&self) -> Vec<Point> {
        self.zone_shapes
            .iter()
            .map(crate::geometry::label_point)
            .collect()
    }

    /// Removes camera `index`.
    pub fn remove_camera(&mut self, index: usize) -> Result<(), InvalidScenario> {
        self.camera(index)?;
        self.scenario.cameras.remove(index);
        self.views.remove(index);
        let old = self.shapes.remove(index);
        self.refresh_area(old.bounds, Bounds::EMPTY);
        Ok(())
    }

    /// Blind spots merged across cells, largest first (cached until the next edit).
    pub fn blind_spots(&self) -> std::rc::Rc<Vec<BlindSpot>> {
        let mut cache = self.blind_spots.borrow_mut();
        cache
            .get_or_insert_with(|| std::rc::Rc::new(self.coverage.blind_spots()))
            .clone()
    }

    /// The blind spots the report lists (those at or above the size threshold).
    pub fn listed_blind_spots(&self) -> Vec<BlindSpot> {
        let threshold = self.scenario.settings.min_blind_spot_m2;
        self.blind_spots()
            .iter()
            .filter(|b| b.area >= threshold)
            .cloned()
            .collect()
    }

    /// The zones and the listed blind spot at plan point `p`.
    pub fn pick(&self, p: Point) -> Picked {
        let zones = self
            .scenario
            .plan
            .zones
            .iter()
            .zip(&self.zone_shapes)
            .filter(|(_, shape)| shape.bounds().contains(p) && shape.contains(p))
            .map(|(z, _)| z.id.clone())
            .collect();
        let threshold = self.scenario.settings.min_blind_spot_m2;
        let blind_spot = self
            .blind_spots()
            .iter()
            .filter(|b| b.area >= threshold)
            .position(|b| b.polygon.bounds().contains(p) && b.polygon.contains(p));
        Picked { zones, blind_spot }
    }

    /// Totals, per zone and per camera, without polygons (cheap).
    pub fn summary(&self) -> Summary {
        report::summarize(self)
    }

    /// The full report, with view polygons and merged blind spots.
    pub fn report(&self) -> Report {
        report::build(self)
    }
}

/// A plan the core could not prepare, as a problem at the wall it names.
fn plan_problem(scenario: &Scenario, error: PlanError) -> InvalidScenario {
    let path = match &error {
        PlanError::Noding { wall, .. } => scenario
            .plan
            .walls
            .iter()
            .position(|w| &w.id == wall)
            .map_or_else(|| "plan.walls".to_string(), |i| format!("plan.walls[{i}]")),
        PlanError::Mesh(_) | PlanError::Index(_) => "plan.walls".to_string(),
    };
    let mut problems = Problems::default();
    problems.error(path, error.to_string());
    InvalidScenario { problems }
}
