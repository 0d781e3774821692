use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{Overlay, ShapeType};
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::i_float::int::point::IntPoint;
use std::time::Instant;
fn ring(cx: i32, cy: i32, r: i32, n: usize) -> Vec<IntPoint<i32>> {
    (0..n)
        .map(|k| {
            let a = k as f64 / n as f64 * std::f64::consts::TAU;
            IntPoint::new(
                cx + (r as f64 * a.cos()) as i32,
                cy + (r as f64 * a.sin()) as i32,
            )
        })
        .collect()
}
fn main() {
    let s = 1 << 20;
    let cell = vec![vec![
        IntPoint::new(0, 0),
        IntPoint::new(14 * s, 0),
        IntPoint::new(14 * s, 10 * s),
        IntPoint::new(0, 10 * s),
    ]];
    let v1 = ring(2 * s, 2 * s, 8 * s, 30);
    let v2 = ring(10 * s, 6 * s, 7 * s, 30);
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n {
        let mut o = Overlay::<i32>::new(80);
        o.add_contour(&v1, ShapeType::Subject);
        o.add_contour(&v2, ShapeType::Subject);
        o.add_source(&cell, ShapeType::Clip);
        let r = o.overlay(OverlayRule::Intersect, FillRule::NonZero);
        std::hint::black_box(r);
    }
    println!("fresh overlay: {:?} per call", t.elapsed() / n);
    let mut o = Overlay::<i32>::new(80);
    let t = Instant::now();
    for _ in 0..n {
        o.clear();
        o.add_contour(&v1, ShapeType::Subject);
        o.add_contour(&v2, ShapeType::Subject);
        o.add_source(&cell, ShapeType::Clip);
        let r = o.overlay(OverlayRule::Intersect, FillRule::NonZero);
        std::hint::black_box(r);
    }
    println!("reused overlay: {:?} per call", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        o.clear();
        o.add_contour(&v1, ShapeType::Subject);
        o.add_contour(&v2, ShapeType::Subject);
        o.add_source(&cell, ShapeType::Clip);
        let g = o.build_graph_view(FillRule::NonZero).unwrap();
        let mut buf = Default::default();
        let a = g.extract_shapes(OverlayRule::Intersect, &mut buf);
        let b = g.extract_shapes(OverlayRule::InverseDifference, &mut buf);
        std::hint::black_box((a, b));
    }
    println!("graph + 2 extractions: {:?} per call", t.elapsed() / n);
}
