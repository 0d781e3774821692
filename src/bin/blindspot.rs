//! `blindspot`: reports coverage of a scenario file, validates it, or generates
//! large synthetic plans.
//!
//! Exit status: 0 on success, 1 for invalid input (a bad scenario file), 2 for
//! bad usage (unknown command or flag, unreadable file).

use blindspot::generator::{GeneratorOptions, generate, wall_segment_count};
use blindspot::report::render_text;
use blindspot::scenario::{Scenario, Severity};
use blindspot::session::Session;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::process::ExitCode;

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
    /// Computes coverage and blind spots of a scenario and prints the report.
    Report {
        /// Scenario file (JSON), or - for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Checks a scenario and lists every problem found.
    Validate {
        /// Scenario file (JSON), or - for standard input.
        file: String,
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
}

/// How a command failed.
enum Failure {
    /// The input was read but is not a valid scenario (exit 1).
    Invalid(String),
    /// The command could not run as asked (exit 2).
    Usage(String),
}

fn read_input(file: &str) -> Result<String, Failure> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
            .map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))
    }
}

fn display_name(file: &str) -> &str {
    if file == "-" { "<stdin>" } else { file }
}

fn report(file: &str, format: Format) -> Result<String, Failure> {
    let text = read_input(file)?;
    let session = Session::from_json(&text).map_err(|e| {
        let mut msg = String::new();
        for p in e
            .problems
            .list
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            msg.push_str(&format!("{}: {p}\n", display_name(file)));
        }
        Failure::Invalid(msg)
    })?;
    let report = session.report();
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report).expect("reports serialise");
            s.push('\n');
            s
        }
        Format::Text => render_text(&report),
    })
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
            out.push_str(&format!(
                "{name}: valid: {} wall(s), {} zone(s), {} camera(s), {} model(s){}\n",
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
        Command::Report { file, format } => report(&file, format).map(|s| (s, None, 0)),
        Command::Validate { file } => validate(&file).map(|(s, code)| (s, None, code)),
        Command::Generate {
            walls,
            cameras,
            seed,
            flat,
            output,
        } => {
            let scenario = generate(&GeneratorOptions {
                wall_segments: walls,
                cameras,
                seed,
                mounted: !flat,
            });
            let note = format!(
                "generated {} wall segments, {} zones, {} cameras\n",
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
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok((out, note, code)) => {
            let _ = std::io::stdout().write_all(out.as_bytes());
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
