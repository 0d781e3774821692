//! `blindspot import` (DXF, SVG, GeoJSON to a scenario) and `blindspot export`
//! (a scenario to GeoJSON).

use super::{Failure, display_name, read_scenario, with_layout};
use blindspot::import::{
    self, Format, ImportError, ImportOptions, ImportReport, LayerSummary, LevelSplit, Mapping,
    NoteLevel, Role, Units,
};
use blindspot::scenario::Georeference;
use blindspot::session::Session;
use std::fmt::Write as _;

/// What `blindspot import` was asked.
pub struct ImportArgs {
    /// One file, or several: one level per file, in the order given.
    pub files: Vec<String>,
    /// DXF: layouts or blocks as levels.
    pub levels: LevelSplit,
    pub layers: Option<String>,
    pub units: Option<String>,
    pub scale: Option<f64>,
    pub format: Option<Format>,
    pub open_doors: bool,
    pub georef: Option<String>,
    pub coordinates: Option<bool>,
    pub output: Option<String>,
}

fn read_bytes(file: &str) -> Result<Vec<u8>, Failure> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(file).map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))
    }
}

/// `LON,LAT` or `LON,LAT,ROTATION`.
fn parse_georef(text: &str) -> Result<Georeference, Failure> {
    let nums: Result<Vec<f64>, _> = text.split(',').map(|s| s.trim().parse::<f64>()).collect();
    // Rust reads "inf" and "NaN" as numbers: `check` wants a finite rotation.
    let georef = |lon: f64, lat: f64, rotation_deg: f64| {
        let g = Georeference {
            origin: [lon, lat],
            rotation_deg,
        };
        g.check().is_ok().then_some(g)
    };
    let parsed = match nums.as_deref() {
        // Without a rotation, x is east (the documented default).
        Ok(&[lon, lat]) => georef(lon, lat, 0.0),
        Ok(&[lon, lat, rotation]) => georef(lon, lat, rotation),
        _ => None,
    };
    parsed.ok_or_else(|| {
        Failure::Usage(format!(
            "--georef: expected LONGITUDE,LATITUDE[,ROTATION] in degrees (longitude within ±180, latitude within ±85, a finite rotation), found \"{text}\""
        ))
    })
}

fn failure(file: &str, e: ImportError) -> Failure {
    match e {
        ImportError::Options(m) => Failure::Usage(m),
        other => Failure::Invalid(format!("{}: {other}\n", display_name(file))),
    }
}

fn entity_counts(l: &LayerSummary) -> String {
    let mut parts: Vec<(usize, &str)> = l.entities.iter().map(|(k, n)| (*n, k.as_str())).collect();
    parts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    parts
        .iter()
        .map(|(n, k)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The layer table: name, role, counts; and the mapping as `--layers` text.
fn layer_table(out: &mut String, layers: &[LayerSummary], guessed: bool) {
    let width = layers
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let _ = writeln!(
        out,
        "layers{}:",
        if guessed {
            " (roles guessed from their names; correct them with --layers role=LAYER,...)"
        } else {
            ""
        }
    );
    for l in layers {
        let _ = writeln!(
            out,
            "  {:<width$}  {:<8} {:>7}  {}{}",
            l.name,
            l.role.name(),
            l.count(),
            entity_counts(l),
            if l.hidden {
                "  [hidden in the drawing]"
            } else {
                ""
            },
        );
    }
    let mapping = Mapping {
        entries: layers
            .iter()
            .filter(|l| l.role != Role::Ignore)
            .map(|l| (l.name.clone(), l.role))
            .collect(),
    };
    let _ = writeln!(out, "as --layers: {}", mapping.to_text());
}

fn summary(out: &mut String, r: &ImportReport) {
    let c = &r.cleanup;
    let _ = writeln!(
        out,
        "imported: {} wall(s) of {} segment(s) ({} door(s)), {} zone(s)",
        r.walls, r.wall_segments, r.doors, r.zones
    );
    let mut cleaned = Vec::new();
    let mut say = |n: usize, what: &str| {
        if n > 0 {
            cleaned.push(format!("{n} {what}"));
        }
    };
    say(c.merged_points, "near-duplicate points merged");
    say(c.zero_length, "zero-length pieces dropped");
    say(c.duplicates, "duplicate segments removed");
    say(c.overlaps, "overlapping segments merged");
    say(c.gaps_closed, "gaps closed");
    say(c.ends_capped, "double-line wall ends capped");
    say(c.doors_from_arcs, "doors from swing arcs");
    say(c.vertices_simplified, "vertices simplified away");
    say(c.zones_skipped, "zone shapes skipped");
    // The cleaner measures a thickness for every double line it finds.
    if let Some(thickness) = c.typical_wall_thickness_m
        && c.double_line_m > 0.0
    {
        cleaned.push(format!(
            "{:.1} m of double-line walls ({:.0} mm thick) kept as two faces",
            c.double_line_m,
            thickness * 1000.0
        ));
    }
    if !cleaned.is_empty() {
        let _ = writeln!(out, "cleaned: {}", cleaned.join("; "));
    }
    if let Some([x, y]) = r.offset_m {
        let _ = writeln!(out, "moved by ({x}, {y}) m to start near the origin");
    }
    if !r.levels.is_empty() {
        let width = r
            .levels
            .iter()
            .map(|l| l.id.chars().count())
            .max()
            .unwrap_or(2);
        let _ = writeln!(out, "levels (bottom to top):");
        for l in &r.levels {
            let _ = writeln!(
                out,
                "  {:<width$}  \"{}\" at {} m ({}): {} wall(s) ({} door(s)), {} zone(s); from {}, units: {}",
                l.id,
                l.name,
                l.elevation_m,
                l.elevation_from,
                l.walls,
                l.doors,
                l.zones,
                l.source,
                l.units.source
            );
        }
    }
}

/// `blindspot import`: prints the layers, what was built and every note;
/// writes the scenario with `-o`. Several files make one level each.
pub fn run_import(a: ImportArgs) -> Result<String, Failure> {
    if a.files.len() > 1 && a.files.iter().any(|f| f == "-") {
        return Err(Failure::Usage(
            "standard input (-) can only be imported alone, not as one of several files".into(),
        ));
    }
    let units = match &a.units {
        None => None,
        Some(u) => Some(Units::from_name(u).ok_or_else(|| {
            Failure::Usage(format!(
                "--units: unknown unit \"{u}\" (expected one of: {})",
                Units::ALL.map(|u| u.name).join(", ")
            ))
        })?),
    };
    let mapping = a
        .layers
        .as_deref()
        .map(Mapping::parse)
        .transpose()
        .map_err(|m| Failure::Usage(format!("--layers: {m}")))?;
    let georeference = a.georef.as_deref().map(parse_georef).transpose()?;
    let options_for = |file: &str| ImportOptions {
        file_name: if file == "-" {
            "stdin".into()
        } else {
            file.to_string()
        },
        format: a.format,
        mapping: mapping.clone(),
        units,
        scale_m: a.scale,
        georeference,
        lonlat: a.coordinates,
        doors_open: a.open_doors,
        levels: a.levels,
        ..ImportOptions::default()
    };
    let mut out = String::new();
    let (name, imported) = if let [file] = a.files.as_slice() {
        let bytes = read_bytes(file)?;
        let options = options_for(file);
        let name = display_name(file).to_string();
        match import::import(&bytes, &options, &mut |_| true) {
            Ok(i) => (name, i),
            Err(ImportError::Empty(message)) => {
                // Show the layers, so the mapping can be corrected.
                let listing = match import::preview(&bytes, &options) {
                    Ok(p) => {
                        layer_table(&mut out, &p.layers, options.mapping.is_none());
                        String::new()
                    }
                    Err(e) => format!("{name}: the layers could not be listed: {e}\n"),
                };
                print!("{out}");
                return Err(Failure::Invalid(format!("{name}: {message}\n{listing}")));
            }
            Err(e) => return Err(failure(file, e)),
        }
    } else {
        let mut files = Vec::with_capacity(a.files.len());
        for f in &a.files {
            files.push((read_bytes(f)?, options_for(f)));
        }
        let borrowed: Vec<(&[u8], ImportOptions)> = files
            .iter()
            .map(|(b, o)| (b.as_slice(), o.clone()))
            .collect();
        match import::import_files(&borrowed, &mut |_| true) {
            Ok(i) => (
                a.files
                    .iter()
                    .map(|f| display_name(f))
                    .collect::<Vec<_>>()
                    .join(" + "),
                i,
            ),
            // The error names the file.
            Err(ImportError::Options(m)) => return Err(Failure::Usage(m)),
            Err(e) => return Err(Failure::Invalid(format!("{e}\n"))),
        }
    };
    let r = &imported.report;
    let _ = writeln!(
        out,
        "{name}: {}, units: {}",
        r.format.name().to_uppercase(),
        r.units.source
    );
    layer_table(&mut out, &r.layers, mapping.is_none());
    summary(&mut out, r);
    let c = &imported.scenario.connections;
    if !r.levels.is_empty() {
        if c.is_empty() {
            let _ = writeln!(
                out,
                "no connections made (no stair, lift or ramp layer marks one place on two levels): add them to the scenario's connections (docs/scenario-format.md)"
            );
        } else {
            for c in c {
                let _ = writeln!(
                    out,
                    "connection {}: {} from {} to {} at ({}, {})",
                    c.id,
                    c.kind.name(),
                    c.from.level,
                    c.to.level,
                    c.from.x,
                    c.from.y
                );
            }
        }
    }
    for n in &r.notes {
        let level = match n.level {
            NoteLevel::Info => "note",
            NoteLevel::Warning => "warning",
        };
        if n.place.is_empty() {
            let _ = writeln!(out, "{name}: {level}: {}", n.message);
        } else {
            let _ = writeln!(out, "{name}: {level}: {}: {}", n.place, n.message);
        }
    }
    match &a.output {
        Some(path) => {
            std::fs::write(path, imported.scenario.to_json() + "\n")
                .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
            let _ = writeln!(out, "written: {path}");
        }
        None => {
            let _ = writeln!(out, "nothing written: give -o FILE to write the scenario");
        }
    }
    Ok(out)
}

/// `blindspot export FILE --format geojson`: the GeoJSON text, for standard
/// output or `-o`.
pub fn run_export(
    file: &str,
    option: Option<&str>,
    output: Option<&str>,
) -> Result<(String, Option<String>), Failure> {
    let (scenario, warnings) = read_scenario(file)?;
    super::one_level(&scenario, file, "export")?;
    let scenario = with_layout(scenario, option, file)?;
    let georeferenced = scenario.plan.georeference.is_some();
    let session = Session::new(scenario, warnings)
        .map_err(|e| Failure::Invalid(format!("{}: {e}\n", display_name(file))))?;
    let text = blindspot::export::geojson(&session);
    let note = if georeferenced {
        "coordinates: WGS84 longitude/latitude (the plan's georeference)\n"
    } else {
        "coordinates: plan metres, not WGS84 (the plan has no georeference; the file says so)\n"
    };
    match output {
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
            Ok((String::new(), Some(format!("{path}: {note}"))))
        }
        None => Ok((text, Some(note.to_string()))),
    }
}
