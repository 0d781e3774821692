//! The target as weighted sample points, and polygons rasterised onto them.
//!
//! The optimiser compares thousands of candidate cameras, far too many for
//! exact overlays. It samples the zones on a regular grid instead: each sample
//! stands for one grid cell of floor and carries, for every zone it lies in, the
//! zone's weight and required level. A candidate's footprint is the list of
//! samples it sees and at which rank (level). Layouts it proposes are then
//! reported exactly by the coverage engine.

use crate::geometry::{Bounds, Point, Polygon};
use crate::scenario::Scenario;

/// "No sample here" in the grid index.
pub const NO_SAMPLE: u32 = u32::MAX;

/// Rank of coverage at a sample: 0 unseen, 1 seen (any density), then one
/// rank per density level from the sparsest (detect) to the densest
/// (identify).
pub type Rank = u8;

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
}

impl Samples {
    /// Samples the zones of `scenario` with cells of about `step` metres (the
    /// step grows when needed so that there are at most `max_samples`).
    /// Weights are normalised so that seeing everything at its required level
    /// is worth 1: the value of a layout estimates its weighted coverage.
    pub fn new(scenario: &Scenario, step: f64, max_samples: usize) -> Samples {
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
        };
        // Per cell: (weight, required rank) of each zone containing its centre.
        let mut per_cell: Vec<Vec<(f64, Rank)>> = vec![Vec::new(); cols * rows];
        let total: f64 = zones.iter().map(|(p, w, _)| p.area() * w).sum();
        let cell_area = step * step;
        for (polygon, priority, required) in &zones {
            let rings: Vec<&[Point]> = polygon.rings().map(|r| r.as_slice()).collect();
            grid.scan(&rings, |cell| {
                per_cell[cell].push((priority * cell_area / total.max(1e-300), *required));
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
                    .filter(|(_, req)| (*req as usize) <= r && r > 0)
                    .map(|(w, _)| w)
                    .sum();
                grid.cum.push(earned as f32);
            }
        }
        grid
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
            xs.sort_by(f64::total_cmp);
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
