//! Headings as compass bearings, the way a site plan states them.
//!
//! The file keeps its convention (degrees counter-clockwise from east, +y
//! north); people read bearings: degrees clockwise from north, 0 to 360.

/// The compass bearing of a file heading: degrees clockwise from north, in
/// [0, 360).
pub fn bearing_deg(heading_deg: f64) -> f64 {
    let b = (90.0 - heading_deg).rem_euclid(360.0);
    // rem_euclid can return 360 for tiny negative inputs.
    if b >= 360.0 { 0.0 } else { b }
}

/// The 16-point compass name of a bearing (N, NNE, NE, ...).
pub fn point_name(bearing_deg: f64) -> &'static str {
    const NAMES: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    let i = ((bearing_deg.rem_euclid(360.0) / 22.5).round() as usize) % 16;
    NAMES[i]
}

/// A bearing for people: whole degrees on three digits and the compass point,
/// e.g. `045° NE`. A bearing that rounds to 360 is written `000°`.
pub fn format_bearing(heading_deg: f64) -> String {
    let b = bearing_deg(heading_deg);
    let whole = (b.round() as i64).rem_euclid(360);
    format!("{whole:03}° {}", point_name(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_headings_become_bearings_clockwise_from_north() {
        // East (file 0) is bearing 90, north (file 90) is 0, west 270, south 180.
        assert_eq!(bearing_deg(0.0), 90.0);
        assert_eq!(bearing_deg(90.0), 0.0);
        assert_eq!(bearing_deg(180.0), 270.0);
        assert_eq!(bearing_deg(270.0), 180.0);
        assert_eq!(bearing_deg(-90.0), 180.0);
        assert_eq!(bearing_deg(45.0), 45.0);
        assert_eq!(bearing_deg(450.0), 0.0);
        assert_eq!(bearing_deg(135.0), 315.0);
    }

    #[test]
    fn bearings_are_written_with_their_compass_point() {
        assert_eq!(format_bearing(90.0), "000° N");
        assert_eq!(format_bearing(45.0), "045° NE");
        assert_eq!(format_bearing(-90.0), "180° S");
        assert_eq!(format_bearing(67.5), "023° NNE");
        // 359.6 rounds to 360, written as 000.
        assert_eq!(format_bearing(90.4), "000° N");
        assert_eq!(format_bearing(1.0), "089° E");
    }
}
