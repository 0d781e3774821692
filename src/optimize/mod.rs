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
pub mod openings;
pub mod samples;
pub mod select;

use crate::costing::{ChangeCost, change_cost};
use crate::scenario::{Camera, Scenario};
use crate::session::Session;
use candidates::{Candidate, CandidateLimits, Placement, generate_candidates};
use samples::{Rank, Samples};
use select::{
    Coverage, Limit, Owned, Pricing, Rules, Selection, TOLERANCE, best_single, lazy_greedy,
    local_search,
};
use serde::Serialize;

/// Local search tries replacements within this distance of a chosen camera,
/// metres (a room's width: farther moves are greedy's job).
pub const LOCAL_SEARCH_RADIUS_M: f64 = 6.0;
/// Local search stops after this many evaluations per candidate (at least
/// [`LOCAL_SEARCH_MIN_CANDIDATES`] candidates' worth): the per-run bound on its
/// effort.
pub const LOCAL_SEARCH_EVALUATIONS_PER_CANDIDATE: usize = 40;
pub const LOCAL_SEARCH_MIN_CANDIDATES: usize = 1000;

/// What is wrong with an optimisation request.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RequestError {
    #[error("optimisation request: {0}")]
    Json(String),
    #[error("budget must be zero or more, found {0}")]
    Budget(f64),
    #[error("target coverage is a ratio from 0 to 1, found {0}")]
    Target(f64),
    #[error("placement.spacing_m must be positive, found {0}")]
    Spacing(f64),
    #[error("placement.height_m must be 0..100 m, found {0}")]
    Height(f64),
    #[error("min_spacing_m must be zero or more, found {0}")]
    MinSpacing(f64),
    #[error("id_prefix is empty")]
    EmptyPrefix,
    #[error("never_blind_priority must be a positive priority, found {0}")]
    NeverBlind(f64),
}

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
    /// The goal if its number makes sense.
    ///
    /// # Errors
    /// A negative or infinite budget, a target outside 0..1.
    pub fn checked(self) -> Result<Goal, RequestError> {
        match self {
            Goal::Budget(b) if !(b >= 0.0 && b.is_finite()) => Err(RequestError::Budget(b)),
            Goal::TargetCoverage(t) if !(0.0..=1.0).contains(&t) => Err(RequestError::Target(t)),
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
    /// Each stays where it is at no cost or is moved or re-aimed (its hardware
    /// is owned: a move costs its installation only); none is removed.
    Move,
    /// Each may stay, be moved, or be removed (at its model's removal cost).
    Movable,
    /// They are all removed (at their models' removal cost); the layout starts
    /// from nothing.
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
    /// Zones of this priority or more are never left blind while the limit
    /// allows seeing them.
    pub never_blind_priority: f64,
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
            never_blind_priority: 1.0,
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
    never_blind_priority: Option<f64>,
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
    poles: Option<bool>,
    #[serde(default)]
    marked: Vec<[f64; 2]>,
    spacing_m: Option<f64>,
    height_m: Option<f64>,
}

impl Request {
    /// Reads a request from JSON.
    ///
    /// # Errors
    /// Malformed JSON, unknown fields, or a number out of its range.
    pub fn from_json(text: &str) -> Result<Request, RequestError> {
        let r: RequestJson =
            serde_json::from_str(text).map_err(|e| RequestError::Json(e.to_string()))?;
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
            placement.poles = p.poles.unwrap_or(placement.poles);
            placement.marked = p
                .marked
                .iter()
                .map(|&[x, y]| crate::geometry::Point::new(x, y))
                .collect();
            placement.spacing_m = p.spacing_m.unwrap_or(placement.spacing_m);
            placement.height_m = p.height_m.unwrap_or(placement.height_m);
        }
        if !(placement.spacing_m > 0.0 && placement.spacing_m.is_finite()) {
            return Err(RequestError::Spacing(placement.spacing_m));
        }
        if !(0.0..=100.0).contains(&placement.height_m) {
            return Err(RequestError::Height(placement.height_m));
        }
        let spacing = r.min_spacing_m.unwrap_or(defaults.min_spacing_m);
        if !(spacing >= 0.0 && spacing.is_finite()) {
            return Err(RequestError::MinSpacing(spacing));
        }
        let never_blind = r
            .never_blind_priority
            .unwrap_or(defaults.never_blind_priority);
        if !(never_blind > 0.0 && never_blind.is_finite()) {
            return Err(RequestError::NeverBlind(never_blind));
        }
        Ok(Request {
            never_blind_priority: never_blind,
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
                Some(p) if p.trim().is_empty() => return Err(RequestError::EmptyPrefix),
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

/// Why a workspace could not be built.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
    /// A spatial index of the candidates' preparation (zones, walls, aim
    /// targets) refused the plan.
    #[error("optimiser candidates: {0}")]
    Index(#[from] crate::plan::IndexError),
}

/// What the optimiser found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// The whole camera set of the proposed layout (kept cameras included).
    pub cameras: Vec<Camera>,
    /// Ids of new cameras, of existing ones moved or re-aimed, and of existing
    /// ones removed (the account's lists).
    pub added: Vec<String>,
    pub moved: Vec<String>,
    pub removed: Vec<String>,
    /// What the change costs: the account's spend.
    pub cost: f64,
    /// The change priced line by line, from the scenario's cameras to these
    /// ([`crate::costing::change_cost`]).
    pub account: ChangeCost,
    /// Weighted coverage estimated on the samples (the exact figure comes from
    /// a report of the layout).
    pub estimated_coverage: f64,
    /// No layout within the same limit can reach a higher weighted coverage
    /// than this (sampled).
    pub upper_bound: f64,
    /// The objective the search maximised (docs/optimizer.md): never-blind
    /// zones first, then requirements, then weighted coverage; and a bound on
    /// it for this run.
    pub objective: f64,
    pub objective_bound: f64,
    /// The worst-case factor the method guarantees (on the objective).
    pub guarantee: f64,
    /// Requirements the layout leaves unmet (estimated), highest priority
    /// first, with what more meeting each would cost.
    pub unmet: Vec<Unmet>,
    /// For a coverage target: whether it was reached.
    pub target_reached: bool,
    /// Things the user should know (models without prices...).
    pub warnings: Vec<String>,
    pub stats: Stats,
}

/// A requirement a proposal leaves unmet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmet {
    /// A zone's requirement or an audited opening's.
    pub kind: RequirementKind,
    /// The zone's or the opening's (wall's) id.
    pub id: String,
    /// The zone's name; for an opening, its kind and id ("window w-3").
    pub name: String,
    /// The zone's priority; an opening's: the highest of the zones beside it.
    pub priority: f64,
    /// The level it must be seen at ("seen" when it states none).
    pub required_level: String,
    /// Cameras that must see it at that level (1 for zones).
    pub required_cameras: u32,
    /// True when the zone is left blind (priority at or above the never-blind
    /// priority, nothing of it seen).
    pub blind: bool,
    /// Share of it seen at that level (an opening's: of its width, by enough
    /// cameras), estimated; and the share required.
    pub estimated_share: f64,
    pub required_share: f64,
    /// What more meeting it would cost on top of this layout (cameras added
    /// greedily for this requirement alone, from the same candidates); None
    /// when no candidate gets it there.
    pub extra_cost: Option<f64>,
    pub extra_cameras: usize,
}

/// What kind of requirement an [`Unmet`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RequirementKind {
    Zone,
    Opening,
}

/// A requirement by index: a zone of the plan, or an audited opening (index
/// into the samples' openings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Requirement {
    Zone(usize),
    Opening(usize),
}

/// At most this many unmet requirements are priced (the highest priority).
pub const UNMET_LISTED: usize = 12;

/// Sizes and effort.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub samples: usize,
    pub sample_step_m: f64,
    pub candidates: usize,
    pub greedy_evaluations: usize,
    pub local_search_evaluations: usize,
    /// Value after greedy (and guard), before local search: the objective,
    /// and the weighted coverage (sampled).
    pub greedy_value: f64,
    pub greedy_coverage: f64,
}

/// One point of the cost-versus-coverage curve, with its layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    /// The lowest budget of the curve's steps this point answers (it answers
    /// every budget from its spend up to the next point's).
    pub budget: f64,
    /// What the change from the scenario's cameras costs (the account's spend).
    pub cost: f64,
    /// The layout at catalogue prices (the account's `total_after`).
    pub total: f64,
    /// Cameras in the layout.
    pub camera_count: usize,
    pub account: ChangeCost,
    pub estimated_coverage: f64,
    /// The objective the search maximised (never decreases along the curve).
    pub objective: f64,
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
    /// Candidate indices every selection starts from: the existing cameras
    /// where they are, when they are kept or moved (never dropped).
    start: Vec<usize>,
    /// How many of `start` local search leaves alone (all when kept, none
    /// when they may move).
    fixed: usize,
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
    ///
    /// # Errors
    /// [`WorkspaceError::Cancelled`] when `progress` returns false; an index
    /// error only where the spatial index refuses the plan (see
    /// [`crate::plan::SegmentIndex::new`]).
    pub fn new(
        session: &'s Session,
        request: &Request,
        progress: &mut ProgressFn,
    ) -> Result<Workspace<'s>, WorkspaceError> {
        let scenario = session.scenario();
        if !progress(Progress {
            phase: Phase::Sampling,
            done: 0,
            total: 1,
        }) {
            return Err(Cancelled.into());
        }
        let samples = Samples::new(
            scenario,
            request.sample_step_m,
            request.max_samples,
            request.never_blind_priority,
        )
        .with_openings(openings::Openings::new(session));
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
        )?;
        if !finished {
            return Err(Cancelled.into());
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
        let removal_of = |c: &Camera| {
            crate::costing::cents(
                scenario
                    .model_of(c)
                    .and_then(|m| m.removal_cost)
                    .unwrap_or(0.0),
            )
        };
        let mut owned: Vec<Owned> = Vec::new();
        if matches!(request.existing, Existing::Move | Existing::Movable) {
            for c in &scenario.cameras {
                let m = c.model.clone().unwrap_or_default();
                match owned.iter_mut().find(|o| o.model == m) {
                    Some(entry) => entry.count += 1,
                    None => owned.push(Owned {
                        model: m,
                        count: 1,
                        removal_cost: removal_of(c),
                    }),
                }
            }
        }
        let base = match request.existing {
            Existing::Remove => scenario.cameras.iter().map(removal_of).sum(),
            _ => 0.0,
        };
        // Poles holding a camera of the scenario stand already (free).
        let standing = crate::costing::poles_used(scenario, &scenario.cameras);
        let pole_cost = scenario
            .pole_sites
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if standing.contains(&i) {
                    0.0
                } else {
                    crate::costing::cents(s.cost)
                }
            })
            .collect();
        let pricing = Pricing::new(&candidates, &owned, base, pole_cost);
        let start: Vec<usize> = if matches!(request.existing, Existing::Keep | Existing::Move) {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.existing.is_some())
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        let fixed = if request.existing == Existing::Keep {
            start.len()
        } else {
            0
        };
        Workspace {
            session,
            samples,
            candidates,
            pricing,
            start,
            fixed,
            request: request.clone(),
        }
    }

    fn rules(&self) -> Rules<'_> {
        Rules {
            candidates: &self.candidates,
            pricing: &self.pricing,
            spacing: self.request.min_spacing_m,
            keep_owned: self.request.existing == Existing::Move,
        }
    }

    /// The selection's limit. Prices are the spend (the pricing charges moves
    /// and removals itself); "n cameras" are n more than the scenario has,
    /// unless they are all removed.
    fn limit_of(&self, goal: Goal) -> Limit {
        match goal {
            Goal::Budget(b) => Limit::Budget(b),
            Goal::Cameras(n) => Limit::Count(match self.request.existing {
                Existing::Remove => n,
                _ => n + self.session.scenario().cameras.len(),
            }),
            Goal::TargetCoverage(t) => Limit::Target(t),
        }
    }

    /// The sampled value of a set of candidates (with the starting ones).
    pub fn value_of(&self, chosen: &[usize]) -> f64 {
        let mut coverage = Coverage::new(&self.samples);
        for &i in self.start.iter().chain(chosen) {
            coverage.add(&self.candidates[i].footprint);
        }
        coverage.value
    }

    /// The sampled weighted coverage of a set of candidates (with the starting
    /// ones).
    pub fn area_of(&self, chosen: &[usize]) -> f64 {
        let set: Vec<usize> = self.start.iter().chain(chosen).copied().collect();
        coverage_area_of(&self.samples, &self.candidates, &set)
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
        for &i in &self.start {
            base.add(&self.candidates[i].footprint);
        }
        let mut coverage = base.clone();
        let mut selection = lazy_greedy(&rules, &mut coverage, &self.start, limit, None);
        let mut evaluations = selection.evaluations;
        // Guard: for a budget, the better of greedy and the best single
        // camera carries the constant-factor guarantee. When that camera
        // alone is worth more than greedy's layout (small budgets, one
        // costly camera that greedy's ratios passed over), greedy runs again
        // from it; otherwise greedy's layout is already the better of the two.
        if refine
            && matches!(limit, Limit::Budget(_))
            && let Some((single, gain)) = best_single(&rules, &base, &self.start, limit)
            && base.value + gain > selection.value + TOLERANCE
        {
            let mut guarded = base.clone();
            guarded.add(&self.candidates[single].footprint);
            let mut start = self.start.clone();
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
            greedy_coverage: selection.area,
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
                self.fixed,
                limit,
                LOCAL_SEARCH_RADIUS_M,
                self.request.seed,
                LOCAL_SEARCH_EVALUATIONS_PER_CANDIDATE
                    * self.candidates.len().max(LOCAL_SEARCH_MIN_CANDIDATES),
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
        let cameras = self.layout(scenario, &selection.chosen);
        let account = change_cost(scenario, &scenario.cameras, &cameras);
        let guarantee = match goal {
            Goal::Cameras(_) => 1.0 - libm::exp(-1.0),
            // Proven for additive costs only: a pole shared by the cameras on
            // it, or owned cameras moved at their installation, are not
            // (docs/optimizer.md); the run's bound still holds.
            Goal::Budget(_) if self.pricing.shared_costs() => 0.0,
            Goal::Budget(_) => (1.0 - libm::exp(-1.0)) / 2.0,
            // Greedy for a coverage target is within a factor ln(1/ε)-ish of
            // the cheapest; no constant factor.
            Goal::TargetCoverage(_) => 0.0,
        };
        let mut warnings = self.warnings();
        if let Goal::Budget(b) = goal
            && self.pricing.base > b + TOLERANCE
        {
            warnings.push(format!(
                "removing the {} existing cameras costs {:.2}, more than the budget of {b:.2}: nothing new is proposed",
                scenario.cameras.len(),
                self.pricing.base
            ));
        }
        Proposal {
            cameras,
            added: account.added.clone(),
            moved: account.moved.clone(),
            removed: account.removed.clone(),
            cost: account.spend,
            account,
            estimated_coverage: selection.area,
            upper_bound: select::upper_bound(&rules, &coverage, limit, true).max(selection.area),
            objective: selection.value,
            objective_bound: select::upper_bound(&rules, &coverage, limit, false)
                .max(selection.value),
            guarantee,
            unmet: self.unmet(&coverage, &selection.chosen),
            target_reached: match goal {
                Goal::TargetCoverage(t) => selection.area >= t,
                _ => true,
            },
            warnings,
            stats,
        }
    }

    /// The requirements a selection leaves unmet, priced: never-blind zones
    /// left blind, zones short of their stated level or minimum, audited
    /// openings not watched as required.
    fn unmet(&self, coverage: &Coverage, chosen: &[usize]) -> Vec<Unmet> {
        let scenario = self.session.scenario();
        let mut pending: Vec<(Requirement, bool, f64)> = Vec::new();
        for (z, zone) in scenario.plan.zones.iter().enumerate() {
            let goal = &self.samples.zones[z];
            if goal.samples == 0 {
                continue;
            }
            let (seen, met) = coverage.zone_counts(z);
            let blind = goal.not_blind > 0 && seen == 0;
            let stated = zone.required_level.is_some() || zone.min_coverage.is_some();
            let share = zone.min_coverage.unwrap_or(crate::analysis::MET_FRACTION);
            let short = stated && (met as f64) < share * goal.samples as f64 - TOLERANCE;
            if blind || short {
                pending.push((Requirement::Zone(z), blind, zone.priority));
            }
        }
        for (o, goal) in self.samples.openings.goals.iter().enumerate() {
            let (have, need, _) = coverage.opening_counts(o);
            if have < need {
                pending.push((Requirement::Opening(o), false, goal.priority));
            }
        }
        crate::sorting::by(&mut pending, |a, b| {
            b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0))
        });
        pending.truncate(UNMET_LISTED);
        // The candidates that help each one, found in one pass.
        let zones: Vec<(usize, Rank)> = pending
            .iter()
            .filter_map(|&(req, ..)| match req {
                Requirement::Zone(z) => Some((z, self.zone_requirement(z).1)),
                Requirement::Opening(_) => None,
            })
            .collect();
        let openings: Vec<usize> = pending
            .iter()
            .filter_map(|&(req, ..)| match req {
                Requirement::Opening(o) => Some(o),
                Requirement::Zone(_) => None,
            })
            .collect();
        let mut helping = coverage
            .helping(
                self.candidates.iter().map(|c| &c.footprint),
                &zones,
                &openings,
            )
            .into_iter();
        let mut by_zone: Vec<Vec<usize>> = helping.by_ref().take(zones.len()).collect();
        let mut by_opening: Vec<Vec<usize>> = helping.collect();
        let (mut zk, mut ok) = (0, 0);
        pending
            .iter()
            .map(|&(req, blind, _)| match req {
                Requirement::Zone(z) => {
                    zk += 1;
                    let useful = std::mem::take(&mut by_zone[zk - 1]);
                    self.unmet_zone(coverage, chosen, z, blind, useful)
                }
                Requirement::Opening(o) => {
                    ok += 1;
                    let useful = std::mem::take(&mut by_opening[ok - 1]);
                    self.unmet_opening(coverage, chosen, o, useful)
                }
            })
            .collect()
    }

    /// What zone `z`'s requirement in the unmet list is: its share, the rank
    /// it must be seen at, and that level's name (a blind zone that states
    /// nothing more asks only to be seen, over its not-blind share).
    fn zone_requirement(&self, z: usize) -> (f64, Rank, String) {
        let zone = &self.session.scenario().plan.zones[z];
        let goal = &self.samples.zones[z];
        if zone.required_level.is_some() || zone.min_coverage.is_some() {
            (
                zone.min_coverage.unwrap_or(crate::analysis::MET_FRACTION),
                goal.rank,
                zone.required_level.clone().unwrap_or_else(|| "seen".into()),
            )
        } else {
            (samples::NOT_BLIND_SHARE, 1, "seen".to_string())
        }
    }

    /// Cameras added to `chosen` from `useful` (the candidates that help),
    /// best gain towards one requirement per added cost first, until `need`
    /// is reached (at most 20): what they cost, and how many; None when the
    /// candidates cannot get there.
    fn extra_for(
        &self,
        coverage: &Coverage,
        chosen: &[usize],
        (have, need): (u32, u32),
        useful: Vec<usize>,
        gain: &dyn Fn(&Coverage, usize) -> u32,
    ) -> (Option<f64>, usize) {
        let rules = self.rules();
        let mut cov = coverage.clone();
        let mut set = chosen.to_vec();
        let start_cost = self.pricing.set_cost(&self.candidates, &set);
        let mut have = have;
        let mut added = 0;
        while have < need && added < 20 {
            let best = useful
                .iter()
                .copied()
                .filter(|i| !set.contains(i) && rules.spaced(&set, *i))
                .filter_map(|i| {
                    let g = gain(&cov, i);
                    (g > 0).then(|| {
                        let c = self.pricing.added_cost(&self.candidates, &set, i).max(1e-6);
                        (i, g, g as f64 / c)
                    })
                })
                .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)));
            let Some((i, g, _)) = best else { break };
            cov.add(&self.candidates[i].footprint);
            set.push(i);
            have += g;
            added += 1;
        }
        let cost = (have >= need).then(|| {
            crate::costing::cents(self.pricing.set_cost(&self.candidates, &set) - start_cost)
        });
        (cost, added)
    }

    fn unmet_zone(
        &self,
        coverage: &Coverage,
        chosen: &[usize],
        z: usize,
        blind: bool,
        useful: Vec<usize>,
    ) -> Unmet {
        let zone = &self.session.scenario().plan.zones[z];
        let goal = &self.samples.zones[z];
        let (share, rank, level) = self.zone_requirement(z);
        let (seen, met_rank) = coverage.zone_counts(z);
        let met = if rank == 1 { seen } else { met_rank };
        let need = ((share * goal.samples as f64).ceil() as u32).clamp(1, goal.samples);
        let (extra_cost, extra_cameras) =
            self.extra_for(coverage, chosen, (met, need), useful, &|cov, i| {
                cov.gain_in_zone(&self.candidates[i].footprint, z, rank)
            });
        Unmet {
            kind: RequirementKind::Zone,
            id: zone.id.clone(),
            name: zone.name.clone(),
            priority: zone.priority,
            required_level: level,
            required_cameras: 1,
            blind,
            estimated_share: met as f64 / goal.samples as f64,
            required_share: share,
            extra_cost,
            extra_cameras,
        }
    }

    fn unmet_opening(
        &self,
        coverage: &Coverage,
        chosen: &[usize],
        o: usize,
        useful: Vec<usize>,
    ) -> Unmet {
        let goal = &self.samples.openings.goals[o];
        let wall = &self.session.scenario().plan.walls[goal.wall];
        let (have, need, watched) = coverage.opening_counts(o);
        let (extra_cost, extra_cameras) =
            self.extra_for(coverage, chosen, (have, need), useful, &|cov, i| {
                cov.gain_in_opening(&self.candidates[i].footprint, o)
            });
        Unmet {
            kind: RequirementKind::Opening,
            id: goal.id.clone(),
            name: format!("{} {}", wall.kind.name(), goal.id),
            priority: goal.priority,
            required_level: goal.level.clone(),
            required_cameras: u32::from(goal.cameras),
            blind: false,
            estimated_share: f64::from(watched) / f64::from(goal.pieces.max(1)),
            required_share: 1.0,
            extra_cost,
            extra_cameras,
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
        let scenario = self.session.scenario();
        let unmountable = self
            .request
            .placement
            .marked
            .iter()
            .filter(|p| crate::mounting::mount_at(scenario, **p).mount.is_none())
            .map(|p| {
                format!(
                    "marked place ({:.2}, {:.2}): nothing there can hold a camera (no solid wall within {} m, no room's ceiling)",
                    p.x,
                    p.y,
                    crate::mounting::BRACKET_REACH_M
                )
            });
        unpriced
            .into_iter()
            .map(|m| format!("model \"{m}\" has no price: its cameras count as free"))
            .chain(unmountable)
            .collect()
    }

    /// The camera set of a selection: cameras that stay keep their ids; a
    /// moved owned camera takes the id of an unused owned camera of its model
    /// (so the account sees a move); new ones get fresh ids.
    fn layout(&self, scenario: &Scenario, chosen: &[usize]) -> Vec<Camera> {
        let mut cameras = Vec::new();
        let mut used_ids: Vec<String> = scenario.cameras.iter().map(|c| c.id.clone()).collect();
        let mut stayed: Vec<usize> = Vec::new();
        for &i in chosen {
            if let Some(e) = self.candidates[i].existing {
                stayed.push(e);
                cameras.push(scenario.cameras[e].clone());
            }
        }
        let mut movable: Vec<usize> = match self.request.existing {
            Existing::Move | Existing::Movable => (0..scenario.cameras.len())
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
            } else {
                let prefix = &self.request.id_prefix;
                while used_ids.contains(&format!("{prefix}{next}")) {
                    next += 1;
                }
                camera.id = format!("{prefix}{next}");
                used_ids.push(camera.id.clone());
            }
            cameras.push(camera);
        }
        cameras
    }

    /// The cost-versus-coverage curve from zero to `max_budget` of spend on
    /// the scenario's cameras: the greedy order gives every budget's layout in
    /// one run; `refine` budgets (evenly spread) get the full optimiser. The
    /// best layout is found at `steps` budgets; a point is kept only where the
    /// layout differs from the previous one (no repeated dots along a
    /// plateau). Each point is priced by the account; the value never
    /// decreases with the budget.
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
        for &i in &self.start {
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
        lazy_greedy(&rules, &mut coverage, &self.start, limit, Some(&mut order));
        // Layouts known: every greedy prefix, and the refined ones.
        let start_cost = self.pricing.set_cost(&self.candidates, &self.start);
        let base_area = coverage_area_of(&self.samples, &self.candidates, &self.start);
        let mut known: Vec<(f64, f64, f64, Vec<usize>, bool)> =
            vec![(start_cost, base_value, base_area, self.start.clone(), false)];
        let mut prefix = self.start.clone();
        for &(i, cost, value, area) in &order {
            prefix.push(i);
            known.push((cost, value, area, prefix.clone(), false));
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
                selection.cost,
                selection.value,
                selection.area,
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
        let mut points: Vec<CurvePoint> = Vec::with_capacity(steps + 1);
        let mut last: Option<Vec<usize>> = None;
        for s in 0..=steps {
            let budget = max_budget * s as f64 / steps as f64;
            let best = known
                .iter()
                .enumerate()
                .filter(|(_, (cost, ..))| *cost <= budget + TOLERANCE)
                .max_by(|(_, a), (_, b)| a.1.total_cmp(&b.1).then(b.0.total_cmp(&a.0)));
            let Some((_, (_, value, area, chosen, refined))) = best else {
                continue;
            };
            let mut set = chosen.clone();
            set.sort_unstable();
            if last.as_ref() == Some(&set) {
                continue;
            }
            last = Some(set);
            let cameras = self.layout(scenario, chosen);
            let account = change_cost(scenario, &scenario.cameras, &cameras);
            points.push(CurvePoint {
                budget,
                cost: account.spend,
                total: account.total_after,
                camera_count: cameras.len(),
                account,
                estimated_coverage: *area,
                objective: *value,
                refined: *refined,
                cameras,
            });
        }
        Ok(points)
    }
}

/// The weighted coverage (sampled) of a set of candidates.
fn coverage_area_of(samples: &Samples, candidates: &[Candidate], set: &[usize]) -> f64 {
    let mut c = Coverage::new(samples);
    for &i in set {
        c.add(&candidates[i].footprint);
    }
    c.area
}
