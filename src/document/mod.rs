//! Documents for the board: the plan as an SVG drawing, the report as a
//! standalone HTML document, and its tables as CSV.
//!
//! Everything here is pure: sessions in, text out. The command line writes the
//! text to files; the page offers it for download or printing. The date comes
//! from the scenario or the caller: the core has no clock.

pub mod compass;
pub mod csv;
pub mod dossier;
pub mod drawing;
pub mod format;
pub mod html;
pub mod markup;
pub mod purpose;
pub mod recording;

pub use dossier::{Dossier, layouts, option_layouts};
pub use drawing::{Drawing, DrawingOptions, Layers, Overlays, Size, plan_svg};

use crate::session::Session;
use std::borrow::Borrow;

/// What a drawing of `session` shows beside the views: its listed blind spots,
/// numbered as in the report, and the parts of zones seen below their required
/// level (the analysis's shortfall pieces).
pub fn overlays(session: &Session) -> Overlays {
    let (spots, _) = crate::report::blind_spot_list(session);
    Overlays {
        blind_spots: spots.into_iter().map(|b| b.polygon).collect(),
        shortfall: crate::analysis::shortfall_pieces(session)
            .into_iter()
            .map(|p| p.polygon)
            .collect(),
        route: Vec::new(),
        critical_point: None,
    }
}

/// The whole plan of `session` on paper, `width_mm` × at most `height_mm`.
pub fn paper_drawing(session: &Session, width_mm: f64, height_mm: f64, id_prefix: &str) -> Drawing {
    paper_drawing_with(session, &overlays(session), width_mm, height_mm, id_prefix)
}

/// [`paper_drawing`] with the overlays given.
pub fn paper_drawing_with(
    session: &Session,
    overlays: &Overlays,
    width_mm: f64,
    height_mm: f64,
    id_prefix: &str,
) -> Drawing {
    plan_svg(
        session,
        overlays,
        &DrawingOptions {
            size: Size::Paper {
                width_mm,
                height_mm,
            },
            id_prefix: id_prefix.to_string(),
            ..DrawingOptions::default()
        },
    )
}

/// The report of `layouts[reported]` (see [`layouts`]) as a standalone HTML
/// document. `date` (`YYYY-MM-DD`, from the command line or the page) wins
/// over the scenario's `settings.report.date`.
///
/// # Panics
/// When `reported` is not an index into `layouts` (callers pick it from there).
pub fn report_html<S: Borrow<Session>>(
    layouts: &[S],
    reported: usize,
    date: Option<&str>,
) -> String {
    let session = layouts[reported].borrow();
    let mut dossier = dossier::build(layouts, reported, date);
    let search = dossier::vulnerable_path(session);
    dossier.vulnerable = search.path;
    dossier.ways_in_not_analysed = search.not_analysed;
    let mut marks = overlays(session);
    // A response force is set, so the analysis names the most vulnerable route.
    if let Some(path) = dossier
        .vulnerable
        .as_ref()
        .and_then(|v| v.report.most_vulnerable.as_ref())
    {
        marks.route = path.points.clone();
        marks.critical_point = path.critical_point.as_ref().map(|c| c.at);
    }
    let drawings = html::ReportDrawings {
        // Page one: the full text width, leaving room for the headline.
        overview: paper_drawing_with(session, &marks, 184.0, 120.0, "overview"),
        // The landscape page: its width, under the heading.
        plan: paper_drawing_with(session, &marks, 271.0, 170.0, "plan"),
    };
    html::render(&dossier, &drawings)
}
