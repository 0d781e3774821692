//! The report as a readable table for a person at a terminal.

use super::Report;
use std::fmt::{self, Write};

/// How many blind spots the text report lists.
const LISTED_BLIND_SPOTS: usize = 10;
/// The most connections the site's text lists one by one.
const LISTED_CONNECTIONS: usize = 12;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Renders the report as text.
pub fn render_text(report: &Report) -> String {
    TextReport(report).to_string()
}

/// The report as a table, written through `Display`.
#[derive(Debug)]
pub struct TextReport<'a>(pub &'a Report);

impl fmt::Display for TextReport<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(self.0, out)
    }
}

fn write_report(report: &Report, out: &mut impl Write) -> fmt::Result {
    let s = &report.summary;
    let title = if report.name.is_empty() {
        "(unnamed scenario)"
    } else {
        &report.name
    };
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count().min(78)))?;
    writeln!(out)?;
    writeln!(out, "Overall")?;
    writeln!(out, "  target area           {:>12.2} m²", s.target_area_m2)?;
    writeln!(
        out,
        "  covered               {:>12.2} m²   {:>6}",
        s.covered_area_m2,
        pct(s.coverage)
    )?;
    writeln!(
        out,
        "  weighted coverage     {:>12}",
        pct(s.weighted_coverage)
    )?;
    writeln!(
        out,
        "  seen by 2+ cameras    {:>12.2} m²",
        s.multi_covered_area_m2
    )?;
    writeln!(out, "  blind                 {:>12.2} m²", s.blind_area_m2)?;
    writeln!(out, "  cameras               {:>12}", s.cameras.len())?;
    let c = &s.costs;
    if c.total > 0.0 || c.unpriced_cameras < s.cameras.len() {
        writeln!(
            out,
            "  cost                  {:>12.0} {}{}",
            c.total,
            c.currency,
            if c.example_prices {
                " (example prices)"
            } else {
                ""
            }
        )?;
    }
    writeln!(out)?;

    if s.levels.iter().any(|l| l.covered_area_m2 > 0.0) {
        writeln!(out, "Pixel density (seen at this level or better)")?;
        for l in &s.levels {
            writeln!(
                out,
                "  {:<12} {:>6} px/m {:>12.2} m² {:>8}",
                l.name,
                l.px_per_m,
                l.covered_area_m2,
                pct(l.coverage)
            )?;
        }
        writeln!(out)?;
    }

    let name_width = s
        .zones
        .iter()
        .map(|z| z.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    writeln!(out, "Zones")?;
    writeln!(
        out,
        "  {:<name_width$}  {:<8} {:>8} {:>11} {:>11} {:>8}  required level",
        "zone", "kind", "priority", "area m²", "covered m²", "coverage"
    )?;
    for z in &s.zones {
        let name: String = z.name.chars().take(name_width).collect();
        let required = match &z.required_level {
            Some(level) => format!("{level}: {}", pct(z.required_coverage)),
            None => "-".to_string(),
        };
        writeln!(
            out,
            "  {:<name_width$}  {:<8} {:>8} {:>11.2} {:>11.2} {:>8}  {}",
            name,
            z.kind.name(),
            z.priority,
            z.area_m2,
            z.covered_area_m2,
            pct(z.coverage),
            required
        )?;
    }
    writeln!(out)?;

    writeln!(out, "Largest blind spots")?;
    if report.blind_spots.is_empty() {
        writeln!(out, "  none")?;
    }
    for (i, b) in report
        .blind_spots
        .iter()
        .take(LISTED_BLIND_SPOTS)
        .enumerate()
    {
        let c = centre(&b.polygon);
        writeln!(
            out,
            "  {:>2}. {:>10.2} m²  around ({:.1}, {:.1})  in {}",
            i + 1,
            b.area_m2,
            c.0,
            c.1,
            b.zone_ids.join(", ")
        )?;
    }
    if report.blind_spots.len() > LISTED_BLIND_SPOTS {
        let rest: f64 = report.blind_spots[LISTED_BLIND_SPOTS..]
            .iter()
            .map(|b| b.area_m2)
            .sum();
        writeln!(
            out,
            "  ... and {} more ({:.2} m²)",
            report.blind_spots.len() - LISTED_BLIND_SPOTS,
            rest
        )?;
    }
    let o = &report.blind_spots_omitted;
    if o.count > 0 {
        writeln!(
            out,
            "  ({} sliver(s) under {} m² not listed, {:.4} m² in all; counted in the totals)",
            o.count, o.threshold_m2, o.area_m2
        )?;
    }
    writeln!(out)?;

    writeln!(out, "Cameras")?;
    for c in &s.cameras {
        let mut line = format!(
            "  {:<16} {:<22} view {:>10.2} m²",
            c.id,
            c.model.as_deref().unwrap_or("-"),
            c.view_area_m2
        );
        if let (Some(near), Some(far)) = (c.near_m, c.far_m) {
            line.push_str(&format!("   floor {near:.1}-{far:.1} m"));
        }
        if let Some(first) = c.levels.iter().find(|l| l.radius_m > 0.0) {
            line.push_str(&format!("   {} to {:.1} m", first.name, first.radius_m));
        }
        writeln!(out, "{line}")?;
    }
    write_costs(c, s.cameras.len(), "Costs", out)?;
    if !report.warnings.is_empty() {
        writeln!(out)?;
        writeln!(out, "Warnings")?;
        for w in &report.warnings {
            writeln!(out, "  {w}")?;
        }
    }
    Ok(())
}

/// The cost lines and their total, when anything is priced.
fn write_costs(
    c: &super::Costs,
    cameras: usize,
    heading: &str,
    out: &mut impl Write,
) -> fmt::Result {
    if !c.lines.is_empty() && (c.total > 0.0 || c.unpriced_cameras < cameras) {
        writeln!(out)?;
        writeln!(
            out,
            "{heading} ({}{})",
            c.currency,
            if c.example_prices {
                ", example prices"
            } else {
                ""
            }
        )?;
        for line in &c.lines {
            writeln!(
                out,
                "  {:>3} x {:<40} {:>9.0} + {:>7.0} install = {:>10.0}",
                line.count, line.name, line.unit_price, line.install_cost, line.total
            )?;
        }
        for pole in &c.poles {
            writeln!(
                out,
                "  {:>3} x {:<40} {:>9} {:>17} = {:>10.0}",
                1,
                format!("pole {} ({} camera(s))", pole.id, pole.cameras),
                "",
                "",
                pole.cost
            )?;
        }
        let poles = if c.poles.is_empty() {
            String::new()
        } else {
            format!(", poles {:.0}", c.poles_total)
        };
        writeln!(
            out,
            "  hardware {:.0}, installation {:.0}{poles}, total {:.0} {}{}",
            c.hardware,
            c.installation,
            c.total,
            c.currency,
            if c.unpriced_cameras > 0 {
                format!(" ({} camera(s) without a full price)", c.unpriced_cameras)
            } else {
                String::new()
            }
        )?;
    }
    Ok(())
}

/// Mean of the outer ring's vertices: a rough "where" for a person.
fn centre(p: &crate::geometry::Polygon) -> (f64, f64) {
    let n = p.exterior.len().max(1) as f64;
    let (x, y) = p
        .exterior
        .iter()
        .fold((0.0, 0.0), |(x, y), q| (x + q.x, y + q.y));
    (x / n, y / n)
}

/// Renders a site of several levels as text: the site's table (each level's
/// headline and the whole site's), then each level's report as a section.
pub fn render_site_text(report: &crate::site::SiteReport) -> String {
    let mut out = String::new();
    write_site(report, &mut out).expect("writing to a String never fails");
    out
}

fn write_site(report: &crate::site::SiteReport, out: &mut impl Write) -> fmt::Result {
    let title = if report.name.is_empty() {
        "(unnamed scenario)"
    } else {
        &report.name
    };
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count().min(78)))?;
    writeln!(out)?;
    let n = report.levels.len();
    writeln!(
        out,
        "Site: {n} levels (each computed on its own; areas summed)"
    )?;
    let width = report
        .levels
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(5)
        .clamp(10, 32);
    writeln!(
        out,
        "  {:<width$} {:>9} {:>11} {:>11} {:>8} {:>12} {:>7} {:>12}",
        "level",
        "elevation",
        "area m²",
        "covered m²",
        "coverage",
        "required met",
        "cameras",
        "cost"
    )?;
    let currency = &report.site.overall.costs.currency;
    let row = |name: &str, elevation: String, h: &crate::site::Headline| {
        let name: String = name.chars().take(width).collect();
        let required = if h.zones_with_requirement == 0 {
            "-".to_string()
        } else {
            format!("{} of {}", h.zones_meeting, h.zones_with_requirement)
        };
        format!(
            "  {:<width$} {:>9} {:>11.2} {:>11.2} {:>8} {:>12} {:>7} {:>12}",
            name,
            elevation,
            h.target_area_m2,
            h.covered_area_m2,
            pct(h.coverage),
            required,
            h.cameras,
            format!("{:.0} {currency}", h.costs.total),
        )
    };
    for l in &report.levels {
        writeln!(
            out,
            "{}",
            row(&l.name, format!("{:.1} m", l.elevation_m), &l.headline)
        )?;
    }
    let site = &report.site;
    writeln!(out, "{}", row("whole site", String::new(), site))?;
    writeln!(
        out,
        "  weighted coverage {}, seen by 2+ cameras {:.2} m², blind {:.2} m²",
        pct(site.weighted_coverage),
        site.multi_covered_area_m2,
        site.blind_area_m2
    )?;
    if site.levels.iter().any(|l| l.covered_area_m2 > 0.0) {
        let bands: Vec<String> = site
            .levels
            .iter()
            .map(|l| format!("{} {:.2} m² {}", l.name, l.covered_area_m2, pct(l.coverage)))
            .collect();
        writeln!(out, "  pixel density: {}", bands.join(", "))?;
    }
    if !report.connections.is_empty() {
        let kinds: Vec<String> = crate::scenario::ConnectionKind::ALL
            .iter()
            .filter_map(|&k| {
                let n = report.connections.iter().filter(|c| c.kind == k).count();
                (n > 0).then(|| format!("{n} {}", k.name()))
            })
            .collect();
        writeln!(
            out,
            "  connections: {} ({})",
            report.connections.len(),
            kinds.join(", ")
        )?;
    }
    // A short list is shown in full; a long one would bury the figures.
    if !report.connections.is_empty() && report.connections.len() <= LISTED_CONNECTIONS {
        for c in &report.connections {
            writeln!(
                out,
                "    {} ({}, {} at ({}, {}) to {} at ({}, {}){})",
                c.id,
                c.kind.name(),
                c.from.level,
                c.from.x,
                c.from.y,
                c.to.level,
                c.to.x,
                c.to.y,
                c.time_s.map(|t| format!(", {t} s")).unwrap_or_default()
            )?;
        }
    }
    write_costs(&site.costs, site.cameras, "Site costs", out)?;
    for (i, l) in report.levels.iter().enumerate() {
        writeln!(out)?;
        let mut section = l.report.clone();
        section.name = format!(
            "Level {} of {n}: {} ({}, {:.1} m)",
            i + 1,
            l.name,
            l.id,
            l.elevation_m
        );
        write_report(&section, out)?;
    }
    if !report.warnings.is_empty() {
        writeln!(out)?;
        writeln!(out, "Warnings")?;
        for w in &report.warnings {
            writeln!(out, "  {w}")?;
        }
    }
    Ok(())
}
