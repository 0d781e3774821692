//! Coverage: which parts of the zones the cameras see, how often, and where the
//! blind spots are.
//!
//! Covered area = (union of zones) ∩ (union of views). Everything runs on one
//! integer grid ([`grid`]) with exact boolean operations (i_overlay), per cell
//! ([`cells`]); areas are summed exactly in integers and converted to m² once.

pub mod cells;
pub mod grid;
pub(crate) mod overlay;

use crate::geometry::{Anchor, Bounds, Polygon};
use crate::scenario::Zone;
use cells::{Cell, build_cells};
use grid::{Grid, IContour, IPoint, IShape, IShapes, twice_area};
use serde::{Deserialize, Serialize};

/// Grid units between a cell's box and the box views are clipped to.
const CLIP_MARGIN: i64 = 64;

/// Coverage of one cell by the current views.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CellCoverage {
    /// Twice the covered area, grid units.
    pub covered2: i128,
    /// Twice the area covered by two or more cameras, grid units.
    pub multi2: i128,
    /// Per density level, twice the area seen at that level or better.
    pub levels2: Vec<i128>,
    /// The uncovered parts of the cell.
    pub blind: IShapes,
    /// The parts covered twice or more.
    pub multi: IShapes,
}

/// A camera view prepared for overlays: signed contours on the grid, clipped
/// to the grid box. Counter-clockwise contours add coverage, clockwise ones (the
/// dead zone, reversed) take it away; overlays use the positive-winding rule.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ViewShape {
    /// The covered region: the view ring, and the dead zone reversed.
    pub any: Vec<IContour>,
    /// Per density level: its region the same way (empty where it holds nowhere).
    pub levels: Vec<Vec<IContour>>,
    /// Per level: true when the level's region is the whole covered region.
    pub level_full: Vec<bool>,
    pub bounds: Bounds,
}

impl ViewShape {
    fn is_empty(&self) -> bool {
        self.any.is_empty()
    }
}

/// One view's contours clipped to a cell's neighbourhood.
struct Clipped<'a> {
    any: Vec<IContour>,
    shape: &'a ViewShape,
    /// How the cell lies against the view's outer ring.
    relation: Relation,
}

/// Area totals for one zone or the whole target, in m².
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Areas {
    pub area: f64,
    pub covered: f64,
    pub multi: f64,
}

/// Area seen at each density level (densest first), in m².
pub type LevelAreas = Vec<f64>;

/// A merged blind spot: a polygon and the zones it lies in.
#[derive(Clone, Debug)]
pub struct BlindSpot {
    pub polygon: Polygon,
    pub area: f64,
    pub zones: Vec<usize>,
}

/// The coverage state of a plan's zones against a set of views.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Coverage {
    pub grid: Grid,
    pub cells: Vec<Cell>,
    pub results: Vec<CellCoverage>,
    zone_count: usize,
    /// Number of density levels tracked.
    level_count: usize,
    /// A clockwise box around the grid (for the covered-twice winding trick).
    frame: IContour,
    /// Scratch buffers only (a snapshot starts with fresh ones).
    #[serde(skip)]
    overlayer: overlay::Overlayer,
}

impl Coverage {
    /// Prepares the zones for `level_count` density levels, on a grid anchored
    /// at `anchor` (the plan's, so that views come in exactly).
    ///
    /// # Validity
    /// Zones must be valid as scenario validation checks: simple rings, holes
    /// inside their outer ring (touching it at single points is fine).
    pub fn new(zones: &[Zone], level_count: usize, anchor: Anchor) -> Coverage {
        let polygons: Vec<Polygon> = zones.iter().map(Zone::shape).collect();
        let extent = polygons
            .iter()
            .fold(Bounds::EMPTY, |b, p| b.union(p.bounds()));
        let extent = if extent.is_empty() {
            Bounds {
                min: Default::default(),
                max: Default::default(),
            }
        } else {
            extent
        };
        let grid = Grid::covering(extent, anchor);
        let shapes: Vec<IShape> = polygons.iter().map(|p| grid.polygon_to_int(p)).collect();
        let cells = build_cells(&grid, &shapes);
        let (lo, hi) = (
            grid.local_to_int(grid.rect.min),
            grid.local_to_int(grid.rect.max),
        );
        let frame = vec![
            IPoint::new(lo.x - 1, lo.y - 1),
            IPoint::new(lo.x - 1, hi.y + 1),
            IPoint::new(hi.x + 1, hi.y + 1),
            IPoint::new(hi.x + 1, lo.y - 1),
        ];
        let results = cells
            .iter()
            .map(|c| CellCoverage {
                blind: c.shapes.clone(),
                levels2: vec![0; level_count],
                ..Default::default()
            })
            .collect();
        Coverage {
            grid,
            cells,
            results,
            zone_count: zones.len(),
            level_count,
            frame,
            overlayer: Default::default(),
        }
    }

    /// Checks that this coverage (read from a session snapshot) fits `zones`
    /// zones and `levels` density levels, and that its views' `shapes` do:
    /// every index the updates follow lies in range.
    ///
    /// # Errors
    /// The first inconsistency found, described.
    pub(crate) fn check_parts(
        &self,
        zones: usize,
        levels: usize,
        shapes: &[ViewShape],
    ) -> Result<(), String> {
        if self.zone_count != zones || self.level_count != levels {
            return Err(format!(
                "coverage of {} zones and {} levels for a scenario of {zones} and {levels}",
                self.zone_count, self.level_count
            ));
        }
        if self.cells.len() != self.results.len() {
            return Err(format!(
                "{} cells but {} cell results",
                self.cells.len(),
                self.results.len()
            ));
        }
        if let Some(i) = self
            .cells
            .iter()
            .position(|c| c.zones.iter().any(|&z| z >= zones))
        {
            return Err(format!("cell {i} names a zone beyond the {zones}"));
        }
        if let Some(i) = self.results.iter().position(|r| r.levels2.len() != levels) {
            return Err(format!("cell {i}'s result has the wrong number of levels"));
        }
        if let Some(i) = shapes
            .iter()
            .position(|s| s.levels.len() != levels || s.level_full.len() != levels)
        {
            return Err(format!("view {i}'s shape has the wrong number of levels"));
        }
        Ok(())
    }

    /// Prepares a view for overlays, from its plan-local rings (exact when the
    /// view was computed on a plan with this grid's anchor). A view with fewer
    /// density bands than this coverage's levels (one computed without
    /// density levels, or a camera without a resolution) is seen at none of
    /// the missing levels: that is what an absent band means, not a fallback.
    pub fn view_shape(&self, view: &crate::view::View) -> ViewShape {
        let local = &view.local;
        let world_rect = Bounds {
            min: self.grid.anchor.to_world(self.grid.rect.min),
            max: self.grid.anchor.to_world(self.grid.rect.max),
        };
        if local.ring.len() < 3 || !view.bounds.intersects(&world_rect) {
            return ViewShape {
                levels: vec![Vec::new(); self.level_count],
                level_full: vec![false; self.level_count],
                ..Default::default()
            };
        }
        // Rings of a plan anchored elsewhere move to this grid's anchor.
        let shift = local.anchor.origin - self.grid.anchor.origin;
        let to_int = |ring: &[crate::geometry::Point]| -> IContour {
            if shift == crate::geometry::Point::default() {
                self.grid.local_ring_to_int(ring)
            } else {
                let moved: Vec<_> = ring.iter().map(|&p| p + shift).collect();
                self.grid.local_ring_to_int(&moved)
            }
        };
        let dead = if local.dead.len() >= 3 {
            let mut d = to_int(&local.dead);
            d.reverse();
            Some(d)
        } else {
            None
        };
        let signed = |ring: &[crate::geometry::Point]| -> Vec<IContour> {
            let outer = to_int(ring);
            if outer.is_empty() {
                return Vec::new();
            }
            std::iter::once(outer)
                .chain(dead.iter().filter(|d| !d.is_empty()).cloned())
                .collect()
        };
        let any = signed(&local.ring);
        let mut levels = Vec::with_capacity(self.level_count);
        let mut level_full = Vec::with_capacity(self.level_count);
        for i in 0..self.level_count {
            let band = local.levels.get(i).map(|r| r.as_slice()).unwrap_or(&[]);
            let full = band.len() >= 3 && band == local.ring.as_slice();
            level_full.push(full);
            levels.push(if full || band.len() < 3 {
                Vec::new()
            } else {
                signed(band)
            });
        }
        ViewShape {
            any,
            levels,
            level_full,
            bounds: view.bounds,
        }
    }

    /// Indices of the cells whose box meets `bounds`.
    pub fn cells_touching(&self, bounds: &Bounds) -> Vec<usize> {
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.bounds.intersects(bounds))
            .map(|(i, _)| i)
            .collect()
    }

    /// Recomputes the given cells against `views`.
    pub fn update(&mut self, cells: impl IntoIterator<Item = usize>, views: &[ViewShape]) {
        for i in cells {
            let result = self.cell_coverage(i, views);
            self.results[i] = result;
        }
    }

    fn cell_coverage(&mut self, i: usize, views: &[ViewShape]) -> CellCoverage {
        let cell = &self.cells[i];
        // Each view clipped to a box just around the cell: overlays then only
        // see the view edges near the cell (the edges inside it are kept
        // exactly as they are).
        let (lo, hi) = self.grid.int_box(&cell.bounds, CLIP_MARGIN);
        let clip = |contours: &[IContour]| -> Vec<IContour> {
            contours
                .iter()
                .map(|c| grid::clip_contour(c, lo, hi))
                .filter(|c| c.len() >= 3)
                .collect()
        };
        // Views that miss the cell drop out (an outer ring disjoint from it).
        let near: Vec<Clipped> = views
            .iter()
            .filter(|v| !v.is_empty() && v.bounds.intersects(&cell.bounds))
            .filter_map(|v| {
                let any = clip(&v.any);
                let relation = match any.first() {
                    Some(outer) if outer.len() >= 3 => relate(&cell.shapes, outer),
                    _ => Relation::Disjoint,
                };
                (relation != Relation::Disjoint).then_some(Clipped {
                    any,
                    shape: v,
                    relation,
                })
            })
            .collect();
        let levels = self.level_count;
        if near.is_empty() {
            return CellCoverage {
                blind: cell.shapes.clone(),
                levels2: vec![0; levels],
                ..Default::default()
            };
        }
        let all: Vec<&IContour> = near.iter().flat_map(|c| c.any.iter()).collect();
        // A single view whose ring holds the whole cell, with no dead zone
        // reaching into it, needs no overlay for plain coverage.
        let single_inside = near.len() == 1
            && near[0].relation == Relation::Inside
            && near[0].any[1..]
                .iter()
                .all(|dead| relate(&cell.shapes, dead) == Relation::Disjoint);
        let (covered2, blind, multi) = if single_inside {
            (cell.twice_area, Vec::new(), Vec::new())
        } else {
            let (covered, blind) = self.overlayer.covered_and_uncovered(&all, &cell.shapes);
            let outers: Vec<&IContour> = near.iter().map(|c| &c.any[0]).collect();
            let multi = if near.len() >= 2 && any_boxes_overlap(&outers) {
                self.overlayer
                    .covered_twice(&all, &cell.shapes, &self.frame)
            } else {
                Vec::new()
            };
            (twice_area(&covered), blind, multi)
        };
        // Levels nest (a denser level's region lies inside a sparser one's):
        // once a level covers the whole cell every sparser one does, and once
        // one covers nothing no denser one does. Sparsest first, then densest,
        // then the rest, skipping what nesting already decides.
        let mut levels2: Vec<Option<i128>> = vec![None; levels];
        let order: Vec<usize> = (0..levels)
            .rev()
            .take(1)
            .chain(0..levels.saturating_sub(1))
            .collect();
        for l in order {
            if levels2[l].is_some() {
                continue;
            }
            let area = self.level_area(i, &near, l, covered2, &clip);
            levels2[l] = Some(area);
            if area == 0 {
                for denser in levels2.iter_mut().take(l) {
                    denser.get_or_insert(0);
                }
            } else if area == self.cells[i].twice_area {
                for sparser in levels2.iter_mut().skip(l + 1) {
                    sparser.get_or_insert(area);
                }
            }
        }
        // The loop above visits every level, so none is left unset.
        let levels2: Vec<i128> = levels2.into_iter().map(|a| a.unwrap_or(0)).collect();
        CellCoverage {
            covered2,
            multi2: twice_area(&multi),
            levels2,
            blind,
            multi,
        }
    }

    /// Twice the area of cell `i` seen at level `l` or better by the `near`
    /// views (whose plain coverage of the cell is `covered2`).
    fn level_area(
        &mut self,
        i: usize,
        near: &[Clipped],
        l: usize,
        covered2: i128,
        clip: &dyn Fn(&[IContour]) -> Vec<IContour>,
    ) -> i128 {
        let cell = &self.cells[i];
        if near.iter().all(|c| c.shape.level_full[l]) {
            return covered2;
        }
        let mut band: Vec<IContour> = Vec::new();
        for c in near {
            let contours = if c.shape.level_full[l] {
                c.any.clone()
            } else {
                clip(&c.shape.levels[l])
            };
            // Exact shortcuts: a band that misses the cell adds nothing; one
            // that holds it (with no dead zone reaching in) covers it all.
            match contours.first().map(|outer| relate(&cell.shapes, outer)) {
                None | Some(Relation::Disjoint) => continue,
                Some(Relation::Inside)
                    if contours[1..]
                        .iter()
                        .all(|dead| relate(&cell.shapes, dead) == Relation::Disjoint) =>
                {
                    return cell.twice_area;
                }
                _ => band.extend(contours),
            }
        }
        if band.is_empty() {
            return 0;
        }
        let refs: Vec<&IContour> = band.iter().collect();
        let shapes = cell.shapes.clone();
        self.overlayer.covered_area(&refs, &shapes)
    }

    /// Recomputes every cell.
    pub fn update_all(&mut self, views: &[ViewShape]) {
        self.update(0..self.cells.len(), views);
    }

    /// Totals over the whole target, and the area seen at each level.
    pub fn total(&self) -> (Areas, LevelAreas) {
        let mut twice = [0i128; 3];
        let mut levels = vec![0i128; self.level_count];
        for (cell, result) in self.cells.iter().zip(&self.results) {
            twice[0] += cell.twice_area;
            twice[1] += result.covered2;
            twice[2] += result.multi2;
            for (sum, l) in levels.iter_mut().zip(&result.levels2) {
                *sum += l;
            }
        }
        (self.areas(twice), self.level_areas(&levels))
    }

    /// Totals per zone, in zone order.
    pub fn per_zone(&self) -> Vec<(Areas, LevelAreas)> {
        let mut twice = vec![[0i128; 3]; self.zone_count];
        let mut levels = vec![vec![0i128; self.level_count]; self.zone_count];
        for (cell, result) in self.cells.iter().zip(&self.results) {
            for &z in &cell.zones {
                twice[z][0] += cell.twice_area;
                twice[z][1] += result.covered2;
                twice[z][2] += result.multi2;
                for (sum, l) in levels[z].iter_mut().zip(&result.levels2) {
                    *sum += l;
                }
            }
        }
        twice
            .into_iter()
            .zip(levels)
            .map(|(t, l)| (self.areas(t), self.level_areas(&l)))
            .collect()
    }

    fn level_areas(&self, twice: &[i128]) -> LevelAreas {
        let unit = self.grid.unit_area() / 2.0;
        twice.iter().map(|&t| t as f64 * unit).collect()
    }

    fn areas(&self, twice: [i128; 3]) -> Areas {
        let unit = self.grid.unit_area() / 2.0;
        Areas {
            area: twice[0] as f64 * unit,
            covered: twice[1] as f64 * unit,
            multi: twice[2] as f64 * unit,
        }
    }

    /// The uncovered pieces, cell by cell (not merged across cells), in metres.
    pub fn blind_pieces(&self) -> impl Iterator<Item = Polygon> + '_ {
        self.results
            .iter()
            .flat_map(|r| r.blind.iter())
            .map(|s| self.grid.shape_to_polygon(s))
    }

    /// The pieces covered twice or more, in metres.
    pub fn multi_pieces(&self) -> impl Iterator<Item = Polygon> + '_ {
        self.results
            .iter()
            .flat_map(|r| r.multi.iter())
            .map(|s| self.grid.shape_to_polygon(s))
    }

    /// Blind spots merged across cells, largest first, with their zones.
    ///
    /// Pieces join only across cells of a common zone (a display case and the
    /// room around it), never across the boundary between two zones that merely
    /// touch: two rooms meet along a wall, and a blind area on each side of it is
    /// two blind spots, not one. Pieces are grouped by touching boxes first and
    /// only groups of two or more go through a union.
    pub fn blind_spots(&self) -> Vec<BlindSpot> {
        struct Piece<'a> {
            shape: &'a IShape,
            cell: usize,
            bounds: Bounds,
        }
        let pieces: Vec<Piece> = self
            .results
            .iter()
            .enumerate()
            .flat_map(|(cell, r)| {
                r.blind.iter().map(move |shape| Piece {
                    shape,
                    cell,
                    bounds: self.grid.bounds_of(std::slice::from_ref(shape)),
                })
            })
            .collect();
        // Union-find over pieces of different cells whose boxes touch.
        let mut parent: Vec<usize> = (0..pieces.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut order: Vec<usize> = (0..pieces.len()).collect();
        crate::sorting::by_key(&mut order, |&a| pieces[a].bounds.min.x);
        for (k, &a) in order.iter().enumerate() {
            for &b in &order[k + 1..] {
                if pieces[b].bounds.min.x > pieces[a].bounds.max.x {
                    break;
                }
                if pieces[a].cell != pieces[b].cell
                    && pieces[a].bounds.intersects(&pieces[b].bounds)
                    && share_zone(
                        &self.cells[pieces[a].cell].zones,
                        &self.cells[pieces[b].cell].zones,
                    )
                {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra] = rb;
                }
            }
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..pieces.len() {
            let r = root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let mut spots = Vec::new();
        for members in groups.values() {
            if let [only] = members.as_slice() {
                let p = &pieces[*only];
                spots.push(self.blind_spot(p.shape, self.cells[p.cell].zones.clone()));
                continue;
            }
            let shapes: Vec<IShape> = members.iter().map(|&i| pieces[i].shape.clone()).collect();
            let merged = overlay::union(&shapes);
            let boxes: Vec<Bounds> = merged
                .iter()
                .map(|m| self.grid.bounds_of(std::slice::from_ref(m)))
                .collect();
            // Vertices of the merged shapes: a piece's corners that survive the
            // union name the shape it went into.
            let mut vertex_owner: std::collections::HashMap<IPoint, usize> =
                std::collections::HashMap::new();
            for (m, shape) in merged.iter().enumerate() {
                for p in shape.iter().flatten() {
                    vertex_owner.insert(*p, m);
                }
            }
            let mut zones: Vec<Vec<usize>> = vec![Vec::new(); merged.len()];
            for &i in members {
                let mut votes: std::collections::HashMap<usize, usize> = Default::default();
                for p in pieces[i].shape.iter().flatten() {
                    if let Some(&m) = vertex_owner.get(p) {
                        *votes.entry(m).or_default() += 1;
                    }
                }
                let voted = votes.into_iter().max_by_key(|&(m, n)| (n, usize::MAX - m));
                let owner = match voted {
                    Some((m, _)) => Some(m),
                    // Every corner dissolved (a piece filling a hole of its
                    // neighbour): the shape holding most of its edge
                    // midpoints, among those whose box meets it (all of them
                    // if none does), the lowest index on a tie.
                    None => {
                        let mut candidates: Vec<usize> = (0..merged.len())
                            .filter(|&m| boxes[m].intersects(&pieces[i].bounds))
                            .collect();
                        if candidates.is_empty() {
                            candidates = (0..merged.len()).collect();
                        }
                        match candidates.as_slice() {
                            [only] => Some(*only),
                            _ => candidates.into_iter().max_by_key(|&m| {
                                (
                                    midpoints_inside(pieces[i].shape, &merged[m]),
                                    usize::MAX - m,
                                )
                            }),
                        }
                    }
                };
                // No merged shape at all: the union dissolved every piece (too
                // thin for the grid), so there is no spot to name zones for.
                if let Some(z) = owner.and_then(|o| zones.get_mut(o)) {
                    z.extend(self.cells[pieces[i].cell].zones.iter().copied());
                }
            }
            for (shape, mut zs) in merged.iter().zip(zones) {
                zs.sort_unstable();
                zs.dedup();
                spots.push(self.blind_spot(shape, zs));
            }
        }
        crate::sorting::by_key_descending(&mut spots, |s| s.area);
        spots
    }

    fn blind_spot(&self, shape: &IShape, zones: Vec<usize>) -> BlindSpot {
        BlindSpot {
            area: self.grid.area(std::slice::from_ref(shape)),
            polygon: self.grid.shape_to_polygon(shape),
            zones,
        }
    }
}

/// How a cell lies against one view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    /// Entirely inside the view.
    Inside,
    /// No common interior.
    Disjoint,
    /// Anything else (or too close to call): needs an overlay.
    Mixed,
}

/// Exact test of a cell against a view ring. Only the cell's rings and the
/// view's edges are compared; touching counts as mixed.
fn relate(cell: &[IShape], view: &IContour) -> Relation {
    let n = view.len();
    let cell_edges = cell.iter().flatten().flat_map(|ring| {
        let m = ring.len();
        (0..m).map(move |k| (ring[k], ring[(k + 1) % m]))
    });
    for (a, b) in cell_edges {
        for k in 0..n {
            if segments_touch(a, b, view[k], view[(k + 1) % n]) {
                return Relation::Mixed;
            }
        }
    }
    // No boundary contact: either the cell is inside the view, or the view
    // lies in the cell (or a hole of it), or they are apart.
    // Each of the cell's pieces is wholly in or out: its first vertex tells.
    let inside: Vec<bool> = cell
        .iter()
        .filter_map(|shape| shape.first().and_then(|ring| ring.first()))
        .map(|p| classify(view, (2 * p.x, 2 * p.y)) == Place::Inside)
        .collect();
    let cell_in_view = match (inside.iter().all(|&b| b), inside.iter().any(|&b| b)) {
        (true, _) => true,
        (false, false) => false,
        (false, true) => return Relation::Mixed,
    };
    let v = view[0];
    let view_in_cell = cell
        .iter()
        .any(|shape| in_shape_closure(shape, (2 * v.x, 2 * v.y)));
    match (cell_in_view, view_in_cell) {
        (true, false) => Relation::Inside,
        (false, false) => Relation::Disjoint,
        _ => Relation::Mixed,
    }
}

fn orient_i(a: IPoint, b: IPoint, c: IPoint) -> i128 {
    (b.x as i128 - a.x as i128) * (c.y as i128 - a.y as i128)
        - (b.y as i128 - a.y as i128) * (c.x as i128 - a.x as i128)
}

/// True when the closed segments share a point.
fn segments_touch(a: IPoint, b: IPoint, c: IPoint, d: IPoint) -> bool {
    if a.x.max(b.x) < c.x.min(d.x)
        || c.x.max(d.x) < a.x.min(b.x)
        || a.y.max(b.y) < c.y.min(d.y)
        || c.y.max(d.y) < a.y.min(b.y)
    {
        return false;
    }
    let (o1, o2) = (orient_i(a, b, c).signum(), orient_i(a, b, d).signum());
    let (o3, o4) = (orient_i(c, d, a).signum(), orient_i(c, d, b).signum());
    if o1 * o2 < 0 && o3 * o4 < 0 {
        return true;
    }
    // Any endpoint on the other segment (boxes already overlap).
    let on = |p: IPoint, q: IPoint, r: IPoint| {
        orient_i(p, q, r) == 0
            && r.x >= p.x.min(q.x)
            && r.x <= p.x.max(q.x)
            && r.y >= p.y.min(q.y)
            && r.y <= p.y.max(q.y)
    };
    on(a, b, c) || on(a, b, d) || on(c, d, a) || on(c, d, b)
}

/// True when two ascending zone lists have a zone in common.
fn share_zone(a: &[usize], b: &[usize]) -> bool {
    a.iter().any(|z| b.binary_search(z).is_ok())
}

/// True when the boxes of at least two contours overlap (with positive area):
/// only then can anything be covered twice.
fn any_boxes_overlap(contours: &[&IContour]) -> bool {
    let boxes: Vec<(i64, i64, i64, i64)> = contours
        .iter()
        .map(|c| {
            c.iter()
                .fold((i64::MAX, i64::MAX, i64::MIN, i64::MIN), |b, p| {
                    (b.0.min(p.x), b.1.min(p.y), b.2.max(p.x), b.3.max(p.y))
                })
        })
        .collect();
    boxes.iter().enumerate().any(|(i, a)| {
        boxes[i + 1..]
            .iter()
            .any(|b| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3)
    })
}

/// How many edge midpoints of `piece`'s outer ring lie in the closure of `shape`.
fn midpoints_inside(piece: &IShape, shape: &IShape) -> usize {
    let Some(outer) = piece.first() else { return 0 };
    let n = outer.len();
    (0..n)
        .filter(|&i| {
            let (a, b) = (outer[i], outer[(i + 1) % n]);
            let q = (a.x + b.x, a.y + b.y);
            in_shape_closure(shape, q)
        })
        .count()
}

/// Point `q` (in doubled grid coordinates) in the closure of a shape: inside or
/// on its outer ring, and not strictly inside a hole.
fn in_shape_closure(shape: &IShape, q: (i64, i64)) -> bool {
    let mut rings = shape.iter();
    let Some(outer) = rings.next() else {
        return false;
    };
    if classify(outer, q) == Place::Outside {
        return false;
    }
    rings.all(|hole| classify(hole, q) != Place::Inside)
}

#[derive(PartialEq, Eq)]
enum Place {
    Inside,
    On,
    Outside,
}

/// Exact point-in-ring test in doubled coordinates.
fn classify(ring: &[IPoint], q: (i64, i64)) -> Place {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let a = (2 * ring[i].x, 2 * ring[i].y);
        let b = (2 * ring[(i + 1) % n].x, 2 * ring[(i + 1) % n].y);
        let cross =
            (b.0 - a.0) as i128 * (q.1 - a.1) as i128 - (b.1 - a.1) as i128 * (q.0 - a.0) as i128;
        if cross == 0
            && q.0 >= a.0.min(b.0)
            && q.0 <= a.0.max(b.0)
            && q.1 >= a.1.min(b.1)
            && q.1 <= a.1.max(b.1)
        {
            return Place::On;
        }
        if (a.1 > q.1) != (b.1 > q.1) {
            // x of the edge at q.y compared with q.x, without division.
            let lhs = (q.0 - a.0) as i128 * (b.1 - a.1) as i128;
            let rhs = (b.0 - a.0) as i128 * (q.1 - a.1) as i128;
            let left_of_edge = if b.1 > a.1 { lhs < rhs } else { lhs > rhs };
            if left_of_edge {
                inside = !inside;
            }
        }
    }
    if inside {
        Place::Inside
    } else {
        Place::Outside
    }
}
