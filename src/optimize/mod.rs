//! Camera layouts for a goal: the best coverage for a budget, the cheapest
//! layout reaching a coverage target, or the best n cameras; and the whole
//! cost-versus-coverage curve.
//!
//! The objective is priority-weighted coverage at each zone's required density
//! level (plain coverage where none is set), estimated on sample points
//! ([`samples`]); candidates come from walls, corners and a ceiling grid
//! ([`candidates`]); selection is lazy greedy with the best single camera as a
//! guard, then local search ([`select`]). Deterministic for a given seed. The
//! layout found is then reported exactly by the coverage engine.
//!
//! # Guarantees
//! For n cameras, greedy reaches at least (1 - 1/e) of the best possible value
//! of the sampled objective. For a budget, the better of greedy-by-gain-per-cost
//! and the best single camera reaches at least (1 - 1/e)/2 of it. Local search
//! only improves on these. The result also carries an upper bound computed from
//! the marginal gains that remain, so the distance to the optimum is known for
//! each run, not just in the worst case.

pub mod candidates;
pub mod samples;
pub mod select;

use crate::scenario::{Camera, Scenario};
use crate::session::Session;
use candidates::{Candidate, CandidateLimits, Placement, generate_candidates};
use samples::Samples;
use select::{Coverage, Limit, Pricing, Rules, Selection, best_single, lazy_greedy, local_search};
use serde::Serialize;

/// What to optimise for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// The best weighted coverage within this total cost.
    Budget(f64),
    /// The cheapest layout reaching this weighted coverage (0..1).
    TargetCoverage(f64),
    /// The best this many cameras can do.
    Cameras(usize),
}

impl Goal {
    /// The goal if its number makes sense, else what is wrong with it.
    pub fn checked(self) -> Result<Goal, String> {
        match self {
            Goal::Budget(b) if !(b >= 0.0 && b.is_finite()) => {
                Err(format!("budget must be zero or more, found {b}"))
            }
            Goal::TargetCoverage(t) if !(0.0..=1.0).contains(&t) => {
                Err(format!("target coverage is a ratio from 0 to 1, found {t}"))
            }
            goal => Ok(goal),
        }
    }
}

/// What happens to the cameras already in the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Existing {
    /// They stay as they are; new cameras are added (and paid for).
    #[default]
    Keep,
    /// Each may stay where it is at no cost, or be moved (its hardware is
    /// owned: a move costs its installation only), or be dropped.
    Movable,
    /// They are removed; the layout starts from nothing.
    Remove,
}

/// An optimisation request.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub goal: Goal,
    /// Catalogue models allowed for new cameras (all when empty).
    pub models: Vec<String>,
    pub existing: Existing,
    pub placement: Placement,
    /// Minimum distance between cameras, metres.
    pub min_spacing_m: f64,
    pub seed: u64,
    /// Upper limit on candidates (positions x headings x models).
    pub max_candidates: usize,
    /// Sample cell size, metres (grows on large plans).
    pub sample_step_m: f64,
    pub max_samples: usize,
    /// Ids of new cameras are this followed by a number ("new-1"...).
    pub id_prefix: String,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            goal: Goal::Cameras(4),
            models: Vec::new(),
            existing: Existing::Keep,
            placement: Placement::default(),
            min_spacing_m: 1.0,
            seed: 1,
            max_candidates: 2500,
            sample_step_m: 0.25,
            max_samples: 120_000,
            id_prefix: "new-".to_string(),
        }
    }
}

/// A request as JSON (the page's worker sends one), e.g.
/// `{"goal": {"budget": 60000}, "existing": "keep", "seed": 1}`. Every field but
/// `goal` is optional.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestJson {
    goal: GoalJson,
    #[serde(default)]
    models: Vec<String>,
    #[serde(default)]
    existing: Option<Existing>,
    #[serde(default)]
    placement: Option<PlacementJson>,
    min_spacing_m: Option<f64>,
    seed: Option<u64>,
    max_candidates: Option<usize>,
    id_prefix: Option<String>,
}

#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum GoalJson {
    Budget(f64),
    TargetCoverage(f64),
    Cameras(usize),
}

#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacementJson {
    walls: Option<bool>,
    corners: Option<bool>,
    ceiling: Option<bool>,
    #[serde(default)]
    marked: Vec<[f64; 2]>,
    spacing_m: Option<f64>,
    height_m: Option<f64>,
}

impl Request {
    /// Reads a request from JSON; the error says what is wrong.
    pub fn from_json(text: &str) -> Result<Request, String> {
        let r: RequestJson =
            serde_json::from_str(text).map_err(|e| format!("optimisation request: {e}"))?;
        let goal = match r.goal {
            GoalJson::Budget(b) => Goal::Budget(b),
            GoalJson::TargetCoverage(t) => Goal::TargetCoverage(t),
            GoalJson::Cameras(n) => Goal::Cameras(n),
        }
        .checked()?;
        let defaults = Request::default();
        let mut placement = Placement::default();
        if let Some(p) = r.placement {
            placement.walls = p.walls.unwrap_or(placement.walls);
            placement.corners = p.corners.unwrap_or(placement.corners);
            placement.ceiling = p.ceiling.unwrap_or(placement.ceiling);
            placement.marked = p
                .marked
                .iter()
                .map(|&[x, y]| crate::geometry::Point::new(x, y))
                .collect();
            placement.spacing_m = p.spacing_m.unwrap_or(placement.spacing_m);
            placement.height_m = p.height_m.unwrap_or(placement.height_m);
        }
        if !(placement.spacing_m > 0.0 && placement.spacing_m.is_finite()) {
            return Err(format!(
                "placement.spacing_m must be positive, found {}",
                placement.spacing_m
            ));
        }
        if !(0.0..=100.0).contains(&placement.height_m) {
            return Err(format!(
                "placement.height_m must be 0..100 m, found {}",
                placement.height_m
            ));
        }
        let spacing = r.min_spacing_m.unwrap_or(defaults.min_spacing_m);
        if !(spacing >= 0.0 && spacing.is_finite()) {
            return Err(format!(
                "min_spacing_m must be zero or more, found {spacing}"
            ));
        }
        Ok(Request {
            goal,
            models: r.models,
            existing: r.existing.unwrap_or_default(),
            placement,
            min_spacing_m: spacing,
            seed: r.seed.unwrap_or(defaults.seed),
            max_candidates: r
                .max_candidates
                .unwrap_or(defaults.max_candidates)
                .clamp(1, 20_000),
            id_prefix: match r.id_prefix {
                Some(p) if p.trim().is_empty() => return Err("id_prefix is empty".to_string()),
                Some(p) => p,
                None => defaults.id_prefix.clone(),
            },
            ..defaults
        })
    }
}

/// Where the optimiser is, for progress bars and timing by the caller (the
/// core has no clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading the scenario and preparing its plan (reported by callers that
    /// load it, such as the page's worker).
    Loading,
    Sampling,
    CandidateViews,
    Selection,
    LocalSearch,
    Done,
}

/// Progress: phase and how far through it (done of total steps).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

/// The optimiser stopped because the caller asked it to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("optimisation cancelled")]
pub struct Cancelled;

/// What the optimiser found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// The whole camera set of the proposed layout (kept cameras included).
    pub cameras: Vec<Camera>,
    /// Ids of new cameras, of existing ones moved, and of existing ones removed.
    pub added: Vec<String>,
    pub moved: Vec<String>,
    pub removed: Vec<String>,
    /// Cost of the change (new hardware and installations; kept cameras free).
    pub cost: f64,
    /// Weighted coverage estimated on the samples (the exact figure comes from
    /// a report of the layout).
    pub estimated_coverage: f64,
    /// No layout within the same limit can do better than this (sampled).
    pub upper_bound: f64,
    /// The worst-case factor the method guarantees.
    pub guarantee: f64,
    /// For a coverage target: whether it was reached.
    pub target_reached: bool,
    /// Things the user should know (models without prices...).
    pub warnings: Vec<String>,
    pub stats: Stats,
}

/// Sizes and effort.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub samples: usize,
    pub sample_step_m: f64,
    pub candidates: usize,
    pub greedy_evaluations: usize,
    pub local_search_evaluations: usize,
    /// Value after greedy (and guard), before local search.
    pub greedy_value: f64,
}

/// One point of the cost-versus-coverage curve, with its layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    /// The budget this point answers.
    pub budget: f64,
    pub cost: f64,
    pub estimated_coverage: f64,
    /// True where the full optimiser (guard and local search) refined it.
    pub refined: bool,
    pub cameras: Vec<Camera>,
}

/// Everything prepared for a plan: samples and candidates.
pub struct Workspace<'s> {
    session: &'s Session,
    pub samples: Samples,
    pub candidates: Vec<Candidate>,
    pricing: Pricing,
    /// Candidate indices of the cameras kept fixed.
    fixed: Vec<usize>,
    request: Request,
}

impl std::fmt::Debug for Workspace<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("samples", &self.samples.len)
            .field("candidates", &self.candidates.len())
            .finish()
    }
}

/// Progress reports go here; returning false cancels.
pub type ProgressFn<'a> = dyn FnMut(Progress) -> bool + 'a;

impl<'s> Workspace<'s> {
    /// Samples the target and builds the candidates and their footprints.
    pub fn new(
        session: &'s Session,
        request: &Request,
        progress: &mut ProgressFn,
    ) -> Result<Workspace<'s>, Cancelled> {
        let scenario = session.scenario();
        if !progress(Progress {
            phase: Phase::Sampling,
            done: 0,
            total: 1,
        }) {
            return Err(Cancelled);
        }
        let samples = Samples::new(scenario, request.sample_step_m, request.max_samples);
        let existing: Vec<(usize, Camera)> = match request.existing {
            Existing::Remove => Vec::new(),
            _ => scenario.cameras.iter().cloned().enumerate().collect(),
        };
        let limits = CandidateLimits {
            max_candidates: request.max_candidates,
            models: request.models.clone(),
        };
        let (candidates, finished) = generate_candidates(
            session,
            &samples,
            &request.placement,
            &limits,
            &existing,
            request.seed,
            &mut |done, total| {
                progress(Progress {
                    phase: Phase::CandidateViews,
                    done,
                    total,
                })
            },
        );
        if !finished {
            return Err(Cancelled);
        }
        Ok(Workspace::with_candidates(
            session, samples, candidates, request,
        ))
    }

    /// A workspace over given candidates (for tests and custom candidate sets).
    pub fn with_candidates(
        session: &'s Session,
        samples: Samples,
        candidates: Vec<Candidate>,
        request: &Request,
    ) -> Workspace<'s> {
        let scenario = session.scenario();
        let mut owned: Vec<(String, usize)> = Vec::new();
        if request.existing == Existing::Movable {
            for c in &scenario.cameras {
                let m = c.model.clone().unwrap_or_default();
                match owned.iter_mut().find(|(n, _)| *n == m) {
                    Some(entry) => entry.1 += 1,
                    None => owned.push((m, 1)),
                }
            }
        }
        let pricing = Pricing::new(&candidates, &owned);
        let fixed = if request.existing == Existing::Keep {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.existing.is_some())
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        Workspace {
            session,
            samples,
            candidates,
            pricing,
            fixed,
            request: request.clone(),
        }
    }

    fn rules(&self) -> Rules<'_> {
        Rules {
            candidates: &self.candidates,
            pricing: &self.pricing,
            spacing: self.request.min_spacing_m,
        }
    }

    /// Candidates that may be chosen (kept cameras are fixed, not choices).
    fn limit_of(&self, goal: Goal) -> Limit {
        match goal {
            Goal::Budget(b) => Limit::Budget(b + self.fixed_cost()),
            Goal::Cameras(n) => Limit::Count(n + self.fixed.len()),
            Goal::TargetCoverage(t) => Limit::Target(t),
        }
    }

    fn fixed_cost(&self) -> f64 {
        self.pricing.set_cost(&self.candidates, &self.fixed)
    }

    /// The sampled value of a set of candidates (with the fixed ones).
    pub fn value_of(&self, chosen: &[usize]) -> f64 {
        let mut coverage = Coverage::new(&self.samples);
        for &i in self.fixed.iter().chain(chosen) {
            coverage.add(&self.candidates[i].footprint);
        }
        coverage.value
    }

    /// Runs the optimiser for `goal`.
    pub fn optimize(&self, goal: Goal, progress: &mut ProgressFn) -> Result<Proposal, Cancelled> {
        let selection = self.select(goal, true, progress)?;
        Ok(self.proposal(goal, &selection.0, selection.1))
    }

    /// Greedy (with the guard) and local search. Returns the selection and the
    /// value before local search.
    fn select(
        &self,
        goal: Goal,
        refine: bool,
        progress: &mut ProgressFn,
    ) -> Result<(Selection, Stats), Cancelled> {
        let rules = self.rules();
        let limit = self.limit_of(goal);
        if !progress(Progress {
            phase: Phase::Selection,
            done: 0,
            total: 1,
        }) {
            return Err(Cancelled);
        }
        let mut base = Coverage::new(&self.samples);
        for &i in &self.fixed {
            base.add(&self.candidates[i].footprint);
        }
        let mut coverage = base.clone();
        let mut selection = lazy_greedy(&rules, &mut coverage, &self.fixed, limit, None);
        let mut evaluations = selection.evaluations;
        // Guard: greedy started from the best single camera (for a budget, the
        // better of the two carries the constant-factor guarantee).
        if refine
            && matches!(limit, Limit::Budget(_))
            && let Some(single) = best_single(&rules, &base, &self.fixed, limit)
        {
            let mut guarded = base.clone();
            guarded.add(&self.candidates[single].footprint);
            let mut start = self.fixed.clone();
            start.push(single);
            let other = lazy_greedy(&rules, &mut guarded, &start, limit, None);
            evaluations += other.evaluations;
            if other.value > selection.value {
                selection = other;
                coverage = guarded;
            }
        }
        selection.evaluations = evaluations;
        let mut stats = Stats {
            samples: self.samples.len,
            sample_step_m: self.samples.step,
            candidates: self.candidates.len(),
            greedy_evaluations: evaluations,
            greedy_value: selection.value,
            ..Default::default()
        };
        if refine {
            if !progress(Progress {
                phase: Phase::LocalSearch,
                done: 0,
                total: 1,
            }) {
                return Err(Cancelled);
            }
            let before = selection.evaluations;
            local_search(
                &rules,
                &mut coverage,
                &mut selection,
                self.fixed.len(),
                limit,
                6.0,
                self.request.seed,
                40 * self.candidates.len().max(1000),
            );
            if let Limit::Budget(_) = limit {
                // Money freed by swaps may buy one more camera.
                let start = selection.chosen.clone();
                let more = lazy_greedy(&rules, &mut coverage, &start, limit, None);
                selection.evaluations += more.evaluations;
                selection.chosen = more.chosen;
                selection.cost = more.cost;
                selection.value = more.value;
            }
            stats.local_search_evaluations = selection.evaluations - before;
        }
        progress(Progress {
            phase: Phase::Done,
            done: 1,
            total: 1,
        });
        Ok((selection, stats))
    }

    fn proposal(&self, goal: Goal, selection: &Selection, stats: Stats) -> Proposal {
        let scenario = self.session.scenario();
        let rules = self.rules();
        let limit = self.limit_of(goal);
        let mut coverage = Coverage::new(&self.samples);
        for &i in &selection.chosen {
            coverage.add(&self.candidates[i].footprint);
        }
        let (cameras, added, moved, removed) = self.layout(scenario, &selection.chosen);
        let guarantee = match goal {
            Goal::Cameras(_) => 1.0 - (-1.0f64).exp(),
            Goal::Budget(_) => (1.0 - (-1.0f64).exp()) / 2.0,
            // Greedy for a coverage target is within a factor ln(1/ε)-ish of
            // the cheapest; no constant factor.
            Goal::TargetCoverage(_) => 0.0,
        };
        Proposal {
            cameras,
            added,
            moved,
            removed,
            cost: selection.cost - self.fixed_cost(),
            estimated_coverage: selection.value,
            upper_bound: select::upper_bound(&rules, &coverage, limit).max(selection.value),
            guarantee,
            target_reached: match goal {
                Goal::TargetCoverage(t) => selection.value >= t,
                _ => true,
            },
            warnings: self.warnings(),
            stats,
        }
    }

    /// Models among the candidates that have no price: their cameras count as
    /// free, which makes budgets meaningless for them.
    fn warnings(&self) -> Vec<String> {
        let mut unpriced: Vec<String> = Vec::new();
        for c in self
            .candidates
            .iter()
            .filter(|c| c.existing.is_none() && c.cost == 0.0)
        {
            let name = c
                .camera
                .model
                .clone()
                .unwrap_or_else(|| "(no model)".into());
            if !unpriced.contains(&name) {
                unpriced.push(name);
            }
        }
        unpriced
            .into_iter()
            .map(|m| format!("model \"{m}\" has no price: its cameras count as free"))
            .collect()
    }

    /// The camera set of a selection, with new ids and what changed.
    #[allow(clippy::type_complexity)]
    fn layout(
        &self,
        scenario: &Scenario,
        chosen: &[usize],
    ) -> (Vec<Camera>, Vec<String>, Vec<String>, Vec<String>) {
        let mut cameras = Vec::new();
        let mut added = Vec::new();
        let mut moved = Vec::new();
        let mut used_ids: Vec<String> = scenario.cameras.iter().map(|c| c.id.clone()).collect();
        let mut stayed: Vec<usize> = Vec::new();
        for &i in chosen {
            if let Some(e) = self.candidates[i].existing {
                stayed.push(e);
                cameras.push(scenario.cameras[e].clone());
            }
        }
        // Owned cameras that did not stay, per model, to re-use their ids for
        // moves (movable mode).
        let mut movable: Vec<usize> = match self.request.existing {
            Existing::Movable => (0..scenario.cameras.len())
                .filter(|e| !stayed.contains(e))
                .collect(),
            _ => Vec::new(),
        };
        let mut next = 1;
        for &i in chosen {
            let c = &self.candidates[i];
            if c.existing.is_some() {
                continue;
            }
            let mut camera = c.camera.clone();
            if let Some(k) = movable
                .iter()
                .position(|&e| scenario.cameras[e].model == camera.model)
            {
                let e = movable.remove(k);
                camera.id = scenario.cameras[e].id.clone();
                moved.push(camera.id.clone());
            } else {
                let prefix = &self.request.id_prefix;
                while used_ids.contains(&format!("{prefix}{next}")) {
                    next += 1;
                }
                camera.id = format!("{prefix}{next}");
                used_ids.push(camera.id.clone());
                added.push(camera.id.clone());
            }
            cameras.push(camera);
        }
        let removed = match self.request.existing {
            Existing::Keep => Vec::new(),
            Existing::Remove => scenario.cameras.iter().map(|c| c.id.clone()).collect(),
            Existing::Movable => movable
                .iter()
                .map(|&e| scenario.cameras[e].id.clone())
                .collect(),
        };
        (cameras, added, moved, removed)
    }

    /// The cost-versus-coverage curve from zero to `max_budget`: the greedy
    /// order gives every budget's layout in one run; `refine` budgets (evenly
    /// spread) get the full optimiser. Points are at `steps` budgets; the value
    /// never decreases with the budget.
    pub fn curve(
        &self,
        max_budget: f64,
        steps: usize,
        refine: usize,
        progress: &mut ProgressFn,
    ) -> Result<Vec<CurvePoint>, Cancelled> {
        let rules = self.rules();
        let steps = steps.max(2);
        let limit = self.limit_of(Goal::Budget(max_budget));
        let mut coverage = Coverage::new(&self.samples);
        for &i in &self.fixed {
            coverage.add(&self.candidates[i].footprint);
        }
        let base_value = coverage.value;
        let mut order = Vec::new();
        if !progress(Progress {
            phase: Phase::Selection,
            done: 0,
            total: refine + 1,
        }) {
            return Err(Cancelled);
        }
        lazy_greedy(&rules, &mut coverage, &self.fixed, limit, Some(&mut order));
        // Layouts known: every greedy prefix, and the refined ones.
        let fixed_cost = self.fixed_cost();
        let mut known: Vec<(f64, f64, Vec<usize>, bool)> =
            vec![(0.0, base_value, self.fixed.clone(), false)];
        let mut prefix = self.fixed.clone();
        for &(i, cost, value) in &order {
            prefix.push(i);
            known.push((cost - fixed_cost, value, prefix.clone(), false));
        }
        for k in 1..=refine {
            let budget = max_budget * k as f64 / refine as f64;
            let (selection, _) = self.select(Goal::Budget(budget), true, &mut |_| {
                progress(Progress {
                    phase: Phase::LocalSearch,
                    done: k,
                    total: refine + 1,
                })
            })?;
            known.push((
                selection.cost - fixed_cost,
                selection.value,
                selection.chosen.clone(),
                true,
            ));
        }
        progress(Progress {
            phase: Phase::Done,
            done: 1,
            total: 1,
        });
        let scenario = self.session.scenario();
        let mut points = Vec::with_capacity(steps + 1);
        for s in 0..=steps {
            let budget = max_budget * s as f64 / steps as f64;
            let best = known
                .iter()
                .filter(|(cost, ..)| *cost <= budget + 1e-9)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.total_cmp(&a.0)));
            if let Some((cost, value, chosen, refined)) = best {
                points.push(CurvePoint {
                    budget,
                    cost: *cost,
                    estimated_coverage: *value,
                    refined: *refined,
                    cameras: self.layout(scenario, chosen).0,
                });
            }
        }
        Ok(points)
    }
}
