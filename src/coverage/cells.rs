//! Cells: the zones cut into disjoint pieces, each knowing which zones it lies in.
//!
//! Zones may overlap (a display case inside a room). Coverage is computed per
//! cell, so totals are plain sums with nothing counted twice, per-zone figures
//! are sums over the zone's cells, and moving one camera only recomputes the
//! cells its view touches.

use super::grid::{Grid, IShape, IShapes, twice_area};
use super::overlay::{difference, intersection};
use crate::geometry::Bounds;
use static_aabb2d_index::{StaticAABB2DIndex, StaticAABB2DIndexBuilder};

/// A piece of the target with the zones it belongs to.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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
///
/// # Performance
/// Each zone is cut only against the cells of earlier zones whose boxes meet
/// its box (found with a static R-tree of the zones' boxes), so a plan of
/// many small rooms costs about one overlay per zone, not one box test per
/// pair of zones (27,000 rooms: 6 s before).
pub fn build_cells(grid: &Grid, zones: &[IShape]) -> Vec<Cell> {
    let unions: Vec<IShapes> = zones
        .iter()
        .map(|zone| super::overlay::union(std::slice::from_ref(zone)))
        .collect();
    let boxes: Vec<Bounds> = unions.iter().map(|u| grid.bounds_of(u)).collect();
    let index = box_index(&boxes);
    // Cells are kept in slots (a cut cell leaves its slot empty); `of_zone[z]`
    // lists the slots of the cells lying in zone z.
    let mut slots: Vec<Option<Cell>> = Vec::new();
    let mut of_zone: Vec<Vec<usize>> = vec![Vec::new(); zones.len()];
    for (z, zone_shapes) in unions.into_iter().enumerate() {
        let zone_bounds = boxes[z];
        // A cell lies inside each of its zones, so a cell meeting this zone's
        // box lies in some earlier zone whose box meets it.
        let mut touched: Vec<usize> = Vec::new();
        match &index {
            _ if zone_bounds.is_empty() => {}
            Some(index) => {
                let b = &zone_bounds;
                index.visit_query(b.min.x, b.min.y, b.max.x, b.max.y, &mut |y: usize| {
                    if y < z {
                        touched.extend(of_zone[y].iter().copied());
                    }
                });
            }
            // No index: every cell so far (slower, same cells).
            None => touched.extend(0..slots.len()),
        }
        touched.sort_unstable();
        touched.dedup();
        let mut remaining = zone_shapes.clone();
        for slot in touched {
            let Some(cell) = slots[slot].as_ref() else {
                continue;
            };
            if !cell.bounds.intersects(&zone_bounds) {
                continue;
            }
            let common = intersection(&cell.shapes, &zone_shapes);
            if common.is_empty() {
                continue;
            }
            let Some(cell) = slots[slot].take() else {
                continue;
            };
            remaining = difference(&remaining, &common);
            let rest = difference(&cell.shapes, &zone_shapes);
            let mut with_zone = cell.zones.clone();
            with_zone.push(z);
            for piece in [
                Cell::new(grid, common, with_zone),
                Cell::new(grid, rest, cell.zones),
            ]
            .into_iter()
            .flatten()
            {
                for &y in &piece.zones {
                    of_zone[y].push(slots.len());
                }
                slots.push(Some(piece));
            }
        }
        if let Some(piece) = Cell::new(grid, remaining, vec![z]) {
            of_zone[z].push(slots.len());
            slots.push(Some(piece));
        }
    }
    slots.into_iter().flatten().collect()
}

/// A static R-tree of the zones' boxes. `None` if the crate refuses them,
/// which it does only for a wrong count (never here); the caller then tests
/// every cell, which gives the same cells more slowly.
fn box_index(boxes: &[Bounds]) -> Option<StaticAABB2DIndex<f64>> {
    let mut builder = StaticAABB2DIndexBuilder::new(boxes.len());
    for b in boxes {
        if b.is_empty() {
            // An empty zone (nothing left on the grid) is never queried.
            builder.add(0.0, 0.0, 0.0, 0.0);
        } else {
            builder.add(b.min.x, b.min.y, b.max.x, b.max.y);
        }
    }
    builder.build().ok()
}
