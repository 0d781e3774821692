//! A drawing as the format readers leave it: layers of shapes and texts in the
//! file's units, each with its place in the file, before any mapping or cleaning.

use super::{Format, Note, NoteLevel};
use crate::geometry::Point;
use crate::scenario::Georeference;
use kurbo::{Affine, BezPath};
use std::collections::BTreeMap;

/// What a reader found in a file.
#[derive(Clone, Debug, Default)]
pub struct Drawing {
    pub format: Option<Format>,
    pub layers: Vec<DrawingLayer>,
    pub shapes: Vec<Shape>,
    pub texts: Vec<Text>,
    /// Metres per drawing unit and where that came from, when the file says.
    pub units: Option<(f64, String)>,
    /// The file's units are unknown (DXF `$INSUNITS` 0 or absent).
    pub unitless: bool,
    /// Binary DXF: places are byte offsets, not lines.
    pub binary: bool,
    /// GeoJSON: the georeference that turned longitude/latitude into plan
    /// metres (coordinates are then already metres).
    pub georeference: Option<Georeference>,
    pub notes: Vec<Note>,
}

/// A layer (DXF layer, SVG layer group, GeoJSON `layer` or `kind`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawingLayer {
    pub name: String,
    /// Frozen or off in the drawing, or `display: none`.
    pub hidden: bool,
    /// Entities by type, all of them (skipped ones included).
    pub entities: BTreeMap<String, usize>,
}

/// Where a shape came from in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// DXF and SVG: the line (binary DXF: the byte); GeoJSON: the feature index.
    pub at: u32,
    /// The entity type or element name.
    pub what: &'static str,
    /// DXF: the line of the top-level INSERT that brought the shape in (0: none);
    /// SVG: the line of the `use` element.
    pub via: u32,
}

/// A shape: one entity's geometry on a layer.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Index into [`Drawing::layers`].
    pub layer: usize,
    pub geom: Geom,
    pub place: Place,
    /// Shapes of one block insert (or `use`) share a group number above 0: one
    /// door symbol, one window.
    pub group: u32,
    /// GeoJSON: the feature's properties that a plan uses.
    pub props: Option<Box<Props>>,
}

/// Scenario fields carried by a GeoJSON feature.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Props {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub priority: Option<f64>,
    pub required_level: Option<String>,
    pub open: Option<bool>,
    pub opaque: Option<bool>,
    pub exterior: Option<bool>,
}

/// Geometry in a local frame, and the map from that frame to drawing units.
#[derive(Clone, Debug)]
pub enum Geom {
    /// Straight pieces, or DXF arcs given by bulges (`bulges[i]` for the piece
    /// from point i; empty when all are straight).
    Polyline {
        points: Vec<[f64; 2]>,
        bulges: Vec<f64>,
        closed: bool,
        transform: Affine,
    },
    /// A circular arc of the circle of `radius` about the local origin, from
    /// angle `start` turning by `sweep` radians (2π: a circle). An ellipse is a
    /// unit circle under its transform.
    Arc {
        radius: f64,
        start: f64,
        sweep: f64,
        transform: Affine,
    },
    /// Bézier curves (SVG paths), in drawing units already.
    Path(BezPath),
    /// A polygon with holes (GeoJSON), in drawing units.
    Polygon {
        exterior: Vec<[f64; 2]>,
        holes: Vec<Vec<[f64; 2]>>,
    },
}

/// A text entity: a candidate zone name.
#[derive(Clone, Debug)]
pub struct Text {
    pub layer: usize,
    /// Its insertion point, drawing units.
    pub at: [f64; 2],
    pub text: String,
    pub place: Place,
}

/// A flattened piece of a shape, in metres.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub points: Vec<Point>,
    pub closed: bool,
    /// A hole of the piece before it (GeoJSON interiors).
    pub hole: bool,
}

impl Drawing {
    /// The layer index for `name`, added when new.
    pub fn layer(&mut self, name: &str) -> usize {
        match self.layers.iter().position(|l| l.name == name) {
            Some(i) => i,
            None => {
                self.layers.push(DrawingLayer {
                    name: name.to_string(),
                    ..DrawingLayer::default()
                });
                self.layers.len() - 1
            }
        }
    }

    /// Takes `other`'s layers (merged by name, their counts added), shapes,
    /// texts and notes; the format, units and flags of the first drawing
    /// absorbed.
    pub fn absorb(&mut self, other: Drawing) {
        if self.layers.is_empty() && self.shapes.is_empty() {
            self.format = other.format;
            self.units = other.units.clone();
            self.unitless = other.unitless;
            self.binary = other.binary;
            self.georeference = other.georeference;
        }
        let map: Vec<usize> = other
            .layers
            .iter()
            .map(|l| {
                let i = self.layer(&l.name);
                self.layers[i].hidden |= l.hidden;
                for (k, n) in &l.entities {
                    *self.layers[i].entities.entry(k.clone()).or_insert(0) += n;
                }
                i
            })
            .collect();
        self.shapes.extend(other.shapes.into_iter().map(|mut s| {
            s.layer = map[s.layer];
            s
        }));
        self.texts.extend(other.texts.into_iter().map(|mut t| {
            t.layer = map[t.layer];
            t
        }));
        self.notes.extend(other.notes);
    }

    /// Counts one entity of type `what` on layer `layer`.
    pub fn count(&mut self, layer: usize, what: &str) {
        *self.layers[layer]
            .entities
            .entry(what.to_string())
            .or_insert(0) += 1;
    }

    /// Records a note.
    pub fn note(&mut self, level: NoteLevel, place: String, message: impl Into<String>) {
        self.notes.push(Note {
            level,
            place,
            message: message.into(),
        });
    }

    /// A place as text: `line 120 (ARC)`, `line 8 (INSERT) > line 120 (ARC)`,
    /// `line 4 (<path>)`, `features[3] (LineString)`.
    pub fn place_text(&self, p: Place) -> String {
        match self.format {
            Some(Format::GeoJson) => format!("features[{}] ({})", p.at, p.what),
            Some(Format::Svg) if p.via > 0 => {
                format!("line {} (<use>) > line {} (<{}>)", p.via, p.at, p.what)
            }
            Some(Format::Svg) => format!("line {} (<{}>)", p.at, p.what),
            _ => {
                let word = if self.binary { "byte" } else { "line" };
                if p.via > 0 {
                    format!("{word} {} (INSERT) > {word} {} ({})", p.via, p.at, p.what)
                } else {
                    format!("{word} {} ({})", p.at, p.what)
                }
            }
        }
    }
}

/// A kurbo point from `[x, y]`.
pub fn kp([x, y]: [f64; 2]) -> kurbo::Point {
    kurbo::Point::new(x, y)
}

/// The largest factor by which `t` stretches a length (its largest singular
/// value).
pub fn stretch(t: Affine) -> f64 {
    let [a, b, c, d, _, _] = t.as_coeffs();
    let s = a * a + b * b + c * c + d * d;
    let det = a * d - b * c;
    ((s + (s * s - 4.0 * det * det).max(0.0).sqrt()) / 2.0).sqrt()
}

/// Chords needed for an arc of `sweep` radians and `radius` to stay within
/// `tol` of it (the sagitta of each chord at most `tol`).
fn chords(radius: f64, sweep: f64, tol: f64) -> f64 {
    let step = if tol >= radius {
        std::f64::consts::FRAC_PI_2
    } else {
        (2.0 * (1.0 - tol / radius).acos()).min(std::f64::consts::FRAC_PI_2)
    };
    (sweep.abs() / step).ceil().max(1.0)
}

impl Shape {
    /// The shape as polylines in metres (`metres` per drawing unit), curves
    /// flattened within `tol_m`.
    ///
    /// # Errors
    /// A curve that would need more than `max_points` points (a message).
    pub fn flatten(
        &self,
        metres: f64,
        tol_m: f64,
        max_points: usize,
    ) -> Result<Vec<Piece>, String> {
        let to_m = |p: kurbo::Point| Point::new(p.x * metres, p.y * metres);
        let tol = tol_m / metres;
        let too_many = |n: f64| -> Result<usize, String> {
            if n > max_points as f64 {
                Err(format!(
                    "a curve here needs {n:.0} points to stay within {tol_m} m; the limit is {max_points}"
                ))
            } else {
                Ok(n as usize)
            }
        };
        match &self.geom {
            Geom::Polyline {
                points,
                bulges,
                closed,
                transform,
            } => {
                let local_tol = tol / stretch(*transform).max(f64::MIN_POSITIVE);
                let mut out = Vec::with_capacity(points.len());
                let n = points.len();
                let pieces = if *closed { n } else { n.saturating_sub(1) };
                if let Some(&[x, y]) = points.first() {
                    out.push(to_m(*transform * kurbo::Point::new(x, y)));
                }
                for i in 0..pieces {
                    let p0 = kp(points[i]);
                    let p1 = kp(points[(i + 1) % n]);
                    let bulge = bulges.get(i).copied().unwrap_or(0.0);
                    if bulge != 0.0 && p0 != p1 {
                        let theta = 4.0 * bulge.atan();
                        let c = p0.distance(p1);
                        let radius = (c / 2.0 / (theta / 2.0).sin()).abs();
                        let u = (p1 - p0) / c;
                        let normal = kurbo::Vec2::new(-u.y, u.x);
                        let center = p0.midpoint(p1) + normal * (c / 2.0 / (theta / 2.0).tan());
                        let a0 = (p0 - center).atan2();
                        let k = too_many(chords(radius, theta, local_tol))?;
                        for j in 1..k {
                            let a = a0 + theta * j as f64 / k as f64;
                            let q = center + kurbo::Vec2::from_angle(a) * radius;
                            out.push(to_m(*transform * q));
                        }
                    }
                    if !(*closed && i + 1 == pieces) {
                        out.push(to_m(*transform * p1));
                    }
                }
                Ok(vec![Piece {
                    points: out,
                    closed: *closed,
                    hole: false,
                }])
            }
            Geom::Arc {
                radius,
                start,
                sweep,
                transform,
            } => {
                let full = sweep.abs() >= std::f64::consts::TAU - 1e-12;
                let local_tol = tol / stretch(*transform).max(f64::MIN_POSITIVE);
                let k =
                    too_many(chords(*radius, *sweep, local_tol).max(if full { 8.0 } else { 1.0 }))?;
                let last = if full { k - 1 } else { k };
                let points = (0..=last)
                    .map(|j| {
                        let a = start + sweep * j as f64 / k as f64;
                        to_m(
                            *transform
                                * (kurbo::Point::ORIGIN + kurbo::Vec2::from_angle(a) * *radius),
                        )
                    })
                    .collect();
                Ok(vec![Piece {
                    points,
                    closed: full,
                    hole: false,
                }])
            }
            Geom::Path(path) => {
                let mut pieces: Vec<Piece> = Vec::new();
                let mut count = 0usize;
                let mut failed = None;
                kurbo::flatten(path.iter(), tol, |el| {
                    count += 1;
                    if count > max_points {
                        failed.get_or_insert_with(|| {
                            format!("a path here needs more than {max_points} points to stay within {tol_m} m")
                        });
                        return;
                    }
                    match el {
                        kurbo::PathEl::MoveTo(p) => pieces.push(Piece {
                            points: vec![to_m(p)],
                            closed: false,
                            hole: false,
                        }),
                        kurbo::PathEl::LineTo(p) => {
                            if let Some(last) = pieces.last_mut() {
                                last.points.push(to_m(p));
                            }
                        }
                        kurbo::PathEl::ClosePath => {
                            if let Some(last) = pieces.last_mut() {
                                last.closed = true;
                            }
                        }
                        // flatten gives only moves, lines and closes.
                        _ => {}
                    }
                });
                if let Some(message) = failed {
                    return Err(message);
                }
                Ok(pieces.into_iter().filter(|p| p.points.len() > 1).collect())
            }
            Geom::Polygon { exterior, holes } => {
                let ring = |r: &Vec<[f64; 2]>, hole| Piece {
                    points: r
                        .iter()
                        .map(|&[x, y]| Point::new(x * metres, y * metres))
                        .collect(),
                    closed: true,
                    hole,
                };
                let mut out = vec![ring(exterior, false)];
                out.extend(holes.iter().map(|h| ring(h, true)));
                Ok(out)
            }
        }
    }

    /// Every point that defines the shape, in drawing units (for its extent).
    pub fn extent_points(&self, mut f: impl FnMut(kurbo::Point)) {
        match &self.geom {
            Geom::Polyline {
                points, transform, ..
            } => points.iter().for_each(|&p| f(*transform * kp(p))),
            Geom::Arc {
                radius, transform, ..
            } => {
                for k in 0..8 {
                    let a = k as f64 * std::f64::consts::FRAC_PI_4;
                    f(*transform * (kurbo::Point::ORIGIN + kurbo::Vec2::from_angle(a) * *radius));
                }
            }
            Geom::Path(path) => {
                let b = kurbo::Shape::bounding_box(path);
                f(kurbo::Point::new(b.x0, b.y0));
                f(kurbo::Point::new(b.x1, b.y1));
            }
            Geom::Polygon { exterior, .. } => exterior.iter().for_each(|&p| f(kp(p))),
        }
    }
}
