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
//! session was made), the warnings, the prepared plan's triangulation (spade's,
//! whose hierarchy point location walks) and wall edges, every view's
//! plan-local rings, and the coverage with its cells and their results. What
//! is derived cheaply and exactly is derived again: the mesh's flat arrays
//! from the triangulation, the wall tree, the zones in local coordinates, the
//! density levels, the views' world rings and boxes, their overlay contours,
//! the overlay buffers; caches start empty.
//!
//! A snapshot lives only as long as the page, but a stale worker (another
//! build) or a damaged transfer must never give a wrong scene: the version and
//! the build fingerprint must match, and the CRC catches every truncation (the
//! length is checked first) and every error of up to 32 bits in a row. After
//! decoding, every index the session follows is checked to lie in range, so
//! even bytes that pass the CRC cannot make it panic.

use super::Session;
use crate::coverage::{Coverage, ViewShape};
use crate::geometry::{Anchor, Bounds, Point, Tolerances};
use crate::plan::{Mesh, PreparedPlan, WallIndex};
use crate::scenario::{Problems, Scenario};
use crate::view::{Expander, LocalRings, View};
use serde::{Deserialize, Serialize};
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
    views: Vec<ViewRef<'a>>,
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
    views: Vec<ViewPart>,
    coverage: Coverage,
}

/// A view as a snapshot keeps it: its plan-local rings (the world rings and
/// the box are derived from them exactly as `view::camera_view` derives them),
/// and a density band that is the whole view ring (a level that holds to the
/// far edge: a copy of it) marked rather than repeated.
#[derive(Serialize)]
struct ViewRef<'a> {
    anchor: Anchor,
    ring: &'a [Point],
    dead: &'a [Point],
    levels: Vec<BandRef<'a>>,
    area: f64,
    level_areas: &'a [f64],
    near_m: f64,
    far_m: f64,
    level_radii: &'a [f64],
}

#[derive(Deserialize)]
struct ViewPart {
    anchor: Anchor,
    ring: Vec<Point>,
    dead: Vec<Point>,
    levels: Vec<Band>,
    area: f64,
    level_areas: Vec<f64>,
    near_m: f64,
    far_m: f64,
    level_radii: Vec<f64>,
}

/// A density band's ring: the view ring itself, or its own (the variants of
/// `BandRef` and `Band` are written and read by position: keep them in step).
#[derive(Serialize)]
enum BandRef<'a> {
    Ring,
    Own(&'a [Point]),
}

#[derive(Deserialize)]
enum Band {
    Ring,
    Own(Vec<Point>),
}

impl<'a> ViewRef<'a> {
    fn of(view: &'a View) -> ViewRef<'a> {
        let local = &view.local;
        let same_bits = |a: &[Point], b: &[Point]| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(p, q)| p.x.to_bits() == q.x.to_bits() && p.y.to_bits() == q.y.to_bits())
        };
        ViewRef {
            anchor: local.anchor,
            ring: &local.ring,
            dead: &local.dead,
            levels: local
                .levels
                .iter()
                .map(|band| {
                    if !band.is_empty() && same_bits(band, &local.ring) {
                        BandRef::Ring
                    } else {
                        BandRef::Own(band)
                    }
                })
                .collect(),
            area: view.area,
            level_areas: &view.level_areas,
            near_m: view.near_m,
            far_m: view.far_m,
            level_radii: &view.level_radii,
        }
    }
}

impl ViewPart {
    fn into_view(self) -> View {
        let anchor = self.anchor;
        let levels: Vec<Vec<Point>> = self
            .levels
            .into_iter()
            .map(|band| match band {
                Band::Ring => self.ring.clone(),
                Band::Own(ring) => ring,
            })
            .collect();
        let ring = anchor.ring_to_world(&self.ring);
        View {
            bounds: Bounds::of_points(&ring),
            ring,
            dead: anchor.ring_to_world(&self.dead),
            levels: levels.iter().map(|r| anchor.ring_to_world(r)).collect(),
            area: self.area,
            level_areas: self.level_areas,
            near_m: self.near_m,
            far_m: self.far_m,
            level_radii: self.level_radii,
            local: LocalRings {
                anchor,
                ring: self.ring,
                dead: self.dead,
                levels,
            },
        }
    }
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

    /// The size in bytes of each part of this session's snapshot body, named
    /// (for the performance notes: examples/snapshot_parts.rs).
    pub fn snapshot_part_sizes(&self) -> Vec<(&'static str, usize)> {
        let p = self.parts();
        let size = |r: Result<Vec<u8>, postcard::Error>| r.map_or(0, |b| b.len());
        vec![
            ("scenario", p.scenario.len()),
            ("warnings", size(postcard::to_allocvec(p.warnings))),
            ("mesh", size(postcard::to_allocvec(p.mesh))),
            ("walls", size(postcard::to_allocvec(p.walls))),
            ("views", size(postcard::to_allocvec(&p.views))),
            ("coverage", size(postcard::to_allocvec(p.coverage))),
        ]
    }

    fn body(&self) -> Vec<u8> {
        postcard::to_allocvec(&self.parts())
            .expect("postcard writes every part (no unsized sequences)")
    }

    fn parts(&self) -> PartsRef<'_> {
        PartsRef {
            scenario: serde_json::to_string(&self.scenario)
                .expect("a scenario always serialises (no maps with non-string keys)"),
            warnings: &self.warnings,
            anchor: self.plan.anchor,
            tolerances: self.plan.tolerances,
            mesh: &self.plan.mesh,
            walls: &self.plan.walls,
            views: self.views.iter().map(ViewRef::of).collect(),
            coverage: &self.coverage,
        }
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
        if parts.views.len() != cameras {
            return Err(inconsistent(format!(
                "{cameras} cameras but {} views",
                parts.views.len()
            )));
        }
        if parts.coverage.grid.anchor != parts.anchor {
            return Err(inconsistent(
                "the coverage grid is anchored elsewhere than the plan".into(),
            ));
        }
        let views: Vec<View> = parts.views.into_iter().map(ViewPart::into_view).collect();
        // Each view's overlay contours, as `Session::compute_view` makes them.
        let shapes: Vec<ViewShape> = views.iter().map(|v| parts.coverage.view_shape(v)).collect();
        parts
            .coverage
            .check_parts(scenario.plan.zones.len(), levels.len(), &shapes)
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
            views,
            shapes,
            coverage: parts.coverage,
            blind_spots: OnceLock::new(),
            rooms: OnceLock::new(),
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
