//! `blindspot`: reports coverage of a scenario file, validates it, or generates
//! large synthetic plans.
//!
//! Exit status: 0 on success, 1 for invalid input (a bad scenario file), 2 for
//! bad usage (unknown command or flag, unreadable file), 3 when `route` finds
//! no way on foot.

use blindspot::generator::{GeneratorOptions, generate_site, wall_segment_count};
use blindspot::geometry::Point;
use blindspot::optimize::candidates::Placement;
use blindspot::optimize::{Existing, Goal, Phase, Progress, Request, Workspace};
use blindspot::report::{render_site_text, render_text};
use blindspot::scenario::{InvalidScenario, Scenario};
use blindspot::session::Session;
use blindspot::site::Site;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

// In a folder of its own: a file directly in src/bin/ would be taken for a binary.
#[path = "blindspot/documents.rs"]
mod documents;
#[path = "blindspot/exchange.rs"]
mod exchange;
#[path = "blindspot/security.rs"]
mod security;

#[derive(Parser, Debug)]
#[command(
    name = "blindspot",
    version,
    about = "CCTV coverage planner: exact camera views, coverage and blind spots of a floorplan",
    after_help = "FILE may be - for standard input. Exit status: 0 success, 1 invalid input, 2 bad usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Computes coverage and blind spots of a scenario and prints the report,
    /// or writes the board's documents (HTML report, SVG plan, CSV tables);
    /// over many files or folders, one report per site and a summary.
    Report {
        /// Scenario files (JSON), folders of them (searched for *.json), or -
        /// for standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Report one of the file's other layouts (`options`), by name or by
        /// index from 0, instead of the main one.
        #[arg(long)]
        option: Option<String>,
        /// Where to write: a file for one site (standard output when absent), a
        /// folder for CSV tables or for many sites.
        #[arg(short, long)]
        output: Option<String>,
        /// The report's date, YYYY-MM-DD (default: the file's
        /// settings.report.date, else today).
        #[arg(long)]
        date: Option<String>,
        /// CSV: only this table (zones, cameras, bill-of-materials).
        #[arg(long)]
        table: Option<String>,
        /// Sites reported at once in a batch (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// The security audit: every exterior opening (who sees it, how much of
    /// it, at what density, from which side), zones short of their required
    /// level, what each camera's failure costs, the cameras per place.
    Audit {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Audit one of the file's other layouts (`options`), by name or index.
        #[arg(long)]
        option: Option<String>,
    },
    /// The least-watched and fastest routes on foot from an opening (or a
    /// point x,y) to a zone, and the most vulnerable one with its probability
    /// of interruption (EASI) and the single change that raises it most.
    Route {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        /// An exterior opening's id (the route starts outside it), or x,y; on a
        /// file of several levels also LEVEL:x,y (a point of that level; x,y is
        /// on the first level).
        #[arg(long, allow_hyphen_values = true)]
        from: String,
        /// The zone to reach (an asset).
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Cell size of the walk grid, metres (default 0.25; coarser on very
        /// large plans, as the report says).
        #[arg(long)]
        resolution: Option<f64>,
        /// Route one of the file's other layouts (`options`), by name or index.
        #[arg(long)]
        option: Option<String>,
    },
    /// Checks a scenario and lists every problem found.
    Validate {
        /// Scenario file (JSON), or - for standard input.
        file: String,
    },
    /// Proposes a camera layout for a goal and writes it as a scenario.
    #[command(group(clap::ArgGroup::new("goal").required(true).args(["budget", "target_coverage", "cameras"])))]
    Optimize {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        /// Best weighted coverage within this total cost (the scenario's currency).
        #[arg(long)]
        budget: Option<f64>,
        /// Cheapest layout reaching this weighted coverage (0..1).
        #[arg(long)]
        target_coverage: Option<f64>,
        /// Best layout of this many new cameras.
        #[arg(long)]
        cameras: Option<usize>,
        /// Keep the existing cameras and add to them (same as --existing keep).
        #[arg(long)]
        keep_existing: bool,
        /// What happens to the existing cameras: keep (as they are), move
        /// (moved or re-aimed, never removed), movable (moved or removed) or
        /// remove (default: design from scratch).
        #[arg(long, value_enum)]
        existing: Option<ExistingArg>,
        /// Catalogue models allowed, comma separated (default: all).
        #[arg(long, value_delimiter = ',')]
        models: Vec<String>,
        /// Only place cameras at these points (x,y), repeatable.
        #[arg(long = "mark", value_parser = parse_point)]
        marks: Vec<[f64; 2]>,
        /// Minimum distance between cameras, metres.
        #[arg(long, default_value_t = 1.0)]
        spacing: f64,
        /// Mounting height of new cameras, metres.
        #[arg(long, default_value_t = 3.0)]
        height: f64,
        /// Most candidates to consider.
        #[arg(long, default_value_t = 2500)]
        max_candidates: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the proposed scenario.
        #[arg(short, long)]
        output: String,
    },
    /// Prints the cost-versus-coverage curve: the best weighted coverage found
    /// for budgets from zero to the maximum.
    Curve {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        #[arg(long)]
        max_budget: f64,
        #[arg(long, value_enum, default_value_t = CurveFormat::Csv)]
        format: CurveFormat,
        /// Budgets on the curve.
        #[arg(long, default_value_t = 20)]
        steps: usize,
        /// Budgets refined with the full optimiser.
        #[arg(long, default_value_t = 4)]
        refine: usize,
        /// What happens to the existing cameras (default keep).
        #[arg(long, value_enum, default_value_t = ExistingArg::Keep)]
        existing: ExistingArg,
        #[arg(long, default_value_t = 2500)]
        max_candidates: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Imports a DXF, SVG or GeoJSON drawing as a scenario: prints its layers
    /// with their roles (guessed from their names unless --layers says) and a
    /// count per layer, what was built and cleaned up, and writes it with -o.
    Import {
        /// Drawing file (.dxf, .svg, .geojson or .json), or - for standard
        /// input; several files make one level each, bottom to top in the
        /// order given, named after their files.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
        /// DXF: paper-space layouts or blocks inserted as floors become
        /// levels (auto: layouts when the model is empty, level-named blocks
        /// when they hold the drawing; none: the model as one plan).
        #[arg(long, value_enum, default_value_t = LevelsArg::Auto)]
        levels: LevelsArg,
        /// Which layers are what: role=LAYER,... with roles wall, door, window,
        /// glass, railing, zone (room), exterior, asset, label, ignore; a role
        /// may take several layers, and LAYER* matches a prefix. Layers not
        /// named are ignored. Default: guessed from the layer names.
        #[arg(long)]
        layers: Option<String>,
        /// The drawing's unit, overriding the file's (m, cm, mm, dm, km, in, ft, yd, px).
        #[arg(long)]
        units: Option<String>,
        /// Metres per drawing unit (0.05 for an SVG drawn at 1:50 in mm), overriding --units.
        #[arg(long)]
        scale: Option<f64>,
        /// The file's format, when its name does not say.
        #[arg(long, value_enum)]
        format: Option<ImportFormat>,
        /// Doors found in door layers are open (sight passes) instead of closed.
        #[arg(long)]
        open_doors: bool,
        /// GeoJSON in longitude/latitude: the plan origin and rotation,
        /// LON,LAT[,ROTATION] (default: the file's own, else its centre).
        #[arg(long)]
        georef: Option<String>,
        /// GeoJSON: read coordinates as lonlat or metres whatever the file says.
        #[arg(long, value_enum)]
        coordinates: Option<Coordinates>,
        /// Where to write the scenario; without it nothing is written.
        #[arg(short, long)]
        output: Option<String>,
    },
    /// Exports a scenario's walls, zones, cameras, views and blind spots as
    /// GeoJSON: WGS84 when the plan is georeferenced, plan metres otherwise.
    Export {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Geojson)]
        format: ExportFormat,
        /// Export one of the file's other layouts (`options`), by name or index.
        #[arg(long)]
        option: Option<String>,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<String>,
    },
    /// Generates a synthetic museum plan (galleries, doorways, pillars, display
    /// cases, cameras), deterministic from the seed.
    Generate {
        /// Number of wall segments wanted.
        #[arg(long, default_value_t = 10_000)]
        walls: usize,
        /// Number of cameras.
        #[arg(long, default_value_t = 300)]
        cameras: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Levels: 1 (default) is one plan; 2 or more is a site level (the
        /// approach and a quay) and floors of galleries joined by stairs and
        /// lifts, the walls and cameras spread over them.
        #[arg(long, default_value_t = 1)]
        levels: usize,
        /// Flat cameras (field of view and range only, no height, resolution
        /// or prices), as in the format's first version.
        #[arg(long)]
        flat: bool,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<String>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    /// The report for the board: one standalone HTML file, printable on A4.
    Html,
    /// The plan drawing at a stated scale, A4 landscape.
    Svg,
    /// The zones, camera schedule and bill of materials tables.
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LevelsArg {
    Auto,
    None,
    Layouts,
    Blocks,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    Dxf,
    Svg,
    Geojson,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Coordinates {
    Lonlat,
    Metres,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Geojson,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum CurveFormat {
    Csv,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExistingArg {
    Keep,
    Move,
    Movable,
    Remove,
}

impl From<ExistingArg> for Existing {
    fn from(e: ExistingArg) -> Existing {
        match e {
            ExistingArg::Keep => Existing::Keep,
            ExistingArg::Move => Existing::Move,
            ExistingArg::Movable => Existing::Movable,
            ExistingArg::Remove => Existing::Remove,
        }
    }
}

fn parse_point(text: &str) -> Result<[f64; 2], String> {
    let (x, y) = text
        .split_once(',')
        .ok_or_else(|| format!("expected x,y, found \"{text}\""))?;
    let x: f64 = x.trim().parse().map_err(|e| format!("{x}: {e}"))?;
    let y: f64 = y.trim().parse().map_err(|e| format!("{y}: {e}"))?;
    Ok([x, y])
}

/// Reads and validates a scenario file; invalid files fail with every error.
fn read_scenario(file: &str) -> Result<(Scenario, blindspot::scenario::Problems), Failure> {
    let text = read_input(file)?;
    Scenario::from_json(&text).map_err(|e| {
        let mut msg = String::new();
        for p in e.problems.errors() {
            msg.push_str(&format!("{}: {p}\n", display_name(file)));
        }
        Failure::Invalid(msg)
    })
}

/// Refuses a file with several levels for a command that works on one plan,
/// with the core's refusal ([`blindspot::session::one_plan`]: the levels and
/// what works across them) after the file and the command; exit status 2 (the
/// file is valid, the command does not take it).
fn one_level(scenario: &Scenario, file: &str, command: &str) -> Result<(), Failure> {
    blindspot::session::one_plan(scenario).map_err(|e| {
        let reasons: Vec<String> = e.problems.errors().map(|p| p.message.clone()).collect();
        Failure::Usage(format!(
            "{}: `blindspot {command}`: {}",
            display_name(file),
            reasons.join("; ")
        ))
    })
}

fn load_session(file: &str, command: &str) -> Result<Session, Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    one_level(&scenario, file, command)?;
    Session::new(scenario, warnings)
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))
}

/// Times the optimiser's phases from its progress reports (the core has no
/// clock).
struct PhaseClock {
    current: Option<(Phase, Instant)>,
    spent: Vec<(Phase, f64)>,
}

impl PhaseClock {
    fn new() -> Self {
        PhaseClock {
            current: None,
            spent: Vec::new(),
        }
    }

    fn tick(&mut self, p: Progress) -> bool {
        let now = Instant::now();
        match self.current {
            Some((phase, _)) if phase == p.phase => {}
            Some((phase, since)) => {
                self.add(phase, now.duration_since(since).as_secs_f64());
                self.current = Some((p.phase, now));
            }
            None => self.current = Some((p.phase, now)),
        }
        true
    }

    fn add(&mut self, phase: Phase, secs: f64) {
        match self.spent.iter_mut().find(|(p, _)| *p == phase) {
            Some(entry) => entry.1 += secs,
            None => self.spent.push((phase, secs)),
        }
    }

    fn ms(&self, phase: Phase) -> f64 {
        self.spent
            .iter()
            .filter(|(p, _)| *p == phase)
            .map(|(_, s)| s * 1000.0)
            .sum()
    }
}

#[allow(clippy::too_many_arguments)]
fn optimize(
    file: &str,
    goal: Goal,
    existing: Existing,
    models: Vec<String>,
    marks: Vec<[f64; 2]>,
    spacing: f64,
    height: f64,
    max_candidates: usize,
    seed: u64,
    output: &str,
) -> Result<String, Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    for m in &models {
        if !scenario.catalog.iter().any(|c| &c.id == m) {
            return Err(Failure::Usage(format!(
                "--models: the catalogue has no model \"{m}\""
            )));
        }
    }
    let request = Request {
        goal,
        models,
        existing,
        placement: Placement {
            marked: marks.iter().map(|&[x, y]| Point::new(x, y)).collect(),
            height_m: height,
            ..Placement::default()
        },
        min_spacing_m: spacing,
        seed,
        max_candidates,
        ..Request::default()
    };
    if scenario.has_several_levels() {
        let Goal::Budget(budget) = goal else {
            return Err(Failure::Usage(format!(
                "{}: the file has {} levels: optimising across levels takes --budget (one budget for the whole site) so far",
                display_name(file),
                scenario.levels.len()
            )));
        };
        return optimize_site(file, scenario, warnings, &request, budget, output);
    }
    let session = Session::new(scenario, warnings)
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))?;
    let scenario = session.scenario();
    let start = Instant::now();
    let mut clock = PhaseClock::new();
    let workspace = Workspace::new(&session, &request, &mut |p| clock.tick(p))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let proposal = workspace
        .optimize(goal, &mut |p| clock.tick(p))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    clock.tick(Progress {
        phase: Phase::Done,
        done: 1,
        total: 1,
    });
    let total_ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut out_scenario = scenario.clone();
    out_scenario.cameras = proposal.cameras.clone();
    out_scenario.name = format!(
        "{} - optimised ({})",
        if scenario.name.is_empty() {
            "scenario"
        } else {
            &scenario.name
        },
        describe_goal(goal, &scenario.settings.currency)
    );
    std::fs::write(output, out_scenario.to_json() + "\n")
        .map_err(|e| Failure::Usage(format!("cannot write {output}: {e}")))?;
    // The exact figures of the proposed layout.
    let exact = Session::new(out_scenario, Default::default())
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))?
        .summary();
    let mut text = String::new();
    text.push_str(&format!(
        "goal: {}\n",
        describe_goal(goal, &scenario.settings.currency)
    ));
    text.push_str(&format!(
        "proposal: {} camera(s) ({} new, {} moved, {} removed), cost {:.0} {}\n",
        proposal.cameras.len(),
        proposal.added.len(),
        proposal.moved.len(),
        proposal.removed.len(),
        proposal.cost,
        scenario.settings.currency
    ));
    text.push_str(&format!(
        "weighted coverage: {:.1}% exact ({:.1}% estimated on {} samples of {:.2} m), coverage {:.1}%\n",
        exact.weighted_coverage * 100.0,
        proposal.estimated_coverage * 100.0,
        proposal.stats.samples,
        proposal.stats.sample_step_m,
        exact.coverage * 100.0
    ));
    if let Goal::TargetCoverage(t) = goal
        && !proposal.target_reached
    {
        text.push_str(&format!(
            "target {:.1}% NOT reached with the candidates available\n",
            t * 100.0
        ));
    }
    text.push_str(&format!(
        "bound: no layout within the same limit exceeds {:.1}% (estimated); this one is {:.1}% of that; worst-case guarantee {:.3}\n",
        proposal.upper_bound * 100.0,
        if proposal.upper_bound > 0.0 { proposal.estimated_coverage / proposal.upper_bound * 100.0 } else { 100.0 },
        proposal.guarantee
    ));
    text.push_str(&format!(
        "effort: {} candidates, {} greedy and {} local-search evaluations; greedy alone {:.1}%\n",
        proposal.stats.candidates,
        proposal.stats.greedy_evaluations,
        proposal.stats.local_search_evaluations,
        proposal.stats.greedy_coverage * 100.0
    ));
    text.push_str(&format!(
        "time: {:.0} ms = sampling {:.0} + candidate views {:.0} + selection {:.0} + local search {:.0}\n",
        total_ms,
        clock.ms(Phase::Sampling),
        clock.ms(Phase::CandidateViews),
        clock.ms(Phase::Selection),
        clock.ms(Phase::LocalSearch)
    ));
    for w in &proposal.warnings {
        text.push_str(&format!("warning: {w}\n"));
    }
    text.push_str(&format!("written: {output}\n"));
    Ok(text)
}

/// `optimize --budget` on a file of several levels: one budget for the site,
/// split over the levels where it buys the most (`Site::optimize_budget`).
fn optimize_site(
    file: &str,
    scenario: Scenario,
    warnings: blindspot::scenario::Problems,
    request: &Request,
    budget: f64,
    output: &str,
) -> Result<String, Failure> {
    let invalid = |e: InvalidScenario| Failure::Invalid(format!("{}: {e}\n", display_name(file)));
    let start = Instant::now();
    let site = Site::new(scenario, warnings).map_err(invalid)?;
    let proposal = site
        .optimize_budget(request, budget, &mut |_| true)
        .map_err(|e| Failure::Usage(format!("{}: {e}", display_name(file))))?;
    let total_ms = start.elapsed().as_secs_f64() * 1000.0;
    let scenario = site.scenario();
    let currency = &scenario.settings.currency;
    let mut out_scenario = scenario.clone();
    out_scenario.cameras = proposal.cameras.clone();
    out_scenario.name = format!(
        "{} - optimised ({})",
        if scenario.name.is_empty() {
            "scenario"
        } else {
            &scenario.name
        },
        describe_goal(Goal::Budget(budget), currency)
    );
    std::fs::write(output, out_scenario.to_json() + "\n")
        .map_err(|e| Failure::Usage(format!("cannot write {output}: {e}")))?;
    // The exact figures of the proposed layout, level by level.
    let exact = Site::new(out_scenario, Default::default()).map_err(invalid)?;
    let (levels, whole) = exact.headlines();
    let mut text = format!(
        "goal: {} over {} levels\n",
        describe_goal(Goal::Budget(budget), currency),
        levels.len()
    );
    for ((share, level), h) in proposal.levels.iter().zip(exact.levels()).zip(&levels) {
        let p = &share.proposal;
        text.push_str(&format!(
            "  {}: share {:.0}, {} camera(s) ({} new, {} moved, {} removed), cost {:.0} {currency}, weighted coverage {:.1}% exact ({:.1}% estimated)\n",
            level.name,
            share.budget,
            p.cameras.len(),
            p.added.len(),
            p.moved.len(),
            p.removed.len(),
            p.cost,
            h.weighted_coverage * 100.0,
            p.estimated_coverage * 100.0
        ));
        for w in &p.warnings {
            text.push_str(&format!("    warning: {w}\n"));
        }
    }
    text.push_str(&format!(
        "site: {} camera(s), cost {:.0} {currency} of {budget:.0}, weighted coverage {:.1}% exact ({:.1}% estimated), coverage {:.1}%\n",
        proposal.cameras.len(),
        proposal.cost,
        whole.weighted_coverage * 100.0,
        proposal.estimated_coverage * 100.0,
        whole.coverage * 100.0
    ));
    text.push_str(&format!("time: {total_ms:.0} ms\nwritten: {output}\n"));
    Ok(text)
}

fn describe_goal(goal: Goal, currency: &str) -> String {
    match goal {
        Goal::Budget(b) => format!("best coverage for {b:.0} {currency}"),
        Goal::TargetCoverage(t) => format!(
            "cheapest layout reaching {:.1}% weighted coverage",
            t * 100.0
        ),
        Goal::Cameras(n) => format!("best {n} camera(s)"),
    }
}

#[allow(clippy::too_many_arguments)]
fn curve(
    file: &str,
    max_budget: f64,
    format: CurveFormat,
    steps: usize,
    refine: usize,
    existing: Existing,
    max_candidates: usize,
    seed: u64,
) -> Result<String, Failure> {
    if !(max_budget > 0.0 && max_budget.is_finite()) {
        return Err(Failure::Usage(format!(
            "--max-budget must be a positive amount, found {max_budget}"
        )));
    }
    let session = load_session(file, "curve")?;
    let request = Request {
        existing,
        seed,
        max_candidates,
        ..Request::default()
    };
    let workspace = Workspace::new(&session, &request, &mut |_| true)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let points = workspace
        .curve(max_budget, steps, refine, &mut |_| true)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(match format {
        CurveFormat::Json => {
            serde_json::to_string_pretty(&points).expect("curves serialise") + "\n"
        }
        CurveFormat::Csv => {
            let mut s = String::from("budget,cost,estimated_weighted_coverage,cameras,refined\n");
            for p in &points {
                s.push_str(&format!(
                    "{:.2},{:.2},{:.6},{},{}\n",
                    p.budget,
                    p.cost,
                    p.estimated_coverage,
                    p.cameras.len(),
                    p.refined
                ));
            }
            s
        }
    })
}

/// How a command failed.
enum Failure {
    /// The input was read but is not a valid scenario (exit 1).
    Invalid(String),
    /// The command could not run as asked (exit 2).
    Usage(String),
}

/// The text of a scenario file (or standard input): a file that cannot be
/// read is bad usage (exit 2); one that is not UTF-8 is invalid input (exit
/// 1), with the place of the first bad byte.
fn read_input(file: &str) -> Result<String, Failure> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))?
    };
    blindspot::scenario::json::decode(&bytes)
        .map(str::to_string)
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))
}

fn display_name(file: &str) -> &str {
    if file == "-" { "<stdin>" } else { file }
}

/// The scenario as it is, or its layout `option` (a name, or an index from
/// 0) made the scenario's cameras.
fn with_layout(scenario: Scenario, option: Option<&str>, file: &str) -> Result<Scenario, Failure> {
    let Some(wanted) = option else {
        return Ok(scenario);
    };
    let index = layout_index(&scenario, wanted, file)?;
    Ok(scenario
        .option(index)
        .expect("layout_index gives an index into the options"))
}

/// The index in `scenario.options` of the layout `wanted` (a name, or an
/// index from 0).
fn layout_index(scenario: &Scenario, wanted: &str, file: &str) -> Result<usize, Failure> {
    scenario
        .options
        .iter()
        .position(|o| o.name == wanted)
        .or_else(|| {
            wanted
                .parse::<usize>()
                .ok()
                .filter(|&i| i < scenario.options.len())
        })
        .ok_or_else(|| {
            let names: Vec<&str> = scenario.options.iter().map(|o| o.name.as_str()).collect();
            Failure::Usage(format!(
                "--option: no layout \"{wanted}\" in {} (it has: {})",
                display_name(file),
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
        })
}

fn report(file: &str, format: Format, option: Option<&str>) -> Result<String, Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    let scenario = with_layout(scenario, option, file)?;
    let invalid = |e: InvalidScenario| Failure::Invalid(format!("{}: {e}\n", display_name(file)));
    if scenario.has_several_levels() {
        // Every level on its own and the site's totals.
        let report = Site::new(scenario, warnings).map_err(invalid)?.report();
        return Ok(match format {
            Format::Json => {
                let mut s = serde_json::to_string_pretty(&report).expect("reports serialise");
                s.push('\n');
                s
            }
            _ => render_site_text(&report),
        });
    }
    let session = Session::new(scenario, warnings).map_err(invalid)?;
    let report = session.report();
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report).expect("reports serialise");
            s.push('\n');
            s
        }
        _ => render_text(&report),
    })
}

/// `blindspot report`: one site's text or JSON on standard output as before,
/// the documents of one site, or a batch over many.
fn report_command(
    files: Vec<String>,
    format: Format,
    option: Option<String>,
    output: Option<String>,
    date: Option<String>,
    table: Option<String>,
    jobs: Option<usize>,
) -> Result<Outcome, Failure> {
    if let Some(d) = &date {
        documents::check_date(d)?;
    }
    if table.is_some() && format != Format::Csv {
        return Err(Failure::Usage(
            "--table applies to --format csv only".into(),
        ));
    }
    if jobs == Some(0) {
        return Err(Failure::Usage("--jobs must be at least 1".into()));
    }
    let batch = files.len() > 1 || files.iter().any(|f| std::path::Path::new(f).is_dir());
    if batch {
        let files = documents::collect_files(&files)?;
        let Some(folder) = output else {
            return Err(Failure::Usage(
                "a report over many sites needs -o FOLDER for the reports and summary.csv".into(),
            ));
        };
        let jobs = jobs.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        return documents::batch(
            &files,
            format,
            option.as_deref(),
            &folder,
            date.as_deref(),
            table.as_deref(),
            jobs,
        );
    }
    let file = &files[0];
    match (format, &output) {
        // The text and JSON reports on standard output stay as they were.
        (Format::Text | Format::Json, None) => {
            report(file, format, option.as_deref()).map(|s| (s, None, 0))
        }
        _ => documents::single(
            file,
            format,
            option.as_deref(),
            output.as_deref(),
            date.as_deref(),
            table.as_deref(),
        )
        .map(|(out, note)| (out, note, 0)),
    }
}

/// The problem list goes to standard output (it is the answer); the exit status
/// says whether the file is valid.
fn validate(file: &str) -> Result<(String, u8), Failure> {
    let text = read_input(file)?;
    let name = display_name(file);
    let mut out = String::new();
    match Scenario::from_json(&text) {
        Ok((scenario, warnings)) => {
            for w in &warnings.list {
                out.push_str(&format!("{name}: {w}\n"));
            }
            // A file with levels says how many (a one-level file's line is as before).
            let levels = if scenario.levels.is_empty() {
                String::new()
            } else {
                format!(
                    "{} level(s), {} connection(s), ",
                    scenario.levels.len(),
                    scenario.connections.len()
                )
            };
            out.push_str(&format!(
                "{name}: valid: {levels}{} wall(s), {} zone(s), {} camera(s), {} model(s){}\n",
                scenario.plan.walls.len(),
                scenario.plan.zones.len(),
                scenario.cameras.len(),
                scenario.catalog.len(),
                if warnings.list.is_empty() {
                    String::new()
                } else {
                    format!(", {} warning(s)", warnings.list.len())
                }
            ));
            Ok((out, 0))
        }
        Err(e) => {
            for p in &e.problems.list {
                out.push_str(&format!("{name}: {p}\n"));
            }
            let errors = e.problems.errors().count();
            out.push_str(&format!("{name}: invalid: {errors} error(s)\n"));
            Ok((out, 1))
        }
    }
}

/// What a command printed: standard output, a note for standard error, and
/// the exit status.
type Outcome = (String, Option<String>, u8);

fn run(cli: Cli) -> Result<Outcome, Failure> {
    match cli.command {
        Command::Report {
            files,
            format,
            option,
            output,
            date,
            table,
            jobs,
        } => report_command(files, format, option, output, date, table, jobs),
        Command::Validate { file } => validate(&file).map(|(s, code)| (s, None, code)),
        Command::Audit {
            file,
            format,
            option,
        } => security::audit_command(&file, format == TextOrJson::Json, option.as_deref()),
        Command::Route {
            file,
            from,
            to,
            format,
            resolution,
            option,
        } => security::route_command(
            &file,
            &from,
            &to,
            format == TextOrJson::Json,
            resolution,
            option.as_deref(),
        ),
        Command::Import {
            files,
            levels,
            layers,
            units,
            scale,
            format,
            open_doors,
            georef,
            coordinates,
            output,
        } => exchange::run_import(exchange::ImportArgs {
            files,
            levels: match levels {
                LevelsArg::Auto => blindspot::import::LevelSplit::Auto,
                LevelsArg::None => blindspot::import::LevelSplit::None,
                LevelsArg::Layouts => blindspot::import::LevelSplit::Layouts,
                LevelsArg::Blocks => blindspot::import::LevelSplit::Blocks,
            },
            layers,
            units,
            scale,
            format: format.map(|f| match f {
                ImportFormat::Dxf => blindspot::import::Format::Dxf,
                ImportFormat::Svg => blindspot::import::Format::Svg,
                ImportFormat::Geojson => blindspot::import::Format::GeoJson,
            }),
            open_doors,
            georef,
            coordinates: coordinates.map(|c| c == Coordinates::Lonlat),
            output,
        })
        .map(|s| (s, None, 0)),
        Command::Export {
            file,
            format: ExportFormat::Geojson,
            option,
            output,
        } => exchange::run_export(&file, option.as_deref(), output.as_deref())
            .map(|(s, note)| (s, note, 0)),
        Command::Optimize {
            file,
            budget,
            target_coverage,
            cameras,
            keep_existing,
            existing,
            models,
            marks,
            spacing,
            height,
            max_candidates,
            seed,
            output,
        } => {
            let goal = match (budget, target_coverage, cameras) {
                (Some(b), _, _) => Goal::Budget(b),
                (_, Some(t), _) => Goal::TargetCoverage(t),
                (_, _, Some(n)) => Goal::Cameras(n),
                _ => {
                    return Err(Failure::Usage(
                        "give --budget, --target-coverage or --cameras".into(),
                    ));
                }
            }
            .checked()
            .map_err(|e| Failure::Usage(e.to_string()))?;
            let existing = match (keep_existing, existing) {
                (true, Some(e)) if e != ExistingArg::Keep => {
                    return Err(Failure::Usage(
                        "--keep-existing contradicts --existing".into(),
                    ));
                }
                (true, _) => Existing::Keep,
                (false, Some(e)) => e.into(),
                (false, None) => Existing::Remove,
            };
            optimize(
                &file,
                goal,
                existing,
                models,
                marks,
                spacing,
                height,
                max_candidates,
                seed,
                &output,
            )
            .map(|s| (s, None, 0))
        }
        Command::Curve {
            file,
            max_budget,
            format,
            steps,
            refine,
            existing,
            max_candidates,
            seed,
        } => curve(
            &file,
            max_budget,
            format,
            steps,
            refine,
            existing.into(),
            max_candidates,
            seed,
        )
        .map(|s| (s, None, 0)),
        Command::Generate {
            walls,
            cameras,
            seed,
            levels,
            flat,
            output,
        } => {
            if levels == 0 {
                return Err(Failure::Usage("--levels must be at least 1".into()));
            }
            let scenario = generate_site(
                &GeneratorOptions {
                    wall_segments: walls,
                    cameras,
                    seed,
                    mounted: !flat,
                },
                levels,
            );
            let levels_note = if scenario.levels.is_empty() {
                String::new()
            } else {
                format!(
                    "{} levels, {} connections, ",
                    scenario.levels.len(),
                    scenario.connections.len()
                )
            };
            let note = format!(
                "generated {levels_note}{} wall segments, {} zones, {} cameras\n",
                wall_segment_count(&scenario.plan),
                scenario.plan.zones.len(),
                scenario.cameras.len()
            );
            // Compact: generated plans are large and read by machines.
            let json = serde_json::to_string(&scenario).expect("scenarios serialise") + "\n";
            match output {
                Some(path) => {
                    std::fs::write(&path, json)
                        .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
                    Ok((String::new(), Some(format!("{path}: {note}")), 0))
                }
                None => Ok((json, Some(note), 0)),
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // Help or a usage error; if even that cannot be printed there is
            // nowhere left to say so, and the exit status still tells.
            if e.print().is_err() {
                return ExitCode::from(2);
            }
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok((out, note, code)) => {
            if let Err(e) = std::io::stdout().write_all(out.as_bytes()) {
                eprintln!("blindspot: cannot write the output: {e}");
                return ExitCode::from(2);
            }
            if let Some(note) = note {
                eprint!("{note}");
            }
            ExitCode::from(code)
        }
        Err(Failure::Invalid(msg)) => {
            eprint!("{msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("blindspot: {msg}");
            ExitCode::from(2)
        }
    }
}
