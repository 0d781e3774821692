//! Thin wrappers over i_overlay's integer engine for the few operations coverage
//! needs.

use super::grid::{IContour, IShape, IShapes, twice_area};
use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{Overlay, ShapeType};
use i_overlay::core::overlay_rule::OverlayRule;

/// A reusable overlay engine for the per-cell operations (keeps its buffers
/// between calls).
pub struct Overlayer {
    overlay: Overlay<i64>,
}

impl std::fmt::Debug for Overlayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Overlayer")
    }
}

/// A copy starts with fresh buffers (they hold nothing between calls).
impl Clone for Overlayer {
    fn clone(&self) -> Self {
        Overlayer::default()
    }
}

impl Default for Overlayer {
    fn default() -> Self {
        Overlayer {
            overlay: Overlay::new(256),
        }
    }
}

impl Overlayer {
    fn load(&mut self, subject: &[&IContour], extra: Option<&IContour>, clip: &[IShape]) {
        self.overlay.clear();
        for contour in subject.iter().copied().chain(extra) {
            self.overlay.add_contour(contour, ShapeType::Subject);
        }
        for shape in clip {
            self.overlay.add_source(shape, ShapeType::Clip);
        }
    }

    /// The union of signed `contours` (positive winding: counter-clockwise
    /// adds, clockwise takes away) split against `region`: the part of the
    /// region they cover, and the part they do not.
    pub fn covered_and_uncovered(
        &mut self,
        contours: &[&IContour],
        region: &[IShape],
    ) -> (IShapes, IShapes) {
        if contours.is_empty() {
            return (Vec::new(), region.to_vec());
        }
        self.load(contours, None, region);
        match self.overlay.build_graph_view(FillRule::Positive) {
            Some(graph) => {
                let mut buffer = Default::default();
                let covered = graph.extract_shapes(OverlayRule::Intersect, &mut buffer);
                let uncovered = graph.extract_shapes(OverlayRule::InverseDifference, &mut buffer);
                (covered, uncovered)
            }
            None => (Vec::new(), region.to_vec()),
        }
    }

    /// Twice the area of the part of `region` the signed `contours` cover
    /// (positive winding).
    pub fn covered_area(&mut self, contours: &[&IContour], region: &[IShape]) -> i128 {
        if contours.is_empty() {
            return 0;
        }
        self.load(contours, None, region);
        twice_area(
            &self
                .overlay
                .overlay(OverlayRule::Intersect, FillRule::Positive),
        )
    }

    /// The part of `region` covered by at least two of the counter-clockwise
    /// `contours`.
    ///
    /// Adding one clockwise box around everything lowers every winding number
    /// by one, so the positive-winding fill keeps exactly the places covered
    /// twice or more (the region itself, counter-clockwise, has winding one).
    pub fn covered_twice(
        &mut self,
        contours: &[&IContour],
        region: &[IShape],
        frame: &IContour,
    ) -> IShapes {
        if contours.len() < 2 {
            return Vec::new();
        }
        self.load(contours, Some(frame), region);
        self.overlay
            .overlay(OverlayRule::Intersect, FillRule::Positive)
    }
}

/// `rule` applied to the signed `contours` (positive winding: counter-clockwise
/// adds, clockwise takes away; a clockwise box around everything lowers every
/// count by one) and `region` (shapes, their holes clockwise).
pub(crate) fn signed(contours: &[&IContour], region: &[IShape], rule: OverlayRule) -> IShapes {
    let capacity = contours.iter().map(|c| c.len()).sum::<usize>()
        + region.iter().flatten().map(Vec::len).sum::<usize>();
    let mut overlay = Overlay::new(capacity.max(16));
    for contour in contours {
        overlay.add_contour(contour, ShapeType::Subject);
    }
    for shape in region {
        overlay.add_source(shape, ShapeType::Clip);
    }
    overlay.overlay(rule, FillRule::Positive)
}

/// The union of shapes.
pub fn union(shapes: &[IShape]) -> IShapes {
    if shapes.is_empty() {
        return Vec::new();
    }
    let capacity = shapes.iter().flatten().map(|c| c.len()).sum();
    let mut overlay = Overlay::new(capacity);
    overlay.add_source(shapes, ShapeType::Subject);
    overlay.overlay(OverlayRule::Subject, FillRule::NonZero)
}

/// `a ∩ b`.
pub fn intersection(a: &[IShape], b: &[IShape]) -> IShapes {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut overlay = Overlay::new(16);
    overlay.add_source(a, ShapeType::Subject);
    overlay.add_source(b, ShapeType::Clip);
    overlay.overlay(OverlayRule::Intersect, FillRule::NonZero)
}

/// `a - b`.
pub fn difference(a: &[IShape], b: &[IShape]) -> IShapes {
    if a.is_empty() {
        return Vec::new();
    }
    if b.is_empty() {
        return a.to_vec();
    }
    let mut overlay = Overlay::new(16);
    overlay.add_source(a, ShapeType::Subject);
    overlay.add_source(b, ShapeType::Clip);
    overlay.overlay(OverlayRule::Difference, FillRule::NonZero)
}

#[cfg(test)]
mod tests {
    use super::super::grid::IPoint;
    use super::*;

    fn square(x: i64, y: i64, s: i64) -> IContour {
        vec![
            IPoint::new(x, y),
            IPoint::new(x + s, y),
            IPoint::new(x + s, y + s),
            IPoint::new(x, y + s),
        ]
    }

    #[test]
    fn counts_coverage_once_and_twice() {
        let region = vec![vec![square(0, 0, 100)]];
        let a = square(0, 0, 60);
        let b = square(40, 40, 60);
        let mut o = Overlayer::default();
        let (covered, uncovered) = o.covered_and_uncovered(&[&a, &b], &region);
        // 3600 + 3600 - 400 overlap.
        assert_eq!(twice_area(&covered), 2 * 6800);
        assert_eq!(twice_area(&uncovered), 2 * 3200);
        let mut frame = square(-10, -10, 120);
        frame.reverse();
        let twice = o.covered_twice(&[&a, &b], &region, &frame);
        assert_eq!(twice_area(&twice), 2 * 400);
    }

    #[test]
    fn triple_overlap_counts_once_in_twice_covered() {
        let region = vec![vec![square(0, 0, 100)]];
        let a = square(0, 0, 50);
        let b = square(0, 0, 50);
        let c = square(25, 0, 50);
        let mut frame = square(-10, -10, 120);
        frame.reverse();
        let twice = Overlayer::default().covered_twice(&[&a, &b, &c], &region, &frame);
        assert_eq!(twice_area(&twice), 2 * 2500);
    }
}
