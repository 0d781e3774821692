//! The constrained Delaunay triangulation of the opaque walls, flattened into
//! plain arrays for fast walking during visibility queries.
//!
//! Triangle `t` has vertices `tris[t]` counter-clockwise; its edge `k` runs from
//! `tris[t][k]` to `tris[t][(k + 1) % 3]`. `links[t][k]` names the triangle on the
//! other side of edge `k` and that edge's index there; `walls[t][k]` says whether
//! the edge blocks sight.

use super::noding::WallGraph;
use crate::geometry::Point;
use spade::handles::FixedVertexHandle;
use spade::{
    ConstrainedDelaunayTriangulation, HierarchyHintGenerator, Point2, PositionInTriangulation,
    Triangulation,
};

type Cdt = ConstrainedDelaunayTriangulation<Point2<f64>, (), (), (), HierarchyHintGenerator<f64>>;

/// "No neighbour" in `links`.
pub const NO_LINK: u32 = u32::MAX;

/// A neighbour across an edge: triangle index and the edge's index in it, packed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link(pub u32);

impl Link {
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
    /// Exactly on a vertex, or outside the mesh: no view is computed.
    Unsupported,
}

/// The triangulated plan.
#[derive(Clone)]
pub struct Mesh {
    pub points: Vec<Point>,
    pub tris: Vec<[u32; 3]>,
    pub links: Vec<[Link; 3]>,
    pub walls: Vec<[bool; 3]>,
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

impl Mesh {
    /// Triangulates the wall graph inside a square frame of half-size `frame`
    /// centred on the origin (the frame corners are not walls).
    pub fn build(graph: &WallGraph, frame: f64) -> Mesh {
        let mut vertices: Vec<Point2<f64>> = graph
            .vertices
            .iter()
            .map(|p| Point2::new(p.x, p.y))
            .collect();
        for (x, y) in [
            (-frame, -frame),
            (frame, -frame),
            (frame, frame),
            (-frame, frame),
        ] {
            vertices.push(Point2::new(x, y));
        }
        let edges: Vec<[usize; 2]> = graph
            .edges
            .iter()
            .map(|e| [e[0] as usize, e[1] as usize])
            .collect();
        let mut conflicts = Vec::new();
        let mut cdt = Cdt::try_bulk_load_cdt(vertices, edges, |e| conflicts.push(e))
            .unwrap_or_else(|_| Cdt::new());
        // Edges that still cross after noding (rounding at crossing points): let
        // spade split them where they cross.
        for [a, b] in conflicts {
            if a < cdt.num_vertices() && b < cdt.num_vertices() {
                cdt.add_constraint_and_split(
                    FixedVertexHandle::from_index(a),
                    FixedVertexHandle::from_index(b),
                    |p| p,
                );
            }
        }
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
            let edges = face.adjacent_edges();
            for (k, e) in edges.iter().enumerate() {
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
                    let j = (0..3).find(|&j| tris[n][j] == from).unwrap_or(0);
                    links[t][k] = Link(((n as u32) << 2) | j as u32);
                }
            }
        }
        Mesh {
            points,
            tris,
            links,
            walls,
            cdt,
        }
    }

    /// Finds where `p` lies.
    pub fn locate(&self, p: Point) -> Location {
        match self.cdt.locate(Point2::new(p.x, p.y)) {
            PositionInTriangulation::OnFace(f) => Location::Inside(f.index()),
            PositionInTriangulation::OnEdge(e) => {
                let edge = self.cdt.directed_edge(e);
                let (face, from) = match edge.face().as_inner() {
                    Some(f) => (f.index(), edge.from().index()),
                    None => match edge.rev().face().as_inner() {
                        Some(f) => (f.index(), edge.rev().from().index()),
                        None => return Location::Unsupported,
                    },
                };
                match (0..3).find(|&k| self.tris[face][k] as usize == from) {
                    Some(k) => Location::OnEdge {
                        triangle: face,
                        edge: k,
                    },
                    None => Location::Unsupported,
                }
            }
            _ => Location::Unsupported,
        }
    }

    /// The vertex at corner `k` of triangle `t`.
    #[inline]
    pub fn corner(&self, t: usize, k: usize) -> Point {
        self.points[self.tris[t][k % 3] as usize]
    }
}
