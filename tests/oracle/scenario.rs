//! Reads a scenario file into an oracle [`Case`], with serde_json alone (not
//! the crate's reader): opaque walls by the kind table of
//! docs/scenario-format.md, zones, and flat cameras. A camera standing where
//! walls meet sees into the wedge a zone lies in (the rule the issue asks
//! for: the side where the room is).

use super::generate::{Case, WallSpec};
use super::{Camera, MOUNT_M, V2, segment_distance, v2};
use serde_json::Value;
use std::f64::consts::TAU;

fn point(v: &Value) -> Result<V2, String> {
    let a = v.as_array().ok_or("a point is not an array")?;
    let n = |i: usize| {
        a.get(i)
            .and_then(Value::as_f64)
            .ok_or(format!("bad point {v}"))
    };
    Ok(v2(n(0)?, n(1)?))
}

fn points(v: &Value) -> Result<Vec<V2>, String> {
    v.as_array()
        .ok_or("not a list of points")?
        .iter()
        .map(point)
        .collect()
}

/// Whether a wall blocks sight (docs/scenario-format.md, "Walls").
fn blocks(w: &Value) -> bool {
    let flag = |k: &str| w.get(k).and_then(Value::as_bool);
    match w.get("kind").and_then(Value::as_str).unwrap_or("wall") {
        "door" => !flag("open").unwrap_or(false),
        "window" => flag("opaque").unwrap_or(true),
        "glass" | "railing" => flag("opaque").unwrap_or(false),
        _ => true,
    }
}

/// The directions of the walls leaving `at` (for a camera standing on them).
fn wall_directions(segs: &[(V2, V2)], at: V2) -> Vec<f64> {
    let mut dirs = Vec::new();
    for &(a, b) in segs {
        if segment_distance(at, a, b) > MOUNT_M {
            continue;
        }
        for end in [a, b] {
            if end.sub(at).len() > MOUNT_M {
                dirs.push(end.sub(at).angle().rem_euclid(TAU));
            }
        }
    }
    dirs.sort_by(f64::total_cmp);
    dirs.dedup();
    dirs
}

/// For a camera where walls meet: the middle of the wedge a zone lies in,
/// tested at a point well inside the wedge and clear of every other edge.
fn room_side(segs: &[(V2, V2)], zones: &[Vec<Vec<V2>>], at: V2) -> Option<V2> {
    let dirs = wall_directions(segs, at);
    if dirs.len() < 2 {
        return None;
    }
    let zone_edges = zones
        .iter()
        .flatten()
        .flat_map(|r| (0..r.len()).map(move |i| (r[i], r[(i + 1) % r.len()])));
    let clear = segs
        .iter()
        .copied()
        .chain(zone_edges)
        .map(|(a, b)| segment_distance(at, a, b))
        .filter(|&d| d > MOUNT_M)
        .fold(f64::INFINITY, f64::min);
    let reach = segs
        .iter()
        .flat_map(|&(a, b)| [a, b])
        .map(|p| p.sub(at).len())
        .filter(|&d| d > MOUNT_M)
        .fold(f64::INFINITY, f64::min);
    let t = 0.25 * clear.min(reach);
    let n = dirs.len();
    (0..n).find_map(|i| {
        let to = if i + 1 < n {
            dirs[i + 1]
        } else {
            dirs[0] + TAU
        };
        let d = V2::dir(0.5 * (dirs[i] + to));
        let p = at.add(d.scale(t));
        zones
            .iter()
            .any(|z| super::generate::inside(z, p))
            .then_some(d)
    })
}

/// The scenario file as a case for the oracle.
///
/// # Errors
/// A message when the file is not JSON or a camera lacks flat optics.
pub fn case_from_json(name: &str, text: &str) -> Result<Case, String> {
    let v: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    let plan = &v["plan"];
    let mut walls = Vec::new();
    for w in plan["walls"].as_array().into_iter().flatten() {
        let opaque = blocks(w);
        walls.push(WallSpec {
            path: points(&w["path"])?,
            // Written back as a plain wall or as see-through glass.
            kind: if opaque { "wall" } else { "glass" },
            extra: "",
            blocks: opaque,
        });
    }
    let mut zones = Vec::new();
    for z in plan["zones"].as_array().into_iter().flatten() {
        let mut rings = vec![points(&z["polygon"])?];
        for h in z["holes"].as_array().into_iter().flatten() {
            rings.push(points(h)?);
        }
        zones.push(rings);
    }
    let mut case = Case {
        name: name.to_string(),
        walls,
        zones,
        cameras: Vec::new(),
        bundles: Vec::new(),
    };
    let segs = case.opaque_segments();
    for c in v["cameras"].as_array().into_iter().flatten() {
        let num = |k: &str| c[k].as_f64().ok_or(format!("camera {}: no {k}", c["id"]));
        let at = point(&c["position"])?;
        case.cameras.push(Camera {
            at,
            heading_deg: num("heading_deg")?,
            hfov_deg: num("hfov_deg")?,
            range_m: num("range_m")?,
            room_side: room_side(&segs, &case.zones, at),
        });
    }
    Ok(case)
}
