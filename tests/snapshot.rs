#![cfg(not(target_arch = "wasm32"))]
//! Session snapshots (src/session/snapshot.rs): a session rebuilt from its
//! snapshot is the same session, bit for bit (its views, coverage, blind spots
//! and report, and what later edits make of them), on the samples and on the
//! differential tests' generated plans; truncated, damaged, stale or foreign
//! bytes are refused with a clear error, never a panic or a wrong scene.

mod oracle;

use blindspot::geometry::Point;
use blindspot::session::{SNAPSHOT_VERSION, Session, SnapshotError};
use oracle::families::{FAMILIES, INSIDE, ON_WALLS, family};
use proptest::prelude::*;

fn sample(name: &str) -> Session {
    let path = format!("{}/www/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Session::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn report_json(s: &Session) -> String {
    serde_json::to_string(&s.report()).expect("a report serialises")
}

/// Everything the page and the CLI read from a session, as exact text (floats
/// in shortest round-trip form, so equal text is equal bits).
fn figures(s: &Session) -> String {
    let views: Vec<_> = s
        .views()
        .iter()
        .map(|v| {
            (
                &v.ring,
                &v.dead,
                &v.levels,
                v.area,
                &v.level_areas,
                v.near_m,
                v.far_m,
                &v.level_radii,
                &v.local.ring,
                &v.local.dead,
                &v.local.levels,
            )
        })
        .collect();
    let blind: Vec<_> = s
        .blind_spots()
        .iter()
        .map(|b| (b.polygon.clone(), b.area, b.zones.clone()))
        .collect();
    serde_json::to_string(&(
        report_json(s),
        serde_json::to_string(&s.summary()).expect("a summary serialises"),
        views,
        blind,
        s.zone_label_points(),
    ))
    .expect("figures serialise")
}

/// Asserts that `snapshot → from_snapshot` gives the same session, and that the
/// same edits on both keep them the same.
fn assert_round_trip(name: &str, mut original: Session) {
    let bytes = original.snapshot();
    let mut restored = Session::from_snapshot(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(restored.scenario(), original.scenario(), "{name}: scenario");
    assert_eq!(restored.warnings(), original.warnings(), "{name}: warnings");
    assert_eq!(restored.views(), original.views(), "{name}: views");
    assert_eq!(
        restored.plan().anchor,
        original.plan().anchor,
        "{name}: anchor"
    );
    assert_eq!(
        restored.plan().mesh.tris,
        original.plan().mesh.tris,
        "{name}: mesh"
    );
    assert_eq!(
        restored.plan().zones,
        original.plan().zones,
        "{name}: plan zones"
    );
    assert_eq!(figures(&restored), figures(&original), "{name}: figures");
    assert!(
        restored.snapshot() == bytes,
        "{name}: a snapshot of the restored session differs"
    );

    // The rebuilt indexes (wall tree, point location, overlay buffers) answer
    // later edits exactly as the originals.
    let n = original.scenario().cameras.len();
    if n > 0 {
        let c = original.scenario().cameras[n / 2].clone();
        let to = Point::new(c.position.x + 0.37, c.position.y - 0.21);
        let moved = (
            original.move_camera(n / 2, to.x, to.y),
            restored.move_camera(n / 2, to.x, to.y),
        );
        assert_eq!(moved.0.is_ok(), moved.1.is_ok(), "{name}: move");
        let mut again = c.clone();
        again.id = format!("{}-copy", c.id);
        again.heading_deg += 45.0;
        assert_eq!(
            original.add_camera(again.clone()).ok(),
            restored.add_camera(again).ok(),
            "{name}: add"
        );
        original.remove_camera(0).expect("camera 0 exists");
        restored.remove_camera(0).expect("camera 0 exists");
        assert_eq!(
            figures(&restored),
            figures(&original),
            "{name}: after edits"
        );
    }
    let b = original.plan().mesh.points.len();
    assert!(b > 0);
    let probe = original.scenario().plan.zones.first().map(|z| {
        z.polygon
            .iter()
            .fold(Point::new(0.0, 0.0), |a, p| a + *p)
            .scale(1.0 / z.polygon.len() as f64)
    });
    if let Some(p) = probe {
        assert_eq!(
            format!("{:?}", restored.room_at(p)),
            format!("{:?}", original.room_at(p)),
            "{name}: room at {p:?}"
        );
    }
    // A plan edit: the first wall dropped (its views recomputed near it).
    let mut scenario = original.scenario().clone();
    if !scenario.plan.walls.is_empty() {
        scenario.plan.walls.remove(0);
        let edits = (
            original.set_plan(scenario.clone()),
            restored.set_plan(scenario),
        );
        assert_eq!(edits.0.ok(), edits.1.ok(), "{name}: set_plan");
        assert_eq!(
            figures(&restored),
            figures(&original),
            "{name}: after a plan edit"
        );
    }
}

#[test]
fn samples_round_trip_bit_for_bit() {
    for name in ["museum-wing.json", "museum-wing-doubled.json", "large.json"] {
        assert_round_trip(name, sample(name));
    }
}

#[test]
fn differential_plans_round_trip_bit_for_bit() {
    for name in FAMILIES {
        for opts in [INSIDE, ON_WALLS] {
            let make = family(name, opts);
            for seed in 0..12 {
                let case = make(seed);
                // Some generated cases are refused by validation on purpose; the
                // snapshot is only for sessions that load.
                if let Ok(session) = Session::from_json(&case.to_json()) {
                    assert_round_trip(&format!("{name} {opts:?} seed {seed}"), session);
                }
            }
        }
    }
}

#[test]
fn a_session_with_repairs_keeps_its_warnings() {
    // A zero-length wall piece is dropped with a warning.
    let text = r#"{"blindspot": 1, "name": "repairs",
      "plan": {"walls": [{"id": "w", "kind": "wall", "path": [[0, 0], [5, 0], [5, 0], [5, 4]]}],
               "zones": [{"id": "z", "name": "Z", "kind": "room", "priority": 2, "polygon": [[0, 0], [5, 0], [5, 4], [0, 4]], "holes": []}]},
      "catalog": [], "cameras": [{"id": "c", "position": [1, 1], "heading_deg": 45, "hfov_deg": 90, "range_m": 8}]}"#;
    let session = Session::from_json(text).expect("loads with repairs");
    assert!(
        !session.warnings().list.is_empty(),
        "the sample must have a repair"
    );
    let restored = Session::from_snapshot(&session.snapshot()).expect("restores");
    assert_eq!(restored.warnings(), session.warnings());
}

#[test]
fn snapshots_are_deterministic() {
    let a = sample("museum-wing.json");
    let b = sample("museum-wing.json");
    assert_eq!(a.snapshot(), b.snapshot());
    assert_eq!(a.snapshot(), a.snapshot());
}

fn museum_snapshot() -> Vec<u8> {
    sample("museum-wing.json").snapshot()
}

/// The header's CRC made to match a changed body (what an adversary could do).
fn recrc(bytes: &mut [u8]) {
    let crc = crc32fast::hash(&bytes[28..]);
    bytes[24..28].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn a_wrong_header_is_refused_with_its_reason() {
    let good = museum_snapshot();
    let err = |b: &[u8]| Session::from_snapshot(b).expect_err("refused");

    assert_eq!(err(&[]), SnapshotError::TooShort(0));
    assert_eq!(
        err(&good[..27]).to_string(),
        "not a session snapshot: 27 bytes, shorter than the 28-byte header"
    );
    assert_eq!(
        err(b"{\"blindspot\": 1, \"name\": \"a scenario, not a snapshot\"}"),
        SnapshotError::NotASnapshot
    );

    let mut v = good.clone();
    v[8..12].copy_from_slice(&(SNAPSHOT_VERSION + 1).to_le_bytes());
    assert_eq!(
        err(&v).to_string(),
        format!(
            "a session snapshot of version {}; this build reads version {SNAPSHOT_VERSION}",
            SNAPSHOT_VERSION + 1
        )
    );

    let mut stale = good.clone();
    stale[12] ^= 1;
    assert_eq!(err(&stale), SnapshotError::OtherBuild);
    assert!(
        err(&stale)
            .to_string()
            .contains("another build of the planner")
    );

    let short = &good[..good.len() - 1];
    assert_eq!(
        err(short),
        SnapshotError::Length {
            declared: (good.len() - 28) as u64,
            found: good.len() - 29
        }
    );
    let mut padded = good.clone();
    padded.push(0);
    assert!(matches!(err(&padded), SnapshotError::Length { .. }));

    let mut flipped = good.clone();
    let at = 28 + (good.len() - 28) / 2;
    flipped[at] ^= 0x10;
    assert_eq!(
        err(&flipped).to_string(),
        "the session snapshot is damaged (its checksum does not match)"
    );
}

#[test]
fn bodies_cut_short_with_a_matching_checksum_are_refused() {
    // The header's length and CRC made to match each cut: decoding runs out
    // or the parts disagree, and each is an error, never a panic.
    let good = museum_snapshot();
    let body = good.len() - 28;
    for cut in (0..body).step_by((body / 97).max(1)) {
        let mut b = good[..28 + cut].to_vec();
        b[16..24].copy_from_slice(&(cut as u64).to_le_bytes());
        recrc(&mut b);
        assert!(
            Session::from_snapshot(&b).is_err(),
            "a body cut at {cut} of {body}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Any truncation is refused.
    #[test]
    fn truncations_are_refused(cut in 0.0f64..1.0) {
        let good = museum_snapshot_cached();
        let len = ((good.len() as f64) * cut) as usize;
        prop_assert!(Session::from_snapshot(&good[..len]).is_err());
    }

    /// Any flip of one to eight bits anywhere is refused (the header's fields,
    /// or the CRC over the body: it detects every error of up to 32 bits in a row,
    /// and others but for one chance in 2^32).
    #[test]
    fn bit_flips_are_refused(flips in proptest::collection::vec((0.0f64..1.0, 0u8..8), 1..8)) {
        let mut bytes = museum_snapshot_cached().to_vec();
        let n = bytes.len();
        let mut changed = false;
        for (at, bit) in flips {
            let i = ((n as f64) * at) as usize % n;
            bytes[i] ^= 1 << bit;
            changed = true;
        }
        prop_assume!(changed && bytes != museum_snapshot_cached());
        prop_assert!(Session::from_snapshot(&bytes).is_err());
    }

    /// With the checksum made to match (bytes no transfer would produce),
    /// decoding damaged bodies never panics: it is refused, or gives a session.
    #[test]
    fn damaged_bodies_with_a_matching_checksum_never_panic(
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..6)
    ) {
        let mut bytes = museum_snapshot_cached().to_vec();
        let body = bytes.len() - 28;
        for (at, value) in flips {
            let i = 28 + ((body as f64) * at) as usize % body;
            bytes[i] = value;
        }
        recrc(&mut bytes);
        let _ = Session::from_snapshot(&bytes);
    }
}

fn museum_snapshot_cached() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(museum_snapshot)
}

#[test]
fn every_optional_field_of_a_scenario_survives() {
    use blindspot::scenario::{
        Activity, CameraUse, Codec, Problems, Purpose, RecordingOverride, Response, ScenarioOption,
        Underlay, UnderlayImage,
    };
    let mut s = sample("museum-wing.json").scenario().clone();
    let sec = &mut s.settings.security;
    sec.opening_required_level = Some("detect".into());
    sec.opening_required_cameras = 2;
    sec.walking_speed_m_s = 1.1;
    sec.windows_passable = false;
    sec.camera_use = CameraUse::Analytics;
    sec.camera_detection.live = 0.3;
    sec.response = Some(Response {
        mean_s: 300.0,
        sd_s: 60.0,
        p_communication: 0.95,
    });
    s.settings.report.title = Some("Board review".into());
    s.settings.report.confidentiality = Some("restricted".into());
    s.settings.recording.fps = 10.0;
    s.settings.recording.activity = Activity::High;
    s.settings.min_blind_spot_m2 = 0.5;
    s.options.push(ScenarioOption {
        name: "B".into(),
        cameras: s.cameras[..1].to_vec(),
    });
    s.underlay = Some(Underlay {
        image: UnderlayImage {
            name: "scan.pdf".into(),
            kind: "application/pdf".into(),
            bytes: 1234,
            sha256: "ab".repeat(32),
            width: 842.0,
            height: 595.0,
        },
        position: [-1.5, 30.0],
        rotation_deg: 2.5,
        scale: 0.07,
        opacity: 0.4,
        locked: true,
    });
    let c = &mut s.cameras[0];
    c.recording = Some(RecordingOverride {
        codec: Some(Codec::H264),
        bitrate_mbps: Some(6.0),
        ..Default::default()
    });
    c.purpose = Some(Purpose {
        task: "identify".into(),
        target: "faces at the door".into(),
        at: Some(Point::new(1.0, 2.0)),
        ..Default::default()
    });
    c.usage = Some(CameraUse::Recording);
    s.plan.walls[0].exterior = true;
    s.plan.walls[0].security.passable = Some(false);
    let session = Session::new(s.clone(), Problems::default()).expect("prepares");
    let restored = Session::from_snapshot(&session.snapshot()).expect("restores");
    assert_eq!(restored.scenario(), &s);
    assert_eq!(restored.scenario().to_json(), s.to_json());
}
