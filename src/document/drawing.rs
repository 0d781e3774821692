//! The plan as an SVG drawing: walls by kind, zones, cameras with their
//! bearings, views and detail rings, dead zones, blind spots, the parts seen
//! below their required level, a legend, a north arrow and a scale bar.
//!
//! One renderer for every document: the HTML report inlines it, the command
//! line writes it as a file, the page exports it (and rasterises it to PNG).
//! The drawing is in paper millimetres at a stated standard scale (1:200...)
//! or in pixels for a chosen image size. It uses only what librsvg and
//! Chromium both render the same way: paths, patterns, clip paths and
//! presentation attributes (no CSS, no filters, no fonts of our own).

use super::compass;
use super::markup::{Dialect, Markup, num};
use crate::geometry::{Bounds, Point, Polygon, label_point};
use crate::scenario::{WallKind, ZoneKind};
use crate::session::Session;

/// Colours shared with the page's palette (`www/js/palette.js`): chosen to
/// survive a washed-out projector and the common colour-vision deficiencies.
mod palette {
    pub const CAMERA: [&str; 8] = [
        "#0072B2", "#E69F00", "#009E73", "#56B4E9", "#332288", "#999933", "#44AA99", "#AA4499",
    ];
    pub const INK: &str = "#1d232b";
    pub const PAPER: &str = "#ffffff";
    pub const OUTSIDE: &str = "#f4f6f4";
    pub const BLIND: &str = "#d4003c";
    pub const DEAD: &str = "#2b313a";
    /// Seen, but below the zone's required level: amber, hatched the other way.
    pub const SHORTFALL: &str = "#c26a00";
    pub const WALL: &str = "#1d232b";
    pub const DOOR: &str = "#8a5a2b";
    pub const WINDOW: &str = "#2f6fb0";
    pub const GLASS: &str = "#1aa0c8";
    pub const RAILING: &str = "#4a4f57";
    pub const HAZARD_YELLOW: &str = "#ffd21f";
    /// The most vulnerable route: a dark purple apart from every other colour.
    pub const ROUTE: &str = "#4b0f6b";

    /// Zone fill by kind and priority (1 = faint, 5+ = strong).
    pub fn zone_fill(kind: crate::scenario::ZoneKind, priority: f64) -> &'static str {
        use crate::scenario::ZoneKind;
        let p = (priority.round() as i64).clamp(1, 5) as usize - 1;
        match kind {
            ZoneKind::Asset => ["#f7e7b4", "#f4dc98", "#f1d27d", "#eec764", "#ebbd4c"][p],
            ZoneKind::Exterior => ["#e4ece7", "#dbe6df", "#d1e0d7", "#c6d9cd", "#bbd2c3"][p],
            ZoneKind::Room => ["#f4f1ea", "#eee7d9", "#e8ddc8", "#e2d3b7", "#dcc9a6"][p],
        }
    }

    pub fn zone_stroke(kind: crate::scenario::ZoneKind) -> &'static str {
        use crate::scenario::ZoneKind;
        match kind {
            ZoneKind::Asset => "#8a6a10",
            ZoneKind::Exterior => "#6d8a78",
            ZoneKind::Room => "#b9ae98",
        }
    }

    pub fn camera(i: usize) -> &'static str {
        CAMERA[i % CAMERA.len()]
    }
}

/// The colour a camera is drawn in (the page uses the same).
pub fn camera_colour(index: usize) -> &'static str {
    palette::camera(index)
}

/// How big the drawing is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Size {
    /// On paper, in a box of this many millimetres: the plan is drawn at the
    /// largest standard scale (1:100, 1:200, 1:250, 1:500...) that fits, and
    /// the drawing is as tall as it needs to be (at most `height_mm`).
    Paper { width_mm: f64, height_mm: f64 },
    /// An image of exactly this many pixels; the frame is fitted and centred.
    Pixels { width: u32, height: u32 },
}

/// Which layers to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub views: bool,
    /// Each camera's detail rings (where each density level ends).
    pub bands: bool,
    pub dead_zones: bool,
    pub blind_spots: bool,
    /// Parts of zones seen below their required level.
    pub shortfall: bool,
    /// Zone, camera, opening and blind spot labels.
    pub labels: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            views: true,
            bands: true,
            dead_zones: true,
            blind_spots: true,
            shortfall: true,
            labels: true,
        }
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawingOptions {
    /// The part of the plan to draw, in plan metres; `None` for the whole plan
    /// (walls, zones and cameras) with a small margin.
    pub frame: Option<Bounds>,
    pub size: Size,
    pub layers: Layers,
    /// Draw the legend (below the plan).
    pub legend: bool,
    /// A line written above the legend (the layout's name, say).
    pub caption: Option<String>,
    /// Prefix of the ids of patterns and clip paths, so that several drawings
    /// can live in one HTML document.
    pub id_prefix: String,
}

impl Default for DrawingOptions {
    fn default() -> Self {
        DrawingOptions {
            frame: None,
            size: Size::Paper {
                width_mm: 180.0,
                height_mm: 120.0,
            },
            layers: Layers::default(),
            legend: true,
            caption: None,
            id_prefix: "bs".to_string(),
        }
    }
}

/// The parts of the plan the drawing shows beside what the session knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlays {
    /// Blind spots to draw, numbered B1, B2... in this order (the report's list).
    pub blind_spots: Vec<Polygon>,
    /// Parts of zones seen below their required level.
    pub shortfall: Vec<Polygon>,
    /// A route to draw (the most vulnerable path), start to end, and the point
    /// after which a detection comes too late (its critical point), if known.
    pub route: Vec<Point>,
    pub critical_point: Option<Point>,
}

/// A finished drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The SVG document (no XML declaration: it is UTF-8 and can be inlined in
    /// HTML as it is).
    pub svg: String,
    /// Its size in its units (millimetres on paper, pixels for images).
    pub width: f64,
    pub height: f64,
    /// On paper: the scale's denominator (200 for 1:200).
    pub scale: Option<f64>,
    /// The plan box drawn, in plan metres.
    pub frame: Bounds,
}

/// Drawing scales, 1:n: ISO 5455's 1, 2 and 5 series with the 1.25, 2.5,
/// 3, 4 and 7.5 steps survey and engineering plans also use (1:250, 1:400,
/// 1:1250...), so a plan fills its page.
fn standard_scales() -> impl Iterator<Item = f64> {
    (0..8).flat_map(|k| {
        [1.0, 1.25, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5]
            .into_iter()
            .map(move |m| m * 10f64.powi(k))
    })
}

/// The largest standard scale at which `frame` fits in `width_mm` × `height_mm`.
pub fn fitting_scale(frame: &Bounds, width_mm: f64, height_mm: f64) -> f64 {
    let size = frame.size();
    let needed = (size.x * 1000.0 / width_mm).max(size.y * 1000.0 / height_mm);
    standard_scales()
        .find(|&s| s >= needed * (1.0 - 1e-9))
        .unwrap_or(needed)
}

/// The extent of what a plan holds: walls, zones and camera positions.
pub fn plan_extent(session: &Session) -> Bounds {
    let s = session.scenario();
    let mut b = Bounds::EMPTY;
    for w in &s.plan.walls {
        for p in &w.path {
            b.extend(*p);
        }
    }
    for z in &s.plan.zones {
        for p in &z.polygon {
            b.extend(*p);
        }
    }
    for c in &s.cameras {
        b.extend(c.position);
    }
    if b.is_empty() {
        Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(1.0, 1.0),
        }
    } else {
        b
    }
}

/// Plan to drawing coordinates: `X = left + (x - x0) k`, `Y = top + (y1 - y) k`
/// (the drawing's y grows downwards, the plan's northwards).
#[derive(Clone, Copy, Debug)]
struct Transform {
    k: f64,
    x0: f64,
    y1: f64,
    left: f64,
    top: f64,
}

impl Transform {
    fn x(&self, x: f64) -> f64 {
        self.left + (x - self.x0) * self.k
    }
    fn y(&self, y: f64) -> f64 {
        self.top + (self.y1 - y) * self.k
    }
}

/// The drawing being written, with its units: `pt` is one typographic point
/// in drawing units.
struct Painter {
    m: Markup,
    t: Transform,
    pt: f64,
    ids: String,
}

impl Painter {
    fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
    }

    /// Opens a group with an id of its own.
    fn group(&mut self, name: &str) -> &mut Markup {
        let id = self.id(name);
        self.m.open("g").attr("id", id)
    }

    fn url(&self, name: &str) -> String {
        format!("url(#{})", self.id(name))
    }

    /// Path data of rings (each closed).
    fn rings_data<'a>(&self, rings: impl IntoIterator<Item = &'a Vec<Point>>) -> String {
        let mut d = String::new();
        for ring in rings {
            for (i, p) in ring.iter().enumerate() {
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&num(self.t.x(p.x)));
                d.push(' ');
                d.push_str(&num(self.t.y(p.y)));
            }
            if ring.len() >= 3 {
                d.push('Z');
            }
        }
        d
    }

    fn polyline_data(&self, path: &[Point]) -> String {
        let mut d = String::new();
        for (i, p) in path.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&num(self.t.x(p.x)));
            d.push(' ');
            d.push_str(&num(self.t.y(p.y)));
        }
        d
    }

    /// Text with a white halo, so it reads over hatching.
    fn label(&mut self, x: f64, y: f64, text: &str, style: Text) {
        let pt = self.pt;
        self.m
            .open("text")
            .attr("x", x)
            .attr("y", y)
            .attr("font-size", style.size_pt * pt)
            .attr("font-weight", if style.bold { "bold" } else { "normal" })
            .attr("text-anchor", style.anchor)
            .attr("fill", style.fill)
            .attr("stroke", palette::PAPER)
            .attr("stroke-width", 2.2 * pt)
            .attr("stroke-linejoin", "round")
            .attr("paint-order", "stroke")
            .text(text)
            .close();
    }
}

/// How a label is set.
#[derive(Clone, Copy, Debug)]
struct Text {
    size_pt: f64,
    fill: &'static str,
    bold: bool,
    /// `start`, `middle` or `end`.
    anchor: &'static str,
}

impl Text {
    fn new(size_pt: f64) -> Text {
        Text {
            size_pt,
            fill: palette::INK,
            bold: false,
            anchor: "middle",
        }
    }
    fn bold(self) -> Text {
        Text { bold: true, ..self }
    }
    fn fill(self, fill: &'static str) -> Text {
        Text { fill, ..self }
    }
    fn anchor(self, anchor: &'static str) -> Text {
        Text { anchor, ..self }
    }
}

/// A hatch pattern: lines `spacing` apart at `angle` degrees.
fn hatch(
    p: &mut Painter,
    name: &str,
    colour: &str,
    spacing: f64,
    width: f64,
    angle: f64,
    cross: bool,
) {
    let id = p.id(name);
    p.m.open("pattern")
        .attr("id", id)
        .attr("patternUnits", "userSpaceOnUse")
        .attr("width", spacing)
        .attr("height", spacing)
        .attr("patternTransform", format!("rotate({})", num(angle)));
    p.m.open("rect")
        .attr("width", spacing)
        .attr("height", spacing)
        .attr("fill", "none")
        .close();
    p.m.open("path")
        .attr(
            "d",
            format!(
                "M0 {h}H{s}{extra}",
                h = num(spacing / 2.0),
                s = num(spacing),
                extra = if cross {
                    format!("M{h} 0V{s}", h = num(spacing / 2.0), s = num(spacing))
                } else {
                    String::new()
                }
            ),
        )
        .attr("stroke", colour)
        .attr("stroke-width", width)
        .close();
    p.m.close();
}

/// One legend entry: how its swatch is drawn.
#[derive(Clone, Copy, Debug)]
enum Swatch {
    Fill {
        fill: &'static str,
        stroke: &'static str,
    },
    Pattern {
        name: &'static str,
        stroke: &'static str,
    },
    Line {
        colour: &'static str,
        width_pt: f64,
        dash: Option<&'static str>,
    },
    Hazard,
    Camera,
    Rings,
}

/// Renders the plan of `session` as SVG.
pub fn plan_svg(session: &Session, overlays: &Overlays, options: &DrawingOptions) -> Drawing {
    let scenario = session.scenario();
    let extent = options.frame.unwrap_or_else(|| {
        let b = plan_extent(session);
        let margin = (b.size().x.max(b.size().y) * 0.02).max(0.5);
        b.expanded(margin)
    });
    let (pt, paper) = match options.size {
        Size::Paper { .. } => (25.4 / 72.0, true),
        Size::Pixels { width, .. } => ((width as f64 / 700.0).max(1.0), false),
    };
    let pad = 4.0 * pt;
    let legend = legend_entries(session, overlays, options);
    let (width, max_height) = match options.size {
        Size::Paper {
            width_mm,
            height_mm,
        } => (width_mm, height_mm),
        Size::Pixels { width, height } => (width as f64, height as f64),
    };
    let legend_height = if options.legend {
        legend_layout(&legend, width - 2.0 * pad, pt, options.caption.is_some()).1
    } else {
        0.0
    };
    let plan_box_w = width;
    let plan_box_h = (max_height - legend_height).max(max_height * 0.3);
    let size = extent.size();
    let (k, scale) = if paper {
        let s = fitting_scale(&extent, plan_box_w, plan_box_h);
        (1000.0 / s, Some(s))
    } else {
        let k = (plan_box_w / size.x.max(1e-9)).min(plan_box_h / size.y.max(1e-9));
        (k, None)
    };
    // The frame grows to fill the box, centred on what was asked for.
    let plan_h = if paper {
        (size.y * k).min(plan_box_h)
    } else {
        plan_box_h
    };
    let span = Point::new(plan_box_w / k, plan_h / k);
    let centre = Point::new(
        (extent.min.x + extent.max.x) / 2.0,
        (extent.min.y + extent.max.y) / 2.0,
    );
    let frame = Bounds {
        min: Point::new(centre.x - span.x / 2.0, centre.y - span.y / 2.0),
        max: Point::new(centre.x + span.x / 2.0, centre.y + span.y / 2.0),
    };
    let height = if paper {
        plan_h + legend_height
    } else {
        max_height
    };
    let t = Transform {
        k,
        x0: frame.min.x,
        y1: frame.max.y,
        left: 0.0,
        top: 0.0,
    };
    let mut p = Painter {
        m: Markup::new(Dialect::Xml),
        t,
        pt,
        ids: options.id_prefix.clone(),
    };
    let unit = if paper { "mm" } else { "" };
    p.m.open("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("version", "1.1")
        .attr("width", format!("{}{unit}", num(width)))
        .attr("height", format!("{}{unit}", num(height)))
        .attr("viewBox", format!("0 0 {} {}", num(width), num(height)))
        .attr(
            "font-family",
            "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif",
        )
        .attr("role", "img");
    p.m.open("title")
        .text(&match &options.caption {
            Some(c) => c.clone(),
            None if scenario.name.is_empty() => "Plan".to_string(),
            None => scenario.name.clone(),
        })
        .close();
    defs(&mut p, plan_h, width);
    p.m.open("rect")
        .attr("width", width)
        .attr("height", height)
        .attr("fill", palette::PAPER)
        .close();
    let clip = p.url("plan");
    p.m.open("g")
        .attr("clip-path", clip)
        .attr("stroke-linejoin", "round");
    p.m.open("rect")
        .attr("width", width)
        .attr("height", plan_h)
        .attr("fill", palette::OUTSIDE)
        .close();
    draw_zones(&mut p, session);
    if options.layers.views {
        draw_views(&mut p, session, options.layers.bands);
    }
    if options.layers.dead_zones {
        draw_dead_zones(&mut p, session);
    }
    if options.layers.shortfall {
        draw_regions(&mut p, &overlays.shortfall, "shortfall", palette::SHORTFALL);
    }
    if options.layers.blind_spots {
        draw_regions(&mut p, &overlays.blind_spots, "blind", palette::BLIND);
    }
    draw_walls(&mut p, session);
    draw_route(&mut p, overlays);
    draw_cameras(&mut p, session);
    if options.layers.labels {
        draw_labels(&mut p, session, overlays, options.layers.blind_spots);
    }
    p.m.close();
    north_arrow(&mut p, width, plan_h);
    scale_bar(&mut p, plan_h, width, scale);
    p.m.open("rect")
        .attr("width", width)
        .attr("height", plan_h)
        .attr("fill", "none")
        .attr("stroke", palette::INK)
        .attr("stroke-width", 0.5 * pt)
        .close();
    if options.legend {
        draw_legend(&mut p, &legend, plan_h, width, options.caption.as_deref());
    }
    Drawing {
        svg: p.m.finish(),
        width,
        height,
        scale,
        frame,
    }
}

fn defs(p: &mut Painter, plan_h: f64, width: f64) {
    let pt = p.pt;
    p.m.open("defs");
    let id = p.id("plan");
    p.m.open("clipPath").attr("id", id);
    p.m.open("rect")
        .attr("width", width)
        .attr("height", plan_h)
        .close();
    p.m.close();
    hatch(p, "blind", palette::BLIND, 3.0 * pt, 0.9 * pt, 45.0, false);
    hatch(
        p,
        "shortfall",
        palette::SHORTFALL,
        3.0 * pt,
        0.9 * pt,
        -45.0,
        false,
    );
    hatch(p, "dead", palette::DEAD, 2.6 * pt, 0.5 * pt, 45.0, true);
    p.m.close();
}

fn draw_zones(p: &mut Painter, session: &Session) {
    let pt = p.pt;
    p.group("zones");
    for z in &session.scenario().plan.zones {
        let d = p.rings_data(std::iter::once(&z.polygon).chain(z.holes.iter()));
        p.m.open("path")
            .attr("d", d)
            .attr("fill", palette::zone_fill(z.kind, z.priority))
            .attr("fill-rule", "evenodd")
            .attr("stroke", palette::zone_stroke(z.kind))
            .attr("stroke-width", 0.6 * pt);
        if z.kind == ZoneKind::Exterior {
            p.m.attr(
                "stroke-dasharray",
                format!("{} {}", num(2.0 * pt), num(1.5 * pt)),
            );
        }
        p.m.close();
    }
    p.m.close();
}

fn draw_views(p: &mut Painter, session: &Session, bands: bool) {
    let pt = p.pt;
    p.group("views");
    for (i, v) in session.views().iter().enumerate() {
        if v.ring.len() < 3 {
            continue;
        }
        let colour = palette::camera(i);
        let rings: Vec<&Vec<Point>> = std::iter::once(&v.ring)
            .chain((v.dead.len() >= 3).then_some(&v.dead))
            .collect();
        let d = p.rings_data(rings);
        p.m.open("path")
            .attr("d", d)
            .attr("fill", colour)
            .attr("fill-opacity", 0.16)
            .attr("fill-rule", "evenodd")
            .attr("stroke", colour)
            .attr("stroke-opacity", 0.8)
            .attr("stroke-width", 0.5 * pt)
            .close();
        if bands {
            for band in &v.levels {
                // A band as large as the view adds nothing to see.
                if band.len() < 3 || *band == v.ring {
                    continue;
                }
                let d = p.rings_data(std::iter::once(band));
                p.m.open("path")
                    .attr("d", d)
                    .attr("fill", colour)
                    .attr("fill-opacity", 0.08)
                    .attr("stroke", colour)
                    .attr("stroke-width", 0.45 * pt)
                    .attr(
                        "stroke-dasharray",
                        format!("{} {}", num(1.6 * pt), num(1.0 * pt)),
                    )
                    .close();
            }
        }
    }
    p.m.close();
}

fn draw_dead_zones(p: &mut Painter, session: &Session) {
    let pt = p.pt;
    p.group("dead-zones");
    for v in session.views() {
        if v.dead.len() < 3 {
            continue;
        }
        let d = p.rings_data(std::iter::once(&v.dead));
        let fill = p.url("dead");
        p.m.open("path")
            .attr("d", d)
            .attr("fill", fill)
            .attr("stroke", palette::DEAD)
            .attr("stroke-width", 0.4 * pt)
            .close();
    }
    p.m.close();
}

fn draw_regions(p: &mut Painter, regions: &[Polygon], pattern: &'static str, colour: &str) {
    let pt = p.pt;
    p.group(pattern);
    for region in regions {
        let d = p.rings_data(region.rings());
        let fill = p.url(pattern);
        p.m.open("path")
            .attr("d", d)
            .attr("fill", fill)
            .attr("fill-rule", "evenodd")
            .attr("stroke", colour)
            .attr("stroke-width", 0.5 * pt)
            .close();
    }
    p.m.close();
}

/// How a wall is stroked: colour, width in points, dashes in points.
fn wall_style(kind: WallKind, open: bool, blocks: bool) -> (&'static str, f64, Option<[f64; 2]>) {
    match kind {
        WallKind::Wall => (palette::WALL, 1.8, None),
        WallKind::Door if open => (palette::DOOR, 1.2, Some([2.0, 1.4])),
        WallKind::Door => (palette::DOOR, 1.6, None),
        WallKind::Window if blocks => (palette::WINDOW, 1.6, None),
        WallKind::Window => (palette::WINDOW, 1.2, Some([3.0, 1.0])),
        WallKind::Glass => (palette::GLASS, 1.1, None),
        WallKind::Railing => (palette::RAILING, 1.0, Some([0.6, 1.2])),
    }
}

fn draw_walls(p: &mut Painter, session: &Session) {
    let pt = p.pt;
    p.group("walls")
        .attr("fill", "none")
        .attr("stroke-linecap", "round");
    for w in &session.scenario().plan.walls {
        if w.path.len() < 2 {
            continue;
        }
        let d = p.polyline_data(&w.path);
        if w.exterior {
            // A way in: black and yellow stripes, which read by luminance.
            p.m.open("path")
                .attr("d", d.clone())
                .attr("stroke", palette::HAZARD_YELLOW)
                .attr("stroke-width", 3.2 * pt)
                .attr("stroke-linecap", "butt")
                .close();
            p.m.open("path")
                .attr("d", d.clone())
                .attr("stroke", palette::INK)
                .attr("stroke-width", 3.2 * pt)
                .attr("stroke-linecap", "butt")
                .attr(
                    "stroke-dasharray",
                    format!("{} {}", num(1.6 * pt), num(1.6 * pt)),
                )
                .close();
        }
        let (colour, width, dash) = wall_style(w.kind, w.open, w.blocks_sight());
        p.m.open("path")
            .attr("d", d.clone())
            .attr("stroke", colour)
            .attr("stroke-width", width * pt);
        if let Some([a, b]) = dash {
            p.m.attr(
                "stroke-dasharray",
                format!("{} {}", num(a * pt), num(b * pt)),
            );
        }
        p.m.close();
        if w.kind == WallKind::Window {
            // A window reads as a double line: a thin light core.
            p.m.open("path")
                .attr("d", d)
                .attr("stroke", palette::PAPER)
                .attr("stroke-width", 0.45 * pt)
                .close();
        }
    }
    p.m.close();
}

/// The route: a dark line on a white halo, a dot at its start, an arrow head at
/// its end, and a diamond at its critical point.
fn draw_route(p: &mut Painter, overlays: &Overlays) {
    if overlays.route.len() < 2 {
        return;
    }
    let pt = p.pt;
    let d = p.polyline_data(&overlays.route);
    p.group("route")
        .attr("fill", "none")
        .attr("stroke-linecap", "round")
        .attr("stroke-linejoin", "round");
    p.m.open("path")
        .attr("d", d.clone())
        .attr("stroke", palette::PAPER)
        .attr("stroke-width", 3.4 * pt)
        .close();
    p.m.open("path")
        .attr("d", d)
        .attr("stroke", palette::ROUTE)
        .attr("stroke-width", 1.5 * pt)
        .attr(
            "stroke-dasharray",
            format!("{} {}", num(3.5 * pt), num(1.6 * pt)),
        )
        .close();
    let n = overlays.route.len();
    let (a, b) = (overlays.route[n - 2], overlays.route[n - 1]);
    let (bx, by) = (p.t.x(b.x), p.t.y(b.y));
    let ang = (p.t.y(a.y) - by).atan2(p.t.x(a.x) - bx);
    let head = 5.0 * pt;
    let wing = |s: f64| (bx + head * (ang + s).cos(), by + head * (ang + s).sin());
    let (l, r) = (wing(0.45), wing(-0.45));
    p.m.open("path")
        .attr(
            "d",
            format!(
                "M{} {}L{} {}L{} {}Z",
                num(bx),
                num(by),
                num(l.0),
                num(l.1),
                num(r.0),
                num(r.1)
            ),
        )
        .attr("fill", palette::ROUTE)
        .attr("stroke", "none")
        .close();
    let s = overlays.route[0];
    p.m.open("circle")
        .attr("cx", p.t.x(s.x))
        .attr("cy", p.t.y(s.y))
        .attr("r", 2.2 * pt)
        .attr("fill", palette::ROUTE)
        .close();
    if let Some(c) = overlays.critical_point {
        let (cx, cy, r) = (p.t.x(c.x), p.t.y(c.y), 3.2 * pt);
        p.m.open("path")
            .attr(
                "d",
                format!(
                    "M{} {}L{} {}L{} {}L{} {}Z",
                    num(cx),
                    num(cy - r),
                    num(cx + r),
                    num(cy),
                    num(cx),
                    num(cy + r),
                    num(cx - r),
                    num(cy)
                ),
            )
            .attr("fill", palette::HAZARD_YELLOW)
            .attr("stroke", palette::ROUTE)
            .attr("stroke-width", 0.8 * pt)
            .close();
    }
    p.m.close();
}

fn draw_cameras(p: &mut Painter, session: &Session) {
    let pt = p.pt;
    let scenario = session.scenario();
    p.group("cameras");
    for (i, c) in scenario.cameras.iter().enumerate() {
        let (x, y) = (p.t.x(c.position.x), p.t.y(c.position.y));
        let colour = palette::camera(i);
        let full = is_full_circle(session, i);
        if !full {
            // The heading: a short stroke along the optical axis.
            let a = c.heading_deg.to_radians();
            let len = 7.0 * pt;
            p.m.open("path")
                .attr(
                    "d",
                    format!(
                        "M{} {}L{} {}",
                        num(x),
                        num(y),
                        num(x + len * a.cos()),
                        num(y - len * a.sin())
                    ),
                )
                .attr("stroke", palette::INK)
                .attr("stroke-width", 1.1 * pt)
                .attr("stroke-linecap", "round")
                .close();
        }
        p.m.open("circle")
            .attr("cx", x)
            .attr("cy", y)
            .attr("r", 2.4 * pt)
            .attr("fill", colour)
            .attr("stroke", palette::PAPER)
            .attr("stroke-width", 0.8 * pt)
            .close();
        if full {
            p.m.open("circle")
                .attr("cx", x)
                .attr("cy", y)
                .attr("r", 3.6 * pt)
                .attr("fill", "none")
                .attr("stroke", palette::INK)
                .attr("stroke-width", 0.7 * pt)
                .close();
        }
    }
    p.m.close();
}

fn is_full_circle(session: &Session, camera: usize) -> bool {
    let s = session.scenario();
    s.optics(&s.cameras[camera])
        .hfov_deg
        .is_some_and(|h| h >= 360.0)
}

/// Boxes already taken by labels and symbols, in drawing units
/// (`[x0, y0, x1, y1]`): labels go to the first free place offered.
struct Placer {
    taken: Vec<[f64; 4]>,
}

impl Placer {
    fn text_box(x: f64, y: f64, text: &str, style: &Text, pt: f64) -> [f64; 4] {
        let size = style.size_pt * pt;
        let w = text_width(text, size) * if style.bold { 1.08 } else { 1.0 };
        let x0 = match style.anchor {
            "start" => x,
            "end" => x - w,
            _ => x - w / 2.0,
        };
        [x0, y - 0.78 * size, x0 + w, y + 0.22 * size]
    }

    fn free(&self, b: &[f64; 4]) -> bool {
        !self
            .taken
            .iter()
            .any(|t| b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3])
    }

    /// The first candidate `(x, y, anchor)` whose box is free (else the first),
    /// which is then taken.
    fn place(
        &mut self,
        candidates: &[(f64, f64, &'static str)],
        text: &str,
        style: Text,
        pt: f64,
    ) -> (f64, f64, Text) {
        let boxed = |&(x, y, anchor): &(f64, f64, &'static str)| {
            let style = style.anchor(anchor);
            (x, y, style, Placer::text_box(x, y, text, &style, pt))
        };
        let chosen = candidates
            .iter()
            .map(boxed)
            .find(|(_, _, _, b)| self.free(b))
            .unwrap_or_else(|| boxed(&candidates[0]));
        self.taken.push(chosen.3);
        (chosen.0, chosen.1, chosen.2)
    }
}

/// Labels, placed so that they do not cover each other where a free place
/// exists: cameras first (they are what the drawing is about), then display
/// cases, openings, blind spot numbers, and rooms last.
fn draw_labels(p: &mut Painter, session: &Session, overlays: &Overlays, blind_spots: bool) {
    let pt = p.pt;
    let scenario = session.scenario();
    let mut placer = Placer { taken: Vec::new() };
    for c in &scenario.cameras {
        let (x, y) = (p.t.x(c.position.x), p.t.y(c.position.y));
        let r = 3.6 * pt;
        placer.taken.push([x - r, y - r, x + r, y + r]);
    }
    p.group("labels");
    let mut put =
        |p: &mut Painter, candidates: &[(f64, f64, &'static str)], text: &str, style: Text| {
            let (x, y, style) = placer.place(candidates, text, style, pt);
            p.label(x, y, text, style);
        };
    for (i, c) in scenario.cameras.iter().enumerate() {
        let full = is_full_circle(session, i);
        let text = if full {
            format!("{} 360°", c.id)
        } else {
            format!("{} {}", c.id, compass::format_bearing(c.heading_deg))
        };
        let (x, y) = (p.t.x(c.position.x), p.t.y(c.position.y));
        // Away from the heading first, then to either side, then beyond it.
        let a = c.heading_deg.to_radians();
        let (hx, hy) = (a.cos(), -a.sin());
        let off = 5.5 * pt;
        let base = 2.0 * pt;
        let at = |dx: f64, dy: f64| {
            let anchor = if dx > 0.35 {
                "start"
            } else if dx < -0.35 {
                "end"
            } else {
                "middle"
            };
            let y_shift = if dy > 0.35 {
                4.0 * pt
            } else if dy < -0.35 {
                -pt
            } else {
                base
            };
            (x + dx * off, y + dy * off + y_shift, anchor)
        };
        let candidates = [
            at(-hx, -hy),
            at(-hy, hx),
            at(hy, -hx),
            at(0.0, 1.0),
            at(0.0, -1.0),
            at(hx, hy),
        ];
        put(p, &candidates, &text, Text::new(5.5).bold());
    }
    let points = session.zone_label_points();
    let zones: Vec<_> = scenario.plan.zones.iter().zip(points).collect();
    let line = 7.5 * pt;
    for (z, at) in zones.iter().filter(|(z, _)| z.kind == ZoneKind::Asset) {
        // Display cases are named above themselves, else below.
        let b = Bounds::of_points(&z.polygon);
        let x = p.t.x(at.x);
        let above = p.t.y(b.max.y) - 1.5 * pt;
        let below = p.t.y(b.min.y) + 6.0 * pt;
        put(
            p,
            &[
                (x, above, "middle"),
                (x, below, "middle"),
                (x, above - line, "middle"),
            ],
            &z.name,
            Text::new(6.0).bold(),
        );
    }
    for w in &scenario.plan.walls {
        if !w.exterior || w.path.len() < 2 {
            continue;
        }
        let mid = w.path[0].lerp(w.path[w.path.len() - 1], 0.5);
        let (x, y) = (p.t.x(mid.x), p.t.y(mid.y));
        put(
            p,
            &[
                (x, y + 7.0 * pt, "middle"),
                (x, y - 3.0 * pt, "middle"),
                (x, y + 7.0 * pt + line, "middle"),
            ],
            &format!("▲ {}", w.id),
            Text::new(5.0),
        );
    }
    if blind_spots {
        for (i, spot) in overlays.blind_spots.iter().enumerate() {
            // Only spots big enough on paper to carry their number.
            let s = spot.bounds().size();
            if s.x * p.t.k < 6.0 * pt || s.y * p.t.k < 4.0 * pt {
                continue;
            }
            let at = label_point(spot);
            let (x, y) = (p.t.x(at.x), p.t.y(at.y) + 2.0 * pt);
            put(
                p,
                &[
                    (x, y, "middle"),
                    (x, y - line, "middle"),
                    (x, y + line, "middle"),
                ],
                &format!("B{}", i + 1),
                Text::new(6.0).bold().fill(palette::BLIND),
            );
        }
    }
    for (z, at) in zones.iter().filter(|(z, _)| z.kind != ZoneKind::Asset) {
        let (x, y) = (p.t.x(at.x), p.t.y(at.y) + 2.0 * pt);
        put(
            p,
            &[
                (x, y, "middle"),
                (x, y - line, "middle"),
                (x, y + line, "middle"),
                (x, y - 2.0 * line, "middle"),
                (x, y + 2.0 * line, "middle"),
            ],
            &z.name,
            Text::new(6.5),
        );
    }
    p.m.close();
}

fn north_arrow(p: &mut Painter, width: f64, _plan_h: f64) {
    let pt = p.pt;
    let (x, y) = (width - 10.0 * pt, 6.0 * pt);
    p.group("north");
    p.m.open("path")
        .attr(
            "d",
            format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                num(x),
                num(y),
                num(x + 3.0 * pt),
                num(y + 9.0 * pt),
                num(x),
                num(y + 7.0 * pt),
                num(x - 3.0 * pt),
                num(y + 9.0 * pt)
            ),
        )
        .attr("fill", palette::INK)
        .close();
    p.label(x, y + 15.5 * pt, "N", Text::new(6.5).bold());
    p.m.close();
}

/// A round length near `target`: 1, 2 or 5 times a power of ten.
fn nice_length(target: f64) -> f64 {
    let e = 10f64.powf(target.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * e)
        .find(|&l| l <= target)
        .unwrap_or(e)
}

fn scale_bar(p: &mut Painter, plan_h: f64, width: f64, scale: Option<f64>) {
    let pt = p.pt;
    let length_m = nice_length(width / 5.0 / p.t.k);
    let len = length_m * p.t.k;
    let (x, y) = (6.0 * pt, plan_h - 7.0 * pt);
    let h = 2.2 * pt;
    p.group("scale-bar");
    p.m.open("rect")
        .attr("x", x - 2.0 * pt)
        .attr("y", y - 9.0 * pt)
        .attr(
            "width",
            len + 4.0 * pt
                + if scale.is_some() {
                    40.0 * pt
                } else {
                    14.0 * pt
                },
        )
        .attr("height", 12.5 * pt)
        .attr("fill", palette::PAPER)
        .attr("fill-opacity", 0.85)
        .close();
    for i in 0..4 {
        p.m.open("rect")
            .attr("x", x + len * i as f64 / 4.0)
            .attr("y", y)
            .attr("width", len / 4.0)
            .attr("height", h)
            .attr(
                "fill",
                if i % 2 == 0 {
                    palette::INK
                } else {
                    palette::PAPER
                },
            )
            .attr("stroke", palette::INK)
            .attr("stroke-width", 0.4 * pt)
            .close();
    }
    let label = |v: f64| {
        if v >= 1000.0 {
            format!("{} km", num(v / 1000.0))
        } else {
            format!("{} m", num(v))
        }
    };
    p.label(x, y - 1.5 * pt, "0", Text::new(5.5));
    p.label(x + len, y - 1.5 * pt, &label(length_m), Text::new(5.5));
    if let Some(s) = scale {
        p.label(
            x + len + 8.0 * pt,
            y + h,
            &format!("1:{}", num(s)),
            Text::new(6.5).bold().anchor("start"),
        );
    }
    p.m.close();
}

/// The legend's entries for what this drawing shows.
fn legend_entries(
    session: &Session,
    overlays: &Overlays,
    options: &DrawingOptions,
) -> Vec<(Swatch, String)> {
    let s = session.scenario();
    let layers = options.layers;
    let mut out: Vec<(Swatch, String)> = Vec::new();
    if !s.cameras.is_empty() {
        out.push((Swatch::Camera, "Camera, bearing from north".to_string()));
    }
    if layers.views && !s.cameras.is_empty() {
        out.push((
            Swatch::Fill {
                fill: palette::CAMERA[0],
                stroke: palette::CAMERA[0],
            },
            "Camera view (own colour)".to_string(),
        ));
        if layers.bands
            && session
                .views()
                .iter()
                .any(|v| v.levels.iter().any(|b| b.len() >= 3 && *b != v.ring))
        {
            let names: Vec<&str> = session.levels().iter().map(|l| l.name.as_str()).collect();
            out.push((Swatch::Rings, format!("Detail rings: {}", names.join(", "))));
        }
    }
    if layers.dead_zones && session.views().iter().any(|v| v.dead.len() >= 3) {
        out.push((
            Swatch::Pattern {
                name: "dead",
                stroke: palette::DEAD,
            },
            "Dead zone under a camera".to_string(),
        ));
    }
    if layers.blind_spots && !overlays.blind_spots.is_empty() {
        out.push((
            Swatch::Pattern {
                name: "blind",
                stroke: palette::BLIND,
            },
            "Blind spot (B1 largest)".to_string(),
        ));
    }
    if layers.shortfall && !overlays.shortfall.is_empty() {
        out.push((
            Swatch::Pattern {
                name: "shortfall",
                stroke: palette::SHORTFALL,
            },
            "Seen below the required level".to_string(),
        ));
    }
    if overlays.route.len() >= 2 {
        out.push((
            Swatch::Line {
                colour: palette::ROUTE,
                width_pt: 1.5,
                dash: Some("dashes"),
            },
            if overlays.critical_point.is_some() {
                "Most vulnerable route; ◆ its critical point".to_string()
            } else {
                "Most vulnerable route".to_string()
            },
        ));
    }
    let walls = &s.plan.walls;
    let has = |f: &dyn Fn(&crate::scenario::Wall) -> bool| walls.iter().any(f);
    if has(&|w| w.exterior) {
        out.push((Swatch::Hazard, "Exterior opening (way in)".to_string()));
    }
    for (kind, open, label) in [
        (WallKind::Wall, false, "Wall"),
        (WallKind::Door, false, "Door, closed"),
        (WallKind::Door, true, "Door, open"),
        (WallKind::Window, false, "Window"),
        (WallKind::Glass, false, "Glass"),
        (WallKind::Railing, false, "Railing"),
    ] {
        if has(&|w| w.kind == kind && (kind != WallKind::Door || w.open == open)) {
            let (colour, width_pt, dash) = wall_style(kind, open, true);
            out.push((
                Swatch::Line {
                    colour,
                    width_pt,
                    dash: dash.map(|_| match kind {
                        WallKind::Railing => "dots",
                        _ => "dashes",
                    }),
                },
                label.to_string(),
            ));
        }
    }
    for (kind, label) in [
        (ZoneKind::Room, "Room"),
        (ZoneKind::Asset, "Asset (display case)"),
        (ZoneKind::Exterior, "Exterior zone"),
    ] {
        if let Some(z) = s.plan.zones.iter().find(|z| z.kind == kind) {
            out.push((
                Swatch::Fill {
                    fill: palette::zone_fill(kind, z.priority),
                    stroke: palette::zone_stroke(kind),
                },
                label.to_string(),
            ));
        }
    }
    out
}

/// Estimated text width: DejaVu Sans averages about 0.58 em per character.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// Columns of equal width that hold the legend: (column width, total height).
fn legend_layout(entries: &[(Swatch, String)], width: f64, pt: f64, caption: bool) -> (f64, f64) {
    if entries.is_empty() && !caption {
        return (width, 0.0);
    }
    let font = 6.0 * pt;
    let swatch = 10.0 * pt;
    let widest = entries
        .iter()
        .map(|(_, t)| text_width(t, font))
        .fold(0.0, f64::max);
    let col = swatch + 3.0 * pt + widest + 6.0 * pt;
    let cols = ((width / col).floor() as usize).clamp(1, entries.len().max(1));
    let rows = entries.len().div_ceil(cols);
    let row_h = 9.0 * pt;
    let caption_h = if caption { 10.0 * pt } else { 0.0 };
    (
        width / cols as f64,
        4.0 * pt + caption_h + rows as f64 * row_h + 2.0 * pt,
    )
}

fn draw_legend(
    p: &mut Painter,
    entries: &[(Swatch, String)],
    top: f64,
    width: f64,
    caption: Option<&str>,
) {
    let pt = p.pt;
    let pad = 4.0 * pt;
    let (col, _) = legend_layout(entries, width - 2.0 * pad, pt, caption.is_some());
    let cols = ((width - 2.0 * pad) / col).round().max(1.0) as usize;
    let row_h = 9.0 * pt;
    let mut y0 = top + 4.0 * pt;
    p.group("legend").attr("font-size", 6.0 * pt);
    if let Some(c) = caption {
        p.m.open("text")
            .attr("x", pad)
            .attr("y", y0 + 6.5 * pt)
            .attr("font-size", 7.5 * pt)
            .attr("font-weight", "bold")
            .attr("fill", palette::INK)
            .text(c)
            .close();
        y0 += 10.0 * pt;
    }
    for (i, (swatch, text)) in entries.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let x = pad + c as f64 * col;
        let y = y0 + r as f64 * row_h;
        let (sw, sh) = (10.0 * pt, 5.5 * pt);
        let mid = y + sh / 2.0;
        match *swatch {
            Swatch::Fill { fill, stroke } => {
                p.m.open("rect")
                    .attr("x", x)
                    .attr("y", y)
                    .attr("width", sw)
                    .attr("height", sh)
                    .attr("fill", fill)
                    .attr(
                        "fill-opacity",
                        if fill == palette::CAMERA[0] { 0.3 } else { 1.0 },
                    )
                    .attr("stroke", stroke)
                    .attr("stroke-width", 0.5 * pt)
                    .close();
            }
            Swatch::Pattern { name, stroke } => {
                let fill = p.url(name);
                p.m.open("rect")
                    .attr("x", x)
                    .attr("y", y)
                    .attr("width", sw)
                    .attr("height", sh)
                    .attr("fill", fill)
                    .attr("stroke", stroke)
                    .attr("stroke-width", 0.5 * pt)
                    .close();
            }
            Swatch::Line {
                colour,
                width_pt,
                dash,
            } => {
                p.m.open("path")
                    .attr("d", format!("M{} {}H{}", num(x), num(mid), num(x + sw)))
                    .attr("stroke", colour)
                    .attr("stroke-width", width_pt * pt);
                match dash {
                    Some("dots") => {
                        p.m.attr(
                            "stroke-dasharray",
                            format!("{} {}", num(0.6 * pt), num(1.2 * pt)),
                        );
                    }
                    Some(_) => {
                        p.m.attr(
                            "stroke-dasharray",
                            format!("{} {}", num(2.0 * pt), num(1.4 * pt)),
                        );
                    }
                    None => {}
                }
                p.m.close();
            }
            Swatch::Hazard => {
                let d = format!("M{} {}H{}", num(x), num(mid), num(x + sw));
                p.m.open("path")
                    .attr("d", d.clone())
                    .attr("stroke", palette::HAZARD_YELLOW)
                    .attr("stroke-width", 3.2 * pt)
                    .close();
                p.m.open("path")
                    .attr("d", d)
                    .attr("stroke", palette::INK)
                    .attr("stroke-width", 3.2 * pt)
                    .attr(
                        "stroke-dasharray",
                        format!("{} {}", num(1.6 * pt), num(1.6 * pt)),
                    )
                    .close();
            }
            Swatch::Camera => {
                p.m.open("path")
                    .attr(
                        "d",
                        format!("M{} {}h{}", num(x + 3.0 * pt), num(mid), num(7.0 * pt)),
                    )
                    .attr("stroke", palette::INK)
                    .attr("stroke-width", 1.1 * pt)
                    .close();
                p.m.open("circle")
                    .attr("cx", x + 3.0 * pt)
                    .attr("cy", mid)
                    .attr("r", 2.4 * pt)
                    .attr("fill", palette::CAMERA[0])
                    .attr("stroke", palette::PAPER)
                    .attr("stroke-width", 0.8 * pt)
                    .close();
            }
            Swatch::Rings => {
                p.m.open("path")
                    .attr(
                        "d",
                        format!(
                            "M{} {}a{r} {r} 0 0 1 {}, 0",
                            num(x + 1.0 * pt),
                            num(y + sh),
                            num(8.0 * pt),
                            r = num(4.0 * pt)
                        ),
                    )
                    .attr("fill", "none")
                    .attr("stroke", palette::CAMERA[0])
                    .attr("stroke-width", 0.6 * pt)
                    .attr(
                        "stroke-dasharray",
                        format!("{} {}", num(1.6 * pt), num(1.0 * pt)),
                    )
                    .close();
            }
        }
        p.m.open("text")
            .attr("x", x + sw + 3.0 * pt)
            .attr("y", mid + 2.1 * pt)
            .attr("fill", palette::INK)
            .text(text)
            .close();
    }
    p.m.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_the_largest_standard_one_that_fits() {
        let frame = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(60.0, 24.0),
        };
        // 60 m in 267 mm needs 1:224.7: the next scale is 1:250.
        assert_eq!(fitting_scale(&frame, 267.0, 180.0), 250.0);
        // 60 m in 180 mm needs 1:333: 1:400.
        assert_eq!(fitting_scale(&frame, 180.0, 120.0), 400.0);
        // 60 m in 100 mm needs 1:600: 1:750.
        assert_eq!(fitting_scale(&frame, 100.0, 100.0), 750.0);
        // Height-bound: 24 m in 20 mm needs 1:1200: 1:1250.
        assert_eq!(fitting_scale(&frame, 1000.0, 20.0), 1250.0);
        // Exactly fitting: 60 m in 300 mm is 1:200.
        assert_eq!(fitting_scale(&frame, 300.0, 300.0), 200.0);
    }

    #[test]
    fn scale_bars_have_round_lengths() {
        assert_eq!(nice_length(12.0), 10.0);
        assert_eq!(nice_length(4.9), 2.0);
        assert_eq!(nice_length(5.0), 5.0);
        assert_eq!(nice_length(0.3), 0.2);
        assert_eq!(nice_length(730.0), 500.0);
    }
}
