//! Exact layers built on the coverage cells: how many cameras see each place
//! (1, 2, 3 or more), the parts of zones seen below their required level, and
//! what each camera alone sees (what turns blind if it fails).
//!
//! Everything runs per coverage cell on the same integer grid as the coverage,
//! with the same winding rules: a camera's view is its ring counter-clockwise
//! and its dead zone clockwise, so the positive-winding fill is what it covers,
//! and adding `k - 1` clockwise boxes around everything keeps exactly the places
//! covered `k` times or more.

use crate::coverage::grid::{IContour, IPoint, IShape, IShapes, clip_contour, twice_area};
use crate::coverage::overlay::{difference, intersection, signed};
use crate::coverage::{Coverage, ViewShape};
use crate::geometry::Polygon;
use crate::session::Session;
use i_overlay::core::overlay_rule::OverlayRule;

/// Grid units between a cell's box and the box views are clipped to (as the
/// coverage does).
const CLIP_MARGIN: i64 = 64;

/// The views of a session prepared for overlays, and which touch each cell.
pub(super) struct CellViews<'s> {
    pub coverage: &'s Coverage,
    /// The session's views prepared for overlays (as its coverage has them).
    pub shapes: &'s [ViewShape],
    /// Per cell, the views whose box meets the cell's.
    pub near: Vec<Vec<usize>>,
}

impl<'s> CellViews<'s> {
    pub fn new(session: &'s Session) -> CellViews<'s> {
        let coverage = session.coverage();
        let shapes = session.view_shapes();
        let mut near = vec![Vec::new(); coverage.cells.len()];
        for (v, shape) in shapes.iter().enumerate() {
            if shape.any.is_empty() {
                continue;
            }
            for c in coverage.cells_touching(&shape.bounds) {
                near[c].push(v);
            }
        }
        CellViews {
            coverage,
            shapes,
            near,
        }
    }

    fn clip_box(&self, cell: usize) -> (IPoint, IPoint) {
        self.coverage
            .grid
            .int_box(&self.coverage.cells[cell].bounds, CLIP_MARGIN)
    }

    /// View `v`'s covered region (or its band at `level`), clipped near `cell`.
    fn contours(&self, cell: usize, v: usize, level: Option<usize>) -> Vec<IContour> {
        let (lo, hi) = self.clip_box(cell);
        self.contours_in(lo, hi, v, level)
    }

    /// View `v`'s covered region (or its band at `level`), clipped to the box
    /// `lo..hi`.
    fn contours_in(&self, lo: IPoint, hi: IPoint, v: usize, level: Option<usize>) -> Vec<IContour> {
        let shape = &self.shapes[v];
        let source = match level {
            Some(l) if !shape.level_full[l] => &shape.levels[l],
            _ => &shape.any,
        };
        source
            .iter()
            .map(|c| clip_contour(c, lo, hi))
            .filter(|c| c.len() >= 3)
            .collect()
    }
}

/// A clockwise box just around the box `lo..hi` (lowers winding by one there).
fn frame(lo: IPoint, hi: IPoint) -> IContour {
    vec![
        IPoint::new(lo.x - 1, lo.y - 1),
        IPoint::new(lo.x - 1, hi.y + 1),
        IPoint::new(hi.x + 1, hi.y + 1),
        IPoint::new(hi.x + 1, lo.y - 1),
    ]
}

/// `rule` applied to the signed `subject` contours and the `clip` shapes
/// (positive winding).
fn overlay(subject: &[IContour], clip: &IShapes, rule: OverlayRule) -> IShapes {
    let refs: Vec<&IContour> = subject.iter().collect();
    signed(&refs, clip, rule)
}

/// The part of cell `cell` seen by at least `k` cameras (k >= 1).
pub(super) fn at_least(cv: &CellViews, cell: usize, k: usize) -> IShapes {
    let near = &cv.near[cell];
    if near.len() < k {
        return Vec::new();
    }
    let result = &cv.coverage.results[cell];
    // What is seen k >= 2 times lies in what the coverage keeps as seen twice
    // or more: only the views near that count, clipped to a box just around it
    // (the frame lowers the count in that box only, and outside it the clipped
    // views add nothing). The cell stays the region to intersect with: with
    // the seen-twice parts instead, whose edges run along the views', this
    // step measured six times slower.
    let b = if k >= 2 {
        if result.multi.is_empty() {
            return Vec::new();
        }
        cv.coverage.grid.bounds_of(&result.multi)
    } else {
        cv.coverage.cells[cell].bounds
    };
    let (lo, hi) = cv.coverage.grid.int_box(&b, CLIP_MARGIN);
    let region = &cv.coverage.cells[cell].shapes;
    let meeting: Vec<usize> = near
        .iter()
        .copied()
        .filter(|&v| cv.shapes[v].bounds.intersects(&b))
        .collect();
    if meeting.len() < k {
        return Vec::new();
    }
    // Views clipped away from the box add nothing there.
    let clipped: Vec<Vec<IContour>> = meeting
        .iter()
        .map(|&v| cv.contours_in(lo, hi, v, None))
        .filter(|c| !c.is_empty())
        .collect();
    if clipped.len() < k {
        return Vec::new();
    }
    let mut subject: Vec<IContour> = clipped.into_iter().flatten().collect();
    let frame = frame(lo, hi);
    for _ in 1..k {
        subject.push(frame.clone());
    }
    overlay(&subject, region, OverlayRule::Intersect)
}

/// The cameras-per-place layer: the places seen by at least 1, 2 and 3
/// cameras (each set includes the next).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountLayer {
    /// Per count 1, 2, 3: the polygons seen at least that many times.
    pub at_least: [Vec<Polygon>; 3],
    /// Per count 1, 2, 3: their area, m².
    pub area_m2: [f64; 3],
}

/// The places seen by 1, 2, 3 or more cameras (blind spots are the rest).
pub fn count_layer(session: &Session) -> CountLayer {
    let cv = CellViews::new(session);
    let coverage = cv.coverage;
    let mut layer = CountLayer::default();
    let mut twice = [0i128; 3];
    for (i, (cell, result)) in coverage.cells.iter().zip(&coverage.results).enumerate() {
        if result.covered2 == 0 {
            continue;
        }
        // Seen once or more: the cell less its blind pieces.
        let once: IShapes = if result.blind.is_empty() {
            cell.shapes.clone()
        } else {
            difference(&cell.shapes, &result.blind)
        };
        let twice_shapes = result.multi.clone();
        let thrice = if result.multi2 > 0 && cv.near[i].len() >= 3 {
            at_least(&cv, i, 3)
        } else {
            Vec::new()
        };
        for (k, shapes) in [once, twice_shapes, thrice].into_iter().enumerate() {
            twice[k] += twice_area(&shapes);
            layer.at_least[k].extend(shapes.iter().map(|s| coverage.grid.shape_to_polygon(s)));
        }
    }
    let unit = coverage.grid.unit_area() / 2.0;
    layer.area_m2 = twice.map(|t| t as f64 * unit);
    layer
}

/// A piece of a zone seen, but below the zone's required level.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortfallPiece {
    /// Zones (indices) whose requirement this piece falls short of.
    pub zones: Vec<usize>,
    pub polygon: Polygon,
    pub area_m2: f64,
}

/// Per coverage cell and required level, the part seen but not at that level.
pub fn shortfall_pieces(session: &Session) -> Vec<ShortfallPiece> {
    let cv = CellViews::new(session);
    let coverage = cv.coverage;
    let zones = &session.scenario().plan.zones;
    let level_of = |z: usize| {
        zones[z]
            .required_level
            .as_ref()
            .and_then(|name| session.levels().iter().position(|l| &l.name == name))
    };
    let mut out = Vec::new();
    for (i, (cell, result)) in coverage.cells.iter().zip(&coverage.results).enumerate() {
        if result.covered2 == 0 {
            continue;
        }
        let mut levels: Vec<usize> = cell.zones.iter().filter_map(|&z| level_of(z)).collect();
        levels.sort_unstable();
        levels.dedup();
        for l in levels {
            if result.levels2[l] >= result.covered2 {
                continue;
            }
            let seen: Vec<IContour> = cv.near[i]
                .iter()
                .flat_map(|&v| cv.contours(i, v, None))
                .collect();
            let band: IShapes = cv.near[i]
                .iter()
                .map(|&v| cv.contours(i, v, Some(l)))
                .filter(|c| !c.is_empty())
                .collect();
            let below = if result.levels2[l] == 0 {
                overlay(&seen, &cell.shapes, OverlayRule::Intersect)
            } else {
                let outside_band = overlay(&seen, &band, OverlayRule::Difference);
                intersection(&outside_band, &cell.shapes)
            };
            let which: Vec<usize> = cell
                .zones
                .iter()
                .copied()
                .filter(|&z| level_of(z) == Some(l))
                .collect();
            for shape in &below {
                let area = coverage.grid.area(std::slice::from_ref(shape));
                if area > 0.0 {
                    out.push(ShortfallPiece {
                        zones: which.clone(),
                        polygon: coverage.grid.shape_to_polygon(shape),
                        area_m2: area,
                    });
                }
            }
        }
    }
    out
}

/// What each camera alone sees, per coverage cell.
pub(super) struct Unique {
    /// Per camera: per cell it alone sees part of, twice that area (grid units).
    pub per_camera: Vec<Vec<(usize, i128)>>,
}

/// Twice the area each camera alone sees, cell by cell.
///
/// Per cell, the views near it are clipped to the cell's box once. When one
/// view alone reaches the box, it alone sees all that the cell has covered.
/// Otherwise one overlay gives the part seen exactly once; each of its pieces
/// lies in one view, found by exact winding tests (on the clipped views, on the
/// grid the overlays use) at points just inside the piece's edges (all of them
/// must agree). A piece whose edges disagree (two views' parts touching) falls
/// back to one overlay per view.
pub(super) fn unique_coverage(cv: &CellViews) -> Unique {
    let coverage = cv.coverage;
    let mut per_camera = vec![Vec::new(); cv.shapes.len()];
    for (i, (cell, result)) in coverage.cells.iter().zip(&coverage.results).enumerate() {
        if result.covered2 == 0 {
            continue;
        }
        let near = &cv.near[i];
        if near.len() == 1 {
            per_camera[near[0]].push((i, result.covered2 - result.multi2));
            continue;
        }
        // The views reaching the cell's box: an outer ring clipped away
        // covers nothing there.
        let clipped: Vec<(usize, Vec<IContour>)> = near
            .iter()
            .map(|&v| (v, cv.contours(i, v, None)))
            .filter(|(_, c)| !c.is_empty())
            .collect();
        if let [(v, _)] = clipped.as_slice() {
            per_camera[*v].push((i, result.covered2 - result.multi2));
            continue;
        }
        // Seen exactly once: the cell less blind and less covered twice.
        let mut not_once = result.blind.clone();
        not_once.extend(result.multi.iter().cloned());
        let once: IShapes = if not_once.is_empty() {
            cell.shapes.clone()
        } else {
            difference(&cell.shapes, &not_once)
        };
        let mut totals: Vec<(usize, i128)> = Vec::new();
        let mut add = |v: usize, a: i128| match totals.iter_mut().find(|(w, _)| *w == v) {
            Some(t) => t.1 += a,
            None => totals.push((v, a)),
        };
        // Pieces no one view holds, shared out by one overlay per view: first
        // the views found holding their test points, then, if those do not
        // account for all of them (a part reaching no test point), the rest.
        let mut shared: IShapes = Vec::new();
        let mut shared_area = 0i128;
        let mut first: Vec<usize> = Vec::new();
        let mut unknown = false;
        for piece in &once {
            let a = twice_area(std::slice::from_ref(piece));
            if a <= 0 {
                continue;
            }
            match holders(&clipped, piece) {
                Some(h) if h.len() == 1 => add(h[0], a),
                found => {
                    match found {
                        Some(h) => first.extend(h),
                        None => unknown = true,
                    }
                    shared.push(piece.clone());
                    shared_area += a;
                }
            }
        }
        if !shared.is_empty() {
            let (lo, hi) = shapes_box(&shared);
            let mut left = shared_area;
            for pass in [true, false] {
                if left <= 0 {
                    break;
                }
                for (v, contours) in &clipped {
                    if !unknown && first.contains(v) != pass {
                        continue;
                    }
                    if unknown && !pass {
                        break;
                    }
                    let (vlo, vhi) = int_bounds(&contours[0]);
                    if vlo.x > hi.x || vhi.x < lo.x || vlo.y > hi.y || vhi.y < lo.y {
                        continue;
                    }
                    let m = twice_area(&overlay(contours, &shared, OverlayRule::Intersect));
                    if m > 0 {
                        add(*v, m);
                        left -= m;
                    }
                }
            }
        }
        for (v, a) in totals {
            per_camera[v].push((i, a));
        }
    }
    Unique { per_camera }
}

/// How far inside a piece its test points lie, grid units: far above the
/// rounding of view rings to the grid (half a unit), far below any real size.
const INSET: f64 = 16.0;

/// The views (of `clipped`: views clipped near the piece) holding the test
/// points just inside `piece`'s edges, each point held by exactly one: one view
/// when the piece is its alone; `None` when a point is held by none or by
/// several (which the piece, seen exactly once, should not have).
fn holders(clipped: &[(usize, Vec<IContour>)], piece: &IShape) -> Option<Vec<usize>> {
    // Only views whose box meets the piece's can hold its points.
    let (plo, phi) = int_bounds(piece.first().map_or(&[][..], |r| &r[..]));
    let near: Vec<(usize, &[IContour], (IPoint, IPoint))> = clipped
        .iter()
        .map(|(v, c)| (*v, &c[..], int_bounds(&c[0])))
        .filter(|(_, _, (lo, hi))| lo.x <= phi.x && hi.x >= plo.x && lo.y <= phi.y && hi.y >= plo.y)
        .collect();
    let mut found: Vec<usize> = Vec::new();
    for ring in piece {
        let n = ring.len();
        for k in 0..n {
            let (a, b) = (ring[k], ring[(k + 1) % n]);
            let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
            let len = dx.hypot(dy);
            if len < 4.0 * INSET {
                continue;
            }
            // Outer rings run counter-clockwise, holes clockwise: the inside is
            // on the left either way.
            let q = IPoint::new(
                ((a.x + b.x) as f64 / 2.0 - INSET * dy / len).round() as i64,
                ((a.y + b.y) as f64 / 2.0 + INSET * dx / len).round() as i64,
            );
            let mut holding = near
                .iter()
                .filter(|(_, contours, (lo, hi))| {
                    q.x >= lo.x && q.x <= hi.x && q.y >= lo.y && q.y <= hi.y && covers(contours, q)
                })
                .map(|(v, _, _)| *v);
            let v = holding.next()?;
            if holding.next().is_some() {
                return None;
            }
            if !found.contains(&v) {
                found.push(v);
            }
        }
    }
    (!found.is_empty()).then_some(found)
}

/// The box of a contour, grid units.
fn int_bounds(contour: &[IPoint]) -> (IPoint, IPoint) {
    let mut lo = IPoint::new(i64::MAX, i64::MAX);
    let mut hi = IPoint::new(i64::MIN, i64::MIN);
    for p in contour {
        lo = IPoint::new(lo.x.min(p.x), lo.y.min(p.y));
        hi = IPoint::new(hi.x.max(p.x), hi.y.max(p.y));
    }
    (lo, hi)
}

/// The box of shapes' outer rings, grid units.
fn shapes_box(shapes: &IShapes) -> (IPoint, IPoint) {
    let boxes = shapes
        .iter()
        .filter_map(|s| s.first())
        .map(|r| int_bounds(r));
    boxes.fold(
        (
            IPoint::new(i64::MAX, i64::MAX),
            IPoint::new(i64::MIN, i64::MIN),
        ),
        |(lo, hi), (a, b)| {
            (
                IPoint::new(lo.x.min(a.x), lo.y.min(a.y)),
                IPoint::new(hi.x.max(b.x), hi.y.max(b.y)),
            )
        },
    )
}

/// True when `q` lies where the signed `contours` wind positively (a view's
/// covered region: its ring counter-clockwise, its dead zone clockwise),
/// decided exactly in integers.
fn covers(contours: &[IContour], q: IPoint) -> bool {
    let mut winding = 0i32;
    for c in contours {
        let n = c.len();
        for k in 0..n {
            let (a, b) = (c[k], c[(k + 1) % n]);
            let cross = (b.x - a.x) as i128 * (q.y - a.y) as i128
                - (q.x - a.x) as i128 * (b.y - a.y) as i128;
            if a.y <= q.y {
                if b.y > q.y && cross > 0 {
                    winding += 1;
                }
            } else if b.y <= q.y && cross < 0 {
                winding -= 1;
            }
        }
    }
    winding > 0
}

/// What each camera near cell `cell` adds at level `l`: twice the area of the
/// cell seen at that level that would not be without it, for the cameras that
/// add any. `with` is twice the area seen at the level with every camera (the
/// coverage's). Each view's band is clipped once; a camera whose band misses
/// the cell adds nothing, and a camera alone at the level adds all of it.
pub(super) fn level_losses(
    cv: &CellViews,
    cell: usize,
    l: usize,
    with: i128,
) -> Vec<(usize, i128)> {
    if with <= 0 {
        return Vec::new();
    }
    let bands: Vec<(usize, Vec<IContour>)> = cv.near[cell]
        .iter()
        .map(|&v| (v, cv.contours(cell, v, Some(l))))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    if let [(v, _)] = bands.as_slice() {
        return vec![(*v, with)];
    }
    let region = &cv.coverage.cells[cell].shapes;
    let mut out = Vec::new();
    for (k, (v, _)) in bands.iter().enumerate() {
        let others: Vec<&IContour> = bands
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .flat_map(|(_, (_, c))| c.iter())
            .collect();
        let without = twice_area(&signed(&others, region, OverlayRule::Intersect));
        if with > without {
            out.push((*v, with - without));
        }
    }
    out
}

/// The region camera `index` alone sees: what turns blind if it fails.
pub fn unique_region(session: &Session, index: usize) -> Vec<Polygon> {
    let cv = CellViews::new(session);
    let coverage = cv.coverage;
    let mut out = Vec::new();
    for (i, (cell, result)) in coverage.cells.iter().zip(&coverage.results).enumerate() {
        if result.covered2 == 0 || !cv.near[i].contains(&index) {
            continue;
        }
        let mut not_once = result.blind.clone();
        not_once.extend(result.multi.iter().cloned());
        let once = difference(&cell.shapes, &not_once);
        let mine = overlay(&cv.contours(i, index, None), &once, OverlayRule::Intersect);
        out.extend(mine.iter().map(|s| coverage.grid.shape_to_polygon(s)));
    }
    out
}
