//! Camera optics: fields of view from lens and sensor, the floor footprint of a
//! mounted, tilted camera (the dead zone under it and the far edge), and
//! horizontal pixel density with distance. Pure functions; see docs/cameras.md
//! for the models and their limits.

use crate::scenario::Projection;
use std::f64::consts::FRAC_PI_2;

/// Angle of view (degrees) across a sensor dimension for a focal length:
/// `2 atan(size / 2f)`.
pub fn fov_from_focal(sensor_mm: f64, focal_mm: f64) -> f64 {
    (2.0 * libm::atan(sensor_mm / (2.0 * focal_mm))).to_degrees()
}

/// Vertical field of view implied by the horizontal one and the image's aspect
/// ratio (`v_px / h_px`), for each projection.
pub fn vfov_from_aspect(projection: Projection, hfov_deg: f64, h_px: f64, v_px: f64) -> f64 {
    let aspect = v_px / h_px;
    match projection {
        Projection::Rectilinear => {
            (2.0 * libm::atan(libm::tan(hfov_deg.to_radians() / 2.0) * aspect)).to_degrees()
        }
        // A cylinder: the horizontal angle is spread evenly, so the focal
        // length in pixels is h_px / hfov; vertically it is rectilinear.
        Projection::Panoramic => {
            let f = h_px / hfov_deg.to_radians();
            (2.0 * libm::atan(v_px / 2.0 / f)).to_degrees()
        }
        // An image circle looking down: a hemisphere.
        Projection::Fisheye => 180.0,
    }
}

/// How a camera is mounted, for its vertical geometry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mount {
    /// Lens height above the floor, metres.
    pub height_m: f64,
    /// Tilt of the optical axis below horizontal, degrees.
    pub tilt_deg: f64,
    /// Vertical field of view, degrees (for a fisheye: the full angle of its
    /// image circle, 180 for a hemisphere).
    pub vfov_deg: f64,
    /// Height at which targets must be seen (faces: 1.6 m).
    pub target_height_m: f64,
}

impl Mount {
    /// Height of the lens above the target plane.
    pub fn drop(&self) -> f64 {
        self.height_m - self.target_height_m
    }
}

/// The interval of horizontal distances at which a target at the target height
/// is inside the vertical field of view, cut to `range`: `(near, far)`, or
/// `None` when no distance is.
///
/// A ray that dips by angle `a` below horizontal meets the target plane (a drop
/// `D` below the lens) at horizontal distance `D / tan a`. The bottom edge of the
/// view (tilt + vfov/2) gives the near edge; the top edge (tilt - vfov/2), when it
/// is below the horizon, gives a finite far edge. A fisheye looks straight down:
/// its edge is `vfov/2` from the nadir.
pub fn footprint(mount: &Mount, projection: Projection, range: f64) -> Option<(f64, f64)> {
    let d = mount.drop();
    let (near, far) = if projection == Projection::Fisheye {
        let edge = (mount.vfov_deg / 2.0).to_radians();
        if d > 0.0 {
            let far = if edge >= FRAC_PI_2 {
                f64::INFINITY
            } else {
                d * libm::tan(edge)
            };
            (0.0, far)
        } else if edge >= FRAC_PI_2 {
            // Lens at or below the targets: it sees them at the horizon.
            (0.0, f64::INFINITY)
        } else {
            return None;
        }
    } else {
        let top = (mount.tilt_deg - mount.vfov_deg / 2.0).to_radians();
        let bottom = (mount.tilt_deg + mount.vfov_deg / 2.0).to_radians();
        distance_interval(d, top, bottom)?
    };
    let far = far.min(range);
    (near < far).then_some((near, far))
}

/// Horizontal distances x >= 0 at which the depression angle `atan2(d, x)` of a
/// target lies within [top, bottom] (radians, positive below horizontal).
fn distance_interval(d: f64, top: f64, bottom: f64) -> Option<(f64, f64)> {
    if top > bottom {
        return None;
    }
    if d == 0.0 {
        // Targets level with the lens: seen at any distance if the view spans
        // the horizon.
        return (top <= 0.0 && bottom >= 0.0).then_some((0.0, f64::INFINITY));
    }
    // Depression to a target at distance x: from 90° (x = 0) towards 0 for a
    // lens above the targets; from -90° towards 0 below them. Monotonic, so
    // each edge bounds x on one side.
    let at = |angle: f64| d / libm::tan(angle);
    if d > 0.0 {
        if bottom <= 0.0 || top >= FRAC_PI_2 {
            return None;
        }
        let near = if bottom >= FRAC_PI_2 { 0.0 } else { at(bottom) };
        let far = if top <= 0.0 { f64::INFINITY } else { at(top) };
        Some((near, far))
    } else {
        if top >= 0.0 || bottom <= -FRAC_PI_2 {
            return None;
        }
        let near = if top <= -FRAC_PI_2 { 0.0 } else { at(top) };
        let far = if bottom >= 0.0 {
            f64::INFINITY
        } else {
            at(bottom)
        };
        Some((near, far))
    }
}

/// What the pixel density of a camera depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sensor {
    pub projection: Projection,
    /// Horizontal and vertical resolution, pixels.
    pub h_px: f64,
    pub v_px: f64,
    pub hfov_deg: f64,
    /// Vertical field of view (fisheye: the image circle's full angle).
    pub vfov_deg: f64,
    /// Lens height above the target plane (0 for a camera without a height).
    pub drop_m: f64,
}

impl Sensor {
    /// Horizontal pixels per metre on a target at horizontal distance `x`.
    ///
    /// Rectilinear: `h_px / (2 s tan(hfov/2))` at slant distance `s`.
    /// Panoramic (cylindrical): `h_px / (hfov s)`.
    /// Fisheye (equidistant, looking down, image circle `min(h_px, v_px)` across
    /// `vfov`): across the line of sight `f theta / x` with `f` the pixels per
    /// radian and `theta` the angle from the nadir.
    pub fn density(&self, x: f64) -> f64 {
        let s = libm::hypot(x, self.drop_m);
        match self.projection {
            Projection::Rectilinear | Projection::Panoramic => self.pixels_per_unit_angle() / s,
            Projection::Fisheye => {
                let f = self.h_px.min(self.v_px) / 2.0 / (self.vfov_deg.to_radians() / 2.0);
                if x == 0.0 {
                    if self.drop_m > 0.0 {
                        f / self.drop_m
                    } else {
                        f64::INFINITY
                    }
                } else {
                    f * libm::atan2(x, self.drop_m) / x
                }
            }
        }
    }

    /// For rectilinear and panoramic lenses density is `k / s`: this is `k`.
    fn pixels_per_unit_angle(&self) -> f64 {
        match self.projection {
            Projection::Panoramic => self.h_px / self.hfov_deg.to_radians(),
            _ => self.h_px / (2.0 * libm::tan(self.hfov_deg.to_radians() / 2.0)),
        }
    }

    /// The largest horizontal distance in `[0, limit]` with density at least
    /// `px_per_m` (0 when even the nearest point falls short).
    pub fn radius_for(&self, px_per_m: f64, limit: f64) -> f64 {
        match self.projection {
            // Closed forms: density = k / s.
            Projection::Rectilinear | Projection::Panoramic => {
                let s = self.pixels_per_unit_angle() / px_per_m;
                if s <= self.drop_m.abs() {
                    0.0
                } else {
                    (s * s - self.drop_m * self.drop_m).sqrt().min(limit)
                }
            }
            Projection::Fisheye => {
                if self.density(limit) >= px_per_m {
                    return limit;
                }
                if self.density(0.0) < px_per_m {
                    return 0.0;
                }
                // Density falls with distance: bisect.
                let (mut lo, mut hi) = (0.0, limit);
                for _ in 0..200 {
                    let mid = (lo + hi) / 2.0;
                    if self.density(mid) >= px_per_m {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                    if hi - lo <= 1e-12 * limit.max(1.0) {
                        break;
                    }
                }
                lo
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn focal_length_gives_the_field_of_view() {
        // 2 atan(5.37 / 5.6) for a 1/2.7" sensor behind a 2.8 mm lens.
        assert!(close(fov_from_focal(5.37, 2.8), 87.59779419426411));
        assert!(close(fov_from_focal(2.0, 1.0), 90.0));
    }

    #[test]
    fn rectilinear_density_at_known_distances() {
        // 1920 px over 90°: 2 tan 45° = 2, so 960 / s px/m.
        let s = Sensor {
            projection: Projection::Rectilinear,
            h_px: 1920.0,
            v_px: 1080.0,
            hfov_deg: 90.0,
            vfov_deg: 58.7,
            drop_m: 0.0,
        };
        assert!(close(s.density(4.0), 240.0));
        assert!(close(s.density(10.0), 96.0));
        assert!(close(s.radius_for(250.0, 100.0), 3.84));
        assert!(close(s.radius_for(25.0, 100.0), 38.4));
        assert!(close(s.radius_for(25.0, 20.0), 20.0));
        // Mounted 3 m above the faces: slant distance counts.
        let m = Sensor { drop_m: 3.0, ..s };
        assert!(close(m.density(4.0), 960.0 / 5.0));
        assert!(close(m.radius_for(192.0, 100.0), 4.0));
        assert_eq!(m.radius_for(400.0, 100.0), 0.0);
    }

    #[test]
    fn panoramic_and_fisheye_density() {
        let p = Sensor {
            projection: Projection::Panoramic,
            h_px: 3600.0,
            v_px: 1000.0,
            hfov_deg: 180.0,
            vfov_deg: 50.0,
            drop_m: 0.0,
        };
        assert!(close(p.density(5.0), 3600.0 / (PI * 5.0)));
        let f = Sensor {
            projection: Projection::Fisheye,
            h_px: 3000.0,
            v_px: 3000.0,
            hfov_deg: 360.0,
            vfov_deg: 180.0,
            drop_m: 2.0,
        };
        // f = 1500 / (pi/2) px per radian; at x = 2 (theta = 45°): f (pi/4) / 2.
        let fpx = 1500.0 / FRAC_PI_2;
        assert!(close(f.density(2.0), fpx * (PI / 4.0) / 2.0));
        assert!(close(f.density(0.0), fpx / 2.0));
        let r = f.radius_for(f.density(2.0), 50.0);
        assert!((r - 2.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn near_and_far_edges() {
        // 4 m up, faces at 1.6 m (drop 2.4), tilt 30°, vfov 40°: bottom ray at
        // 50° gives near = 2.4 / tan 50°, top ray at 10° gives far = 2.4 / tan 10°.
        let m = Mount {
            height_m: 4.0,
            tilt_deg: 30.0,
            vfov_deg: 40.0,
            target_height_m: 1.6,
        };
        let (near, far) = footprint(&m, Projection::Rectilinear, 100.0).unwrap();
        assert!(close(near, 2.4 / 50f64.to_radians().tan()));
        assert!(close(far, 2.4 / 10f64.to_radians().tan()));
        // The range cuts the far edge.
        let (_, far) = footprint(&m, Projection::Rectilinear, 10.0).unwrap();
        assert_eq!(far, 10.0);
        // Top of the view above the horizon: no far edge but the range.
        let level = Mount {
            tilt_deg: 10.0,
            ..m
        };
        let (near, far) = footprint(&level, Projection::Rectilinear, 30.0).unwrap();
        assert!(close(near, 2.4 / 30f64.to_radians().tan()));
        assert_eq!(far, 30.0);
        // Looking straight down past the vertical: no dead zone.
        let down = Mount {
            tilt_deg: 80.0,
            ..m
        };
        let (near, far) = footprint(&down, Projection::Rectilinear, 30.0).unwrap();
        assert_eq!(near, 0.0);
        assert!(close(far, 2.4 / 60f64.to_radians().tan()));
        // Pointing at the ceiling: sees no face.
        let up = Mount {
            tilt_deg: -40.0,
            ..m
        };
        assert_eq!(footprint(&up, Projection::Rectilinear, 30.0), None);
    }

    #[test]
    fn fisheye_footprint() {
        let m = Mount {
            height_m: 3.6,
            tilt_deg: 90.0,
            vfov_deg: 180.0,
            target_height_m: 1.6,
        };
        assert_eq!(footprint(&m, Projection::Fisheye, 12.0), Some((0.0, 12.0)));
        let narrow = Mount {
            vfov_deg: 120.0,
            ..m
        };
        let (near, far) = footprint(&narrow, Projection::Fisheye, 12.0).unwrap();
        assert_eq!(near, 0.0);
        assert!(close(far, 2.0 * 60f64.to_radians().tan()));
    }
}
