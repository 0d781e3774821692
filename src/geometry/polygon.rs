//! Polygons with holes, rings, bounding boxes and their areas.

use super::Point;
use serde::{Deserialize, Serialize};

/// An axis-aligned bounding box.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds::EMPTY
    }
}

impl Bounds {
    /// The empty box: contains nothing; extending it by a point gives that point.
    pub const EMPTY: Bounds = Bounds {
        min: Point::new(f64::INFINITY, f64::INFINITY),
        max: Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
    };

    /// The smallest box holding all `points` (empty for no points).
    pub fn of_points<'a>(points: impl IntoIterator<Item = &'a Point>) -> Bounds {
        let mut b = Bounds::EMPTY;
        for p in points {
            b.extend(*p);
        }
        b
    }

    /// Grows the box to hold `p`.
    pub fn extend(&mut self, p: Point) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    /// The smallest box holding both.
    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    /// True when the box holds no point.
    pub fn is_empty(&self) -> bool {
        self.min.x > self.max.x || self.min.y > self.max.y
    }

    /// True when the two boxes share at least one point.
    pub fn intersects(&self, other: &Bounds) -> bool {
        !(self.is_empty()
            || other.is_empty()
            || self.max.x < other.min.x
            || other.max.x < self.min.x
            || self.max.y < other.min.y
            || other.max.y < self.min.y)
    }

    /// True when `p` lies in the box (boundary included).
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// The box grown by `margin` on every side.
    pub fn expanded(self, margin: f64) -> Bounds {
        Bounds {
            min: Point::new(self.min.x - margin, self.min.y - margin),
            max: Point::new(self.max.x + margin, self.max.y + margin),
        }
    }

    /// Width and height.
    pub fn size(&self) -> Point {
        self.max - self.min
    }
}

/// Signed area of a closed ring (last point joins the first): positive when
/// counter-clockwise. A repeated closing point is harmless.
pub fn ring_signed_area(ring: &[Point]) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    // Shoelace relative to the first point keeps the terms small and exact for
    // rings far from the origin.
    let o = ring[0];
    let mut twice = 0.0;
    for w in ring[1..].windows(2) {
        twice += (w[0] - o).cross(w[1] - o);
    }
    twice / 2.0
}

/// True when `p` lies strictly inside the ring, by the even-odd rule (boundary
/// points may go either way).
pub fn ring_contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    let n = ring.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if p.x < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// A polygon: an outer ring and zero or more holes. Rings are stored open (the
/// first point is not repeated); the outer ring counter-clockwise, holes clockwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    pub exterior: Vec<Point>,
    pub holes: Vec<Vec<Point>>,
}

impl Polygon {
    /// A polygon from rings in any orientation; they are reoriented (outer
    /// counter-clockwise, holes clockwise).
    pub fn new(mut exterior: Vec<Point>, mut holes: Vec<Vec<Point>>) -> Polygon {
        if ring_signed_area(&exterior) < 0.0 {
            exterior.reverse();
        }
        for hole in &mut holes {
            if ring_signed_area(hole) > 0.0 {
                hole.reverse();
            }
        }
        Polygon { exterior, holes }
    }

    /// Area: outer ring minus holes.
    pub fn area(&self) -> f64 {
        ring_signed_area(&self.exterior).abs()
            - self
                .holes
                .iter()
                .map(|h| ring_signed_area(h).abs())
                .sum::<f64>()
    }

    /// Bounding box of the outer ring.
    pub fn bounds(&self) -> Bounds {
        Bounds::of_points(&self.exterior)
    }

    /// True when `p` is inside the outer ring and outside every hole.
    pub fn contains(&self, p: Point) -> bool {
        ring_contains(&self.exterior, p) && !self.holes.iter().any(|h| ring_contains(h, p))
    }

    /// All rings, outer first.
    pub fn rings(&self) -> impl Iterator<Item = &Vec<Point>> {
        std::iter::once(&self.exterior).chain(self.holes.iter())
    }
}

/// JSON form: an array of closed rings (first point repeated at the end), outer
/// ring first, as in GeoJSON.
impl Serialize for Polygon {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rings: Vec<Vec<[f64; 2]>> = self
            .rings()
            .map(|ring| {
                let mut out: Vec<[f64; 2]> = ring.iter().map(|p| [p.x, p.y]).collect();
                if let Some(first) = out.first().copied() {
                    out.push(first);
                }
                out
            })
            .collect();
        rings.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, s: f64) -> Vec<Point> {
        vec![
            Point::new(x0, y0),
            Point::new(x0 + s, y0),
            Point::new(x0 + s, y0 + s),
            Point::new(x0, y0 + s),
        ]
    }

    #[test]
    fn ring_area_sign_follows_orientation() {
        let mut r = square(0.0, 0.0, 2.0);
        assert_eq!(ring_signed_area(&r), 4.0);
        r.reverse();
        assert_eq!(ring_signed_area(&r), -4.0);
    }

    #[test]
    fn ring_area_is_exact_far_from_origin() {
        let r = square(999_000.0, -999_000.0, 0.5);
        assert_eq!(ring_signed_area(&r), 0.25);
    }

    #[test]
    fn polygon_with_hole() {
        let mut hole = square(1.0, 1.0, 1.0);
        hole.reverse();
        let p = Polygon::new(square(0.0, 0.0, 4.0), vec![square(1.0, 1.0, 1.0)]);
        assert_eq!(p.area(), 15.0);
        assert_eq!(p.holes[0], hole);
        assert!(p.contains(Point::new(3.0, 3.0)));
        assert!(!p.contains(Point::new(1.5, 1.5)));
        assert!(!p.contains(Point::new(5.0, 1.5)));
    }

    #[test]
    fn json_rings_are_closed() {
        let p = Polygon::new(square(0.0, 0.0, 1.0), vec![]);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            "[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,1.0],[0.0,0.0]]]"
        );
    }
}
