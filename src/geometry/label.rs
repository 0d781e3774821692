//! Where to write a polygon's name: a point well inside it (even for an L-shaped
//! room, whose centroid can fall outside).

use super::{Point, Polygon, segment_distance_squared};

/// Distance from `p` to the nearest edge of any ring of `polygon`.
fn distance_to_boundary(polygon: &Polygon, p: Point) -> f64 {
    let mut best = f64::INFINITY;
    for ring in polygon.rings() {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            best = best.min(segment_distance_squared(a, b, p));
        }
    }
    best.sqrt()
}

/// A point inside `polygon`, roughly the farthest from its edges (a coarse
/// search refined twice): a good place for a label. Falls back to the first
/// vertex for degenerate polygons.
pub fn label_point(polygon: &Polygon) -> Point {
    const STEPS: usize = 16;
    let bounds = polygon.bounds();
    if bounds.is_empty() {
        return Point::default();
    }
    let mut best: Option<(f64, Point)> = None;
    let (mut lo, mut size) = (bounds.min, bounds.size());
    for _ in 0..3 {
        for i in 0..=STEPS {
            for j in 0..=STEPS {
                let p = Point::new(
                    lo.x + size.x * i as f64 / STEPS as f64,
                    lo.y + size.y * j as f64 / STEPS as f64,
                );
                if !polygon.contains(p) {
                    continue;
                }
                let d = distance_to_boundary(polygon, p);
                if best.is_none_or(|(bd, _)| d > bd) {
                    best = Some((d, p));
                }
            }
        }
        let Some((_, centre)) = best else { break };
        size = size.scale(2.0 / STEPS as f64);
        lo = centre - size.scale(0.5);
    }
    best.map(|(_, p)| p)
        .unwrap_or_else(|| polygon.exterior.first().copied().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_of_an_l_shaped_room_is_inside_it() {
        let l = Polygon::new(
            vec![
                Point::new(0.0, 0.0),
                Point::new(10.0, 0.0),
                Point::new(10.0, 1.0),
                Point::new(1.0, 1.0),
                Point::new(1.0, 10.0),
                Point::new(0.0, 10.0),
            ],
            vec![],
        );
        let p = label_point(&l);
        assert!(l.contains(p));
        assert!(distance_to_boundary(&l, p) > 0.4, "{p:?}");
    }

    #[test]
    fn label_of_a_square_is_near_its_centre() {
        let sq = Polygon::new(
            vec![
                Point::new(0.0, 0.0),
                Point::new(4.0, 0.0),
                Point::new(4.0, 4.0),
                Point::new(0.0, 4.0),
            ],
            vec![],
        );
        let p = label_point(&sq);
        assert!(p.distance(Point::new(2.0, 2.0)) < 0.3, "{p:?}");
    }
}
