//! The target as weighted sample points, and polygons rasterised onto them.
//!
//! The optimiser compares thousands of candidate cameras, far too many for
//! exact overlays. It samples the zones on a regular grid instead: each sample
//! stands for one grid cell of floor and carries, for every zone it lies in, the
//! zone's weight and required level. A candidate's footprint is the list of
//! samples it sees and at which rank (level). Layouts it proposes are then
//! reported exactly by the coverage engine.

use super::openings::Openings;
use crate::geometry::{Bounds, Point, Polygon};
use crate::scenario::Scenario;

/// "No sample here" in the grid index.
pub const NO_SAMPLE: u32 = u32::MAX;

/// Rank of coverage at a sample: 0 unseen, 1 seen (any density), then one
/// rank per density level from the sparsest (detect) to the densest
/// (identify).
pub type Rank = u8;

/// Weight of "no priority zone left blind" in the objective: any share of it
/// outweighs every requirement (lexicographic in practice, and still a sum of
/// truncated coverages: monotone submodular).
pub const BLIND_WEIGHT: f64 = 100.0;
/// Weight of "each zone seen at its required level, up to its minimum": any
/// share of it outweighs all raw weighted area (worth at most 1).
pub const REQUIRED_WEIGHT: f64 = 10.0;
/// A zone counts as not blind once this share of it is seen.
pub const NOT_BLIND_SHARE: f64 = 0.05;

/// What one candidate sees: the samples with the rank it sees each at, and the
/// opening pieces it sees whole at their required level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footprint {
    pub samples: Vec<(u32, Rank)>,
    pub openings: Vec<u32>,
}

impl Footprint {
    /// True when it sees no sample and no opening piece.
    pub fn is_empty(&self) -> bool {
        self.samples.is_empty() && self.openings.is_empty()
    }
}

/// What one zone asks of a layout, in samples.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneGoal {
    /// Samples in the zone.
    pub samples: u32,
    /// Samples it must have seen (at any level) not to be blind; 0 when the
    /// zone's priority is below the never-blind priority.
    pub not_blind: u32,
    /// Samples it must have seen at its required level (its minimum coverage).
    pub required: u32,
    /// Objective weight of each of those samples, per tier.
    pub blind_weight: f64,
    pub required_weight: f64,
    /// Rank its required level is.
    pub rank: Rank,
}

/// A regular grid of sample points over the target.
#[derive(Clone, Debug)]
pub struct Samples {
    /// Corner of cell (0, 0).
    pub origin: Point,
    /// Cell size, metres.
    pub step: f64,
    pub cols: usize,
    pub rows: usize,
    /// Sample index of each grid cell (row-major), or `NO_SAMPLE` outside the
    /// target.
    pub index: Vec<u32>,
    /// Per sample, `max_rank + 1` cumulative weights: `cum[s * (max_rank + 1) +
    /// r]` is the weight earned when the sample is seen at rank `r` (the sum of
    /// the weights of its zones whose required rank is at most `r`).
    pub cum: Vec<f32>,
    /// Highest rank (1 + number of density levels).
    pub max_rank: Rank,
    /// Number of samples.
    pub len: usize,
    /// Per zone (plan order): what it asks.
    pub zones: Vec<ZoneGoal>,
    /// `members[offsets[s]..offsets[s + 1]]`: the zones sample s lies in.
    pub offsets: Vec<u32>,
    pub members: Vec<u32>,
    /// The audited openings (second tier, beside the zones).
    pub openings: Openings,
    /// Sum of the priorities the second tier shares out (zones and openings).
    required_total: f64,
}

impl Samples {
    /// Samples the zones of `scenario` with cells of about `step` metres (the
    /// step grows when needed so that there are at most `max_samples`).
    /// Weights are normalised so that seeing everything at its required level
    /// is worth 1: the value of a layout estimates its weighted coverage.
    ///
    /// Zones of priority `never_blind` or more must not be left blind; each
    /// zone's `min_coverage` (all of it when unset) is its requirement.
    pub fn new(scenario: &Scenario, step: f64, max_samples: usize, never_blind: f64) -> Samples {
        let levels = scenario.settings.levels_densest_first();
        let max_rank = 1 + levels.len() as Rank;
        let zones: Vec<(Polygon, f64, Rank)> = scenario
            .plan
            .zones
            .iter()
            .map(|z| {
                let required = z
                    .required_level
                    .as_ref()
                    .and_then(|name| levels.iter().position(|l| &l.name == name))
                    .map(|i| max_rank - i as Rank)
                    .unwrap_or(1);
                (z.shape(), z.priority, required)
            })
            .collect();
        let bounds = zones
            .iter()
            .fold(Bounds::EMPTY, |b, (p, _, _)| b.union(p.bounds()));
        let area: f64 = zones.iter().map(|(p, _, _)| p.area()).sum();
        let step = step.max((area / max_samples.max(1) as f64).sqrt());
        let size = bounds.size();
        let cols = ((size.x / step).ceil() as usize).max(1);
        let rows = ((size.y / step).ceil() as usize).max(1);
        let mut grid = Samples {
            origin: bounds.min,
            step,
            cols,
            rows,
            index: vec![NO_SAMPLE; cols * rows],
            cum: Vec::new(),
            max_rank,
            len: 0,
            zones: Vec::new(),
            offsets: vec![0],
            members: Vec::new(),
            openings: Openings::none(),
            required_total: 0.0,
        };
        // Per cell: (weight, required rank) of each zone containing its centre.
        let mut per_cell: Vec<Vec<(f64, Rank, u32)>> = vec![Vec::new(); cols * rows];
        let total: f64 = zones.iter().map(|(p, w, _)| p.area() * w).sum();
        let cell_area = step * step;
        for (z, (polygon, priority, required)) in zones.iter().enumerate() {
            let rings: Vec<&[Point]> = polygon.rings().map(|r| r.as_slice()).collect();
            grid.scan(&rings, |cell| {
                per_cell[cell].push((
                    priority * cell_area / total.max(1e-300),
                    *required,
                    z as u32,
                ));
            });
        }
        let width = max_rank as usize + 1;
        for (cell, entries) in per_cell.iter().enumerate() {
            if entries.is_empty() {
                continue;
            }
            grid.index[cell] = grid.len as u32;
            grid.len += 1;
            for r in 0..width {
                let earned: f64 = entries
                    .iter()
                    .filter(|(_, req, _)| (*req as usize) <= r && r > 0)
                    .map(|(w, ..)| w)
                    .sum();
                grid.cum.push(earned as f32);
            }
            grid.members.extend(entries.iter().map(|e| e.2));
            grid.offsets.push(grid.members.len() as u32);
        }
        // The zones' goals: per-zone shares, so a small display case counts as
        // much as a hall of the same priority.
        let mut count = vec![0u32; zones.len()];
        for &z in &grid.members {
            count[z as usize] += 1;
        }
        let blind_total: f64 = scenario
            .plan
            .zones
            .iter()
            .zip(&count)
            .filter(|(z, n)| z.priority >= never_blind && **n > 0)
            .map(|(z, _)| z.priority)
            .sum();
        let required_total: f64 = scenario
            .plan
            .zones
            .iter()
            .zip(&count)
            .filter(|(_, n)| **n > 0)
            .map(|(z, _)| z.priority)
            .sum();
        grid.zones = scenario
            .plan
            .zones
            .iter()
            .zip(&count)
            .zip(&zones)
            .map(|((z, &n), (_, _, rank))| {
                let not_blind = if z.priority >= never_blind && n > 0 {
                    ((NOT_BLIND_SHARE * n as f64).ceil() as u32).clamp(1, n)
                } else {
                    0
                };
                let share = z.min_coverage.unwrap_or(1.0);
                let required = ((share * n as f64).ceil() as u32).min(n);
                ZoneGoal {
                    samples: n,
                    not_blind,
                    required,
                    blind_weight: if not_blind > 0 {
                        BLIND_WEIGHT * z.priority / blind_total / not_blind as f64
                    } else {
                        0.0
                    },
                    required_weight: if required > 0 {
                        REQUIRED_WEIGHT * z.priority / required_total / required as f64
                    } else {
                        0.0
                    },
                    rank: *rank,
                }
            })
            .collect();
        grid.required_total = required_total;
        grid
    }

    /// Adds the audited openings to the second tier: each weighs as its
    /// priority beside the zones' (a zone's share shrinks accordingly), shared
    /// out over its pieces and its required cameras.
    pub fn with_openings(mut self, mut openings: Openings) -> Samples {
        let added: f64 = openings.goals.iter().map(|g| g.priority).sum();
        let total = self.required_total + added;
        if total > 0.0 {
            let scale = self.required_total / total;
            for z in &mut self.zones {
                z.required_weight *= scale;
            }
            for g in &mut openings.goals {
                g.weight = REQUIRED_WEIGHT * g.priority
                    / total
                    / (g.pieces.max(1) as f64 * g.cameras.max(1) as f64);
            }
        }
        self.required_total = total;
        self.openings = openings;
        self
    }

    /// The zones sample `s` lies in.
    #[inline]
    pub fn zones_of(&self, s: u32) -> &[u32] {
        &self.members[self.offsets[s as usize] as usize..self.offsets[s as usize + 1] as usize]
    }

    /// Weight earned by sample `s` at rank `r`.
    #[inline]
    pub fn earned(&self, s: u32, r: Rank) -> f32 {
        self.cum[s as usize * (self.max_rank as usize + 1) + r as usize]
    }

    /// Calls `f` with every grid cell whose centre lies inside the rings (even-odd
    /// rule: outer ring and holes together).
    pub fn scan(&self, rings: &[&[Point]], mut f: impl FnMut(usize)) {
        let mut lo_y = f64::INFINITY;
        let mut hi_y = f64::NEG_INFINITY;
        for ring in rings {
            for p in ring.iter() {
                lo_y = lo_y.min(p.y);
                hi_y = hi_y.max(p.y);
            }
        }
        if lo_y.is_nan() || hi_y.is_nan() || lo_y > hi_y {
            return;
        }
        let row_of = |y: f64| (y - self.origin.y) / self.step - 0.5;
        let first = row_of(lo_y).ceil().max(0.0) as usize;
        let last = row_of(hi_y).floor();
        if last < 0.0 {
            return;
        }
        let last = (last as usize).min(self.rows - 1);
        let mut xs: Vec<f64> = Vec::new();
        for row in first..=last {
            let y = self.origin.y + (row as f64 + 0.5) * self.step;
            xs.clear();
            for ring in rings {
                let n = ring.len();
                for i in 0..n {
                    let (a, b) = (ring[i], ring[(i + 1) % n]);
                    if (a.y > y) != (b.y > y) {
                        xs.push(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
                    }
                }
            }
            crate::sorting::by_key(&mut xs, |x| *x);
            for pair in xs.chunks_exact(2) {
                let from = ((pair[0] - self.origin.x) / self.step - 0.5)
                    .ceil()
                    .max(0.0);
                let to = ((pair[1] - self.origin.x) / self.step - 0.5).floor();
                if to < from {
                    continue;
                }
                let to = (to as usize).min(self.cols - 1);
                for col in from as usize..=to {
                    f(row * self.cols + col);
                }
            }
        }
    }
}
