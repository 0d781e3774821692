#![cfg(not(target_arch = "wasm32"))]
//! SVG import: a plan drawn at 1:50 with layers, transforms, `use` and a
//! path with a hole, checked for its walls and zones and areas worked by hand;
//! and hostile SVGs (scripts, external references, entity-expansion bombs,
//! external entities, broken XML), each with its message.

mod common;

use blindspot::geometry::Point;
use blindspot::import::{self, ImportError, ImportOptions, Imported, Limits, Role};
use blindspot::scenario::{WallKind, ZoneKind};
use common::{assert_close, placed, session};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn at_1_to_50(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        // 1 user unit = 1 mm on paper = 50 mm on the ground.
        scale_m: Some(0.05),
        ..ImportOptions::default()
    }
}

fn import_bytes(bytes: &[u8], o: &ImportOptions) -> Result<Imported, ImportError> {
    import::import(bytes, o, &mut |_| true)
}

fn has_wall(i: &Imported, kind: WallKind, a: Point, b: Point) -> bool {
    i.scenario
        .plan
        .walls
        .iter()
        .filter(|w| w.kind == kind)
        .any(|w| {
            w.path.windows(2).any(|s| {
                (s[0].distance(a) < 1e-9 && s[1].distance(b) < 1e-9)
                    || (s[0].distance(b) < 1e-9 && s[1].distance(a) < 1e-9)
            })
        })
}

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

#[test]
fn a_plan_at_1_to_50_with_layers_uses_transforms_and_a_hole() {
    let i = import_bytes(&fixture("plan.svg"), &at_1_to_50("plan.svg")).unwrap();
    let r = &i.report;
    let role = |layer: &str| r.layers.iter().find(|l| l.name == layer).map(|l| l.role);
    assert_eq!(role("Walls"), Some(Role::Wall(WallKind::Wall)));
    assert_eq!(role("Vitrage"), Some(Role::Wall(WallKind::Glass)));
    assert_eq!(role("Rooms"), Some(Role::Zone(ZoneKind::Room)));
    assert_eq!(role("Room names"), Some(Role::Label));
    // Hidden in the drawing: listed, not imported.
    let old = r.layers.iter().find(|l| l.name == "Old walls").unwrap();
    assert!(old.hidden && old.role == Role::Ignore);

    // The outline (origin at the page's bottom-left, y up), open for the doorway.
    assert!(has_wall(&i, WallKind::Wall, p(0.0, 0.0), p(4.5, 0.0)));
    assert!(has_wall(&i, WallKind::Wall, p(10.0, 0.0), p(5.5, 0.0)));
    assert!(!has_wall(&i, WallKind::Wall, p(4.5, 0.0), p(5.5, 0.0)));
    // translate(100,30) rotate(90) of a 20-unit line: from (5, 4.5) down to (5, 3.5).
    assert!(has_wall(&i, WallKind::Wall, p(5.0, 4.5), p(5.0, 3.5)));
    // The two columns through <use> of a symbol: 0.4 m squares at (2.5, 3) and (7.5, 3).
    assert!(has_wall(&i, WallKind::Wall, p(2.3, 2.8), p(2.7, 2.8)));
    assert!(has_wall(&i, WallKind::Wall, p(7.3, 3.2), p(7.7, 3.2)));
    assert!(has_wall(&i, WallKind::Glass, p(9.0, 6.0), p(9.0, 5.0)));

    let zones = &i.scenario.plan.zones;
    assert_eq!(zones.len(), 1);
    assert_eq!(zones[0].name, "Salle des Caryatides");
    assert_eq!(zones[0].holes.len(), 1);
    assert_close(zones[0].shape().area(), 59.0, 1e-12);

    // From (2.5, 1) looking north with 10°, every ray meets the column's near
    // face 1.8 m away: a triangle 1.8² tan(5°).
    let mut s = i.scenario.clone();
    s.cameras = vec![placed("c", 2.5, 1.0, 90.0, 10.0, 30.0)];
    assert_close(
        session(&s).views()[0].area,
        1.8 * 1.8 * 5f64.to_radians().tan(),
        1e-9,
    );

    // What was not drawing is named, never run or fetched.
    let said = |word: &str| r.notes.iter().any(|n| n.message.contains(word));
    assert!(
        said("<script> element(s) ignored: scripts are never run"),
        "{:?}",
        r.notes
    );
    assert!(said("<image> element(s) ignored"));
    assert!(said(
        "<use> element(s) ignored: references to other files are never loaded"
    ));
    assert!(said("<foreignObject> element(s) ignored"));
    assert!(said("<style> element(s) ignored"));
}

#[test]
fn without_a_scale_the_page_size_is_used_and_the_report_says_so() {
    let o = ImportOptions {
        file_name: "plan.svg".into(),
        ..ImportOptions::default()
    };
    let i = import_bytes(&fixture("plan.svg"), &o).unwrap();
    // 200 mm wide page: 1 user unit = 1 mm, a 0.2 x 0.12 m "plan".
    assert_close(i.report.units.metres_per_unit, 0.001, 1e-12);
    assert!(
        i.report.units.source.contains("on paper"),
        "{}",
        i.report.units.source
    );
    assert!(
        i.report
            .notes
            .iter()
            .any(|n| n.message.contains("set the scale"))
    );
}

#[test]
fn an_entity_expansion_bomb_is_refused_before_parsing() {
    for name in ["bomb.svg", "wide-bomb.svg"] {
        let e = import_bytes(&fixture(name), &at_1_to_50(name)).unwrap_err();
        assert!(
            matches!(&e, ImportError::Limit(m) if m.contains("entity-expansion bomb") && m.contains("1048576")),
            "{name}: {e}"
        );
    }
}

#[test]
fn an_external_entity_is_never_loaded() {
    let e = import_bytes(&fixture("xxe.svg"), &at_1_to_50("xxe.svg")).unwrap_err();
    let text = e.to_string();
    assert!(text.starts_with("line 6 column"), "{text}");
    assert!(text.contains("secret"), "{text}");
    assert!(
        !text.contains("root:"),
        "nothing of the file may appear: {text}"
    );
}

#[test]
fn broken_and_foreign_xml_are_named() {
    let cut = &fixture("plan.svg")[..900];
    let e = import_bytes(cut, &at_1_to_50("cut.svg"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("not valid XML") && e.starts_with("line "), "{e}");
    let html = b"<html><body><svg/></body></html>";
    let e = import_bytes(html, &at_1_to_50("page.svg"))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "line 1: not an SVG: the root element is <html>");
    let latin1 = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>caf\xe9</text></svg>";
    let e = import_bytes(latin1, &at_1_to_50("latin1.svg"))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "byte 49: not UTF-8 text: save the SVG as UTF-8");
}

#[test]
fn use_referencing_itself_is_a_stated_limit() {
    let svg =
        br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
  <g id="a"><line x1="0" y1="0" x2="1" y2="0"/><use xlink:href="#a"/></g>
</svg>"##;
    let e = import_bytes(svg, &at_1_to_50("loop.svg")).unwrap_err();
    assert!(
        matches!(&e, ImportError::Limit(m) if m.contains("line 2") && m.contains("<use>")),
        "{e}"
    );
}

#[test]
fn the_node_limit_is_stated() {
    let o = ImportOptions {
        limits: Limits {
            max_xml_nodes: 20,
            ..Limits::default()
        },
        ..at_1_to_50("plan.svg")
    };
    let e = import_bytes(&fixture("plan.svg"), &o).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the SVG has more than 20 XML nodes; imports are limited to that"
    );
}

fn note_at<'a>(i: &'a Imported, needle: &str) -> &'a import::Note {
    i.report
        .notes
        .iter()
        .find(|n| n.message.contains(needle))
        .unwrap_or_else(|| panic!("no note containing {needle:?}: {:?}", i.report.notes))
}

#[test]
fn a_malformed_view_box_is_ignored_as_a_browser_does_and_said() {
    // viewBox of three numbers: the origin stays user unit (0, 0), y flipped.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="100mm" viewBox="0 0 100">
  <line x1="0" y1="0" x2="10" y2="0"/>
<g inkscape:groupmode="layer" inkscape:label="Rooms"><rect x="0" y="0" width="20" height="20"/></g></svg>"#;
    let i = import_bytes(svg, &at_1_to_50("bad-viewbox.svg")).unwrap();
    let n = note_at(&i, "viewBox=\"0 0 100\" ignored");
    assert_eq!(n.level, import::NoteLevel::Warning);
    assert_eq!(n.place, "line 1");
    assert!(
        n.message.contains("positive width and height"),
        "{}",
        n.message
    );
    // No viewBox: y = 0 stays at 0 (flipped), x scaled by 0.05.
    assert!(has_wall(&i, WallKind::Wall, p(0.0, 0.0), p(0.5, 0.0)));

    // A viewBox of zero height is ignored in the same way, for its own reason.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 0"><line x1="0" y1="0" x2="10" y2="0"/><g inkscape:groupmode="layer" inkscape:label="Rooms"><rect x="0" y="0" width="20" height="20"/></g></svg>"#;
    let i = import_bytes(svg, &at_1_to_50("flat.svg")).unwrap();
    assert_eq!(note_at(&i, "viewBox=\"0 0 100 0\" ignored").place, "line 1");
}

#[test]
fn a_malformed_width_is_ignored_and_said() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="wide" viewBox="0 0 100 50">
  <line x1="0" y1="50" x2="10" y2="50"/>
<g inkscape:groupmode="layer" inkscape:label="Rooms"><rect x="0" y="0" width="2000" height="2000"/></g></svg>"#;
    let o = ImportOptions {
        file_name: "bad-width.svg".into(),
        ..ImportOptions::default()
    };
    let i = import_bytes(svg, &o).unwrap();
    let n = note_at(&i, "width=\"wide\" ignored");
    assert_eq!(n.level, import::NoteLevel::Warning);
    assert_eq!(n.place, "line 1");
    // The size falls back to CSS pixels, and the report says that too.
    assert_close(i.report.units.metres_per_unit, 0.0254 / 96.0, 1e-15);
}

#[test]
fn points_that_stop_being_numbers_import_up_to_there_and_say_so() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 100">
  <polyline points="0,100 10,100 10,x 0,90"/>
  <polyline points="0,50 20,50 20"/>
  <polyline points="0,0 30,0"/>
<g inkscape:groupmode="layer" inkscape:label="Rooms"><rect x="0" y="0" width="20" height="20"/></g></svg>"#;
    let i = import_bytes(svg, &at_1_to_50("points.svg")).unwrap();
    let n = note_at(&i, "not a list of number pairs after 2 point(s)");
    assert_eq!(n.place, "line 2");
    // The first polyline keeps its two good points (as a browser draws it).
    assert!(has_wall(&i, WallKind::Wall, p(0.0, 0.0), p(0.5, 0.0)));
    // The second has an odd count: its last number is dropped, with a note.
    assert!(has_wall(&i, WallKind::Wall, p(0.0, 2.5), p(1.0, 2.5)));
    let odd = i
        .report
        .notes
        .iter()
        .filter(|n| n.message.contains("not a list of number pairs"))
        .count();
    assert_eq!(odd, 2, "{:?}", i.report.notes);
    // A well-formed list gives no note.
    assert!(!i.report.notes.iter().any(|n| n.place == "line 4"));
}
