//! Cells: the zones cut into disjoint pieces, each knowing which zones it lies in.
//!
//! Zones may overlap (a display case inside a room). Coverage is computed per
//! cell, so totals are plain sums with nothing counted twice, per-zone figures
//! are sums over the zone's cells, and moving one camera only recomputes the
//! cells its view touches.

use super::grid::{Grid, IShape, IShapes, twice_area};
use super::overlay::{difference, intersection};
use crate::geometry::Bounds;

/// A piece of the target with the zones it belongs to.
#[derive(Clone, Debug)]
pub struct Cell {
    pub shapes: IShapes,
    /// Indices of the zones containing this cell, ascending.
    pub zones: Vec<usize>,
    pub bounds: Bounds,
    /// Twice the area, in grid units.
    pub twice_area: i128,
}

impl Cell {
    fn new(grid: &Grid, shapes: IShapes, zones: Vec<usize>) -> Option<Cell> {
        let twice_area = twice_area(&shapes);
        (twice_area > 0).then(|| Cell {
            bounds: grid.bounds_of(&shapes),
            shapes,
            zones,
            twice_area,
        })
    }
}

/// Splits the zones (each given as shapes on the grid) into disjoint cells.
pub fn build_cells(grid: &Grid, zones: &[IShape]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    for (z, zone) in zones.iter().enumerate() {
        let zone_shapes: IShapes = super::overlay::union(std::slice::from_ref(zone));
        let zone_bounds = grid.bounds_of(&zone_shapes);
        let mut remaining = zone_shapes.clone();
        let mut next: Vec<Cell> = Vec::with_capacity(cells.len() + 2);
        for cell in cells.drain(..) {
            if !cell.bounds.intersects(&zone_bounds) {
                next.push(cell);
                continue;
            }
            let common = intersection(&cell.shapes, &zone_shapes);
            if common.is_empty() {
                next.push(cell);
                continue;
            }
            remaining = difference(&remaining, &common);
            let rest = difference(&cell.shapes, &zone_shapes);
            let mut with_zone = cell.zones.clone();
            with_zone.push(z);
            next.extend(Cell::new(grid, common, with_zone));
            next.extend(Cell::new(grid, rest, cell.zones));
        }
        next.extend(Cell::new(grid, remaining, vec![z]));
        cells = next;
    }
    cells
}
