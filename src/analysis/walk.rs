//! The walk grid: the plan's walkable space as a fine raster of square cells,
//! with the walls a person cannot cross, the openings they can cross (at a
//! delay), and the cameras and motion detectors that see each cell.
//!
//! Moves go from a cell to any of its 16 neighbours (the 8 around it and the 8
//! a knight's move away), so a path bends in steps of about 27° and a straight
//! line's length is overestimated by at most 2.7 % before smoothing. A move is
//! blocked when the segment between the two cell centres touches a wall (exact
//! orientation tests), and crosses an opening when it crosses only that one.

use crate::geometry::predicates::segments_intersect;
use crate::geometry::{Bounds, Point};
use crate::view::View;

/// The 16 moves: 8 neighbours, then 8 knight's moves.
pub(super) const MOVES: [(i32, i32); 16] = [
    (1, 0),
    (1, 1),
    (0, 1),
    (-1, 1),
    (-1, 0),
    (-1, -1),
    (0, -1),
    (1, -1),
    (2, 1),
    (1, 2),
    (-1, 2),
    (-2, 1),
    (-2, -1),
    (-1, -2),
    (1, -2),
    (2, -1),
];

/// True for the moves tested from their start cell (the others are their
/// reverses, marked from the other end).
fn forward(m: usize) -> bool {
    m % 8 < 4
}

/// The move going back the way `m` came.
fn reverse(m: usize) -> usize {
    (m / 8) * 8 + (m % 8 + 4) % 8
}

/// The cells (offsets from the start cell) a move's segment passes through or
/// touches: every wall it could meet is registered in one of them.
fn footprint(dx: i32, dy: i32) -> Vec<(i32, i32)> {
    match (dx.abs(), dy.abs()) {
        (1, 0) | (0, 1) => vec![(0, 0), (dx, dy)],
        (1, 1) => vec![(0, 0), (dx, 0), (0, dy), (dx, dy)],
        (2, 1) => vec![(0, 0), (dx / 2, 0), (dx / 2, dy), (dx, dy)],
        (1, 2) => vec![(0, 0), (0, dy / 2), (dx, dy / 2), (dx, dy)],
        _ => unreachable!("only the 16 moves"),
    }
}

/// What a wall segment is to a walker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Barrier {
    /// Never crossed.
    Wall,
    /// Crossed at a delay: the index of the wall (an opening) in the plan.
    Opening(usize),
}

/// What one move meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MoveBarrier {
    Free,
    /// A wall, or two openings at once.
    Blocked,
    /// One opening: its wall index and the first of its segments met.
    Opening(usize, usize),
}

/// Something that sees cells: a camera or a motion detector.
#[derive(Clone, Debug)]
pub(super) struct Watcher {
    pub is_camera: bool,
    /// Probability that it detects an intruder it sees.
    pub p: f64,
}

/// The walkable space of a plan, rasterised.
pub(super) struct WalkGrid {
    /// Lower-left corner of cell (0, 0).
    pub origin: Point,
    /// Cell size, m.
    pub step: f64,
    pub nx: usize,
    pub ny: usize,
    /// Wall segments a walker meets, and what they are.
    pub segments: Vec<(Point, Point, Barrier)>,
    /// Per cell, the segments passing through it (offsets into `cell_segments`).
    seg_start: Vec<u32>,
    cell_segments: Vec<u32>,
    /// Per cell, a bit per move: set when the move is blocked.
    pub blocked: Vec<u16>,
    /// Per cell, a bit per move: set when the move crosses an opening.
    crossing_bits: Vec<u16>,
    /// Per cell, the offset of its crossing moves in `crossing_segments`
    /// (one entry per set bit of `crossing_bits`, in move order).
    crossing_start: Vec<u32>,
    /// What each crossing move crosses: (opening segment, an index into
    /// `segments`; its wall).
    crossing_segments: Vec<(u32, u32)>,
    /// Per cell, the watchers seeing its centre (offsets into `cell_watchers`).
    watch_start: Vec<u32>,
    cell_watchers: Vec<u32>,
    pub watchers: Vec<Watcher>,
    /// Per cell, how many cameras see its centre.
    pub cameras: Vec<u8>,
}

/// Most cells a walk grid may have; the step grows (doubling from the asked
/// one) until the plan fits.
pub(super) const MAX_CELLS: usize = 400_000;

impl WalkGrid {
    /// A grid over `extent` with cells of `step` metres (or coarser, see
    /// [`MAX_CELLS`]), the plan's walls as barriers and the given views as
    /// watchers.
    pub fn new(
        extent: Bounds,
        step: f64,
        segments: Vec<(Point, Point, Barrier)>,
        views: &[(&View, Watcher)],
    ) -> WalkGrid {
        let size = extent.size();
        let mut step = step;
        while ((size.x / step).ceil() + 1.0) * ((size.y / step).ceil() + 1.0) > MAX_CELLS as f64 {
            step *= 2.0;
        }
        let nx = (size.x / step).ceil() as usize + 1;
        let ny = (size.y / step).ceil() as usize + 1;
        let mut grid = WalkGrid {
            origin: extent.min,
            step,
            nx,
            ny,
            segments,
            seg_start: Vec::new(),
            cell_segments: Vec::new(),
            blocked: vec![0; nx * ny],
            crossing_bits: vec![0; nx * ny],
            crossing_start: Vec::new(),
            crossing_segments: Vec::new(),
            watch_start: Vec::new(),
            cell_watchers: Vec::new(),
            watchers: Vec::new(),
            cameras: vec![0; nx * ny],
        };
        grid.register_segments();
        grid.mark_moves();
        grid.rasterise(views);
        grid
    }

    pub fn cells(&self) -> usize {
        self.nx * self.ny
    }

    pub fn center(&self, cell: usize) -> Point {
        let (i, j) = (cell % self.nx, cell / self.nx);
        Point::new(
            self.origin.x + (i as f64 + 0.5) * self.step,
            self.origin.y + (j as f64 + 0.5) * self.step,
        )
    }

    /// The cell holding `p`, if it lies on the grid.
    pub fn cell_at(&self, p: Point) -> Option<usize> {
        let i = ((p.x - self.origin.x) / self.step).floor();
        let j = ((p.y - self.origin.y) / self.step).floor();
        (i >= 0.0 && j >= 0.0 && (i as usize) < self.nx && (j as usize) < self.ny)
            .then(|| j as usize * self.nx + i as usize)
    }

    /// The neighbour of `cell` by move `m`, if on the grid.
    pub fn neighbour(&self, cell: usize, m: usize) -> Option<usize> {
        let (dx, dy) = MOVES[m];
        let i = (cell % self.nx) as i64 + dx as i64;
        let j = (cell / self.nx) as i64 + dy as i64;
        (i >= 0 && j >= 0 && (i as usize) < self.nx && (j as usize) < self.ny)
            .then(|| j as usize * self.nx + i as usize)
    }

    /// The opening (wall index) move `m` from `cell` crosses, if any.
    pub fn crossing(&self, cell: usize, m: usize) -> Option<usize> {
        self.crossed(cell, m).map(|(_, w)| w)
    }

    /// What move `m` from `cell` crosses, if anything: the opening segment
    /// (index into `segments`) the exact test found the move meeting, and its
    /// wall.
    pub fn crossed(&self, cell: usize, m: usize) -> Option<(usize, usize)> {
        let bits = self.crossing_bits[cell];
        if bits & (1 << m) == 0 {
            return None;
        }
        let before = (bits & ((1u16 << m) - 1)).count_ones();
        let (seg, wall) = self.crossing_segments[(self.crossing_start[cell] + before) as usize];
        Some((seg as usize, wall as usize))
    }

    /// Length of move `m`, m.
    pub fn move_length(&self, m: usize) -> f64 {
        let (dx, dy) = MOVES[m];
        ((dx * dx + dy * dy) as f64).sqrt() * self.step
    }

    /// The watchers seeing the centre of `cell` (indices into `watchers`).
    pub fn watchers_of(&self, cell: usize) -> &[u32] {
        &self.cell_watchers[self.watch_start[cell] as usize..self.watch_start[cell + 1] as usize]
    }

    fn segments_of(&self, cell: usize) -> &[u32] {
        &self.cell_segments[self.seg_start[cell] as usize..self.seg_start[cell + 1] as usize]
    }

    /// Registers every wall segment in each cell it passes through or touches
    /// (the cells of its box that it meets, boxes grown by a hair).
    fn register_segments(&mut self) {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let eps = self.step * 1e-6;
        for (s, &(a, b, _)) in self.segments.iter().enumerate() {
            let lo = Point::new(a.x.min(b.x) - eps, a.y.min(b.y) - eps);
            let hi = Point::new(a.x.max(b.x) + eps, a.y.max(b.y) + eps);
            let i0 = (((lo.x - self.origin.x) / self.step).floor().max(0.0)) as usize;
            let j0 = (((lo.y - self.origin.y) / self.step).floor().max(0.0)) as usize;
            let i1 = (((hi.x - self.origin.x) / self.step).floor() as usize).min(self.nx - 1);
            let j1 = (((hi.y - self.origin.y) / self.step).floor() as usize).min(self.ny - 1);
            for j in j0..=j1 {
                for i in i0..=i1 {
                    let cmin = Point::new(
                        self.origin.x + i as f64 * self.step - eps,
                        self.origin.y + j as f64 * self.step - eps,
                    );
                    let cmax = Point::new(
                        cmin.x + self.step + 2.0 * eps,
                        cmin.y + self.step + 2.0 * eps,
                    );
                    if segment_meets_box(a, b, cmin, cmax) {
                        pairs.push(((j * self.nx + i) as u32, s as u32));
                    }
                }
            }
        }
        (self.seg_start, self.cell_segments) = csr(self.cells(), pairs);
    }

    /// What a straight segment between two points meets: `None` when a wall
    /// blocks it, else the openings it crosses (wall index, and the first of
    /// its segments found meeting it).
    pub fn segment_barriers(
        &self,
        a: Point,
        b: Point,
        cells: &[usize],
    ) -> Option<Vec<(usize, usize)>> {
        let mut openings: Vec<(usize, usize)> = Vec::new();
        for &c in cells {
            for &s in self.segments_of(c) {
                let (p, q, barrier) = self.segments[s as usize];
                if segments_intersect(a, b, p, q) {
                    match barrier {
                        Barrier::Wall => return None,
                        Barrier::Opening(w) => {
                            if !openings.iter().any(|&(x, _)| x == w) {
                                openings.push((w, s as usize));
                            }
                        }
                    }
                }
            }
        }
        Some(openings)
    }

    /// What a move's segment between two points meets (as
    /// [`WalkGrid::segment_barriers`], without gathering every opening).
    fn move_barrier(&self, a: Point, b: Point, cells: &[usize]) -> MoveBarrier {
        let mut found = MoveBarrier::Free;
        let (lo, hi) = (
            Point::new(a.x.min(b.x), a.y.min(b.y)),
            Point::new(a.x.max(b.x), a.y.max(b.y)),
        );
        for &c in cells {
            for &s in self.segments_of(c) {
                let (p, q, barrier) = self.segments[s as usize];
                // Segments that meet have overlapping closed boxes: the exact
                // test only runs on those.
                if p.x.max(q.x) < lo.x
                    || p.x.min(q.x) > hi.x
                    || p.y.max(q.y) < lo.y
                    || p.y.min(q.y) > hi.y
                    || !segments_intersect(a, b, p, q)
                {
                    continue;
                }
                match (barrier, found) {
                    (Barrier::Wall, _) => return MoveBarrier::Blocked,
                    (Barrier::Opening(w), MoveBarrier::Free) => {
                        found = MoveBarrier::Opening(w, s as usize);
                    }
                    (Barrier::Opening(w), MoveBarrier::Opening(x, _)) if w == x => {}
                    // Two openings at once (where they meet): not a way.
                    (Barrier::Opening(_), _) => found = MoveBarrier::Blocked,
                }
            }
        }
        found
    }

    /// Marks blocked moves and moves that cross an opening. A move and its
    /// reverse are the same segment: each pair is tested once, and only where
    /// a wall lies in the cells its segment can touch.
    fn mark_moves(&mut self) {
        let prints: Vec<Vec<(i32, i32)>> =
            MOVES.iter().map(|&(dx, dy)| footprint(dx, dy)).collect();
        let (nx, ny) = (self.nx as i32, self.ny as i32);
        let has: Vec<bool> = (0..self.cells())
            .map(|c| self.seg_start[c] != self.seg_start[c + 1])
            .collect();
        // Forward moves' footprints lie in columns i-2..=i+2 and rows j..=j+2
        // of their start cell: a cell with no wall there has only free moves
        // (or moves off the grid). Counts of wall cells per box by prefix sums.
        let w = self.nx + 1;
        let mut sum = vec![0u32; w * (self.ny + 1)];
        for j in 0..self.ny {
            for i in 0..self.nx {
                sum[(j + 1) * w + i + 1] =
                    has[j * self.nx + i] as u32 + sum[j * w + i + 1] + sum[(j + 1) * w + i]
                        - sum[j * w + i];
            }
        }
        let walls_in = |i0: i32, j0: i32, i1: i32, j1: i32| -> bool {
            let (i0, j0) = (i0.max(0) as usize, j0.max(0) as usize);
            let (i1, j1) = ((i1 + 1).min(nx) as usize, (j1 + 1).min(ny) as usize);
            i0 < i1
                && j0 < j1
                && sum[j1 * w + i1] + sum[j0 * w + i0] > sum[j0 * w + i1] + sum[j1 * w + i0]
        };
        // (cell, move, segment, wall) of each move crossing an opening.
        let mut crossings: Vec<(u32, u8, u32, u32)> = Vec::new();
        let mut cells = Vec::with_capacity(4);
        for cell in 0..self.cells() {
            let (i, j) = ((cell % self.nx) as i32, (cell / self.nx) as i32);
            let near = walls_in(i - 2, j, i + 2, j + 2);
            for (m, print) in prints.iter().enumerate() {
                let (dx, dy) = MOVES[m];
                let (ti, tj) = (i + dx, j + dy);
                if ti < 0 || tj < 0 || ti >= nx || tj >= ny {
                    self.blocked[cell] |= 1 << m;
                    continue;
                }
                if !forward(m) || !near {
                    continue;
                }
                let to = (tj * nx + ti) as usize;
                cells.clear();
                let mut walls_near = false;
                for &(dx, dy) in print {
                    let (x, y) = (i + dx, j + dy);
                    if x >= 0 && y >= 0 && x < nx && y < ny {
                        let c = (y * nx + x) as usize;
                        walls_near |= has[c];
                        cells.push(c);
                    }
                }
                if !walls_near {
                    continue;
                }
                let back = reverse(m);
                match self.move_barrier(self.center(cell), self.center(to), &cells) {
                    MoveBarrier::Free => {}
                    MoveBarrier::Blocked => {
                        self.blocked[cell] |= 1 << m;
                        self.blocked[to] |= 1 << back;
                    }
                    MoveBarrier::Opening(w, seg) => {
                        crossings.push((cell as u32, m as u8, seg as u32, w as u32));
                        crossings.push((to as u32, back as u8, seg as u32, w as u32));
                        self.crossing_bits[cell] |= 1 << m;
                        self.crossing_bits[to] |= 1 << back;
                    }
                }
            }
        }
        // In cell and move order: a cell's entries follow its bits.
        crossings.sort_unstable();
        let mut start = vec![0u32; self.cells() + 1];
        for &(c, ..) in &crossings {
            start[c as usize + 1] += 1;
        }
        for c in 0..self.cells() {
            start[c + 1] += start[c];
        }
        self.crossing_start = start;
        self.crossing_segments = crossings.iter().map(|&(_, _, s, w)| (s, w)).collect();
    }

    /// Which watchers see each cell's centre: each view's ring filled row by
    /// row, less its dead zone.
    fn rasterise(&mut self, views: &[(&View, Watcher)]) {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (w, (view, watcher)) in views.iter().enumerate() {
            self.watchers.push(watcher.clone());
            if view.ring.len() < 3 {
                continue;
            }
            let b = view.bounds;
            let j0 = (((b.min.y - self.origin.y) / self.step - 0.5)
                .ceil()
                .max(0.0)) as usize;
            let j1 = ((b.max.y - self.origin.y) / self.step - 0.5).floor();
            if j1 < 0.0 {
                continue;
            }
            let j1 = (j1 as usize).min(self.ny - 1);
            for j in j0..=j1 {
                let y = self.origin.y + (j as f64 + 0.5) * self.step;
                let spans = row_spans(&view.ring, y);
                let dead = if view.dead.len() >= 3 {
                    row_spans(&view.dead, y)
                } else {
                    Vec::new()
                };
                for (x0, x1) in spans {
                    let i0 = ((x0 - self.origin.x) / self.step - 0.5).ceil().max(0.0) as usize;
                    let i1 = ((x1 - self.origin.x) / self.step - 0.5).floor();
                    if i1 < 0.0 {
                        continue;
                    }
                    for i in i0..=(i1 as usize).min(self.nx - 1) {
                        let x = self.origin.x + (i as f64 + 0.5) * self.step;
                        if dead.iter().any(|&(d0, d1)| x >= d0 && x <= d1) {
                            continue;
                        }
                        // Spans touching at a cell centre would give it twice.
                        let pair = ((j * self.nx + i) as u32, w as u32);
                        if pairs.last() != Some(&pair) {
                            pairs.push(pair);
                        }
                    }
                }
            }
        }
        (self.watch_start, self.cell_watchers) = csr(self.cells(), pairs);
        for c in 0..self.cells() {
            let n = self
                .watchers_of(c)
                .iter()
                .filter(|&&w| self.watchers[w as usize].is_camera)
                .count();
            self.cameras[c] = n.min(u8::MAX as usize) as u8;
        }
    }

    /// The cells a segment passes through, in order, with the length of the
    /// segment in each (an exact grid walk).
    pub fn traverse(&self, a: Point, b: Point) -> Vec<(usize, f64)> {
        let mut out = Vec::new();
        let d = b - a;
        let len = d.length();
        let Some(mut cell) = self.cell_at(a) else {
            return out;
        };
        if len == 0.0 {
            out.push((cell, 0.0));
            return out;
        }
        let (mut i, mut j) = ((cell % self.nx) as i64, (cell / self.nx) as i64);
        let step_x = if d.x > 0.0 { 1 } else { -1 };
        let step_y = if d.y > 0.0 { 1 } else { -1 };
        let next_boundary = |k: i64, s: i64, o: f64| o + (k + (s > 0) as i64) as f64 * self.step;
        let mut t_max_x = if d.x == 0.0 {
            f64::INFINITY
        } else {
            (next_boundary(i, step_x, self.origin.x) - a.x) / d.x
        };
        let mut t_max_y = if d.y == 0.0 {
            f64::INFINITY
        } else {
            (next_boundary(j, step_y, self.origin.y) - a.y) / d.y
        };
        let t_dx = if d.x == 0.0 {
            f64::INFINITY
        } else {
            self.step / d.x.abs()
        };
        let t_dy = if d.y == 0.0 {
            f64::INFINITY
        } else {
            self.step / d.y.abs()
        };
        let mut t = 0.0;
        loop {
            let t_next = t_max_x.min(t_max_y).min(1.0);
            out.push((cell, (t_next - t) * len));
            if t_next >= 1.0 {
                break;
            }
            t = t_next;
            if t_max_x < t_max_y {
                i += step_x;
                t_max_x += t_dx;
            } else {
                j += step_y;
                t_max_y += t_dy;
            }
            if i < 0 || j < 0 || i as usize >= self.nx || j as usize >= self.ny {
                break;
            }
            cell = j as usize * self.nx + i as usize;
        }
        out
    }

    /// The cells a segment passes through or touches (for wall tests): the
    /// walk's cells and their 4 neighbours.
    pub fn cells_near_segment(&self, a: Point, b: Point) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for (c, _) in self.traverse(a, b) {
            out.push(c);
            for m in [0, 2, 4, 6] {
                if let Some(n) = self.neighbour(c, m) {
                    out.push(n);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Offsets and items of per-cell lists, from (cell, item) pairs given in
/// increasing item order, each pair once: a counting sort by cell, which
/// keeps each cell's items in that order.
fn csr(cells: usize, pairs: Vec<(u32, u32)>) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; cells + 1];
    for &(c, _) in &pairs {
        start[c as usize + 1] += 1;
    }
    for c in 0..cells {
        start[c + 1] += start[c];
    }
    let mut fill = start.clone();
    let mut items = vec![0u32; pairs.len()];
    for (c, item) in pairs {
        items[fill[c as usize] as usize] = item;
        fill[c as usize] += 1;
    }
    (start, items)
}

/// The x spans where the horizontal line at `y` lies inside `ring` (even-odd).
fn row_spans(ring: &[Point], y: f64) -> Vec<(f64, f64)> {
    let n = ring.len();
    let mut xs = Vec::new();
    for k in 0..n {
        let (p, q) = (ring[k], ring[(k + 1) % n]);
        if (p.y > y) != (q.y > y) {
            xs.push(p.x + (y - p.y) * (q.x - p.x) / (q.y - p.y));
        }
    }
    crate::sorting::by_key(&mut xs, |x| *x);
    xs.chunks_exact(2).map(|c| (c[0], c[1])).collect()
}

/// True when segment `a b` meets the box `lo..hi` (Liang-Barsky).
fn segment_meets_box(a: Point, b: Point, lo: Point, hi: Point) -> bool {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-d.x, a.x - lo.x),
        (d.x, hi.x - a.x),
        (-d.y, a.y - lo.y),
        (d.y, hi.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty(step: f64) -> WalkGrid {
        WalkGrid::new(
            Bounds {
                min: Point::new(0.0, 0.0),
                max: Point::new(10.0, 10.0),
            },
            step,
            vec![(Point::new(5.0, 0.0), Point::new(5.0, 4.0), Barrier::Wall)],
            &[],
        )
    }

    #[test]
    fn a_wall_blocks_the_moves_across_it_only() {
        let g = empty(1.0);
        let c = g.cell_at(Point::new(4.5, 1.5)).unwrap();
        assert_ne!(g.blocked[c] & 1, 0, "east across the wall");
        assert_eq!(g.blocked[c] & (1 << 2), 0, "north along it");
        let above = g.cell_at(Point::new(4.5, 5.5)).unwrap();
        assert_eq!(g.blocked[above] & 1, 0, "east above its end");
    }

    #[test]
    fn a_move_along_an_opening_crosses_that_segment() {
        // An opening on the row of cell centres y = 1.5: the east move from
        // (2.5, 1.5) runs along it (touching it), and is recorded as crossing
        // its first segment, not as blocked.
        let g = WalkGrid::new(
            Bounds {
                min: Point::new(0.0, 0.0),
                max: Point::new(10.0, 10.0),
            },
            1.0,
            vec![
                (
                    Point::new(3.0, 1.5),
                    Point::new(5.0, 1.5),
                    Barrier::Opening(7),
                ),
                (
                    Point::new(5.0, 1.5),
                    Point::new(5.0, 3.5),
                    Barrier::Opening(7),
                ),
            ],
            &[],
        );
        let c = g.cell_at(Point::new(2.5, 1.5)).unwrap();
        assert_eq!(g.blocked[c] & 1, 0);
        assert_eq!(g.crossed(c, 0), Some((0, 7)));
        // The same move seen from its other end.
        let d = g.cell_at(Point::new(3.5, 1.5)).unwrap();
        assert_eq!(g.crossed(d, 4), Some((0, 7)));
        assert_eq!(g.crossing(c, 2), None, "north of it crosses nothing");
    }

    #[test]
    fn traversal_lengths_add_up() {
        let g = empty(0.5);
        let (a, b) = (Point::new(0.3, 0.2), Point::new(7.9, 3.3));
        let cells = g.traverse(a, b);
        let total: f64 = cells.iter().map(|c| c.1).sum();
        assert!((total - a.distance(b)).abs() < 1e-9);
        assert_eq!(cells.first().unwrap().0, g.cell_at(a).unwrap());
        assert_eq!(cells.last().unwrap().0, g.cell_at(b).unwrap());
    }

    #[test]
    fn row_spans_of_a_square() {
        let sq = [
            Point::new(1.0, 1.0),
            Point::new(3.0, 1.0),
            Point::new(3.0, 3.0),
            Point::new(1.0, 3.0),
        ];
        assert_eq!(row_spans(&sq, 2.0), vec![(1.0, 3.0)]);
        assert!(row_spans(&sq, 4.0).is_empty());
    }
}
