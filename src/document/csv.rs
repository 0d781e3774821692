//! The report's tables as CSV: the zones, the camera schedule, the bill of
//! materials and the opening audit.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it
//! holds a comma, a quote or a line break (quotes doubled). Each file starts
//! with a UTF-8 byte-order mark, which spreadsheet programs need to read
//! accented names and "m²" as UTF-8 (Python reads it with `utf-8-sig`).
//!
//! **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return as a formula, so a zone named
//! `=HYPERLINK(...)` in a shared file could act when the CSV is opened. Text
//! cells starting with one of these get a leading apostrophe (OWASP's advice),
//! which spreadsheets show as text; numeric cells are written by us as plain
//! numbers and left alone.

use super::dossier::Dossier;

/// The UTF-8 byte-order mark each file starts with.
pub const BOM: &str = "\u{feff}";

/// The tables, by the names the command line and the page use.
pub const TABLES: [&str; 4] = ["zones", "cameras", "bill-of-materials", "openings"];

/// One cell.
enum Cell {
    /// Text from the scenario or ours: guarded and quoted as needed.
    Text(String),
    /// A number we format.
    Num(String),
    Empty,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A number with at most `decimals` decimals, trailing zeros dropped.
fn num(x: f64, decimals: usize) -> Cell {
    let mut s = format!("{:.*}", decimals, x);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    Cell::Num(s)
}

fn opt(x: Option<f64>, decimals: usize) -> Cell {
    x.map_or(Cell::Empty, |x| num(x, decimals))
}

/// A text cell made safe for spreadsheets and quoted per RFC 4180.
pub fn text_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn write_row(out: &mut String, cells: &[Cell]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match c {
            Cell::Text(s) => out.push_str(&text_field(s)),
            Cell::Num(s) => out.push_str(s),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

fn table(header: &[&str], rows: Vec<Vec<Cell>>) -> String {
    let mut out = String::from(BOM);
    write_row(
        &mut out,
        &header.iter().map(|h| text(*h)).collect::<Vec<_>>(),
    );
    for r in &rows {
        write_row(&mut out, r);
    }
    out
}

/// The zones table.
pub fn zones(d: &Dossier) -> String {
    let rows = d
        .zones
        .iter()
        .map(|z| {
            vec![
                text(&z.id),
                text(&z.name),
                text(z.kind.name()),
                num(z.priority, 6),
                num(z.area_m2, 3),
                num(z.covered_m2, 3),
                num(z.coverage, 6),
                z.required_level.as_ref().map_or(Cell::Empty, text),
                num(z.required_coverage, 6),
                z.meets_required
                    .map_or(Cell::Empty, |m| text(if m { "yes" } else { "no" })),
                z.level_reached.as_ref().map_or(Cell::Empty, text),
            ]
        })
        .collect();
    table(
        &[
            "zone_id",
            "zone",
            "kind",
            "priority",
            "area_m2",
            "covered_m2",
            "coverage",
            "required_level",
            "required_coverage",
            "meets_required",
            "whole_zone_seen_at",
        ],
        rows,
    )
}

/// The camera schedule: one line per camera, with its optics, footprint,
/// detail reach per level, purpose and recording.
pub fn cameras(d: &Dossier) -> String {
    let levels: Vec<&str> = d
        .compliance
        .levels
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    let mut header: Vec<String> = [
        "camera_id",
        "model_id",
        "model",
        "x_m",
        "y_m",
        "height_m",
        "tilt_deg",
        "heading_deg",
        "bearing_deg",
        "bearing",
        "hfov_deg",
        "range_m",
        "near_m",
        "far_m",
        "view_area_m2",
        "dead_zone_m2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(levels.iter().map(|l| format!("{l}_reach_m")));
    header.extend(
        [
            "purpose_task",
            "purpose_target",
            "purpose_met",
            "bitrate_mbps",
            "bitrate_source",
            "retention_days",
            "storage_tb",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let rows = d
        .cameras
        .iter()
        .map(|c| {
            let mut r = vec![
                text(&c.id),
                c.model_id.as_ref().map_or(Cell::Empty, text),
                text(&c.model),
                num(c.position[0], 4),
                num(c.position[1], 4),
                opt(c.height_m, 3),
                opt(c.tilt_deg, 3),
                num(c.heading_deg, 4),
                num(c.bearing_deg, 4),
                text(&c.bearing),
                opt(c.hfov_deg, 4),
                opt(c.range_m, 3),
                opt(c.near_m, 3),
                opt(c.far_m, 3),
                num(c.view_area_m2, 3),
                opt(c.dead_zone_m2, 3),
            ];
            for l in &levels {
                r.push(opt(
                    c.detail_reach
                        .iter()
                        .find(|(n, _)| n == l)
                        .map(|&(_, reach)| reach),
                    3,
                ));
            }
            let purpose = d.purposes.iter().find(|p| p.camera_id == c.id);
            r.push(purpose.map_or(Cell::Empty, |p| text(&p.task)));
            r.push(purpose.map_or(Cell::Empty, |p| text(&p.target)));
            r.push(purpose.map_or(Cell::Empty, |p| {
                text(match p.verdict {
                    super::purpose::Verdict::Met => "yes",
                    super::purpose::Verdict::Short(_) => "no",
                    super::purpose::Verdict::Unchecked(_) => "not checked",
                })
            }));
            let rec = d.recording.cameras.iter().find(|r| r.id == c.id);
            r.push(opt(rec.and_then(|r| r.bitrate_mbps), 3));
            r.push(rec.map_or(Cell::Empty, |r| {
                text(match r.bitrate_source {
                    super::recording::BitrateSource::Estimated => "estimated",
                    super::recording::BitrateSource::Stated => "stated",
                    super::recording::BitrateSource::Unknown => "unknown",
                })
            }));
            r.push(opt(rec.map(|r| r.retention_days), 2));
            r.push(opt(rec.and_then(|r| r.storage_tb), 6));
            r
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(&header, rows)
}

/// The bill of materials: one line per model, then the totals.
pub fn bill_of_materials(d: &Dossier) -> String {
    let mut rows: Vec<Vec<Cell>> = d
        .materials
        .iter()
        .map(|l| {
            vec![
                num(l.count as f64, 0),
                l.model.as_ref().map_or(Cell::Empty, text),
                text(&l.name),
                num(l.unit_price, 2),
                num(l.install_cost, 2),
                num(l.total, 2),
                text(&d.currency),
                text(if l.example_prices { "yes" } else { "no" }),
            ]
        })
        .collect();
    for p in &d.poles {
        rows.push(vec![
            num(1.0, 0),
            Cell::Empty,
            text(format!(
                "Pole {} (holds {} camera{})",
                p.id,
                p.cameras,
                if p.cameras == 1 { "" } else { "s" }
            )),
            num(p.cost, 2),
            Cell::Empty,
            num(p.cost, 2),
            text(&d.currency),
            text("no"),
        ]);
    }
    let mut totals = vec![
        ("Total hardware", d.hardware),
        ("Total installation", d.installation),
    ];
    if !d.poles.is_empty() {
        totals.push(("Total poles", d.poles_total));
    }
    totals.push(("Total", d.total));
    for (label, value) in totals {
        rows.push(vec![
            Cell::Empty,
            Cell::Empty,
            text(label),
            Cell::Empty,
            Cell::Empty,
            num(value, 2),
            text(&d.currency),
            Cell::Empty,
        ]);
    }
    table(
        &[
            "quantity",
            "model_id",
            "item",
            "unit_price",
            "install_each",
            "line_total",
            "currency",
            "example_price",
        ],
        rows,
    )
}

/// The opening audit: one line per audited opening, riskiest first.
pub fn openings(d: &Dossier) -> String {
    use crate::analysis::OpeningStatus;
    let rows = d
        .audit
        .openings
        .iter()
        .map(|o| {
            let seen_by: Vec<&str> = o
                .cameras
                .iter()
                .filter(|c| c.sees_approach)
                .map(|c| c.id.as_str())
                .collect();
            vec![
                text(&o.id),
                text(o.kind.name()),
                text(if o.exterior { "yes" } else { "no" }),
                text(&o.approach),
                o.required_level.as_ref().map_or(Cell::Empty, text),
                num(f64::from(o.required_cameras), 0),
                text(match o.status {
                    OpeningStatus::Met => "watched",
                    OpeningStatus::Below => "short",
                    OpeningStatus::Unseen => "unseen",
                }),
                num(o.width_m, 3),
                num(o.seen_width_m, 3),
                num(o.watched_width_m, 3),
                num(o.most_cameras as f64, 0),
                text(seen_by.join(" ")),
                text(o.seen_from_other_side_by.join(" ")),
            ]
        })
        .collect();
    table(
        &[
            "opening_id",
            "kind",
            "exterior",
            "judged_on",
            "required_level",
            "required_cameras",
            "status",
            "width_m",
            "approach_seen_m",
            "watched_as_required_m",
            "most_cameras",
            "seen_by",
            "seen_from_inside_only_by",
        ],
        rows,
    )
}

/// A table by name (one of [`TABLES`]).
pub fn by_name(d: &Dossier, name: &str) -> Option<String> {
    match name {
        "zones" => Some(zones(d)),
        "cameras" => Some(cameras(d)),
        "bill-of-materials" => Some(bill_of_materials(d)),
        "openings" => Some(openings(d)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_per_rfc_4180() {
        assert_eq!(text_field("plain"), "plain");
        assert_eq!(text_field("a,b"), "\"a,b\"");
        assert_eq!(text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_made_text() {
        assert_eq!(text_field("=1+1"), "'=1+1");
        assert_eq!(text_field("+33 1 40 20"), "'+33 1 40 20");
        assert_eq!(text_field("-cmd"), "'-cmd");
        assert_eq!(text_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_field("\tx"), "'\tx");
        // Guarded first, then quoted: the apostrophe is inside the quotes.
        assert_eq!(
            text_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(text_field("a=b"), "a=b");
    }

    #[test]
    fn numbers_are_plain() {
        let Cell::Num(s) = num(-0.0001, 3) else {
            panic!()
        };
        assert_eq!(s, "0");
        let Cell::Num(s) = num(12.5, 3) else { panic!() };
        assert_eq!(s, "12.5");
        let Cell::Num(s) = num(-3.25, 2) else {
            panic!()
        };
        assert_eq!(s, "-3.25");
    }
}
