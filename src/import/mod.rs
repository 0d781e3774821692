//! Importing drawings: DXF, SVG and GeoJSON become a scenario's plan.
//!
//! Each format's reader ([`dxf`], `svg`, `geojson`) parses the file as data into
//! a [`Drawing`]: layers of shapes (polylines, arcs, curves) and texts in the
//! file's own units, each remembering its place in the file. The shared steps
//! then apply the layer mapping ([`Mapping`], guessed from the layer names when
//! not given) and the scale, clean the geometry (`clean`: near-duplicate points,
//! duplicate and overlapping segments, small gaps, open double-line wall ends,
//! door symbols, zone rings) and build a validated [`Scenario`]. Everything that
//! was cleaned up or skipped is in the [`ImportReport`], with its place.
//!
//! The importers are pure (bytes in, a scenario out) and bounded: [`Limits`]
//! caps the file size, the entities a drawing may expand to through its blocks,
//! and the XML nodes; a file past a limit is refused with the limit named.
//! See docs/import.md.

mod build;
mod clean;
mod drawing;
pub mod dxf;
mod geojson;
mod layers;
mod levels;
mod svg;

pub use clean::CleanupCounts;
pub use drawing::{Drawing, Geom, Place, Shape, Text};
pub use layers::{Mapping, Role, guess_role};
pub use levels::{LevelImport, LevelSource, LevelSplit, NameSays, STOREY_M, level_name};

use crate::scenario::{Georeference, Scenario};
use serde::Serialize;
use std::collections::BTreeMap;

/// A file format the importers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Dxf,
    Svg,
    GeoJson,
}

impl Format {
    /// The format's name as the CLI and the page write it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dxf => "dxf",
            Format::Svg => "svg",
            Format::GeoJson => "geojson",
        }
    }

    /// The format of a file, from its name's extension, else from its first bytes.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Option<Format> {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".dxf") {
            return Some(Format::Dxf);
        }
        if lower.ends_with(".svg") {
            return Some(Format::Svg);
        }
        if lower.ends_with(".geojson") || lower.ends_with(".json") {
            return Some(Format::GeoJson);
        }
        let head = &bytes[..bytes.len().min(512)];
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with(dxf::BINARY_SENTINEL) || t.starts_with("0\n") || t.starts_with("0\r\n")
        {
            Some(Format::Dxf)
        } else if t.starts_with('<') {
            Some(Format::Svg)
        } else if t.starts_with('{') {
            Some(Format::GeoJson)
        } else {
            None
        }
    }
}

/// Size limits on what an import reads, so that a hostile or accidental file
/// is refused with a clear message instead of exhausting memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Largest file accepted, bytes.
    pub max_bytes: usize,
    /// Most shapes a drawing may hold once its block inserts (DXF) or `use`
    /// references (SVG) are expanded.
    pub max_shapes: usize,
    /// Deepest nesting of blocks in blocks (or `use` in `use`).
    pub max_depth: usize,
    /// Most XML nodes an SVG may have.
    pub max_xml_nodes: u32,
    /// Most characters an SVG's entity references may expand to, in all.
    pub max_entity_expansion: usize,
    /// Most points one flattened curve may have.
    pub max_curve_points: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 << 20,
            max_shapes: 2_000_000,
            max_depth: 16,
            max_xml_nodes: 5_000_000,
            max_entity_expansion: 1 << 20,
            max_curve_points: 100_000,
        }
    }
}

/// Distances that decide how imported geometry is approximated and cleaned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImportTolerances {
    /// Largest distance between a flattened arc or curve and the true curve.
    pub curve_m: f64,
    /// Points closer than this are one point (near-duplicate vertices); two
    /// collinear segments this close overlap.
    pub merge_m: f64,
    /// Polylines from the file lose the vertices within this distance of the
    /// line through their neighbours (redundant collinear points, densely
    /// segmented curves).
    pub simplify_m: f64,
    /// A free wall end this close to another wall is joined to it: drafting gaps
    /// that would let sight leak through. Far below any doorway.
    pub gap_m: f64,
    /// Two parallel wall faces up to this far apart are a double-line wall.
    pub max_wall_thickness_m: f64,
}

impl Default for ImportTolerances {
    fn default() -> Self {
        ImportTolerances {
            curve_m: 0.005,
            merge_m: 0.001,
            simplify_m: 0.001,
            gap_m: 0.05,
            max_wall_thickness_m: 0.6,
        }
    }
}

/// A length unit of a drawing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Units {
    /// Its name (`mm`, `m`, `in`...).
    pub name: &'static str,
    /// Metres per unit.
    pub metres: f64,
}

impl Units {
    /// The units the `--units` option and the page accept.
    pub const ALL: [Units; 9] = [
        Units {
            name: "m",
            metres: 1.0,
        },
        Units {
            name: "cm",
            metres: 0.01,
        },
        Units {
            name: "mm",
            metres: 0.001,
        },
        Units {
            name: "dm",
            metres: 0.1,
        },
        Units {
            name: "km",
            metres: 1000.0,
        },
        Units {
            name: "in",
            metres: 0.0254,
        },
        Units {
            name: "ft",
            metres: 0.3048,
        },
        Units {
            name: "yd",
            metres: 0.9144,
        },
        Units {
            name: "px",
            metres: 0.0254 / 96.0,
        },
    ];

    /// The unit with this name.
    pub fn from_name(name: &str) -> Option<Units> {
        Units::ALL.into_iter().find(|u| u.name == name)
    }
}

/// What an import is asked to do.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ImportOptions {
    /// The file's name: its extension picks the format, and it names the scenario.
    pub file_name: String,
    /// The format; detected from the name and content when `None`.
    pub format: Option<Format>,
    /// Which layers are walls, doors, windows, zones...; guessed from the layer
    /// names when `None`.
    pub mapping: Option<Mapping>,
    /// The drawing's unit, overriding the file's (DXF `$INSUNITS`, SVG sizes).
    pub units: Option<Units>,
    /// Metres per drawing unit, overriding `units` and the file.
    pub scale_m: Option<f64>,
    /// GeoJSON only: how longitude/latitude map to plan metres. Default: the
    /// file's own (an export of ours), else the data's centre, unrotated.
    pub georeference: Option<Georeference>,
    /// GeoJSON only: read coordinates as plan metres (`Some(false)`) or as
    /// longitude/latitude (`Some(true)`) whatever the file says.
    pub lonlat: Option<bool>,
    /// Doors found in door layers are open (sight passes) rather than closed.
    pub doors_open: bool,
    /// DXF: whether paper-space layouts or blocks inserted as floors become
    /// levels (default [`LevelSplit::Auto`]).
    pub levels: LevelSplit,
    pub tolerances: ImportTolerances,
    pub limits: Limits,
}

/// How far an import has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    /// Work done and total in this phase (entities, segments...).
    pub done: usize,
    pub total: usize,
}

/// The phases of an import, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Reading,
    Cleaning,
    Checking,
}

/// Why an import failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file is broken or hostile; `place` names where (a line, an element,
    /// a feature) when known.
    #[error("{}{message}", place_prefix(place))]
    Invalid { place: String, message: String },
    /// The file is past one of the stated [`Limits`].
    #[error("{0}")]
    Limit(String),
    /// The options do not fit the file (an unknown layer, a bad scale).
    #[error("{0}")]
    Options(String),
    /// The drawing has nothing a plan needs (no walls or no zones).
    #[error("{0}")]
    Empty(String),
    /// The caller's progress callback asked to stop.
    #[error("import cancelled")]
    Cancelled,
}

fn place_prefix(place: &str) -> String {
    if place.is_empty() {
        String::new()
    } else {
        format!("{place}: ")
    }
}

impl ImportError {
    pub(crate) fn at(place: impl Into<String>, message: impl Into<String>) -> ImportError {
        ImportError::Invalid {
            place: place.into(),
            message: message.into(),
        }
    }
}

/// How bad a note of the import report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteLevel {
    /// What was done (cleaned up, recognised).
    Info,
    /// Something was skipped or assumed: worth a look.
    Warning,
}

/// One line of the import report: what happened, and where in the file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub level: NoteLevel,
    /// Where in the file (`line 120 (ARC)`, `line 4, <path id="w3">`,
    /// `features[2]`), or empty for the whole file.
    pub place: String,
    pub message: String,
}

/// One layer of the file as the import saw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerSummary {
    pub name: String,
    /// What the layer became: `wall`, `door`, `room`, `ignore`...
    pub role: Role,
    /// The role was guessed from the layer's name (no mapping was given for it).
    pub guessed: bool,
    /// Entities on the layer by type (`LINE`, `ARC`, `path`, `LineString`...).
    pub entities: BTreeMap<String, usize>,
    /// Hidden in the drawing (frozen or off, `display: none`).
    pub hidden: bool,
}

impl LayerSummary {
    /// Entities on the layer, all types.
    pub fn count(&self) -> usize {
        self.entities.values().sum()
    }
}

/// How drawing units became metres.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitsReport {
    /// Metres per drawing unit.
    pub metres_per_unit: f64,
    /// Where that came from: `header $INSUNITS = 4 (mm)`, `--scale`, a guess...
    pub source: String,
}

/// What the file holds, before anything is built: its layers with their counts
/// and guessed roles, its units and extent. Shown so the mapping can be chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preview {
    pub format: Format,
    pub layers: Vec<LayerSummary>,
    pub units: UnitsReport,
    /// The extent of all shapes, in metres at those units: `[min x, min y,
    /// max x, max y]`, or `None` for a file with no shapes.
    pub bounds_m: Option<[f64; 4]>,
    pub notes: Vec<Note>,
    /// The levels the import would make (DXF layouts or blocks), bottom to top
    /// as the file lists them; empty for one plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelSource>,
    /// Every shape flattened coarsely, for a picture of the drawing.
    #[serde(skip)]
    pub sketch: Sketch,
}

/// A drawing's shapes as polylines in metres (curves within 1/4000 of the
/// drawing's size), by layer: what a preview draws, coloured by role.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sketch {
    /// x, y pairs of every polyline, concatenated (a closed one repeats its
    /// first point).
    pub coords: Vec<f64>,
    /// Point index where each polyline starts, plus a final end.
    pub starts: Vec<u32>,
    /// The layer (an index into [`Preview::layers`]) of each polyline.
    pub layers: Vec<u32>,
    /// Shapes left out to stay within [`SKETCH_POINTS`] points.
    pub omitted: usize,
}

/// Most points a sketch holds.
pub const SKETCH_POINTS: usize = 2_000_000;

/// What an import did: the mapping and units used, the counts of what was
/// built and cleaned, and every note with its place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportReport {
    pub format: Format,
    pub layers: Vec<LayerSummary>,
    pub units: UnitsReport,
    /// The plan was moved by this many metres (added to the file's
    /// coordinates) so that it starts near the origin, when the drawing lay far
    /// from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset_m: Option<[f64; 2]>,
    pub walls: usize,
    pub wall_segments: usize,
    pub doors: usize,
    pub zones: usize,
    pub cleanup: CleanupCounts,
    pub notes: Vec<Note>,
    /// One line per level, bottom to top, when the import made several (the
    /// counts above are their sums).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelImport>,
    /// Connections made between the levels (from stair, lift and ramp layers).
    #[serde(skip_serializing_if = "is_zero")]
    pub connections: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A successful import: a valid scenario (no cameras yet) and its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    pub report: ImportReport,
}

/// Reads a file far enough to list its layers, counts, units and extent, with a
/// sketch of its shapes (every level's, overlaid, for a file of levels).
///
/// # Errors
/// A broken or hostile file, one past the [`Limits`], or options that do not fit.
pub fn preview(bytes: &[u8], options: &ImportOptions) -> Result<Preview, ImportError> {
    check_options(options)?;
    match read_split(bytes, options, &mut |_| true)? {
        Read::Plan(drawing) => build::preview(&drawing, options),
        Read::Levels { levels, notes } => {
            let mut all = Drawing::default();
            let mut sources = Vec::new();
            for (source, d) in levels {
                all.absorb(d);
                sources.push(source);
            }
            let mut first = notes;
            first.append(&mut all.notes);
            all.notes = first;
            let mut p = build::preview(&all, options)?;
            let metres = p.units.metres_per_unit;
            for s in &mut sources {
                s.elevation_m = s.elevation_m.map(|z| z * metres);
            }
            if sources.len() > 1 {
                p.levels = sources;
            }
            Ok(p)
        }
    }
}

/// Imports a file into a scenario (with the starter catalogue and no cameras):
/// one plan, or a scenario of levels for a DXF whose layouts or blocks are
/// floors ([`ImportOptions::levels`]).
///
/// # Errors
/// A broken or hostile file, one past the [`Limits`], options that do not fit
/// the file, a drawing (or a level) without zones once mapped, or
/// [`ImportError::Cancelled`] when `progress` returns false.
pub fn import(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    check_options(options)?;
    match read_split(bytes, options, progress)? {
        Read::Plan(drawing) => build::build(drawing, options, None, progress),
        Read::Levels { mut levels, notes } if levels.len() == 1 => {
            // One layout or block: a plan, not a site.
            let (source, mut d) = levels.pop().expect("one level");
            let mut first = notes;
            first.push(Note {
                level: NoteLevel::Info,
                place: String::new(),
                message: format!("the drawing is {}: imported as the plan", source.source),
            });
            first.append(&mut d.notes);
            d.notes = first;
            build::build(d, options, None, progress)
        }
        Read::Levels { levels, notes } => {
            let metres = build::units_of(levels.iter().map(|(_, d)| d), options)?;
            let parts = levels
                .into_iter()
                .map(|(mut source, mut d)| {
                    // One scale for every level of the file.
                    source.elevation_m = source.elevation_m.map(|z| z * metres.0.metres_per_unit);
                    d.units = Some((metres.0.metres_per_unit, metres.0.source.clone()));
                    d.unitless = false;
                    (source, d, options.clone())
                })
                .collect();
            let mut notes = notes;
            notes.extend(metres.1);
            build_levels(
                build::scenario_name(&options.file_name),
                parts,
                true,
                notes,
                progress,
            )
        }
    }
}

/// Imports several files as one scenario with one level per file, in the
/// order given (bottom to top); each level is named after its file.
///
/// # Errors
/// As [`import`], naming the file; a file that is itself a drawing of levels;
/// files georeferenced differently.
pub fn import_files(
    files: &[(&[u8], ImportOptions)],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    if files.len() == 1 {
        let (bytes, o) = &files[0];
        return import(bytes, o, progress).map_err(|e| in_file(&o.file_name, e));
    }
    let mut parts = Vec::with_capacity(files.len());
    // Longitude/latitude files share the first one's projection, so that
    // their levels share one plan frame.
    let mut shared: Option<Georeference> = None;
    for (bytes, o) in files {
        check_options(o).map_err(|e| in_file(&o.file_name, e))?;
        let mut o = o.clone();
        if o.georeference.is_none() {
            o.georeference = shared;
        }
        let name = build::scenario_name(&o.file_name);
        match read_split(bytes, &o, progress).map_err(|e| in_file(&o.file_name, e))? {
            Read::Plan(d) => {
                shared = shared.or(d.georeference);
                parts.push((
                    LevelSource {
                        name,
                        source: format!("file {}", base_name(&o.file_name)),
                        elevation_m: None,
                    },
                    d,
                    o,
                ))
            }
            Read::Levels { levels, .. } => {
                return Err(ImportError::Options(format!(
                    "{}: this drawing holds {} levels itself ({}); importing several files takes one level per file: import it alone, or with --levels none",
                    base_name(&o.file_name),
                    levels.len(),
                    levels
                        .iter()
                        .map(|(s, _)| s.source.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
    }
    // A mapping names layers of any of the files (one mapping for all, as the
    // CLI gives): each file takes the entries that name its own layers, and a
    // name no file has is an error.
    let all: Vec<String> = parts
        .iter()
        .flat_map(|(_, d, _)| d.layers.iter().map(|l| l.name.clone()))
        .collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    for (_, d, o) in &mut parts {
        let Some(m) = &o.mapping else { continue };
        let unmatched = m.unmatched(&all);
        if !unmatched.is_empty() {
            return Err(ImportError::Options(format!(
                "{}: --layers: no layer named {} in any of the files",
                base_name(&o.file_name),
                unmatched
                    .iter()
                    .map(|u| format!("\"{u}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let own: Vec<&str> = d.layers.iter().map(|l| l.name.as_str()).collect();
        o.mapping = Some(m.matching(&own));
    }
    let name = parts
        .first()
        .map(|(s, _, _)| s.name.clone())
        .unwrap_or_default();
    build_levels(name, parts, false, Vec::new(), progress)
}

/// Builds each level's drawing and merges them: one move near the origin for
/// all (so that the floors stay stacked), errors naming the level.
fn build_levels(
    name: String,
    parts: Vec<(LevelSource, Drawing, ImportOptions)>,
    reorder: bool,
    notes: Vec<Note>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    let mut union = crate::geometry::Bounds::EMPTY;
    for (s, d, o) in &parts {
        let b = build::mapped_extent(d, o).map_err(|e| in_level(s, e))?;
        if !b.is_empty() {
            union.extend(b.min);
            union.extend(b.max);
        }
    }
    let offset = build::far_offset(&union);
    let mut built = Vec::with_capacity(parts.len());
    for (s, d, o) in parts {
        let metres = build::metres(&d, &o).map_err(|e| in_level(&s, e))?;
        let marks = levels::markers(&d, metres, offset);
        let imported = build::build(d, &o, Some(offset), progress).map_err(|e| in_level(&s, e))?;
        built.push((s, imported, marks));
    }
    levels::merge(name, built, reorder, notes)
}

fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// An error of one file of several, naming it.
fn in_file(file: &str, e: ImportError) -> ImportError {
    prefixed(base_name(file), e)
}

/// An error of one level, naming where it came from.
fn in_level(s: &LevelSource, e: ImportError) -> ImportError {
    prefixed(&s.source, e)
}

fn prefixed(what: &str, e: ImportError) -> ImportError {
    match e {
        ImportError::Invalid { place, message } => ImportError::Invalid {
            place: if place.is_empty() {
                what.to_string()
            } else {
                format!("{what}: {place}")
            },
            message,
        },
        ImportError::Limit(m) => ImportError::Limit(format!("{what}: {m}")),
        ImportError::Options(m) => ImportError::Options(format!("{what}: {m}")),
        ImportError::Empty(m) => ImportError::Empty(format!("{what}: {m}")),
        ImportError::Cancelled => ImportError::Cancelled,
    }
}

/// A file read as one plan, or as levels (a DXF's layouts or floor blocks).
#[derive(Debug)]
pub enum Read {
    Plan(Drawing),
    /// Each level's drawing with where it came from (its `elevation_m` still
    /// in drawing units: a DXF INSERT's z), and the file's own notes.
    Levels {
        levels: Vec<(LevelSource, Drawing)>,
        notes: Vec<Note>,
    },
}

/// Reads a file as one plan or as levels ([`ImportOptions::levels`]; only a
/// DXF has levels).
pub fn read_split(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Read, ImportError> {
    check_size(bytes, &options.limits)?;
    if detect(bytes, options)? == Format::Dxf {
        dxf::read_levels(bytes, &options.limits, options.levels, progress)
    } else {
        read(bytes, options, progress).map(Read::Plan)
    }
}

/// Options from the CLI or the page, checked once for both: a georeference
/// outside the projection's domain or with a non-finite rotation would make
/// every coordinate wrong (or, in geo's simplification, panic).
fn check_options(options: &ImportOptions) -> Result<(), ImportError> {
    if let Some(g) = options.georeference {
        g.check().map_err(|(field, message)| {
            ImportError::Options(format!("georeference.{field}: {message}"))
        })?;
    }
    Ok(())
}

fn size(bytes: usize) -> String {
    let b = bytes as f64;
    if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.1} kB", b / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

fn check_size(bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if bytes.len() > limits.max_bytes {
        return Err(ImportError::Limit(format!(
            "the file is {}; imports are limited to {}",
            size(bytes.len()),
            size(limits.max_bytes)
        )));
    }
    Ok(())
}

fn detect(bytes: &[u8], options: &ImportOptions) -> Result<Format, ImportError> {
    match options.format {
        Some(f) => Ok(f),
        None => Format::detect(&options.file_name, bytes).ok_or_else(|| {
            ImportError::Options(format!(
                "{}: not a DXF, SVG or GeoJSON file (name it .dxf, .svg or .geojson)",
                options.file_name
            ))
        }),
    }
}

/// Runs the format's reader (a DXF's model space as one plan).
pub fn read(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Drawing, ImportError> {
    let limits = options.limits;
    check_size(bytes, &limits)?;
    match detect(bytes, options)? {
        Format::Dxf => dxf::read(bytes, &limits, progress),
        Format::Svg => svg::read(bytes, &limits),
        Format::GeoJson => geojson::read(bytes, options),
    }
}
