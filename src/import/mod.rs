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
mod svg;

pub use clean::CleanupCounts;
pub use drawing::{Drawing, Geom, Place, Shape, Text};
pub use layers::{Mapping, Role, guess_role};

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
}

/// A successful import: a valid scenario (no cameras yet) and its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    pub report: ImportReport,
}

/// Reads a file far enough to list its layers, counts, units and extent, with a
/// sketch of its shapes.
///
/// # Errors
/// A broken or hostile file, one past the [`Limits`], or options that do not fit.
pub fn preview(bytes: &[u8], options: &ImportOptions) -> Result<Preview, ImportError> {
    check_options(options)?;
    let drawing = read(bytes, options, &mut |_| true)?;
    build::preview(&drawing, options)
}

/// Imports a file into a scenario (with the starter catalogue and no cameras).
///
/// # Errors
/// A broken or hostile file, one past the [`Limits`], options that do not fit
/// the file, a drawing without walls or zones once mapped, or
/// [`ImportError::Cancelled`] when `progress` returns false.
pub fn import(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    check_options(options)?;
    let drawing = read(bytes, options, progress)?;
    build::build(drawing, options, progress)
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

/// Runs the format's reader.
pub fn read(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Drawing, ImportError> {
    let limits = options.limits;
    if bytes.len() > limits.max_bytes {
        return Err(ImportError::Limit(format!(
            "the file is {}; imports are limited to {}",
            size(bytes.len()),
            size(limits.max_bytes)
        )));
    }
    let format = match options.format {
        Some(f) => f,
        None => Format::detect(&options.file_name, bytes).ok_or_else(|| {
            ImportError::Options(format!(
                "{}: not a DXF, SVG or GeoJSON file (name it .dxf, .svg or .geojson)",
                options.file_name
            ))
        })?,
    };
    match format {
        Format::Dxf => dxf::read(bytes, &limits, progress),
        Format::Svg => svg::read(bytes, &limits),
        Format::GeoJson => geojson::read(bytes, options),
    }
}
