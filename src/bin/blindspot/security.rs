//! `blindspot audit` and `blindspot route`: the security analysis of a
//! scenario file, as text or JSON (docs/security.md, docs/cli.md).

use super::{Failure, Outcome, display_name, read_scenario, with_layout};
use blindspot::analysis::route::DEFAULT_RESOLUTION_M;
use blindspot::analysis::route::{SiteStart, site_route};
use blindspot::analysis::text::{render_audit, render_route, render_site_route};
use blindspot::analysis::{RouteError, RouteOptions, Start, audit, route};
use blindspot::geometry::Point;
use blindspot::session::Session;
use blindspot::site::Site;

/// Exit status of `route` when no way on foot reaches the zone.
pub const NO_ROUTE: u8 = 3;

/// Loads the file's main layout, or its option `option`.
fn session(file: &str, option: Option<&str>) -> Result<Session, Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    session_of(scenario, warnings, file, option)
}

/// [`session`] of a file already read.
fn session_of(
    scenario: blindspot::scenario::Scenario,
    warnings: blindspot::scenario::Problems,
    file: &str,
    option: Option<&str>,
) -> Result<Session, Failure> {
    super::one_level(&scenario, file, "audit / route")?;
    let scenario = with_layout(scenario, option, file)?;
    Session::new(scenario, warnings)
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))
}

fn json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("analyses serialise");
    s.push('\n');
    s
}

/// `blindspot audit FILE`: a file of several levels is audited level by level
/// (each level's openings, balconies included) with the site's counts.
pub fn audit_command(file: &str, json_out: bool, option: Option<&str>) -> Result<Outcome, Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    if scenario.has_several_levels() {
        let scenario = with_layout(scenario, option, file)?;
        let site = blindspot::site::Site::new(scenario, warnings)
            .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))?;
        let a = site.audit();
        let out = if json_out {
            json(&a)
        } else {
            let h = &a.headline;
            let mut text = format!(
                "{}: {} levels audited, each on its own\n  openings watched as required: {} of {}\n  zones meeting their required level: {} of {}\n",
                site.scenario().name,
                a.levels.len(),
                h.openings_met,
                h.openings_audited,
                h.zones_met,
                h.zones_required
            );
            for (i, l) in a.levels.iter().enumerate() {
                text.push('\n');
                let title = format!(
                    "Level {} of {}: {} ({})",
                    i + 1,
                    a.levels.len(),
                    l.name,
                    l.id
                );
                text.push_str(&render_audit(&title, &l.audit));
            }
            text
        };
        return Ok((out, None, 0));
    }
    let session = session(file, option)?;
    let a = audit(&session);
    let out = if json_out {
        json(&a)
    } else {
        render_audit(&session.scenario().name, &a)
    };
    Ok((out, None, 0))
}

/// `--from`: "x,y" is a point, anything else an opening's id.
fn start(from: &str) -> Start {
    match super::parse_point(from) {
        Ok([x, y]) => Start::Point(Point::new(x, y)),
        Err(_) => Start::Opening(from.to_string()),
    }
}

/// `--from` on a file of several levels: "LEVEL:x,y" is a point of that
/// level, "x,y" a point of the first level, anything else an opening's id.
fn site_start(site: &Site, from: &str) -> SiteStart {
    if let Some((level, xy)) = from.split_once(':')
        && let Ok([x, y]) = super::parse_point(xy)
    {
        return SiteStart::Point {
            level: level.to_string(),
            at: Point::new(x, y),
        };
    }
    match super::parse_point(from) {
        Ok([x, y]) => SiteStart::Point {
            level: site.scenario().first_level_id().to_string(),
            at: Point::new(x, y),
        },
        Err(_) => SiteStart::Opening(from.to_string()),
    }
}

/// `blindspot route FILE --from OPENING --to ZONE`: on a file of several
/// levels the route runs across them, through the connections.
pub fn route_command(
    file: &str,
    from: &str,
    to: &str,
    json_out: bool,
    resolution: Option<f64>,
    option: Option<&str>,
) -> Result<Outcome, Failure> {
    let options = RouteOptions {
        resolution_m: resolution.unwrap_or(DEFAULT_RESOLUTION_M),
        ..RouteOptions::default()
    };
    let (scenario, warnings) = read_scenario(file)?;
    let result = if scenario.has_several_levels() {
        let scenario = with_layout(scenario, option, file)?;
        let site = Site::new(scenario, warnings)
            .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))?;
        site_route(&site, &site_start(&site, from), to, &options).map(|r| {
            if json_out {
                json(&r)
            } else {
                render_site_route(&r)
            }
        })
    } else {
        let session = session_of(scenario, warnings, file, option)?;
        route(&session, &start(from), to, &options)
            .map(|r| if json_out { json(&r) } else { render_route(&r) })
    };
    match result {
        Ok(out) => Ok((out, None, 0)),
        Err(e @ RouteError::Unreachable(..)) => Ok((
            String::new(),
            Some(format!("{}: {e}\n", display_name(file))),
            NO_ROUTE,
        )),
        Err(e) => Err(Failure::Usage(format!("{}: {e}", display_name(file)))),
    }
}
