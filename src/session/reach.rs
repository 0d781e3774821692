//! Which views a wall edit can change: a view is computed by walking the
//! triangles its sector meets, from where its camera stands, so it can change
//! only when the edit re-cuts a triangle the view overlaps, or moves a wall
//! within the mount distance of its camera. These tests are conservative
//! (touching counts as meeting, within a margin): a view they pass over is bit
//! for bit what a fresh load computes (tests/incremental_plan.rs).

use crate::geometry::predicates::{orient, segments_intersect};
use crate::geometry::{Bounds, Point, ring_contains, segment_distance_squared};

/// A view's ring with its box, to test edited pieces against.
pub(super) struct Region<'a> {
    ring: &'a [Point],
    bounds: Bounds,
}

impl<'a> Region<'a> {
    /// The closed region of `ring` (an open ring of at least three points).
    pub(super) fn new(ring: &'a [Point]) -> Region<'a> {
        Region {
            ring,
            bounds: Bounds::of_points(ring),
        }
    }

    /// True when a view with this ring, its camera at `at`, may have walked the
    /// triangle `tri` (edge `k` from corner `k` to the next; `walls[k]` when it
    /// is a wall): the walk starts in the triangles around where sight starts
    /// (within `start` of the camera) and enters others only across an edge
    /// that is not a wall, where it sees it, so inside its ring; and it then
    /// overlaps the triangle with some area, so their boxes overlap.
    pub(super) fn may_walk(
        &self,
        tri: &[Point; 3],
        walls: [bool; 3],
        at: Point,
        start: f64,
        margin: f64,
    ) -> bool {
        let tb = Bounds::of_points(tri);
        let (a, b) = (&tb, &self.bounds);
        let overlap =
            a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
        if !overlap {
            return false;
        }
        if in_triangle(tri, at)
            || (0..3)
                .any(|k| segment_distance_squared(tri[k], tri[(k + 1) % 3], at) <= start * start)
        {
            return true;
        }
        (0..3).any(|k| !walls[k] && self.meets(&[tri[k], tri[(k + 1) % 3]], margin))
    }

    /// True when the closed shape `shape` (a triangle, or a segment given as
    /// two points) comes within `margin` of the region: a corner inside it, a
    /// ring corner inside the triangle, or an edge within `margin` of an edge.
    pub(super) fn meets(&self, shape: &[Point], margin: f64) -> bool {
        let sb = Bounds::of_points(shape).expanded(margin);
        if !sb.intersects(&self.bounds) {
            return false;
        }
        if shape.iter().any(|&p| ring_contains(self.ring, p)) {
            return true;
        }
        if shape.len() == 3 && self.ring.iter().any(|&p| in_triangle(shape, p)) {
            return true;
        }
        let m2 = margin * margin;
        // A segment has one edge, a triangle three.
        let edges = if shape.len() == 2 { 1 } else { shape.len() };
        let n = self.ring.len();
        for k in 0..edges {
            let (a, b) = (shape[k], shape[(k + 1) % shape.len()]);
            let eb = Bounds::of_points(&[a, b]).expanded(margin);
            for i in 0..n {
                let (c, d) = (self.ring[i], self.ring[(i + 1) % n]);
                if !eb.intersects(&Bounds::of_points(&[c, d])) {
                    continue;
                }
                if segments_intersect(a, b, c, d)
                    || segment_distance_squared(a, b, c) <= m2
                    || segment_distance_squared(a, b, d) <= m2
                    || segment_distance_squared(c, d, a) <= m2
                    || segment_distance_squared(c, d, b) <= m2
                {
                    return true;
                }
            }
        }
        false
    }
}

/// True when `p` lies in the closed triangle `t` (either turning order).
fn in_triangle(t: &[Point], p: Point) -> bool {
    let (o1, o2, o3) = (
        orient(t[0], t[1], p),
        orient(t[1], t[2], p),
        orient(t[2], t[0], p),
    );
    (o1 >= 0.0 && o2 >= 0.0 && o3 >= 0.0) || (o1 <= 0.0 && o2 <= 0.0 && o3 <= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<Point> {
        vec![
            Point::new(0.0, 0.0),
            Point::new(4.0, 0.0),
            Point::new(4.0, 4.0),
            Point::new(0.0, 4.0),
        ]
    }

    #[test]
    fn shapes_inside_across_around_near_and_far() {
        let ring = square();
        let r = Region::new(&ring);
        let p = Point::new;
        // A segment inside; one crossing an edge with both ends outside.
        assert!(r.meets(&[p(1.0, 1.0), p(2.0, 2.0)], 0.0));
        assert!(r.meets(&[p(-1.0, 2.0), p(5.0, 2.0)], 0.0));
        // A triangle holding the whole square (no corner of it inside).
        assert!(r.meets(&[p(-10.0, -10.0), p(20.0, -10.0), p(2.0, 20.0)], 0.0));
        // Touching a corner counts; a gap wider than the margin does not.
        assert!(r.meets(&[p(4.0, 4.0), p(6.0, 6.0)], 0.0));
        assert!(!r.meets(&[p(4.5, 0.0), p(4.5, 4.0)], 0.1));
        assert!(r.meets(&[p(4.05, 0.0), p(4.05, 4.0)], 0.1));
        // A triangle beside the square, its box overlapping the square's.
        assert!(!r.meets(&[p(3.5, 5.0), p(5.0, 3.5), p(5.0, 5.0)], 0.01));
    }

    #[test]
    fn a_walk_enters_a_triangle_only_across_an_open_edge_it_sees() {
        let ring = square();
        let r = Region::new(&ring);
        let p = Point::new;
        let at = p(2.0, 2.0);
        // Across the square's east side, which is a wall here: never walked.
        let beyond = [p(4.0, 1.0), p(6.0, 1.0), p(4.0, 3.0)];
        assert!(!r.may_walk(&beyond, [false, false, true], at, 0.1, 0.01));
        // The same side open: its box meets the square's only along the side,
        // so the walk cannot have covered any of it either.
        assert!(!r.may_walk(&beyond, [false, false, false], at, 0.1, 0.01));
        // A triangle reaching into the square across an open edge.
        let into = [p(3.0, 1.0), p(6.0, 1.0), p(3.0, 3.0)];
        assert!(r.may_walk(&into, [false, false, false], at, 0.1, 0.01));
        // Only its wall edges cross the square (its open edge lies outside).
        let walled = [p(3.5, -1.0), p(7.0, 2.0), p(3.5, 5.0)];
        assert!(!r.may_walk(&walled, [false, false, true], at, 0.1, 0.01));
        assert!(r.may_walk(&walled, [false, false, false], at, 0.1, 0.01));
        // The camera's own triangle, whatever its edges.
        let own = [p(1.0, 1.0), p(3.0, 1.0), p(2.0, 3.0)];
        assert!(r.may_walk(&own, [true, true, true], at, 0.1, 0.01));
    }
}
