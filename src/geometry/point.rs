//! A point in plan coordinates (metres, x east, y north).

use serde::{Deserialize, Serialize};

/// A point or a vector in the plane, in metres.
///
/// Serialised as a two-element JSON array `[x, y]`, as in GeoJSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    /// Creates a point from its coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The unit vector at `angle` radians counter-clockwise from +x.
    pub fn from_angle(angle: f64) -> Self {
        // libm rather than std: the same last bit natively and in wasm (the
        // system libm and wasm's differ, and a last bit can flip a decision).
        let (sin, cos) = (libm::sin(angle), libm::cos(angle));
        Self::new(cos, sin)
    }

    /// Scales both components by `factor`.
    pub fn scale(self, factor: f64) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }

    /// Dot product, treating both as vectors.
    pub fn dot(self, other: Point) -> f64 {
        self.x * other.x + self.y * other.y
    }

    /// The z component of the cross product, treating both as vectors.
    pub fn cross(self, other: Point) -> f64 {
        self.x * other.y - self.y * other.x
    }

    /// Euclidean length, treating the point as a vector.
    pub fn length(self) -> f64 {
        libm::hypot(self.x, self.y)
    }

    /// Squared distance to `other`.
    pub fn distance_squared(self, other: Point) -> f64 {
        let d = self - other;
        d.dot(d)
    }

    /// Distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (self - other).length()
    }

    /// Direction angle of the vector in radians, in (-pi, pi].
    pub fn angle(self) -> f64 {
        libm::atan2(self.y, self.x)
    }

    /// Linear interpolation: `self` at t = 0, `other` at t = 1.
    pub fn lerp(self, other: Point, t: f64) -> Point {
        Point::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }

    /// True when both coordinates are finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// The least integer k with 2^k >= x, exactly (for finite x > 0; `log2` can
/// be off by an ulp near powers of two, and differs between platforms).
pub fn ceil_log2(x: f64) -> i32 {
    debug_assert!(x > 0.0 && x.is_finite());
    let (mantissa, exponent) = {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        if biased == 0 {
            // Subnormal: scale into the normal range first.
            return ceil_log2(x * 2f64.powi(64)) - 64;
        }
        (bits & ((1u64 << 52) - 1), biased - 1023)
    };
    if mantissa == 0 {
        exponent
    } else {
        exponent + 1
    }
}

impl std::ops::Add for Point {
    type Output = Point;
    fn add(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }
}

impl std::ops::Sub for Point {
    type Output = Point;
    fn sub(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }
}

impl From<[f64; 2]> for Point {
    fn from([x, y]: [f64; 2]) -> Self {
        Point::new(x, y)
    }
}

impl From<Point> for [f64; 2] {
    fn from(p: Point) -> Self {
        [p.x, p.y]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceil_log2_is_exact() {
        assert_eq!(ceil_log2(1.0), 0);
        assert_eq!(ceil_log2(1.0 + f64::EPSILON), 1);
        assert_eq!(ceil_log2(8.0), 3);
        assert_eq!(ceil_log2(7.999_999_999_999_999), 3);
        assert_eq!(ceil_log2(0.75), 0);
        assert_eq!(ceil_log2(0.5), -1);
        assert_eq!(ceil_log2(1e-310), -1029);
        assert_eq!(ceil_log2(f64::MIN_POSITIVE), -1022);
    }
}
