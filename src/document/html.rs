//! The report as one standalone HTML document: inline CSS with a print
//! stylesheet for A4, the drawings inline as SVG, no script and no reference
//! to anything outside the file (a Content-Security-Policy in the document
//! forbids both). Print it to PDF from a browser, or keep the file.
//!
//! Page one answers what a board asks first: what is covered, what is not,
//! what it costs, and whether every way in is watched. The plan follows at a
//! stated scale on a landscape page, then the tables.

use super::dossier::{Dossier, LayoutChanges, VulnerablePath};
use super::drawing::Drawing;
use super::format::{area, grouped, metres, money, money_delta, percent, points};
use super::markup::{Dialect, Markup};
use super::purpose::{Place, Verdict};
use super::recording::BitrateSource;
use crate::scenario::Codec;

/// The drawings a report holds.
#[derive(Clone, Debug)]
pub struct ReportDrawings {
    /// The plan on page one (smaller, with its legend).
    pub overview: Drawing,
    /// The plan on its own landscape page.
    pub plan: Drawing,
}

/// The stylesheet: screen and print (A4). Ours, never the file's.
const STYLE: &str = include_str!("report.css");

/// Escapes text for a CSS string: everything but letters, digits and a few
/// safe marks as hex escapes, so no text can end the string or the style
/// element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || " .,:;-_()".contains(c) {
            out.push(c);
        } else if (c as u32) < 0x20 || c == '\u{7f}' {
            out.push(' ');
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The page margins' running text (the marking and the title).
fn page_style(d: &Dossier) -> String {
    let left = match &d.confidentiality {
        Some(mark) => format!("{mark} · {}", d.title),
        None => d.title.clone(),
    };
    format!(
        "@page {{ @bottom-left {{ content: {}; }} }}\n",
        css_string(&left)
    )
}

/// Renders the report.
pub fn render(d: &Dossier, drawings: &ReportDrawings) -> String {
    let mut m = Markup::new(Dialect::Html);
    m.trusted("<!DOCTYPE html>\n");
    m.open("html").attr("lang", "en");
    m.open("head");
    m.open("meta").attr("charset", "utf-8").close();
    m.open("meta")
        .attr("http-equiv", "Content-Security-Policy")
        .attr("content", "default-src 'none'; style-src 'unsafe-inline'")
        .close();
    m.open("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1")
        .close();
    m.open("meta")
        .attr("name", "generator")
        .attr("content", concat!("Blindspot ", env!("CARGO_PKG_VERSION")))
        .close();
    m.element("title", &format!("{} · {}", d.title, d.layout));
    // Two style elements: the constant stylesheet (the page's CSP allows it by its
    // hash, so the report also opens in a tab of the page) and the page margins' text.
    m.open("style").trusted(STYLE).close();
    m.open("style").trusted(&page_style(d)).close();
    m.close(); // head
    m.newline();
    m.open("body");
    first_page(&mut m, d, &drawings.overview);
    plan_page(&mut m, d, &drawings.plan);
    zones(&mut m, d);
    blind_spots(&mut m, d);
    ways_in(&mut m, d);
    vulnerable(&mut m, d);
    cameras(&mut m, d);
    materials(&mut m, d);
    comparison(&mut m, d);
    recording(&mut m, d);
    purposes(&mut m, d);
    compliance(&mut m, d);
    commissioning(&mut m, d);
    notes(&mut m, d);
    m.close(); // body
    m.close(); // html
    let mut out = m.finish();
    out.push('\n');
    out
}

fn section(m: &mut Markup, id: &'static str, heading: &str) {
    m.newline();
    m.open("section").attr("id", id);
    m.element("h2", heading);
}

fn row(m: &mut Markup, cells: &[(&str, bool)]) {
    m.open("tr");
    for (text, numeric) in cells {
        m.open("td");
        if *numeric {
            m.attr("class", "n");
        }
        m.text(text).close();
    }
    m.close();
}

fn head_row(m: &mut Markup, cells: &[(&str, bool)]) {
    m.open("thead").open("tr");
    for (text, numeric) in cells {
        m.open("th");
        if *numeric {
            m.attr("class", "n");
        }
        m.text(text).close();
    }
    m.close().close();
}

fn price_note(d: &Dossier) -> Option<&'static str> {
    d.example_prices.then_some(
        "Prices marked as examples come from the starter catalogue: they show the order of cost, not a quote.",
    )
}

fn first_page(m: &mut Markup, d: &Dossier, overview: &Drawing) {
    m.open("section")
        .attr("class", "first")
        .attr("id", "summary");
    if let Some(mark) = &d.confidentiality {
        m.open("p").attr("class", "marking").text(mark).close();
    }
    m.open("header").attr("class", "title-block");
    m.element("h1", &d.title);
    m.open("p")
        .attr("class", "subtitle")
        .text(&format!("CCTV coverage report · layout “{}”", d.layout))
        .close();
    m.open("dl");
    let na = "not given".to_string();
    for (label, value) in [
        ("Site", d.site.as_ref()),
        ("Client", d.client.as_ref()),
        ("Author", d.author.as_ref()),
        ("Date", d.date.as_ref()),
        ("Revision", d.revision.as_ref()),
    ] {
        m.open("div");
        m.element("dt", label);
        m.open("dd");
        if value.is_none() {
            m.attr("class", "missing");
        }
        m.text(value.unwrap_or(&na)).close();
        m.close();
    }
    m.close(); // dl
    if let Some(note) = price_note(d) {
        m.open("p").attr("class", "prices-note").text(note).close();
    }
    m.close(); // header

    let h = &d.headline;
    m.open("div").attr("class", "headline");
    card(
        m,
        "covered",
        "Covered",
        &percent(h.coverage),
        &format!("{} of {}", area(h.covered_m2), area(h.target_area_m2)),
    );
    card(
        m,
        "blind",
        "Not covered",
        &area(h.blind_area_m2),
        &format!(
            "{} blind spot{} on the plan",
            h.blind_spots,
            if h.blind_spots == 1 { "" } else { "s" }
        ),
    );
    if h.zones_with_requirement > 0 {
        card(
            m,
            if h.zones_meeting == h.zones_with_requirement {
                "good"
            } else {
                "short"
            },
            "Seen at the required level",
            &format!("{} of {} zones", h.zones_meeting, h.zones_with_requirement),
            &format!("weighted coverage {}", percent(h.weighted_coverage)),
        );
    } else {
        card(
            m,
            "plain",
            "Weighted coverage",
            &percent(h.weighted_coverage),
            "no zone states a required level",
        );
    }
    card(
        m,
        "cost",
        "Cost",
        &money(h.cost, &d.currency),
        &format!(
            "{} camera{}{}",
            h.cameras,
            if h.cameras == 1 { "" } else { "s" },
            if d.example_prices {
                " · example prices"
            } else {
                ""
            }
        ),
    );
    if h.openings_audited > 0 {
        card(
            m,
            if h.openings_met == h.openings_audited {
                "good"
            } else {
                "short"
            },
            "Ways in watched",
            &format!("{} of {}", h.openings_met, h.openings_audited),
            "openings watched as required (opening audit)",
        );
    } else {
        card(
            m,
            "plain",
            "Ways in watched",
            "none to audit",
            "no exterior opening on the plan",
        );
    }
    m.close(); // headline

    m.open("figure").attr("class", "overview");
    m.trusted(&overview.svg);
    m.open("figcaption")
        .text(&drawing_caption(overview))
        .close();
    m.close();

    m.open("div").attr("class", "findings");
    m.element("h2", "In short");
    m.open("ul");
    for line in findings(d) {
        m.element("li", &line);
    }
    m.close();
    m.close();
    m.close(); // section
}

fn drawing_caption(drawing: &Drawing) -> String {
    match drawing.scale {
        Some(s) => format!(
            "Plan at 1:{} when printed on A4 (1 mm on paper = {} on site). North is up.",
            grouped(s, 0),
            if s >= 1000.0 {
                metres(s / 1000.0)
            } else {
                format!("{} cm", grouped(s / 10.0, 0))
            }
        ),
        None => "Plan. North is up.".to_string(),
    }
}

fn card(m: &mut Markup, class: &'static str, label: &str, figure: &str, detail: &str) {
    m.open("div").attr("class", class);
    m.open("p").attr("class", "label").text(label).close();
    m.open("p").attr("class", "figure").text(figure).close();
    m.open("p").attr("class", "detail").text(detail).close();
    m.close();
}

/// The sentences of page one.
fn findings(d: &Dossier) -> Vec<String> {
    let h = &d.headline;
    let mut out = Vec::new();
    if h.blind_area_m2 > 0.0 {
        let mut s = format!(
            "{} of the area to watch ({}) is seen by no camera.",
            percent(1.0 - h.coverage),
            area(h.blind_area_m2)
        );
        if let Some(b) = d.blind_spots.first() {
            s.push_str(&format!(
                " The largest blind spot, B1, is {}{}.",
                area(b.area_m2),
                if b.zones.is_empty() {
                    String::new()
                } else {
                    format!(" in {}", b.zones.join(", "))
                }
            ));
        }
        out.push(s);
    } else {
        out.push("Every part of every zone is seen by at least one camera.".to_string());
    }
    let a = &d.audit;
    if h.openings_audited > 0 {
        let unseen: Vec<&str> = a
            .openings
            .iter()
            .filter(|o| o.status == crate::analysis::OpeningStatus::Unseen)
            .map(|o| o.id.as_str())
            .collect();
        let below: Vec<&str> = a
            .openings
            .iter()
            .filter(|o| o.status == crate::analysis::OpeningStatus::Below)
            .map(|o| o.id.as_str())
            .collect();
        let mut s = format!(
            "{} of {} ways in are watched as required.",
            h.openings_met, h.openings_audited
        );
        if !unseen.is_empty() {
            s.push_str(&format!(" Seen by no camera: {}.", unseen.join(", ")));
        }
        if !below.is_empty() {
            s.push_str(&format!(
                " Seen, but short of their requirement: {}.",
                below.join(", ")
            ));
        }
        out.push(s);
    }
    if let Some(v) = &d.vulnerable {
        let from = &v.report.from;
        let p = v
            .report
            .most_vulnerable
            .as_ref()
            .and_then(|p| p.p_interruption);
        if let Some(p) = p {
            let mut s = format!(
                "The most vulnerable way to {} is from {}: the response arrives in time with probability {} (EASI).",
                v.to_name,
                from,
                percent(p)
            );
            if let Some(c) = &v.report.best_change {
                s.push_str(&format!(
                    " The one change that helps most: {} ({}).",
                    c.description,
                    percent(c.p_interruption)
                ));
            }
            out.push(s);
        }
    }
    if !d.ways_in_not_analysed.is_empty() {
        let n = d.ways_in_not_analysed.len();
        out.push(format!(
            "{n} exterior opening{} could not be analysed for the most vulnerable way in (see that section).",
            if n == 1 { "" } else { "s" }
        ));
    }
    let short: Vec<String> = d
        .zones
        .iter()
        .filter(|z| z.meets_required == Some(false))
        .map(|z| {
            format!(
                "{} ({} {})",
                z.name,
                z.required_level.as_deref().unwrap_or(""),
                percent(z.required_coverage)
            )
        })
        .collect();
    if !short.is_empty() {
        let shown = short.len().min(5);
        out.push(format!(
            "{} zone{} fall{} short of the level required: {}{}.",
            short.len(),
            if short.len() == 1 { "" } else { "s" },
            if short.len() == 1 { "s" } else { "" },
            short[..shown].join(", "),
            if short.len() > shown {
                format!(" and {} more", short.len() - shown)
            } else {
                String::new()
            }
        ));
    } else if h.zones_with_requirement > 0 {
        out.push(format!(
            "All {} zones with a required level are seen whole at that level.",
            h.zones_with_requirement
        ));
    }
    let missed: Vec<&str> = d
        .purposes
        .iter()
        .filter(|p| !p.verdict.is_met())
        .map(|p| p.camera_id.as_str())
        .collect();
    if !d.purposes.is_empty() {
        out.push(if missed.is_empty() {
            format!(
                "Every camera with a stated purpose meets it ({}).",
                d.purposes.len()
            )
        } else {
            format!(
                "{} of {} cameras with a stated purpose do not meet it: {}.",
                missed.len(),
                d.purposes.len(),
                missed.join(", ")
            )
        });
    }
    out.push(format!(
        "The layout costs {}{} for {} camera{}; recording it for {} needs {} TB on {} recorder{}.",
        money(d.total, &d.currency),
        if d.example_prices {
            " at example prices"
        } else {
            ""
        },
        h.cameras,
        if h.cameras == 1 { "" } else { "s" },
        retention_phrase(d),
        grouped(d.recording.total_tb, 1),
        d.recording.recorders,
        if d.recording.recorders == 1 { "" } else { "s" }
    ));
    // The other layouts in one sentence, so page one holds whatever the file has.
    let others: Vec<String> = d
        .changes
        .iter()
        .take(4)
        .map(|c| {
            format!(
                "“{}” {} ({}), coverage {} ({})",
                c.figures.name,
                money(c.figures.cost, &d.currency),
                money_delta(c.cost_delta, &d.currency),
                percent(c.figures.coverage),
                points(c.coverage_delta)
            )
        })
        .collect();
    if !others.is_empty() {
        out.push(format!(
            "Other layouts: {}{}.",
            others.join("; "),
            if d.changes.len() > others.len() {
                format!(
                    "; and {} more (see Layouts compared)",
                    d.changes.len() - others.len()
                )
            } else {
                String::new()
            }
        ));
    }
    out
}

fn retention_phrase(d: &Dossier) -> String {
    let days: Vec<f64> = d
        .recording
        .cameras
        .iter()
        .map(|c| c.retention_days)
        .collect();
    match (
        days.iter().cloned().reduce(f64::min),
        days.iter().cloned().reduce(f64::max),
    ) {
        (Some(a), Some(b)) if a == b => format!("{} days", grouped(a, 0)),
        (Some(a), Some(b)) => format!("{}–{} days", grouped(a, 0), grouped(b, 0)),
        _ => "the retention set".to_string(),
    }
}

fn plan_page(m: &mut Markup, d: &Dossier, plan: &Drawing) {
    m.newline();
    m.open("section")
        .attr("class", "plan-page")
        .attr("id", "plan");
    m.element("h2", &format!("Plan: {}", d.layout));
    m.open("figure");
    m.trusted(&plan.svg);
    m.open("figcaption").text(&drawing_caption(plan)).close();
    m.close();
    m.close();
}

fn zones(m: &mut Markup, d: &Dossier) {
    section(m, "zones", "Zones");
    m.open("table");
    head_row(
        m,
        &[
            ("Zone", false),
            ("Kind", false),
            ("Priority", true),
            ("Area", true),
            ("Covered", true),
            ("Covered %", true),
            ("Required level", false),
            ("At required level", true),
            ("Whole zone seen at", false),
        ],
    );
    m.open("tbody");
    for z in &d.zones {
        let required = z.required_level.clone().unwrap_or_else(|| "—".into());
        let at = match z.meets_required {
            Some(true) => format!("{} ✓", percent(z.required_coverage)),
            Some(false) => format!("{} ✗", percent(z.required_coverage)),
            None => "—".to_string(),
        };
        m.open("tr");
        if z.meets_required == Some(false) {
            m.attr("class", "short");
        }
        for (text, numeric) in [
            (z.name.as_str(), false),
            (z.kind.name(), false),
            (&grouped(z.priority, 0), true),
            (&area(z.area_m2), true),
            (&area(z.covered_m2), true),
            (&percent(z.coverage), true),
            (&required, false),
            (&at, true),
            (z.level_reached.as_deref().unwrap_or("no level"), false),
        ] {
            m.open("td");
            if numeric {
                m.attr("class", "n");
            }
            m.text(text).close();
        }
        m.close();
    }
    m.close().close();
    m.open("p").attr("class", "note").text(
        "Covered: seen by at least one camera at the target height. At required level: the share seen at the density the zone requires (✓ when the whole zone is). Whole zone seen at: the densest level at which all of the zone is seen.",
    ).close();
    m.close();
}

fn blind_spots(m: &mut Markup, d: &Dossier) {
    section(m, "blind-spots", "Blind spots");
    if d.blind_spots.is_empty() {
        m.element(
            "p",
            "None: every part of every zone is seen by at least one camera.",
        );
    } else {
        m.open("table");
        head_row(
            m,
            &[
                ("Spot", false),
                ("Area", true),
                ("In", false),
                ("Around (x, y)", true),
            ],
        );
        m.open("tbody");
        for b in &d.blind_spots {
            row(
                m,
                &[
                    (&format!("B{}", b.number), false),
                    (&area(b.area_m2), true),
                    (&b.zones.join(", "), false),
                    (
                        &format!("{}, {}", grouped(b.at[0], 1), grouped(b.at[1], 1)),
                        true,
                    ),
                ],
            );
        }
        m.close().close();
    }
    let (count, a, threshold) = d.slivers;
    if count > 0 {
        m.open("p").attr("class", "note").text(&format!(
            "{count} sliver{} smaller than {} ({} in all) are not listed; they are counted in the totals.",
            if count == 1 { "" } else { "s" },
            area(threshold),
            area(a)
        )).close();
    }
    m.close();
}

fn ways_in(m: &mut Markup, d: &Dossier) {
    use crate::analysis::OpeningStatus;
    let a = &d.audit;
    section(m, "ways-in", "Ways in: the opening audit");
    if a.openings.is_empty() {
        m.element(
            "p",
            "The plan marks no exterior opening (a door, window, glass or railing with \"exterior\": true), so there is no way in to audit.",
        );
    } else {
        m.open("table");
        head_row(
            m,
            &[
                ("Opening", false),
                ("Kind", false),
                ("Judged on", false),
                ("Required", false),
                ("Status", false),
                ("Approach seen", true),
                ("Watched as required", true),
                ("Seen by", false),
            ],
        );
        m.open("tbody");
        for o in &a.openings {
            let required = format!(
                "{}, {} camera{}",
                o.required_level.as_deref().unwrap_or("any density"),
                o.required_cameras,
                if o.required_cameras == 1 { "" } else { "s" }
            );
            let status = match o.status {
                OpeningStatus::Met => "watched ✓",
                OpeningStatus::Below => "short ✗",
                OpeningStatus::Unseen => "unseen ✗",
            };
            let share = |w: f64| format!("{} of {}", metres(w), metres(o.width_m));
            let mut seen_by: Vec<String> = o
                .cameras
                .iter()
                .filter(|c| c.sees_approach)
                .map(|c| {
                    let level = c.sides.first().and_then(|s| s.level.clone());
                    match level {
                        Some(l) => format!("{} ({l})", c.id),
                        None => c.id.clone(),
                    }
                })
                .collect();
            seen_by.extend(
                o.seen_from_other_side_by
                    .iter()
                    .map(|id| format!("{id} (from inside only)")),
            );
            let seen_by = if seen_by.is_empty() {
                "no camera".to_string()
            } else {
                seen_by.join(", ")
            };
            m.open("tr");
            if !o.met() {
                m.attr("class", "short");
            }
            for (text, numeric) in [
                (o.id.as_str(), false),
                (o.kind.name(), false),
                (o.approach.as_str(), false),
                (required.as_str(), false),
                (status, false),
                (&share(o.seen_width_m), true),
                (&share(o.watched_width_m), true),
                (seen_by.as_str(), false),
            ] {
                m.open("td");
                if numeric {
                    m.attr("class", "n");
                }
                m.text(text).close();
            }
            m.close();
        }
        m.close().close();
        m.open("p").attr("class", "note").text(
            "Each exterior opening is judged on its approach, the outside: an intruder must be seen coming and while forcing it, not only once in. Widths are measured along a line 5 cm off the opening. Riskiest first: unseen, then the weakest.",
        ).close();
    }
    if !a.cameras_missing_nearest_opening.is_empty() {
        let list: Vec<String> = a
            .cameras_missing_nearest_opening
            .iter()
            .map(|c| {
                format!(
                    "{} misses {} ({} away)",
                    c.camera,
                    c.opening,
                    metres(c.distance_m)
                )
            })
            .collect();
        m.element(
            "p",
            &format!(
                "Cameras whose view misses the way in nearest to them: {}.",
                list.join("; ")
            ),
        );
    }
    let critical: Vec<_> = a
        .critical_cameras
        .iter()
        .filter(|c| c.unique_m2 > 0.0 || !c.openings_lost.is_empty() || !c.zones_lost.is_empty())
        .take(5)
        .collect();
    if !critical.is_empty() {
        m.element("h3", "If one camera fails");
        m.open("table");
        head_row(
            m,
            &[
                ("Camera", false),
                ("Blind if it fails", true),
                ("Ways in no longer watched", false),
                ("Zones losing their level", false),
            ],
        );
        m.open("tbody");
        let name = |id: &String| {
            d.zones
                .iter()
                .find(|z| &z.id == id)
                .map(|z| z.name.clone())
                .unwrap_or_else(|| id.clone())
        };
        for c in critical {
            let zones: Vec<String> = c.zones_lost.iter().map(name).collect();
            row(
                m,
                &[
                    (&c.id, false),
                    (&area(c.unique_m2), true),
                    (
                        &if c.openings_lost.is_empty() {
                            "—".to_string()
                        } else {
                            c.openings_lost.join(", ")
                        },
                        false,
                    ),
                    (
                        &if zones.is_empty() {
                            "—".to_string()
                        } else {
                            zones.join(", ")
                        },
                        false,
                    ),
                ],
            );
        }
        m.close().close();
        m.open("p").attr("class", "note").text(
            "The most critical cameras first: the area only that camera sees, and the requirements met now that its failure would break.",
        ).close();
    }
    m.close();
}

fn vulnerable(m: &mut Markup, d: &Dossier) {
    if d.vulnerable.is_none() && d.ways_in_not_analysed.is_empty() {
        return;
    }
    section(m, "vulnerable", "The most vulnerable way in");
    let left_out = not_analysed(d);
    match &d.vulnerable {
        // Beside the openings compared, before the method's notes.
        Some(v) => vulnerable_routes(m, v, left_out.as_deref()),
        None => {
            if let Some(s) = &left_out {
                m.element("p", s);
            }
        }
    }
    m.close();
}

/// The exterior openings the search could not follow, as a sentence.
fn not_analysed(d: &Dossier) -> Option<String> {
    if d.ways_in_not_analysed.is_empty() {
        return None;
    }
    let list: Vec<String> = d
        .ways_in_not_analysed
        .iter()
        .map(|n| format!("{} ({})", n.opening, n.reason))
        .collect();
    Some(format!(
        "Not analysed, so not part of this comparison: {}.",
        list.join("; ")
    ))
}

fn vulnerable_routes(m: &mut Markup, v: &VulnerablePath, left_out: Option<&str>) {
    let r = &v.report;
    m.element(
        "p",
        &format!(
            "From {} to {}, the asset of highest priority: of the ways in, this is the one where the response force is least likely to arrive before the intruder is done (the lowest probability of interruption, P(I), by Sandia's EASI model). The route is drawn on the plan.",
            r.from, v.to_name
        ),
    );
    m.open("table");
    head_row(
        m,
        &[
            ("Route", false),
            ("Length", true),
            ("Unseen before first seen", true),
            ("First seen by", false),
            ("Then to the asset", true),
            ("First detecting element", false),
            ("P(I)", true),
        ],
    );
    m.open("tbody");
    let mut paths = vec![&r.least_watched, &r.fastest];
    if let Some(mv) = &r.most_vulnerable
        && mv.name != r.least_watched.name
        && mv.name != r.fastest.name
    {
        paths.push(mv);
    }
    for p in paths {
        let seconds = |s: f64| format!("{} s", grouped(s, 0));
        row(
            m,
            &[
                (&p.name, false),
                (&metres(p.length_m), true),
                (
                    &format!(
                        "{}, {}",
                        metres(p.unseen_before_first_seen_m),
                        seconds(p.unseen_before_first_seen_s)
                    ),
                    true,
                ),
                (p.first_seen_by.as_deref().unwrap_or("no camera"), false),
                (
                    &p.first_seen_to_asset_s
                        .map(seconds)
                        .unwrap_or_else(|| "—".to_string()),
                    true,
                ),
                (
                    p.first_detecting_element.as_deref().unwrap_or("none"),
                    false,
                ),
                (
                    &p.p_interruption
                        .map(percent)
                        .unwrap_or_else(|| "—".to_string()),
                    true,
                ),
            ],
        );
    }
    m.close().close();
    if let Some(c) = &r.best_change {
        m.element(
            "p",
            &format!(
                "The single change that raises P(I) most: {}, to {}.",
                c.description,
                percent(c.p_interruption)
            ),
        );
    }
    if v.tried.len() > 1 {
        let others: Vec<String> = v
            .tried
            .iter()
            .map(|(o, p)| format!("{o} {}", percent(*p)))
            .collect();
        m.element(
            "p",
            &format!("Lowest P(I) from each way in: {}.", others.join(", ")),
        );
    }
    if let Some(s) = left_out {
        m.element("p", s);
    }
    let mut notes = vec![format!(
        "{} Walk grid of {} cells.",
        r.method,
        metres(r.resolution_m)
    )];
    notes.extend(r.assumptions.iter().cloned());
    for n in notes {
        m.open("p").attr("class", "note").text(&n).close();
    }
}

fn cameras(m: &mut Markup, d: &Dossier) {
    section(m, "cameras", "Camera schedule");
    let levels: Vec<&str> = d
        .compliance
        .levels
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    m.open("table").attr("class", "compact");
    m.open("thead");
    m.open("tr");
    for (text, numeric) in [
        ("Camera", false),
        ("Model", false),
        ("Position x, y", true),
        ("Mount", true),
        ("Bearing", false),
        ("View angle, range", true),
        ("Footprint", true),
        ("View", true),
    ] {
        m.open("th").attr("rowspan", "2");
        if numeric {
            m.attr("class", "n");
        }
        m.text(text).close();
    }
    m.open("th")
        .attr("colspan", levels.len())
        .attr("class", "group")
        .text("Detail reach")
        .close();
    m.close();
    m.open("tr");
    for l in &levels {
        m.open("th").attr("class", "n").text(l).close();
    }
    m.close();
    m.close();
    m.open("tbody");
    for c in &d.cameras {
        let mount = match (c.height_m, c.tilt_deg) {
            (Some(h), Some(t)) => format!("{}, {}° down", metres(h), grouped(t, 0)),
            _ => "flat cone".to_string(),
        };
        let fov = match (c.hfov_deg, c.range_m) {
            (Some(h), Some(r)) => format!("{}°, {}", grouped(h, 0), metres(r)),
            _ => "—".to_string(),
        };
        let footprint = match (c.near_m, c.far_m) {
            (Some(n), Some(f)) => format!("{}–{}", grouped(n, 1), metres(f)),
            _ => "—".to_string(),
        };
        let mut cells: Vec<(String, bool)> = vec![
            (c.id.clone(), false),
            (c.model.clone(), false),
            (
                format!(
                    "{}, {}",
                    grouped(c.position[0], 2),
                    grouped(c.position[1], 2)
                ),
                true,
            ),
            (mount, true),
            (c.bearing.clone(), false),
            (fov, true),
            (footprint, true),
            (area(c.view_area_m2), true),
        ];
        for l in &levels {
            let reach = c.detail_reach.iter().find(|(n, _)| n == l).map(|&(_, r)| r);
            cells.push((
                match reach {
                    Some(r) if r > 0.0 => metres(r),
                    Some(_) => "none".to_string(),
                    None => "—".to_string(),
                },
                true,
            ));
        }
        let cells: Vec<(&str, bool)> = cells.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        row(m, &cells);
    }
    m.close().close();
    m.open("p").attr("class", "note").text(
        "Bearings are degrees clockwise from north (up on the plan). Footprint: where the camera's view meets the target height, from its near to its far edge; the floor nearer than that is its dead zone. Detail reach: how far each pixel-density level holds (— for a model without a resolution).",
    ).close();
    m.close();
}

fn materials(m: &mut Markup, d: &Dossier) {
    section(m, "materials", "Bill of materials");
    m.open("table");
    head_row(
        m,
        &[
            ("Qty", true),
            ("Item", false),
            ("Unit price", true),
            ("Installation, each", true),
            ("Line total", true),
        ],
    );
    m.open("tbody");
    for l in &d.materials {
        let name = if l.example_prices {
            format!("{} (example price)", l.name)
        } else {
            l.name.clone()
        };
        row(
            m,
            &[
                (&l.count.to_string(), true),
                (&name, false),
                (&money(l.unit_price, &d.currency), true),
                (&money(l.install_cost, &d.currency), true),
                (&money(l.total, &d.currency), true),
            ],
        );
    }
    for p in &d.poles {
        row(
            m,
            &[
                ("1", true),
                (
                    &format!(
                        "Pole {} (holds {} camera{})",
                        p.id,
                        p.cameras,
                        if p.cameras == 1 { "" } else { "s" }
                    ),
                    false,
                ),
                (&money(p.cost, &d.currency), true),
                ("—", true),
                (&money(p.cost, &d.currency), true),
            ],
        );
    }
    // Totals in the body, not a tfoot: a printed tfoot repeats on every page.
    let mut totals = vec![("Hardware", d.hardware), ("Installation", d.installation)];
    if !d.poles.is_empty() {
        totals.push(("Poles", d.poles_total));
    }
    totals.push(("Total", d.total));
    for (label, value) in totals {
        m.open("tr").attr("class", "total");
        m.open("td").close();
        m.open("th").attr("colspan", "3").text(label).close();
        m.open("td")
            .attr("class", "n")
            .text(&money(value, &d.currency))
            .close();
        m.close();
    }
    m.close().close();
    if d.unpriced_cameras > 0 {
        m.open("p")
            .attr("class", "note")
            .text(&format!(
                "{} camera{} without a full price (unit price and installation) {} counted at zero for what is missing.",
                d.unpriced_cameras,
                if d.unpriced_cameras == 1 { "" } else { "s" },
                if d.unpriced_cameras == 1 { "is" } else { "are" }
            ))
            .close();
    }
    if let Some(note) = price_note(d) {
        m.open("p").attr("class", "note").text(note).close();
    }
    m.open("p").attr("class", "note").text(&format!(
        "Recorders, cabling, network switches and the video management system are not included ({} recorder{} of {} TB are sized under Recording and storage).",
        d.recording.recorders,
        if d.recording.recorders == 1 { "" } else { "s" },
        grouped(d.recording.recorder_tb, 0)
    )).close();
    m.close();
}

fn comparison(m: &mut Markup, d: &Dossier) {
    section(m, "layouts", "Layouts compared");
    if d.layouts.len() < 2 {
        m.element("p", "The file holds one layout only.");
        m.close();
        return;
    }
    m.open("table");
    head_row(
        m,
        &[
            ("Layout", false),
            ("Cameras", true),
            ("Cost", true),
            ("Coverage", true),
            ("Weighted", true),
            ("Blind area", true),
            ("Zones at required level", true),
        ],
    );
    m.open("tbody");
    for (i, l) in d.layouts.iter().enumerate() {
        m.open("tr");
        if i == d.reported {
            m.attr("class", "reported");
        }
        let name = if i == d.reported {
            format!("{} (this report)", l.name)
        } else {
            l.name.clone()
        };
        for (text, numeric) in [
            (name.as_str(), false),
            (&l.cameras.to_string(), true),
            (&money(l.cost, &d.currency), true),
            (&percent(l.coverage), true),
            (&percent(l.weighted_coverage), true),
            (&area(l.blind_area_m2), true),
            (
                &if l.zones_with_requirement > 0 {
                    format!("{} of {}", l.zones_meeting, l.zones_with_requirement)
                } else {
                    "—".to_string()
                },
                true,
            ),
        ] {
            m.open("td");
            if numeric {
                m.attr("class", "n");
            }
            m.text(text).close();
        }
        m.close();
    }
    m.close().close();
    for c in &d.changes {
        change_list(m, d, c);
    }
    m.close();
}

fn change_list(m: &mut Markup, d: &Dossier, c: &LayoutChanges) {
    m.open("h3")
        .text(&format!("“{}” against “{}”", c.figures.name, d.layout))
        .close();
    m.open("ul");
    let k = &c.change;
    m.element(
        "li",
        &format!(
            "The change costs {}: hardware {}, installation {}, moves {}, removals {}{}. The layout is worth {} at catalogue prices ({}).",
            money(k.spend, &d.currency),
            money(k.hardware, &d.currency),
            money(k.installation, &d.currency),
            money(k.moves, &d.currency),
            money(k.removals, &d.currency),
            if k.poles_added.is_empty() {
                String::new()
            } else {
                format!(", poles {} ({})", money(k.poles, &d.currency), k.poles_added.join(", "))
            },
            money(k.total_after, &d.currency),
            money_delta(c.cost_delta, &d.currency),
        ),
    );
    if !k.unpriced.is_empty() {
        m.element(
            "li",
            &format!(
                "No price stated for what is done to: {} (counted at zero).",
                k.unpriced.join(", ")
            ),
        );
    }
    m.element(
        "li",
        &format!(
            "Coverage {}, weighted coverage {}.",
            points(c.coverage_delta),
            points(c.weighted_delta)
        ),
    );
    for (label, ids) in [
        ("Added", &c.added),
        ("Removed", &c.removed),
        ("Moved", &c.moved),
        ("Re-aimed or refitted", &c.changed),
    ] {
        if !ids.is_empty() {
            m.element("li", &format!("{label}: {}.", ids.join(", ")));
        }
    }
    if c.added.is_empty() && c.removed.is_empty() && c.moved.is_empty() && c.changed.is_empty() {
        m.element("li", "Same cameras.");
    }
    m.close();
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::H264 => "H.264",
        Codec::H265 => "H.265",
    }
}

fn recording(m: &mut Markup, d: &Dossier) {
    let r = &d.recording;
    section(m, "recording", "Recording and storage");
    m.open("table").attr("class", "compact");
    head_row(
        m,
        &[
            ("Camera", false),
            ("Resolution", true),
            ("Codec", false),
            ("Frames/s", true),
            ("Activity", false),
            ("Hours a day", true),
            ("Retention", true),
            ("Bitrate", true),
            ("Storage", true),
        ],
    );
    m.open("tbody");
    for c in &r.cameras {
        let res = c
            .resolution_px
            .map(|[w, h]| format!("{} × {}", grouped(w, 0), grouped(h, 0)))
            .unwrap_or_else(|| "—".to_string());
        let bitrate = match (c.bitrate_source, c.bitrate_mbps) {
            (BitrateSource::Stated, Some(b)) => format!("{} Mbit/s (stated)", grouped(b, 2)),
            (_, Some(b)) => format!("{} Mbit/s", grouped(b, 2)),
            _ => "unknown".to_string(),
        };
        row(
            m,
            &[
                (&c.id, false),
                (&res, true),
                (codec_name(c.codec), false),
                (&grouped(c.fps, 0), true),
                (c.activity.name(), false),
                (&grouped(c.hours_per_day, 0), true),
                (&format!("{} days", grouped(c.retention_days, 0)), true),
                (&bitrate, true),
                (
                    &c.storage_tb
                        .map(|t| format!("{} TB", grouped(t, 2)))
                        .unwrap_or_else(|| "—".to_string()),
                    true,
                ),
            ],
        );
    }
    m.open("tr").attr("class", "total");
    m.open("th").attr("colspan", "7").text("Total").close();
    m.open("td")
        .attr("class", "n")
        .text(&format!("{} Mbit/s", grouped(r.total_mbps, 1)))
        .close();
    m.open("td")
        .attr("class", "n")
        .text(&format!("{} TB", grouped(r.total_tb, 2)))
        .close();
    m.close().close().close();
    m.open("p").text(&format!(
        "Recorders: {} of {} TB usable and {} channels each ({} for the storage, {} for the channels).",
        r.recorders,
        grouped(r.recorder_tb, 0),
        r.recorder_channels,
        r.recorders_for_storage,
        r.recorders_for_channels
    )).close();
    if r.unsized_cameras > 0 {
        m.open("p").attr("class", "note warn").text(&format!(
            "{} camera{} {} no bitrate estimate (the model has no resolution and no bitrate is stated): {} not in the totals.",
            r.unsized_cameras,
            if r.unsized_cameras == 1 { "" } else { "s" },
            if r.unsized_cameras == 1 { "has" } else { "have" },
            if r.unsized_cameras == 1 { "it is" } else { "they are" }
        )).close();
    }
    m.open("p").attr("class", "note").text(
        "Bitrates are estimated with the Kush gauge (K. Amerasinghe, “H.264 for the rest of us”, Adobe, 2010): width × height × frames per second × motion rank (low 1, medium 2, high 4) × 0.07 bit, for H.264 at good quality; H.265 is taken at 0.6 of that, the conservative end of the 35–50 % saving measured by Ohm et al. (IEEE Trans. CSVT 22(12), 2012). Storage = bitrate × hours a day × retention days, 1 TB = 10¹² bytes. A camera's stated bitrate replaces the estimate. Real bitrates depend on the encoder, lighting, noise at night and smart-codec settings: confirm with the chosen cameras.",
    ).close();
    m.close();
}

fn purposes(m: &mut Markup, d: &Dossier) {
    section(m, "purposes", "Purpose of each camera");
    if d.purposes.is_empty() {
        m.element(
            "p",
            "No camera states its purpose. An Operational Requirement gives each camera a task (monitor, detect, observe, recognise or identify), a target and a place; add them to the cameras to have them checked here.",
        );
        m.close();
        return;
    }
    m.open("table");
    head_row(
        m,
        &[
            ("Camera", false),
            ("Task", false),
            ("Target", false),
            ("Where", false),
            ("Needs", true),
            ("In the plan", true),
            ("Met", false),
        ],
    );
    m.open("tbody");
    for p in &d.purposes {
        let place = match &p.place {
            Place::Zone { name, .. } => name.clone(),
            Place::Point { x, y } => format!("at {}, {}", grouped(*x, 2), grouped(*y, 2)),
            Place::Unplaced => "not given".to_string(),
        };
        let achieved = match (p.density_px_per_m, p.zone_share) {
            (Some(px), _) => format!("{} px/m", grouped(px, 0)),
            (None, Some(share)) => format!("{} of it", percent(share)),
            _ => "—".to_string(),
        };
        let verdict = match &p.verdict {
            Verdict::Met => "yes".to_string(),
            Verdict::Short(why) => format!("no: {why}"),
            Verdict::Unchecked(why) => format!("not checked: {why}"),
        };
        m.open("tr");
        if !p.verdict.is_met() {
            m.attr("class", "short");
        }
        for (text, numeric) in [
            (p.camera_id.as_str(), false),
            (&p.task, false),
            (&p.target, false),
            (&place, false),
            (
                &format!("{} px/m", grouped(p.px_per_m, 1).trim_end_matches(".0")),
                true,
            ),
            (&achieved, true),
            (&verdict, false),
        ] {
            m.open("td");
            if numeric {
                m.attr("class", "n");
            }
            m.text(text).close();
        }
        m.close();
    }
    m.close().close();
    m.open("p").attr("class", "note").text(
        "Tasks in the Operational Requirement sense (UK Home Office CCTV Operational Requirements Manual; EN 62676-4): a target at a point is met when the camera sees the point at the task's density; a target zone when the camera alone sees all of it at that density.",
    ).close();
    m.close();
}

fn compliance(m: &mut Markup, d: &Dossier) {
    let c = &d.compliance;
    section(m, "compliance", "Compliance statement");
    let levels: Vec<String> = c
        .levels
        .iter()
        .map(|(n, px)| format!("{n} {} px/m", grouped(*px, 1).trim_end_matches(".0")))
        .collect();
    m.element(
        "p",
        &format!(
            "Pixel densities in this report follow {}: {}. Densities are horizontal pixels per metre on a target {} above the floor, from each camera's resolution, lens and mounting, at the slant distance from the lens.{}",
            c.scheme,
            levels.join(", "),
            metres(c.target_height_m),
            if c.standard_levels {
                " The levels are those of the standard's 2015 edition (the DORI scheme); its 2025 edition defines other levels, which a scenario may set instead."
            } else {
                " These levels are the scenario's own, not the EN 62676-4:2015 defaults."
            }
        ),
    );
    m.element(
        "p",
        "Coverage is computed exactly on the plan (each camera's view among opaque walls, cut to its field of view and footprint); doors, windows and glass block or pass sight as the plan states. The figures assume the cameras are mounted, aimed and focused as scheduled, with enough light: they are a design check, to be confirmed on site by the commissioning tests below.",
    );
    m.close();
}

fn commissioning(m: &mut Markup, d: &Dossier) {
    section(m, "commissioning", "Test and commissioning");
    m.element(
        "p",
        "For each camera, check every line on site and sign it off; a test chart or a person of the target height placed where a line says must be seen at the density given, on the live and on the recorded image.",
    );
    for c in &d.checklists {
        m.open("div").attr("class", "checklist");
        m.element("h3", &format!("Camera {}", c.camera_id));
        m.open("ul");
        for item in &c.items {
            m.element("li", item);
        }
        m.close();
        m.open("p")
            .attr("class", "sign")
            .text("Checked by ____________________   Date ____________   Signature ____________________")
            .close();
        m.close();
    }
    m.close();
}

fn notes(m: &mut Markup, d: &Dossier) {
    if d.warnings.is_empty() {
        return;
    }
    section(m, "notes", "Notes on the file");
    m.open("ul");
    for w in &d.warnings {
        m.element("li", w);
    }
    m.close();
    m.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style() {
        let s = css_string("a\"b\\c</style><script>");
        assert!(!s[1..s.len() - 1].contains('"'));
        assert!(!s.contains('<'));
        assert!(!s.contains("\\\\"));
        assert_eq!(css_string("Confidential: plan"), "\"Confidential: plan\"");
    }
}
