//! A loaded scenario kept live for editing: the prepared plan, each camera's view
//! and the coverage, updated incrementally when a camera changes.
//!
//! The command line builds one and asks for a report; the browser keeps one and
//! applies edits to it while the user drags.

use crate::coverage::{BlindSpot, Coverage, ViewShape};
use crate::geometry::{Anchor, Bounds, Point, Polygon, Tolerances, segment_distance_squared};
use crate::plan::{Mesh, PlanError, PreparedPlan, RoomAt, plan_bounds, room_at, room_mesh};
use crate::report::{self, Report, Summary};
use crate::scenario::{Camera, InvalidScenario, Problems, Scenario, check_camera};
use crate::view::{Expander, View, camera_view};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

mod reach;
mod snapshot;
use reach::Region;
pub use snapshot::{MAGIC, SNAPSHOT_VERSION, SnapshotError, build_fingerprint};

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
    /// (A `OnceLock` and an `Arc`, not a `RefCell` and an `Rc`: a session is
    /// `Send` and `Sync`, so a site computes its levels on several threads
    /// natively.)
    blind_spots: OnceLock<Arc<Vec<BlindSpot>>>,
    /// The mesh of every wall for [`Session::room_at`]; built on the first
    /// query, dropped when the plan changes.
    rooms: OnceLock<Arc<Mesh>>,
}

/// The room around a point as the page receives it (see [`Session::room_at`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomFound {
    /// `"room"`; `"open"` when no closed room contains the point (the walls
    /// around it leave a gap to the outside, or there are none); `"on_wall"`.
    pub found: &'static str,
    /// The room's outline, counter-clockwise, world coordinates, open ring
    /// (empty unless a room was found).
    pub polygon: Vec<Point>,
    /// Its holes (pillars, cases drawn as walls), clockwise.
    pub holes: Vec<Vec<Point>>,
    /// The room's floor area (outline minus holes), m².
    pub area_m2: f64,
}

impl From<RoomAt> for RoomFound {
    fn from(room: RoomAt) -> RoomFound {
        let (found, polygon, area_m2) = match room {
            RoomAt::Room { polygon, area } => ("room", polygon, area),
            RoomAt::Open => ("open", Polygon::default(), 0.0),
            RoomAt::OnWall => ("on_wall", Polygon::default(), 0.0),
        };
        RoomFound {
            found,
            polygon: polygon.exterior,
            holes: polygon.holes,
            area_m2,
        }
    }
}

/// What [`Session::set_plan`] redid (tests, the benchmark and the page read it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PlanEdit {
    /// Views computed again (the cameras whose reach meets a changed wall or zone,
    /// or whose view overlaps a triangle the new mesh cuts differently).
    pub views: usize,
    /// The cameras whose view changed, in camera order (those of `views` that
    /// came out different by a bit or more): every other camera's view (and so
    /// its layers and figures) is exactly what it was, which lets the page fetch
    /// and redraw only these.
    pub cameras: Vec<usize>,
    /// True when the zones changed and the coverage was rebuilt from them.
    pub zones_rebuilt: bool,
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
    /// A scenario of several levels (a session is one plan: a site is computed
    /// level by level, [`crate::site`]); walls the core cannot prepare (see
    /// [`PreparedPlan::new`]): validation rules out every case seen so far, so
    /// this names the wall rather than guess.
    pub fn new(scenario: Scenario, warnings: Problems) -> Result<Session, InvalidScenario> {
        one_plan(&scenario)?;
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
            blind_spots: OnceLock::new(),
            rooms: OnceLock::new(),
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
        self.blind_spots = OnceLock::new();
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
            blind_spots: OnceLock::new(),
            rooms: self.rooms.clone(),
        };
        session.recompute();
        Ok(session)
    }

    /// Replaces the plan (walls and zones) with `scenario`'s, which must be this
    /// session's scenario with another plan, validated (see
    /// [`Scenario::with_plan_json`]): the live path of a wall or zone edit.
    ///
    /// The walls are prepared again (noding and triangulation: the whole plan);
    /// only the cameras whose reach meets a changed wall or zone, or whose view
    /// overlaps a triangle the new mesh cuts differently, get a new view (every
    /// other view is bit for bit what a fresh load computes),
    /// and the coverage keeps its zones' cells when the zones are unchanged, so
    /// that only the cells those views touch are measured again.
    ///
    /// The plan-local anchor stays where it was while it lies within the plan
    /// (moving it would move every view): figures then agree with a fresh load of
    /// the same scenario to rounding.
    ///
    /// # Errors
    /// Walls the core cannot prepare, as [`Session::new`]. Nothing changes on an
    /// error: the edit is never half-applied.
    pub fn set_plan(&mut self, scenario: Scenario) -> Result<PlanEdit, InvalidScenario> {
        one_plan(&scenario)?;
        let bounds = plan_bounds(&scenario.plan);
        let old_anchor = self.plan.anchor;
        let zones_same = scenario.plan.zones == self.scenario.plan.zones;
        let anchor = if zones_same && bounds.contains(old_anchor.origin) {
            old_anchor
        } else {
            Anchor::of_bounds(bounds)
        };
        let plan = PreparedPlan::anchored(&scenario.plan, Tolerances::default(), anchor)
            .map_err(|e| plan_problem(&scenario, e))?;
        // Nothing below can fail. Other local coordinates or tolerances move or
        // re-snap every view.
        let same_frame = anchor == old_anchor
            && plan.tolerances.snap_m.to_bits() == self.plan.tolerances.snap_m.to_bits()
            && plan.tolerances.mount_m.to_bits() == self.plan.tolerances.mount_m.to_bits();
        let dirty = if same_frame {
            Some(changed_parts(&self.scenario.plan, &scenario.plan))
        } else {
            None
        };
        // A view walks the triangles its sector meets and casts rays at their
        // corners (a corner beyond the range still puts a vertex on the range's
        // edge), so a triangle the new mesh cuts differently changes every view
        // that entered it, walls or not. A view enters a triangle only through an
        // edge it sees, so it meets the triangle: a changed triangle that does not
        // meet the view's ring (within a margin, src/session/reach.rs) leaves the
        // view as it was (tests/incremental_plan.rs checks this bit for bit).
        let changed_tris = if dirty.is_some() {
            changed_triangles(&self.plan.mesh, &plan.mesh)
        } else {
            Vec::new()
        };
        let old_scenario = std::mem::replace(&mut self.scenario, scenario);
        self.plan = plan;
        self.rooms = OnceLock::new();
        self.blind_spots = OnceLock::new();
        let mut edit = PlanEdit::default();
        if !zones_same {
            self.zone_shapes = self.scenario.plan.zones.iter().map(|z| z.shape()).collect();
            self.coverage = Coverage::new(&self.scenario.plan.zones, self.levels.len(), anchor);
            edit.zones_rebuilt = true;
        }
        let Some(dirty) = dirty else {
            self.recompute();
            edit.views = self.views.len();
            edit.cameras = (0..self.views.len()).collect();
            return Ok(edit);
        };
        let pieces: Vec<[Point; 2]> = dirty
            .pieces
            .iter()
            .map(|&[a, b]| [anchor.to_local(a), anchor.to_local(b)])
            .collect();
        let pieces_box = Bounds::of_points(dirty.pieces.iter().flatten());
        // Noding moves a wall by up to the snap distance; touching counts.
        let margin = self.plan.tolerances.snap_m * 4.0;
        let mount = self.plan.tolerances.mount_m + margin;
        let mut old_bounds = Bounds::EMPTY;
        let mut new_bounds = Bounds::EMPTY;
        for i in 0..self.scenario.cameras.len() {
            // A view reaches no further than its far edge on the floor (a tilted
            // camera's is short of its range); that edge is optics, not walls.
            let far = self.views[i].far_m;
            let reach = self.scenario.spec(&self.scenario.cameras[i]).map(|spec| {
                let reach = if far > 0.0 {
                    far.min(spec.range_m)
                } else {
                    spec.range_m
                };
                // The chord polygon of the range keeps the sector's area, so its
                // corners lie a little outside the circle: a margin covers them.
                let r = reach.max(0.0) * 1.05 + self.plan.tolerances.snap_m * 4.0;
                Bounds {
                    min: Point::new(spec.position.x - r, spec.position.y - r),
                    max: Point::new(spec.position.x + r, spec.position.y + r),
                }
            });
            // Zones decide the side a camera on a wall sees: any in reach counts.
            let zones_near = reach.is_some_and(|r| r.intersects(&dirty.zones));
            let ring = &self.views[i].local.ring;
            let affected = if ring.len() >= 3 {
                // The view's walk stays within its ring (it enters a triangle only
                // through an edge it sees), and where sight starts depends on the
                // walls within the mount distance of the camera.
                let region = Region::new(ring);
                let at = self.scenario.cameras[i].position;
                let at = anchor.to_local(Point::new(at.x, at.y));
                // The broad test first (a moved wall within the camera's range, a
                // re-cut triangle overlapping the view's box): the narrower walk
                // test alone missed a view on a random generated plan (seed 849109,
                // mounted, in tests/incremental_plan.rs), so it only adds to it
                // until that miss is understood.
                let seen = Bounds::of_points(ring);
                zones_near
                    || reach.is_some_and(|r| r.intersects(&pieces_box))
                    || changed_tris
                        .iter()
                        .any(|(t, _)| overlaps(&Bounds::of_points(t), &seen))
                    || pieces
                        .iter()
                        .any(|&[a, b]| segment_distance_squared(a, b, at) <= mount * mount)
                    || changed_tris
                        .iter()
                        .any(|(t, walls)| region.may_walk(t, *walls, at, mount, margin))
            } else {
                // No view to bound the walk by: where it could reach.
                let seen = reach.map_or(Bounds::EMPTY, |r| Bounds {
                    min: anchor.to_local(r.min),
                    max: anchor.to_local(r.max),
                });
                zones_near
                    || reach.is_some_and(|r| r.intersects(&pieces_box))
                    || changed_tris
                        .iter()
                        .any(|(t, _)| overlaps(&Bounds::of_points(t), &seen))
            };
            if !affected {
                continue;
            }
            let (view, shape) = self.compute_view(i);
            edit.views += 1;
            // Recomputed but the same to the bit (the edit was out of its sight):
            // neither its cells nor the page's copy need a change.
            if view.same_bits(&self.views[i]) {
                continue;
            }
            old_bounds = old_bounds.union(self.shapes[i].bounds);
            new_bounds = new_bounds.union(shape.bounds);
            self.views[i] = view;
            self.shapes[i] = shape;
            edit.cameras.push(i);
        }
        drop(old_scenario);
        if edit.zones_rebuilt {
            self.recompute_coverage();
        } else if !edit.cameras.is_empty() {
            self.refresh_area(old_bounds, new_bounds);
        }
        Ok(edit)
    }

    /// Moves every wall vertex at `from` to `to` (the page's corner drag; see
    /// [`Scenario::with_corner_moved`] for what is checked), then applies the
    /// plan as [`Session::set_plan`] does.
    ///
    /// # Errors
    /// As [`Scenario::with_corner_moved`] and [`Session::set_plan`]; nothing
    /// changes on an error.
    pub fn move_corner(&mut self, from: Point, to: Point) -> Result<PlanEdit, InvalidScenario> {
        let (next, _) = self.scenario.with_corner_moved(from, to)?;
        self.set_plan(next)
    }

    /// The room around world point `p`: the face of the wall graph containing it
    /// (every wall kind bounds a room; see [`crate::plan::RoomAt`]), in world
    /// coordinates.
    ///
    /// # Errors
    /// Walls the core cannot triangulate (as [`Session::new`]; never seen after
    /// validation).
    pub fn room_at(&self, p: Point) -> Result<RoomAt, InvalidScenario> {
        let mesh = {
            match self.rooms.get() {
                Some(mesh) => mesh.clone(),
                None => {
                    let mesh = room_mesh(
                        &self.scenario.plan,
                        self.plan.tolerances.snap_m,
                        self.plan.anchor,
                    )
                    .map_err(|e| plan_problem(&self.scenario, e))?;
                    self.rooms.get_or_init(|| Arc::new(mesh)).clone()
                }
            }
        };
        let anchor = self.plan.anchor;
        Ok(match room_at(&mesh, anchor.to_local(p)) {
            RoomAt::Room { polygon, area } => RoomAt::Room {
                polygon: Polygon {
                    exterior: anchor.ring_to_world(&polygon.exterior),
                    holes: polygon
                        .holes
                        .iter()
                        .map(|h| anchor.ring_to_world(h))
                        .collect(),
                },
                area,
            },
            other => other,
        })
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

    /// Each camera's view prepared for the coverage's overlays (as the
    /// coverage was last updated with), in camera order.
    pub fn view_shapes(&self) -> &[ViewShape] {
        &self.shapes
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
        self.blind_spots = OnceLock::new();
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
    pub fn blind_spots(&self) -> Arc<Vec<BlindSpot>> {
        self.blind_spots
            .get_or_init(|| Arc::new(self.coverage.blind_spots()))
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

/// What differs between two plans (world coordinates): the opaque wall pieces
/// in one and not the other, and the box around the zones that changed (empty
/// when nothing that matters for sight or zones changed: a door's kind between
/// two closed kinds, an id).
struct ChangedParts {
    pieces: Vec<[Point; 2]>,
    zones: Bounds,
}

fn changed_parts(old: &crate::scenario::Plan, new: &crate::scenario::Plan) -> ChangedParts {
    use std::collections::HashMap;
    type Key = [u64; 4];
    let pieces = |plan: &crate::scenario::Plan| {
        let mut out: HashMap<Key, i32> = HashMap::new();
        for w in plan.walls.iter().filter(|w| w.blocks_sight()) {
            for p in w.path.windows(2) {
                let (a, b) = if (p[0].x, p[0].y) <= (p[1].x, p[1].y) {
                    (p[0], p[1])
                } else {
                    (p[1], p[0])
                };
                *out.entry([a.x.to_bits(), a.y.to_bits(), b.x.to_bits(), b.y.to_bits()])
                    .or_default() += 1;
            }
        }
        out
    };
    let (a, b) = (pieces(old), pieces(new));
    let mut out = ChangedParts {
        pieces: Vec::new(),
        zones: Bounds::EMPTY,
    };
    let piece = |k: &Key| {
        [
            Point::new(f64::from_bits(k[0]), f64::from_bits(k[1])),
            Point::new(f64::from_bits(k[2]), f64::from_bits(k[3])),
        ]
    };
    for (k, n) in &a {
        if b.get(k) != Some(n) {
            out.pieces.push(piece(k));
        }
    }
    for (k, n) in &b {
        if a.get(k) != Some(n) {
            out.pieces.push(piece(k));
        }
    }
    // Zones decide which side a camera on a wall sees.
    for (i, z) in old.zones.iter().enumerate() {
        if new.zones.get(i) != Some(z) {
            for p in z.polygon.iter().chain(z.holes.iter().flatten()) {
                out.zones.extend(*p);
            }
        }
    }
    for (i, z) in new.zones.iter().enumerate() {
        if old.zones.get(i) != Some(z) {
            for p in z.polygon.iter().chain(z.holes.iter().flatten()) {
                out.zones.extend(*p);
            }
        }
    }
    out
}

/// The corners (plan-local) and wall edges of every triangle that is in one
/// mesh and not the other: a triangle is the same when its corners in the same turning order,
/// its wall edges and its enclosed flag are (its index in the mesh does not
/// matter).
fn changed_triangles(old: &Mesh, new: &Mesh) -> Vec<([Point; 3], [bool; 3])> {
    use std::collections::HashMap;
    type Key = ([[u64; 2]; 3], [bool; 3], bool);
    let key = |m: &Mesh, t: usize| -> Key {
        let c = |k: usize| {
            let p = m.corner(t, k);
            [p.x.to_bits(), p.y.to_bits()]
        };
        let corners = [c(0), c(1), c(2)];
        // Start at the smallest corner, keeping the turning order and each edge
        // with the corner it starts at.
        let r = (0..3).min_by_key(|&k| corners[k]).unwrap_or(0);
        let w = m.walls[t];
        (
            [corners[r], corners[(r + 1) % 3], corners[(r + 2) % 3]],
            [w[r], w[(r + 1) % 3], w[(r + 2) % 3]],
            m.enclosed[t],
        )
    };
    let mut count: HashMap<Key, i32> = HashMap::with_capacity(old.tris.len());
    for t in 0..old.tris.len() {
        *count.entry(key(old, t)).or_default() += 1;
    }
    for t in 0..new.tris.len() {
        *count.entry(key(new, t)).or_default() -= 1;
    }
    count
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((corners, walls, _), _)| {
            (
                corners.map(|c| Point::new(f64::from_bits(c[0]), f64::from_bits(c[1]))),
                walls,
            )
        })
        .collect()
}

/// True when the two boxes share some area (touching along an edge or at a
/// corner is not overlapping).
fn overlaps(a: &Bounds, b: &Bounds) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// Refuses a scenario of several levels for what computes one plan (a
/// session, and every command that takes one): computed as one plan it would
/// let sight cross floors and sum every floor as one flat plan. The refusal
/// names the levels and what works across them (a site is computed level by
/// level: [`crate::site`]); this is its one wording, for the page and the
/// command line alike.
///
/// # Errors
/// A scenario of more than one level: one error at `levels`.
pub fn one_plan(scenario: &Scenario) -> Result<(), InvalidScenario> {
    if !scenario.has_several_levels() {
        return Ok(());
    }
    let names: Vec<String> = scenario
        .levels
        .iter()
        .map(|l| format!("{} ({})", l.name, l.id))
        .collect();
    let mut problems = Problems::default();
    problems.error(
        "levels",
        format!(
            "the file has {} levels: {}; one plan is computed at a time (a site is computed level by level: `blindspot report`, `audit`, `route` and `optimize --budget` work across the levels and the site, and the page opens each level as a plan of its own)",
            names.len(),
            names.join(", ")
        ),
    );
    Err(InvalidScenario { problems })
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
