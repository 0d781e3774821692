//! Triangular expansion: the visibility polygon of a point among opaque walls,
//! cut to a camera's sector, by walking the constrained triangulation outwards.
//!
//! Each step looks through one triangle edge (a "portal") with an angular window
//! (two rays from the camera). A wall edge ends the window: what the camera sees
//! there is bounded by that wall. A portal farther away than the range ends it
//! too: only the range boundary is left. Otherwise the triangle beyond is entered
//! and the window split at its far vertex. Orientation tests are exact, so
//! windows grazing a vertex are split cleanly, with no spikes or slivers.
//! Windows are processed right to left, so boundary points come out in
//! counter-clockwise order.

use super::sector::Sector;
use crate::geometry::predicates::orient;
use crate::geometry::{Point, segment_distance_squared};
use crate::plan::{Location, Mesh, Seat, SightStart};

/// Look through edge `edge` of triangle `tri`, within the window from ray
/// `right` to ray `left` (points the rays pass through).
#[derive(Clone, Copy, Debug)]
struct Task {
    tri: u32,
    edge: u8,
    right: Point,
    left: Point,
}

/// What bounds the view in one window.
#[derive(Clone, Copy, Debug)]
enum Boundary {
    /// An opaque wall along the line through these points.
    Wall(Point, Point),
    /// Nothing within range: only the range boundary.
    Free,
}

/// Reusable state for visibility queries (avoids reallocating per camera).
#[derive(Debug, Default)]
pub struct Expander {
    stack: Vec<Task>,
    out: Vec<Point>,
}

impl Expander {
    /// The boundary of the view of a camera seated at `start` (plan-local;
    /// `sector.apex` is `start.apex`), as a ring: for a view that is not a whole
    /// circle the apex first (again wherever the view leaves it and comes back),
    /// then boundary points counter-clockwise. Empty when the camera stands
    /// outside the frame.
    pub fn view_ring(&mut self, mesh: &Mesh, sector: &Sector, start: &SightStart) -> Vec<Point> {
        self.out.clear();
        self.stack.clear();
        let c = sector.apex;
        let fan = |v: usize| -> Vec<(usize, usize)> {
            mesh.fan(v)
                .into_iter()
                .map(|l| (l.triangle(), (l.edge() + 1) % 3))
                .collect()
        };
        let portals: Vec<(usize, usize)> = match start.seat {
            Seat::Free => match mesh.locate(c) {
                Location::Inside(t) => vec![(t, 0), (t, 1), (t, 2)],
                Location::OnEdge { triangle, edge } => {
                    let twin = mesh.links[triangle][edge];
                    let mut p = vec![(triangle, (edge + 1) % 3), (triangle, (edge + 2) % 3)];
                    if twin.exists() {
                        p.push((twin.triangle(), (twin.edge() + 1) % 3));
                        p.push((twin.triangle(), (twin.edge() + 2) % 3));
                    }
                    p
                }
                Location::OnVertex(v) => fan(v),
                Location::Outside => return Vec::new(),
            },
            Seat::Corner { vertex, .. } => fan(vertex),
            // Mesh::build checked that every wall edge is a mesh edge.
            Seat::Wall { a, b } => match mesh.directed_edge(a, b) {
                Some(l) => vec![
                    (l.triangle(), (l.edge() + 1) % 3),
                    (l.triangle(), (l.edge() + 2) % 3),
                ],
                None => return Vec::new(),
            },
        };
        let initial = |t: usize, k: usize| Task {
            tri: t as u32,
            edge: k as u8,
            right: mesh.corner(t, k),
            left: mesh.corner(t, k + 1),
        };
        let windows: Option<Vec<(Point, Point)>> = match (sector.full, start.windows.is_empty()) {
            (true, true) => None,
            (true, false) => Some(start.windows.clone()),
            (false, true) => Some(sector.windows()),
            (false, false) => Some(
                sector
                    .windows()
                    .into_iter()
                    .flat_map(|fov| {
                        let mut parts: Vec<(Point, Point)> = start
                            .windows
                            .iter()
                            .filter_map(|&w| clip_window(c, fov, w))
                            .collect();
                        parts.sort_by(|a, b| 0.0_f64.total_cmp(&orient(c, a.0, b.0)));
                        parts
                    })
                    .collect(),
            ),
        };
        match windows {
            None => {
                for &(t, k) in &portals {
                    self.run(mesh, sector, initial(t, k));
                }
            }
            Some(windows) => {
                self.out.push(c);
                let mut previous_left: Option<Point> = None;
                for (sr, sl) in windows {
                    // A gap between windows: the view returns to the apex.
                    if let Some(pl) = previous_left
                        && !(orient(c, pl, sr) == 0.0 && (pl - c).dot(sr - c) > 0.0)
                    {
                        self.out.push(c);
                    }
                    previous_left = Some(sl);
                    let mut tasks: Vec<Task> = portals
                        .iter()
                        .filter_map(|&(t, k)| {
                            let task = initial(t, k);
                            clip_window(c, (task.right, task.left), (sr, sl)).map(|(r, l)| Task {
                                right: r,
                                left: l,
                                ..task
                            })
                        })
                        .collect();
                    // Windows inside one half-plane: sort by their right rays.
                    tasks.sort_by(|a, b| {
                        let o = orient(c, a.right, b.right);
                        0.0_f64.total_cmp(&o)
                    });
                    for task in tasks {
                        self.run(mesh, sector, task);
                    }
                }
            }
        }
        self.out.dedup();
        if self.out.len() > 1 && self.out.first() == self.out.last() {
            self.out.pop();
        }
        self.out.clone()
    }

    /// Expands from one initial portal until every window ends.
    fn run(&mut self, mesh: &Mesh, sector: &Sector, first: Task) {
        let c = sector.apex;
        let reach2 = sector.radius * sector.radius;
        self.stack.push(first);
        while let Some(task) = self.stack.pop() {
            let (t, k) = (task.tri as usize, task.edge as usize);
            let a = mesh.corner(t, k);
            let b = mesh.corner(t, k + 1);
            let link = mesh.links[t][k];
            if mesh.walls[t][k] || !link.exists() {
                self.emit(sector, task.right, task.left, Boundary::Wall(a, b));
                continue;
            }
            if segment_distance_squared(a, b, c) > reach2 {
                self.emit(sector, task.right, task.left, Boundary::Free);
                continue;
            }
            let (n, j) = (link.triangle(), link.edge());
            let v = mesh.corner(n, j + 2);
            let right_of_left = orient(c, task.left, v) < 0.0;
            let left_of_right = orient(c, task.right, v) > 0.0;
            let right_portal = (j + 1) % 3;
            let left_portal = (j + 2) % 3;
            let task_at = |edge: usize, right: Point, left: Point| Task {
                tri: n as u32,
                edge: edge as u8,
                right,
                left,
            };
            if left_of_right && right_of_left {
                // The far vertex splits the window; the right part goes first.
                self.stack.push(task_at(left_portal, v, task.left));
                self.stack.push(task_at(right_portal, task.right, v));
            } else if !left_of_right {
                self.stack.push(task_at(left_portal, task.right, task.left));
            } else {
                self.stack
                    .push(task_at(right_portal, task.right, task.left));
            }
        }
    }

    /// Appends the boundary between rays `right` and `left`: the nearer of the
    /// wall (if any) and the range chords, with a vertex wherever they cross.
    fn emit(&mut self, sector: &Sector, right: Point, left: Point, boundary: Boundary) {
        let c = sector.apex;
        if let Boundary::Wall(a, b) = boundary {
            // A wall wholly inside the chord polygon's inscribed circle is
            // nearer than the range everywhere: no chord to consider.
            let inner = sector.radius * libm::cos(sector.step / 2.0);
            let inner2 = inner * inner;
            if a.distance_squared(c) < inner2 && b.distance_squared(c) < inner2 {
                for ray in [right, left] {
                    let p = if ray == a || ray == b {
                        ray
                    } else {
                        ray_line(c, ray, a, b)
                    };
                    self.out.push(p);
                }
                return;
            }
        }
        let step = sector.step;
        let a0 = sector.alpha(right);
        let mut a1 = sector.alpha(left);
        if sector.full && a1 < a0 {
            a1 += std::f64::consts::TAU;
        }
        if a1 < a0 {
            a1 = a0;
        }
        let last_wedge = sector.wedges as isize - 1;
        let clamp_wedge = |w: isize| {
            if sector.full {
                w.max(0)
            } else {
                w.clamp(0, last_wedge)
            }
        };
        let w0 = clamp_wedge((a0 / step).floor() as isize);
        let w1 = clamp_wedge(((a1 / step).ceil() as isize - 1).max(w0));
        let chord = |w: isize| (sector.vertex(w as usize), sector.vertex(w as usize + 1));

        // Boundary on the start ray, then wedge by wedge to the end ray.
        let (p, mut prev_sign) = nearer(c, right, boundary, chord(w0));
        self.out.push(p);
        for w in w0..=w1 {
            if w < w1 {
                // Grid ray w + 1 ends this wedge: a chord vertex when the range
                // boundary is the nearer there.
                let g = sector.vertex(w as usize + 1);
                let (p, sign) = nearer(c, g, boundary, chord(w));
                self.cross(boundary, chord(w), prev_sign, sign);
                if sign >= 0.0 {
                    self.out.push(p);
                }
                prev_sign = sign;
            } else {
                let (p, sign) = nearer(c, left, boundary, chord(w));
                self.cross(boundary, chord(w), prev_sign, sign);
                self.out.push(p);
            }
        }
    }

    /// Where wall and chord swap as the nearer boundary inside a wedge, adds
    /// their crossing point.
    fn cross(&mut self, boundary: Boundary, chord: (Point, Point), s0: f64, s1: f64) {
        if let Boundary::Wall(a, b) = boundary
            && ((s0 > 0.0 && s1 < 0.0) || (s0 < 0.0 && s1 > 0.0))
            && let Some(x) = line_crossing(a, b, chord.0, chord.1)
        {
            self.out.push(x);
        }
    }
}

/// The nearer boundary point on the ray from `c` through `through`, and a sign:
/// positive when the chord is nearer (or no wall), negative when the wall is.
fn nearer(c: Point, through: Point, boundary: Boundary, chord: (Point, Point)) -> (Point, f64) {
    let on_chord = if through == chord.0 || through == chord.1 {
        through
    } else {
        ray_line(c, through, chord.0, chord.1)
    };
    match boundary {
        Boundary::Free => (on_chord, 1.0),
        Boundary::Wall(a, b) => {
            let on_wall = if through == a || through == b {
                through
            } else {
                ray_line(c, through, a, b)
            };
            let dw = on_wall.distance_squared(c);
            let dc = on_chord.distance_squared(c);
            if dc < dw {
                (on_chord, dw - dc)
            } else {
                (on_wall, dw - dc)
            }
        }
    }
}

/// Where the ray from `c` through `through` meets the line through `a b`.
fn ray_line(c: Point, through: Point, a: Point, b: Point) -> Point {
    let d = through - c;
    let e = b - a;
    let denom = d.cross(e);
    if denom == 0.0 {
        // Parallel: the ray only grazes the line; the nearer end bounds it.
        return if a.distance_squared(c) <= b.distance_squared(c) {
            a
        } else {
            b
        };
    }
    let t = (a - c).cross(e) / denom;
    c + d.scale(t)
}

/// Intersection of the lines through `a b` and `p q`, if not parallel.
fn line_crossing(a: Point, b: Point, p: Point, q: Point) -> Option<Point> {
    let r = b - a;
    let s = q - p;
    let denom = r.cross(s);
    if denom == 0.0 {
        return None;
    }
    let t = (p - a).cross(s) / denom;
    Some(a + r.scale(t))
}

/// True when the direction to `p` lies in the window (boundary included). The
/// window must be narrower than 180 degrees.
fn in_window(c: Point, (r, l): (Point, Point), p: Point) -> bool {
    orient(c, r, p) >= 0.0 && orient(c, p, l) >= 0.0
}

/// The common part of two windows narrower than 180 degrees, if it has width.
fn clip_window(c: Point, w1: (Point, Point), w2: (Point, Point)) -> Option<(Point, Point)> {
    let r = if in_window(c, w1, w2.0) {
        w2.0
    } else if in_window(c, w2, w1.0) {
        w1.0
    } else {
        return None;
    };
    let l = if in_window(c, w1, w2.1) {
        w2.1
    } else if in_window(c, w2, w1.1) {
        w1.1
    } else {
        return None;
    };
    (orient(c, r, l) > 0.0).then_some((r, l))
}
