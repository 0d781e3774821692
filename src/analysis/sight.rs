//! Where along a segment a view region sees: exact parameter intervals of the
//! segment inside a view's ring, minus its dead zone (and per density band).
//!
//! Used for the width of an opening a camera sees and for the stretches of a
//! route in view.

use crate::geometry::{Bounds, Point, ring_contains};
use crate::view::View;

/// Sorted, disjoint parameter intervals `[t0, t1]` within `[0, 1]`.
pub type Intervals = Vec<(f64, f64)>;

/// Parameter intervals of segment `a b` inside `ring` (an open ring, either
/// orientation, even-odd rule).
///
/// # Validity
/// The ring must be a simple polygon. Where the segment runs along the ring's
/// boundary the answer may go either way: test a segment offset from the
/// boundary instead (the opening audit does).
pub fn inside_ring(ring: &[Point], a: Point, b: Point) -> Intervals {
    if ring.len() < 3 {
        return Vec::new();
    }
    let seg = Bounds::of_points(&[a, b]);
    let d = b - a;
    let mut cuts = vec![0.0, 1.0];
    let n = ring.len();
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        if p.x.max(q.x) < seg.min.x
            || p.x.min(q.x) > seg.max.x
            || p.y.max(q.y) < seg.min.y
            || p.y.min(q.y) > seg.max.y
        {
            continue;
        }
        let e = q - p;
        let denom = d.cross(e);
        if denom == 0.0 {
            // Parallel: collinear overlaps add their ends as cuts.
            if (p - a).cross(d) == 0.0 {
                let len2 = d.dot(d);
                if len2 > 0.0 {
                    for v in [p, q] {
                        cuts.push(((v - a).dot(d) / len2).clamp(0.0, 1.0));
                    }
                }
            }
            continue;
        }
        let t = (p - a).cross(e) / denom;
        let u = (p - a).cross(d) / denom;
        if (0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&t) {
            cuts.push(t);
        }
    }
    crate::sorting::by_key(&mut cuts, |t| *t);
    cuts.dedup();
    let mut out: Intervals = Vec::new();
    for w in cuts.windows(2) {
        let (t0, t1) = (w[0], w[1]);
        if t1 - t0 <= 0.0 {
            continue;
        }
        if ring_contains(ring, a.lerp(b, (t0 + t1) / 2.0)) {
            match out.last_mut() {
                Some(last) if last.1 == t0 => last.1 = t1,
                _ => out.push((t0, t1)),
            }
        }
    }
    out
}

/// `a - b` for interval sets.
pub fn subtract(a: &[(f64, f64)], b: &[(f64, f64)]) -> Intervals {
    let mut out = Vec::new();
    for &(mut s, e) in a {
        for &(bs, be) in b {
            if be <= s || bs >= e {
                continue;
            }
            if bs > s {
                out.push((s, bs));
            }
            s = s.max(be);
            if s >= e {
                break;
            }
        }
        if s < e {
            out.push((s, e));
        }
    }
    out
}

/// The union of interval sets.
pub fn union(sets: impl IntoIterator<Item = Intervals>) -> Intervals {
    let mut all: Intervals = sets.into_iter().flatten().collect();
    crate::sorting::by_key(&mut all, |x| x.0);
    let mut out: Intervals = Vec::new();
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Total length of an interval set (in parameter units): 0 (never -0, which
/// `Iterator::sum` gives for nothing) when empty.
pub fn measure(set: &[(f64, f64)]) -> f64 {
    set.iter().fold(0.0, |total, (s, e)| total + (e - s))
}

/// Where on segment `a b` the view sees: inside its ring, outside its dead zone.
pub fn seen(view: &View, a: Point, b: Point) -> Intervals {
    region(&view.ring, &view.dead, &view.bounds, a, b)
}

/// Where on segment `a b` the view sees at density level `level` or better.
pub fn seen_at_level(view: &View, level: usize, a: Point, b: Point) -> Intervals {
    match view.levels.get(level) {
        Some(band) => region(band, &view.dead, &view.bounds, a, b),
        None => Vec::new(),
    }
}

fn region(ring: &[Point], dead: &[Point], bounds: &Bounds, a: Point, b: Point) -> Intervals {
    if ring.len() < 3 || !bounds.intersects(&Bounds::of_points(&[a, b])) {
        return Vec::new();
    }
    let inside = inside_ring(ring, a, b);
    if inside.is_empty() || dead.len() < 3 {
        return inside;
    }
    subtract(&inside, &inside_ring(dead, a, b))
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
    fn a_segment_through_a_square() {
        let got = inside_ring(&square(), Point::new(-2.0, 1.0), Point::new(6.0, 1.0));
        assert_eq!(got, vec![(0.25, 0.75)]);
        assert!(inside_ring(&square(), Point::new(-2.0, 5.0), Point::new(6.0, 5.0)).is_empty());
        assert_eq!(
            inside_ring(&square(), Point::new(1.0, 1.0), Point::new(2.0, 2.0)),
            vec![(0.0, 1.0)]
        );
    }

    #[test]
    fn a_segment_through_a_u_shape_has_two_pieces() {
        let u = vec![
            Point::new(0.0, 0.0),
            Point::new(6.0, 0.0),
            Point::new(6.0, 4.0),
            Point::new(4.0, 4.0),
            Point::new(4.0, 2.0),
            Point::new(2.0, 2.0),
            Point::new(2.0, 4.0),
            Point::new(0.0, 4.0),
        ];
        let got = inside_ring(&u, Point::new(0.0, 3.0), Point::new(6.0, 3.0));
        assert_eq!(got.len(), 2);
        assert!((measure(&got) - 4.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn interval_arithmetic() {
        assert_eq!(
            subtract(&[(0.0, 1.0)], &[(0.2, 0.3), (0.5, 0.6)]),
            vec![(0.0, 0.2), (0.3, 0.5), (0.6, 1.0)]
        );
        assert_eq!(
            union([vec![(0.0, 0.3)], vec![(0.2, 0.5), (0.7, 0.8)]]),
            vec![(0.0, 0.5), (0.7, 0.8)]
        );
        assert!((measure(&[(0.0, 0.25), (0.5, 1.0)]) - 0.75).abs() < 1e-15);
    }
}
