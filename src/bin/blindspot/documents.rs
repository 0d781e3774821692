//! `blindspot report` for the board documents (HTML, SVG, CSV) and for many
//! sites at once.
//!
//! A batch runs its sites on every core with plain `std::thread`s pulling
//! from one shared index: each site is independent, so a work queue of a
//! dozen lines does the job and rayon would add a dependency for nothing.

use super::{Failure, Format, display_name, layout_index, read_input};
use blindspot::document::{self, Dossier, csv, dossier};
use blindspot::report::render_text;
use blindspot::scenario::{Scenario, parse_date};
use blindspot::session::Session;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one site's documents are: file suffixes with their contents.
pub struct Written {
    /// (suffix after the site's name, e.g. ".html" or "-zones.csv", content)
    pub files: Vec<(String, String)>,
    pub dossier: Option<Dossier>,
}

/// Today's date (UTC) from the system clock, as `YYYY-MM-DD`: the core has
/// no clock, so the command line supplies it.
pub fn today() -> Result<String, Failure> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Failure::Usage("the system clock is before 1970: give --date".into()))?
        .as_secs();
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// The calendar date `days` after 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Checks a `--date`.
pub fn check_date(date: &str) -> Result<(), Failure> {
    parse_date(date)
        .map(|_| ())
        .map_err(|e| Failure::Usage(format!("--date: {e}")))
}

/// Reads one site and renders its documents in `format`.
pub fn render_site(
    file: &str,
    format: Format,
    option: Option<&str>,
    date: Option<&str>,
    table: Option<&str>,
) -> Result<Written, Failure> {
    let text = read_input(file)?;
    let (scenario, warnings) = Scenario::from_json(&text).map_err(|e| {
        let mut msg = String::new();
        for p in e.problems.errors() {
            msg.push_str(&format!("{}: {p}\n", display_name(file)));
        }
        Failure::Invalid(msg)
    })?;
    super::one_level(&scenario, file, "report (documents)")?;
    let index = match option {
        None => 0,
        Some(wanted) => layout_index(&scenario, wanted, file)? + 1,
    };
    let invalid =
        |e: &dyn std::fmt::Display| Failure::Invalid(format!("{}: {e}\n", display_name(file)));
    let session = Session::new(scenario, warnings).map_err(|e| invalid(&e))?;
    let layouts = dossier::layouts(session).map_err(|e| invalid(&e))?;
    let session = &layouts[index];
    // The date: --date, else the file's, else today.
    let own_date = session.scenario().settings.report.date.clone();
    let date = match date.map(str::to_string).or(own_date) {
        Some(d) => d,
        None => today()?,
    };
    let built = || dossier::build(&layouts, index, Some(&date));
    Ok(match format {
        Format::Text => Written {
            files: vec![(".txt".into(), render_text(&session.report()))],
            dossier: Some(built()),
        },
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&session.report()).expect("reports serialise");
            s.push('\n');
            Written {
                files: vec![(".json".into(), s)],
                dossier: Some(built()),
            }
        }
        Format::Html => Written {
            files: vec![(
                ".html".into(),
                document::report_html(&layouts, index, Some(&date)),
            )],
            dossier: Some(built()),
        },
        Format::Svg => {
            let mut svg = document::paper_drawing(session, 271.0, 184.0, "plan").svg;
            svg.push('\n');
            Written {
                files: vec![(".svg".into(), svg)],
                dossier: Some(built()),
            }
        }
        Format::Csv => {
            let d = built();
            let names: Vec<&str> = match table {
                Some(t) => vec![t],
                None => csv::TABLES.to_vec(),
            };
            let mut files = Vec::new();
            for name in names {
                let body = csv::by_name(&d, name).ok_or_else(|| {
                    Failure::Usage(format!(
                        "--table: no table \"{name}\" (there are: {})",
                        csv::TABLES.join(", ")
                    ))
                })?;
                files.push((format!("-{name}.csv"), body));
            }
            Written {
                files,
                dossier: Some(d),
            }
        }
    })
}

/// The site's name for its output files: the file's name without `.json`.
fn stem(file: &str) -> String {
    if file == "-" {
        return "stdin".to_string();
    }
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".to_string())
}

/// One site: writes its documents to `output` (a file, or a folder for
/// several CSV tables) or to standard output. Returns what to print.
pub fn single(
    file: &str,
    format: Format,
    option: Option<&str>,
    output: Option<&str>,
    date: Option<&str>,
    table: Option<&str>,
) -> Result<(String, Option<String>), Failure> {
    let written = render_site(file, format, option, date, table)?;
    match (output, written.files.as_slice()) {
        (None, [(_, body)]) => Ok((body.clone(), None)),
        (None, _) => Err(Failure::Usage(
            "--format csv writes several tables: give -o FOLDER, or --table NAME for one".into(),
        )),
        (Some(path), [(_, body)]) if !Path::new(path).is_dir() => {
            write(Path::new(path), body)?;
            Ok((String::new(), Some(format!("written: {path}\n"))))
        }
        (Some(folder), files) => {
            let folder = Path::new(folder);
            std::fs::create_dir_all(folder)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", folder.display())))?;
            let mut note = String::new();
            for (suffix, body) in files {
                let path = folder.join(format!("{}{suffix}", stem(file)));
                write(&path, body)?;
                note.push_str(&format!("written: {}\n", path.display()));
            }
            Ok((String::new(), Some(note)))
        }
    }
}

fn write(path: &Path, body: &str) -> Result<(), Failure> {
    std::fs::write(path, body)
        .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))
}

/// The scenario files named: files as given, folders searched (recursively,
/// hidden entries skipped) for `*.json`, each list sorted.
pub fn collect_files(args: &[String]) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            if found.is_empty() {
                return Err(Failure::Usage(format!(
                    "{arg}: no .json file in this folder"
                )));
            }
            out.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            out.push(arg.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries {
        let entry =
            entry.map_err(|e| Failure::Usage(format!("cannot read {}: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// Output names for the sites: their file names, made unique with `-2`,
/// `-3`... when two folders hold files of the same name.
fn unique_stems(files: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    files
        .iter()
        .map(|f| {
            let base = stem(f);
            let mut name = base.clone();
            let mut n = 1;
            while seen.contains(&name) {
                n += 1;
                name = format!("{base}-{n}");
            }
            seen.push(name.clone());
            name
        })
        .collect()
}

/// One line of the batch's summary.
struct SiteResult {
    name: String,
    file: String,
    /// `ok`, `invalid` or `error`, and the message for the last two.
    status: &'static str,
    message: String,
    dossier: Option<Dossier>,
    outputs: Vec<String>,
}

/// Many sites: one report per site in `folder`, `summary.csv` beside them,
/// and a summary table on standard output. Runs `jobs` sites at once.
pub fn batch(
    files: &[String],
    format: Format,
    option: Option<&str>,
    folder: &str,
    date: Option<&str>,
    table: Option<&str>,
    jobs: usize,
) -> Result<(String, Option<String>, u8), Failure> {
    if files.iter().any(|f| f == "-") {
        return Err(Failure::Usage(
            "standard input (-) cannot be one of many sites".into(),
        ));
    }
    let folder = PathBuf::from(folder);
    std::fs::create_dir_all(&folder)
        .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", folder.display())))?;
    let names = unique_stems(files);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<SiteResult>>> =
        Mutex::new((0..files.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, files.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() {
                        break;
                    }
                    let result =
                        run_site(&files[i], &names[i], format, option, &folder, date, table);
                    results.lock().expect("no worker panics holding the lock")[i] = Some(result);
                }
            });
        }
    });
    let results: Vec<SiteResult> = results
        .into_inner()
        .expect("no worker panics holding the lock")
        .into_iter()
        .map(|r| r.expect("every site was run"))
        .collect();
    let summary_path = folder.join("summary.csv");
    write(&summary_path, &summary_csv(&results))?;
    let failed = results.iter().filter(|r| r.status != "ok").count();
    let mut note = format!(
        "{} site(s): {} written, {} failed; summary: {}\n",
        results.len(),
        results.len() - failed,
        failed,
        summary_path.display()
    );
    for r in results.iter().filter(|r| r.status != "ok") {
        note.push_str(&r.message);
        if !r.message.ends_with('\n') {
            note.push('\n');
        }
    }
    Ok((
        summary_text(&results),
        Some(note),
        if failed > 0 { 1 } else { 0 },
    ))
}

fn run_site(
    file: &str,
    name: &str,
    format: Format,
    option: Option<&str>,
    folder: &Path,
    date: Option<&str>,
    table: Option<&str>,
) -> SiteResult {
    let mut result = SiteResult {
        name: name.to_string(),
        file: file.to_string(),
        status: "ok",
        message: String::new(),
        dossier: None,
        outputs: Vec::new(),
    };
    let written = render_site(file, format, option, date, table).and_then(|w| {
        let mut outputs = Vec::new();
        for (suffix, body) in &w.files {
            let path = folder.join(format!("{name}{suffix}"));
            write(&path, body)?;
            outputs.push(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        Ok((w, outputs))
    });
    match written {
        Ok((w, outputs)) => {
            result.dossier = w.dossier;
            result.outputs = outputs;
        }
        Err(Failure::Invalid(msg)) => {
            result.status = "invalid";
            result.message = msg;
        }
        Err(Failure::Usage(msg)) => {
            result.status = "error";
            result.message = format!("{file}: {msg}");
        }
    }
    result
}

fn summary_csv(results: &[SiteResult]) -> String {
    let mut out = String::from(csv::BOM);
    out.push_str(
        "site,file,status,layout,cameras,coverage,weighted_coverage,blind_area_m2,zones_meeting_required,zones_with_requirement,cost,currency,storage_tb,recorders,outputs,message\r\n",
    );
    for r in results {
        let mut cells = vec![
            csv::text_field(&r.name),
            csv::text_field(&r.file),
            r.status.to_string(),
        ];
        match &r.dossier {
            Some(d) => {
                let h = &d.headline;
                cells.extend([
                    csv::text_field(&d.layout),
                    h.cameras.to_string(),
                    format!("{:.6}", h.coverage),
                    format!("{:.6}", h.weighted_coverage),
                    format!("{:.3}", h.blind_area_m2),
                    h.zones_meeting.to_string(),
                    h.zones_with_requirement.to_string(),
                    format!("{:.2}", h.cost),
                    csv::text_field(&d.currency),
                    format!("{:.4}", d.recording.total_tb),
                    d.recording.recorders.to_string(),
                ]);
            }
            None => cells.extend((0..11).map(|_| String::new())),
        }
        cells.push(csv::text_field(&r.outputs.join(" ")));
        cells.push(csv::text_field(r.message.trim_end()));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn summary_text(results: &[SiteResult]) -> String {
    let width = results
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let mut out = format!(
        "{:<width$}  {:>7}  {:>8}  {:>8}  {:>11}  {:>9}  {:>12}\n",
        "site", "cameras", "coverage", "weighted", "blind m²", "required", "cost"
    );
    for r in results {
        let name: String = r.name.chars().take(width).collect();
        match &r.dossier {
            Some(d) => {
                let h = &d.headline;
                out.push_str(&format!(
                    "{:<width$}  {:>7}  {:>7.1}%  {:>7.1}%  {:>11.1}  {:>9}  {:>12}\n",
                    name,
                    h.cameras,
                    h.coverage * 100.0,
                    h.weighted_coverage * 100.0,
                    h.blind_area_m2,
                    if h.zones_with_requirement > 0 {
                        format!("{}/{}", h.zones_meeting, h.zones_with_requirement)
                    } else {
                        "-".to_string()
                    },
                    format!("{:.0} {}", h.cost, d.currency)
                ));
            }
            None => out.push_str(&format!("{name:<width$}  {}\n", r.status)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        // 2000-02-29 is day 11016; 2026-12-14 is day 20801.
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_801), (2026, 12, 14));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn clashing_names_are_numbered() {
        let files = ["a/site.json", "b/site.json", "c/other.json", "d/site.json"].map(String::from);
        assert_eq!(unique_stems(&files), ["site", "site-2", "other", "site-3"]);
    }
}
