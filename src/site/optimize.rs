//! One budget for the whole site. Each level's cost-versus-coverage curve
//! (the optimiser's, on that level alone) says what every spend buys there;
//! the split of the budget over the levels that buys the most weighted
//! coverage for the site is found exactly (a multiple-choice knapsack over the
//! curves' points, kept as a frontier of cost against value); then each level
//! is optimised at its share. Every level's proposal spends at most its share,
//! so the site spends at most the budget.

use super::Site;
use crate::optimize::{Cancelled, Goal, Proposal, Request, Workspace, WorkspaceError};
use crate::scenario::Camera;
use serde::Serialize;

/// Steps of each level's curve: the budget split is chosen among these.
pub const CURVE_STEPS: usize = 24;

/// One level's part of a site proposal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelShare {
    pub level: String,
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
        progress: &mut crate::optimize::ProgressFn,
    ) -> Result<SiteProposal, SiteOptimizeError> {
        if !(budget >= 0.0 && budget.is_finite()) {
            return Err(SiteOptimizeError::Budget(budget));
        }
        let mut requests = Vec::with_capacity(self.levels.len());
        let mut curves = Vec::with_capacity(self.levels.len());
        let mut weights = Vec::with_capacity(self.levels.len());
        for (level, session) in self.levels.iter().zip(&self.sessions) {
            let request = Request {
                goal: Goal::Budget(budget),
                id_prefix: format!("{}{}-", request.id_prefix, level.id),
                ..request.clone()
            };
            let workspace = Workspace::new(session, &request, progress)?;
            let points: Vec<(f64, f64)> = workspace
                .curve(budget, CURVE_STEPS, 0, progress)?
                .iter()
                .map(|p| (p.cost, p.estimated_coverage))
                .collect();
            let weight: f64 = session
                .summary()
                .zones
                .iter()
                .map(|z| z.priority * z.area_m2)
                .sum();
            curves.push(points);
            weights.push(weight);
            requests.push(request);
        }
        let split = best_split(&curves, &weights, budget)?;
        let total_weight: f64 = weights.iter().sum();
        let mut levels = Vec::with_capacity(self.levels.len());
        let mut cameras = Vec::new();
        let mut value = 0.0;
        for (i, ((level, session), request)) in self
            .levels
            .iter()
            .zip(&self.sessions)
            .zip(&requests)
            .enumerate()
        {
            let share = curves[i].get(split.points[i]).map_or(0.0, |p| p.0);
            let workspace = Workspace::new(session, request, progress)?;
            let proposal = workspace.optimize(Goal::Budget(share), progress)?;
            value += proposal.estimated_coverage * weights[i];
            cameras.extend(proposal.cameras.iter().cloned().map(|mut c| {
                c.level = Some(level.id.clone());
                c
            }));
            levels.push(LevelShare {
                level: level.id.clone(),
                budget: share,
                proposal,
            });
        }
        Ok(SiteProposal {
            budget,
            cost: levels.iter().map(|l| l.proposal.cost).sum(),
            estimated_coverage: if total_weight > 0.0 {
                value / total_weight
            } else {
                0.0
            },
            levels,
            cameras,
        })
    }
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
