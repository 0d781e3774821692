//! The constrained Delaunay triangulation of the opaque walls, flattened into
//! plain arrays for fast walking during visibility queries.
//!
//! Triangle `t` has vertices `tris[t]` counter-clockwise; its edge `k` runs from
//! `tris[t][k]` to `tris[t][(k + 1) % 3]`. `links[t][k]` names the triangle on the
//! other side of edge `k` and that edge's index there; `walls[t][k]` says whether
//! the edge blocks sight. The wall graph's vertices come first in `points`, in
//! the graph's order, then the open-space points, then the four frame corners.

use super::noding::WallGraph;
use crate::geometry::Point;
use spade::{
    ConstrainedDelaunayTriangulation, HierarchyHintGenerator, InsertionError, Point2,
    PositionInTriangulation, Triangulation,
};

type Cdt = ConstrainedDelaunayTriangulation<Point2<f64>, (), (), (), HierarchyHintGenerator<f64>>;

/// "No neighbour" in `links`.
pub const NO_LINK: u32 = u32::MAX;

/// A neighbour across an edge, or a triangle corner: triangle index and the
/// edge's (corner's) index in it, packed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link(pub u32);

impl Link {
    fn new(triangle: usize, edge: usize) -> Link {
        Link(((triangle as u32) << 2) | edge as u32)
    }
    pub fn triangle(self) -> usize {
        (self.0 >> 2) as usize
    }
    pub fn edge(self) -> usize {
        (self.0 & 3) as usize
    }
    pub fn exists(self) -> bool {
        self.0 != NO_LINK
    }
}

/// Where a point lies in the mesh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// Strictly inside triangle.
    Inside(usize),
    /// On edge `edge` of triangle `triangle` (and so also on its twin).
    OnEdge { triangle: usize, edge: usize },
    /// Exactly on vertex.
    OnVertex(usize),
    /// Outside the frame: no view can be computed.
    Outside,
}

/// Why a plan could not be triangulated.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MeshError {
    #[error("point ({x}, {y}) cannot be triangulated: {why}")]
    Point { x: f64, y: f64, why: &'static str },
    #[error("walls from ({}, {}) to ({}, {}) still cross another wall after noding", .a.x, .a.y, .b.x, .b.y)]
    Conflict { a: Point, b: Point },
    #[error("the triangulation merged {0} coincident vertices, which noding should have merged")]
    Duplicates(usize),
    #[error("the triangulation is inconsistent at triangle {0}")]
    Inconsistent(usize),
}

/// The triangulated plan. A session snapshot keeps spade's triangulation only
/// (point location walks its hierarchy); the arrays are derived from it again.
#[derive(Clone)]
pub struct Mesh {
    pub points: Vec<Point>,
    pub tris: Vec<[u32; 3]>,
    pub links: Vec<[Link; 3]>,
    pub walls: Vec<[bool; 3]>,
    /// Per triangle: true when walls enclose it (its face of the wall graph
    /// does not reach the frame).
    pub enclosed: Vec<bool>,
    /// Per vertex: one triangle corner at it, to walk around the vertex from.
    corners: Vec<Link>,
    cdt: Cdt,
}

impl std::fmt::Debug for Mesh {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mesh")
            .field("points", &self.points.len())
            .field("triangles", &self.tris.len())
            .finish()
    }
}

/// The frame's corners: the last vertices of every mesh [`Mesh::build`] makes.
const FRAME_CORNERS: usize = 4;

impl serde::Serialize for Mesh {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.cdt, serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Mesh {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let cdt = <Cdt as serde::Deserialize>::deserialize(deserializer)?;
        check_handles(&cdt).map_err(serde::de::Error::custom)?;
        Mesh::from_cdt(cdt, FRAME_CORNERS).map_err(serde::de::Error::custom)
    }
}

impl Mesh {
    /// Triangulates the wall graph, with the extra open-space points `steiner`,
    /// inside a square frame of half-size `frame` centred on the origin (the
    /// frame is not a wall).
    ///
    /// # Errors
    /// A point spade cannot take, or constraints that still cross (both mean the
    /// noding broke its promise; reported, never papered over).
    pub fn build(graph: &WallGraph, steiner: &[Point], frame: f64) -> Result<Mesh, MeshError> {
        let corners: [Point; FRAME_CORNERS] = [
            Point::new(-frame, -frame),
            Point::new(frame, -frame),
            Point::new(frame, frame),
            Point::new(-frame, frame),
        ];
        let input: Vec<Point> = graph
            .vertices
            .iter()
            .chain(steiner)
            .chain(&corners)
            .copied()
            .collect();
        for p in &input {
            if let Err(e) = spade::validate_vertex(&Point2::new(p.x, p.y)) {
                return Err(point_error(*p, e));
            }
        }
        let vertices: Vec<Point2<f64>> = input.iter().map(|p| Point2::new(p.x, p.y)).collect();
        let edges: Vec<[usize; 2]> = graph
            .edges
            .iter()
            .map(|e| [e[0] as usize, e[1] as usize])
            .collect();
        let mut conflicts = Vec::new();
        let cdt = Cdt::try_bulk_load_cdt(vertices, edges, |e| conflicts.push(e))
            .map_err(|e| point_error(Point::new(0.0, 0.0), e))?;
        if let Some([a, b]) = conflicts.first() {
            return Err(MeshError::Conflict {
                a: input[*a],
                b: input[*b],
            });
        }
        if cdt.num_vertices() != input.len() {
            return Err(MeshError::Duplicates(input.len() - cdt.num_vertices()));
        }
        let mesh = Mesh::from_cdt(cdt, corners.len())?;
        // Cameras on a wall start from the wall's mesh edge: every wall edge
        // must be one, walled on both sides.
        for e in &graph.edges {
            let (a, b) = (e[0] as usize, e[1] as usize);
            let walled = |from: usize, to: usize| {
                mesh.directed_edge(from, to)
                    .is_some_and(|l| mesh.walls[l.triangle()][l.edge()])
            };
            if !walled(a, b) || !walled(b, a) {
                return Err(MeshError::Conflict {
                    a: input[a],
                    b: input[b],
                });
            }
        }
        Ok(mesh)
    }

    /// The flat arrays of a triangulation whose last `frame_corners` vertices
    /// are the frame's.
    ///
    /// # Errors
    /// A triangulation whose faces do not agree across an edge (never seen).
    fn from_cdt(cdt: Cdt, frame_corners: usize) -> Result<Mesh, MeshError> {
        let points: Vec<Point> = cdt
            .vertices()
            .map(|v| Point::new(v.position().x, v.position().y))
            .collect();
        let faces = cdt.num_all_faces();
        let mut tris = vec![[0u32; 3]; faces];
        let mut links = vec![[Link(NO_LINK); 3]; faces];
        let mut walls = vec![[true; 3]; faces];
        for face in cdt.inner_faces() {
            let t = face.index();
            for (k, e) in face.adjacent_edges().iter().enumerate() {
                tris[t][k] = e.from().index() as u32;
                walls[t][k] = e.is_constraint_edge();
            }
        }
        for face in cdt.inner_faces() {
            let t = face.index();
            for (k, e) in face.adjacent_edges().iter().enumerate() {
                let twin = e.rev();
                if let Some(other) = twin.face().as_inner() {
                    let n = other.index();
                    let from = twin.from().index() as u32;
                    let j = (0..3)
                        .find(|&j| tris[n][j] == from)
                        .ok_or(MeshError::Inconsistent(n))?;
                    links[t][k] = Link::new(n, j);
                }
            }
        }
        let mut vertex_corners = vec![Link(NO_LINK); points.len()];
        for face in cdt.inner_faces() {
            let t = face.index();
            for k in 0..3 {
                vertex_corners[tris[t][k] as usize] = Link::new(t, k);
            }
        }
        let frame_first = points.len().saturating_sub(frame_corners) as u32;
        let enclosed = enclosed_triangles(&cdt, &tris, &links, &walls, frame_first);
        Ok(Mesh {
            points,
            tris,
            links,
            walls,
            enclosed,
            corners: vertex_corners,
            cdt,
        })
    }

    /// Finds where `p` lies.
    pub fn locate(&self, p: Point) -> Location {
        match self.cdt.locate(Point2::new(p.x, p.y)) {
            PositionInTriangulation::OnFace(f) => Location::Inside(f.index()),
            PositionInTriangulation::OnVertex(v) => Location::OnVertex(v.index()),
            PositionInTriangulation::OnEdge(e) => {
                let edge = self.cdt.directed_edge(e);
                let (face, from) = match edge.face().as_inner() {
                    Some(f) => (f.index(), edge.from().index()),
                    None => match edge.rev().face().as_inner() {
                        Some(f) => (f.index(), edge.rev().from().index()),
                        None => return Location::Outside,
                    },
                };
                match (0..3).find(|&k| self.tris[face][k] as usize == from) {
                    Some(k) => Location::OnEdge {
                        triangle: face,
                        edge: k,
                    },
                    None => Location::Outside,
                }
            }
            _ => Location::Outside,
        }
    }

    /// The vertex at corner `k` of triangle `t`.
    #[inline]
    pub fn corner(&self, t: usize, k: usize) -> Point {
        self.points[self.tris[t][k % 3] as usize]
    }

    /// The triangle corners at vertex `v`, counter-clockwise around it (as
    /// links: triangle and corner index). The edge opposite corner `k` is
    /// edge `(k + 1) % 3`.
    pub fn fan(&self, v: usize) -> Vec<Link> {
        let Some(&start) = self.corners.get(v).filter(|c| c.exists()) else {
            return Vec::new();
        };
        let mut out = vec![start];
        // Counter-clockwise: across the edge arriving at v.
        let mut at = start;
        loop {
            let next = self.links[at.triangle()][(at.edge() + 2) % 3];
            if !next.exists() {
                break;
            }
            if next == start {
                return out;
            }
            out.push(next);
            at = next;
        }
        // Reached the frame: walk clockwise from the start to fill the rest.
        let mut before = Vec::new();
        let mut at = start;
        loop {
            let back = self.links[at.triangle()][at.edge()];
            if !back.exists() {
                break;
            }
            let prev = Link::new(back.triangle(), (back.edge() + 1) % 3);
            before.push(prev);
            at = prev;
        }
        before.reverse();
        before.extend(out);
        before
    }

    /// The triangle to the left of the directed edge `a -> b` and the edge's
    /// index in it, when the mesh has that edge.
    pub fn directed_edge(&self, a: usize, b: usize) -> Option<Link> {
        let is_ab = |c: Link| self.tris[c.triangle()][(c.edge() + 1) % 3] as usize == b;
        let start = *self.corners.get(a).filter(|c| c.exists())?;
        // Around `a` counter-clockwise, then (at the frame) clockwise.
        let mut at = start;
        loop {
            if is_ab(at) {
                return Some(at);
            }
            let next = self.links[at.triangle()][(at.edge() + 2) % 3];
            if !next.exists() {
                break;
            }
            if next == start {
                return None;
            }
            at = next;
        }
        let mut at = start;
        loop {
            let back = self.links[at.triangle()][at.edge()];
            if !back.exists() {
                return None;
            }
            at = Link::new(back.triangle(), (back.edge() + 1) % 3);
            if is_ab(at) {
                return Some(at);
            }
        }
    }
}

fn point_error(p: Point, e: InsertionError) -> MeshError {
    let why = match e {
        InsertionError::TooSmall => "a coordinate is too close to zero",
        InsertionError::TooLarge => "a coordinate is too large",
        InsertionError::NAN => "a coordinate is not a number",
    };
    MeshError::Point {
        x: p.x,
        y: p.y,
        why,
    }
}

/// Checks that every handle a triangulation read from a snapshot holds names
/// an element it has (spade resolves handles only when they are followed, and
/// an out-of-range one would panic there), so that deriving the flat arrays
/// from it cannot panic.
fn check_handles(cdt: &Cdt) -> Result<(), String> {
    let (vertices, faces, edges) = (
        cdt.num_vertices(),
        cdt.num_all_faces(),
        cdt.num_directed_edges(),
    );
    if vertices < FRAME_CORNERS || cdt.num_inner_faces() == 0 {
        return Err("a triangulation without its frame".into());
    }
    let bad = |what: &str, i: usize| Err(format!("a triangulation whose {what} {i} names nothing"));
    for e in cdt.directed_edges() {
        let i = e.fix().index();
        if e.next().fix().index() >= edges
            || e.prev().fix().index() >= edges
            || e.face().fix().index() >= faces
            || e.from().fix().index() >= vertices
        {
            return bad("edge", i);
        }
    }
    for v in cdt.vertices() {
        if v.out_edge().is_some_and(|o| o.fix().index() >= edges) {
            return bad("vertex", v.fix().index());
        }
    }
    for f in cdt.all_faces() {
        // Every face but the outer one is a triangle with an edge.
        match f.adjacent_edge() {
            Some(e) if e.fix().index() < edges => {}
            None if f.is_outer() => {}
            _ => return bad("face", f.fix().index()),
        }
    }
    Ok(())
}

/// Marks the triangles walls enclose: those not reachable from the frame
/// without crossing a wall.
fn enclosed_triangles(
    cdt: &Cdt,
    tris: &[[u32; 3]],
    links: &[[Link; 3]],
    walls: &[[bool; 3]],
    frame_first: u32,
) -> Vec<bool> {
    let mut enclosed = vec![true; tris.len()];
    let mut stack: Vec<usize> = cdt
        .inner_faces()
        .map(|f| f.index())
        .filter(|&t| tris[t].iter().any(|&v| v >= frame_first))
        .collect();
    for &t in &stack {
        enclosed[t] = false;
    }
    while let Some(t) = stack.pop() {
        for k in 0..3 {
            let n = links[t][k];
            if !walls[t][k] && n.exists() && enclosed[n.triangle()] {
                enclosed[n.triangle()] = false;
                stack.push(n.triangle());
            }
        }
    }
    // The outer face is not a triangle of the plan.
    enclosed[cdt.outer_face().fix().index()] = false;
    enclosed
}
