//! Distances from points to segments.

use super::Point;

/// The point of segment `a b` closest to `p`, as its parameter `t` in [0, 1]
/// (0 at `a`), and the squared distance to it.
pub fn closest_on_segment(a: Point, b: Point, p: Point) -> (f64, f64) {
    let d = b - a;
    let len2 = d.dot(d);
    let t = if len2 == 0.0 {
        0.0
    } else {
        ((p - a).dot(d) / len2).clamp(0.0, 1.0)
    };
    (t, a.lerp(b, t).distance_squared(p))
}

/// Squared distance from `p` to segment `a b`.
pub fn segment_distance_squared(a: Point, b: Point, p: Point) -> f64 {
    closest_on_segment(a, b, p).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_to_a_segment() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(4.0, 0.0));
        assert_eq!(closest_on_segment(a, b, Point::new(1.0, 3.0)), (0.25, 9.0));
        assert_eq!(segment_distance_squared(a, b, Point::new(-3.0, 4.0)), 25.0);
        assert_eq!(segment_distance_squared(a, a, Point::new(0.0, 2.0)), 4.0);
    }
}
