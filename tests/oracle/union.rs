//! Area of (union of views) ∩ (union of zones), by vertical slabs.
//!
//! Between two consecutive x-events (every vertex and every crossing of two
//! edges) no edge starts, ends or crosses another, so the length of the
//! covered part of a vertical line is linear in x; its value at the slab's
//! middle times the slab's width is the slab's exact area. Each polygon's part
//! of a vertical line is found by the even-odd rule over its rings.

use super::{V2, orient};

/// A polygon: rings (an outer ring and holes, any orientation), closed
/// implicitly.
pub type Shape = Vec<Vec<V2>>;

#[derive(Clone, Copy, Debug)]
struct Edge {
    a: V2,
    b: V2,
    /// Which shape, and whether it is a view (true) or a zone.
    shape: usize,
    view: bool,
}

impl Edge {
    fn x_range(&self) -> (f64, f64) {
        (self.a.x.min(self.b.x), self.a.x.max(self.b.x))
    }
    fn y_at(&self, x: f64) -> f64 {
        let t = (x - self.a.x) / (self.b.x - self.a.x);
        self.a.y + t * (self.b.y - self.a.y)
    }
}

fn edges_of(shapes: &[Shape], view: bool, first: usize, out: &mut Vec<Edge>) {
    for (k, shape) in shapes.iter().enumerate() {
        for ring in shape {
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                if a.x != b.x {
                    out.push(Edge {
                        a,
                        b,
                        shape: first + k,
                        view,
                    });
                }
            }
        }
    }
}

/// Union of sorted-by-start intervals, as a list of disjoint intervals.
fn merge(mut v: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    v.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn overlap(p: &[(f64, f64)], q: &[(f64, f64)]) -> f64 {
    let (mut i, mut j, mut total) = (0, 0, 0.0);
    while i < p.len() && j < q.len() {
        let lo = p[i].0.max(q[j].0);
        let hi = p[i].1.min(q[j].1);
        if hi > lo {
            total += hi - lo;
        }
        if p[i].1 < q[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}

/// Area of (∪ views) ∩ (∪ zones).
pub fn covered_area(views: &[Shape], zones: &[Shape]) -> f64 {
    let mut edges = Vec::new();
    edges_of(views, true, 0, &mut edges);
    edges_of(zones, false, views.len(), &mut edges);
    let mut xs: Vec<f64> = edges.iter().flat_map(|e| [e.a.x, e.b.x]).collect();
    // Crossings, between edges whose x ranges overlap.
    edges.sort_by(|e, f| e.x_range().0.total_cmp(&f.x_range().0));
    for i in 0..edges.len() {
        let (e, (_, ex1)) = (edges[i], edges[i].x_range());
        for f in &edges[i + 1..] {
            if f.x_range().0 >= ex1 {
                break;
            }
            let o1 = orient(e.a, e.b, f.a);
            let o2 = orient(e.a, e.b, f.b);
            let o3 = orient(f.a, f.b, e.a);
            let o4 = orient(f.a, f.b, e.b);
            if o1 * o2 < 0.0 && o3 * o4 < 0.0 {
                let r = e.b.sub(e.a);
                let s = f.b.sub(f.a);
                let t = f.a.sub(e.a).cross(s) / r.cross(s);
                // Nearly parallel edges: the division may lose the crossing;
                // any x in their common span keeps the slabs exact enough.
                let (lo, hi) = (e.x_range().0.max(f.x_range().0), ex1.min(f.x_range().1));
                let x = e.a.x + t * r.x;
                xs.push(if x.is_finite() {
                    x.clamp(lo, hi)
                } else {
                    0.5 * (lo + hi)
                });
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let shapes = views.len() + zones.len();
    let mut area = 0.0;
    let mut next = 0;
    let mut active: Vec<Edge> = Vec::new();
    let mut ys: Vec<Vec<f64>> = vec![Vec::new(); shapes];
    for w in xs.windows(2) {
        let (x0, x1) = (w[0], w[1]);
        let xm = 0.5 * (x0 + x1);
        if xm <= x0 || xm >= x1 {
            continue;
        }
        while next < edges.len() && edges[next].x_range().0 < xm {
            active.push(edges[next]);
            next += 1;
        }
        active.retain(|e| e.x_range().1 > xm);
        for y in ys.iter_mut() {
            y.clear();
        }
        for e in &active {
            if e.x_range().0 < xm {
                ys[e.shape].push(e.y_at(xm));
            }
        }
        let mut seen = Vec::new();
        let mut zoned = Vec::new();
        for (k, y) in ys.iter_mut().enumerate() {
            y.sort_by(f64::total_cmp);
            let pieces = y.chunks_exact(2).map(|c| (c[0], c[1]));
            if k < views.len() {
                seen.extend(pieces);
            } else {
                zoned.extend(pieces);
            }
        }
        let len = overlap(&merge(seen), &merge(zoned));
        area += len * (x1 - x0);
    }
    area
}

/// Area of one shape (rings by the even-odd rule).
pub fn shape_area(shape: &Shape) -> f64 {
    covered_area(std::slice::from_ref(shape), std::slice::from_ref(shape))
}
