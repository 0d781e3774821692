//! Fuzz target: the importers on arbitrary bytes. The first byte picks the
//! format (DXF, SVG, GeoJSON) and the units; the rest is the file. The
//! preview and the import must never panic or hang, and a drawing they accept
//! must be a valid scenario: it is written, read back and its plan prepared
//! (docs/import.md: "a validated scenario").

use blindspot::import::{self, Format, ImportOptions, Limits, Units};
use blindspot::session::Session;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&head, bytes)) = data.split_first() else {
            return;
        };
        let (format, file_name) = match head % 3 {
            0 => (Format::Dxf, "fuzz.dxf"),
            1 => (Format::Svg, "fuzz.svg"),
            _ => (Format::GeoJson, "fuzz.geojson"),
        };
        // Units: the file's own, or an override (the page's units select).
        let units = match (head / 3) % 4 {
            0 => None,
            k => Some(Units::ALL[(k as usize * 7) % Units::ALL.len()]),
        };
        let options = ImportOptions {
            file_name: file_name.into(),
            format: Some(format),
            units,
            // Smaller than the defaults so that one input stays well under
            // the 2 s hang limit; the limits' own messages are tested in
            // tests/import_*.rs.
            limits: Limits {
                max_shapes: 20_000,
                max_curve_points: 10_000,
                max_xml_nodes: 200_000,
                ..Limits::default()
            },
            ..ImportOptions::default()
        };
        let preview = import::preview(bytes, &options);
        let imported = import::import(bytes, &options, &mut |_| true);
        if preview.is_err() {
            assert!(
                imported.is_err(),
                "the preview refused a file the import accepted"
            );
        }
        if let Ok(imported) = imported {
            let text = imported.scenario.to_json();
            if let Err(e) = Session::from_json(&text) {
                panic!("an imported scenario is refused when read back: {e}\n{text}");
            }
        }
    });
}
