//! A site: one [`Session`] per level of a scenario, and the figures of each
//! level and of the whole site.
//!
//! Sight never crosses levels: each level's walls, zones and cameras are a
//! scenario of their own ([`Scenario::level_slice`]), computed alone. The
//! site's totals add the levels' square metres; its percentages come from the
//! summed areas, never from averaging the levels' percentages. The costs are
//! one account over every level's cameras ([`crate::report::costs`] on the
//! whole scenario).

use crate::analysis::MET_FRACTION;
use crate::report::{self, LevelCoverage, Overall, Report, Summary};
use crate::scenario::{Connection, InvalidScenario, Level, OnLevel, Problems, Scenario};
use crate::session::Session;
use serde::Serialize;

mod optimize;
mod parallel;

pub use optimize::{
    CURVE_STEPS, LevelPoint, LevelShare, SiteCurvePoint, SiteOptimizeError, SiteProgress,
    SiteProgressFn, SiteProposal,
};

/// Every level of a scenario, each prepared and computed on its own.
#[derive(Debug)]
pub struct Site {
    scenario: Scenario,
    warnings: Problems,
    levels: Vec<Level>,
    sessions: Vec<Session>,
}

/// A level's (or the site's) headline figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    #[serde(flatten)]
    pub overall: Overall,
    pub cameras: usize,
    /// Zones seen at their required level (at least
    /// [`MET_FRACTION`] of them), of the zones that have one.
    pub zones_meeting: usize,
    pub zones_with_requirement: usize,
}

/// A headline reads as its overall figures too (`headline.coverage`).
impl std::ops::Deref for Headline {
    type Target = Overall;
    fn deref(&self) -> &Overall {
        &self.overall
    }
}

/// One level's figures: its headline and its full report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelReport {
    pub id: String,
    pub name: String,
    pub elevation_m: f64,
    pub headline: Headline,
    pub report: Report,
}

/// The report of a site of several levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteReport {
    pub name: String,
    /// Bottom to top.
    pub levels: Vec<LevelReport>,
    /// The whole site: areas summed over the levels, one cost account.
    pub site: Headline,
    pub connections: Vec<Connection>,
    /// Repairs made while reading the file.
    pub warnings: Vec<String>,
}

/// One level's security audit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelAudit {
    pub id: String,
    pub name: String,
    pub audit: crate::analysis::Audit,
}

/// The security audit of every level: each level's openings (balconies,
/// windows and doors of every floor and of the site) and zones, and the site's
/// counts summed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteAudit {
    pub levels: Vec<LevelAudit>,
    pub headline: crate::analysis::Headline,
    /// Target area seen by 0, 1, 2 and 3 or more cameras over the site, m².
    pub seen_by_m2: [f64; 4],
}

impl Site {
    /// Audits every level on its own (sight never crosses levels) and sums
    /// the counts: openings watched as required of those audited, zones
    /// meeting their required level of those with one.
    pub fn audit(&self) -> SiteAudit {
        let sizes = self.sizes();
        let audits =
            parallel::map_largest_first(self.sessions.iter().collect(), &sizes, |session| {
                crate::analysis::audit(session)
            });
        let levels: Vec<LevelAudit> = self
            .levels
            .iter()
            .zip(audits)
            .map(|(l, audit)| LevelAudit {
                id: l.id.clone(),
                name: l.name.clone(),
                audit,
            })
            .collect();
        let sum = |f: &dyn Fn(&crate::analysis::Headline) -> usize| {
            levels.iter().map(|l| f(&l.audit.headline)).sum::<usize>()
        };
        let headline = crate::analysis::Headline {
            zones_met: sum(&|h| h.zones_met),
            zones_required: sum(&|h| h.zones_required),
            openings_met: sum(&|h| h.openings_met),
            openings_audited: sum(&|h| h.openings_audited),
        };
        let mut seen_by_m2 = [0.0; 4];
        for l in &levels {
            for (total, a) in seen_by_m2.iter_mut().zip(l.audit.seen_by_m2) {
                *total += a;
            }
        }
        SiteAudit {
            levels,
            headline,
            seen_by_m2,
        }
    }

    /// Prepares and computes every level of a validated scenario.
    ///
    /// # Errors
    /// A level's walls the core cannot prepare (as [`Session::new`]): the
    /// problem names the wall at its place in the file and the level.
    ///
    /// # Performance
    /// Natively the levels are prepared and computed on the machine's cores,
    /// the largest first (they are independent); in wasm one after the other.
    pub fn new(scenario: Scenario, warnings: Problems) -> Result<Site, InvalidScenario> {
        let levels = scenario.levels();
        let mut slices = Vec::with_capacity(levels.len());
        for level in &levels {
            let Some(slice) = scenario.level_slice(&level.id) else {
                // levels() lists the scenario's own levels: never reached.
                let mut problems = Problems::default();
                problems.error("levels", format!("no level \"{}\" to slice", level.id));
                return Err(InvalidScenario { problems });
            };
            slices.push(slice);
        }
        let sizes: Vec<usize> = slices.iter().map(level_size).collect();
        let sessions = parallel::map_largest_first(slices, &sizes, |slice| {
            Session::new(slice, Problems::default())
        });
        let sessions = sessions
            .into_iter()
            .zip(&levels)
            .map(|(s, level)| s.map_err(|e| in_file(&scenario, &level.id, e)))
            .collect::<Result<Vec<Session>, InvalidScenario>>()?;
        Ok(Site {
            scenario,
            warnings,
            levels,
            sessions,
        })
    }

    /// Recomputes every level's views and coverage (the plans stay prepared).
    pub fn recompute(&mut self) {
        let sizes = self.sizes();
        parallel::map_largest_first(self.sessions.iter_mut().collect(), &sizes, |s| {
            s.recompute()
        });
    }

    /// Each level's size, to start the largest first.
    fn sizes(&self) -> Vec<usize> {
        self.sessions
            .iter()
            .map(|s| level_size(s.scenario()))
            .collect()
    }

    /// The whole scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The levels, bottom to top (one implicit level for a file without them).
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// Each level's session, in the order of [`Site::levels`].
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// The session of level `id`.
    pub fn session(&self, id: &str) -> Option<&Session> {
        let i = self.levels.iter().position(|l| l.id == id)?;
        Some(&self.sessions[i])
    }

    /// Each level's headline and the site's, without polygons (cheap).
    pub fn headlines(&self) -> (Vec<Headline>, Headline) {
        let sizes = self.sizes();
        let summaries: Vec<Summary> =
            parallel::map_largest_first(self.sessions.iter().collect(), &sizes, Session::summary);
        let levels = summaries.iter().map(headline).collect();
        (levels, self.site_headline(&summaries))
    }

    /// Every level's full report and the site's totals.
    pub fn report(&self) -> SiteReport {
        let sizes = self.sizes();
        let reports: Vec<Report> =
            parallel::map_largest_first(self.sessions.iter().collect(), &sizes, Session::report);
        let summaries: Vec<&Summary> = reports.iter().map(|r| &r.summary).collect();
        let site = self.site_headline_of(&summaries);
        SiteReport {
            name: self.scenario.name.clone(),
            levels: self
                .levels
                .iter()
                .zip(reports)
                .map(|(l, report)| LevelReport {
                    id: l.id.clone(),
                    name: l.name.clone(),
                    elevation_m: l.elevation_m,
                    headline: headline(&report.summary),
                    report,
                })
                .collect(),
            site,
            connections: self.scenario.connections.clone(),
            warnings: self.warnings.list.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn site_headline(&self, summaries: &[Summary]) -> Headline {
        self.site_headline_of(&summaries.iter().collect::<Vec<_>>())
    }

    /// Sums of the levels' areas; ratios of the sums.
    fn site_headline_of(&self, summaries: &[&Summary]) -> Headline {
        sum_headlines(
            summaries,
            &self.scenario.settings.levels_densest_first(),
            report::costs(&self.scenario),
        )
    }
}

/// A level's headline from its summary (the page's `SiteFigures` uses it for
/// each level's scene).
pub fn level_headline(s: &Summary) -> Headline {
    headline(s)
}

/// The site's headline from its levels' summaries (bottom to top), the density
/// levels densest first, and the one cost account of the whole site: areas
/// summed over the levels, percentages from the summed areas. The one place
/// the site's figures are added up ([`Site::headlines`], [`Site::report`] and
/// the page's `SiteFigures` all use it).
pub fn sum_headlines(
    summaries: &[&Summary],
    density: &[crate::scenario::DensityLevel],
    costs: report::Costs,
) -> Headline {
    let sum = |f: &dyn Fn(&Summary) -> f64| summaries.iter().map(|s| f(s)).sum::<f64>();
    let target = sum(&|s| s.target_area_m2);
    let covered = sum(&|s| s.covered_area_m2);
    let zones = || summaries.iter().flat_map(|s| s.zones.iter());
    let weighted_num: f64 = zones()
        .map(|z| z.priority * z.required_coverage * z.area_m2)
        .sum();
    let weighted_den: f64 = zones().map(|z| z.priority * z.area_m2).sum();
    let levels = density
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let a = sum(&|s| s.levels[i].covered_area_m2);
            LevelCoverage {
                name: d.name.clone(),
                px_per_m: d.px_per_m,
                covered_area_m2: a,
                coverage: ratio(a, target),
            }
        })
        .collect();
    let (meeting, with) = summaries
        .iter()
        .map(|s| zones_meeting(s))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    Headline {
        overall: Overall {
            target_area_m2: target,
            covered_area_m2: covered,
            coverage: ratio(covered, target),
            weighted_coverage: ratio(weighted_num, weighted_den),
            multi_covered_area_m2: sum(&|s| s.multi_covered_area_m2),
            blind_area_m2: sum(&|s| s.blind_area_m2),
            levels,
            costs,
        },
        cameras: summaries.iter().map(|s| s.cameras.len()).sum(),
        zones_meeting: meeting,
        zones_with_requirement: with,
    }
}

/// How much work a level is, roughly: its wall segments and cameras (each
/// camera's view costs about what a few hundred segments' preparation does).
fn level_size(s: &Scenario) -> usize {
    let segments: usize = s
        .plan
        .walls
        .iter()
        .map(|w| w.path.len().saturating_sub(1))
        .sum();
    segments + 100 * s.cameras.len()
}

/// A level's headline from its summary.
fn headline(s: &Summary) -> Headline {
    let (meeting, with) = zones_meeting(s);
    Headline {
        overall: s.overall.clone(),
        cameras: s.cameras.len(),
        zones_meeting: meeting,
        zones_with_requirement: with,
    }
}

/// Zones meeting their required level, of those that have one.
fn zones_meeting(s: &Summary) -> (usize, usize) {
    let with = s.zones.iter().filter(|z| z.required_level.is_some());
    let meeting = with
        .clone()
        .filter(|z| z.required_coverage >= MET_FRACTION)
        .count();
    (meeting, with.count())
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A level's preparation problem with the places of the file (`plan.walls[k]`
/// of the slice is the k-th wall on that level) and the level named.
pub(crate) fn in_file(scenario: &Scenario, level: &str, mut e: InvalidScenario) -> InvalidScenario {
    let walls: Vec<usize> = indices_on(scenario, &scenario.plan.walls, level);
    let zones: Vec<usize> = indices_on(scenario, &scenario.plan.zones, level);
    for p in &mut e.problems.list {
        for (prefix, indices) in [("plan.walls[", &walls), ("plan.zones[", &zones)] {
            if let Some(rest) = p.path.strip_prefix(prefix)
                && let Some((k, tail)) = rest.split_once(']')
                && let Some(&i) = k.parse::<usize>().ok().and_then(|k| indices.get(k))
            {
                p.path = format!("{prefix}{i}]{tail}");
            }
        }
        p.message = format!("on level \"{level}\": {}", p.message);
    }
    e
}

fn indices_on<T: OnLevel>(scenario: &Scenario, items: &[T], level: &str) -> Vec<usize> {
    (0..items.len())
        .filter(|&i| scenario.is_on(&items[i], level))
        .collect()
}
