//! From a drawing to a scenario: units, the layer mapping, doors from their
//! symbols, zones from closed shapes (named by the texts inside them), the
//! shared cleaning, a move near the origin for far-off coordinates, and a
//! final validation by the scenario reader itself.

use super::clean::{self, CleanWall, CleanupCounts, EventKind, WallInput, WallSpec};
use super::drawing::{Drawing, Geom, Piece, Shape};
use super::layers::{Role, guess_role};
use super::{
    Format, ImportError, ImportOptions, ImportReport, Imported, LayerSummary, Note, NoteLevel,
    Phase, Preview, Progress, UnitsReport,
};
use crate::geometry::{Bounds, Point, ring_contains, ring_signed_area};
use crate::plan::SegmentIndex;
use crate::scenario::{MAX_COORDINATE_M, Plan, Scenario, Wall, WallKind, Zone, ZoneKind};
use geo::{Orient, Simplify, Validation};

/// Coordinates farther than this from the origin are moved near it.
const FAR_M: f64 = 10_000.0;
/// At most this many places are listed for one kind of note.
const LISTED: usize = 12;
/// Zone rings smaller than this (m²) are skipped.
const MIN_ZONE_M2: f64 = 0.01;

fn units(d: &Drawing, o: &ImportOptions) -> Result<(UnitsReport, Vec<Note>), ImportError> {
    units_with(d, o, || extent(d, 1.0))
}

/// The units of the levels of one file (one header): a unitless file is
/// judged by the extent of all its levels together.
pub(super) fn units_of<'a>(
    mut levels: impl Iterator<Item = &'a Drawing>,
    o: &ImportOptions,
) -> Result<(UnitsReport, Vec<Note>), ImportError> {
    let first = levels
        .next()
        .ok_or_else(|| ImportError::Empty("no levels to import".into()))?;
    let rest: Vec<&Drawing> = levels.collect();
    units_with(first, o, || {
        let mut b = extent(first, 1.0);
        for d in &rest {
            let e = extent(d, 1.0);
            if !e.is_empty() {
                b.extend(e.min);
                b.extend(e.max);
            }
        }
        b
    })
}

fn units_with(
    d: &Drawing,
    o: &ImportOptions,
    span: impl FnOnce() -> Bounds,
) -> Result<(UnitsReport, Vec<Note>), ImportError> {
    let mut notes = Vec::new();
    if d.georeference.is_some() && (o.scale_m.is_some() || o.units.is_some()) {
        return Err(ImportError::Options(
            "the file is in longitude/latitude: its scale is the Earth's, so units and scale do not apply".into(),
        ));
    }
    if let Some(s) = o.scale_m {
        if !(s.is_finite() && s > 0.0) {
            return Err(ImportError::Options(format!(
                "--scale must be a positive number of metres per drawing unit, found {s}"
            )));
        }
        return Ok((
            UnitsReport {
                metres_per_unit: s,
                source: format!("chosen scale: {s} m per drawing unit"),
            },
            notes,
        ));
    }
    if let Some(u) = o.units {
        return Ok((
            UnitsReport {
                metres_per_unit: u.metres,
                source: format!("chosen units: {}", u.name),
            },
            notes,
        ));
    }
    if let Some((m, source)) = &d.units {
        return Ok((
            UnitsReport {
                metres_per_unit: *m,
                source: source.clone(),
            },
            notes,
        ));
    }
    // A unitless drawing: architects draw in millimetres or in metres.
    let b = span();
    let span = if b.is_empty() { 0.0 } else { b.size().length() };
    let (m, name) = if span > 2000.0 {
        (0.001, "millimetres")
    } else {
        (1.0, "metres")
    };
    notes.push(Note {
        level: NoteLevel::Warning,
        place: String::new(),
        message: format!(
            "the file does not say its units; assumed {name} because the drawing spans {span:.0} units: check the plan's size and set the units if it is wrong"
        ),
    });
    Ok((
        UnitsReport {
            metres_per_unit: m,
            source: format!("assumed {name} (the file has no units)"),
        },
        notes,
    ))
}

/// The extent of every shape, in metres at `metres` per unit.
fn extent(d: &Drawing, metres: f64) -> Bounds {
    let mut b = Bounds::EMPTY;
    for s in &d.shapes {
        s.extent_points(|p| b.extend(Point::new(p.x * metres, p.y * metres)));
    }
    b
}

/// Metres per drawing unit, as the import will take them.
pub(super) fn metres(d: &Drawing, o: &ImportOptions) -> Result<f64, ImportError> {
    Ok(units(d, o)?.0.metres_per_unit)
}

/// The extent, in metres, of the shapes on wall, door and zone layers (their
/// defining points): what decides a move near the origin shared by levels.
pub(super) fn mapped_extent(d: &Drawing, o: &ImportOptions) -> Result<Bounds, ImportError> {
    let (units, mut notes) = units(d, o)?;
    let roles = roles(d, o, &mut notes)?;
    let m = units.metres_per_unit;
    let mut b = Bounds::EMPTY;
    for s in &d.shapes {
        if matches!(roles[s.layer].0, Role::Wall(_) | Role::Zone(_)) {
            s.extent_points(|p| b.extend(Point::new(p.x * m, p.y * m)));
        }
    }
    Ok(b)
}

/// The move, by whole metres, that brings a plan lying farther than
/// [`FAR_M`] from the origin to start at (0, 0); `None` for a plan near it.
pub(super) fn far_offset(b: &Bounds) -> Option<Point> {
    (!b.is_empty()
        && b.min
            .x
            .abs()
            .max(b.max.x.abs())
            .max(b.min.y.abs())
            .max(b.max.y.abs())
            > FAR_M)
        .then(|| Point::new(-b.min.x.floor(), -b.min.y.floor()))
}

/// Each layer's role, and whether it was guessed.
fn roles(
    d: &Drawing,
    o: &ImportOptions,
    notes: &mut Vec<Note>,
) -> Result<Vec<(Role, bool)>, ImportError> {
    if let Some(mapping) = &o.mapping {
        let names: Vec<&str> = d.layers.iter().map(|l| l.name.as_str()).collect();
        let unmatched = mapping.unmatched(&names);
        if !unmatched.is_empty() {
            return Err(ImportError::Options(format!(
                "--layers: no layer named {} in the file (it has: {})",
                unmatched
                    .iter()
                    .map(|u| format!("\"{u}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                names.join(", ")
            )));
        }
        return Ok(d
            .layers
            .iter()
            .map(|l| (mapping.role_of(&l.name).unwrap_or(Role::Ignore), false))
            .collect());
    }
    let has_geometry: Vec<bool> = {
        let mut v = vec![false; d.layers.len()];
        for s in &d.shapes {
            v[s.layer] = true;
        }
        v
    };
    let mut out: Vec<(Role, bool)> = d
        .layers
        .iter()
        .map(|l| {
            if d.format == Some(Format::GeoJson) && crate::export::RESULT_LAYERS.contains(&l.name.as_str()) {
                return (Role::Ignore, true);
            }
            let guess = guess_role(&l.name).or(match (d.format, l.name.as_str()) {
                (Some(Format::GeoJson), "lines") => Some(Role::Wall(WallKind::Wall)),
                (Some(Format::GeoJson), "polygons") => Some(Role::Zone(ZoneKind::Room)),
                _ => None,
            });
            if l.hidden && guess.is_some_and(|r| r != Role::Ignore) {
                notes.push(Note {
                    level: NoteLevel::Warning,
                    place: String::new(),
                    message: format!(
                        "layer \"{}\" looks like {} but is hidden in the drawing (frozen or off): not imported unless mapped",
                        l.name,
                        guess.map_or("", Role::name)
                    ),
                });
                return (Role::Ignore, true);
            }
            (guess.unwrap_or(Role::Ignore), true)
        })
        .collect();
    if !out
        .iter()
        .any(|(r, _)| matches!(r, Role::Wall(WallKind::Wall)))
    {
        let mut taken = Vec::new();
        for (i, l) in d.layers.iter().enumerate() {
            let derived = d.format == Some(Format::GeoJson)
                && crate::export::RESULT_LAYERS.contains(&l.name.as_str());
            if has_geometry[i]
                && !l.hidden
                && !derived
                && guess_role(&l.name).is_none()
                && out[i].0 == Role::Ignore
            {
                out[i].0 = Role::Wall(WallKind::Wall);
                taken.push(format!("\"{}\"", l.name));
            }
        }
        if !taken.is_empty() {
            notes.push(Note {
                level: NoteLevel::Warning,
                place: String::new(),
                message: format!(
                    "no layer is named as walls: {} taken as walls; map the layers to say otherwise",
                    taken.join(", ")
                ),
            });
        }
    }
    Ok(out)
}

fn summaries(d: &Drawing, roles: &[(Role, bool)]) -> Vec<LayerSummary> {
    d.layers
        .iter()
        .zip(roles)
        .map(|(l, &(role, guessed))| LayerSummary {
            name: l.name.clone(),
            role,
            guessed,
            entities: l.entities.clone(),
            hidden: l.hidden,
        })
        .collect()
}

pub(super) fn preview(d: &Drawing, o: &ImportOptions) -> Result<Preview, ImportError> {
    let (units, mut notes) = units(d, o)?;
    let roles = roles(d, o, &mut notes)?;
    let b = extent(d, units.metres_per_unit);
    notes.extend(d.notes.iter().cloned());
    let sketch = sketch(d, units.metres_per_unit, &b, o);
    Ok(Preview {
        format: d.format.unwrap_or(Format::Dxf),
        layers: summaries(d, &roles),
        units,
        bounds_m: (!b.is_empty()).then_some([b.min.x, b.min.y, b.max.x, b.max.y]),
        notes,
        levels: Vec::new(),
        sketch,
    })
}

fn sketch(d: &Drawing, metres: f64, b: &Bounds, o: &ImportOptions) -> super::Sketch {
    let size = if b.is_empty() { 1.0 } else { b.size().length() };
    let tol = o.tolerances.curve_m.max(size / 4000.0);
    let mut s = super::Sketch {
        starts: vec![0],
        ..Default::default()
    };
    for shape in &d.shapes {
        let Ok(pieces) = shape.flatten(metres, tol, o.limits.max_curve_points) else {
            s.omitted += 1;
            continue;
        };
        for piece in pieces {
            let n = piece.points.len() + usize::from(piece.closed);
            if s.coords.len() / 2 + n > super::SKETCH_POINTS {
                s.omitted += 1;
                continue;
            }
            for p in piece
                .points
                .iter()
                .chain(piece.closed.then(|| &piece.points[0]))
            {
                s.coords.extend([p.x, p.y]);
            }
            s.starts.push((s.coords.len() / 2) as u32);
            s.layers.push(shape.layer as u32);
        }
    }
    s
}

/// Notes of one kind, listing the first places and counting the rest.
struct Listed {
    notes: Vec<Note>,
    counts: std::collections::HashMap<String, usize>,
}

impl Listed {
    fn push(&mut self, level: NoteLevel, key: &str, place: String, message: String) {
        let n = self.counts.entry(key.to_string()).or_insert(0);
        *n += 1;
        if *n <= LISTED {
            self.notes.push(Note {
                level,
                place,
                message,
            });
        }
    }

    fn finish(mut self) -> Vec<Note> {
        let mut more: Vec<(&String, &usize)> =
            self.counts.iter().filter(|(_, n)| **n > LISTED).collect();
        more.sort();
        for (key, n) in more {
            self.notes.push(Note {
                level: NoteLevel::Info,
                place: String::new(),
                message: format!("... and {} more of: {key}", n - LISTED),
            });
        }
        self.notes
    }
}

struct Work<'d> {
    d: &'d Drawing,
    metres: f64,
    o: &'d ImportOptions,
    specs: Vec<WallSpec>,
    walls: Vec<WallInput>,
    /// Shape of each wall input's origin (index into d.shapes).
    origins: Vec<usize>,
    listed: Listed,
    counts: CleanupCounts,
    /// Layers whose texts name zones: label layers and zone layers.
    labels: Vec<bool>,
}

impl Work<'_> {
    fn spec(&mut self, s: WallSpec) -> usize {
        match self.specs.iter().position(|x| *x == s) {
            Some(i) => i,
            None => {
                self.specs.push(s);
                self.specs.len() - 1
            }
        }
    }

    fn flatten(&self, shape: &Shape) -> Result<Vec<Piece>, ImportError> {
        shape
            .flatten(
                self.metres,
                self.o.tolerances.curve_m,
                self.o.limits.max_curve_points,
            )
            .map_err(|m| ImportError::Limit(format!("{}: {m}", self.d.place_text(shape.place))))
    }

    fn wall_spec(&mut self, shape: &Shape, kind: WallKind) -> usize {
        let props = shape.props.as_deref();
        let open = match kind {
            WallKind::Door => props.and_then(|p| p.open).unwrap_or(self.o.doors_open),
            _ => false,
        };
        let opaque = match kind {
            WallKind::Wall | WallKind::Door => None,
            _ => props.and_then(|p| p.opaque),
        };
        let exterior = kind != WallKind::Wall && props.and_then(|p| p.exterior).unwrap_or(false);
        self.spec(WallSpec {
            kind,
            open,
            opaque,
            exterior,
            id: props.and_then(|p| p.id.clone()),
        })
    }

    fn add_wall(&mut self, shape_index: usize, points: Vec<Point>, closed: bool, spec: usize) {
        self.walls.push(WallInput {
            points,
            closed,
            spec,
            origin: self.origins.len(),
        });
        self.origins.push(shape_index);
    }

    /// A wall layer's shapes, as drawn.
    fn walls_as_drawn(&mut self, shape_index: usize, kind: WallKind) -> Result<(), ImportError> {
        let shape = &self.d.shapes[shape_index];
        let spec = self.wall_spec(shape, kind);
        for piece in self.flatten(shape)? {
            self.add_wall(shape_index, piece.points, piece.closed, spec);
        }
        Ok(())
    }
}

/// A door symbol's swing arc: hinge, the two ends, radius.
struct Swing {
    shape: usize,
    hinge: Point,
    ends: [Point; 2],
    radius: f64,
}

fn swing(s: &Shape, metres: f64) -> Option<Swing> {
    let Geom::Arc {
        radius,
        start,
        sweep,
        transform,
    } = &s.geom
    else {
        return None;
    };
    let at = |a: f64| {
        let p = *transform * (kurbo::Point::ORIGIN + kurbo::Vec2::from_angle(a) * *radius);
        Point::new(p.x * metres, p.y * metres)
    };
    let hinge = *transform * kurbo::Point::ORIGIN;
    let hinge = Point::new(hinge.x * metres, hinge.y * metres);
    let ends = [at(*start), at(start + sweep)];
    let r = hinge.distance(ends[0]);
    let deg = sweep.abs().to_degrees();
    // A door leaf between 0.25 and 3 m, swinging 20° to 180°; circular (not
    // an ellipse from a stretched block).
    ((0.25..=3.0).contains(&r)
        && (20.0..=181.0).contains(&deg)
        && (hinge.distance(ends[1]) - r).abs() < 0.01 * r)
        .then_some(Swing {
            shape: 0,
            hinge,
            ends,
            radius: r,
        })
}

/// Builds the scenario of drawing `d`. `offset`: the move near the origin
/// decided for several levels together (`None`: decided here, from this
/// drawing's walls and zones).
pub(super) fn build(
    d: Drawing,
    o: &ImportOptions,
    offset: Option<Option<Point>>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    let (units, mut notes) = units(&d, o)?;
    let roles = roles(&d, o, &mut notes)?;
    let metres = units.metres_per_unit;
    if !progress(Progress {
        phase: Phase::Cleaning,
        done: 0,
        total: d.shapes.len(),
    }) {
        return Err(ImportError::Cancelled);
    }
    let mut w = Work {
        d: &d,
        metres,
        o,
        specs: Vec::new(),
        walls: Vec::new(),
        origins: Vec::new(),
        listed: Listed {
            notes: Vec::new(),
            counts: Default::default(),
        },
        counts: CleanupCounts::default(),
        labels: roles
            .iter()
            .map(|(r, _)| matches!(r, Role::Label | Role::Zone(_)))
            .collect(),
    };
    // Walls, and the door layers' shapes set aside.
    let mut door_shapes: Vec<usize> = Vec::new();
    let mut zone_pieces: Vec<(usize, ZoneKind, Vec<Piece>)> = Vec::new();
    for (i, shape) in d.shapes.iter().enumerate() {
        match roles[shape.layer].0 {
            Role::Wall(WallKind::Door) if shape.props.is_none() => door_shapes.push(i),
            Role::Wall(kind) => w.walls_as_drawn(i, kind)?,
            Role::Zone(kind) => {
                let pieces = w.flatten(shape)?;
                zone_pieces.push((i, kind, pieces));
            }
            Role::Label | Role::Ignore => {}
        }
    }
    doors(&mut w, &door_shapes)?;
    // Far-off coordinates (site or national grids) move near the origin.
    let mut b = Bounds::EMPTY;
    for wall in &w.walls {
        wall.points.iter().for_each(|&p| b.extend(p));
    }
    for (_, _, pieces) in &zone_pieces {
        pieces
            .iter()
            .flat_map(|p| &p.points)
            .for_each(|&p| b.extend(p));
    }
    let offset = offset.unwrap_or_else(|| far_offset(&b));
    if let Some(off) = offset {
        for wall in &mut w.walls {
            wall.points.iter_mut().for_each(|p| *p = *p + off);
        }
        for (_, _, pieces) in &mut zone_pieces {
            for piece in pieces {
                piece.points.iter_mut().for_each(|p| *p = *p + off);
            }
        }
        b = Bounds {
            min: b.min + off,
            max: b.max + off,
        };
        notes.push(Note {
            level: NoteLevel::Info,
            place: String::new(),
            message: format!(
                "the drawing lies far from the origin; moved by ({}, {}) m so that it starts at (0, 0)",
                off.x, off.y
            ),
        });
    }
    if !b.is_empty()
        && b.min
            .x
            .abs()
            .max(b.max.x.abs())
            .max(b.min.y.abs())
            .max(b.max.y.abs())
            > MAX_COORDINATE_M
    {
        return Err(ImportError::Limit(format!(
            "the drawing is {:.0} km across at {}; plans are limited to ±{:.0} km: check the units or the scale",
            b.size().x.max(b.size().y) / 1000.0,
            units.source,
            MAX_COORDINATE_M / 1000.0
        )));
    }
    if !progress(Progress {
        phase: Phase::Cleaning,
        done: d.shapes.len() / 2,
        total: d.shapes.len(),
    }) {
        return Err(ImportError::Cancelled);
    }
    let mut events = Vec::new();
    let cleaned = clean::clean(
        &w.walls,
        &w.specs,
        &o.tolerances,
        &mut w.counts,
        &mut events,
    )
    .map_err(|e| ImportError::at("", format!("cleaning the walls: {e}")))?;
    for e in &events {
        let shape = &d.shapes[w.origins[w.walls[e.origin].origin]];
        let place = d.place_text(shape.place);
        let (key, message) = match e.what {
            EventKind::GapClosed => (
                "gaps closed",
                format!(
                    "wall end joined across a gap of {:.1} mm at ({:.3}, {:.3})",
                    e.size_m * 1000.0,
                    e.at.x,
                    e.at.y
                ),
            ),
            EventKind::EndCapped => (
                "open double-line wall ends capped",
                format!(
                    "open end of a double-line wall ({:.0} mm thick) capped at ({:.3}, {:.3})",
                    e.size_m * 1000.0,
                    e.at.x,
                    e.at.y
                ),
            ),
        };
        w.listed.push(NoteLevel::Info, key, place, message);
    }
    let zones = zones(&mut w, zone_pieces, offset)?;
    let (walls, wall_segments, doors) = walls_of(&w, &cleaned);
    if zones.is_empty() {
        let zone_layers: Vec<&str> = d
            .layers
            .iter()
            .zip(&roles)
            .filter(|(_, (r, _))| matches!(r, Role::Zone(_)))
            .map(|(l, _)| l.name.as_str())
            .collect();
        return Err(ImportError::Empty(if zone_layers.is_empty() {
            "no zones: no layer is mapped to zones, and coverage is measured in zones; map the layer with the rooms' outlines (closed polylines), e.g. --layers wall=A-WALL,zone=A-AREA".to_string()
        } else {
            format!(
                "no zones: the zone layers ({}) hold no closed shape of at least {MIN_ZONE_M2} m²; rooms must be closed polylines or polygons",
                zone_layers.join(", ")
            )
        }));
    }
    if walls.is_empty() {
        notes.push(Note {
            level: NoteLevel::Warning,
            place: String::new(),
            message: "no walls: every camera will see through the whole plan; map the wall layers"
                .into(),
        });
    }
    let summary = summaries(&d, &roles);
    let plan = Plan {
        walls,
        zones,
        georeference: d.georeference,
    };
    let scenario = new_scenario(scenario_name(&o.file_name), plan);
    if !progress(Progress {
        phase: Phase::Checking,
        done: 0,
        total: 1,
    }) {
        return Err(ImportError::Cancelled);
    }
    // The reader is the judge: what the import writes must load.
    let (scenario, warnings) = Scenario::from_json(&scenario.to_json()).map_err(|e| {
        ImportError::at(
            "",
            format!("the imported plan does not validate (a bug in the importer; please report it with the file): {e}"),
        )
    })?;
    notes.extend(d.notes.iter().cloned());
    notes.extend(w.listed.finish());
    for p in warnings.list {
        notes.push(Note {
            level: NoteLevel::Warning,
            place: p.path,
            message: p.message,
        });
    }
    let report = ImportReport {
        format: d.format.unwrap_or(Format::Dxf),
        layers: summary,
        units,
        offset_m: offset.map(|p| [p.x, p.y]),
        walls: scenario.plan.walls.len(),
        wall_segments,
        doors,
        zones: scenario.plan.zones.len(),
        cleanup: w.counts,
        notes,
        levels: Vec::new(),
        connections: 0,
    };
    Ok(Imported { scenario, report })
}

/// An imported scenario: the plan, the starter catalogue, no cameras.
pub(super) fn new_scenario(name: String, plan: Plan) -> Scenario {
    Scenario {
        connections: Vec::new(),
        levels: Vec::new(),
        blindspot: crate::scenario::FORMAT_VERSION,
        name,
        plan,
        catalog: crate::catalog::starter_catalog(),
        cameras: Vec::new(),
        detectors: Vec::new(),
        settings: Default::default(),
        options: Vec::new(),
        underlay: None,
        pole_sites: Vec::new(),
    }
}

/// A scenario's (or a level's) name from its file's: the base name without
/// its extension.
pub(super) fn scenario_name(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    if stem.is_empty() {
        "Imported plan".to_string()
    } else {
        stem.to_string()
    }
}

/// Door layers: each swing arc becomes a door from its hinge to the arc's end
/// in the closed position (the end the leaf line does not reach, else the one
/// along the wall at the hinge). The symbol's other lines (leaf, frame) are
/// drawing, not walls. Symbols without a swing arc are imported as drawn.
fn doors(w: &mut Work, shapes: &[usize]) -> Result<(), ImportError> {
    if shapes.is_empty() {
        return Ok(());
    }
    let d = w.d;
    // Walls near hinges, to tell along-the-wall from across.
    let wall_tree = SegmentIndex::new(
        w.walls
            .iter()
            .filter(|x| w.specs[x.spec].kind == WallKind::Wall)
            .flat_map(|x| x.points.windows(2).map(|s| (s[0], s[1])))
            .collect(),
        0.0,
    )
    .map_err(|e| ImportError::at("", format!("doors: {e}")))?;
    // Group shapes: by insert, else each on its own.
    let mut groups: std::collections::BTreeMap<(u32, usize), Vec<usize>> = Default::default();
    for &i in shapes {
        let s = &d.shapes[i];
        let key = if s.group > 0 { (s.group, 0) } else { (0, i) };
        groups.entry(key).or_default().push(i);
    }
    // Lone leaf lines (group 0) attach to the arc whose hinge they touch.
    let loose: Vec<usize> = groups
        .iter()
        .filter(|((g, _), _)| *g == 0)
        .map(|(_, v)| v[0])
        .collect();
    let mut swings_loose: Vec<Swing> = loose
        .iter()
        .filter_map(|&i| swing(&d.shapes[i], w.metres).map(|s| Swing { shape: i, ..s }))
        .collect();
    let mut leaf_of: Vec<Vec<Vec<Point>>> = vec![Vec::new(); swings_loose.len()];
    let mut lone_lines: Vec<usize> = Vec::new();
    for &i in &loose {
        if swings_loose.iter().any(|s| s.shape == i) {
            continue;
        }
        let pieces = w.flatten(&d.shapes[i])?;
        let mut attached = false;
        for (k, s) in swings_loose.iter().enumerate() {
            if pieces
                .iter()
                .any(|p| touches(&p.points, s.hinge, 0.05 * s.radius))
            {
                leaf_of[k].extend(pieces.iter().map(|p| p.points.clone()));
                attached = true;
                break;
            }
        }
        if !attached {
            lone_lines.push(i);
        }
    }
    let mut made: Vec<(usize, Point, Point)> = Vec::new();
    for (k, s) in swings_loose.drain(..).enumerate() {
        let closed = closed_end(&s, &leaf_of[k], &wall_tree);
        made.push((s.shape, s.hinge, closed));
    }
    for ((g, _), members) in &groups {
        if *g == 0 {
            continue;
        }
        let swings: Vec<Swing> = members
            .iter()
            .filter_map(|&i| swing(&d.shapes[i], w.metres).map(|s| Swing { shape: i, ..s }))
            .collect();
        if swings.is_empty() {
            lone_lines.extend(members);
            continue;
        }
        let mut others: Vec<Vec<Point>> = Vec::new();
        for &i in members {
            if !swings.iter().any(|s| s.shape == i) {
                others.extend(w.flatten(&d.shapes[i])?.into_iter().map(|p| p.points));
            }
        }
        for s in &swings {
            let closed = closed_end(s, &others, &wall_tree);
            made.push((s.shape, s.hinge, closed));
        }
    }
    for (shape, hinge, closed) in made {
        let spec = w.wall_spec(&d.shapes[shape], WallKind::Door);
        w.add_wall(shape, vec![hinge, closed], false, spec);
        w.counts.doors_from_arcs += 1;
    }
    for i in lone_lines {
        let place = d.place_text(d.shapes[i].place);
        w.listed.push(
            NoteLevel::Info,
            "door symbols without a swing arc",
            place,
            "a door-layer shape without a swing arc: imported as a door as drawn".into(),
        );
        w.walls_as_drawn(i, WallKind::Door)?;
    }
    Ok(())
}

fn touches(line: &[Point], p: Point, r: f64) -> bool {
    line.first().is_some_and(|q| q.distance(p) <= r)
        || line.last().is_some_and(|q| q.distance(p) <= r)
}

/// The arc end where the door is closed.
fn closed_end(s: &Swing, leaves: &[Vec<Point>], walls: &SegmentIndex) -> Point {
    let r = 0.05 * s.radius;
    for leaf in leaves {
        if touches(leaf, s.hinge, r) {
            if touches(leaf, s.ends[0], r) {
                return s.ends[1];
            }
            if touches(leaf, s.ends[1], r) {
                return s.ends[0];
            }
        }
    }
    // Along the wall at the hinge: the end whose direction is most parallel
    // to a wall within one leaf of the hinge.
    let reach = s.radius;
    let mut best = (f64::INFINITY, s.ends[1]);
    let mut near = Vec::new();
    walls.query(
        Point::new(s.hinge.x - reach, s.hinge.y - reach),
        Point::new(s.hinge.x + reach, s.hinge.y + reach),
        |i| near.push(i),
    );
    // In file order, so that a tie goes to the wall drawn first.
    near.sort_unstable();
    for i in near {
        let (a, b) = walls.segment(i);
        let along = (b - a).scale(1.0 / a.distance(b).max(f64::MIN_POSITIVE));
        for e in s.ends {
            let dir = (e - s.hinge).scale(1.0 / s.radius);
            let sin = dir.cross(along).abs();
            if sin < best.0 {
                best = (sin, e);
            }
        }
    }
    best.1
}

fn walls_of(w: &Work, cleaned: &[CleanWall]) -> (Vec<Wall>, usize, usize) {
    let mut used: std::collections::HashSet<String> = Default::default();
    let mut n = [0usize; 5];
    let mut walls = Vec::with_capacity(cleaned.len());
    let mut segments = 0;
    let mut doors = 0;
    for c in cleaned.iter().filter(|c| c.points.len() >= 2) {
        let spec = &w.specs[c.spec];
        let k = WallKind::ALL
            .iter()
            .position(|k| *k == spec.kind)
            .unwrap_or(0);
        let id = match &spec.id {
            Some(id) if !id.trim().is_empty() && used.insert(id.clone()) => id.clone(),
            _ => loop {
                n[k] += 1;
                let prefix = ["w", "d", "win", "g", "r"][k];
                let id = format!("{prefix}{}", n[k]);
                if used.insert(id.clone()) {
                    break id;
                }
            },
        };
        segments += c.points.len() - 1;
        if spec.kind == WallKind::Door {
            doors += 1;
        }
        walls.push(Wall {
            level: None,
            id,
            kind: spec.kind,
            path: c.points.clone(),
            exterior: spec.exterior,
            open: spec.open,
            opaque: spec.opaque,
            security: Default::default(),
        });
    }
    (walls, segments, doors)
}

/// Rings to zones: near-duplicate points merged, simplified, oriented (outer
/// counter-clockwise, holes clockwise) and checked by geo's validation; named
/// by the label texts inside.
fn zones(
    w: &mut Work,
    pieces: Vec<(usize, ZoneKind, Vec<Piece>)>,
    offset: Option<Point>,
) -> Result<Vec<Zone>, ImportError> {
    let d = w.d;
    let tol = w.o.tolerances;
    let mut out: Vec<(Zone, usize)> = Vec::new();
    let mut counter = std::collections::HashMap::<usize, usize>::new();
    let mut used: std::collections::HashSet<String> = Default::default();
    let labels = Labels::new(d, &w.labels, offset, w.metres)?;
    for (shape_index, kind, pieces) in pieces {
        let shape = &d.shapes[shape_index];
        let place = d.place_text(shape.place);
        for (outer, holes) in nest(pieces, tol.merge_m) {
            let Some(outer) = outer else {
                w.counts.zones_skipped += 1;
                w.listed.push(
                    NoteLevel::Warning,
                    "zone shapes not closed",
                    place.clone(),
                    "a zone-layer shape that is not closed: skipped (zones are closed polylines or polygons)".into(),
                );
                continue;
            };
            let ring =
                |r: &[Point]| -> geo::LineString<f64> { r.iter().map(|p| (p.x, p.y)).collect() };
            let polygon = geo::Polygon::new(ring(&outer), holes.iter().map(|h| ring(h)).collect());
            let polygon = polygon
                .simplify(tol.simplify_m)
                .orient(geo::orient::Direction::Default);
            let exterior = open_ring(polygon.exterior());
            let area = ring_signed_area(&exterior).abs()
                - polygon
                    .interiors()
                    .iter()
                    .map(|h| ring_signed_area(&open_ring(h)).abs())
                    .sum::<f64>();
            if exterior.len() < 3 || area < MIN_ZONE_M2 {
                w.counts.zones_skipped += 1;
                w.listed.push(
                    NoteLevel::Warning,
                    "zone rings too small",
                    place.clone(),
                    format!(
                        "a zone ring of {area:.4} m²: too small to measure coverage in, skipped"
                    ),
                );
                continue;
            }
            if let Err(e) = polygon.check_validation() {
                w.counts.zones_skipped += 1;
                w.listed.push(
                    NoteLevel::Warning,
                    "zone rings invalid",
                    place.clone(),
                    format!("not a valid zone ({e}): skipped; redraw it so its edges do not cross"),
                );
                continue;
            }
            let props = shape.props.as_deref();
            let n = counter.entry(shape.layer).or_insert(0);
            *n += 1;
            let id = match props.and_then(|p| p.id.clone()) {
                Some(id) if !id.trim().is_empty() && !used.contains(&id) => id,
                _ => (1..)
                    .map(|k| format!("z{}", out.len() + k))
                    .find(|id| !used.contains(id))
                    .expect("an unused id"),
            };
            used.insert(id.clone());
            let name = props
                .and_then(|p| p.name.clone())
                .or_else(|| labels.name(&exterior))
                .unwrap_or_else(|| format!("{} {}", d.layers[shape.layer].name, n));
            out.push((
                Zone {
                    level: None,
                    id,
                    name,
                    kind: props
                        .and_then(|p| p.kind.as_deref())
                        .and_then(ZoneKind::from_name)
                        .unwrap_or(kind),
                    priority: props.and_then(|p| p.priority).unwrap_or(1.0),
                    required_level: props.and_then(|p| p.required_level.clone()),
                    delay: None,
                    min_coverage: None,
                    polygon: exterior,
                    holes: polygon.interiors().iter().map(open_ring).collect(),
                },
                shape_index,
            ));
        }
    }
    Ok(out.into_iter().map(|(z, _)| z).collect())
}

/// A closed geo ring as an open point list.
fn open_ring(r: &geo::LineString<f64>) -> Vec<Point> {
    let mut v: Vec<Point> = r.0.iter().map(|c| Point::new(c.x, c.y)).collect();
    if v.len() > 1 && v.first() == v.last() {
        v.pop();
    }
    v
}

/// The pieces of one shape as rings with their holes: a ring inside another at
/// odd depth is a hole of it (SVG paths with several subpaths, GeoJSON
/// interiors). An open piece (ends apart) gives `(None, ..)`.
/// An outer ring (`None`: a shape that is not closed) and its holes.
type Nested = (Option<Vec<Point>>, Vec<Vec<Point>>);

fn nest(pieces: Vec<Piece>, merge_m: f64) -> Vec<Nested> {
    let mut rings: Vec<(Vec<Point>, bool)> = Vec::new();
    let mut out = Vec::new();
    for mut p in pieces {
        if !p.closed {
            match (p.points.first(), p.points.last()) {
                (Some(a), Some(b)) if p.points.len() > 3 && a.distance(*b) <= merge_m => {
                    p.points.pop();
                }
                _ => {
                    out.push((None, Vec::new()));
                    continue;
                }
            }
        }
        // Repeated consecutive points and a repeated closing point go.
        p.points.dedup_by(|a, b| a.distance(*b) <= merge_m);
        if p.points.len() > 1 && p.points[0].distance(*p.points.last().expect("points")) <= merge_m
        {
            p.points.pop();
        }
        rings.push((p.points, p.hole));
    }
    if rings.iter().any(|(_, hole)| *hole) {
        // Holes stated by the file (GeoJSON): the first ring is the outer one.
        let mut it = rings.into_iter();
        if let Some((outer, _)) = it.next() {
            out.push((Some(outer), it.map(|(r, _)| r).collect()));
        }
        return out;
    }
    let depth: Vec<usize> = rings
        .iter()
        .enumerate()
        .map(|(i, (r, _))| {
            rings
                .iter()
                .enumerate()
                .filter(|(j, (o, _))| {
                    *j != i
                        && !r.is_empty()
                        && ring_contains(o, r[0])
                        && ring_signed_area(o).abs() > ring_signed_area(r).abs()
                })
                .count()
        })
        .collect();
    let mut holes: Vec<Vec<Vec<Point>>> = vec![Vec::new(); rings.len()];
    for i in 0..rings.len() {
        if depth[i] % 2 == 1 {
            // Hole of the smallest ring around it at one level up.
            let host = (0..rings.len())
                .filter(|&j| depth[j] + 1 == depth[i] && ring_contains(&rings[j].0, rings[i].0[0]))
                .min_by(|&a, &b| {
                    ring_signed_area(&rings[a].0)
                        .abs()
                        .total_cmp(&ring_signed_area(&rings[b].0).abs())
                });
            if let Some(h) = host {
                holes[h].push(rings[i].0.clone());
            }
        }
    }
    for (i, (r, _)) in rings.into_iter().enumerate() {
        if depth[i].is_multiple_of(2) {
            out.push((Some(r), std::mem::take(&mut holes[i])));
        }
    }
    out
}

/// The texts on label layers (and zone layers), indexed where they stand in
/// the plan: a zone is named by the texts inside it.
struct Labels<'d> {
    /// The texts' points (as zero-length segments) and which text each is.
    tree: SegmentIndex,
    ids: Vec<usize>,
    texts: &'d [super::drawing::Text],
}

impl<'d> Labels<'d> {
    fn new(
        d: &'d Drawing,
        on: &[bool],
        offset: Option<Point>,
        metres: f64,
    ) -> Result<Labels<'d>, ImportError> {
        let off = offset.unwrap_or_default();
        let (ids, points): (Vec<usize>, Vec<(Point, Point)>) = d
            .texts
            .iter()
            .enumerate()
            .filter(|(_, t)| on[t.layer] && !t.text.trim().is_empty())
            .map(|(i, t)| {
                let p = Point::new(t.at[0] * metres + off.x, t.at[1] * metres + off.y);
                (i, (p, p))
            })
            .unzip();
        Ok(Labels {
            tree: SegmentIndex::new(points, 0.0)
                .map_err(|e| ImportError::at("", format!("zone names: {e}")))?,
            ids,
            texts: &d.texts,
        })
    }

    /// The texts inside `ring`, in file order, joined (60 characters at most).
    fn name(&self, ring: &[Point]) -> Option<String> {
        let b = Bounds::of_points(ring);
        let mut inside: Vec<usize> = Vec::new();
        self.tree.query(b.min, b.max, |k| {
            if ring_contains(ring, self.tree.segment(k).0) {
                inside.push(self.ids[k]);
            }
        });
        if inside.is_empty() {
            return None;
        }
        inside.sort_unstable();
        let mut name = inside
            .iter()
            .map(|&i| self.texts[i].text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        if name.chars().count() > 60 {
            name = name.chars().take(59).collect::<String>() + "…";
        }
        Some(name)
    }
}
