//! Fuzz target: plan preparation, views, coverage and blind spots from
//! structured input (walls, zones and cameras built from arbitrary bytes,
//! with coordinates drawn from the awkward values real plans have: one ulp
//! apart, -0.0, subnormal, nearly collinear), then camera edits. It must never
//! panic or hang, and every area must be finite and within its bounds.

use arbitrary::{Arbitrary, Unstructured};
use blindspot::session::Session;

/// A coordinate: a point of a coarse grid, optionally nudged by a few ulps, by
/// a subnormal, or by a tiny offset (for nearly collinear walls).
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Coord {
    Grid(i8, i8),
    Ulps(i8, i8, i8, i8),
    Tiny(i8, i8, u8),
    Fine(i16, i16),
}

#[derive(Arbitrary, Debug)]
struct Wall {
    kind: u8,
    points: Vec<Coord>,
}

#[derive(Arbitrary, Debug)]
struct Camera {
    at: Coord,
    heading: u16,
    hfov: u16,
    range: u16,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// The plan's scale: 2^(k/8) metres per grid step, k in -80..80.
    scale: i8,
    offset: (i8, i8),
    closed: bool,
    walls: Vec<Wall>,
    zones: Vec<Vec<Coord>>,
    cameras: Vec<Camera>,
    moves: Vec<(u8, Coord)>,
}

fn num(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0.0".into()
    } else {
        format!("{x:?}")
    }
}

fn ulps(x: f64, k: i8) -> f64 {
    let mut x = x;
    for _ in 0..k.unsigned_abs() {
        let b = x.to_bits();
        x = if x == 0.0 {
            if k > 0 {
                f64::from_bits(1)
            } else {
                -f64::from_bits(1)
            }
        } else if (x > 0.0) == (k > 0) {
            f64::from_bits(b + 1)
        } else {
            f64::from_bits(b - 1)
        };
    }
    x
}

struct Frame {
    scale: f64,
    ox: f64,
    oy: f64,
}

impl Frame {
    fn at(&self, c: Coord) -> (f64, f64) {
        let g = |i: i8| i as f64 * self.scale;
        match c {
            Coord::Grid(x, y) => (g(x) + self.ox, g(y) + self.oy),
            Coord::Ulps(x, y, dx, dy) => (ulps(g(x) + self.ox, dx), ulps(g(y) + self.oy, dy)),
            Coord::Tiny(x, y, k) => {
                let t = match k % 4 {
                    0 => 1e-310,
                    1 => -0.0,
                    2 => 1e-9 * self.scale,
                    _ => 1e-13 * self.scale,
                };
                (g(x) + self.ox + t, g(y) + self.oy - t)
            }
            Coord::Fine(x, y) => (
                x as f64 * self.scale / 256.0 + self.ox,
                y as f64 * self.scale / 256.0 + self.oy,
            ),
        }
    }
    fn point(&self, c: Coord) -> String {
        let (x, y) = self.at(c);
        format!("[{}, {}]", num(x), num(y))
    }
}

fn scenario(input: &Input) -> String {
    let frame = Frame {
        scale: 2f64.powf(f64::from(input.scale.clamp(-80, 80)) / 8.0),
        ox: f64::from(input.offset.0) * 4096.0,
        oy: f64::from(input.offset.1) * 4096.0,
    };
    let mut walls = Vec::new();
    for (i, w) in input.walls.iter().take(16).enumerate() {
        if w.points.len() < 2 {
            continue;
        }
        let pts: Vec<String> = w.points.iter().take(6).map(|&c| frame.point(c)).collect();
        let kind = match w.kind % 8 {
            0 => r#""kind": "glass""#,
            1 => r#""kind": "door", "open": true"#,
            2 => r#""kind": "door""#,
            3 => r#""kind": "window""#,
            _ => r#""kind": "wall""#,
        };
        walls.push(format!(
            r#"{{"id": "w{i}", {kind}, "path": [{}]}}"#,
            pts.join(", ")
        ));
    }
    // One zone always (a box around the grid, walled when `closed`), so most
    // inputs reach the geometry; arbitrary zones come on top.
    let corner = |x: i8, y: i8| frame.point(Coord::Grid(x, y));
    let room = [
        corner(-128, -128),
        corner(127, -128),
        corner(127, 127),
        corner(-128, 127),
    ];
    let mut zones = vec![format!(
        r#"{{"id": "room", "polygon": [{}]}}"#,
        room.join(", ")
    )];
    if input.closed {
        walls.push(format!(
            r#"{{"id": "outline", "path": [{}, {}]}}"#,
            room.join(", "),
            room[0]
        ));
    }
    for (i, z) in input.zones.iter().take(2).enumerate() {
        if z.len() < 3 {
            continue;
        }
        let pts: Vec<String> = z.iter().take(8).map(|&c| frame.point(c)).collect();
        zones.push(format!(
            r#"{{"id": "z{i}", "polygon": [{}]}}"#,
            pts.join(", ")
        ));
    }
    let mut cameras = Vec::new();
    for (i, c) in input.cameras.iter().take(3).enumerate() {
        let range = (f64::from(c.range % 4096) + 1.0) * frame.scale / 16.0;
        cameras.push(format!(
            r#"{{"id": "c{i}", "position": {}, "heading_deg": {}, "hfov_deg": {}, "range_m": {}}}"#,
            frame.point(c.at),
            num(f64::from(c.heading % 3600) / 10.0),
            num((f64::from(c.hfov % 3600) / 10.0).max(0.1).min(360.0)),
            num(range.clamp(1e-3, 1e5)),
        ));
    }
    format!(
        r#"{{"blindspot": 1, "plan": {{"walls": [{}], "zones": [{}]}}, "cameras": [{}]}}"#,
        walls.join(", "),
        zones.join(", "),
        cameras.join(", ")
    )
}

/// Checks the figures; `full` also builds the blind spots (the costly part,
/// done once per input; camera moves check the incremental totals).
fn check(session: &Session, text: &str, full: bool) {
    let summary = if full {
        blindspot::report::build(session).summary
    } else {
        blindspot::report::summarize(session)
    };
    let o = &summary.overall;
    let ok = |x: f64| x.is_finite() && x >= 0.0;
    assert!(
        ok(o.target_area_m2) && ok(o.covered_area_m2),
        "areas: {o:?}\n{text}"
    );
    assert!(
        o.covered_area_m2 <= o.target_area_m2 * (1.0 + 1e-6) + 1e-9,
        "covered {} > target {}\n{text}",
        o.covered_area_m2,
        o.target_area_m2
    );
    for c in &summary.cameras {
        assert!(
            ok(c.view_area_m2),
            "camera {}: view {}\n{text}",
            c.id,
            c.view_area_m2
        );
    }
}

fn main() {
    // `BLINDSPOT_FUZZ_PRINT=1 fuzz/target/release/geometry < INPUT` prints the
    // scenario an input makes (to keep a crash as a regression fixture).
    if std::env::var_os("BLINDSPOT_FUZZ_PRINT").is_some() {
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut data).expect("stdin");
        if let Ok(input) = Input::arbitrary(&mut Unstructured::new(&data)) {
            let text = scenario(&input);
            println!("{text}");
            eprintln!(
                "{}",
                Session::from_json(&text)
                    .err()
                    .map_or("accepted".to_string(), |e| e.to_string())
            );
        }
        return;
    }
    afl::fuzz!(|data: &[u8]| {
        let Ok(input) = Input::arbitrary(&mut Unstructured::new(data)) else {
            return;
        };
        let text = scenario(&input);
        let Ok(mut session) = Session::from_json(&text) else {
            return;
        };
        check(&session, &text, true);
        let frame = Frame {
            scale: 2f64.powf(f64::from(input.scale.clamp(-80, 80)) / 8.0),
            ox: f64::from(input.offset.0) * 4096.0,
            oy: f64::from(input.offset.1) * 4096.0,
        };
        let n = session.scenario().cameras.len();
        for &(i, to) in input.moves.iter().take(1) {
            if n == 0 {
                break;
            }
            let (x, y) = frame.at(to);
            if session.move_camera(i as usize % n, x, y).is_ok() {
                check(&session, &text, false);
            }
        }
    });
}
