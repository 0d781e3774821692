//! Bounds on the values a scenario may hold.

/// Largest absolute coordinate accepted, in metres (1,000 km).
pub const MAX_COORDINATE_M: f64 = 1e6;
/// Largest camera range accepted, in metres.
pub const MAX_RANGE_M: f64 = 100_000.0;
