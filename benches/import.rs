//! Criterion benchmarks of the importers on generated drawings of growing size.
//! Run: `cargo bench --bench import` (figures in docs/performance.md).

use blindspot::import::{self, ImportOptions};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

/// A DXF of a grid of 8 × 6 m galleries in millimetres, as an architect's
/// drawing has them: double-line walls (200 mm) with a doorway in the south
/// and west walls of each gallery, a door block inserted in each, the
/// gallery's area polyline and name, furniture and hatching. About 14
/// entities per gallery; returns the text and its entity count.
fn museum_dxf(galleries: usize) -> (String, usize) {
    let cols = (galleries as f64).sqrt().ceil() as usize;
    let mut s = String::new();
    let mut n = 0;
    let pair = |s: &mut String, code: i32, value: &str| {
        let _ = write!(s, "{code:>3}\n{value}\n");
    };
    for (c, v) in [
        (0, "SECTION"),
        (2, "HEADER"),
        (9, "$INSUNITS"),
        (70, "4"),
        (0, "ENDSEC"),
    ] {
        pair(&mut s, c, v);
    }
    for (c, v) in [
        (0, "SECTION"),
        (2, "BLOCKS"),
        (0, "BLOCK"),
        (2, "DOOR"),
        (70, "0"),
        (10, "0"),
        (20, "0"),
    ] {
        pair(&mut s, c, v);
    }
    for (c, v) in [
        (0, "ARC"),
        (8, "0"),
        (10, "0"),
        (20, "0"),
        (40, "900"),
        (50, "0"),
        (51, "90"),
    ] {
        pair(&mut s, c, v);
    }
    for (c, v) in [
        (0, "LINE"),
        (8, "0"),
        (10, "0"),
        (20, "0"),
        (11, "0"),
        (21, "900"),
        (0, "ENDBLK"),
        (0, "ENDSEC"),
    ] {
        pair(&mut s, c, v);
    }
    for (c, v) in [(0, "SECTION"), (2, "ENTITIES")] {
        pair(&mut s, c, v);
    }
    let line = |s: &mut String, layer: &str, a: (f64, f64), b: (f64, f64)| {
        let _ = write!(
            s,
            "  0\nLINE\n  8\n{layer}\n 10\n{}\n 20\n{}\n 11\n{}\n 21\n{}\n",
            a.0, a.1, b.0, b.1
        );
    };
    for g in 0..galleries {
        let (x, y) = ((g % cols) as f64 * 8000.0, (g / cols) as f64 * 6000.0);
        // South wall faces at y and y - 200, doorway 900 mm at x + 3000.
        for face in [0.0, -200.0] {
            line(&mut s, "A-WALL", (x, y + face), (x + 3000.0, y + face));
            line(
                &mut s,
                "A-WALL",
                (x + 3900.0, y + face),
                (x + 8000.0, y + face),
            );
        }
        // West wall faces, doorway 900 mm at y + 2500.
        for face in [0.0, -200.0] {
            line(&mut s, "A-WALL", (x + face, y), (x + face, y + 2500.0));
            line(
                &mut s,
                "A-WALL",
                (x + face, y + 3400.0),
                (x + face, y + 6000.0),
            );
        }
        let _ = write!(
            s,
            "  0\nINSERT\n  8\nA-DOOR\n  2\nDOOR\n 10\n{}\n 20\n{y}\n",
            x + 3000.0
        );
        let _ = write!(
            s,
            "  0\nLWPOLYLINE\n  8\nA-AREA\n 90\n4\n 70\n1\n 10\n{x}\n 20\n{y}\n 10\n{}\n 20\n{y}\n 10\n{}\n 20\n{}\n 10\n{x}\n 20\n{}\n",
            x + 8000.0,
            x + 8000.0,
            y + 6000.0,
            y + 6000.0
        );
        let _ = write!(
            s,
            "  0\nTEXT\n  8\nA-AREA-IDEN\n 10\n{}\n 20\n{}\n 40\n250\n  1\nGallery {g}\n",
            x + 1000.0,
            y + 1000.0
        );
        line(
            &mut s,
            "A-FURN",
            (x + 2000.0, y + 2000.0),
            (x + 4000.0, y + 2000.0),
        );
        line(
            &mut s,
            "A-FURN",
            (x + 2000.0, y + 2600.0),
            (x + 4000.0, y + 2600.0),
        );
        let _ = write!(
            s,
            "  0\nHATCH\n  8\nA-WALL-PATT\n  2\nANSI31\n 70\n0\n 71\n0\n 91\n0\n"
        );
        n += 14;
    }
    for (c, v) in [(0, "ENDSEC"), (0, "EOF")] {
        pair(&mut s, c, v);
    }
    (s, n)
}

fn dxf_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_dxf");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for galleries in [360, 3600] {
        let (text, entities) = museum_dxf(galleries);
        let options = ImportOptions {
            file_name: "museum.dxf".into(),
            ..ImportOptions::default()
        };
        let imported =
            import::import(text.as_bytes(), &options, &mut |_| true).expect("the museum imports");
        assert_eq!(imported.scenario.plan.zones.len(), galleries);
        eprintln!(
            "{entities} entities, {:.1} MB: {} walls of {} segments, {} zones, {} doors",
            text.len() as f64 / 1e6,
            imported.report.walls,
            imported.report.wall_segments,
            imported.report.zones,
            imported.report.doors
        );
        group.bench_with_input(BenchmarkId::new("entities", entities), &text, |b, text| {
            b.iter(|| import::import(black_box(text.as_bytes()), &options, &mut |_| true).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, dxf_import);
criterion_main!(benches);
