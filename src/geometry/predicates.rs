//! Exact geometric predicates, from Shewchuk's adaptive arithmetic (`robust` crate).

use super::Point;

/// Which side of a directed line a point lies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    On,
    Right,
}

fn coord(p: Point) -> robust::Coord<f64> {
    robust::Coord { x: p.x, y: p.y }
}

/// Twice the signed area of triangle `a b c`, with the sign computed exactly:
/// positive when `a b c` turn counter-clockwise, zero when collinear.
pub fn orient(a: Point, b: Point, c: Point) -> f64 {
    robust::orient2d(coord(a), coord(b), coord(c))
}

/// The side of the directed line `a -> b` on which `p` lies, decided exactly.
pub fn side(a: Point, b: Point, p: Point) -> Side {
    let o = orient(a, b, p);
    if o > 0.0 {
        Side::Left
    } else if o < 0.0 {
        Side::Right
    } else {
        Side::On
    }
}

/// True when segments `a b` and `c d` share at least one point (decided exactly).
pub fn segments_intersect(a: Point, b: Point, c: Point, d: Point) -> bool {
    let o1 = orient(a, b, c);
    let o2 = orient(a, b, d);
    let o3 = orient(c, d, a);
    let o4 = orient(c, d, b);
    if ((o1 > 0.0 && o2 < 0.0) || (o1 < 0.0 && o2 > 0.0))
        && ((o3 > 0.0 && o4 < 0.0) || (o3 < 0.0 && o4 > 0.0))
    {
        return true;
    }
    (o1 == 0.0 && on_segment(a, b, c))
        || (o2 == 0.0 && on_segment(a, b, d))
        || (o3 == 0.0 && on_segment(c, d, a))
        || (o4 == 0.0 && on_segment(c, d, b))
}

/// For `p` collinear with `a b`: true when `p` lies within the segment's bounding box.
fn on_segment(a: Point, b: Point, p: Point) -> bool {
    p.x >= a.x.min(b.x) && p.x <= a.x.max(b.x) && p.y >= a.y.min(b.y) && p.y <= a.y.max(b.y)
}

/// True when the segments cross at a single point interior to both (not at an endpoint,
/// not collinear), decided exactly.
pub fn segments_cross_properly(a: Point, b: Point, c: Point, d: Point) -> bool {
    let o1 = orient(a, b, c);
    let o2 = orient(a, b, d);
    let o3 = orient(c, d, a);
    let o4 = orient(c, d, b);
    ((o1 > 0.0 && o2 < 0.0) || (o1 < 0.0 && o2 > 0.0))
        && ((o3 > 0.0 && o4 < 0.0) || (o3 < 0.0 && o4 > 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orientation_signs() {
        let a = Point::new(0.0, 0.0);
        let b = Point::new(1.0, 0.0);
        assert_eq!(side(a, b, Point::new(0.5, 1.0)), Side::Left);
        assert_eq!(side(a, b, Point::new(0.5, -1.0)), Side::Right);
        assert_eq!(side(a, b, Point::new(7.0, 0.0)), Side::On);
    }

    #[test]
    fn orientation_is_exact_for_nearly_collinear_points() {
        // A naive determinant gets this wrong; the adaptive predicate does not.
        let a = Point::new(0.5, 0.5);
        let b = Point::new(12.0, 12.0);
        let p = Point::new(24.0, 24.0 + 1e-14);
        assert_eq!(side(a, b, p), Side::Left);
    }

    #[test]
    fn segment_intersection_cases() {
        let p = Point::new;
        assert!(segments_intersect(
            p(0., 0.),
            p(2., 2.),
            p(0., 2.),
            p(2., 0.)
        ));
        assert!(segments_cross_properly(
            p(0., 0.),
            p(2., 2.),
            p(0., 2.),
            p(2., 0.)
        ));
        // Touching at an endpoint: intersects, does not cross properly.
        assert!(segments_intersect(
            p(0., 0.),
            p(1., 0.),
            p(1., 0.),
            p(1., 1.)
        ));
        assert!(!segments_cross_properly(
            p(0., 0.),
            p(1., 0.),
            p(1., 0.),
            p(1., 1.)
        ));
        // Collinear, disjoint.
        assert!(!segments_intersect(
            p(0., 0.),
            p(1., 0.),
            p(2., 0.),
            p(3., 0.)
        ));
        // Collinear overlapping.
        assert!(segments_intersect(
            p(0., 0.),
            p(2., 0.),
            p(1., 0.),
            p(3., 0.)
        ));
    }
}
