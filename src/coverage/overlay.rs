//! Thin wrappers over i_overlay's integer engine for the few operations coverage
//! needs.

use super::grid::{IContour, IShape, IShapes};
use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{Overlay, ShapeType};
use i_overlay::core::overlay_rule::OverlayRule;

fn overlay_of(subject: &[&IContour], clip: &[IShape]) -> Overlay<i32> {
    let capacity = subject.iter().map(|c| c.len()).sum::<usize>()
        + clip.iter().flatten().map(|c| c.len()).sum::<usize>();
    let mut overlay = Overlay::new(capacity);
    for contour in subject {
        overlay.add_contour(contour, ShapeType::Subject);
    }
    for shape in clip {
        overlay.add_source(shape, ShapeType::Clip);
    }
    overlay
}

/// The union of counter-clockwise `contours` split against `region`: the part of
/// the region they cover, and the part they do not.
pub fn covered_and_uncovered(contours: &[&IContour], region: &[IShape]) -> (IShapes, IShapes) {
    if contours.is_empty() {
        return (Vec::new(), region.to_vec());
    }
    let mut overlay = overlay_of(contours, region);
    match overlay.build_graph_view(FillRule::NonZero) {
        Some(graph) => {
            let mut buffer = Default::default();
            let covered = graph.extract_shapes(OverlayRule::Intersect, &mut buffer);
            let uncovered = graph.extract_shapes(OverlayRule::InverseDifference, &mut buffer);
            (covered, uncovered)
        }
        None => (Vec::new(), region.to_vec()),
    }
}

/// The part of `region` covered by at least two of the counter-clockwise
/// `contours`.
///
/// Adding one clockwise box around everything lowers every winding number by
/// one, so the positive-winding fill keeps exactly the places covered twice or
/// more (the region itself, counter-clockwise, has winding one).
pub fn covered_twice(contours: &[&IContour], region: &[IShape], frame: &IContour) -> IShapes {
    if contours.len() < 2 {
        return Vec::new();
    }
    let mut subject: Vec<&IContour> = contours.to_vec();
    subject.push(frame);
    let mut overlay = overlay_of(&subject, region);
    overlay.overlay(OverlayRule::Intersect, FillRule::Positive)
}

/// The union of shapes.
pub fn union(shapes: &[IShape]) -> IShapes {
    if shapes.is_empty() {
        return Vec::new();
    }
    let mut overlay = overlay_of(&[], shapes);
    overlay.overlay(OverlayRule::Clip, FillRule::NonZero)
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
    use super::super::grid::{IPoint, twice_area};
    use super::*;

    fn square(x: i32, y: i32, s: i32) -> IContour {
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
        let (covered, uncovered) = covered_and_uncovered(&[&a, &b], &region);
        // 3600 + 3600 - 400 overlap.
        assert_eq!(twice_area(&covered), 2 * 6800);
        assert_eq!(twice_area(&uncovered), 2 * 3200);
        let mut frame = square(-10, -10, 120);
        frame.reverse();
        let twice = covered_twice(&[&a, &b], &region, &frame);
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
        let twice = covered_twice(&[&a, &b, &c], &region, &frame);
        assert_eq!(twice_area(&twice), 2 * 2500);
    }
}
