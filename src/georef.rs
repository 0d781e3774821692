//! Between plan metres and WGS84 longitude/latitude, for a georeferenced plan.
//!
//! The projection is the **orthographic projection onto the plane tangent to the
//! WGS84 ellipsoid at the plan's origin** (a local east-north frame), turned by
//! the georeference's rotation. It is exact both ways: a ground point is moved
//! along the origin's vertical onto the tangent plane, and back. Its only
//! distortion is radial: a point at ground distance `s` from the origin lands
//! `s³ / 6R²` nearer to it (R ≈ 6371 km) and lengths pointing away from the
//! origin shrink by up to `s² / 2R²`, lengths around it not at all:
//!
//! | distance from the origin | position | length, relative |
//! |---|---|---|
//! | 100 m | 4 nm | 1.2e-10 |
//! | 1 km | 4 µm | 1.2e-8 |
//! | 10 km | 4 mm | 1.2e-6 |
//! | 100 km | 4 m | 1.2e-4 |
//!
//! Any flat plan of a curved Earth has such an error; at building scale it is far
//! below anything drawn. [`MAX_GEOREFERENCED_M`] bounds the distance at which the
//! importers still accept longitude/latitude data.

use crate::geometry::Point;
use crate::scenario::Georeference;

/// WGS84 semi-major axis, metres.
const A: f64 = 6_378_137.0;
/// WGS84 flattening.
const F: f64 = 1.0 / 298.257_223_563;
/// First eccentricity squared.
const E2: f64 = F * (2.0 - F);

/// Beyond this distance from the origin (100 km, where positions are off by
/// about 4 m) longitude/latitude data is refused as not a building plan.
pub const MAX_GEOREFERENCED_M: f64 = 100_000.0;

/// The distortion of the projection at ground distance `s_m` from the origin:
/// how far a point moves (metres) and how much a length shrinks (relative).
pub fn projection_error(s_m: f64) -> (f64, f64) {
    const R: f64 = 6_371_000.0;
    (s_m.powi(3) / (6.0 * R * R), s_m * s_m / (2.0 * R * R))
}

/// Earth-centred coordinates of a point on the ellipsoid (height 0).
fn ecef(lon_deg: f64, lat_deg: f64) -> [f64; 3] {
    let (sl, cl) = lon_deg.to_radians().sin_cos();
    let (sp, cp) = lat_deg.to_radians().sin_cos();
    let n = A / (1.0 - E2 * sp * sp).sqrt();
    [n * cp * cl, n * cp * sl, n * (1.0 - E2) * sp]
}

/// The origin's east, north and up unit vectors, and its position.
struct Frame {
    origin: [f64; 3],
    east: [f64; 3],
    north: [f64; 3],
    up: [f64; 3],
    /// The plan's x and y axes in (east, north) components.
    x_axis: [f64; 2],
    y_axis: [f64; 2],
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

impl Frame {
    fn new(g: &Georeference) -> Frame {
        let [lon, lat] = g.origin;
        let (sl, cl) = lon.to_radians().sin_cos();
        let (sp, cp) = lat.to_radians().sin_cos();
        let (sr, cr) = g.rotation_deg.to_radians().sin_cos();
        Frame {
            origin: ecef(lon, lat),
            east: [-sl, cl, 0.0],
            north: [-sp * cl, -sp * sl, cp],
            up: [cp * cl, cp * sl, sp],
            x_axis: [cr, sr],
            y_axis: [-sr, cr],
        }
    }
}

impl Georeference {
    /// The plan point of a WGS84 longitude/latitude (degrees).
    pub fn to_plan(&self, lon_deg: f64, lat_deg: f64) -> Point {
        let f = Frame::new(self);
        let p = ecef(lon_deg, lat_deg);
        let d = [p[0] - f.origin[0], p[1] - f.origin[1], p[2] - f.origin[2]];
        let (e, n) = (dot(d, f.east), dot(d, f.north));
        Point::new(
            e * f.x_axis[0] + n * f.x_axis[1],
            e * f.y_axis[0] + n * f.y_axis[1],
        )
    }

    /// The WGS84 `[longitude, latitude]` (degrees) of a plan point.
    pub fn to_lonlat(&self, p: Point) -> [f64; 2] {
        let f = Frame::new(self);
        let e = p.x * f.x_axis[0] + p.y * f.y_axis[0];
        let n = p.x * f.x_axis[1] + p.y * f.y_axis[1];
        // The point of the tangent plane, then along the origin's vertical down
        // to the ellipsoid: the root of A u² + B u + C = 0 nearest zero.
        let s: [f64; 3] = std::array::from_fn(|i| f.origin[i] + e * f.east[i] + n * f.north[i]);
        let b2 = A * A * (1.0 - E2);
        let quad =
            |v: [f64; 3], w: [f64; 3]| (v[0] * w[0] + v[1] * w[1]) / (A * A) + v[2] * w[2] / b2;
        let qa = quad(f.up, f.up);
        let qb = 2.0 * quad(s, f.up);
        // s·s - 1 on the ellipsoid's scale, written so that the origin itself
        // gives exactly 0: the origin lies on the ellipsoid.
        let qc = quad(s, s) - quad(f.origin, f.origin);
        let u = -2.0 * qc / (qb + (qb * qb - 4.0 * qa * qc).max(0.0).sqrt());
        let q: [f64; 3] = std::array::from_fn(|i| s[i] + u * f.up[i]);
        let lon = q[1].atan2(q[0]).to_degrees();
        // On the ellipsoid's surface the geodetic latitude is exact in closed form.
        let lat = q[2].atan2((1.0 - E2) * q[0].hypot(q[1])).to_degrees();
        [lon, lat]
    }

    /// The georeference that puts plan point `a` at `lonlat_a` and turns the plan
    /// so that plan point `b` lies in the direction of `lonlat_b`; also returns
    /// the ratio of the ground distance a→b to the plan distance (1 when the
    /// plan's scale is right). `None` when `a` and `b` coincide, in the plan or
    /// on the ground.
    pub fn from_two_points(
        a: Point,
        lonlat_a: [f64; 2],
        b: Point,
        lonlat_b: [f64; 2],
    ) -> Option<(Georeference, f64)> {
        let at_a = Georeference {
            origin: lonlat_a,
            rotation_deg: 0.0,
        };
        let ground = at_a.to_plan(lonlat_b[0], lonlat_b[1]);
        let plan = b - a;
        if ground.length() == 0.0 || plan.length() == 0.0 {
            return None;
        }
        let rotation = ground.angle() - plan.angle();
        // The plan origin, seen from a in the east-north frame there.
        let (s, c) = rotation.sin_cos();
        let to_origin = Point::new(-a.x * c + a.y * s, -a.x * s - a.y * c);
        let mut g = Georeference {
            origin: at_a.to_lonlat(to_origin),
            rotation_deg: rotation.to_degrees(),
        };
        // The tangent plane at the origin is turned slightly from the one at a
        // (meridians converge): a few corrections make a and b exact.
        for _ in 0..4 {
            let (pa, pb) = (
                g.to_plan(lonlat_a[0], lonlat_a[1]),
                g.to_plan(lonlat_b[0], lonlat_b[1]),
            );
            g.rotation_deg -= (plan.angle() - (pb - pa).angle()).to_degrees();
            let pa = g.to_plan(lonlat_a[0], lonlat_a[1]);
            g.origin = g.to_lonlat(pa - a);
        }
        g.rotation_deg = g.rotation_deg.rem_euclid(360.0);
        Some((g, ground.length() / plan.length()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_and_the_axes() {
        let g = Georeference {
            origin: [2.3376, 48.8606],
            rotation_deg: 0.0,
        };
        assert_eq!(g.to_plan(2.3376, 48.8606), Point::new(0.0, 0.0));
        let [lon, lat] = g.to_lonlat(Point::new(0.0, 0.0));
        assert!((lon - 2.3376).abs() < 1e-12 && (lat - 48.8606).abs() < 1e-12);
        // North is +y, east is +x.
        let north = g.to_plan(2.3376, 48.8616);
        assert!(north.x.abs() < 1e-6 && north.y > 100.0 && north.y < 112.0);
        let east = g.to_plan(2.3386, 48.8606);
        assert!(east.x > 70.0 && east.x < 75.0);
        // A rotated plan: its +x axis points north.
        let turned = Georeference {
            rotation_deg: 90.0,
            ..g
        };
        let p = turned.to_plan(2.3376, 48.8616);
        assert!((p.x - north.y).abs() < 1e-9 && p.y.abs() < 1e-6);
    }

    #[test]
    fn round_trips_within_a_nanometre() {
        let g = Georeference {
            origin: [-73.9857, 40.7484],
            rotation_deg: 37.0,
        };
        for &(x, y) in &[(0.0, 0.0), (12.5, -7.25), (-950.0, 430.0), (5000.0, 5000.0)] {
            let p = Point::new(x, y);
            let [lon, lat] = g.to_lonlat(p);
            let back = g.to_plan(lon, lat);
            assert!(back.distance(p) < 1e-9, "{p:?} -> {back:?}");
        }
    }

    #[test]
    fn two_points_give_the_rotation_and_the_scale() {
        let g = Georeference {
            origin: [151.2153, -33.8568],
            rotation_deg: 30.0,
        };
        let (a, b) = (Point::new(10.0, 20.0), Point::new(-40.0, 75.0));
        let (found, scale) =
            Georeference::from_two_points(a, g.to_lonlat(a), b, g.to_lonlat(b)).unwrap();
        assert!((scale - 1.0).abs() < 1e-6, "{scale}");
        assert!((found.rotation_deg - 30.0).abs() < 1e-9, "{found:?}");
        assert!(found.to_plan(g.origin[0], g.origin[1]).length() < 1e-6);
        for p in [a, b] {
            let [lon, lat] = g.to_lonlat(p);
            assert!(found.to_plan(lon, lat).distance(p) < 1e-7);
        }
    }
}
