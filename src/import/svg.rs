//! SVG as data: `line`, `polyline`, `polygon`, `rect`, `circle`, `ellipse` and
//! `path` elements, with their transforms, and local `use` references.
//!
//! The file is parsed with roxmltree and never rendered or inserted anywhere:
//! scripts, event attributes, `foreignObject`, images, style sheets and
//! external references (`use` of another file, external entities) are ignored
//! and noted. Entities declared in the document type are expanded only up to
//! [`Limits::max_entity_expansion`] characters in all (an entity-expansion
//! bomb is refused before parsing), and the XML to [`Limits::max_xml_nodes`].
//! Straight segments are kept exactly; curves and arcs are flattened later
//! within the import's curve tolerance. SVG's y axis points down; the plan's
//! points up, so y is flipped. Layers are Inkscape layers, else the top-level
//! groups (by `inkscape:label`, `data-name` or `id`), else an element's first
//! class.

use super::drawing::{Drawing, Geom, Place, Shape, Text};
use super::{Format, ImportError, Limits, NoteLevel};
use kurbo::{Affine, BezPath, Point as KPoint, Vec2};
use roxmltree::{Document, Node, ParsingOptions};
use std::collections::HashMap;
use std::str::FromStr;

const INKSCAPE: &str = "http://www.inkscape.org/namespaces/inkscape";
const SVG: &str = "http://www.w3.org/2000/svg";
const XLINK: &str = "http://www.w3.org/1999/xlink";
/// CSS pixels per inch: SVG's user unit without other information.
const PX_PER_IN: f64 = 96.0;

/// Element names counted per layer (others count as `other`).
const ELEMENTS: &[&str] = &[
    "line",
    "polyline",
    "polygon",
    "rect",
    "circle",
    "ellipse",
    "path",
    "text",
    "use",
    "image",
    "script",
    "foreignObject",
    "style",
];

fn element_name(name: &str) -> &'static str {
    ELEMENTS
        .iter()
        .find(|e| **e == name)
        .copied()
        .unwrap_or("other")
}

/// Reads an SVG file into a drawing.
///
/// # Errors
/// Text that is not UTF-8, XML that does not parse (with its line and column),
/// a root element other than `<svg>`, or a file past the [`Limits`] (an
/// entity-expansion bomb, too many nodes, `use` nested too deep).
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Drawing, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::at(
            format!("byte {}", e.valid_up_to()),
            "not UTF-8 text: save the SVG as UTF-8",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut d = Drawing {
        format: Some(Format::Svg),
        ..Drawing::default()
    };
    entity_guard(text, limits, &mut d)?;
    let doc = Document::parse_with_options(
        text,
        ParsingOptions {
            allow_dtd: true,
            nodes_limit: limits.max_xml_nodes,
            ..ParsingOptions::default()
        },
    )
    .map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => ImportError::Limit(format!(
            "the SVG has more than {} XML nodes; imports are limited to that",
            limits.max_xml_nodes
        )),
        roxmltree::Error::EntityReferenceLoop(pos) => ImportError::Limit(format!(
            "line {} column {}: entity references nested or repeated past the XML parser's limit (an entity-expansion bomb?): refused",
            pos.row, pos.col
        )),
        other => {
            let pos = other.pos();
            let message = other.to_string();
            // roxmltree ends its messages with the position; keep ours in front.
            let message = message.rsplit_once(" at ").map_or(message.as_str(), |(m, _)| m).to_string();
            ImportError::at(format!("line {} column {}", pos.row, pos.col), format!("not valid XML: {message}"))
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(ImportError::at(
            line_of(&doc, root),
            format!(
                "not an SVG: the root element is <{}>",
                root.tag_name().name()
            ),
        ));
    }
    let view_box = root_view_box(&doc, root, &mut d);
    let mpu = units(&doc, root, view_box, &mut d);
    d.units = Some(mpu);
    let ids: HashMap<&str, Node> = doc
        .descendants()
        .filter_map(|n| n.attribute("id").map(|id| (id, n)))
        .collect();
    // y down to y up, with the plan's origin at the viewBox's bottom-left.
    let (x0, y1) = view_box.map_or((0.0, 0.0), |v| (v.x, v.y + v.h));
    let flip = Affine::new([1.0, 0.0, 0.0, -1.0, -x0, y1]);
    let mut w = Walker {
        doc: &doc,
        d,
        ids,
        limits,
        group: 0,
        uses: 0,
        ignored: HashMap::new(),
    };
    let layer = w.d.layer("(no layer)");
    w.children(root, flip, layer, true, 0, 0)?;
    let mut ignored: Vec<(&'static str, (usize, u32))> = w.ignored.into_iter().collect();
    ignored.sort();
    let mut d = w.d;
    for (what, (n, line)) in ignored {
        let reason = match what {
            "script" => "scripts are never run",
            "foreignObject" => "foreign content is not drawing",
            "image" => "images are not imported (trace walls as lines)",
            "use" => "references to other files are never loaded",
            "style" => "style sheets are not read",
            _ => "not drawing",
        };
        d.note(
            NoteLevel::Info,
            format!("line {line} (<{what}>)"),
            format!("{n} <{what}> element(s) ignored: {reason}"),
        );
    }
    // Layers that only existed as the default and hold nothing.
    if d.layers[layer].entities.is_empty() && d.shapes.iter().all(|s| s.layer != layer) {
        d.layers[layer].hidden = false;
    }
    Ok(d)
}

/// A `points` attribute's pairs, read up to the first malformed number (as
/// SVG renders it), and how many pairs were read when it stopped early
/// (a malformed number or an odd count), so the caller can say so.
fn point_list(text: &str) -> (Vec<[f64; 2]>, Option<usize>) {
    let mut numbers = Vec::new();
    let mut malformed = false;
    for number in svgtypes::NumberListParser::from(text) {
        match number {
            Ok(v) => numbers.push(v),
            Err(_) => {
                malformed = true;
                break;
            }
        }
    }
    let points: Vec<[f64; 2]> = numbers.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
    let stopped = (malformed || numbers.len() % 2 == 1).then_some(points.len());
    (points, stopped)
}

fn line_of(doc: &Document, n: Node) -> String {
    format!("line {}", doc.text_pos_at(n.range().start).row)
}

/// The root's viewBox. A malformed one, or one without a positive size, is
/// an error in SVG that browsers answer by ignoring the attribute; the
/// import does the same (so it matches what the user sees) and says so.
fn root_view_box(doc: &Document, root: Node, d: &mut Drawing) -> Option<svgtypes::ViewBox> {
    let text = root.attribute("viewBox")?;
    match svgtypes::ViewBox::from_str(text) {
        Ok(v) if v.w > 0.0 && v.h > 0.0 => Some(v),
        _ => {
            d.note(
                NoteLevel::Warning,
                line_of(doc, root),
                format!(
                    "viewBox=\"{text}\" ignored (it must be four numbers with a positive width and height): \
                     the plan's origin is user unit (0, 0), as a browser draws it"
                ),
            );
            None
        }
    }
}

/// Metres per user unit: from the root's width and viewBox when the width has
/// a unit, else CSS pixels. Notes that an SVG's size is usually paper's, and
/// that a malformed width was ignored (as a browser ignores it).
fn units(
    doc: &Document,
    root: Node,
    view_box: Option<svgtypes::ViewBox>,
    d: &mut Drawing,
) -> (f64, String) {
    let width = root.attribute("width").and_then(|text| {
        let parsed = svgtypes::Length::from_str(text).ok();
        if parsed.is_none() {
            d.note(
                NoteLevel::Warning,
                line_of(doc, root),
                format!("width=\"{text}\" ignored: it is not a length"),
            );
        }
        parsed
    });
    let metres = |l: svgtypes::Length| -> Option<f64> {
        use svgtypes::LengthUnit as U;
        let per = match l.unit {
            U::None | U::Px => 0.0254 / PX_PER_IN,
            U::In => 0.0254,
            U::Cm => 0.01,
            U::Mm => 0.001,
            U::Pt => 0.0254 / 72.0,
            U::Pc => 0.0254 / 6.0,
            _ => return None,
        };
        Some(l.number * per)
    };
    let (m, source) = match (width.and_then(|w| metres(w).map(|m| (w, m))), view_box) {
        (Some((w, m)), Some(vb)) if m > 0.0 => (
            m / vb.w,
            format!(
                "1 user unit = {:.6} mm on paper (width \"{}{}\" over a viewBox {} wide)",
                m / vb.w * 1000.0,
                w.number,
                unit_name(w.unit),
                vb.w
            ),
        ),
        _ => (
            0.0254 / PX_PER_IN,
            "1 user unit = 1 CSS pixel = 0.2646 mm (the SVG gives no physical size)".to_string(),
        ),
    };
    d.note(
        NoteLevel::Warning,
        String::new(),
        "an SVG's size is a page's, not the building's: set the scale (metres per user unit) unless the plan was drawn at full size",
    );
    (m, source)
}

fn unit_name(u: svgtypes::LengthUnit) -> &'static str {
    use svgtypes::LengthUnit as U;
    match u {
        U::None => "",
        U::Em => "em",
        U::Ex => "ex",
        U::Px => "px",
        U::In => "in",
        U::Cm => "cm",
        U::Mm => "mm",
        U::Pt => "pt",
        U::Pc => "pc",
        U::Percent => "%",
    }
}

struct Walker<'a, 'input> {
    doc: &'a Document<'input>,
    d: Drawing,
    ids: HashMap<&'a str, Node<'a, 'input>>,
    limits: &'a Limits,
    group: u32,
    uses: usize,
    /// Ignored elements by name: how many, and the line of the first.
    ignored: HashMap<&'static str, (usize, u32)>,
}

fn hidden(n: Node) -> bool {
    n.attribute("display") == Some("none")
        || n.attribute("style").is_some_and(|s| {
            s.split(';').any(|decl| {
                let mut kv = decl.splitn(2, ':');
                let (k, v) = (
                    kv.next().unwrap_or("").trim(),
                    kv.next().unwrap_or("").trim(),
                );
                k == "display" && v == "none"
            })
        })
}

/// A group's layer name, when the group is a layer.
fn layer_name(n: Node, top: bool) -> Option<String> {
    let inkscape_layer = n.attribute((INKSCAPE, "groupmode")) == Some("layer");
    if !(inkscape_layer || top) {
        return None;
    }
    n.attribute((INKSCAPE, "label"))
        .or(n.attribute("data-name"))
        .or(n.attribute("id"))
        .map(|s| s.replace("_x20_", " "))
}

impl<'a, 'input> Walker<'a, 'input> {
    fn ignore(&mut self, what: &'static str, n: Node) {
        let line = self.doc.text_pos_at(n.range().start).row;
        let e = self.ignored.entry(what).or_insert((0, line));
        e.0 += 1;
    }

    fn place(&self, n: Node, what: &'static str, via: u32) -> Place {
        Place {
            at: self.doc.text_pos_at(n.range().start).row,
            what,
            via,
        }
    }

    fn children(
        &mut self,
        parent: Node<'a, 'input>,
        t: Affine,
        layer: usize,
        top: bool,
        depth: usize,
        via: u32,
    ) -> Result<(), ImportError> {
        for n in parent.children().filter(|n| n.is_element()) {
            self.element(n, t, layer, top, depth, via)?;
        }
        Ok(())
    }

    fn element(
        &mut self,
        n: Node<'a, 'input>,
        t: Affine,
        layer: usize,
        top: bool,
        depth: usize,
        via: u32,
    ) -> Result<(), ImportError> {
        let ns = n.tag_name().namespace();
        if ns.is_some() && ns != Some(SVG) {
            return Ok(());
        }
        let name = n.tag_name().name();
        if hidden(n) {
            // Counted on its own layer when it is one, as hidden drawing.
            let layer = match (name, layer_name(n, top)) {
                ("g", Some(l)) => {
                    let i = self.d.layer(&l);
                    self.d.layers[i].hidden = true;
                    i
                }
                _ => layer,
            };
            let drawn = n
                .descendants()
                .filter(|d| d.is_element() && element_name(d.tag_name().name()) != "other")
                .count();
            for _ in 0..drawn {
                self.d.count(layer, "hidden");
            }
            return Ok(());
        }
        let t = match n.attribute("transform") {
            Some(s) => match svgtypes::Transform::from_str(s) {
                Ok(m) => t * Affine::new([m.a, m.b, m.c, m.d, m.e, m.f]),
                Err(e) => {
                    let place = line_of(self.doc, n);
                    self.d.note(
                        NoteLevel::Warning,
                        place,
                        format!("transform \"{s}\" does not parse ({e}): element skipped"),
                    );
                    return Ok(());
                }
            },
            None => t,
        };
        match name {
            "g" | "a" | "switch" | "svg" => {
                let layer = match layer_name(n, top && name == "g") {
                    Some(l) => self.d.layer(&l),
                    None => layer,
                };
                let t = if name == "svg" {
                    t * Affine::translate((
                        self.len(n, "x")?.unwrap_or(0.0),
                        self.len(n, "y")?.unwrap_or(0.0),
                    ))
                } else {
                    t
                };
                self.children(n, t, layer, false, depth, via)
            }
            "line" | "polyline" | "polygon" | "rect" | "circle" | "ellipse" | "path" => {
                let layer = self.class_layer(n, layer);
                let what = element_name(name);
                self.d.count(layer, what);
                if let Some(geom) = self.geometry(n, name, t)? {
                    let place = self.place(n, what, via);
                    self.d.shapes.push(Shape {
                        layer,
                        geom,
                        place,
                        group: self.group,
                        props: None,
                    });
                    if self.d.shapes.len() > self.limits.max_shapes {
                        return Err(ImportError::Limit(format!(
                            "the SVG has more than {} shapes (with its use references expanded); imports are limited to that",
                            self.limits.max_shapes
                        )));
                    }
                }
                Ok(())
            }
            "text" => {
                let layer = self.class_layer(n, layer);
                self.d.count(layer, "text");
                let x = first_number(n.attribute("x")).unwrap_or(0.0);
                let y = first_number(n.attribute("y")).unwrap_or(0.0);
                let p = t * KPoint::new(x, y);
                let text: String = n
                    .descendants()
                    .filter(|c| c.is_text())
                    .filter_map(|c| c.text())
                    .collect::<Vec<_>>()
                    .join(" ");
                let place = self.place(n, "text", via);
                self.d.texts.push(Text {
                    layer,
                    at: [p.x, p.y],
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    place,
                });
                Ok(())
            }
            "use" => self.use_element(n, t, layer, depth, via),
            "script" | "foreignObject" | "image" | "style" => {
                let what = match name {
                    "script" => "script",
                    "foreignObject" => "foreignObject",
                    "image" => "image",
                    _ => "style",
                };
                self.d.count(layer, element_name(name));
                self.ignore(what, n);
                Ok(())
            }
            // Definitions are drawn only through `use`; the rest is not drawing.
            _ => Ok(()),
        }
    }

    /// An element's first class names its layer when no group does.
    fn class_layer(&mut self, n: Node, layer: usize) -> usize {
        if self.d.layers[layer].name != "(no layer)" {
            return layer;
        }
        match n
            .attribute("class")
            .and_then(|c| c.split_whitespace().next())
        {
            Some(class) => self.d.layer(class),
            None => layer,
        }
    }

    fn use_element(
        &mut self,
        n: Node<'a, 'input>,
        t: Affine,
        layer: usize,
        depth: usize,
        via: u32,
    ) -> Result<(), ImportError> {
        self.d.count(layer, "use");
        let href = n
            .attribute((XLINK, "href"))
            .or(n.attribute("href"))
            .unwrap_or("");
        let Some(id) = href.strip_prefix('#') else {
            self.ignore("use", n);
            return Ok(());
        };
        let Some(&target) = self.ids.get(id) else {
            let place = line_of(self.doc, n);
            self.d.note(
                NoteLevel::Warning,
                place,
                format!("<use> of \"#{id}\", which the file does not define: skipped"),
            );
            return Ok(());
        };
        if depth >= self.limits.max_depth || target.ancestors().any(|a| a == n) {
            return Err(ImportError::Limit(format!(
                "{}: <use> references nested more than {} deep (a reference to itself?)",
                line_of(self.doc, n),
                self.limits.max_depth
            )));
        }
        self.uses += 1;
        if self.uses > self.limits.max_shapes {
            return Err(ImportError::Limit(format!(
                "the SVG expands more than {} <use> references; imports are limited to that",
                self.limits.max_shapes
            )));
        }
        let t = t * Affine::translate((
            self.len(n, "x")?.unwrap_or(0.0),
            self.len(n, "y")?.unwrap_or(0.0),
        ));
        let outer = self.group;
        if depth == 0 {
            self.group += 1;
        }
        let via = if via == 0 {
            self.doc.text_pos_at(n.range().start).row
        } else {
            via
        };
        let result = if target.tag_name().name() == "symbol" {
            self.children(target, t, layer, false, depth + 1, via)
        } else {
            self.element(target, t, layer, false, depth + 1, via)
        };
        if depth == 0 {
            self.group = outer.max(self.group);
        }
        result
    }

    /// A length attribute in user units (absolute units at 96 px per inch).
    fn len(&mut self, n: Node, attr: &str) -> Result<Option<f64>, ImportError> {
        let Some(text) = n.attribute(attr) else {
            return Ok(None);
        };
        let bad = |why: &str| {
            ImportError::at(
                line_of(self.doc, n),
                format!(
                    "<{}> attribute {attr}=\"{text}\": {why}",
                    n.tag_name().name()
                ),
            )
        };
        let l = svgtypes::Length::from_str(text).map_err(|_| bad("not a length"))?;
        use svgtypes::LengthUnit as U;
        let px = match l.unit {
            U::None | U::Px => 1.0,
            U::In => PX_PER_IN,
            U::Cm => PX_PER_IN / 2.54,
            U::Mm => PX_PER_IN / 25.4,
            U::Pt => PX_PER_IN / 72.0,
            U::Pc => PX_PER_IN / 6.0,
            _ => {
                return Err(bad(
                    "relative units (%, em, ex) are not supported in an import",
                ));
            }
        };
        let v = l.number * px;
        if v.is_finite() {
            Ok(Some(v))
        } else {
            Err(bad("not a finite number"))
        }
    }

    fn geometry(&mut self, n: Node, name: &str, t: Affine) -> Result<Option<Geom>, ImportError> {
        let num = |w: &mut Self, a: &str| w.len(n, a).map(|v| v.unwrap_or(0.0));
        let polyline = |points: Vec<[f64; 2]>, closed: bool| Geom::Polyline {
            points,
            bulges: Vec::new(),
            closed,
            transform: t,
        };
        Ok(match name {
            "line" => Some(polyline(
                vec![
                    [num(self, "x1")?, num(self, "y1")?],
                    [num(self, "x2")?, num(self, "y2")?],
                ],
                false,
            )),
            "polyline" | "polygon" => {
                let (points, stopped) = point_list(n.attribute("points").unwrap_or(""));
                if let Some(pairs) = stopped {
                    let place = line_of(self.doc, n);
                    self.d.note(
                        NoteLevel::Warning,
                        place,
                        format!(
                            "<{name}> points: not a list of number pairs after {pairs} point(s); \
                             the rest is ignored, as a browser draws it"
                        ),
                    );
                }
                if points.len() < 2 || points.iter().flatten().any(|c| !c.is_finite()) {
                    let place = line_of(self.doc, n);
                    self.d.note(
                        NoteLevel::Warning,
                        place,
                        format!("<{name}> without two valid points: skipped"),
                    );
                    return Ok(None);
                }
                Some(polyline(points, name == "polygon"))
            }
            "rect" => {
                let (x, y) = (num(self, "x")?, num(self, "y")?);
                let (w, h) = (num(self, "width")?, num(self, "height")?);
                if w <= 0.0 || h <= 0.0 {
                    return Ok(None);
                }
                let rx = self.len(n, "rx")?;
                let ry = self.len(n, "ry")?;
                let r = rx.or(ry).unwrap_or(0.0).min(w / 2.0).min(h / 2.0);
                if r > 0.0 {
                    let rounded = kurbo::RoundedRect::new(x, y, x + w, y + h, r);
                    let mut path = kurbo::Shape::to_path(&rounded, 1e-9 * (w + h));
                    path.apply_affine(t);
                    Some(Geom::Path(path))
                } else {
                    Some(polyline(
                        vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
                        true,
                    ))
                }
            }
            "circle" | "ellipse" => {
                let (cx, cy) = (num(self, "cx")?, num(self, "cy")?);
                let (rx, ry) = if name == "circle" {
                    let r = num(self, "r")?;
                    (r, r)
                } else {
                    (num(self, "rx")?, num(self, "ry")?)
                };
                if rx <= 0.0 || ry <= 0.0 {
                    return Ok(None);
                }
                Some(Geom::Arc {
                    radius: 1.0,
                    start: 0.0,
                    sweep: std::f64::consts::TAU,
                    transform: t * Affine::translate((cx, cy)) * Affine::scale_non_uniform(rx, ry),
                })
            }
            "path" => {
                let data = n.attribute("d").unwrap_or("");
                let (mut path, error) = path_data(data);
                if let Some(e) = error {
                    let place = line_of(self.doc, n);
                    self.d.note(
                        NoteLevel::Warning,
                        place,
                        format!("path data error ({e}): drawn up to the error, as SVG viewers do"),
                    );
                }
                if path.elements().is_empty() {
                    return Ok(None);
                }
                path.apply_affine(t);
                Some(Geom::Path(path))
            }
            _ => None,
        })
    }
}

fn first_number(s: Option<&str>) -> Option<f64> {
    s?.split([' ', ',']).find(|p| !p.is_empty())?.parse().ok()
}

/// SVG path data as absolute Bézier segments; arcs become cubics within a
/// millionth of their radius. Stops at the first error and says why.
fn path_data(d: &str) -> (BezPath, Option<String>) {
    let mut path = BezPath::new();
    let mut cur = KPoint::ORIGIN;
    let mut start = KPoint::ORIGIN;
    // The last control point, for smooth curves: (point, was a cubic).
    let mut last_ctrl: Option<(KPoint, bool)> = None;
    let mut open = false;
    for seg in svgtypes::PathParser::from(d) {
        let seg = match seg {
            Ok(s) => s,
            Err(e) => return (path, Some(e.to_string())),
        };
        use svgtypes::PathSegment as S;
        let abs = |abs: bool, x: f64, y: f64, cur: KPoint| {
            if abs {
                KPoint::new(x, y)
            } else {
                cur + Vec2::new(x, y)
            }
        };
        let mut ctrl = None;
        if !open && !matches!(seg, S::MoveTo { .. }) {
            path.move_to(cur);
            start = cur;
            open = true;
        }
        match seg {
            S::MoveTo { abs: a, x, y } => {
                cur = abs(a, x, y, cur);
                path.move_to(cur);
                start = cur;
                open = true;
            }
            S::LineTo { abs: a, x, y } => {
                cur = abs(a, x, y, cur);
                path.line_to(cur);
            }
            S::HorizontalLineTo { abs: a, x } => {
                cur = KPoint::new(if a { x } else { cur.x + x }, cur.y);
                path.line_to(cur);
            }
            S::VerticalLineTo { abs: a, y } => {
                cur = KPoint::new(cur.x, if a { y } else { cur.y + y });
                path.line_to(cur);
            }
            S::CurveTo {
                abs: a,
                x1,
                y1,
                x2,
                y2,
                x,
                y,
            } => {
                let (p1, p2, p) = (abs(a, x1, y1, cur), abs(a, x2, y2, cur), abs(a, x, y, cur));
                path.curve_to(p1, p2, p);
                ctrl = Some((p2, true));
                cur = p;
            }
            S::SmoothCurveTo {
                abs: a,
                x2,
                y2,
                x,
                y,
            } => {
                let p1 = match last_ctrl {
                    Some((c, true)) => cur + (cur - c),
                    _ => cur,
                };
                let (p2, p) = (abs(a, x2, y2, cur), abs(a, x, y, cur));
                path.curve_to(p1, p2, p);
                ctrl = Some((p2, true));
                cur = p;
            }
            S::Quadratic {
                abs: a,
                x1,
                y1,
                x,
                y,
            } => {
                let (p1, p) = (abs(a, x1, y1, cur), abs(a, x, y, cur));
                path.quad_to(p1, p);
                ctrl = Some((p1, false));
                cur = p;
            }
            S::SmoothQuadratic { abs: a, x, y } => {
                let p1 = match last_ctrl {
                    Some((c, false)) => cur + (cur - c),
                    _ => cur,
                };
                let p = abs(a, x, y, cur);
                path.quad_to(p1, p);
                ctrl = Some((p1, false));
                cur = p;
            }
            S::EllipticalArc {
                abs: a,
                rx,
                ry,
                x_axis_rotation,
                large_arc,
                sweep,
                x,
                y,
            } => {
                let to = abs(a, x, y, cur);
                let arc = kurbo::SvgArc {
                    from: cur,
                    to,
                    radii: Vec2::new(rx, ry),
                    x_rotation: x_axis_rotation.to_radians(),
                    large_arc,
                    sweep,
                };
                match kurbo::Arc::from_svg_arc(&arc) {
                    Some(arc) => {
                        let tol = 1e-6 * arc.radii.x.abs().max(arc.radii.y.abs()).max(1e-12);
                        for el in arc.append_iter(tol) {
                            path.push(el);
                        }
                    }
                    // Zero radii: a straight line, as the SVG spec says.
                    None => path.line_to(to),
                }
                cur = to;
            }
            S::ClosePath { .. } => {
                path.close_path();
                cur = start;
                open = false;
            }
        }
        last_ctrl = ctrl;
    }
    (path, None)
}

/// Refuses an entity-expansion bomb before the XML parser sees it: the
/// entities declared in the internal DTD subset, expanded, times their
/// references in the document, must stay within the limit. External entities
/// are noted (never loaded).
fn entity_guard(text: &str, limits: &Limits, d: &mut Drawing) -> Result<(), ImportError> {
    let Some(doctype) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let Some(open) = text[doctype..].find('[').map(|i| doctype + i) else {
        return Ok(());
    };
    // The subset ends at the first "]" followed by ">" (entity values may hold
    // neither in a well-formed file without quoting; good enough as a guard).
    let Some(close) = text[open..].find("]>").map(|i| open + i) else {
        return Ok(());
    };
    let subset = &text[open + 1..close];
    let mut values: HashMap<&str, &str> = HashMap::new();
    let mut rest = subset;
    while let Some(i) = rest.find("<!ENTITY") {
        rest = &rest[i + 8..];
        let decl_end = rest.find('>').unwrap_or(rest.len());
        let decl = rest[..decl_end].trim();
        let mut parts = decl.splitn(2, char::is_whitespace);
        let mut name = parts.next().unwrap_or("");
        let mut body = parts.next().unwrap_or("").trim();
        if name == "%" {
            let mut p = body.splitn(2, char::is_whitespace);
            name = p.next().unwrap_or("");
            body = p.next().unwrap_or("").trim();
        }
        if body.starts_with("SYSTEM") || body.starts_with("PUBLIC") {
            let line =
                text[..open].lines().count() + subset[..subset.len() - rest.len()].lines().count();
            d.note(
                NoteLevel::Warning,
                format!("line {line}"),
                format!("external entity \"{name}\" is never loaded: references to it fail"),
            );
            continue;
        }
        let quote = body.chars().next().unwrap_or('"');
        let value = body
            .get(1..)
            .and_then(|b| b.find(quote).map(|e| &b[..e]))
            .unwrap_or("");
        values.insert(name, value);
    }
    if values.is_empty() {
        return Ok(());
    }
    fn expanded(
        name: &str,
        values: &HashMap<&str, &str>,
        depth: usize,
        memo: &mut HashMap<String, usize>,
    ) -> usize {
        if let Some(&n) = memo.get(name) {
            return n;
        }
        let Some(v) = values.get(name) else {
            return 0;
        };
        if depth > 16 {
            return usize::MAX;
        }
        let mut n = v.len();
        for r in references(v) {
            n = n.saturating_add(expanded(r, values, depth + 1, memo));
        }
        memo.insert(name.to_string(), n);
        n
    }
    fn references(s: &str) -> impl Iterator<Item = &str> {
        s.split('&')
            .skip(1)
            .filter_map(|p| p.split_once(';').map(|(n, _)| n))
            .filter(|n| !n.starts_with('#'))
    }
    let mut memo = HashMap::new();
    let body = &text[close..];
    let mut total: usize = 0;
    for r in references(body) {
        if values.contains_key(r) {
            total = total.saturating_add(expanded(r, &values, 0, &mut memo));
        }
    }
    if total > limits.max_entity_expansion {
        return Err(ImportError::Limit(format!(
            "the SVG's entities would expand to {} characters (an entity-expansion bomb?); imports allow {}: refused",
            if total == usize::MAX {
                "unboundedly many".to_string()
            } else {
                total.to_string()
            },
            limits.max_entity_expansion
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_data_is_made_absolute() {
        let (p, e) = path_data("M 0 0 h 10 v 5 H 0 z m 20 0 l 1 1");
        assert!(e.is_none());
        let points: Vec<KPoint> = p
            .elements()
            .iter()
            .filter_map(|el| match el {
                kurbo::PathEl::MoveTo(p) | kurbo::PathEl::LineTo(p) => Some(*p),
                _ => None,
            })
            .collect();
        assert_eq!(
            points,
            vec![
                KPoint::new(0.0, 0.0),
                KPoint::new(10.0, 0.0),
                KPoint::new(10.0, 5.0),
                KPoint::new(0.0, 5.0),
                KPoint::new(20.0, 0.0),
                KPoint::new(21.0, 1.0),
            ]
        );
        let (_, e) = path_data("M 0 0 L 5 x");
        assert!(e.is_some());
    }
}
