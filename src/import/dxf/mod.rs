//! A small DXF reader: what a floorplan needs, ASCII or binary.
//!
//! Reads the header's units (`$INSUNITS`), the layer table (names, frozen or
//! off), the block definitions and the model-space entities: LINE, LWPOLYLINE,
//! POLYLINE (2D and 3D, with bulges), ARC, CIRCLE, ELLIPSE, INSERT (with scale,
//! rotation, column and row arrays, nested to [`Limits::max_depth`]), TEXT and
//! MTEXT. Entities in an object coordinate system (extrusion other than +Z,
//! such as mirrored blocks) are mapped to the plan by the arbitrary-axis
//! algorithm of the DXF reference, projected onto the XY plane. Everything else
//! (HATCH, DIMENSION, SOLID, SPLINE, paper space...) is counted per layer and
//! skipped. The reader is tested against the `dxf` crate (tests/import_dxf.rs);
//! it exists so the web module does not carry that crate's 300 KB.

mod tokens;

pub use tokens::BINARY_SENTINEL;
use tokens::{Pair, Tokens};

use super::drawing::{Drawing, Geom, Place, Shape, Text};
use super::levels::{LevelSource, LevelSplit};
use super::{Format, ImportError, Limits, NoteLevel, Phase, Progress, Read};
use kurbo::{Affine, Vec2};
use std::collections::HashMap;

/// Metres per unit of `$INSUNITS` codes 1..=24, and each unit's name.
fn insunits(code: i64) -> Option<(f64, &'static str)> {
    Some(match code {
        1 => (0.0254, "inches"),
        2 => (0.3048, "feet"),
        3 => (1609.344, "miles"),
        4 => (0.001, "millimetres"),
        5 => (0.01, "centimetres"),
        6 => (1.0, "metres"),
        7 => (1000.0, "kilometres"),
        8 => (2.54e-8, "microinches"),
        9 => (2.54e-5, "mils"),
        10 => (0.9144, "yards"),
        11 => (1e-10, "angstroms"),
        12 => (1e-9, "nanometres"),
        13 => (1e-6, "micrometres"),
        14 => (0.1, "decimetres"),
        15 => (10.0, "decametres"),
        16 => (100.0, "hectometres"),
        17 => (1e9, "gigametres"),
        21 => (1200.0 / 3937.0, "US survey feet"),
        22 => (100.0 / 3937.0, "US survey inches"),
        23 => (3600.0 / 3937.0, "US survey yards"),
        24 => (6_336_000.0 / 3937.0, "US survey miles"),
        _ => return None,
    })
}

/// An entity as read, in its own coordinates.
#[derive(Clone, Debug)]
struct Entity {
    kind: Kind,
    layer: String,
    at: u32,
    type_name: &'static str,
    /// In paper space (group code 67 = 1): a layout's, not the model's.
    paper: bool,
    /// Paper space only: the handle of the layout's block record (code 330).
    owner: Option<String>,
}

#[derive(Clone, Debug)]
enum Kind {
    /// Geometry with the map from its object coordinates to the plan.
    Geom(Geom),
    Insert(Insert),
    Text {
        at: [f64; 2],
        text: String,
    },
    /// Counted, not imported; with the reason when it is worth a note.
    Skipped(Option<String>),
}

#[derive(Clone, Debug)]
struct Insert {
    block: String,
    /// Block coordinates to the insert's parent coordinates, one per array cell.
    cells: Vec<Affine>,
    /// The insertion point's z (group code 30), drawing units.
    z: f64,
}

#[derive(Clone, Debug)]
struct Block {
    /// Its name as the file writes it.
    name: String,
    base: [f64; 2],
    entities: Vec<Entity>,
    /// An external reference (another file): not imported.
    xref: bool,
    at: u32,
    /// The handle of its block record (group code 330).
    owner: Option<String>,
}

/// A paper-space layout (a LAYOUT object): its name, tab order and the handle
/// of the block record that holds its entities.
#[derive(Clone, Debug)]
struct Layout {
    name: String,
    tab: i64,
    record: Option<String>,
    at: u32,
}

const KNOWN: &[&str] = &[
    "LINE",
    "LWPOLYLINE",
    "POLYLINE",
    "ARC",
    "CIRCLE",
    "ELLIPSE",
    "INSERT",
    "TEXT",
    "MTEXT",
    "HATCH",
    "DIMENSION",
    "SOLID",
    "SPLINE",
    "POINT",
    "LEADER",
    "MLEADER",
    "MULTILEADER",
    "3DFACE",
    "REGION",
    "IMAGE",
    "VIEWPORT",
    "ATTRIB",
    "ATTDEF",
    "WIPEOUT",
    "TRACE",
    "RAY",
    "XLINE",
    "3DSOLID",
    "BODY",
    "MESH",
    "TOLERANCE",
    "ACAD_TABLE",
    "OLE2FRAME",
    "MLINE",
    "HELIX",
    "SURFACE",
    "UNDERLAY",
    "PDFUNDERLAY",
    "DWFUNDERLAY",
    "DGNUNDERLAY",
    "SHAPE",
];

fn type_name(name: &str) -> &'static str {
    KNOWN
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or("other")
}

/// The map from an object coordinate system (extrusion `n`, elevation `z`) to
/// the plan: the DXF arbitrary-axis algorithm, projected onto XY.
fn ocs(n: [f64; 3], z: f64) -> Affine {
    if n == [0.0, 0.0, 1.0] {
        return Affine::translate((0.0, 0.0));
    }
    let len = (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt();
    if len == 0.0 {
        return Affine::translate((0.0, 0.0));
    }
    let n = n.map(|c| c / len);
    let cross = |a: [f64; 3], b: [f64; 3]| {
        [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ]
    };
    let unit = |v: [f64; 3]| {
        let l = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        v.map(|c| c / l)
    };
    let ax = if n[0].abs() < 1.0 / 64.0 && n[1].abs() < 1.0 / 64.0 {
        unit(cross([0.0, 1.0, 0.0], n))
    } else {
        unit(cross([0.0, 0.0, 1.0], n))
    };
    let ay = unit(cross(n, ax));
    Affine::new([ax[0], ax[1], ay[0], ay[1], z * n[0], z * n[1]])
}

/// The entity's pairs, up to the next code 0.
struct Fields<'a> {
    pairs: Vec<Pair<'a>>,
    at: u32,
}

impl<'a> Fields<'a> {
    fn get(&self, code: i32) -> Option<&Pair<'a>> {
        self.pairs.iter().find(|p| p.code == code)
    }
}

/// Reads a DXF file's model space into a drawing.
///
/// # Errors
/// A file that is not DXF, is truncated (no `EOF`, or a section without
/// `ENDSEC`), holds a malformed number (named with its line and entity), a block
/// inserting itself, or expands past the [`Limits`].
pub fn read(
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Drawing, ImportError> {
    let r = parse(bytes, progress)?;
    r.plan(limits, Vec::new())
}

/// Reads a DXF file as one plan or as levels (paper-space layouts, or blocks
/// inserted as floors), as `split` asks; [`LevelSplit::Auto`] decides from the
/// drawing (docs/import.md, "Levels").
///
/// # Errors
/// As [`read`]; and `--levels layouts` or `blocks` on a drawing without them.
pub fn read_levels(
    bytes: &[u8],
    limits: &Limits,
    split: LevelSplit,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Read, ImportError> {
    let r = parse(bytes, progress)?;
    r.split(split, limits)
}

fn parse<'a>(
    bytes: &'a [u8],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Reader<'a>, ImportError> {
    let mut r = Reader {
        t: Tokens::new(bytes),
        d: Drawing {
            format: Some(Format::Dxf),
            ..Drawing::default()
        },
        blocks: HashMap::new(),
        entities: Vec::new(),
        layouts: Vec::new(),
        total: bytes.len(),
        counted: 0,
    };
    r.d.binary = r.t.is_binary();
    let mut ended = false;
    while let Some(p) = r.t.next()? {
        if p.code == 0 && p.is("EOF") {
            ended = true;
            break;
        }
        if p.code != 0 || !p.is("SECTION") {
            return Err(ImportError::at(
                r.t.place(p.at),
                format!(
                    "expected a SECTION (group code 0), found group code {} \"{}\": this is not a DXF file, or it is damaged",
                    p.code,
                    p.text().chars().take(40).collect::<String>()
                ),
            ));
        }
        let name = r.t.next()?.filter(|p| p.code == 2).ok_or_else(|| {
            ImportError::at(r.t.place(p.at), "a SECTION without its name (group code 2)")
        })?;
        let section = name.text().trim().to_string();
        match section.as_str() {
            "HEADER" => r.header()?,
            "TABLES" => r.tables()?,
            "BLOCKS" => r.blocks(progress)?,
            "ENTITIES" => {
                let entities = r.entities("ENDSEC", progress)?;
                r.entities.extend(entities);
            }
            "OBJECTS" => r.objects()?,
            _ => r.skip_section(&section)?,
        }
    }
    if !ended {
        return Err(ImportError::at(
            r.t.here(),
            "the file ends without EOF: it is truncated (export or copy it again)",
        ));
    }
    Ok(r)
}

struct Reader<'a> {
    t: Tokens<'a>,
    d: Drawing,
    blocks: HashMap<String, Block>,
    entities: Vec<Entity>,
    layouts: Vec<Layout>,
    total: usize,
    counted: usize,
}

impl<'a> Reader<'a> {
    /// The next pair, which must exist (else the file is truncated).
    fn need(&mut self, inside: &str) -> Result<Pair<'a>, ImportError> {
        self.t.next()?.ok_or_else(|| {
            ImportError::at(
                self.t.here(),
                format!("the file ends inside {inside}: it is truncated (export or copy it again)"),
            )
        })
    }

    fn skip_section(&mut self, name: &str) -> Result<(), ImportError> {
        loop {
            let p = self.need(&format!("the {name} section"))?;
            if p.code == 0 && p.is("ENDSEC") {
                return Ok(());
            }
        }
    }

    fn header(&mut self) -> Result<(), ImportError> {
        let mut var = String::new();
        let mut measurement = None;
        loop {
            let p = self.need("the HEADER section")?;
            match p.code {
                0 if p.is("ENDSEC") => break,
                9 => var = p.text().trim().to_string(),
                70 if var == "$INSUNITS" => {
                    let place = self.t.place(p.at);
                    let code = p.int(&place, "$INSUNITS")?;
                    match insunits(code) {
                        Some((m, name)) => {
                            self.d.units = Some((m, format!("header $INSUNITS = {code} ({name})")))
                        }
                        None => self.d.unitless = true,
                    }
                }
                70 if var == "$MEASUREMENT" => {
                    measurement = Some(p.int(&self.t.place(p.at), "$MEASUREMENT")?)
                }
                _ => {}
            }
        }
        if self.d.units.is_none() {
            self.d.unitless = true;
            if measurement == Some(0) {
                self.d.note(
                    NoteLevel::Info,
                    String::new(),
                    "the header says imperial measurement ($MEASUREMENT = 0) but no units",
                );
            }
        }
        Ok(())
    }

    fn tables(&mut self) -> Result<(), ImportError> {
        let mut in_layers = false;
        loop {
            let p = self.need("the TABLES section")?;
            if p.code != 0 {
                continue;
            }
            if p.is("ENDSEC") {
                return Ok(());
            }
            if p.is("TABLE") {
                let name = self.need("a TABLE")?;
                in_layers = name.code == 2 && name.is("LAYER");
                continue;
            }
            if p.is("LAYER") && in_layers {
                let fields = self.fields(p.at)?;
                let name = fields.get(2).map(|p| p.text().trim().to_string());
                let place = self.t.place(fields.at);
                let flags = match fields.get(70) {
                    Some(f) => f.int(&place, "LAYER")?,
                    None => 0,
                };
                let color = match fields.get(62) {
                    Some(f) => f.int(&place, "LAYER")?,
                    None => 7,
                };
                if let Some(name) = name {
                    let i = self.d.layer(&name);
                    // Frozen (flag 1) or off (negative colour).
                    self.d.layers[i].hidden = flags & 1 != 0 || color < 0;
                }
            }
        }
    }

    /// The pairs of the entity (or table entry) started at `at`, up to the
    /// next code 0.
    fn fields(&mut self, at: u32) -> Result<Fields<'a>, ImportError> {
        let mut pairs = Vec::new();
        loop {
            match self.t.peek()? {
                None => {
                    return Err(ImportError::at(
                        self.t.here(),
                        format!(
                            "the file ends inside the entity at {}: it is truncated (export or copy it again)",
                            self.t.place(at)
                        ),
                    ));
                }
                Some(p) if p.code == 0 => return Ok(Fields { pairs, at }),
                Some(p) => {
                    pairs.push(p);
                    self.t.next()?;
                }
            }
        }
    }

    fn blocks(&mut self, progress: &mut dyn FnMut(Progress) -> bool) -> Result<(), ImportError> {
        loop {
            let p = self.need("the BLOCKS section")?;
            if p.code != 0 {
                continue;
            }
            if p.is("ENDSEC") {
                return Ok(());
            }
            if !p.is("BLOCK") {
                continue;
            }
            let fields = self.fields(p.at)?;
            let place = self.t.place(fields.at);
            let name = fields
                .get(2)
                .map(|p| p.text().trim().to_string())
                .ok_or_else(|| {
                    ImportError::at(place.clone(), "a BLOCK without its name (group code 2)")
                })?;
            let flags = match fields.get(70) {
                Some(f) => f.int(&place, "BLOCK")?,
                None => 0,
            };
            let coord = |code| -> Result<f64, ImportError> {
                fields
                    .get(code)
                    .map_or(Ok(0.0), |f| f.float(&place, "BLOCK"))
            };
            let base = [coord(10)?, coord(20)?];
            let entities = self.entities("ENDBLK", progress)?;
            let owner = fields.get(330).map(|p| p.text().trim().to_string());
            self.blocks.insert(
                name.to_uppercase(),
                Block {
                    name,
                    base,
                    entities,
                    xref: flags & 4 != 0,
                    at: p.at,
                    owner,
                },
            );
        }
    }

    /// Entities up to `(0, end)`: ENDSEC for the entities section, ENDBLK for a
    /// block. POLYLINE takes its VERTEX entities up to SEQEND; attributes after
    /// an INSERT are counted and skipped.
    fn entities(
        &mut self,
        end: &str,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<Vec<Entity>, ImportError> {
        let mut out = Vec::new();
        let inside = if end == "ENDSEC" {
            "the ENTITIES section"
        } else {
            "a BLOCK"
        };
        loop {
            let p = self.need(inside)?;
            if p.code != 0 {
                return Err(ImportError::at(
                    self.t.place(p.at),
                    format!(
                        "expected an entity (group code 0), found group code {}",
                        p.code
                    ),
                ));
            }
            let name = p.text().trim().to_string();
            if name == end {
                if end == "ENDBLK" {
                    // ENDBLK's own fields.
                    self.fields(p.at)?;
                }
                return Ok(out);
            }
            if name == "ENDSEC" {
                return Err(ImportError::at(
                    self.t.place(p.at),
                    "a BLOCK without ENDBLK: the file is damaged",
                ));
            }
            self.counted += 1;
            if self.counted.is_multiple_of(8192)
                && !progress(Progress {
                    phase: Phase::Reading,
                    done: self.t.position(),
                    total: self.total,
                })
            {
                return Err(ImportError::Cancelled);
            }
            let fields = self.fields(p.at)?;
            let mut vertices = Vec::new();
            if name == "POLYLINE" {
                loop {
                    let v = self.need("a POLYLINE (no SEQEND)")?;
                    if v.code == 0 && v.is("VERTEX") {
                        vertices.push(self.fields(v.at)?);
                    } else if v.code == 0 && v.is("SEQEND") {
                        self.fields(v.at)?;
                        break;
                    } else {
                        return Err(ImportError::at(
                            self.t.place(v.at),
                            format!(
                                "expected VERTEX or SEQEND after the POLYLINE at {}",
                                self.t.place(p.at)
                            ),
                        ));
                    }
                }
            }
            if let Some(e) = self.entity(&name, &fields, &vertices)? {
                out.push(e);
            }
        }
    }

    /// One entity from its fields.
    fn entity(
        &mut self,
        name: &str,
        f: &Fields<'a>,
        vertices: &[Fields<'a>],
    ) -> Result<Option<Entity>, ImportError> {
        let place = self.t.place(f.at);
        let type_name = type_name(name);
        let num = |code: i32, default: f64| -> Result<f64, ImportError> {
            f.get(code).map_or(Ok(default), |p| p.float(&place, name))
        };
        let int = |code: i32, default: i64| -> Result<i64, ImportError> {
            f.get(code).map_or(Ok(default), |p| p.int(&place, name))
        };
        let paper = int(67, 0)? == 1;
        let owner = if paper {
            f.get(330).map(|p| p.text().trim().to_string())
        } else {
            None
        };
        let layer = f
            .get(8)
            .map(|p| p.text().trim().to_string())
            .unwrap_or_else(|| "0".to_string());
        let extrusion = [num(210, 0.0)?, num(220, 0.0)?, num(230, 1.0)?];
        let kind = match name {
            "LINE" => Kind::Geom(Geom::Polyline {
                points: vec![[num(10, 0.0)?, num(20, 0.0)?], [num(11, 0.0)?, num(21, 0.0)?]],
                bulges: Vec::new(),
                closed: false,
                transform: Affine::IDENTITY,
            }),
            "LWPOLYLINE" => {
                let mut points: Vec<[f64; 2]> = Vec::new();
                let mut bulges: Vec<f64> = Vec::new();
                for p in &f.pairs {
                    match p.code {
                        10 => {
                            points.push([p.float(&place, name)?, 0.0]);
                            bulges.push(0.0);
                        }
                        20 => match points.last_mut() {
                            Some(last) => last[1] = p.float(&place, name)?,
                            None => {
                                return Err(ImportError::at(
                                    place,
                                    "LWPOLYLINE: a y coordinate (20) before any x (10)",
                                ));
                            }
                        },
                        42 => {
                            if let Some(b) = bulges.last_mut() {
                                *b = p.float(&place, name)?;
                            }
                        }
                        _ => {}
                    }
                }
                if bulges.iter().all(|&b| b == 0.0) {
                    bulges.clear();
                }
                Kind::Geom(Geom::Polyline {
                    points,
                    bulges,
                    closed: int(70, 0)? & 1 != 0,
                    transform: ocs(extrusion, num(38, 0.0)?),
                })
            }
            "POLYLINE" => {
                let flags = int(70, 0)?;
                if flags & (16 | 64) != 0 {
                    Kind::Skipped(Some("a 3D mesh, not a plan line".into()))
                } else {
                    let is_3d = flags & 8 != 0;
                    let mut points = Vec::with_capacity(vertices.len());
                    let mut bulges = Vec::with_capacity(vertices.len());
                    for v in vertices {
                        let vp = self.t.place(v.at);
                        let vnum = |code: i32| -> Result<f64, ImportError> {
                            v.get(code).map_or(Ok(0.0), |p| p.float(&vp, "VERTEX"))
                        };
                        let vflags = v.get(70).map_or(Ok(0), |p| p.int(&vp, "VERTEX"))?;
                        // Spline frame control points are not on the line.
                        if vflags & 16 != 0 {
                            continue;
                        }
                        points.push([vnum(10)?, vnum(20)?]);
                        bulges.push(if is_3d { 0.0 } else { vnum(42)? });
                    }
                    if bulges.iter().all(|&b| b == 0.0) {
                        bulges.clear();
                    }
                    Kind::Geom(Geom::Polyline {
                        points,
                        bulges,
                        closed: flags & 1 != 0,
                        transform: if is_3d {
                            Affine::IDENTITY
                        } else {
                            ocs(extrusion, num(30, 0.0)?)
                        },
                    })
                }
            }
            "ARC" | "CIRCLE" => {
                let radius = num(40, 0.0)?;
                let (start, sweep) = if name == "CIRCLE" {
                    (0.0, std::f64::consts::TAU)
                } else {
                    let (a0, a1) = (num(50, 0.0)?, num(51, 360.0)?);
                    let mut sweep = (a1 - a0).rem_euclid(360.0);
                    if sweep == 0.0 {
                        sweep = 360.0;
                    }
                    (a0.to_radians(), sweep.to_radians())
                };
                let center = Vec2::new(num(10, 0.0)?, num(20, 0.0)?);
                Kind::Geom(Geom::Arc {
                    radius,
                    start,
                    sweep,
                    transform: ocs(extrusion, num(30, 0.0)?) * Affine::translate(center),
                })
            }
            "ELLIPSE" => {
                let c = [num(10, 0.0)?, num(20, 0.0)?];
                let m = [num(11, 0.0)?, num(21, 0.0)?, num(31, 0.0)?];
                let ratio = num(40, 1.0)?;
                let n = extrusion;
                let minor = [
                    (n[1] * m[2] - n[2] * m[1]) * ratio,
                    (n[2] * m[0] - n[0] * m[2]) * ratio,
                ];
                let (t0, t1) = (num(41, 0.0)?, num(42, std::f64::consts::TAU)?);
                let mut sweep = (t1 - t0).rem_euclid(std::f64::consts::TAU);
                if sweep == 0.0 {
                    sweep = std::f64::consts::TAU;
                }
                Kind::Geom(Geom::Arc {
                    radius: 1.0,
                    start: t0,
                    sweep,
                    transform: Affine::new([m[0], m[1], minor[0], minor[1], c[0], c[1]]),
                })
            }
            "INSERT" => {
                let block = f
                    .get(2)
                    .map(|p| p.text().trim().to_string())
                    .ok_or_else(|| ImportError::at(place.clone(), "INSERT without a block name (group code 2)"))?;
                let at = Vec2::new(num(10, 0.0)?, num(20, 0.0)?);
                let (sx, sy) = (num(41, 1.0)?, num(42, 1.0)?);
                let rotation = num(50, 0.0)?.to_radians();
                let (cols, rows) = (int(70, 1)?.max(1), int(71, 1)?.max(1));
                let (dc, dr) = (num(44, 0.0)?, num(45, 0.0)?);
                if cols.saturating_mul(rows) > 1_000_000 {
                    return Err(ImportError::Limit(format!(
                        "{place}: INSERT of \"{block}\" as a {cols} × {rows} array: more than 1,000,000 copies"
                    )));
                }
                let outer = ocs(extrusion, num(30, 0.0)?) * Affine::translate(at) * Affine::rotate(rotation);
                let scale = Affine::scale_non_uniform(sx, sy);
                let mut cells = Vec::with_capacity((cols * rows) as usize);
                for r in 0..rows {
                    for c in 0..cols {
                        let offset = Affine::translate((c as f64 * dc, r as f64 * dr));
                        cells.push(outer * offset * scale);
                    }
                }
                Kind::Insert(Insert {
                    block,
                    cells,
                    z: num(30, 0.0)?,
                })
            }
            "TEXT" | "MTEXT" => {
                let mut text = String::new();
                // MTEXT splits long text over 3s before the final 1.
                for p in f.pairs.iter().filter(|p| p.code == 3) {
                    text.push_str(&p.text());
                }
                if let Some(p) = f.get(1) {
                    text.push_str(&p.text());
                }
                let at = [num(10, 0.0)?, num(20, 0.0)?];
                let text = if name == "MTEXT" { plain_mtext(&text) } else { text };
                let at = if name == "TEXT" {
                    let p = ocs(extrusion, 0.0) * super::drawing::kp(at);
                    [p.x, p.y]
                } else {
                    at
                };
                Kind::Text { at, text }
            }
            "SPLINE" => Kind::Skipped(Some(
                "SPLINE is not supported: convert splines to polylines (e.g. FLATTEN or PEDIT) to import them".into(),
            )),
            _ => Kind::Skipped(None),
        };
        let kind = match kind {
            Kind::Geom(g) if !geom_ok(&g) => Kind::Skipped(Some(format!(
                "{name} with a zero or negative radius or too few points"
            ))),
            k => k,
        };
        Ok(Some(Entity {
            kind,
            layer,
            at: f.at,
            type_name,
            paper,
            owner,
        }))
    }

    /// Refuses a drawing whose `list` expands past the limit through its
    /// block inserts, before any work (an insert bomb).
    fn count(&self, list: &[&Entity], limits: &Limits) -> Result<(), ImportError> {
        let mut memo: HashMap<String, u64> = HashMap::new();
        let mut total: u64 = 0;
        for e in list {
            total = total.saturating_add(self.expanded(e, &mut memo, 0, limits)?);
        }
        if total > limits.max_shapes as u64 {
            return Err(ImportError::Limit(format!(
                "the drawing expands to {total} entities through its block inserts; imports are limited to {}",
                limits.max_shapes
            )));
        }
        Ok(())
    }

    /// Expands `list` (and the blocks it inserts) under `transform` into `d`'s
    /// shapes: each INSERT of the list is one group (a door symbol); `inherit`
    /// and `via` as [`Emit`] takes them.
    fn emit_into(
        &self,
        d: &mut Drawing,
        list: &[&Entity],
        transform: Affine,
        inherit: Option<&str>,
        via: u32,
    ) -> Result<(), ImportError> {
        let mut group = 0u32;
        let mut missing: Vec<String> = Vec::new();
        for e in list {
            let g = if matches!(e.kind, Kind::Insert(_)) {
                group += 1;
                group
            } else {
                0
            };
            let mut ctx = Emit {
                d: &mut *d,
                blocks: &self.blocks,
                via,
                group: g,
                missing: &mut missing,
            };
            ctx.emit(e, transform, inherit)?;
        }
        Ok(())
    }

    /// The model space as one plan; `notes` join the drawing's.
    fn plan(&self, limits: &Limits, notes: Vec<super::Note>) -> Result<Drawing, ImportError> {
        let model: Vec<&Entity> = self.entities.iter().filter(|e| !e.paper).collect();
        let paper = self.entities.len() - model.len();
        self.count(&model, limits)?;
        let mut d = self.template();
        d.notes = self.d.notes.clone();
        self.emit_into(&mut d, &model, Affine::IDENTITY, None, 0)?;
        if paper > 0 {
            d.note(
                NoteLevel::Info,
                String::new(),
                format!(
                    "{paper} paper-space entities (layouts, title blocks) skipped: only the model is a plan"
                ),
            );
        }
        d.notes.extend(notes);
        Ok(d)
    }

    /// A drawing with the file's layers and units and nothing in it.
    fn template(&self) -> Drawing {
        Drawing {
            format: self.d.format,
            layers: self.d.layers.clone(),
            units: self.d.units.clone(),
            unitless: self.d.unitless,
            binary: self.d.binary,
            ..Drawing::default()
        }
    }

    fn place(&self, at: u32) -> String {
        self.t.place(at)
    }

    /// The paper-space layouts with their entities, in tab order: the
    /// ENTITIES section's paper-space entities go to the layout that owns
    /// them (the active one when they name no owner), a `*Paper_Space<N>`
    /// block's to the layout of its block record.
    fn layout_parts(&self) -> Vec<(String, String, Vec<&Entity>)> {
        let paper: Vec<&Entity> = self.entities.iter().filter(|e| e.paper).collect();
        let mut blocks: Vec<&Block> = self
            .blocks
            .iter()
            .filter(|(k, _)| k.starts_with("*PAPER_SPACE"))
            .map(|(_, b)| b)
            .collect();
        blocks.sort_by(|a, b| a.name.cmp(&b.name));
        let mut layouts: Vec<&Layout> = self
            .layouts
            .iter()
            .filter(|l| !l.name.eq_ignore_ascii_case("model"))
            .collect();
        layouts.sort_by_key(|l| (l.tab, l.at));
        let mut out = Vec::new();
        if layouts.is_empty() {
            if !paper.is_empty() {
                out.push((
                    "Paper space".to_string(),
                    "the paper space".to_string(),
                    paper,
                ));
            }
            for b in blocks {
                if b.name.len() > "*Paper_Space".len() {
                    out.push((
                        b.name.trim_start_matches('*').to_string(),
                        format!("block \"{}\" ({})", b.name, self.place(b.at)),
                        b.entities.iter().collect(),
                    ));
                }
            }
            return out;
        }
        // The active layout: the one whose record owns *Paper_Space.
        let active_record = self
            .blocks
            .get("*PAPER_SPACE")
            .and_then(|b| b.owner.clone());
        let active = layouts
            .iter()
            .position(|l| l.record.is_some() && l.record == active_record)
            .unwrap_or(0);
        for (k, l) in layouts.iter().enumerate() {
            let mut list: Vec<&Entity> = paper
                .iter()
                .copied()
                .filter(|e| match &e.owner {
                    Some(o) => Some(o) == l.record.as_ref(),
                    None => k == active,
                })
                .collect();
            for b in &blocks {
                if b.owner.is_some() && b.owner == l.record && b.name.len() > "*Paper_Space".len() {
                    list.extend(b.entities.iter());
                }
            }
            out.push((
                l.name.clone(),
                format!("layout \"{}\" ({})", l.name, self.place(l.at)),
                list,
            ));
        }
        out
    }

    /// The model-space INSERTs of single copies of blocks whose names look
    /// like levels' (`LEVEL 0`, `L1`, `Ground floor`, `Quay`).
    fn level_inserts(&self) -> Vec<&Entity> {
        self.entities
            .iter()
            .filter(|e| !e.paper)
            .filter(|e| match &e.kind {
                Kind::Insert(i) => {
                    i.cells.len() == 1
                        && super::levels::level_name(&i.block).is_some()
                        && self
                            .blocks
                            .get(&i.block.to_uppercase())
                            .is_some_and(|b| !b.xref)
                }
                _ => false,
            })
            .collect()
    }

    /// The drawing as one plan or as levels, as `split` asks.
    fn split(&self, split: LevelSplit, limits: &Limits) -> Result<Read, ImportError> {
        let drawn = |e: &&Entity| !matches!(e.kind, Kind::Skipped(_));
        let layouts: Vec<(String, String, Vec<&Entity>)> = self
            .layout_parts()
            .into_iter()
            .filter(|(_, _, list)| list.iter().any(drawn))
            .collect();
        let inserts = self.level_inserts();
        let model: Vec<&Entity> = self.entities.iter().filter(|e| !e.paper).collect();
        // By their place in the file (one entity per line or byte), so that
        // a drawing with thousands of level-like symbol inserts stays linear.
        let level_at: std::collections::HashSet<u32> = inserts.iter().map(|e| e.at).collect();
        let outside: Vec<&Entity> = model
            .iter()
            .copied()
            .filter(|e| !level_at.contains(&e.at))
            .collect();
        let mut notes = Vec::new();
        let mode = match split {
            LevelSplit::Auto => {
                let mut memo = HashMap::new();
                let mut size = |list: &[&Entity]| -> Result<u64, ImportError> {
                    let mut n = 0u64;
                    for e in list {
                        n = n.saturating_add(self.expanded(e, &mut memo, 0, limits)?);
                    }
                    Ok(n)
                };
                let smallest = inserts
                    .iter()
                    .map(|e| size(&[*e]))
                    .collect::<Result<Vec<u64>, _>>()?
                    .into_iter()
                    .min()
                    .unwrap_or(0);
                if !model.iter().any(drawn) && !layouts.is_empty() {
                    LevelSplit::Layouts
                } else if inserts.len() >= 2 && size(&outside)? < smallest {
                    LevelSplit::Blocks
                } else {
                    let mut could = Vec::new();
                    if layouts.len() >= 2 {
                        could.push(format!(
                            "its layouts ({}) hold shapes too: --levels layouts imports one level per layout",
                            layouts.iter().map(|l| format!("\"{}\"", l.0)).collect::<Vec<_>>().join(", ")
                        ));
                    }
                    if inserts.len() >= 2 {
                        let mut names: Vec<String> = Vec::new();
                        for e in &inserts {
                            let n = format!("\"{}\"", insert_block(e));
                            if !names.contains(&n) && names.len() < 6 {
                                names.push(n);
                            }
                        }
                        could.push(format!(
                            "it inserts blocks named like levels {} times ({}{}): --levels blocks imports one level per insert",
                            inserts.len(),
                            names.join(", "),
                            if names.len() == 6 { ", ..." } else { "" }
                        ));
                    }
                    for c in could {
                        notes.push(super::Note {
                            level: NoteLevel::Info,
                            place: String::new(),
                            message: format!("imported as one plan (the model space); {c}"),
                        });
                    }
                    LevelSplit::None
                }
            }
            m => m,
        };
        let mut parts: Vec<(LevelSource, Drawing)> = Vec::new();
        match mode {
            LevelSplit::Auto | LevelSplit::None => {
                return Ok(Read::Plan(self.plan(limits, notes)?));
            }
            LevelSplit::Layouts => {
                if layouts.is_empty() {
                    let names: Vec<String> = self
                        .layout_parts()
                        .into_iter()
                        .map(|l| format!("\"{}\"", l.0))
                        .collect();
                    return Err(ImportError::Options(format!(
                        "--levels layouts: no paper-space layout holds shapes ({}); the plan is in the model space: import it with --levels none or blocks",
                        if names.is_empty() {
                            "the file has no layouts".to_string()
                        } else {
                            format!("layouts {}: viewports or nothing", names.join(", "))
                        }
                    )));
                }
                let all: Vec<&Entity> = layouts.iter().flat_map(|l| l.2.iter().copied()).collect();
                self.count(&all, limits)?;
                let skipped = model.iter().filter(|e| drawn(e)).count();
                if skipped > 0 {
                    notes.push(super::Note {
                        level: NoteLevel::Warning,
                        place: String::new(),
                        message: format!("{skipped} model-space entities not imported: the levels are the layouts"),
                    });
                }
                for (name, source, list) in &layouts {
                    let mut d = self.template();
                    self.emit_into(&mut d, list, Affine::IDENTITY, None, 0)?;
                    parts.push((
                        LevelSource {
                            name: name.clone(),
                            source: source.clone(),
                            elevation_m: None,
                        },
                        d,
                    ));
                }
            }
            LevelSplit::Blocks => {
                if inserts.is_empty() {
                    let mut names: Vec<String> = model
                        .iter()
                        .filter(|e| matches!(e.kind, Kind::Insert(_)))
                        .map(|e| format!("\"{}\"", insert_block(e)))
                        .collect();
                    names.sort();
                    names.dedup();
                    if names.len() > 12 {
                        let more = names.len() - 12;
                        names.truncate(12);
                        names.push(format!("and {more} more"));
                    }
                    return Err(ImportError::Options(format!(
                        "--levels blocks: no model-space INSERT names a block like a level (LEVEL 0, L1, Ground floor, Quay...); {}",
                        if names.is_empty() {
                            "the model inserts no blocks".to_string()
                        } else {
                            format!("it inserts {}: rename the floors' blocks", names.join(", "))
                        }
                    )));
                }
                self.count(&inserts, limits)?;
                let left = outside.iter().filter(|e| drawn(e)).count();
                if left > 0 {
                    let first: Vec<String> = outside
                        .iter()
                        .filter(|e| drawn(e))
                        .take(3)
                        .map(|e| self.place(e.at))
                        .collect();
                    notes.push(super::Note {
                        level: NoteLevel::Warning,
                        place: String::new(),
                        message: format!(
                            "{left} model-space entities outside the level blocks not imported ({}{}): put them in a level's block, or import with --levels none",
                            first.join(", "),
                            if left > 3 { ", ..." } else { "" }
                        ),
                    });
                }
                let mut aligned = false;
                for e in &inserts {
                    let Kind::Insert(insert) = &e.kind else {
                        continue;
                    };
                    let block = &self.blocks[&insert.block.to_uppercase()];
                    // At the block's base point: floors drawn side by side in
                    // the model line up as stacked floors do.
                    let cell = insert.cells[0];
                    aligned |= cell.translation() != inserts_translation(&inserts);
                    let t = cell.with_translation(Vec2::ZERO)
                        * Affine::translate((-block.base[0], -block.base[1]));
                    let mut d = self.template();
                    let list: Vec<&Entity> = block.entities.iter().collect();
                    let layer = e.layer.as_str();
                    self.emit_into(&mut d, &list, t, Some(layer), e.at)?;
                    parts.push((
                        LevelSource {
                            name: block.name.clone(),
                            source: format!(
                                "block \"{}\" (INSERT at {})",
                                block.name,
                                self.place(e.at)
                            ),
                            elevation_m: Some(insert.z),
                        },
                        d,
                    ));
                }
                if aligned {
                    notes.push(super::Note {
                        level: NoteLevel::Info,
                        place: String::new(),
                        message: "the level blocks are inserted at different places (floors side by side): each level is placed by its block's base point, so the base points must be the same place on every floor".into(),
                    });
                }
            }
        }
        let mut header = self.d.notes.clone();
        header.extend(notes);
        Ok(Read::Levels {
            levels: parts,
            notes: header,
        })
    }

    /// The OBJECTS section's LAYOUT objects (name, tab order, block record).
    fn objects(&mut self) -> Result<(), ImportError> {
        loop {
            let p = self.need("the OBJECTS section")?;
            if p.code != 0 {
                continue;
            }
            if p.is("ENDSEC") {
                return Ok(());
            }
            if !p.is("LAYOUT") {
                continue;
            }
            let fields = self.fields(p.at)?;
            let place = self.t.place(fields.at);
            let Some(start) = fields
                .pairs
                .iter()
                .position(|q| q.code == 100 && q.text().trim() == "AcDbLayout")
            else {
                continue;
            };
            let own = &fields.pairs[start..];
            let name = own
                .iter()
                .find(|q| q.code == 1)
                .map(|q| q.text().trim().to_string());
            let tab = match own.iter().find(|q| q.code == 71) {
                Some(q) => q.int(&place, "LAYOUT")?,
                None => 0,
            };
            let record = own
                .iter()
                .find(|q| q.code == 330)
                .map(|q| q.text().trim().to_string());
            if let Some(name) = name {
                self.layouts.push(Layout {
                    name,
                    tab,
                    record,
                    at: p.at,
                });
            }
        }
    }

    /// Entities `e` expands to (1 for a plain entity).
    fn expanded(
        &self,
        e: &Entity,
        memo: &mut HashMap<String, u64>,
        depth: usize,
        limits: &Limits,
    ) -> Result<u64, ImportError> {
        let Kind::Insert(insert) = &e.kind else {
            return Ok(1);
        };
        let key = insert.block.to_uppercase();
        let per = match memo.get(&key) {
            Some(&n) => n,
            None => {
                if depth >= limits.max_depth {
                    return Err(ImportError::Limit(format!(
                        "{}: blocks nested more than {} deep (INSERT of \"{}\"); a block may be inserting itself",
                        self.t.place(e.at),
                        limits.max_depth,
                        insert.block
                    )));
                }
                let n = match self.blocks.get(&key) {
                    Some(b) if !b.xref => {
                        let mut n: u64 = 0;
                        for inner in &b.entities {
                            n = n.saturating_add(self.expanded(inner, memo, depth + 1, limits)?);
                        }
                        n
                    }
                    _ => 0,
                };
                memo.insert(key, n);
                n
            }
        };
        Ok(per
            .saturating_mul(insert.cells.len() as u64)
            .saturating_add(1))
    }
}

/// Expansion of entities into shapes.
struct Emit<'r> {
    d: &'r mut Drawing,
    blocks: &'r HashMap<String, Block>,
    via: u32,
    group: u32,
    missing: &'r mut Vec<String>,
}

impl Emit<'_> {
    /// Emits `e` under `transform`; `inherit` is the layer of the insert it is
    /// in (entities on layer 0 in a block take the insert's layer).
    fn emit(
        &mut self,
        e: &Entity,
        transform: Affine,
        inherit: Option<&str>,
    ) -> Result<(), ImportError> {
        let layer_name = match inherit {
            Some(outer) if e.layer == "0" => outer,
            _ => e.layer.as_str(),
        };
        let layer = self.d.layer(layer_name);
        self.d.count(layer, e.type_name);
        let place = Place {
            at: e.at,
            what: e.type_name,
            via: self.via,
        };
        match &e.kind {
            Kind::Geom(g) => {
                let geom = match g.clone() {
                    Geom::Polyline {
                        points,
                        bulges,
                        closed,
                        transform: t,
                    } => Geom::Polyline {
                        points,
                        bulges,
                        closed,
                        transform: transform * t,
                    },
                    Geom::Arc {
                        radius,
                        start,
                        sweep,
                        transform: t,
                    } => Geom::Arc {
                        radius,
                        start,
                        sweep,
                        transform: transform * t,
                    },
                    other => other,
                };
                self.d.shapes.push(Shape {
                    layer,
                    geom,
                    place,
                    group: self.group,
                    props: None,
                });
            }
            Kind::Text { at, text } => {
                let p = transform * super::drawing::kp(*at);
                self.d.texts.push(Text {
                    layer,
                    at: [p.x, p.y],
                    text: text.clone(),
                    place,
                });
            }
            Kind::Skipped(reason) => {
                if let Some(reason) = reason {
                    let place = self.d.place_text(place);
                    self.d.note(NoteLevel::Warning, place, reason.clone());
                }
            }
            Kind::Insert(insert) => {
                let key = insert.block.to_uppercase();
                let Some(block) = self.blocks.get(&key) else {
                    if !self.missing.contains(&key) {
                        self.missing.push(key);
                        let place = self.d.place_text(place);
                        self.d.note(
                            NoteLevel::Warning,
                            place,
                            format!(
                                "INSERT of block \"{}\", which the file does not define: skipped",
                                insert.block
                            ),
                        );
                    }
                    return Ok(());
                };
                if block.xref {
                    if !self.missing.contains(&key) {
                        self.missing.push(key);
                        let place = self.d.place_text(place);
                        self.d.note(
                            NoteLevel::Warning,
                            place,
                            format!(
                                "block \"{}\" is an external reference (another drawing, defined at {}): not imported; bind it in the CAD program to include it",
                                insert.block,
                                if self.d.binary { format!("byte {}", block.at) } else { format!("line {}", block.at) }
                            ),
                        );
                    }
                    return Ok(());
                }
                let outer_via = self.via;
                if self.via == 0 {
                    self.via = e.at;
                }
                let base = Affine::translate((-block.base[0], -block.base[1]));
                for cell in &insert.cells {
                    let t = transform * *cell * base;
                    for inner in &block.entities {
                        self.emit(inner, t, Some(layer_name))?;
                    }
                }
                self.via = outer_via;
            }
        }
        Ok(())
    }
}

/// The block an INSERT entity names.
fn insert_block(e: &Entity) -> &str {
    match &e.kind {
        Kind::Insert(i) => &i.block,
        _ => "",
    }
}

/// The first level insert's translation (to tell whether all are at one place).
fn inserts_translation(inserts: &[&Entity]) -> Vec2 {
    inserts
        .iter()
        .find_map(|e| match &e.kind {
            Kind::Insert(i) => i.cells.first().map(|c| c.translation()),
            _ => None,
        })
        .unwrap_or(Vec2::ZERO)
}

/// Rejects geometry that cannot be drawn (no radius, no points).
fn geom_ok(g: &Geom) -> bool {
    match g {
        Geom::Polyline { points, .. } => points.len() >= 2,
        Geom::Arc { radius, .. } => *radius > 0.0,
        _ => true,
    }
}

/// MTEXT without its formatting codes (`\P` paragraphs, `{\fArial;...}` fonts,
/// `\A1;` alignment...).
fn plain_mtext(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => match chars.next() {
                Some('P') | Some('n') => out.push(' '),
                Some('~') => out.push(' '),
                // Switches without an argument: underline, overline, strike.
                Some('L' | 'l' | 'O' | 'o' | 'K' | 'k') => {}
                Some('\\') => out.push('\\'),
                Some('{') => out.push('{'),
                Some('}') => out.push('}'),
                // Codes with an argument up to ';'.
                Some(_) => {
                    for d in chars.by_ref() {
                        if d == ';' {
                            break;
                        }
                    }
                }
                None => {}
            },
            other => out.push(other),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mtext_formatting_is_stripped() {
        assert_eq!(
            plain_mtext("{\\fArial|b1;GALLERY}\\PAPOLLON"),
            "GALLERY APOLLON"
        );
        assert_eq!(plain_mtext("\\A1;Salle 3"), "Salle 3");
    }

    #[test]
    fn a_mirrored_ocs_flips_x() {
        let t = ocs([0.0, 0.0, -1.0], 0.0);
        let p = t * kurbo::Point::new(2.0, 3.0);
        assert!((p.x + 2.0).abs() < 1e-15 && (p.y - 3.0).abs() < 1e-15);
    }
}
