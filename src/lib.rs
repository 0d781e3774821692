//! Blindspot: a CCTV coverage planner's core.
//!
//! Given a floorplan with cameras (a [`scenario::Scenario`]), it computes exactly
//! what each camera sees among the walls ([`view`]), what is covered and where
//! the blind spots are ([`coverage`]), and reports it ([`report`]). The core is
//! pure: no I/O, no clock, no platform types; `wasm.rs` is the only boundary to
//! the browser and `bin/blindspot.rs` the command line.

pub mod analysis;
pub mod camera_rules;
pub mod catalog;
pub mod costing;
pub mod coverage;
pub mod document;
pub mod export;
pub mod generator;
pub mod geometry;
pub mod georef;
pub mod import;
pub mod mounting;
pub mod optics;
pub mod optimize;
pub mod plan;
pub mod report;
pub mod rng;
pub mod scenario;
pub mod session;
pub mod site;
pub mod sorting;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
