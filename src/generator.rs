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
    Camera, CameraModel, Connection, ConnectionKind, FORMAT_VERSION, Level, LevelPlace, Plan,
    PoleSite, Scenario, Settings, Wall, WallKind, Zone, ZoneKind,
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

/// Elevation of each floor above the one below, metres.
const FLOOR_HEIGHT_M: f64 = 5.5;
/// Depth of the quay in front of the facade approach, metres.
const QUAY_DEPTH_M: f64 = 14.0;

/// A site of `levels` levels (for `levels` of 2 or more; else [`generate`]):
/// an outdoor level `site` (the facade approach and a quay in front of it, the
/// building's outline blocking sight, a railing along the water, cameras on
/// the facade's outside and pole sites on the quay) and `levels - 1` floors of
/// galleries stacked on one footprint (`ground`, `floor-1`, ...), joined by a
/// stair and a lift between each pair of floors and by the ground floor's
/// facade windows to the site. Wall segments and cameras are spread over the
/// floors (the site takes a few of each); ids carry their level's prefix.
///
/// Deterministic from the seed, as [`generate`].
pub fn generate_site(options: &GeneratorOptions, levels: usize) -> Scenario {
    if levels <= 1 {
        return generate(options);
    }
    let floors = levels - 1;
    let site_cameras = (options.cameras / 50).max(1).min(options.cameras);
    let floor_cameras = options.cameras - site_cameras;
    // The site's walls: the outline (4 segments) and the railing (1).
    let floor_segments = options.wall_segments.saturating_sub(5).div_ceil(floors);
    let mut scenario = Scenario {
        levels: vec![Level {
            id: "site".to_string(),
            name: "Quay and approach".to_string(),
            elevation_m: 0.0,
        }],
        ..generate(&GeneratorOptions {
            wall_segments: 0,
            cameras: 0,
            ..*options
        })
    };
    scenario.plan.walls.clear();
    scenario.plan.zones.clear();
    let mut width = 0.0;
    let mut height = 0.0;
    let mut windows: Vec<Point> = Vec::new();
    for f in 0..floors {
        let (id, name) = if f == 0 {
            ("ground".to_string(), "Ground floor".to_string())
        } else {
            (format!("floor-{f}"), format!("Floor {f}"))
        };
        let floor = generate(&GeneratorOptions {
            wall_segments: floor_segments,
            cameras: floor_cameras / floors + usize::from(f < floor_cameras % floors),
            seed: options.seed.wrapping_add(f as u64 * 7_919),
            mounted: options.mounted,
        });
        let tag = |item_id: &str| format!("{id}-{item_id}");
        for mut w in floor.plan.walls {
            if f == 0 && w.exterior {
                windows.push(w.path[0].lerp(w.path[1], 0.5));
            }
            for p in &w.path {
                width = f64::max(width, p.x);
                height = f64::max(height, p.y);
            }
            w.id = tag(&w.id);
            w.level = Some(id.clone());
            scenario.plan.walls.push(w);
        }
        // The approach is outdoors: on the site level, once.
        for mut z in floor.plan.zones.into_iter().filter(|z| z.id != "approach") {
            z.id = tag(&z.id);
            z.level = Some(id.clone());
            scenario.plan.zones.push(z);
        }
        for mut c in floor.cameras {
            c.id = tag(&c.id);
            c.level = Some(id.clone());
            scenario.cameras.push(c);
        }
        scenario.levels.push(Level {
            id,
            name,
            elevation_m: f as f64 * FLOOR_HEIGHT_M,
        });
    }
    let site = || Some("site".to_string());
    let wall = |id: &str, kind: WallKind, path: Vec<Point>| Wall {
        level: site(),
        id: id.to_string(),
        kind,
        path,
        exterior: false,
        open: false,
        opaque: None,
        security: Default::default(),
    };
    // From outside, the building is a solid block; the quay ends at a railing.
    let quay_edge = -6.0 - QUAY_DEPTH_M;
    scenario.plan.walls.push(wall(
        "site-building",
        WallKind::Wall,
        Builder::rect_path(Point::new(0.0, 0.0), Point::new(width, height)),
    ));
    scenario.plan.walls.push(wall(
        "site-railing",
        WallKind::Railing,
        vec![Point::new(0.0, quay_edge), Point::new(width, quay_edge)],
    ));
    let strip = |y0: f64, y1: f64| {
        vec![
            Point::new(0.0, y0),
            Point::new(width, y0),
            Point::new(width, y1),
            Point::new(0.0, y1),
        ]
    };
    let outdoor = |id: &str, name: &str, polygon: Vec<Point>| Zone {
        level: site(),
        id: id.to_string(),
        name: name.to_string(),
        kind: ZoneKind::Exterior,
        priority: 2.0,
        required_level: options.mounted.then(|| "detect".to_string()),
        delay: None,
        min_coverage: None,
        polygon,
        holes: Vec::new(),
    };
    scenario.plan.zones.push(outdoor(
        "site-approach",
        "Facade approach",
        strip(-6.0, 0.0),
    ));
    scenario
        .plan
        .zones
        .push(outdoor("site-quay", "Quay", strip(quay_edge, -6.0)));
    // Cameras on brackets 30 cm off the facade, looking out over the quay.
    let model = if options.mounted {
        "bullet-8mp-6mm"
    } else {
        "bullet-8mp"
    };
    for k in 0..site_cameras {
        let x = width * (k as f64 + 0.5) / site_cameras as f64;
        scenario.cameras.push(Camera {
            level: site(),
            id: format!("site-cam-{k}"),
            model: Some(model.to_string()),
            position: Point::new(x, -0.3),
            heading_deg: 270.0 + if k % 2 == 0 { -20.0 } else { 20.0 },
            height_m: options.mounted.then_some(5.0),
            tilt_deg: options.mounted.then_some(15.0),
            ..Default::default()
        });
    }
    scenario.pole_sites = (0..4)
        .map(|k| PoleSite {
            level: site(),
            id: format!("quay-pole-{k}"),
            position: Point::new(width * (k as f64 + 0.5) / 4.0, quay_edge + 2.0),
            cost: 2_400.0,
            height_m: Some(6.0),
        })
        .collect();
    // The ground floor's windows open onto the approach; a stair in the first
    // gallery and a lift in the last join each floor to the next.
    // Millimetres, like the rest of the plan.
    let mm = |v: f64| (v * 1000.0).round() / 1000.0;
    let place = |level: &str, p: Point| LevelPlace {
        level: level.to_string(),
        x: mm(p.x),
        y: mm(p.y),
    };
    for (k, w) in windows.iter().enumerate() {
        scenario.connections.push(Connection {
            id: format!("window-{k}"),
            kind: ConnectionKind::Opening,
            from: place("site", *w - Point::new(0.0, 0.5)),
            to: place("ground", *w + Point::new(0.0, 0.5)),
            time_s: Some(10.0),
        });
    }
    let stair = Point::new(ROOM_W / 2.0, ROOM_H / 2.0 - 2.0);
    let lift = Point::new(width - ROOM_W / 2.0, height - ROOM_H / 2.0 - 2.0);
    for pair in scenario.levels[1..].to_vec().windows(2) {
        for (kind, p, time) in [
            (ConnectionKind::Stair, stair, 25.0),
            (ConnectionKind::Lift, lift, 40.0),
        ] {
            scenario.connections.push(Connection {
                id: format!("{}-{}-{}", kind.name(), pair[0].id, pair[1].id),
                kind,
                from: place(&pair[0].id, p),
                to: place(&pair[1].id, p),
                time_s: Some(time),
            });
        }
    }
    scenario.name = format!(
        "Generated palace: {} levels, {} wall segments, {} cameras (seed {})",
        levels,
        wall_segment_count(&scenario.plan),
        scenario.cameras.len(),
        options.seed
    );
    scenario
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
    fn a_generated_site_spreads_walls_and_cameras_over_valid_levels() {
        let opts = GeneratorOptions {
            wall_segments: 3000,
            cameras: 120,
            seed: 5,
            mounted: true,
        };
        let s = generate_site(&opts, 4);
        assert_eq!(s, generate_site(&opts, 4), "deterministic");
        assert_eq!(generate_site(&opts, 1), generate(&opts));
        let ids: Vec<&str> = s.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["site", "ground", "floor-1", "floor-2"]);
        let n = wall_segment_count(&s.plan);
        assert!((3000..3040).contains(&n), "{n} segments");
        assert_eq!(s.cameras.len(), 120);
        for level in &s.levels {
            let slice = s.level_slice(&level.id).unwrap();
            assert!(!slice.plan.walls.is_empty() && !slice.plan.zones.is_empty());
            assert!(!slice.cameras.is_empty(), "cameras on {}", level.id);
        }
        // Floors share one footprint and get a third of the floor walls each.
        let floor = |id: &str| wall_segment_count(&s.level_slice(id).unwrap().plan);
        for id in ["ground", "floor-1", "floor-2"] {
            assert!((995..1010).contains(&floor(id)), "{id}: {}", floor(id));
        }
        // A stair and a lift between each pair of floors, windows onto the site.
        let kinds = |k| s.connections.iter().filter(|c| c.kind == k).count();
        assert_eq!(kinds(ConnectionKind::Stair), 2);
        assert_eq!(kinds(ConnectionKind::Lift), 2);
        assert!(kinds(ConnectionKind::Opening) > 0);
        let text = s.to_json();
        let (back, warnings) = Scenario::from_json(&text).expect("valid");
        assert!(warnings.list.is_empty(), "{warnings:?}");
        assert_eq!(back, s);
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
