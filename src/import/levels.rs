//! A building's levels from drawings: one level per file, per DXF paper-space
//! layout or per DXF block inserted as a floor.
//!
//! Each level's drawing is built on its own by the shared steps (mapping,
//! cleaning, zones) and the levels are then merged into one scenario: every
//! wall and zone tagged with its level, ids prefixed with the level's id (ids
//! are unique across a file), the levels listed bottom to top. What a level's
//! name says (a storey number, an elevation in metres, the outdoor site) orders
//! them and gives their elevations when the drawing does not; every guess is a
//! note. Connections are made only where the drawing marks them: a shape on a
//! stair, lift or ramp layer (`A-FLOR-STRS`, `A-FLOR-EVTR`, `Stairs`, `Lift`...)
//! overlapping one of the same kind on the level above is a connection there.
//! See docs/import.md ("Levels").

use super::drawing::Drawing;
use super::{ImportError, ImportReport, Imported, LayerSummary, Note, NoteLevel, UnitsReport};
use crate::geometry::{Bounds, Point};
use crate::scenario::{Connection, ConnectionKind, Georeference, Level, LevelPlace, Scenario};
use serde::Serialize;

/// How a DXF's levels are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSplit {
    /// Layouts when the model space is empty and layouts hold the drawing;
    /// blocks when two or more INSERTs in the model name level-like blocks
    /// and hold more than what lies outside them; else one plan.
    #[default]
    Auto,
    /// One plan: the model space, as before levels.
    None,
    /// One level per paper-space layout that holds shapes.
    Layouts,
    /// One level per model-space INSERT of a block with a level-like name.
    Blocks,
}

impl LevelSplit {
    /// All modes, as the CLI and the page write them.
    pub const ALL: [LevelSplit; 4] = [
        LevelSplit::Auto,
        LevelSplit::None,
        LevelSplit::Layouts,
        LevelSplit::Blocks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LevelSplit::Auto => "auto",
            LevelSplit::None => "none",
            LevelSplit::Layouts => "layouts",
            LevelSplit::Blocks => "blocks",
        }
    }

    pub fn from_name(name: &str) -> Option<LevelSplit> {
        LevelSplit::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// What a level's name says.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct NameSays {
    /// The storey: 0 the ground floor (and the outdoor site), 1 the first floor
    /// above it, -1 the first basement; `None` for a level word without a
    /// number (mezzanine, roof).
    pub storey: Option<i32>,
    /// An elevation written in the name in metres (`+4.50`, `4.5 m`).
    pub elevation_m: Option<f64>,
    /// The outdoor site (quay, courtyard, garden, exterior).
    pub site: bool,
}

const STOREY_WORDS: &[&str] = &[
    "level",
    "lvl",
    "lev",
    "l",
    "floor",
    "fl",
    "flr",
    "storey",
    "story",
    "etage",
    "étage",
    "niveau",
    "niv",
    "geschoss",
    "og",
    "stock",
    "obergeschoss",
];
const BASEMENT_WORDS: &[&str] = &[
    "basement",
    "b",
    "cellar",
    "ss",
    "sous",
    "ug",
    "kg",
    "untergeschoss",
    "keller",
];
const GROUND_WORDS: &[&str] = &[
    "ground",
    "gf",
    "rdc",
    "eg",
    "rez",
    "erdgeschoss",
    "parterre",
];
const SITE_WORDS: &[&str] = &[
    "site",
    "quay",
    "quai",
    "exterior",
    "outside",
    "outdoor",
    "outdoors",
    "courtyard",
    "cour",
    "garden",
    "gardens",
    "jardin",
    "street",
    "rue",
    "grounds",
    "yard",
];
const OTHER_LEVEL_WORDS: &[&str] = &[
    "mezzanine",
    "mezz",
    "roof",
    "attic",
    "toit",
    "dach",
    "loft",
    "entresol",
];
const ORDINALS: &[(&str, i32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("premier", 1),
    ("deuxieme", 2),
    ("deuxième", 2),
    ("troisieme", 3),
    ("troisième", 3),
];
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "e", "eme", "ème"];

/// Lower-case words and numbers of a name: `"L01"` → `l`, `01`; `"1st Floor"`
/// → `1`, `st`, `floor`.
fn tokens(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut digit = false;
    for c in name.to_lowercase().chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let d = c.is_ascii_digit();
        if !cur.is_empty() && d != digit {
            out.push(std::mem::take(&mut cur));
        }
        digit = d;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// An elevation written in metres: a signed decimal (`+4.50`, `-3,20`) or a
/// number followed by `m` (`4.5 m`, `12m`).
fn written_elevation(name: &str) -> Option<f64> {
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let signed = matches!(chars[i], '+' | '-' | '−');
        let start = if signed { i + 1 } else { i };
        let preceded_by_alnum = i > 0 && chars[i - 1].is_alphanumeric();
        if start < chars.len() && chars[start].is_ascii_digit() && (signed || !preceded_by_alnum) {
            let mut j = start;
            let mut text = String::new();
            let mut point = false;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    text.push(c);
                } else if (c == '.' || c == ',')
                    && !point
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                {
                    point = true;
                    text.push('.');
                } else {
                    break;
                }
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            let metre =
                chars.get(k) == Some(&'m') && !chars.get(k + 1).is_some_and(|c| c.is_alphabetic());
            if (signed && point) || metre {
                let v: f64 = text.parse().ok()?;
                let negative = signed && chars[i] != '+';
                return Some(if negative { -v } else { v });
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// What a name says about a level, or `None` when it does not look like a
/// level's name (`LEVEL 0`, `L1`, `Ground floor`, `1st floor`, `Etage 2`,
/// `2.OG`, `Basement`, `Quay`, `Mezzanine`, `+4.50`).
pub fn level_name(name: &str) -> Option<NameSays> {
    let t = tokens(name);
    let elevation_m = written_elevation(name);
    let number = |i: usize| -> Option<i32> {
        t.get(i)
            .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    };
    // The number next to word i: after it, or before it (an ordinal suffix
    // such as "st" in "1st floor" skipped).
    let near = |i: usize| -> Option<i32> {
        number(i + 1).or_else(|| {
            let mut j = i;
            while j > 0 {
                j -= 1;
                if let Some(n) = number(j) {
                    return Some(n);
                }
                if !ORDINAL_SUFFIXES.contains(&t[j].as_str()) {
                    break;
                }
            }
            None
        })
    };
    let mut says = NameSays {
        elevation_m,
        ..NameSays::default()
    };
    let mut level_like = elevation_m.is_some();
    let has_storey_word = t.iter().any(|w| STOREY_WORDS.contains(&w.as_str()));
    for (i, w) in t.iter().enumerate() {
        let w = w.as_str();
        if STOREY_WORDS.contains(&w) {
            if let Some(n) = near(i) {
                says.storey.get_or_insert(n);
                level_like = true;
            } else if w != "l" && has_storey_word && t.len() > 1 {
                // "Ground floor", "first floor": the other word says which.
                level_like = true;
            }
        } else if BASEMENT_WORDS.contains(&w) {
            // "B" alone is not a level; "B1", "Basement", "2 UG" are.
            let n = near(i);
            if w != "b" || n.is_some() {
                says.storey.get_or_insert(-n.unwrap_or(1));
                level_like = true;
            }
        } else if GROUND_WORDS.contains(&w) {
            says.storey.get_or_insert(0);
            level_like = true;
        } else if SITE_WORDS.contains(&w) {
            says.storey.get_or_insert(0);
            says.site = true;
            level_like = true;
        } else if OTHER_LEVEL_WORDS.contains(&w) {
            level_like = true;
        } else if let Some(&(_, n)) = ORDINALS.iter().find(|(o, _)| *o == w)
            && has_storey_word
        {
            says.storey.get_or_insert(n);
            level_like = true;
        }
    }
    level_like.then_some(says)
}

/// A level's id from its name: lower-case letters, digits and `-`.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() { "level".to_string() } else { s }
}

/// The connection a layer's name says it draws: stairs, lifts or ramps
/// (`A-FLOR-STRS`, `A-FLOR-EVTR`, `Stairs`, `Escalier`, `Aufzug`, `Ramp`).
pub fn connection_layer(name: &str) -> Option<ConnectionKind> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if any(&[
        "STAIR",
        "STAIRS",
        "STRS",
        "STAIRCASE",
        "ESCALIER",
        "ESCALIERS",
        "TREPPE",
        "TREPPEN",
    ]) {
        Some(ConnectionKind::Stair)
    } else if any(&[
        "LIFT",
        "LIFTS",
        "ELEVATOR",
        "ELEVATORS",
        "EVTR",
        "ASCENSEUR",
        "ASCENSEURS",
        "AUFZUG",
    ]) {
        Some(ConnectionKind::Lift)
    } else if any(&["RAMP", "RAMPS", "RAMPE", "RAMPES"]) {
        Some(ConnectionKind::Ramp)
    } else {
        None
    }
}

/// Where a level's drawing marks a stair, lift or ramp: the box around one
/// marking (the shapes of one block insert, or one shape), boxes of one kind
/// that touch merged, in plan metres.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Marker {
    pub kind: ConnectionKind,
    pub b: Bounds,
    /// The layer it is drawn on.
    pub layer: String,
}

/// The markers of drawing `d` at `metres` per unit, moved by `offset`.
pub(super) fn markers(d: &Drawing, metres: f64, offset: Option<Point>) -> Vec<Marker> {
    let off = offset.unwrap_or_default();
    let kinds: Vec<Option<ConnectionKind>> = d
        .layers
        .iter()
        .map(|l| {
            if l.hidden {
                None
            } else {
                connection_layer(&l.name)
            }
        })
        .collect();
    let mut groups: std::collections::BTreeMap<(u32, usize), Marker> = Default::default();
    for (i, s) in d.shapes.iter().enumerate() {
        let Some(kind) = kinds[s.layer] else { continue };
        let key = if s.group > 0 { (s.group, 0) } else { (0, i) };
        let m = groups.entry(key).or_insert_with(|| Marker {
            kind,
            b: Bounds::EMPTY,
            layer: d.layers[s.layer].name.clone(),
        });
        s.extent_points(|p| {
            m.b.extend(Point::new(p.x * metres + off.x, p.y * metres + off.y))
        });
    }
    let mut out: Vec<Marker> = Vec::new();
    for m in groups.into_values().filter(|m| !m.b.is_empty()) {
        out.push(m);
        // Merge with every marker of its kind it touches (a stair drawn as
        // loose tread lines is one stair).
        loop {
            let last = out.len() - 1;
            let Some(j) = (0..last).find(|&j| {
                out[j].kind == out[last].kind && overlap(&out[j].b, &out[last].b, 0.5).is_some()
            }) else {
                break;
            };
            let m = out.remove(last);
            out[j].b.extend(m.b.min);
            out[j].b.extend(m.b.max);
            let merged = out.remove(j);
            out.push(merged);
        }
    }
    out
}

/// The overlap of two boxes grown by `grow`, if any.
fn overlap(a: &Bounds, b: &Bounds, grow: f64) -> Option<Bounds> {
    let min = Point::new(a.min.x.max(b.min.x), a.min.y.max(b.min.y));
    let max = Point::new(a.max.x.min(b.max.x), a.max.y.min(b.max.y));
    (min.x <= max.x + grow && min.y <= max.y + grow).then_some(Bounds { min, max })
}

/// Storey height used to guess elevations, metres (a typical floor-to-floor
/// height; museums' are often taller, so the note asks to check).
pub const STOREY_M: f64 = 3.0;

/// One level to be: its name, where it came from, and its elevation when the
/// drawing gives one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelSource {
    pub name: String,
    /// Where it came from: `file ground.dxf`, `layout "Level 1"`, `block "L1"
    /// (INSERT at line 300)`.
    pub source: String,
    /// The elevation the drawing gives (a DXF INSERT's z, in metres).
    pub elevation_m: Option<f64>,
}

/// A level's line of the import report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelImport {
    pub id: String,
    pub name: String,
    pub elevation_m: f64,
    /// Where it came from (a file, a layout, a block insert).
    pub source: String,
    /// How its elevation was found: `INSERT z`, `name`, `guessed`.
    pub elevation_from: &'static str,
    /// How its drawing units became metres (files may differ).
    pub units: UnitsReport,
    pub walls: usize,
    pub wall_segments: usize,
    pub doors: usize,
    pub zones: usize,
}

/// The levels' order (indices into `sources`, bottom to top) and elevations,
/// with a note when they are guessed. `reorder`: the order may follow the
/// names' storey numbers (layouts, blocks); files keep the order given.
fn arrange(
    sources: &[LevelSource],
    reorder: bool,
) -> (Vec<usize>, Vec<f64>, &'static str, Vec<Note>) {
    let said: Vec<Option<NameSays>> = sources.iter().map(|s| level_name(&s.name)).collect();
    let mut notes = Vec::new();
    let n = sources.len();
    let mut order: Vec<usize> = (0..n).collect();
    let storeys: Option<Vec<i32>> = said.iter().map(|s| s.and_then(|s| s.storey)).collect();
    if reorder && let Some(st) = &storeys {
        // Bottom to top; the outdoor site before a floor of the same storey.
        order.sort_by_key(|&i| (st[i], !said[i].is_some_and(|s| s.site), i));
    }
    let given: Option<Vec<f64>> = if sources
        .iter()
        .any(|s| s.elevation_m.is_some_and(|z| z != 0.0))
    {
        Some(
            sources
                .iter()
                .map(|s| s.elevation_m.unwrap_or(0.0))
                .collect(),
        )
    } else {
        None
    };
    let written: Option<Vec<f64>> = said.iter().map(|s| s.and_then(|s| s.elevation_m)).collect();
    let (elevations, from): (Vec<f64>, &'static str) = if let Some(z) = given {
        if reorder {
            order.sort_by(|&a, &b| z[a].total_cmp(&z[b]));
        }
        (z, "INSERT z")
    } else if let Some(e) = written
        && (reorder || order.windows(2).all(|w| e[w[0]] <= e[w[1]]))
    {
        if reorder {
            order.sort_by(|&a, &b| e[a].total_cmp(&e[b]));
        }
        (e, "name")
    } else {
        let mut e = vec![0.0; n];
        let by_storey = storeys
            .as_ref()
            .filter(|st| order.windows(2).all(|w| st[w[0]] <= st[w[1]]));
        for (k, &i) in order.iter().enumerate() {
            e[i] = match by_storey {
                Some(st) => st[i] as f64 * STOREY_M,
                None => k as f64 * STOREY_M,
            };
        }
        let listed: Vec<String> = order
            .iter()
            .map(|&i| format!("{} at {} m", sources[i].name, e[i]))
            .collect();
        notes.push(Note {
            level: NoteLevel::Warning,
            place: String::new(),
            message: format!(
                "the levels' elevations are guessed ({} m a storey, {}): {}; set each level's elevation_m in the scenario if it matters",
                STOREY_M,
                if by_storey.is_some() {
                    "from the storey numbers in their names"
                } else {
                    "in the order given"
                },
                listed.join(", ")
            ),
        });
        (e, "guessed")
    };
    (order, elevations, from, notes)
}

/// Merges levels built one by one into one scenario of several levels.
///
/// # Errors
/// Levels georeferenced differently (their coordinates would not share one
/// frame).
pub(super) fn merge(
    name: String,
    built: Vec<(LevelSource, Imported, Vec<Marker>)>,
    reorder: bool,
    mut notes: Vec<Note>,
) -> Result<Imported, ImportError> {
    let marks: Vec<Vec<Marker>> = built.iter().map(|(_, _, m)| m.clone()).collect();
    let built: Vec<(LevelSource, Imported)> = built.into_iter().map(|(s, i, _)| (s, i)).collect();
    let sources: Vec<LevelSource> = built.iter().map(|(s, _)| s.clone()).collect();
    let (order, elevations, from, arranged) = arrange(&sources, reorder);
    notes.extend(arranged);
    for (s, e) in sources.iter().zip(&elevations) {
        if !(e.is_finite() && e.abs() <= crate::scenario::MAX_ELEVATION_M) {
            return Err(ImportError::at(
                s.source.clone(),
                format!(
                    "level \"{}\": an elevation of {e} m ({}) is beyond ±{} m: check the drawing's units or the INSERT's z",
                    s.name,
                    if from == "INSERT z" {
                        "from the INSERT's z"
                    } else {
                        "from its name"
                    },
                    crate::scenario::MAX_ELEVATION_M
                ),
            ));
        }
    }
    let mut georeference: Option<Georeference> = None;
    for (s, imported) in &built {
        if let Some(g) = imported.scenario.plan.georeference {
            match georeference {
                None => georeference = Some(g),
                Some(first) if first != g => {
                    return Err(ImportError::Options(format!(
                        "{}: georeferenced differently from the levels before it ({:?} against {:?}): levels share one plan frame; import the files with the same --georef",
                        s.source, g, first
                    )));
                }
                _ => {}
            }
        }
    }
    let mut ids: Vec<String> = Vec::new();
    let mut levels = Vec::new();
    let mut rows = Vec::new();
    let mut walls = Vec::new();
    let mut zones = Vec::new();
    let mut layers: Vec<LayerSummary> = Vec::new();
    let mut first: Option<ImportReport> = None;
    let mut slots: Vec<Option<(LevelSource, Imported)>> = built.into_iter().map(Some).collect();
    for &i in &order {
        let (source, imported) = slots[i].take().expect("each level once");
        let base = slug(&source.name);
        let id = (1..)
            .map(|k| {
                if k == 1 {
                    base.clone()
                } else {
                    format!("{base}-{k}")
                }
            })
            .find(|id| !ids.contains(id))
            .expect("an unused id");
        ids.push(id.clone());
        let Imported { scenario, report } = imported;
        for mut w in scenario.plan.walls {
            w.id = format!("{id}-{}", w.id);
            w.level = Some(id.clone());
            walls.push(w);
        }
        for mut z in scenario.plan.zones {
            z.id = format!("{id}-{}", z.id);
            z.level = Some(id.clone());
            zones.push(z);
        }
        for l in &report.layers {
            match layers.iter_mut().find(|m| m.name == l.name) {
                Some(m) => {
                    for (k, v) in &l.entities {
                        *m.entities.entry(k.clone()).or_insert(0) += v;
                    }
                }
                None => layers.push(l.clone()),
            }
        }
        let label = format!("level \"{}\"", source.name);
        for n in &report.notes {
            notes.push(Note {
                level: n.level,
                place: if n.place.is_empty() {
                    label.clone()
                } else {
                    format!("{label}: {}", n.place)
                },
                message: n.message.clone(),
            });
        }
        rows.push(LevelImport {
            id: id.clone(),
            name: source.name.clone(),
            elevation_m: elevations[i],
            source: source.source.clone(),
            elevation_from: from,
            units: report.units.clone(),
            walls: report.walls,
            wall_segments: report.wall_segments,
            doors: report.doors,
            zones: report.zones,
        });
        levels.push(Level {
            id,
            name: source.name,
            elevation_m: elevations[i],
        });
        match &mut first {
            None => first = Some(report),
            Some(f) => {
                f.walls += report.walls;
                f.wall_segments += report.wall_segments;
                f.doors += report.doors;
                f.zones += report.zones;
                f.cleanup.add(&report.cleanup);
                if f.units != report.units {
                    f.units.source = "per level (see the levels)".into();
                }
            }
        }
    }
    let mut report = first.ok_or_else(|| ImportError::Empty("no levels to import".into()))?;
    let connections = connect(&order, &ids, &marks, &mut notes);
    let mut scenario = super::build::new_scenario(
        name,
        crate::scenario::Plan {
            walls,
            zones,
            georeference,
        },
    );
    scenario.levels = levels;
    scenario.connections = connections;
    // The reader is the judge: what the import writes must load.
    let (scenario, warnings) = Scenario::from_json(&scenario.to_json()).map_err(|e| {
        ImportError::at(
            "",
            format!("the imported levels do not validate (a bug in the importer; please report it with the files): {e}"),
        )
    })?;
    for p in warnings.list {
        notes.push(Note {
            level: NoteLevel::Warning,
            place: p.path,
            message: p.message,
        });
    }
    report.layers = layers;
    report.notes = notes;
    report.levels = rows;
    report.connections = scenario.connections.len();
    Ok(Imported { scenario, report })
}

/// Connections between each level and the next one up, where a marker
/// overlaps one of the same kind above: at the middle of their overlap.
/// `ids[k]` is the id of the level `order[k]`.
fn connect(
    order: &[usize],
    ids: &[String],
    marks: &[Vec<Marker>],
    notes: &mut Vec<Note>,
) -> Vec<Connection> {
    let mut out: Vec<Connection> = Vec::new();
    let mut used: Vec<Vec<bool>> = marks.iter().map(|m| vec![false; m.len()]).collect();
    for k in 0..order.len().saturating_sub(1) {
        let (lo, hi) = (order[k], order[k + 1]);
        for (a, ma) in marks[lo].iter().enumerate() {
            for (b, mb) in marks[hi].iter().enumerate() {
                let Some(o) = (ma.kind == mb.kind)
                    .then(|| overlap(&ma.b, &mb.b, 0.0))
                    .flatten()
                else {
                    continue;
                };
                let at = Point::new((o.min.x + o.max.x) / 2.0, (o.min.y + o.max.y) / 2.0);
                let n = out.iter().filter(|c| c.kind == ma.kind).count() + 1;
                let place = |level: &String| LevelPlace {
                    level: level.clone(),
                    x: at.x,
                    y: at.y,
                };
                out.push(Connection {
                    id: format!("{}-{n}", ma.kind.name()),
                    kind: ma.kind,
                    from: place(&ids[k]),
                    to: place(&ids[k + 1]),
                    time_s: None,
                });
                used[lo][a] = true;
                used[hi][b] = true;
            }
        }
    }
    let unmatched: usize = used.iter().map(|u| u.iter().filter(|x| !**x).count()).sum();
    if !out.is_empty() {
        let listed: Vec<String> = out
            .iter()
            .map(|c| {
                format!(
                    "{} {} to {} at ({:.2}, {:.2})",
                    c.id, c.from.level, c.to.level, c.from.x, c.from.y
                )
            })
            .collect();
        notes.push(Note {
            level: NoteLevel::Info,
            place: String::new(),
            message: format!(
                "{} connection(s) from the stair, lift and ramp layers (a marking overlapping one of its kind on the level above): {}; walking times are not known (time_s)",
                out.len(),
                listed.join("; ")
            ),
        });
    }
    if unmatched > 0 {
        notes.push(Note {
            level: NoteLevel::Warning,
            place: String::new(),
            message: format!(
                "{unmatched} stair, lift or ramp marking(s) overlap none of their kind on the level above or below: no connection made there"
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn storey(name: &str) -> Option<i32> {
        level_name(name).and_then(|s| s.storey)
    }

    #[test]
    fn level_names_say_their_storey() {
        assert_eq!(storey("LEVEL 0"), Some(0));
        assert_eq!(storey("L1"), Some(1));
        assert_eq!(storey("L-02"), Some(2));
        assert_eq!(storey("Ground floor"), Some(0));
        assert_eq!(storey("1st floor"), Some(1));
        assert_eq!(storey("First Floor"), Some(1));
        assert_eq!(storey("Etage 3"), Some(3));
        assert_eq!(storey("2.OG"), Some(2));
        assert_eq!(storey("RDC"), Some(0));
        assert_eq!(storey("Basement"), Some(-1));
        assert_eq!(storey("B2"), Some(-2));
        assert_eq!(storey("Quay"), Some(0));
        assert!(level_name("Quay").unwrap().site);
        assert_eq!(storey("Mezzanine"), None);
        assert!(level_name("Mezzanine").is_some());
    }

    #[test]
    fn other_names_are_not_levels() {
        for name in [
            "PILLAR", "DOOR-90", "A-WALL", "B", "L", "Level", "Chair 2", "Layout1",
        ] {
            assert_eq!(level_name(name), None, "{name}");
        }
    }

    #[test]
    fn elevations_written_in_metres_are_read() {
        assert_eq!(level_name("Level 1 +4.50").unwrap().elevation_m, Some(4.5));
        assert_eq!(level_name("Crypt -3,20").unwrap().elevation_m, Some(-3.2));
        assert_eq!(
            level_name("Gallery (12 m)").unwrap().elevation_m,
            Some(12.0)
        );
        assert_eq!(level_name("L1").unwrap().elevation_m, None);
        assert_eq!(level_name("L-1").unwrap().elevation_m, None);
    }

    #[test]
    fn ids_are_slugs() {
        assert_eq!(slug("Ground floor"), "ground-floor");
        assert_eq!(slug("LEVEL 0"), "level-0");
        assert_eq!(slug("  --  "), "level");
    }

    fn src(name: &str, z: Option<f64>) -> LevelSource {
        LevelSource {
            name: name.into(),
            source: String::new(),
            elevation_m: z,
        }
    }

    #[test]
    fn levels_are_ordered_by_storey_and_elevations_guessed() {
        let s = [
            src("L2", None),
            src("Quay", None),
            src("L0", None),
            src("L1", None),
        ];
        let (order, e, from, notes) = arrange(&s, true);
        assert_eq!(order, vec![1, 2, 3, 0]);
        assert_eq!(e, vec![6.0, 0.0, 0.0, 3.0]);
        assert_eq!(from, "guessed");
        assert_eq!(notes.len(), 1);
        // Files keep the order given; storeys against it: by position.
        let (order, e, _, _) = arrange(&s, false);
        assert_eq!(order, vec![0, 1, 2, 3]);
        assert_eq!(e, vec![0.0, 3.0, 6.0, 9.0]);
    }

    #[test]
    fn an_insert_z_or_a_written_elevation_wins() {
        let s = [src("A", Some(5.5)), src("B", Some(0.0))];
        let (order, e, from, notes) = arrange(&s, true);
        assert_eq!((order, e, from), (vec![1, 0], vec![5.5, 0.0], "INSERT z"));
        assert!(notes.is_empty());
        let s = [src("Hall +0.00", None), src("Gallery +5.50", None)];
        let (order, e, from, _) = arrange(&s, false);
        assert_eq!((order, e, from), (vec![0, 1], vec![0.0, 5.5], "name"));
    }
}
