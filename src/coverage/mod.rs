//! Coverage: which parts of the zones the cameras see, how often, and where the
//! blind spots are.
//!
//! Covered area = (union of zones) ∩ (union of views). Everything runs on one
//! integer grid ([`grid`]) with exact boolean operations (i_overlay), per cell
//! ([`cells`]); areas are summed exactly in integers and converted to m² once.

pub mod cells;
pub mod grid;
mod overlay;

use crate::geometry::{Bounds, Polygon};
use crate::scenario::Zone;
use cells::{Cell, build_cells};
use grid::{Grid, IContour, IPoint, IShape, IShapes, twice_area};

/// Coverage of one cell by the current views.
#[derive(Clone, Debug, Default)]
pub struct CellCoverage {
    /// Twice the covered area, grid units.
    pub covered2: i128,
    /// Twice the area covered by two or more cameras, grid units.
    pub multi2: i128,
    /// The uncovered parts of the cell.
    pub blind: IShapes,
    /// The parts covered twice or more.
    pub multi: IShapes,
}

/// A camera view prepared for overlays.
#[derive(Clone, Debug, Default)]
pub struct ViewShape {
    /// The view ring on the grid, counter-clockwise, clipped to the grid box;
    /// empty when the view misses it.
    pub contour: IContour,
    pub bounds: Bounds,
}

/// Area totals for one zone or the whole target, in m².
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Areas {
    pub area: f64,
    pub covered: f64,
    pub multi: f64,
}

/// A merged blind spot: a polygon and the zones it lies in.
#[derive(Clone, Debug)]
pub struct BlindSpot {
    pub polygon: Polygon,
    pub area: f64,
    pub zones: Vec<usize>,
}

/// The coverage state of a plan's zones against a set of views.
#[derive(Clone, Debug)]
pub struct Coverage {
    pub grid: Grid,
    pub cells: Vec<Cell>,
    pub results: Vec<CellCoverage>,
    zone_count: usize,
    /// A clockwise box around the grid (for the covered-twice winding trick).
    frame: IContour,
}

impl Coverage {
    /// Prepares the zones. Zones must be valid (see scenario validation).
    pub fn new(zones: &[Zone]) -> Coverage {
        let polygons: Vec<Polygon> = zones
            .iter()
            .map(|z| Polygon::new(z.polygon.clone(), z.holes.clone()))
            .collect();
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
        let grid = Grid::covering(extent);
        let shapes: Vec<IShape> = polygons.iter().map(|p| grid.polygon_to_int(p)).collect();
        let cells = build_cells(&grid, &shapes);
        let (lo, hi) = (grid.to_int(grid.rect.min), grid.to_int(grid.rect.max));
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
                ..Default::default()
            })
            .collect();
        Coverage {
            grid,
            cells,
            results,
            zone_count: zones.len(),
            frame,
        }
    }

    /// Prepares a view ring (counter-clockwise) for overlays.
    pub fn view_shape(&self, ring: &[crate::geometry::Point], bounds: Bounds) -> ViewShape {
        if ring.len() < 3 || !bounds.intersects(&self.grid.rect) {
            return ViewShape::default();
        }
        ViewShape {
            contour: self.grid.ring_to_int(ring),
            bounds,
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
            let cell = &self.cells[i];
            let near: Vec<&IContour> = views
                .iter()
                .filter(|v| !v.contour.is_empty() && v.bounds.intersects(&cell.bounds))
                .map(|v| &v.contour)
                .collect();
            let (covered, blind) = overlay::covered_and_uncovered(&near, &cell.shapes);
            let multi = overlay::covered_twice(&near, &cell.shapes, &self.frame);
            self.results[i] = CellCoverage {
                covered2: twice_area(&covered),
                multi2: twice_area(&multi),
                blind,
                multi,
            };
        }
    }

    /// Recomputes every cell.
    pub fn update_all(&mut self, views: &[ViewShape]) {
        self.update(0..self.cells.len(), views);
    }

    /// Totals over the whole target.
    pub fn total(&self) -> Areas {
        let mut twice = [0i128; 3];
        for (cell, result) in self.cells.iter().zip(&self.results) {
            twice[0] += cell.twice_area;
            twice[1] += result.covered2;
            twice[2] += result.multi2;
        }
        self.areas(twice)
    }

    /// Totals per zone, in zone order.
    pub fn per_zone(&self) -> Vec<Areas> {
        let mut twice = vec![[0i128; 3]; self.zone_count];
        for (cell, result) in self.cells.iter().zip(&self.results) {
            for &z in &cell.zones {
                twice[z][0] += cell.twice_area;
                twice[z][1] += result.covered2;
                twice[z][2] += result.multi2;
            }
        }
        twice.into_iter().map(|t| self.areas(t)).collect()
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
    pub fn blind_spots(&self) -> Vec<BlindSpot> {
        let pieces: Vec<(&IShape, &Vec<usize>)> = self
            .results
            .iter()
            .zip(&self.cells)
            .flat_map(|(r, c)| r.blind.iter().map(move |s| (s, &c.zones)))
            .collect();
        let all: Vec<IShape> = pieces.iter().map(|(s, _)| (*s).clone()).collect();
        let merged = overlay::union(&all);
        let boxes: Vec<Bounds> = merged
            .iter()
            .map(|s| self.grid.bounds_of(std::slice::from_ref(s)))
            .collect();
        let mut zones: Vec<Vec<usize>> = vec![Vec::new(); merged.len()];
        for (piece, piece_zones) in &pieces {
            let piece_box = self.grid.bounds_of(std::slice::from_ref(*piece));
            let candidates: Vec<usize> = (0..merged.len())
                .filter(|&m| boxes[m].intersects(&piece_box))
                .collect();
            let owner = match candidates.as_slice() {
                [] => continue,
                [only] => *only,
                _ => *candidates
                    .iter()
                    .max_by_key(|&&m| midpoints_inside(piece, &merged[m]))
                    .unwrap_or(&candidates[0]),
            };
            zones[owner].extend(piece_zones.iter().copied());
        }
        let mut spots: Vec<BlindSpot> = merged
            .iter()
            .zip(zones)
            .map(|(shape, mut zs)| {
                zs.sort_unstable();
                zs.dedup();
                BlindSpot {
                    area: self.grid.area(std::slice::from_ref(shape)),
                    polygon: self.grid.shape_to_polygon(shape),
                    zones: zs,
                }
            })
            .collect();
        spots.sort_by(|a, b| b.area.total_cmp(&a.area));
        spots
    }
}

/// How many edge midpoints of `piece`'s outer ring lie in the closure of `shape`.
fn midpoints_inside(piece: &IShape, shape: &IShape) -> usize {
    let Some(outer) = piece.first() else { return 0 };
    let n = outer.len();
    (0..n)
        .filter(|&i| {
            let (a, b) = (outer[i], outer[(i + 1) % n]);
            let q = (a.x as i64 + b.x as i64, a.y as i64 + b.y as i64);
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
        let a = (2 * ring[i].x as i64, 2 * ring[i].y as i64);
        let b = (
            2 * ring[(i + 1) % n].x as i64,
            2 * ring[(i + 1) % n].y as i64,
        );
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
