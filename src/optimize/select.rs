//! Choosing cameras: lazy greedy on gain per cost with the best single camera
//! as a guard, then local search (swap, move, re-aim), on the sampled
//! objective (weighted coverage at each zone's required level).
//!
//! The objective is monotone submodular: a camera's gain only shrinks as
//! others are chosen. Lazy greedy keeps each candidate's last gain per cost as
//! an upper bound and re-evaluates only the top of the heap, which picks the
//! same cameras as plain greedy with far fewer evaluations.

use super::candidates::{Candidate, Rng};
use super::samples::{BLIND_WEIGHT, Footprint, REQUIRED_WEIGHT, Rank, Samples};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Money and value differences below this are ties (sums of f64 prices and of
/// f32 sample weights drift by far less).
pub const TOLERANCE: f64 = 1e-9;

/// Coverage state of a set of chosen candidates over the samples.
///
/// Its `value` is the objective: `BLIND_WEIGHT` x the priority share of
/// never-blind zones not left blind (each up to its not-blind share), plus
/// `REQUIRED_WEIGHT` x the priority share of zones seen at their required level
/// (each up to its minimum coverage), plus the weighted coverage (`area`). Each
/// term is a truncated coverage, so the sum is monotone submodular.
#[derive(Clone, Debug)]
pub struct Coverage<'a> {
    samples: &'a Samples,
    /// `counts[s * max_rank + (r - 1)]`: chosen cameras seeing sample s at rank
    /// r or better.
    counts: Vec<u16>,
    best: Vec<Rank>,
    /// Per zone: samples seen (any level), and seen at the required level.
    seen: Vec<u32>,
    met: Vec<u32>,
    /// Per opening piece: chosen cameras seeing it whole at its level.
    pieces: Vec<u16>,
    /// Per opening: pieces seen by its required number of cameras.
    watched: Vec<u32>,
    /// The objective.
    pub value: f64,
    /// Sum of earned weights: the (sampled) weighted coverage.
    pub area: f64,
    scratch: std::cell::RefCell<Scratch>,
}

/// Per-zone changes while a footprint's gain is summed.
#[derive(Clone, Debug, Default)]
struct Scratch {
    seen: Vec<u32>,
    met: Vec<u32>,
    touched: Vec<u32>,
}

impl<'a> Coverage<'a> {
    pub fn new(samples: &'a Samples) -> Coverage<'a> {
        let zones = samples.zones.len();
        Coverage {
            samples,
            counts: vec![0; samples.len * samples.max_rank as usize],
            best: vec![0; samples.len],
            seen: vec![0; zones],
            met: vec![0; zones],
            pieces: vec![0; samples.openings.len()],
            watched: vec![0; samples.openings.goals.len()],
            value: 0.0,
            area: 0.0,
            scratch: std::cell::RefCell::new(Scratch {
                seen: vec![0; zones],
                met: vec![0; zones],
                touched: Vec::new(),
            }),
        }
    }

    /// The zone terms' value at these counts.
    #[inline]
    fn zone_term(&self, z: usize, seen: u32, met: u32) -> f64 {
        let g = &self.samples.zones[z];
        g.blind_weight * seen.min(g.not_blind) as f64
            + g.required_weight * met.min(g.required) as f64
    }

    /// What adding a footprint would earn (objective; see [`Coverage::gain_area`]
    /// for the weighted coverage alone).
    pub fn gain(&self, footprint: &Footprint) -> f64 {
        let mut g = self.gain_openings(footprint);
        let mut scratch = self.scratch.borrow_mut();
        let Scratch { seen, met, touched } = &mut *scratch;
        for &(s, k) in &footprint.samples {
            let b = self.best[s as usize];
            if k > b {
                g += (self.samples.earned(s, k) - self.samples.earned(s, b)) as f64;
                for &z in self.samples.zones_of(s) {
                    let zi = z as usize;
                    let rank = self.samples.zones[zi].rank;
                    let ds = u32::from(b == 0);
                    let dm = u32::from(b < rank && k >= rank);
                    if ds + dm > 0 {
                        if seen[zi] == 0 && met[zi] == 0 {
                            touched.push(z);
                        }
                        seen[zi] += ds;
                        met[zi] += dm;
                    }
                }
            }
        }
        for &z in touched.iter() {
            let zi = z as usize;
            let (s0, m0) = (self.seen[zi], self.met[zi]);
            g += self.zone_term(zi, s0 + seen[zi], m0 + met[zi]) - self.zone_term(zi, s0, m0);
            seen[zi] = 0;
            met[zi] = 0;
        }
        touched.clear();
        g
    }

    /// What a footprint's opening pieces would earn: each camera counts at a
    /// piece up to the opening's required cameras.
    fn gain_openings(&self, footprint: &Footprint) -> f64 {
        let openings = &self.samples.openings;
        footprint
            .openings
            .iter()
            .map(|&p| {
                let goal = &openings.goals[openings.owner[p as usize] as usize];
                if self.pieces[p as usize] < goal.cameras {
                    goal.weight
                } else {
                    0.0
                }
            })
            .sum()
    }

    /// Camera counts a footprint would add towards opening `o`'s requirement.
    pub fn gain_in_opening(&self, footprint: &Footprint, o: usize) -> u32 {
        let openings = &self.samples.openings;
        let goal = &openings.goals[o];
        footprint
            .openings
            .iter()
            .filter(|&&p| {
                openings.owner[p as usize] as usize == o && self.pieces[p as usize] < goal.cameras
            })
            .count() as u32
    }

    /// Opening `o`'s camera counts towards its requirement (each piece up to
    /// its required cameras), what meeting it takes, and its pieces seen by
    /// enough cameras.
    pub fn opening_counts(&self, o: usize) -> (u32, u32, u32) {
        let goal = &self.samples.openings.goals[o];
        let range = goal.first as usize..(goal.first + goal.pieces) as usize;
        let have: u32 = self.pieces[range]
            .iter()
            .map(|&c| u32::from(c.min(goal.cameras)))
            .sum();
        (have, goal.pieces * u32::from(goal.cameras), self.watched[o])
    }

    /// What adding a footprint would add to the weighted coverage alone.
    pub fn gain_area(&self, footprint: &Footprint) -> f64 {
        let mut g = 0.0f64;
        for &(s, k) in &footprint.samples {
            let b = self.best[s as usize];
            if k > b {
                g += (self.samples.earned(s, k) - self.samples.earned(s, b)) as f64;
            }
        }
        g
    }

    /// Samples of zone `z` a footprint would newly see at `rank` or better.
    pub fn gain_in_zone(&self, footprint: &Footprint, z: usize, rank: Rank) -> u32 {
        footprint
            .samples
            .iter()
            .filter(|&&(s, k)| {
                let b = self.best[s as usize];
                b < rank && k >= rank && self.samples.zones_of(s).contains(&(z as u32))
            })
            .count() as u32
    }

    /// For each requirement, the footprints (by index) that would add to it,
    /// in one pass over them: `zones` as (zone, rank), counting samples of
    /// the zone newly seen at `rank` or better ([`Coverage::gain_in_zone`]),
    /// then `openings`, counting cameras towards the opening's requirement
    /// ([`Coverage::gain_in_opening`]).
    pub fn helping<'f>(
        &self,
        footprints: impl Iterator<Item = &'f Footprint>,
        zones: &[(usize, Rank)],
        openings: &[usize],
    ) -> Vec<Vec<usize>> {
        const NONE: u32 = u32::MAX;
        let mut zone_slot = vec![NONE; self.samples.zones.len()];
        for (k, &(z, _)) in zones.iter().enumerate() {
            zone_slot[z] = k as u32;
        }
        let mut opening_slot = vec![NONE; self.samples.openings.goals.len()];
        for (k, &o) in openings.iter().enumerate() {
            opening_slot[o] = (zones.len() + k) as u32;
        }
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); zones.len() + openings.len()];
        let mut mark = |slot: usize, i: usize| {
            if out[slot].last() != Some(&i) {
                out[slot].push(i);
            }
        };
        let owners = &self.samples.openings;
        for (i, footprint) in footprints.enumerate() {
            for &(s, k) in &footprint.samples {
                let b = self.best[s as usize];
                if k <= b {
                    continue;
                }
                for &z in self.samples.zones_of(s) {
                    let slot = zone_slot[z as usize];
                    if slot != NONE {
                        let rank = zones[slot as usize].1;
                        if b < rank && k >= rank {
                            mark(slot as usize, i);
                        }
                    }
                }
            }
            for &p in &footprint.openings {
                let o = owners.owner[p as usize] as usize;
                let slot = opening_slot[o];
                if slot != NONE && self.pieces[p as usize] < owners.goals[o].cameras {
                    mark(slot as usize, i);
                }
            }
        }
        out
    }

    /// Zone `z`'s samples seen (any level) and seen at its required level.
    pub fn zone_counts(&self, z: usize) -> (u32, u32) {
        (self.seen[z], self.met[z])
    }

    /// Moves sample `s` from best rank `b` to `nb`, keeping zones and values.
    fn rerank(&mut self, s: u32, b: Rank, nb: Rank) {
        self.area += (self.samples.earned(s, nb) - self.samples.earned(s, b)) as f64;
        let samples = self.samples;
        for &z in samples.zones_of(s) {
            let zi = z as usize;
            let rank = samples.zones[zi].rank;
            let (s0, m0) = (self.seen[zi], self.met[zi]);
            let (mut s1, mut m1) = (s0, m0);
            if b == 0 && nb > 0 {
                s1 += 1;
            } else if b > 0 && nb == 0 {
                s1 -= 1;
            }
            if b < rank && nb >= rank {
                m1 += 1;
            } else if b >= rank && nb < rank {
                m1 -= 1;
            }
            if (s1, m1) != (s0, m0) {
                self.value += self.zone_term(zi, s1, m1) - self.zone_term(zi, s0, m0);
                self.seen[zi] = s1;
                self.met[zi] = m1;
            }
        }
        self.value += (self.samples.earned(s, nb) - self.samples.earned(s, b)) as f64;
        self.best[s as usize] = nb;
    }

    pub fn add(&mut self, footprint: &Footprint) {
        let openings = &self.samples.openings;
        for &p in &footprint.openings {
            let o = openings.owner[p as usize] as usize;
            let goal = &openings.goals[o];
            let count = &mut self.pieces[p as usize];
            if *count < goal.cameras {
                self.value += goal.weight;
            }
            *count += 1;
            if *count == goal.cameras {
                self.watched[o] += 1;
            }
        }
        let width = self.samples.max_rank as usize;
        for &(s, k) in &footprint.samples {
            let base = s as usize * width;
            for r in 0..k as usize {
                self.counts[base + r] += 1;
            }
            let b = self.best[s as usize];
            if k > b {
                self.rerank(s, b, k);
            }
        }
    }

    pub fn remove(&mut self, footprint: &Footprint) {
        let openings = &self.samples.openings;
        for &p in &footprint.openings {
            let o = openings.owner[p as usize] as usize;
            let goal = &openings.goals[o];
            let count = &mut self.pieces[p as usize];
            if *count == goal.cameras {
                self.watched[o] -= 1;
            }
            *count -= 1;
            if *count < goal.cameras {
                self.value -= goal.weight;
            }
        }
        let width = self.samples.max_rank as usize;
        for &(s, k) in &footprint.samples {
            let base = s as usize * width;
            for r in 0..k as usize {
                self.counts[base + r] -= 1;
            }
            let b = self.best[s as usize];
            if k == b && self.counts[base + b as usize - 1] == 0 {
                let mut nb = b;
                while nb > 0 && self.counts[base + nb as usize - 1] == 0 {
                    nb -= 1;
                }
                self.rerank(s, b, nb);
            }
        }
    }
}

/// What the selection must respect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// Total cost at most this.
    Budget(f64),
    /// Exactly this many cameras (at most, if fewer help).
    Count(usize),
    /// The cheapest set reaching this (sampled) weighted coverage.
    Target(f64),
}

/// A chosen set and how it was found.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub chosen: Vec<usize>,
    /// The objective.
    pub value: f64,
    /// The weighted coverage (sampled).
    pub area: f64,
    pub cost: f64,
    /// Gain evaluations spent.
    pub evaluations: usize,
}

/// Prices candidates as a set, as [`crate::costing::change_cost`] prices the
/// layout: cameras that stay where they are cost nothing; as long as owned
/// cameras of a model remain unused, moving one costs its installation only;
/// owned cameras left unused are removed at their model's removal cost; and a
/// fixed `base` (removing every existing camera when they are all removed).
/// A pole is paid once, with the first chosen camera on it (poles already
/// standing cost nothing).
#[derive(Clone, Debug)]
pub struct Pricing {
    /// Per candidate: the pole site holding it.
    pole_of: Vec<Option<usize>>,
    /// Per pole site: what putting it up costs (0 when it stands already).
    pole_cost: Vec<f64>,
    /// Per candidate: the model index (for the owned pool).
    model_of: Vec<usize>,
    /// Owned cameras per model index.
    owned: Vec<usize>,
    /// Removal cost per model index (owned models only matter).
    removal: Vec<f64>,
    /// Paid whatever is chosen.
    pub base: f64,
}

/// An owned model: how many cameras of it the layout has and what removing one
/// costs.
#[derive(Clone, Debug, PartialEq)]
pub struct Owned {
    pub model: String,
    pub count: usize,
    pub removal_cost: f64,
}

impl Pricing {
    pub fn new(
        candidates: &[Candidate],
        owned_by_model: &[Owned],
        base: f64,
        pole_cost: Vec<f64>,
    ) -> Pricing {
        let mut names: Vec<String> = owned_by_model.iter().map(|o| o.model.clone()).collect();
        let mut owned: Vec<usize> = owned_by_model.iter().map(|o| o.count).collect();
        let mut removal: Vec<f64> = owned_by_model.iter().map(|o| o.removal_cost).collect();
        let model_of = candidates
            .iter()
            .map(|c| {
                let name = c.camera.model.clone().unwrap_or_default();
                match names.iter().position(|n| *n == name) {
                    Some(i) => i,
                    None => {
                        names.push(name);
                        owned.push(0);
                        removal.push(0.0);
                        names.len() - 1
                    }
                }
            })
            .collect();
        Pricing {
            pole_of: candidates.iter().map(|c| c.pole).collect(),
            pole_cost,
            model_of,
            owned,
            removal,
            base,
        }
    }

    /// Whether candidate `i` is of a model the layout owns cameras of.
    pub fn is_owned_model(&self, i: usize) -> bool {
        self.owned[self.model_of[i]] > 0
    }

    /// Whether candidates `i` and `j` are of the same model.
    pub fn same_model(&self, i: usize, j: usize) -> bool {
        self.model_of[i] == self.model_of[j]
    }

    /// Cost of a whole set.
    pub fn set_cost(&self, candidates: &[Candidate], chosen: &[usize]) -> f64 {
        let mut used = vec![0usize; self.owned.len()];
        for &i in chosen {
            if candidates[i].existing.is_some() {
                used[self.model_of[i]] += 1;
            }
        }
        let mut cost = self.base;
        for &i in chosen {
            let c = &candidates[i];
            if c.existing.is_some() {
                continue;
            }
            let m = self.model_of[i];
            if used[m] < self.owned[m] {
                used[m] += 1;
                cost += c.install;
            } else {
                cost += c.cost;
            }
        }
        for (m, &n) in self.owned.iter().enumerate() {
            cost += n.saturating_sub(used[m]) as f64 * self.removal[m];
        }
        if !self.pole_cost.is_empty() {
            let mut poles: Vec<usize> = chosen.iter().filter_map(|&i| self.pole_of[i]).collect();
            poles.sort_unstable();
            poles.dedup();
            cost += poles.iter().map(|&p| self.pole_cost[p]).sum::<f64>();
        }
        cost
    }

    /// A lower bound on what adding candidate `i` can cost, whatever else is
    /// chosen (for the knapsack bound): a camera that stays saves its
    /// removal; a camera of an owned model costs at least its installation
    /// less the removal it saves; a pole is left out (it may stand already).
    pub fn least_added_cost(&self, candidates: &[Candidate], i: usize) -> f64 {
        let c = &candidates[i];
        let m = self.model_of[i];
        if c.existing.is_some() {
            -self.removal[m]
        } else if self.owned[m] > 0 {
            c.cost.min(c.install - self.removal[m])
        } else {
            c.cost
        }
    }

    /// Whether a camera's cost depends on what else is chosen: a pole to put
    /// up is shared by the cameras on it, and owned cameras move at their
    /// installation only while unused ones remain. Then costs are not
    /// additive and the budget's constant-factor guarantee is not proven.
    pub fn shared_costs(&self) -> bool {
        self.owned.iter().any(|&n| n > 0)
            || self
                .pole_of
                .iter()
                .flatten()
                .any(|&p| self.pole_cost[p] > 0.0)
    }

    /// Whether candidates `i` and `j` hang on the same pole.
    pub fn same_pole(&self, i: usize, j: usize) -> bool {
        self.pole_of[i].is_some() && self.pole_of[i] == self.pole_of[j]
    }

    /// Cost of adding candidate `i` to `chosen` (negative when it saves a
    /// removal).
    pub fn added_cost(&self, candidates: &[Candidate], chosen: &[usize], i: usize) -> f64 {
        let mut with = chosen.to_vec();
        with.push(i);
        self.set_cost(candidates, &with) - self.set_cost(candidates, chosen)
    }
}

#[derive(PartialEq)]
struct Entry {
    score: f64,
    index: usize,
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.index.cmp(&self.index))
    }
}

/// Rules every chosen set obeys.
#[derive(Debug)]
pub struct Rules<'c> {
    pub candidates: &'c [Candidate],
    pub pricing: &'c Pricing,
    /// Minimum distance between chosen cameras, metres.
    pub spacing: f64,
    /// Owned cameras are never dropped: local search replaces a camera of an
    /// owned model only by one of the same model (a move).
    pub keep_owned: bool,
}

impl Rules<'_> {
    pub fn spaced(&self, chosen: &[usize], i: usize) -> bool {
        let p = self.candidates[i].position();
        // A stay candidate and a new one at one spot would be two cameras in
        // one place; the spacing keeps them apart too.
        // Cameras on one pole stand together (back to back) by design.
        chosen.iter().all(|&j| {
            j != i
                && (self.spacing <= 0.0
                    || self.candidates[j].position().distance(p) >= self.spacing
                    || self.pricing.same_pole(i, j))
                && !(self.candidates[i].existing.is_some()
                    && self.candidates[i].existing == self.candidates[j].existing)
        })
    }

    fn score(gain: f64, cost: f64, limit: Limit) -> f64 {
        match limit {
            Limit::Count(_) => gain,
            _ if cost <= 0.0 => gain * 1e12,
            _ => gain / cost,
        }
    }
}

/// Lazy greedy from `start` (already chosen) until the limit is reached or
/// nothing helps. `order` receives every pick with the cost, value and
/// weighted coverage after it.
pub fn lazy_greedy(
    rules: &Rules,
    coverage: &mut Coverage,
    start: &[usize],
    limit: Limit,
    mut order: Option<&mut Vec<(usize, f64, f64, f64)>>,
) -> Selection {
    let candidates = rules.candidates;
    let mut chosen: Vec<usize> = start.to_vec();
    let mut evaluations = 0;
    let mut heap: BinaryHeap<Entry> = BinaryHeap::with_capacity(candidates.len());
    for i in 0..candidates.len() {
        if chosen.contains(&i) {
            continue;
        }
        let gain = coverage.gain(&candidates[i].footprint);
        evaluations += 1;
        if gain > 0.0 {
            let cost = rules.pricing.added_cost(candidates, &chosen, i);
            heap.push(Entry {
                score: Rules::score(gain, cost, limit),
                index: i,
            });
        }
    }
    let mut cost = rules.pricing.set_cost(candidates, &chosen);
    while let Some(top) = heap.pop() {
        match limit {
            Limit::Count(n) if chosen.len() >= n => break,
            Limit::Target(t) if coverage.area >= t => break,
            _ => {}
        }
        let i = top.index;
        if !rules.spaced(&chosen, i) {
            continue;
        }
        let gain = coverage.gain(&candidates[i].footprint);
        evaluations += 1;
        if gain <= 0.0 {
            continue;
        }
        let added = rules.pricing.added_cost(candidates, &chosen, i);
        if let Limit::Budget(b) = limit
            && cost + added > b + TOLERANCE
        {
            continue;
        }
        let score = Rules::score(gain, added, limit);
        // Still the best after re-evaluation (scores only fall): take it.
        if heap.peek().is_none_or(|next| score >= next.score) {
            coverage.add(&candidates[i].footprint);
            chosen.push(i);
            cost += added;
            if let Some(order) = order.as_deref_mut() {
                order.push((i, cost, coverage.value, coverage.area));
            }
            // The pole is paid for now: the other cameras on it got cheaper,
            // so their stale scores are no longer upper bounds. Score them
            // afresh (a stale entry left behind is skipped when popped).
            if candidates[i].pole.is_some() {
                for j in (0..candidates.len()).filter(|&j| rules.pricing.same_pole(i, j)) {
                    if chosen.contains(&j) {
                        continue;
                    }
                    let gain = coverage.gain(&candidates[j].footprint);
                    evaluations += 1;
                    if gain > 0.0 {
                        let c = rules.pricing.added_cost(candidates, &chosen, j);
                        heap.push(Entry {
                            score: Rules::score(gain, c, limit),
                            index: j,
                        });
                    }
                }
            }
        } else {
            heap.push(Entry { score, index: i });
        }
    }
    Selection {
        value: coverage.value,
        area: coverage.area,
        cost,
        chosen,
        evaluations,
    }
}

/// The best single affordable candidate added to `start`, with its gain.
pub fn best_single(
    rules: &Rules,
    coverage: &Coverage,
    start: &[usize],
    limit: Limit,
) -> Option<(usize, f64)> {
    let base = rules.pricing.set_cost(rules.candidates, start);
    (0..rules.candidates.len())
        .filter(|i| !start.contains(i) && rules.spaced(start, *i))
        .filter(|&i| match limit {
            Limit::Budget(b) => {
                base + rules.pricing.added_cost(rules.candidates, start, i) <= b + TOLERANCE
            }
            Limit::Count(n) => start.len() < n,
            Limit::Target(_) => true,
        })
        .map(|i| (i, coverage.gain(&rules.candidates[i].footprint)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// Local search on `selection`: replace a chosen camera by a neighbouring
/// candidate (same spot re-aimed, a nearby spot, another model) when that
/// raises the value (or, for a coverage target, lowers the cost while the
/// target holds). `fixed` cameras are never replaced. Stops when a pass finds
/// nothing or after `max_evaluations`.
#[allow(clippy::too_many_arguments)]
pub fn local_search(
    rules: &Rules,
    coverage: &mut Coverage,
    selection: &mut Selection,
    fixed: usize,
    limit: Limit,
    radius: f64,
    seed: u64,
    max_evaluations: usize,
) {
    let candidates = rules.candidates;
    let neighbours = Neighbours::new(candidates, radius);
    let mut rng = Rng(seed ^ 0x10CA_15EA);
    let mut evaluations = 0;
    loop {
        let mut improved = false;
        let mut slots: Vec<usize> = (fixed..selection.chosen.len()).collect();
        // Seeded shuffle: deterministic, but not biased to the greedy order.
        rng.shuffle(&mut slots);
        for slot in slots {
            let current = selection.chosen[slot];
            coverage.remove(&candidates[current].footprint);
            let base_value = coverage.value;
            let mut others: Vec<usize> = selection.chosen.clone();
            others.remove(slot);
            let mut best: Option<(usize, f64, f64)> = None;
            let current_value = base_value + coverage.gain(&candidates[current].footprint);
            for j in neighbours.near(candidates[current].position()) {
                if j == current || others.contains(&j) || !rules.spaced(&others, j) {
                    continue;
                }
                if rules.keep_owned
                    && rules.pricing.is_owned_model(current)
                    && !rules.pricing.same_model(current, j)
                {
                    continue;
                }
                evaluations += 1;
                let value = base_value + coverage.gain(&candidates[j].footprint);
                // A coverage target is on the weighted coverage alone.
                let area = match limit {
                    Limit::Target(_) => {
                        coverage.area + coverage.gain_area(&candidates[j].footprint)
                    }
                    _ => 0.0,
                };
                let mut with = others.clone();
                with.push(j);
                let cost = rules.pricing.set_cost(candidates, &with);
                let better = match limit {
                    Limit::Budget(b) => cost <= b + TOLERANCE && value > current_value + TOLERANCE,
                    Limit::Count(_) => value > current_value + TOLERANCE,
                    Limit::Target(t) => area >= t && cost < selection.cost - TOLERANCE,
                };
                let beats_best = best.is_none_or(|(_, bv, bc)| match limit {
                    Limit::Target(_) => cost < bc,
                    _ => value > bv,
                });
                if better && beats_best {
                    best = Some((j, value, cost));
                }
            }
            match best {
                Some((j, _, cost)) => {
                    coverage.add(&candidates[j].footprint);
                    selection.chosen[slot] = j;
                    selection.cost = cost;
                    improved = true;
                }
                None => coverage.add(&candidates[current].footprint),
            }
            if evaluations >= max_evaluations {
                break;
            }
        }
        selection.value = coverage.value;
        selection.area = coverage.area;
        if !improved || evaluations >= max_evaluations {
            break;
        }
    }
    selection.evaluations += evaluations;
}

/// Candidates bucketed by position, for local moves.
struct Neighbours {
    cell: f64,
    buckets: std::collections::HashMap<(i64, i64), Vec<usize>>,
    radius: f64,
    positions: Vec<crate::geometry::Point>,
}

impl Neighbours {
    fn new(candidates: &[Candidate], radius: f64) -> Neighbours {
        let cell = radius.max(0.5);
        let mut buckets: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
        for (i, c) in candidates.iter().enumerate() {
            let p = c.position();
            buckets
                .entry(((p.x / cell).floor() as i64, (p.y / cell).floor() as i64))
                .or_default()
                .push(i);
        }
        Neighbours {
            cell,
            buckets,
            radius,
            positions: candidates.iter().map(|c| c.position()).collect(),
        }
    }

    fn near(&self, p: crate::geometry::Point) -> Vec<usize> {
        let (cx, cy) = (
            (p.x / self.cell).floor() as i64,
            (p.y / self.cell).floor() as i64,
        );
        let mut out = Vec::new();
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(list) = self.buckets.get(&(cx + dx, cy + dy)) {
                    out.extend(
                        list.iter()
                            .copied()
                            .filter(|&i| self.positions[i].distance(p) <= self.radius),
                    );
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// An upper bound on the best value any set within the limit could reach,
/// from the marginal gains over `selection` (submodularity: the optimum gains
/// at most the sum of its members' gains over any set). A fractional knapsack
/// of those gains for a budget (each candidate at the least it can add to a
/// layout's cost, [`Pricing::least_added_cost`], in the room the budget leaves
/// beyond choosing nothing), the top gains for a count. `area_only`: a bound
/// on the weighted coverage alone, else on the whole objective.
pub fn upper_bound(rules: &Rules, coverage: &Coverage, limit: Limit, area_only: bool) -> f64 {
    let candidates = rules.candidates;
    let least: Vec<f64> = (0..candidates.len())
        .map(|i| rules.pricing.least_added_cost(candidates, i))
        .collect();
    let mut gains: Vec<(f64, f64)> = candidates
        .iter()
        .zip(&least)
        .map(|(c, &cost)| {
            let g = if area_only {
                coverage.gain_area(&c.footprint)
            } else {
                coverage.gain(&c.footprint)
            };
            (g, cost)
        })
        .filter(|(g, _)| *g > 0.0)
        .collect();
    let extra = match limit {
        Limit::Count(n) => {
            crate::sorting::by_key_descending(&mut gains, |g| g.0);
            gains.iter().take(n).map(|g| g.0).sum::<f64>()
        }
        Limit::Budget(b) => {
            // Any layout within the budget pays at least the cost of choosing
            // nothing plus its members' least added costs. The knapsack's
            // room: the budget less that cost, plus every saving a member
            // could bring (a camera that stays saves its removal, chosen or
            // not: those with nothing left to gain may still be chosen).
            let savings: f64 = least.iter().filter(|&&c| c < 0.0).map(|c| -c).sum();
            let mut left = b - rules.pricing.set_cost(candidates, &[]) + savings;
            let mut sum = 0.0;
            // What can cost nothing (its saving counted already) is taken whole.
            gains.retain(|&(g, c)| {
                if c <= 0.0 {
                    sum += g;
                    false
                } else {
                    true
                }
            });
            crate::sorting::by_key_descending(&mut gains, |g| g.0 / g.1);
            for (g, c) in gains {
                if left <= 0.0 {
                    break;
                }
                if c <= left {
                    sum += g;
                    left -= c;
                } else {
                    sum += g * left / c;
                    break;
                }
            }
            sum
        }
        Limit::Target(_) => 0.0,
    };
    if area_only {
        (coverage.area + extra).min(1.0)
    } else {
        (coverage.value + extra).min(BLIND_WEIGHT + REQUIRED_WEIGHT + 1.0)
    }
}
