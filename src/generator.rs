//! Synthetic museum plans of a requested size, for benchmarks and the browser's
//! performance sample: a grid of galleries joined by doorways (with open
//! doors), with pillars,
//! glass display cases (asset zones), a facade with exterior windows and an
//! exterior approach zone, and cameras mounted in corners and on walls.
//!
//! Deterministic from the seed (see `rng`).

use crate::geometry::Point;
use crate::rng::SplitMix64;
use crate::scenario::{
    Camera, CameraModel, FORMAT_VERSION, Plan, Scenario, Settings, Wall, WallKind, Zone, ZoneKind,
};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeneratorOptions {
    /// Wall segments wanted (opaque and see-through); the result has at least
    /// this many and at most a few more.
    pub wall_segments: usize,
    pub cameras: usize,
    pub seed: u64,
    /// Real cameras: starter-catalogue models with resolutions and prices,
    /// mounted at a height and tilted, and required density levels on display
    /// cases and the approach. Otherwise flat cones with a field of view and a
    /// range only (the format's first version).
    pub mounted: bool,
}

impl Default for GeneratorOptions {
    fn default() -> Self {
        GeneratorOptions {
            wall_segments: 10_000,
            cameras: 300,
            seed: 1,
            mounted: true,
        }
    }
}

/// The generator's random numbers, rounded to the millimetre like a surveyed
/// plan.
struct Rng(SplitMix64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0.unit()
    }
    /// Uniform in [lo, hi), rounded to the millimetre.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        ((lo + (hi - lo) * self.unit()) * 1000.0).round() / 1000.0
    }
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
}

const ROOM_W: f64 = 14.0;
const ROOM_H: f64 = 10.0;
const DOOR_W: f64 = 2.0;
const PILLAR: f64 = 0.6;
const CASE_W: f64 = 1.6;
const CASE_H: f64 = 0.8;
/// Segments a room adds on average (walls and doors, two pillars, two cases):
/// used to size the grid before topping up.
const SEGMENTS_PER_ROOM: f64 = 6.0 + 8.0 + 8.0;

struct Builder {
    rng: Rng,
    walls: Vec<Wall>,
    zones: Vec<Zone>,
    segments: usize,
    /// Rectangles already occupied inside each room (pillars, cases), for spacing.
    occupied: Vec<Vec<(Point, Point)>>,
}

impl Builder {
    fn wall(&mut self, id: String, kind: WallKind, path: Vec<Point>) -> &mut Wall {
        self.segments += path.len() - 1;
        self.walls.push(Wall {
            level: None,
            id,
            kind,
            path,
            exterior: false,
            open: false,
            opaque: None,
            security: Default::default(),
        });
        self.walls.last_mut().expect("just pushed")
    }

    /// A straight inner wall from `a` to `b` (along an axis) with a doorway at a
    /// random place and an open door in it: walls `{tag}` and `{tag}b`, door
    /// `door-{tag}`.
    fn wall_with_door(&mut self, tag: &str, a: Point, b: Point) {
        let length = (b - a).length();
        let dir = (b - a).scale(1.0 / length);
        let p = a + dir.scale(self.rng.range(1.0, length - 1.0 - DOOR_W));
        let q = p + dir.scale(DOOR_W);
        self.wall(tag.to_string(), WallKind::Wall, vec![a, p]);
        self.wall(format!("{tag}b"), WallKind::Wall, vec![q, b]);
        self.door(format!("door-{tag}"), vec![p, q]);
    }

    /// An open door across a doorway (sight passes; close it to block).
    fn door(&mut self, id: String, path: Vec<Point>) {
        self.wall(id, WallKind::Door, path).open = true;
    }

    fn rect_path(lo: Point, hi: Point) -> Vec<Point> {
        vec![lo, Point::new(hi.x, lo.y), hi, Point::new(lo.x, hi.y), lo]
    }

    /// A free spot of size `w x h` inside room `(col, row)`, away from walls,
    /// doorways and other objects; `None` when the room is full.
    fn free_spot(&mut self, room: usize, origin: Point, w: f64, h: f64) -> Option<(Point, Point)> {
        for _ in 0..20 {
            let x = self.rng.range(origin.x + 2.0, origin.x + ROOM_W - 2.0 - w);
            let y = self.rng.range(origin.y + 2.0, origin.y + ROOM_H - 2.0 - h);
            let lo = Point::new(x, y);
            let hi = Point::new(x + w, y + h);
            let clear = self.occupied[room].iter().all(|(a, b)| {
                hi.x + 1.0 < a.x || b.x + 1.0 < lo.x || hi.y + 1.0 < a.y || b.y + 1.0 < lo.y
            });
            if clear {
                self.occupied[room].push((lo, hi));
                return Some((lo, hi));
            }
        }
        None
    }

    fn pillar(&mut self, room: usize, origin: Point, tag: &str) -> bool {
        match self.free_spot(room, origin, PILLAR, PILLAR) {
            Some((lo, hi)) => {
                self.wall(
                    format!("pillar-{room}-{tag}"),
                    WallKind::Wall,
                    Self::rect_path(lo, hi),
                );
                true
            }
            None => false,
        }
    }

    fn case(&mut self, room: usize, origin: Point, tag: &str) -> bool {
        let (w, h) = if self.rng.unit() < 0.5 {
            (CASE_W, CASE_H)
        } else {
            (CASE_H, CASE_W)
        };
        match self.free_spot(room, origin, w, h) {
            Some((lo, hi)) => {
                let id = format!("case-{room}-{tag}");
                self.wall(id.clone(), WallKind::Glass, Self::rect_path(lo, hi));
                self.zones.push(Zone {
                    level: None,
                    name: format!("Display case {room}.{tag}"),
                    id,
                    kind: ZoneKind::Asset,
                    priority: 5.0,
                    required_level: None,
                    delay: None,
                    min_coverage: None,
                    polygon: Self::rect_path(lo, hi)[..4].to_vec(),
                    holes: Vec::new(),
                });
                true
            }
            None => false,
        }
    }
}

/// Generates a museum-like plan with cameras.
pub fn generate(options: &GeneratorOptions) -> Scenario {
    let rooms_wanted = (options.wall_segments as f64 / SEGMENTS_PER_ROOM).max(1.0);
    let cols = (rooms_wanted * 1.4).sqrt().ceil().max(1.0) as usize;
    let rows = (rooms_wanted / cols as f64).floor().max(1.0) as usize;
    let mut b = Builder {
        rng: Rng(SplitMix64(options.seed)),
        walls: Vec::new(),
        zones: Vec::new(),
        segments: 0,
        occupied: vec![Vec::new(); rows * cols],
    };
    let width = cols as f64 * ROOM_W;
    let height = rows as f64 * ROOM_H;

    // Facade (south, y = 0): wall pieces between exterior windows, one per room.
    for c in 0..cols {
        let x0 = c as f64 * ROOM_W;
        let wx = x0 + b.rng.range(3.0, ROOM_W - 5.0);
        b.wall(
            format!("facade-{c}"),
            WallKind::Wall,
            vec![Point::new(x0, 0.0), Point::new(wx, 0.0)],
        );
        let window = b.wall(
            format!("window-{c}"),
            WallKind::Window,
            vec![Point::new(wx, 0.0), Point::new(wx + 2.0, 0.0)],
        );
        window.exterior = true;
        b.wall(
            format!("facade-{c}b"),
            WallKind::Wall,
            vec![Point::new(wx + 2.0, 0.0), Point::new(x0 + ROOM_W, 0.0)],
        );
    }
    // Other outer walls.
    b.wall(
        "outer".to_string(),
        WallKind::Wall,
        vec![
            Point::new(width, 0.0),
            Point::new(width, height),
            Point::new(0.0, height),
            Point::new(0.0, 0.0),
        ],
    );
    // Inner walls with a doorway each: vertical lines between columns, then
    // horizontal lines between rows.
    for r in 0..rows {
        for c in 1..cols {
            let (x, y0) = (c as f64 * ROOM_W, r as f64 * ROOM_H);
            b.wall_with_door(
                &format!("v-{r}-{c}"),
                Point::new(x, y0),
                Point::new(x, y0 + ROOM_H),
            );
        }
    }
    for r in 1..rows {
        for c in 0..cols {
            let (x0, y) = (c as f64 * ROOM_W, r as f64 * ROOM_H);
            b.wall_with_door(
                &format!("h-{r}-{c}"),
                Point::new(x0, y),
                Point::new(x0 + ROOM_W, y),
            );
        }
    }
    // Rooms as zones.
    let room_origin = |i: usize| Point::new((i % cols) as f64 * ROOM_W, (i / cols) as f64 * ROOM_H);
    for i in 0..rows * cols {
        let o = room_origin(i);
        let priority = [1.0, 1.0, 2.0, 3.0][b.rng.below(4)];
        b.zones.push(Zone {
            level: None,
            id: format!("room-{i}"),
            name: format!("Gallery {}", i + 1),
            kind: ZoneKind::Room,
            priority,
            required_level: None,
            delay: None,
            min_coverage: None,
            polygon: Builder::rect_path(o, o + Point::new(ROOM_W, ROOM_H))[..4].to_vec(),
            holes: Vec::new(),
        });
    }
    // Exterior approach along the facade.
    b.zones.push(Zone {
        level: None,
        id: "approach".to_string(),
        name: "Facade approach".to_string(),
        kind: ZoneKind::Exterior,
        priority: 2.0,
        required_level: None,
        delay: None,
        min_coverage: None,
        polygon: vec![
            Point::new(0.0, -6.0),
            Point::new(width, -6.0),
            Point::new(width, 0.0),
            Point::new(0.0, 0.0),
        ],
        holes: Vec::new(),
    });
    // Furnish rooms round-robin until the segment count is reached.
    let mut round = 0;
    let mut stuck = 0;
    while b.segments < options.wall_segments && stuck < rows * cols {
        let i = round % (rows * cols);
        let o = room_origin(i);
        let tag = (round / (rows * cols)).to_string();
        let placed = if round % 2 == 0 {
            b.pillar(i, o, &format!("p{tag}"))
        } else {
            b.case(i, o, &format!("c{tag}"))
        };
        stuck = if placed { 0 } else { stuck + 1 };
        round += 1;
    }
    let catalog = if options.mounted {
        let keep = ["dome-4mp-2.8mm", "bullet-8mp-6mm", "fisheye-360-12mp"];
        crate::catalog::starter_catalog()
            .into_iter()
            .filter(|m| keep.contains(&m.id.as_str()))
            .collect()
    } else {
        vec![
            CameraModel {
                id: "dome-4mp".to_string(),
                name: "4 MP dome, 2.8 mm".to_string(),
                hfov_deg: Some(100.0),
                range_m: Some(20.0),
                ..Default::default()
            },
            CameraModel {
                id: "bullet-8mp".to_string(),
                name: "8 MP bullet, 6 mm".to_string(),
                hfov_deg: Some(55.0),
                range_m: Some(30.0),
                ..Default::default()
            },
            CameraModel {
                id: "fisheye-12mp".to_string(),
                name: "12 MP fisheye".to_string(),
                hfov_deg: Some(360.0),
                range_m: Some(8.0),
                ..Default::default()
            },
        ]
    };
    let (dome, bullet, fisheye) = if options.mounted {
        ("dome-4mp-2.8mm", "bullet-8mp-6mm", "fisheye-360-12mp")
    } else {
        ("dome-4mp", "bullet-8mp", "fisheye-12mp")
    };
    if options.mounted {
        // Display cases must allow identifying a face, the facade approach
        // detecting a person.
        for zone in &mut b.zones {
            zone.required_level = match zone.kind {
                ZoneKind::Asset => Some("identify".to_string()),
                ZoneKind::Exterior => Some("detect".to_string()),
                ZoneKind::Room => None,
            };
        }
    }
    let mut cameras = Vec::with_capacity(options.cameras);
    for k in 0..options.cameras {
        let i = (k * 7919) % (rows * cols);
        let o = room_origin(i);
        let corner = b.rng.below(5);
        let (pos, heading, model, height, tilt) = match corner {
            0 => (o, 45.0, dome, 3.5, 25.0),
            1 => (o + Point::new(ROOM_W, 0.0), 135.0, dome, 3.5, 25.0),
            2 => (o + Point::new(ROOM_W, ROOM_H), 225.0, bullet, 3.8, 15.0),
            3 => (o + Point::new(0.0, ROOM_H), 315.0, bullet, 3.8, 15.0),
            _ => (
                o + Point::new(ROOM_W / 2.0, ROOM_H / 2.0 + 0.5),
                90.0,
                fisheye,
                4.0,
                90.0,
            ),
        };
        let jitter = b.rng.range(-10.0, 10.0);
        cameras.push(Camera {
            id: format!("cam-{k}"),
            model: Some(model.to_string()),
            position: pos,
            heading_deg: heading + jitter,
            height_m: options.mounted.then_some(height),
            tilt_deg: options.mounted.then_some(tilt),
            ..Default::default()
        });
    }
    Scenario {
        connections: Vec::new(),
        levels: Vec::new(),
        blindspot: FORMAT_VERSION,
        name: format!(
            "Generated museum: {} galleries, {} wall segments, {} cameras (seed {})",
            rows * cols,
            b.segments,
            options.cameras,
            options.seed
        ),
        plan: Plan {
            walls: b.walls,
            zones: b.zones,
            ..Plan::default()
        },
        catalog,
        detectors: Vec::new(),
        cameras,
        settings: Settings::default(),
        options: Vec::new(),
        underlay: None,
        pole_sites: Vec::new(),
    }
}

/// Number of wall segments (pieces between consecutive path points) in a plan.
pub fn wall_segment_count(plan: &Plan) -> usize {
    plan.walls
        .iter()
        .map(|w| w.path.len().saturating_sub(1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_plan_and_size_as_asked() {
        let opts = GeneratorOptions {
            wall_segments: 1000,
            cameras: 30,
            seed: 7,
            mounted: true,
        };
        let a = generate(&opts);
        let b = generate(&opts);
        assert_eq!(a, b);
        let n = wall_segment_count(&a.plan);
        assert!((1000..1010).contains(&n), "{n} segments");
        assert_eq!(a.cameras.len(), 30);
        let c = generate(&GeneratorOptions { seed: 8, ..opts });
        assert_ne!(a, c);
    }

    #[test]
    fn generated_plan_is_a_valid_scenario() {
        let s = generate(&GeneratorOptions {
            wall_segments: 2000,
            cameras: 50,
            seed: 3,
            mounted: true,
        });
        let text = s.to_json();
        let (back, warnings) = Scenario::from_json(&text).expect("valid");
        assert!(warnings.list.is_empty(), "{warnings:?}");
        assert_eq!(back, s);
    }
}
