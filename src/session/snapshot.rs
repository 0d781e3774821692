//! A session as bytes, so that one prepared in a worker is handed to the page
//! without reading the scenario or preparing the plan again
//! (docs/architecture.md, "Session snapshots").
//!
//! Layout: a 28-byte header, then the body.
//!
//! | bytes | what |
//! |---|---|
//! | 0..8 | [`MAGIC`] |
//! | 8..12 | [`SNAPSHOT_VERSION`], little-endian |
//! | 12..16 | this build's fingerprint (see [`build_fingerprint`]) |
//! | 16..24 | the body's length in bytes |
//! | 24..28 | the body's CRC-32 (IEEE) |
//! | 28.. | the body: postcard |
//!
//! The body holds what is expensive to make: the scenario (as compact JSON,
//! read back without the strict reader's checks: it was checked when the
//! session was made), the warnings, the prepared plan's triangulation and wall
//! edges, every view and its overlay shape, and the coverage with its cells.
//! Derived indexes (the wall tree, the zones in local coordinates, the density
//! levels, the overlay buffers) are rebuilt; caches start empty.
//!
//! A snapshot lives only as long as the page, but a stale worker (another
//! build) or a damaged transfer must never give a wrong scene: the version and
//! the build fingerprint must match, and the CRC catches every truncation (the
//! length is checked first) and every error of up to 32 bits in a row. After
//! decoding, every index the session follows is checked to lie in range, so
//! even bytes that pass the CRC cannot make it panic.

use super::Session;
use crate::coverage::{Coverage, ViewShape};
use crate::geometry::{Anchor, Tolerances};
use crate::plan::{Mesh, PreparedPlan, WallIndex};
use crate::scenario::{Problems, Scenario};
use crate::view::{Expander, View};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The first bytes of every snapshot.
pub const MAGIC: [u8; 8] = *b"BSPOTSNP";

/// The snapshot layout's version; bump it when the header changes (the body's
/// layout is covered by the build fingerprint).
pub const SNAPSHOT_VERSION: u32 = 1;

const HEADER: usize = 28;

/// Why bytes could not be made into a session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("not a session snapshot: {0} bytes, shorter than the 28-byte header")]
    TooShort(usize),
    #[error("not a session snapshot (its first bytes are not the snapshot mark)")]
    NotASnapshot,
    #[error("a session snapshot of version {found}; this build reads version {expected}")]
    Version { found: u32, expected: u32 },
    #[error(
        "a session snapshot made by another build of the planner (a stale worker?); open the file again"
    )]
    OtherBuild,
    #[error(
        "the session snapshot is truncated or padded: its body should be {declared} bytes, found {found}"
    )]
    Length { declared: u64, found: usize },
    #[error("the session snapshot is damaged (its checksum does not match)")]
    Checksum,
    #[error("the session snapshot could not be decoded: {0}")]
    Decode(String),
    #[error("the session snapshot is inconsistent: {0}")]
    Inconsistent(String),
}

/// The body, borrowed from a session for writing.
#[derive(Serialize)]
struct PartsRef<'a> {
    scenario: String,
    warnings: &'a Problems,
    anchor: Anchor,
    tolerances: Tolerances,
    mesh: &'a Mesh,
    walls: &'a WallIndex,
    views: &'a [View],
    shapes: &'a [ViewShape],
    coverage: &'a Coverage,
}

/// The body as read (the same fields, owned).
#[derive(Deserialize)]
struct Parts {
    scenario: String,
    warnings: Problems,
    anchor: Anchor,
    tolerances: Tolerances,
    mesh: Mesh,
    walls: WallIndex,
    views: Vec<View>,
    shapes: Vec<ViewShape>,
    coverage: Coverage,
}

impl Session {
    /// This session as bytes, for [`Session::from_snapshot`] in the same build
    /// (a worker hands its prepared scene to the page this way).
    pub fn snapshot(&self) -> Vec<u8> {
        let body = self.body();
        let mut out = Vec::with_capacity(HEADER + body.len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&SNAPSHOT_VERSION.to_le_bytes());
        out.extend_from_slice(&build_fingerprint().to_le_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    fn body(&self) -> Vec<u8> {
        let parts = PartsRef {
            scenario: serde_json::to_string(&self.scenario)
                .expect("a scenario always serialises (no maps with non-string keys)"),
            warnings: &self.warnings,
            anchor: self.plan.anchor,
            tolerances: self.plan.tolerances,
            mesh: &self.plan.mesh,
            walls: &self.plan.walls,
            views: &self.views,
            shapes: &self.shapes,
            coverage: &self.coverage,
        };
        postcard::to_allocvec(&parts).expect("postcard writes every part (no unsized sequences)")
    }

    /// The session [`Session::snapshot`] wrote, with the same views, coverage,
    /// blind spots and report, bit for bit.
    ///
    /// # Errors
    /// Bytes that are not a snapshot of this version and build, or are
    /// truncated, damaged or inconsistent: never a panic or a wrong session.
    pub fn from_snapshot(bytes: &[u8]) -> Result<Session, SnapshotError> {
        let body = checked_body(bytes)?;
        let parts: Parts =
            postcard::from_bytes(body).map_err(|e| SnapshotError::Decode(e.to_string()))?;
        let scenario: Scenario = serde_json::from_str(&parts.scenario)
            .map_err(|e| SnapshotError::Decode(format!("its scenario: {e}")))?;
        let levels = scenario.settings.levels_densest_first();
        let inconsistent = SnapshotError::Inconsistent;
        parts.mesh.check_indices().map_err(inconsistent)?;
        if parts
            .walls
            .max_vertex()
            .is_some_and(|v| v as usize >= parts.mesh.points.len())
        {
            return Err(inconsistent(
                "a wall edge names a vertex beyond the mesh's".into(),
            ));
        }
        let cameras = scenario.cameras.len();
        if parts.views.len() != cameras || parts.shapes.len() != cameras {
            return Err(inconsistent(format!(
                "{cameras} cameras but {} views and {} view shapes",
                parts.views.len(),
                parts.shapes.len()
            )));
        }
        if parts.coverage.grid.anchor != parts.anchor {
            return Err(inconsistent(
                "the coverage grid is anchored elsewhere than the plan".into(),
            ));
        }
        parts
            .coverage
            .check_parts(scenario.plan.zones.len(), levels.len(), &parts.shapes)
            .map_err(inconsistent)?;
        let plan = PreparedPlan::from_parts(
            &scenario.plan,
            parts.anchor,
            parts.mesh,
            parts.walls,
            parts.tolerances,
        );
        Ok(Session {
            levels,
            zone_shapes: scenario.plan.zones.iter().map(|z| z.shape()).collect(),
            scenario,
            warnings: parts.warnings,
            plan,
            expander: Expander::default(),
            views: parts.views,
            shapes: parts.shapes,
            coverage: parts.coverage,
            blind_spots: RefCell::new(None),
            rooms: RefCell::new(None),
        })
    }
}

/// The body of `bytes` once the header has been checked.
fn checked_body(bytes: &[u8]) -> Result<&[u8], SnapshotError> {
    if bytes.len() < HEADER {
        return Err(SnapshotError::TooShort(bytes.len()));
    }
    let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    if bytes[..8] != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let version = word(8);
    if version != SNAPSHOT_VERSION {
        return Err(SnapshotError::Version {
            found: version,
            expected: SNAPSHOT_VERSION,
        });
    }
    if word(12) != build_fingerprint() {
        return Err(SnapshotError::OtherBuild);
    }
    let declared = u64::from_le_bytes(bytes[16..24].try_into().expect("8 bytes"));
    let body = &bytes[HEADER..];
    if declared != body.len() as u64 {
        return Err(SnapshotError::Length {
            declared,
            found: body.len(),
        });
    }
    if crc32fast::hash(body) != word(24) {
        return Err(SnapshotError::Checksum);
    }
    Ok(body)
}

/// A tiny scenario whose snapshot body stands for this build's layout and
/// results: a build that encodes any part differently, or computes another
/// view or coverage of it, has another fingerprint.
const FINGERPRINT_SCENARIO: &str = r#"{"blindspot": 1, "name": "fingerprint",
 "plan": {"walls": [{"id": "w", "kind": "wall", "path": [[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]},
                    {"id": "d", "kind": "door", "path": [[2, 0], [2, 1.5]]}],
          "zones": [{"id": "z", "name": "Z", "kind": "room", "priority": 1,
                     "polygon": [[0, 0], [4, 0], [4, 3], [0, 3]], "holes": []}]},
 "catalog": [{"id": "m", "name": "M", "resolution_px": [1920, 1080], "hfov_deg": 90,
              "vfov_deg": 50, "range_m": 10}],
 "cameras": [{"id": "c", "model": "m", "position": [0.5, 2.5], "heading_deg": -30,
              "height_m": 3, "tilt_deg": 20}]}"#;

/// CRC-32 of the snapshot body of [`FINGERPRINT_SCENARIO`] (computed once).
pub fn build_fingerprint() -> u32 {
    static FINGERPRINT: OnceLock<u32> = OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let session = Session::from_json(FINGERPRINT_SCENARIO)
            .expect("the fingerprint scenario is valid (tested)");
        crc32fast::hash(&session.body())
    })
}
