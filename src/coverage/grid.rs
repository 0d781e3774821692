//! The integer grid every coverage overlay runs on.
//!
//! Boolean operations (i_overlay) snap coordinates to an integer grid. Using one
//! grid for the whole plan means pieces computed in separate overlays (per cell,
//! per camera) share exact coordinates, so they add up and merge without
//! hairline gaps; areas are then summed exactly in integers.
//!
//! The grid is anchored to the plan: integer (0, 0) is the plan's anchor (its
//! middle), and the step is a power of two of a metre chosen so that the plan's
//! extent uses [`COORDINATE_BITS`] bits (i_overlay's 64-bit engine). A 100 m
//! plan gets a step of about 0.7 picometres. Moving a plan therefore changes no
//! figure, and turning it changes a figure by at most
//! `step × (perimeter of the rings involved) / √2` (each vertex moves at most
//! half a step diagonally): about 2e-14 of a square room's area.

use crate::geometry::{Anchor, Bounds, Point, Polygon};
use i_overlay::i_float::int::point::IntPoint;

pub type IPoint = IntPoint<i64>;
pub type IContour = Vec<IPoint>;
pub type IShape = Vec<IContour>;
pub type IShapes = Vec<IShape>;

/// Bits of integer range used by coordinates. i_overlay's i64 engine takes
/// coordinates up to 2^62; 2^48 leaves room for the clip margin and the
/// covered-twice frame, and products of two coordinates stay far inside i128.
pub const COORDINATE_BITS: i32 = 48;

/// A mapping between plan metres and integer grid units.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    /// World point mapped to integer (0, 0).
    pub anchor: Anchor,
    /// Grid units per metre (a power of two).
    pub scale: f64,
    /// Everything outside this box (plan-local) is clipped away before overlays.
    pub rect: Bounds,
}

impl Grid {
    /// A grid anchored at `anchor` for geometry inside `extent` (world; grown by
    /// a margin so that views reaching past the zones are clipped well outside
    /// them).
    pub fn covering(extent: Bounds, anchor: Anchor) -> Grid {
        // Any positive margin keeps clipped view edges off the zones; scaling
        // it with the plan keeps the grid fine for plans of any size.
        let margin = 0.05 * extent.size().x.max(extent.size().y);
        let world = extent.expanded(margin.max(f64::MIN_POSITIVE));
        let rect = Bounds {
            min: anchor.to_local(world.min),
            max: anchor.to_local(world.max),
        };
        let half = rect
            .max
            .x
            .abs()
            .max(rect.min.x.abs())
            .max(rect.max.y.abs())
            .max(rect.min.y.abs());
        let exp = if half > 0.0 {
            COORDINATE_BITS - crate::geometry::ceil_log2(half)
        } else {
            0
        };
        Grid {
            anchor,
            scale: 2f64.powi(exp.clamp(-1000, 1000)),
            rect,
        }
    }

    /// Grid step in metres.
    pub fn step(&self) -> f64 {
        1.0 / self.scale
    }

    /// A plan-local point on the grid.
    pub fn local_to_int(&self, p: Point) -> IPoint {
        IntPoint::new(
            (p.x * self.scale).round() as i64,
            (p.y * self.scale).round() as i64,
        )
    }

    /// A world point on the grid.
    pub fn to_int(&self, p: Point) -> IPoint {
        self.local_to_int(self.anchor.to_local(p))
    }

    /// A grid point in world coordinates.
    pub fn to_point(&self, p: IPoint) -> Point {
        self.anchor
            .to_world(Point::new(p.x as f64 / self.scale, p.y as f64 / self.scale))
    }

    /// A plan-local ring in grid units, clipped to the grid's box. Empty when
    /// nothing is left.
    pub fn local_ring_to_int(&self, ring: &[Point]) -> IContour {
        let inside = ring.iter().all(|p| self.rect.contains(*p));
        let clipped;
        let ring = if inside {
            ring
        } else {
            clipped = clip_to_box(ring, &self.rect);
            &clipped
        };
        let mut out: IContour = ring.iter().map(|p| self.local_to_int(*p)).collect();
        out.dedup();
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        if out.len() < 3 { Vec::new() } else { out }
    }

    /// A world ring in grid units (see [`Grid::local_ring_to_int`]).
    pub fn ring_to_int(&self, ring: &[Point]) -> IContour {
        let local: Vec<Point> = ring.iter().map(|&p| self.anchor.to_local(p)).collect();
        self.local_ring_to_int(&local)
    }

    /// A world polygon in grid units (outer ring then holes).
    pub fn polygon_to_int(&self, polygon: &Polygon) -> IShape {
        polygon
            .rings()
            .map(|r| self.ring_to_int(r))
            .filter(|r| !r.is_empty())
            .collect()
    }

    /// A shape back in world metres.
    pub fn shape_to_polygon(&self, shape: &IShape) -> Polygon {
        let mut rings = shape
            .iter()
            .map(|c| c.iter().map(|p| self.to_point(*p)).collect::<Vec<_>>());
        let exterior = rings.next().unwrap_or_default();
        Polygon {
            exterior,
            holes: rings.collect(),
        }
    }

    /// A box in grid units holding `bounds` (world), grown by `margin` units.
    pub fn int_box(&self, bounds: &Bounds, margin: i64) -> (IPoint, IPoint) {
        let lo = self.to_int(bounds.min);
        let hi = self.to_int(bounds.max);
        (
            IntPoint::new(lo.x - margin, lo.y - margin),
            IntPoint::new(hi.x + margin, hi.y + margin),
        )
    }

    /// Square metres per square grid unit.
    pub fn unit_area(&self) -> f64 {
        1.0 / (self.scale * self.scale)
    }

    /// Area of shapes in square metres, summed exactly in integers first.
    pub fn area(&self, shapes: &[IShape]) -> f64 {
        twice_area(shapes) as f64 / 2.0 * self.unit_area()
    }

    /// The box of a shape set in world metres.
    pub fn bounds_of(&self, shapes: &[IShape]) -> Bounds {
        let mut b = Bounds::EMPTY;
        for shape in shapes {
            if let Some(outer) = shape.first() {
                for p in outer {
                    b.extend(self.to_point(*p));
                }
            }
        }
        b
    }
}

/// Twice the signed area of a contour, exactly (counter-clockwise positive).
pub fn contour_twice_area(contour: &[IPoint]) -> i128 {
    let n = contour.len();
    let mut sum: i128 = 0;
    for i in 0..n {
        let a = contour[i];
        let b = contour[(i + 1) % n];
        sum += a.x as i128 * b.y as i128 - b.x as i128 * a.y as i128;
    }
    sum
}

/// Twice the total area of shapes (outer rings positive, holes negative, as
/// i_overlay orients its output), exactly.
pub fn twice_area(shapes: &[IShape]) -> i128 {
    shapes
        .iter()
        .flat_map(|s| s.iter())
        .map(|c| contour_twice_area(c))
        .sum()
}

/// A contour clipped to the box `lo..hi` (grid units). Vertices inside the box
/// are kept as they are; new vertices lie on the box edges.
pub fn clip_contour(contour: &[IPoint], lo: IPoint, hi: IPoint) -> IContour {
    let inside_all = contour
        .iter()
        .all(|p| p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y);
    if inside_all {
        return contour.to_vec();
    }
    let ring: Vec<Point> = contour
        .iter()
        .map(|p| Point::new(p.x as f64, p.y as f64))
        .collect();
    let rect = Bounds {
        min: Point::new(lo.x as f64, lo.y as f64),
        max: Point::new(hi.x as f64, hi.y as f64),
    };
    let mut out: IContour = clip_to_box(&ring, &rect)
        .into_iter()
        .map(|p| IntPoint::new(p.x.round() as i64, p.y.round() as i64))
        .collect();
    out.dedup();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// Sutherland-Hodgman clip of a ring to a box. The ring may be non-convex: the
/// result can run along the box edge in both directions, which the overlays'
/// winding rules treat correctly.
fn clip_to_box(ring: &[Point], rect: &Bounds) -> Vec<Point> {
    let mut pts: Vec<Point> = ring.to_vec();
    type Inside = fn(Point, &Bounds) -> bool;
    type Cut = fn(Point, Point, &Bounds) -> Point;
    let edges: [(Inside, Cut); 4] = [
        (|p, r| p.x >= r.min.x, |a, b, r| cut_x(a, b, r.min.x)),
        (|p, r| p.x <= r.max.x, |a, b, r| cut_x(a, b, r.max.x)),
        (|p, r| p.y >= r.min.y, |a, b, r| cut_y(a, b, r.min.y)),
        (|p, r| p.y <= r.max.y, |a, b, r| cut_y(a, b, r.max.y)),
    ];
    for (inside, cut) in edges {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        let n = pts.len();
        for i in 0..n {
            let cur = pts[i];
            let prev = pts[(i + n - 1) % n];
            let (ci, pi) = (inside(cur, rect), inside(prev, rect));
            if ci {
                if !pi {
                    out.push(cut(prev, cur, rect));
                }
                out.push(cur);
            } else if pi {
                out.push(cut(prev, cur, rect));
            }
        }
        pts = out;
    }
    pts
}

fn cut_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.x) / (b.x - a.x);
    Point::new(x, a.y + (b.y - a.y) * t)
}

fn cut_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.y) / (b.y - a.y);
    Point::new(a.x + (b.x - a.x) * t, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_round_trips_and_is_fine() {
        let b = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(100.0, 40.0),
        };
        let g = Grid::covering(b, Anchor::of_bounds(b));
        assert!(g.step() < 1e-12);
        let p = Point::new(12.5, 7.25);
        assert_eq!(g.to_point(g.to_int(p)), p);
    }

    #[test]
    fn clipping_keeps_the_inside_area() {
        let rect = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        let ring = vec![
            Point::new(-5.0, 5.0),
            Point::new(5.0, -5.0),
            Point::new(15.0, 5.0),
            Point::new(5.0, 15.0),
        ];
        let clipped = clip_to_box(&ring, &rect);
        let area = crate::geometry::ring_signed_area(&clipped);
        assert!((area - 100.0).abs() < 1e-9);
    }
}
