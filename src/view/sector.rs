//! The region a camera could see with no walls: a disk sector of its field of
//! view and range, as a polygon.
//!
//! The arc is a chain of chords on an even angular grid whose radius is chosen so
//! that each wedge has exactly the area of the true circular wedge
//! (`R = r sqrt(d / sin d)` for wedge angle `d`). A whole sector therefore has the
//! exact area `r^2 fov / 2`, and the boundary stays within the arc tolerance of
//! the true circle.

use crate::geometry::{Point, Tolerances};
use std::f64::consts::{PI, TAU};

/// Largest wedge angle, so short ranges still look round.
const MAX_WEDGE_RAD: f64 = 5.0 * PI / 180.0;
/// Smallest wedge angle, so very long ranges stay affordable.
const MIN_WEDGE_RAD: f64 = 0.25 * PI / 180.0;

/// A camera's sector and its chord polygon.
#[derive(Clone, Copy, Debug)]
pub struct Sector {
    pub apex: Point,
    /// Optical axis, radians.
    pub heading: f64,
    /// Field of view, radians, in (0, 2 pi].
    pub fov: f64,
    /// True for a full circle.
    pub full: bool,
    /// Angle of the first grid ray (the right edge of the field of view).
    pub start: f64,
    /// Angle between grid rays.
    pub step: f64,
    /// Number of wedges (even).
    pub wedges: usize,
    /// Circumradius of the chord polygon.
    pub radius: f64,
    /// The true range.
    pub range: f64,
}

impl Sector {
    /// The sector of a camera at `apex` with heading and field of view in degrees.
    pub fn new(apex: Point, heading_deg: f64, fov_deg: f64, range: f64, tol: &Tolerances) -> Self {
        let fov = (fov_deg.clamp(1e-9, 360.0)).to_radians();
        let full = fov_deg >= 360.0;
        let heading = heading_deg.to_radians().rem_euclid(TAU);
        let max_step = (12.0 * tol.arc_deviation_m / range)
            .sqrt()
            .clamp(MIN_WEDGE_RAD, MAX_WEDGE_RAD);
        let mut wedges = (fov / max_step).ceil().max(2.0) as usize;
        wedges += wedges % 2;
        let step = fov / wedges as f64;
        let radius = range * (step / libm::sin(step)).sqrt();
        let start = if full {
            heading - PI
        } else {
            heading - fov / 2.0
        };
        Sector {
            apex,
            heading,
            fov,
            full,
            start,
            step,
            wedges,
            radius,
            range,
        }
    }

    /// The same angular grid with another range: the chords stay parallel, so
    /// a shorter sector lies exactly inside a longer one.
    pub fn with_range(&self, range: f64) -> Sector {
        Sector {
            radius: range * (self.step / libm::sin(self.step)).sqrt(),
            range,
            ..*self
        }
    }

    /// Grid vertex `j` (0..=wedges; for a full circle `wedges` wraps to 0).
    pub fn vertex(&self, j: usize) -> Point {
        let j = if self.full { j % self.wedges } else { j };
        let angle = self.start + j as f64 * self.step;
        self.apex + Point::from_angle(angle).scale(self.radius)
    }

    /// Angle of the direction from the apex to `p`, measured from the first grid
    /// ray: in [0, fov] for a partial sector, in [0, 2 pi) for a full circle.
    pub fn alpha(&self, p: Point) -> f64 {
        let d = p - self.apex;
        let axis = Point::from_angle(self.heading);
        // Angle relative to the optical axis, in (-pi, pi].
        let beta = libm::atan2(axis.cross(d), axis.dot(d));
        if self.full {
            (beta + PI).rem_euclid(TAU)
        } else {
            (beta + self.fov / 2.0).clamp(0.0, self.fov)
        }
    }

    /// The field of view as windows of less than 180 degrees, counter-clockwise,
    /// each given by two points on its bounding rays. Empty for a full circle.
    pub fn windows(&self) -> Vec<(Point, Point)> {
        if self.full {
            Vec::new()
        } else if self.fov < PI {
            vec![(self.vertex(0), self.vertex(self.wedges))]
        } else {
            let mid = self.wedges / 2;
            vec![
                (self.vertex(0), self.vertex(mid)),
                (self.vertex(mid), self.vertex(self.wedges)),
            ]
        }
    }

    /// The sector polygon itself (what the camera sees with no walls).
    pub fn polygon(&self) -> Vec<Point> {
        let mut ring = Vec::with_capacity(self.wedges + 2);
        if self.full {
            ring.extend((0..self.wedges).map(|j| self.vertex(j)));
        } else {
            ring.push(self.apex);
            ring.extend((0..=self.wedges).map(|j| self.vertex(j)));
        }
        ring
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::ring_signed_area;

    #[test]
    fn chord_polygon_has_the_exact_sector_area() {
        let tol = Tolerances::default();
        for (fov, range) in [(90.0, 25.0), (360.0, 10.0), (1.0, 3.0), (200.0, 1000.0)] {
            let s = Sector::new(Point::new(3.0, -2.0), 30.0, fov, range, &tol);
            let area = ring_signed_area(&s.polygon());
            let exact = PI * range * range * fov / 360.0;
            assert!(
                (area - exact).abs() <= 1e-9 * exact,
                "{fov} {range}: {area} vs {exact}"
            );
        }
    }

    #[test]
    fn chord_polygon_stays_within_the_arc_tolerance() {
        let tol = Tolerances::default();
        let s = Sector::new(Point::new(0.0, 0.0), 0.0, 90.0, 25.0, &tol);
        for j in 0..s.wedges {
            let v = s.vertex(j);
            let m = v.lerp(s.vertex(j + 1), 0.5);
            assert!((v.length() - 25.0).abs() <= tol.arc_deviation_m);
            assert!((m.length() - 25.0).abs() <= tol.arc_deviation_m);
        }
    }

    #[test]
    fn alpha_measures_from_the_right_edge() {
        let tol = Tolerances::default();
        let s = Sector::new(Point::new(1.0, 1.0), 90.0, 90.0, 5.0, &tol);
        assert!((s.alpha(Point::new(1.0, 2.0)) - PI / 4.0).abs() < 1e-12);
        assert!((s.alpha(Point::new(2.0, 2.0)) - 0.0).abs() < 1e-12);
    }
}
