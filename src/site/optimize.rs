//! One budget for the whole site. Each level's cost-versus-coverage curve
//! (the optimiser's, on that level alone) says what every spend buys there;
//! the split of the budget over the levels that buys the most weighted
//! coverage for the site is found exactly (a multiple-choice knapsack over the
//! curves' points, kept as a frontier of cost against value); then each level
//! is optimised at its share. Every level's proposal spends at most its share,
//! so the site spends at most the budget.
//!
//! The site's cost curve is the same split at every budget of its steps: each
//! level's curve up to the largest budget, and at each budget the best choice
//! of one point per level within it (the levels' layouts are the curves' own).

use super::Site;
use crate::optimize::{
    Cancelled, CurvePoint, Goal, Progress, Proposal, Request, Workspace, WorkspaceError,
};
use crate::scenario::Camera;
use serde::Serialize;

/// Steps of each level's curve: the budget split is chosen among these.
pub const CURVE_STEPS: usize = 24;

/// One level's part of a site proposal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelShare {
    pub level: String,
    /// The level's name, as the file gives it.
    pub name: String,
    /// The share of the budget given to this level.
    pub budget: f64,
    pub proposal: Proposal,
}

/// A layout for the whole site within one budget.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteProposal {
    pub budget: f64,
    /// Bottom to top.
    pub levels: Vec<LevelShare>,
    /// What the change costs over every level (the sum of the levels'
    /// spends, each priced by the one cost account).
    pub cost: f64,
    /// The site's weighted coverage, estimated on the samples: the levels'
    /// estimates weighted by their zones' priority x area.
    pub estimated_coverage: f64,
    /// Every level's cameras, each with its level.
    pub cameras: Vec<Camera>,
}

/// Where a site run is: the level being worked on (an index into
/// [`Site::levels`]), which of the run's steps this is (a budget run takes a
/// curve then an optimisation on each level, `2 x levels` steps; the site's
/// curve one curve per level), and the optimiser's own progress on it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SiteProgress {
    pub level: usize,
    pub step: usize,
    pub steps: usize,
    pub progress: Progress,
}

/// Site progress reports go here; returning false cancels.
pub type SiteProgressFn<'a> = dyn FnMut(SiteProgress) -> bool + 'a;

/// One level's part of a point of the site's curve: the point of its own
/// curve the split chose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelPoint {
    pub level: String,
    pub name: String,
    /// What the change on this level costs (its account's spend).
    pub cost: f64,
    /// The level's layout at catalogue prices.
    pub total: f64,
    pub camera_count: usize,
    /// New cameras on this level.
    pub added: usize,
    /// The level's weighted coverage, estimated on its samples.
    pub estimated_coverage: f64,
}

/// One point of the site's cost curve: the best split of `budget` over the
/// levels' curves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteCurvePoint {
    /// The lowest budget of the curve's steps this point answers (it answers
    /// every budget from its spend up to the next point's).
    pub budget: f64,
    /// The levels' spends summed.
    pub cost: f64,
    /// The levels' layouts at catalogue prices, summed.
    pub total: f64,
    pub camera_count: usize,
    /// The site's weighted coverage, estimated: the levels' estimates
    /// weighted by their zones' priority x area.
    pub estimated_coverage: f64,
    /// Bottom to top.
    pub levels: Vec<LevelPoint>,
    /// Every level's cameras, each with its level.
    pub cameras: Vec<Camera>,
}

/// Why no site proposal was made.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SiteOptimizeError {
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
    /// A level's workspace could not be built.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("the budget {0} is not a finite amount of zero or more")]
    Budget(f64),
    /// What the request requires on every level (removals) costs more than
    /// the budget.
    #[error(
        "no layout of every level fits within {budget}: the least the levels can spend is {least}"
    )]
    TooSmall { budget: f64, least: f64 },
    /// A level's curve has no layout within the curve's largest budget (what
    /// the request requires there, removals, costs more).
    #[error("level \"{level}\": no layout of it fits within {budget}")]
    LevelTooDear { level: String, budget: f64 },
    #[error("the curve's largest budget {0} is not a finite amount above zero")]
    MaxBudget(f64),
}

/// Each level's curve (every point, with its layout), the request it was
/// drawn for, and the level's weight in the site's weighted coverage.
struct LevelCurves {
    requests: Vec<Request>,
    points: Vec<Vec<CurvePoint>>,
    weights: Vec<f64>,
}

impl LevelCurves {
    /// Each level's curve as (spend, estimated weighted coverage).
    fn values(&self) -> Vec<Vec<(f64, f64)>> {
        self.points
            .iter()
            .map(|c| c.iter().map(|p| (p.cost, p.estimated_coverage)).collect())
            .collect()
    }

    /// The site's estimate from the levels' (weighted by priority x area).
    fn site_coverage(&self, coverage: impl Iterator<Item = f64>) -> f64 {
        let total: f64 = self.weights.iter().sum();
        if total > 0.0 {
            coverage.zip(&self.weights).map(|(c, w)| c * w).sum::<f64>() / total
        } else {
            0.0
        }
    }
}

/// A choice of one curve point per level: its cost, value and the points.
#[derive(Clone, Debug)]
struct Split {
    cost: f64,
    value: f64,
    points: Vec<usize>,
}

impl Site {
    /// The best layout of the whole site within `budget` (of spend, as
    /// [`Goal::Budget`]): each level's curve up to the budget, the best split
    /// of the budget over the levels, each level optimised at its share.
    /// `request` applies to every level (its goal is replaced); new cameras'
    /// ids get the level's id after the request's prefix (`new-ground-1`).
    ///
    /// # Errors
    /// A budget that is not a finite amount of zero or more; no split within
    /// the budget (the levels' cheapest layouts already cost more); or
    /// `progress` asked to stop.
    pub fn optimize_budget(
        &self,
        request: &Request,
        budget: f64,
        progress: &mut SiteProgressFn,
    ) -> Result<SiteProposal, SiteOptimizeError> {
        if !(budget >= 0.0 && budget.is_finite()) {
            return Err(SiteOptimizeError::Budget(budget));
        }
        let n = self.levels.len();
        let curves = self.level_curves(request, budget, CURVE_STEPS, 0, 2 * n, progress)?;
        let split = best_split(&curves.values(), &curves.weights, budget)?;
        let mut levels = Vec::with_capacity(n);
        let mut cameras = Vec::new();
        for (i, ((level, session), request)) in self
            .levels
            .iter()
            .zip(&self.sessions)
            .zip(&curves.requests)
            .enumerate()
        {
            let share = curves.points[i]
                .get(split.points[i])
                .map_or(0.0, |p| p.cost);
            let mut tell = |p| {
                progress(SiteProgress {
                    level: i,
                    step: n + i,
                    steps: 2 * n,
                    progress: p,
                })
            };
            let workspace = Workspace::new(session, request, &mut tell)?;
            let proposal = workspace.optimize(Goal::Budget(share), &mut tell)?;
            cameras.extend(on_level(&proposal.cameras, &level.id));
            levels.push(LevelShare {
                level: level.id.clone(),
                name: level.name.clone(),
                budget: share,
                proposal,
            });
        }
        Ok(SiteProposal {
            budget,
            cost: levels.iter().map(|l| l.proposal.cost).sum(),
            estimated_coverage: curves
                .site_coverage(levels.iter().map(|l| l.proposal.estimated_coverage)),
            levels,
            cameras,
        })
    }

    /// The site's cost-versus-coverage curve from zero to `max_budget` of
    /// spend, at `steps` budgets: each level's curve (as
    /// [`Workspace::curve`] with `steps` and `refine`), and at each budget the
    /// best split of it over the levels' points. A point is kept only where
    /// the split differs from the previous one; budgets no split fits (what
    /// the request requires costs more) have none. `request` applies to every
    /// level as in [`Site::optimize_budget`].
    ///
    /// # Errors
    /// A largest budget that is not finite and above zero; a level with no
    /// layout within it; no split within it; or `progress` asked to stop.
    pub fn budget_curve(
        &self,
        request: &Request,
        max_budget: f64,
        steps: usize,
        refine: usize,
        progress: &mut SiteProgressFn,
    ) -> Result<Vec<SiteCurvePoint>, SiteOptimizeError> {
        if !(max_budget > 0.0 && max_budget.is_finite()) {
            return Err(SiteOptimizeError::MaxBudget(max_budget));
        }
        let steps = steps.max(2);
        let curves = self.level_curves(
            request,
            max_budget,
            steps,
            refine,
            self.levels.len(),
            progress,
        )?;
        if let Some((level, _)) = self
            .levels
            .iter()
            .zip(&curves.points)
            .find(|(_, c)| c.is_empty())
        {
            return Err(SiteOptimizeError::LevelTooDear {
                level: level.name.clone(),
                budget: max_budget,
            });
        }
        let values = curves.values();
        let mut out: Vec<SiteCurvePoint> = Vec::with_capacity(steps + 1);
        let mut last: Option<Vec<usize>> = None;
        let mut too_small = None;
        for s in 0..=steps {
            let budget = max_budget * s as f64 / steps as f64;
            let split = match best_split(&values, &curves.weights, budget) {
                Ok(split) => split,
                Err(e @ SiteOptimizeError::TooSmall { .. }) => {
                    too_small = Some(e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            if last.as_ref() == Some(&split.points) {
                continue;
            }
            let chosen: Vec<&CurvePoint> = split
                .points
                .iter()
                .zip(&curves.points)
                .map(|(&k, c)| &c[k])
                .collect();
            let levels: Vec<LevelPoint> = self
                .levels
                .iter()
                .zip(&chosen)
                .map(|(level, p)| LevelPoint {
                    level: level.id.clone(),
                    name: level.name.clone(),
                    cost: p.cost,
                    total: p.total,
                    camera_count: p.camera_count,
                    added: p.account.added.len(),
                    estimated_coverage: p.estimated_coverage,
                })
                .collect();
            let cameras: Vec<Camera> = self
                .levels
                .iter()
                .zip(&chosen)
                .flat_map(|(level, p)| on_level(&p.cameras, &level.id))
                .collect();
            out.push(SiteCurvePoint {
                budget,
                cost: levels.iter().map(|l| l.cost).sum(),
                total: levels.iter().map(|l| l.total).sum(),
                camera_count: cameras.len(),
                estimated_coverage: curves
                    .site_coverage(chosen.iter().map(|p| p.estimated_coverage)),
                levels,
                cameras,
            });
            last = Some(split.points);
        }
        match too_small {
            Some(e) if out.is_empty() => Err(e),
            _ => Ok(out),
        }
    }

    /// Each level's curve up to `max_budget`, told as steps `0..levels` of
    /// `steps`.
    fn level_curves(
        &self,
        request: &Request,
        max_budget: f64,
        curve_steps: usize,
        refine: usize,
        steps: usize,
        progress: &mut SiteProgressFn,
    ) -> Result<LevelCurves, SiteOptimizeError> {
        let n = self.levels.len();
        let mut curves = LevelCurves {
            requests: Vec::with_capacity(n),
            points: Vec::with_capacity(n),
            weights: Vec::with_capacity(n),
        };
        for (i, (level, session)) in self.levels.iter().zip(&self.sessions).enumerate() {
            let request = Request {
                goal: Goal::Budget(max_budget),
                id_prefix: format!("{}{}-", request.id_prefix, level.id),
                ..request.clone()
            };
            let mut tell = |p| {
                progress(SiteProgress {
                    level: i,
                    step: i,
                    steps,
                    progress: p,
                })
            };
            let workspace = Workspace::new(session, &request, &mut tell)?;
            curves
                .points
                .push(workspace.curve(max_budget, curve_steps, refine, &mut tell)?);
            curves.weights.push(
                session
                    .summary()
                    .zones
                    .iter()
                    .map(|z| z.priority * z.area_m2)
                    .sum(),
            );
            curves.requests.push(request);
        }
        Ok(curves)
    }
}

/// A level's cameras, each tagged with the level.
fn on_level<'c>(cameras: &'c [Camera], level: &'c str) -> impl Iterator<Item = Camera> + 'c {
    cameras.iter().cloned().map(move |mut c| {
        c.level = Some(level.to_string());
        c
    })
}

/// The curve point of each level (an index; past the end: the level's curve
/// is empty and it spends nothing) maximising the weighted value within
/// `budget`, exactly: a frontier of (cost, value) splits, extended a level at
/// a time, keeping only the splits no cheaper split beats.
fn best_split(
    curves: &[Vec<(f64, f64)>],
    weights: &[f64],
    budget: f64,
) -> Result<Split, SiteOptimizeError> {
    let mut frontier = vec![Split {
        cost: 0.0,
        value: 0.0,
        points: Vec::new(),
    }];
    let mut least = 0.0;
    for (curve, &weight) in curves.iter().zip(weights) {
        let options: Vec<(usize, f64, f64)> = if curve.is_empty() {
            vec![(0, 0.0, 0.0)]
        } else {
            curve
                .iter()
                .enumerate()
                .map(|(k, &(cost, coverage))| (k, cost, coverage * weight))
                .collect()
        };
        least += options.iter().map(|o| o.1).fold(f64::INFINITY, f64::min);
        let mut next: Vec<Split> = Vec::new();
        for split in &frontier {
            for &(k, cost, value) in &options {
                let cost = split.cost + cost;
                if cost <= budget {
                    let mut points = split.points.clone();
                    points.push(k);
                    next.push(Split {
                        cost,
                        value: split.value + value,
                        points,
                    });
                }
            }
        }
        // Cheapest first; a split is kept only when it is worth more than
        // every cheaper one.
        crate::sorting::by(&mut next, |a, b| {
            a.cost.total_cmp(&b.cost).then(b.value.total_cmp(&a.value))
        });
        let mut best = f64::NEG_INFINITY;
        next.retain(|s| {
            let keep = s.value > best;
            best = best.max(s.value);
            keep
        });
        if next.is_empty() {
            return Err(SiteOptimizeError::TooSmall { budget, least });
        }
        frontier = next;
    }
    let best = frontier
        .into_iter()
        .max_by(|a, b| a.value.total_cmp(&b.value).then(b.cost.total_cmp(&a.cost)));
    best.ok_or(SiteOptimizeError::TooSmall { budget, least })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_the_best_within_the_budget() {
        // Level 0: 100 buys 0.5, 300 buys 0.9; level 1 (twice the weight):
        // 100 buys 0.3, 200 buys 0.4. Within 400: (300, 100) is worth
        // 0.9 + 0.6 = 1.5, (100, 200) 0.5 + 0.8 = 1.3, (300, 0) 0.9.
        let curves = vec![
            vec![(0.0, 0.0), (100.0, 0.5), (300.0, 0.9)],
            vec![(0.0, 0.0), (100.0, 0.3), (200.0, 0.4)],
        ];
        let split = best_split(&curves, &[1.0, 2.0], 400.0).unwrap();
        assert_eq!(split.points, [2, 1]);
        assert_eq!(split.cost, 400.0);
        // Within 250: (100, 100) 1.1 beats (100, 200)? 0.5 + 0.8 = 1.3 costs 300: out.
        let split = best_split(&curves, &[1.0, 2.0], 250.0).unwrap();
        assert_eq!(split.points, [1, 1]);
        // Nothing fits when every level must spend.
        let dear = vec![vec![(50.0, 0.1)], vec![(80.0, 0.2)]];
        assert_eq!(
            best_split(&dear, &[1.0, 1.0], 100.0).unwrap_err(),
            SiteOptimizeError::TooSmall {
                budget: 100.0,
                least: 130.0
            }
        );
    }
}
