//! A spatial index of wall segments: a static Hilbert-packed R-tree
//! (static_aabb2d_index, a port of flatbush).
//!
//! Packing by Hilbert order of the boxes' centres keeps the tree tight on the
//! inputs walls produce, including long collinear runs given in any order (an
//! R*-tree's top-down bulk load splits those into slabs that all span the run,
//! which made noding 100,000 pieces take seconds).

use crate::geometry::{Point, closest_on_segment};
use static_aabb2d_index::{Control, StaticAABB2DIndex, StaticAABB2DIndexBuilder};

/// Segments and their boxes (grown by a margin), queryable by box and by
/// distance.
#[derive(Clone, Debug)]
pub struct SegmentIndex {
    index: StaticAABB2DIndex<f64>,
    segments: Vec<(Point, Point)>,
}

/// The index could not be built (the crate's error, passed on).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("spatial index of walls: {0}")]
pub struct IndexError(String);

impl SegmentIndex {
    /// Indexes `segments`, each box grown by `grow` on every side.
    ///
    /// # Errors
    /// Only if the crate refuses the boxes (it checks their count and numeric
    /// casts, which hold for finite `f64`).
    pub fn new(segments: Vec<(Point, Point)>, grow: f64) -> Result<SegmentIndex, IndexError> {
        let mut builder = StaticAABB2DIndexBuilder::new(segments.len());
        for (a, b) in &segments {
            builder.add(
                a.x.min(b.x) - grow,
                a.y.min(b.y) - grow,
                a.x.max(b.x) + grow,
                a.y.max(b.y) + grow,
            );
        }
        let index = builder.build().map_err(|e| IndexError(e.to_string()))?;
        Ok(SegmentIndex { index, segments })
    }

    /// The segment at `i`, as given.
    pub fn segment(&self, i: usize) -> (Point, Point) {
        self.segments[i]
    }

    /// Calls `visit` with every segment whose (grown) box meets the box `lo..hi`.
    pub fn query(&self, lo: Point, hi: Point, mut visit: impl FnMut(usize)) {
        self.index
            .visit_query(lo.x, lo.y, hi.x, hi.y, &mut |i: usize| {
                visit(i);
            });
    }

    /// Segments within distance `r` of `p`, with their squared distances.
    pub fn within(&self, p: Point, r: f64) -> Vec<(usize, f64)> {
        let mut out = Vec::new();
        let r2 = r * r;
        self.query(
            Point::new(p.x - r, p.y - r),
            Point::new(p.x + r, p.y + r),
            |i| {
                let (a, b) = self.segments[i];
                let d2 = closest_on_segment(a, b, p).1;
                if d2 <= r2 {
                    out.push((i, d2));
                }
            },
        );
        out
    }

    /// The nearest segment to `p` among those `accept` takes, with its squared
    /// distance.
    pub fn nearest(&self, p: Point, accept: impl Fn(usize) -> bool) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        self.index
            .visit_neighbors::<_, Control<()>>(p.x, p.y, &mut |i: usize, box2: f64| {
                // Boxes come nearest first; once a box is farther than the best
                // segment found, nothing later can beat it.
                if best.is_some_and(|(_, d2)| box2 > d2) {
                    return Control::Break(());
                }
                if accept(i) {
                    let (a, b) = self.segments[i];
                    let d2 = closest_on_segment(a, b, p).1;
                    if best.is_none_or(|(_, b2)| d2 < b2) {
                        best = Some((i, d2));
                    }
                }
                Control::Continue
            });
        best
    }
}
