//! The core against the oracle on one case: per-camera view areas and the
//! covered area, through the public API (scenario JSON → `Session` →
//! `report::build`), with a minimizer for failures.

use super::generate::Case;
use super::union::{Shape, covered_area, shape_area};
use super::{Grid, Refusal, V2, view};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Areas must agree within this, relative.
pub const REL: f64 = 1e-9;

/// The core's figures for a scenario file.
#[derive(Clone, Debug)]
pub struct CoreFigures {
    pub views: Vec<f64>,
    pub covered: f64,
}

/// Runs the core on a scenario file; a panic or a refusal is an error.
pub fn core_figures(json: &str) -> Result<CoreFigures, String> {
    let run = || -> Result<CoreFigures, String> {
        let session =
            blindspot::session::Session::from_json(json).map_err(|e| format!("refused: {e}"))?;
        let report = blindspot::report::build(&session);
        Ok(CoreFigures {
            views: report
                .summary
                .cameras
                .iter()
                .map(|c| c.view_area_m2)
                .collect(),
            covered: report.summary.overall.covered_area_m2,
        })
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(format!("panic: {msg}"))
    })
}

/// The oracle's figures, with the view rings in absolute coordinates.
#[derive(Clone, Debug)]
pub struct OracleFigures {
    pub views: Vec<f64>,
    pub rings: Vec<Vec<V2>>,
    pub covered: f64,
    pub target: f64,
}

pub fn oracle_figures(case: &Case) -> Result<OracleFigures, Refusal> {
    let walls = case.opaque_segments();
    let mut views = Vec::new();
    let mut rings = Vec::new();
    for cam in &case.cameras {
        let seen = view(&walls, cam)?;
        views.push(seen.area);
        rings.push(seen.ring.iter().map(|p| p.add(cam.at)).collect::<Vec<_>>());
    }
    let shapes: Vec<Shape> = rings.iter().map(|r| vec![r.clone()]).collect();
    let zones: Vec<Shape> = case.zones.clone();
    let target: f64 = zones.iter().map(shape_area).sum();
    let covered = covered_area(&shapes, &zones);
    Ok(OracleFigures {
        views,
        rings,
        covered,
        target,
    })
}

/// How far apart the two were.
#[derive(Clone, Copy, Debug, Default)]
pub struct Agreement {
    /// Largest |core − oracle| / reference over the cameras' view areas.
    pub view_rel: f64,
    /// |core − oracle| / target area for the covered area.
    pub covered_rel: f64,
    pub cameras: usize,
}

/// The area uncertainty of writing a polygon in floats at the plan's
/// coordinates: each vertex is rounded to the plan's ulp, which moves the area
/// by at most half an ulp times the perimeter. Far below 1e-9 of a view on a
/// well-conditioned plan; it matters for slivers far from the origin.
pub fn rounding_floor(case: &Case, ring: &[V2]) -> f64 {
    let big = case
        .walls
        .iter()
        .flat_map(|w| w.path.iter())
        .chain(case.cameras.iter().map(|c| &c.at))
        .map(|p| p.x.abs().max(p.y.abs()))
        .fold(0.0, f64::max);
    let ulp = big * f64::EPSILON;
    let perimeter: f64 = (0..ring.len())
        .map(|i| ring[(i + 1) % ring.len()].sub(ring[i]).len())
        .sum();
    ulp * perimeter
}

/// The core against the oracle. `Ok(None)` when the oracle is not defined
/// for the case.
pub fn compare(case: &Case) -> Result<Option<Agreement>, String> {
    compare_file(case, &case.to_json())
}

/// As [`compare`], giving the core the scenario file `json` (of `case`).
pub fn compare_file(case: &Case, json: &str) -> Result<Option<Agreement>, String> {
    let expected = match oracle_figures(case) {
        Ok(e) => e,
        Err(Refusal::AmbiguousMount) => return Ok(None),
    };
    let got = core_figures(json)?;
    if got.views.len() != expected.views.len() {
        return Err(format!(
            "{} camera figures, expected {}",
            got.views.len(),
            expected.views.len()
        ));
    }
    let mut agreement = Agreement {
        cameras: case.cameras.len(),
        ..Agreement::default()
    };
    let mut problems = Vec::new();
    for (i, (&g, &w)) in got.views.iter().zip(&expected.views).enumerate() {
        let cam = &case.cameras[i];
        let grid = Grid::of(cam);
        let sector = 0.5
            * cam.range_m
            * cam.range_m
            * if grid.full {
                std::f64::consts::TAU
            } else {
                grid.fov
            };
        let reference = w.max(sector.min(expected.target));
        let err = (g - w).abs();
        agreement.view_rel = agreement.view_rel.max(err / reference);
        let floor = rounding_floor(case, &expected.rings[i]);
        if err.is_nan() || err > REL * reference + case.snap_slack(cam) + floor {
            problems.push(format!(
                "camera c{i}: view {g} m², oracle {w} m² (relative {:.2e})",
                err / reference
            ));
        }
    }
    let err = (got.covered - expected.covered).abs();
    let reference = expected.target;
    agreement.covered_rel = err / reference;
    let slack: f64 = case.cameras.iter().map(|c| case.snap_slack(c)).sum();
    // The core's coverage grid (48 bits, anchored to the plan) gets no
    // allowance: its rounding is some 1e-14 of the target.
    if err.is_nan() || err > REL * reference + slack {
        problems.push(format!(
            "covered {} m², oracle {} m² (relative {:.2e} of the target {} m²)",
            got.covered,
            expected.covered,
            err / reference,
            expected.target
        ));
    }
    if problems.is_empty() {
        Ok(Some(agreement))
    } else {
        Err(problems.join("; "))
    }
}

/// A smaller case that still fails: single cameras first, then walls, then
/// wall pieces, each removed while the failure persists.
pub fn minimize(case: &Case) -> Case {
    // Keep the kind of failure: a panic stays a panic.
    let panics =
        |r: &Result<Option<Agreement>, String>| r.as_ref().is_err_and(|e| e.starts_with("panic"));
    let original = panics(&compare(case));
    let fails = |c: &Case| {
        let r = compare(c);
        !c.cameras.is_empty() && r.is_err() && panics(&r) == original
    };
    let mut best = case.clone();
    for i in 0..case.cameras.len() {
        let mut one = case.clone();
        one.cameras = vec![case.cameras[i]];
        if fails(&one) {
            best = one;
            break;
        }
    }
    let mut i = 0;
    while i < best.walls.len() {
        let mut fewer = best.clone();
        fewer.walls.remove(i);
        if fails(&fewer) {
            best = fewer;
        } else {
            i += 1;
        }
    }
    // Polylines: try keeping single segments.
    let mut i = 0;
    while i < best.walls.len() {
        let path = best.walls[i].path.clone();
        let mut done = false;
        if path.len() > 2 {
            for k in 0..path.len() - 1 {
                let mut piece = best.clone();
                piece.walls[i].path = vec![path[k], path[k + 1]];
                piece.walls.push(crate::oracle::generate::WallSpec {
                    path: path[..=k].to_vec(),
                    ..best.walls[i].clone()
                });
                piece.walls.push(crate::oracle::generate::WallSpec {
                    path: path[k + 1..].to_vec(),
                    ..best.walls[i].clone()
                });
                piece.walls.retain(|w| w.path.len() >= 2);
                if fails(&piece) {
                    best = piece;
                    done = true;
                    break;
                }
            }
        }
        if !done {
            i += 1;
        } else {
            // Walls were re-listed: try removing again from the start.
            let mut j = 0;
            while j < best.walls.len() {
                let mut fewer = best.clone();
                fewer.walls.remove(j);
                if fails(&fewer) {
                    best = fewer;
                } else {
                    j += 1;
                }
            }
            i = 0;
            if best.walls.iter().all(|w| w.path.len() <= 2) {
                break;
            }
        }
    }
    best
}

/// Totals of a run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub cases: u64,
    pub cameras: u64,
    pub view_rel: f64,
    pub covered_rel: f64,
    pub failures: u64,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.cases += o.cases;
        self.cameras += o.cameras;
        self.view_rel = self.view_rel.max(o.view_rel);
        self.covered_rel = self.covered_rel.max(o.covered_rel);
        self.failures += o.failures;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cases, {} cameras, {} failures, largest relative difference: views {:.2e}, covered {:.2e}",
            self.cases, self.cameras, self.failures, self.view_rel, self.covered_rel
        )
    }
}

/// A run of generated cases.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    pub label: &'a str,
    pub first: u64,
    pub count: u64,
    /// Count failures and go on (printing the first few) instead of panicking.
    pub keep_going: bool,
    /// Seeds left out: they fail through known core defects, each kept as an
    /// ignored test with its minimized fixture.
    pub skip: &'a [u64],
}

impl<'a> Run<'a> {
    pub fn new(label: &'a str, count: u64) -> Run<'a> {
        Run {
            label,
            first: 1,
            count,
            keep_going: false,
            skip: &[],
        }
    }

    /// Runs the cases `make(seed)`. A failure prints the minimized scenario.
    pub fn go(&self, make: impl Fn(u64) -> Case) -> Tally {
        let mut t = Tally::default();
        for seed in (self.first..self.first + self.count).filter(|s| !self.skip.contains(s)) {
            let case = make(seed);
            match compare(&case) {
                Ok(Some(a)) => {
                    t.cases += 1;
                    t.cameras += a.cameras as u64;
                    t.view_rel = t.view_rel.max(a.view_rel);
                    t.covered_rel = t.covered_rel.max(a.covered_rel);
                }
                Ok(None) => {}
                Err(e) => {
                    t.cases += 1;
                    t.failures += 1;
                    if self.keep_going && t.failures > 5 {
                        let short: String = e.chars().take(160).collect();
                        println!("{}: {} fails: {short}", self.label, case.name);
                        continue;
                    }
                    let small = minimize(&case);
                    let why = compare(&small).err().unwrap_or(e.clone());
                    let msg = format!(
                        "{}: {} disagrees with the oracle: {e}\nminimized ({why}):\n{}",
                        self.label,
                        case.name,
                        small.to_json()
                    );
                    if self.keep_going {
                        println!("{msg}");
                    } else {
                        panic!("{msg}");
                    }
                }
            }
        }
        t
    }
}
