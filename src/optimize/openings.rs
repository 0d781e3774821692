//! The audited openings as pieces: the objective's second tier counts them
//! beside the zones (docs/optimizer.md).
//!
//! What "an opening meets its required level" means is the security
//! analysis's ([`crate::analysis::OpeningPlan::approach_seen`]): every point of
//! its approach seen by its required number of cameras at its required level.
//! The optimiser cuts each opening into pieces of at most [`PIECE_M`] and
//! counts a camera for a piece only when it sees all of the piece, so an
//! opening it counts as met is met in the audit too (the estimate errs on the
//! unmet side only).

use crate::analysis::sight::Intervals;
use crate::analysis::{OpeningPlan, OpeningRequirement};
use crate::session::Session;
use crate::view::View;
use std::sync::Arc;

/// Longest piece an opening is cut into, metres.
pub const PIECE_M: f64 = 0.1;

/// One audited opening as the objective sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningGoal {
    pub id: String,
    /// Index in `plan.walls`.
    pub wall: usize,
    /// Its weight: the higher priority of the zones on its two sides (1 when
    /// none).
    pub priority: f64,
    /// Its pieces are `first..first + pieces` of the piece list.
    pub first: u32,
    pub pieces: u32,
    /// Cameras that must see each piece.
    pub cameras: u16,
    /// Objective weight of each camera counted at a piece (up to `cameras`).
    pub weight: f64,
    /// The level it must be seen at ("seen" when none).
    pub level: String,
}

/// The audited openings, cut into pieces.
#[derive(Clone, Debug)]
pub struct Openings {
    pub goals: Vec<OpeningGoal>,
    /// Per piece: its opening (index into `goals`).
    pub owner: Vec<u32>,
    /// Per goal, per segment: how many pieces the segment is cut into.
    cuts: Vec<Vec<u32>>,
    requirements: Vec<OpeningRequirement>,
    /// The prepared plan the footprints are cut with.
    plan: Option<Arc<OpeningPlan>>,
}

impl Openings {
    /// No openings (plans without audited ones, and workspaces built by hand).
    pub fn none() -> Openings {
        Openings {
            goals: Vec::new(),
            owner: Vec::new(),
            cuts: Vec::new(),
            requirements: Vec::new(),
            plan: None,
        }
    }

    /// The audited openings of `session`'s plan, cut into pieces. Weights are
    /// set later, with the zones' ([`super::samples::Samples::with_openings`]).
    pub fn new(session: &Session) -> Openings {
        let scenario = session.scenario();
        let plan = OpeningPlan::new(session);
        let requirements = plan.requirements(session);
        let mut out = Openings::none();
        for (g, r) in requirements.iter().enumerate() {
            let cuts: Vec<u32> = r
                .segments
                .iter()
                .map(|len| ((len / PIECE_M).ceil() as u32).max(1))
                .collect();
            let pieces: u32 = cuts.iter().sum();
            // Its weight: the higher priority of the zones on its two sides,
            // as the security analysis finds them (the one side search).
            let priority = r
                .side_zones
                .iter()
                .flatten()
                .map(|&z| scenario.plan.zones[z].priority)
                .reduce(f64::max)
                .unwrap_or(1.0);
            out.goals.push(OpeningGoal {
                id: r.id.clone(),
                wall: r.wall,
                priority,
                first: out.owner.len() as u32,
                pieces,
                cameras: r.required_cameras.clamp(1, u16::MAX as u32) as u16,
                weight: 0.0,
                level: r.required_level.clone().unwrap_or_else(|| "seen".into()),
            });
            out.owner
                .extend(std::iter::repeat_n(g as u32, pieces as usize));
            out.cuts.push(cuts);
        }
        out.requirements = requirements;
        out.plan = Some(Arc::new(plan));
        out
    }

    pub fn len(&self) -> usize {
        self.owner.len()
    }

    pub fn is_empty(&self) -> bool {
        self.owner.is_empty()
    }

    /// The pieces `view` sees whole at their opening's required level.
    pub fn footprint(&self, view: &View) -> Vec<u32> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if view.ring.len() < 3 {
            return out;
        }
        for (g, r) in self.requirements.iter().enumerate() {
            if !view.bounds.intersects(&r.bounds) {
                continue;
            }
            let seen = plan.approach_seen(r, view);
            let mut piece = self.goals[g].first;
            for (intervals, &n) in seen.iter().zip(&self.cuts[g]) {
                for k in 0..n {
                    let (t0, t1) = (k as f64 / n as f64, (k + 1) as f64 / n as f64);
                    if holds(intervals, t0, t1) {
                        out.push(piece);
                    }
                    piece += 1;
                }
            }
        }
        out
    }
}

/// True when one interval holds all of `[t0, t1]` (touching intervals are
/// merged by the sight code already).
fn holds(intervals: &Intervals, t0: f64, t1: f64) -> bool {
    const EPS: f64 = 1e-9;
    intervals
        .iter()
        .any(|&(a, b)| a <= t0 + EPS && b >= t1 - EPS)
}

#[cfg(test)]
mod tests {
    use super::holds;

    #[test]
    fn a_piece_counts_only_when_one_interval_holds_all_of_it() {
        let iv = vec![(0.0, 0.55), (0.6, 1.0)];
        assert!(holds(&iv, 0.0, 0.5));
        assert!(!holds(&iv, 0.5, 0.6));
        assert!(holds(&iv, 0.6, 0.7));
        assert!(holds(&iv, 0.9, 1.0));
        assert!(!holds(&Vec::new(), 0.0, 0.1));
    }
}
