//! The audit and the routes as text for a person (the command line's default).

use super::route::{Change, DetectionPoint, PathReport, RouteReport, SitePath, SiteRouteReport};
use super::{Audit, OpeningStatus};
use std::fmt::Write;

fn pct(x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

/// A probability to three places, or "—" when it is not known (no response
/// force in the settings): an unknown is never printed as 0.
fn probability(p: Option<f64>) -> String {
    p.map_or_else(|| "—".to_string(), |p| format!("{p:.3}"))
}

/// The audit as a few tables: headline, openings, cameras missing their
/// nearest opening, zone shortfalls, critical cameras, cameras per place.
pub fn render_audit(name: &str, a: &Audit) -> String {
    let mut s = String::new();
    let h = &a.headline;
    let _ = writeln!(s, "Security audit: {name}");
    let _ = writeln!(
        s,
        "Zones meeting their required level: {} of {}",
        h.zones_met, h.zones_required
    );
    let _ = writeln!(
        s,
        "Openings watched as required: {} of {}",
        h.openings_met, h.openings_audited
    );
    let _ = writeln!(
        s,
        "\nOpenings, riskiest first (judged on their approach side)"
    );
    if a.openings.is_empty() {
        let _ = writeln!(s, "  (no exterior openings, none with a requirement)");
    }
    for o in &a.openings {
        let status = match o.status {
            OpeningStatus::Unseen => "UNSEEN",
            OpeningStatus::Below => "BELOW",
            OpeningStatus::Met => "met",
        };
        let need = format!(
            "{} by {}",
            o.required_level.as_deref().unwrap_or("seen"),
            o.required_cameras
        );
        let _ = writeln!(
            s,
            "  {:<20} {:<8} {:>6.2} m  {:<7} needs {:<16} approach {}: seen {:.2} m, watched as required {:.2} m",
            o.id,
            o.kind.name(),
            o.width_m,
            status,
            need,
            o.approach,
            o.seen_width_m,
            o.watched_width_m
        );
        for c in &o.cameras {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|side| {
                    format!(
                        "{} {:.2} m{}",
                        side.side,
                        side.width_m,
                        side.level
                            .as_ref()
                            .map(|l| format!(" at {l}"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            let _ = writeln!(s, "      {:<18} {}", c.id, sides.join(", "));
        }
    }
    if !a.cameras_missing_nearest_opening.is_empty() {
        let _ = writeln!(s, "\nCameras whose view misses the opening nearest to them");
        for m in &a.cameras_missing_nearest_opening {
            let _ = writeln!(
                s,
                "  {:<20} misses {} ({:.1} m away)",
                m.camera, m.opening, m.distance_m
            );
        }
    }
    let _ = writeln!(s, "\nZones with a required level, least met first");
    if a.zones.is_empty() {
        let _ = writeln!(s, "  (no zone requires a level)");
    }
    for z in &a.zones {
        let _ = writeln!(
            s,
            "  {:<20} {:<10} {:>8} at level  {:>9.2} m² below it  {:>9.2} m² unseen{}",
            z.id,
            z.required_level,
            pct(z.required_coverage),
            z.below_m2,
            z.blind_m2,
            if z.met { "" } else { "  SHORT" }
        );
    }
    let _ = writeln!(s, "\nCameras, most critical first: what fails with each");
    for c in &a.critical_cameras {
        let mut lost: Vec<String> = c.openings_lost.clone();
        lost.extend(c.zones_lost.iter().cloned());
        let _ = writeln!(
            s,
            "  {:<20} {:>9.2} m² seen by it alone ({:.2} weighted){}",
            c.id,
            c.unique_m2,
            c.unique_weighted_m2,
            if lost.is_empty() {
                String::new()
            } else {
                format!("; loses: {}", lost.join(", "))
            }
        );
    }
    let [zero, one, two, more] = a.seen_by_m2;
    let _ = writeln!(
        s,
        "\nSeen by 0 / 1 / 2 / 3+ cameras: {zero:.2} / {one:.2} / {two:.2} / {more:.2} m²"
    );
    s
}

fn path(s: &mut String, title: &str, p: &PathReport) {
    let _ = writeln!(
        s,
        "{title}: {:.1} m, {:.1} s to the asset ({:.1} s with forcing it)",
        p.length_m, p.time_to_asset_s, p.total_time_s
    );
    let _ = writeln!(
        s,
        "  seen {:.1} m, unseen {:.1} m; unseen for {:.1} m ({:.1} s) before {}",
        p.seen_m,
        p.unseen_m,
        p.unseen_before_first_seen_m,
        p.unseen_before_first_seen_s,
        match (&p.first_seen_by, p.first_seen_to_asset_s) {
            (Some(c), Some(t)) => format!("{c} sees it, then {t:.1} s to the asset"),
            _ => "the asset: no camera sees it on the way".to_string(),
        }
    );
    if !p.openings.is_empty() {
        let through: Vec<String> = p
            .openings
            .iter()
            .map(|o| format!("{} ({:.0} s)", o.opening, o.delay.mean_s))
            .collect();
        let _ = writeln!(s, "  through {}", through.join(", "));
    }
    if let Some(pi) = p.p_interruption {
        let _ = writeln!(s, "  probability of interruption P(I) = {pi:.3}");
    }
}

/// The routes as text.
pub fn render_route(r: &RouteReport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Routes from {} to {} (walk grid {:.2} m)",
        r.from, r.to, r.resolution_m
    );
    path(&mut s, "Least watched route", &r.least_watched);
    path(&mut s, "Fastest route", &r.fastest);
    if let Some(m) = &r.most_vulnerable {
        path(
            &mut s,
            &format!("Most vulnerable route (the {})", m.name),
            m,
        );
        if let Some(c) = &m.critical_point {
            let _ = writeln!(
                s,
                "  critical detection point: ({:.2}, {:.2}), {:.1} m along, at {:.1} s: later detections come too late on average",
                c.at.x, c.at.y, c.at_m, c.time_s
            );
        }
        if let Some(e) = &m.first_detecting_element {
            let _ = writeln!(s, "  first detecting element: {e}");
        }
        for d in &m.detections {
            detection(&mut s, d, "");
        }
    }
    let from = r.most_vulnerable.as_ref().and_then(|m| m.p_interruption);
    change_and_assumptions(&mut s, r.best_change.as_ref(), from, &r.assumptions);
    s
}

/// One detection opportunity, after `level` (empty, or the level and a space).
fn detection(s: &mut String, d: &DetectionPoint, level: &str) {
    let _ = writeln!(
        s,
        "    {level}{:<22} {:<19} P_D {:.2} at {:>6.1} s, {:>6.1} s left: first {}, response in time {}",
        d.element,
        d.kind,
        d.p_detect,
        d.time_s,
        d.remaining_s,
        probability(d.p_first),
        probability(d.p_in_time)
    );
}

/// The best change (from the lowest P(I) `from`) and the assumptions.
fn change_and_assumptions(
    s: &mut String,
    best: Option<&Change>,
    from: Option<f64>,
    assumptions: &[String],
) {
    if let Some(c) = best {
        let _ = writeln!(
            s,
            "Best single change: {}: lowest P(I) {} -> {:.3}",
            c.description,
            probability(from),
            c.p_interruption
        );
    }
    if !assumptions.is_empty() {
        let _ = writeln!(s, "Assumptions:");
        for a in assumptions {
            let _ = writeln!(s, "  - {a}");
        }
    }
}

/// One route across levels: its totals, then each leg with its level and the
/// connection that leads on from it.
fn site_path(s: &mut String, title: &str, p: &SitePath) {
    let _ = writeln!(
        s,
        "{title}: {:.1} m, {:.1} s to the asset ({:.1} s with forcing it)",
        p.length_m, p.time_to_asset_s, p.total_time_s
    );
    let _ = writeln!(
        s,
        "  seen {:.1} m, unseen {:.1} m; unseen for {:.1} m ({:.1} s) before {}",
        p.seen_m,
        p.unseen_m,
        p.unseen_before_first_seen_m,
        p.unseen_before_first_seen_s,
        match (&p.first_seen_by, p.first_seen_to_asset_s) {
            (Some(c), Some(t)) => format!("{c} sees it, then {t:.1} s to the asset"),
            _ => "the asset: no camera sees it on the way".to_string(),
        }
    );
    // Legs and connections in the order walked.
    for (k, leg) in p.legs.iter().enumerate() {
        let mut line = format!(
            "  on {} ({}): {:.1} m from {:.1} s, seen {:.1} m",
            leg.level_name, leg.level, leg.length_m, leg.start_s, leg.seen_m
        );
        if !leg.openings.is_empty() {
            let through: Vec<String> = leg
                .openings
                .iter()
                .map(|o| format!("{} ({:.0} s)", o.opening, o.delay.mean_s))
                .collect();
            let _ = write!(line, "; through {}", through.join(", "));
        }
        let _ = writeln!(s, "{line}");
        for c in p.connections.iter().filter(|c| c.after_leg == k) {
            let _ = writeln!(
                s,
                "  then {} {} from {} to {}: {:.1} m, {:.1} s",
                c.kind.name(),
                c.connection,
                c.from_level,
                c.to_level,
                c.length_m,
                c.duration_s
            );
        }
    }
    if let Some(pi) = p.p_interruption {
        let _ = writeln!(s, "  probability of interruption P(I) = {pi:.3}");
    }
}

/// The routes across levels as text.
pub fn render_site_route(r: &SiteRouteReport) -> String {
    let mut s = String::new();
    let grids: Vec<String> = r
        .walk_grids
        .iter()
        .map(|g| format!("{} {:.2} m", g.level, g.resolution_m))
        .collect();
    let _ = writeln!(
        s,
        "Routes from {} (level {}) to {} (level {}) across levels (walk grids: {})",
        r.from,
        r.from_level,
        r.to,
        r.to_level,
        grids.join(", ")
    );
    site_path(&mut s, "Least watched route", &r.least_watched);
    site_path(&mut s, "Fastest route", &r.fastest);
    if let Some(m) = &r.most_vulnerable {
        site_path(
            &mut s,
            &format!("Most vulnerable route (the {})", m.name),
            m,
        );
        if let Some(c) = &m.critical_point {
            let inside = c
                .in_connection
                .as_ref()
                .map_or(String::new(), |id| format!(" (inside {id})"));
            let _ = writeln!(
                s,
                "  critical detection point: ({:.2}, {:.2}) on {}{inside}, {:.1} m along, at {:.1} s: later detections come too late on average",
                c.point.at.x, c.point.at.y, c.level, c.point.at_m, c.point.time_s
            );
        }
        if let Some(e) = &m.first_detecting_element {
            let _ = writeln!(s, "  first detecting element: {e}");
        }
        for d in &m.detections {
            detection(&mut s, &d.detection, &format!("[{}] ", d.level));
        }
    }
    let from = r.most_vulnerable.as_ref().and_then(|m| m.p_interruption);
    change_and_assumptions(&mut s, r.best_change.as_ref(), from, &r.assumptions);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::route::{Change, DetectionPoint};
    use crate::geometry::Point;

    fn path(name: &str) -> PathReport {
        PathReport {
            name: name.to_string(),
            points: vec![Point::new(0.0, 0.0), Point::new(10.0, 0.0)],
            length_m: 10.0,
            time_to_asset_s: 10.0,
            total_time_s: 10.0,
            seen_m: 0.0,
            unseen_m: 10.0,
            unseen_before_first_seen_m: 10.0,
            unseen_before_first_seen_s: 10.0,
            first_seen_by: None,
            first_seen_to_asset_s: None,
            seen_stretches: Vec::new(),
            openings: Vec::new(),
            detections: Vec::new(),
            first_detecting_element: None,
            p_interruption: None,
            critical_point: None,
        }
    }

    #[test]
    fn unknown_probabilities_print_as_unknown_not_zero() {
        let mut vulnerable = path("least detected");
        vulnerable.detections.push(DetectionPoint {
            element: "cam".to_string(),
            kind: "camera (live)".to_string(),
            p_detect: 0.5,
            at: Point::new(5.0, 0.0),
            time_s: 5.0,
            remaining_s: 5.0,
            p_first: None,
            p_in_time: None,
        });
        let report = RouteReport {
            from: "door".to_string(),
            to: "case".to_string(),
            resolution_m: 0.25,
            region: None,
            method: String::new(),
            least_watched: path("least watched"),
            fastest: path("fastest"),
            most_vulnerable: Some(vulnerable),
            candidates: Vec::new(),
            best_change: Some(Change {
                description: "watch cam live".to_string(),
                p_interruption: 0.4,
            }),
            changes: Vec::new(),
            assumptions: Vec::new(),
        };
        let text = render_route(&report);
        assert!(!text.contains("0.000"), "{text}");
        assert!(text.contains("first —, response in time —"), "{text}");
        assert!(text.contains("lowest P(I) — -> 0.400"), "{text}");
        // Known ones print as numbers.
        let mut known = report.clone();
        let m = known.most_vulnerable.as_mut().unwrap();
        m.p_interruption = Some(0.25);
        m.detections[0].p_first = Some(0.5);
        m.detections[0].p_in_time = Some(0.125);
        let text = render_route(&known);
        assert!(
            text.contains("first 0.500, response in time 0.125"),
            "{text}"
        );
        assert!(text.contains("lowest P(I) 0.250 -> 0.400"), "{text}");
    }
}
