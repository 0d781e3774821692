// @ts-check
/**
 * The plan itself: the metric grid, zones, walls by kind with their symbols and jambs, and
 * the zone and opening labels; plus the outlines of a hovered zone and a highlighted blind
 * spot. Functions of the frame only.
 */

import * as P from '../palette.js';
import { toDevice } from '../view/transform.js';
import { tracePaths, traceRings, roundRect, haloText, FONT } from './paths.js';
import { visiblePlanBox, onScreen } from './cull.js';
import { stampWalls, paintLabels, rgbaOf } from './wall-mask.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Ring} Ring */
/** @typedef {import('../model/scenario.js').Wall} Wall */

/** A light metric grid whose step keeps lines at least ~48 px apart. @param {CanvasRenderingContext2D} ctx
 * @param {Frame} f @param {number} W @param {number} H */
export function drawGrid(ctx, f, W, H) {
  const steps = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
  const v = f.view;
  const step = steps.find((st) => st * v.scale >= 48) ?? 5000;
  // The visible plan box: device pixel (0, 0) and (W, H) back in plan metres.
  const s = v.scale * v.dpr;
  const [ox, oy] = toDevice(v, v.dpr, 0, 0);
  const x0 = Math.floor(-ox / s / step) * step;
  const x1 = (W - ox) / s;
  const y0 = Math.floor((oy - H) / s / step) * step;
  const y1 = oy / s;
  ctx.strokeStyle = '#ebe8e1';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = x0; x <= x1; x += step) {
    const X = Math.round(toDevice(v, v.dpr, x, 0)[0]) + 0.5;
    ctx.moveTo(X, 0);
    ctx.lineTo(X, H);
  }
  for (let y = y0; y <= y1; y += step) {
    const Y = Math.round(toDevice(v, v.dpr, 0, y)[1]) + 0.5;
    ctx.moveTo(0, Y);
    ctx.lineTo(W, Y);
  }
  ctx.stroke();
}

/**
 * Zones drawn under everything: rooms first, then exterior, then assets on top; those off
 * screen are skipped. (Drawn one by one: one path for many zones was measured slower in
 * Chromium's software canvas, a single path's raster spanning the whole canvas.)
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawZones(ctx, f) {
  const order = { exterior: 0, room: 1, asset: 2 };
  const d = f.view.dpr;
  const rank = (/** @type {string} */ kind) => order[/** @type {keyof order} */ (kind)] ?? 1;
  const visible = onScreen(f.doc.plan.zones, (z) => z.polygon, visiblePlanBox(f.view, 4 * d));
  const zones = visible.slice().sort((a, b) => rank(a.kind) - rank(b.kind));
  for (const z of zones) {
    ctx.beginPath();
    traceRings(ctx, f, [z.polygon, ...(z.holes ?? [])]);
    ctx.fillStyle = P.zoneFill(z.kind, z.priority ?? 1);
    ctx.fill('evenodd');
    ctx.strokeStyle = P.zoneStroke(z.kind);
    ctx.lineWidth = (z.kind === 'asset' ? 1.5 : 1) * d;
    ctx.setLineDash(z.kind === 'exterior' ? [6 * d, 4 * d] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Wall stroke width in device px for this zoom. @param {Frame} f */
function wallWidth(f) {
  return Math.min(Math.max(0.22 * f.view.scale, 2.5), 9) * f.view.dpr;
}

/**
 * Wall segments on screen from which, with walls at their thinnest (zoomed out), walls
 * are stamped as pixels instead of stroked (render/wall-mask.js).
 */
export const WALL_MASK_MIN_SEGMENTS = 20000;

/** The colour of each wall look when stamped (walls at a level of detail). @param {Wall} w */
function maskColour(w) {
  switch (w.kind) {
    case 'door': return P.DOOR;
    case 'window': return P.WINDOW;
    case 'glass': return P.GLASS;
    case 'railing': return P.RAILING;
    default: return P.WALL;
  }
}

/**
 * Walls by kind, those off screen skipped. Plain walls are batched into one path; the
 * rarer kinds get their own symbols. Exterior openings get black-and-yellow hazard bands
 * underneath. Zoomed out over WALL_MASK_MIN_SEGMENTS segments or more, walls are stamped
 * as pixels in their look's colour (no symbols, jambs or dashes: they would be a pixel or
 * two); the hazard bands stay. Says which way the walls were drawn.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {readonly Wall[]} [walls] the plan's by default
 * @returns {'pixels'|'paths'}
 */
export function drawWalls(ctx, f, walls = f.doc.plan.walls) {
  const ww = wallWidth(f);
  const d = f.view.dpr;
  walls = onScreen(walls, (w) => w.path, visiblePlanBox(f.view, 1.2 * ww + 10 * d));
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // Hazard bands under exterior openings.
  const ext = walls.filter((w) => w.exterior && w.path.length >= 2);
  if (ext.length) {
    ctx.beginPath();
    tracePaths(ctx, f, ext.map((w) => w.path));
    ctx.lineCap = 'butt';
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = ww + 9 * d;
    ctx.stroke();
    ctx.strokeStyle = P.HAZARD_YELLOW;
    ctx.setLineDash([7 * d, 7 * d]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineCap = 'round';
  }
  if (wallsAsPixels(f, walls)) {
    stampedWalls(ctx, f, walls, ww);
    return 'pixels';
  }
  // Closed loops of wall that are pillars or cores are solid; a room drawn as one closed
  // outline is not (see isSolid).
  const holes = holeBoxes(f.doc.plan.zones);
  ctx.beginPath();
  tracePaths(ctx, f, walls.filter((w) => w.kind === 'wall' && isSolid(w.path, holes)).map((w) => w.path));
  ctx.fillStyle = P.WALL;
  ctx.fill();
  ctx.beginPath();
  tracePaths(ctx, f, walls.filter((w) => w.kind === 'wall' && w.path.length >= 2).map((w) => w.path));
  ctx.strokeStyle = P.WALL;
  ctx.lineWidth = ww;
  ctx.lineCap = 'square';
  ctx.lineJoin = 'miter';
  ctx.stroke();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // The other kinds, one path per look (a palace has tens of thousands of doors: a path
  // and a matrix change each took seconds).
  /** @type {Map<string, Wall[]>} */
  const looks = new Map();
  for (const w of walls) {
    if (w.kind === 'wall' || w.path.length < 2) continue;
    const look = `${w.kind}|${w.open ?? ''}|${w.opaque ?? ''}`;
    const list = looks.get(look);
    if (list) list.push(w);
    else looks.set(look, [w]);
  }
  for (const list of looks.values()) drawWallSymbols(ctx, f, list, ww);
  return 'paths';
}

/**
 * Whether `walls` (those on screen) are drawn as pixels: walls at their thinnest width
 * and WALL_MASK_MIN_SEGMENTS segments or more. @param {Frame} f @param {readonly Wall[]} walls
 */
export function wallsAsPixels(f, walls) {
  if (0.22 * f.view.scale > 2.5) return false;
  let n = 0;
  for (const w of walls) {
    n += Math.max(0, w.path.length - 1);
    if (n >= WALL_MASK_MIN_SEGMENTS) return true;
  }
  return false;
}

/** The stamping's buffers, kept between draws of the same size. */
const stamp = {
  /** @type {HTMLCanvasElement|null} */ canvas: null,
  /** @type {ImageData|null} */ image: null,
  /** @type {Uint8Array|undefined} */ labels: undefined,
};

/**
 * Walls stamped as pixels, plain walls first and each other look over them in its colour.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {readonly Wall[]} walls @param {number} ww
 */
function stampedWalls(ctx, f, walls, ww) {
  const v = f.view;
  const W = Math.round(v.width * v.dpr), H = Math.round(v.height * v.dpr);
  /** @type {Map<string, [number, number][][]>} */
  const groups = new Map([[P.WALL, []]]);
  for (const w of walls) {
    if (w.path.length < 2) continue;
    const col = maskColour(w);
    const list = groups.get(col);
    if (list) list.push(w.path);
    else groups.set(col, [w.path]);
  }
  const r = Math.max(0, Math.round((ww - 1) / 2));
  const { labels } = stampWalls([...groups.values()], v, v.dpr, W, H, r, stamp.labels);
  stamp.labels = labels;
  const cv = stamp.canvas ?? document.createElement('canvas');
  stamp.canvas = cv;
  if (cv.width !== W || cv.height !== H) {
    cv.width = W;
    cv.height = H;
  }
  const g = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
  if (!stamp.image || stamp.image.width !== W || stamp.image.height !== H) stamp.image = g.createImageData(W, H);
  paintLabels(labels, [...groups.keys()].map(rgbaOf), stamp.image.data);
  g.putImageData(stamp.image, 0, 0);
  ctx.drawImage(cv, 0, 0);
}

/** Largest box (m²) of a closed wall loop drawn solid without being a zone's hole. */
const PILLAR_MAX_M2 = 4;

/** @param {[number, number][]} ring */
function boxKey(ring) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return { key: `${x0},${y0},${x1},${y1}`, area: (x1 - x0) * (y1 - y0) };
}

/** The boxes of every zone hole. @param {import('../model/scenario.js').Zone[]} zones */
function holeBoxes(zones) {
  const out = new Set();
  for (const z of zones) for (const h of z.holes ?? []) out.add(boxKey(h).key);
  return out;
}

/**
 * A closed loop of wall is drawn solid when it is a pillar or a core: a zone has it as a
 * hole, or it is small (a column, PILLAR_MAX_M2). A room drawn as one closed outline stays
 * hollow. @param {[number, number][]} path @param {Set<string>} holes
 */
function isSolid(path, holes) {
  if (!isClosed(path)) return false;
  const { key, area } = boxKey(path);
  return area <= PILLAR_MAX_M2 || holes.has(key);
}

/** @param {[number, number][]} path */
function isClosed(path) {
  const n = path.length;
  return n >= 4 && path[0][0] === path[n - 1][0] && path[0][1] === path[n - 1][1];
}

/**
 * Walls of one kind and look (`open`, `opaque`) as their symbol.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Wall[]} walls @param {number} ww
 */
function drawWallSymbols(ctx, f, walls, ww) {
  const w = walls[0];
  ctx.beginPath();
  tracePaths(ctx, f, walls.map((x) => x.path));
  const d = f.view.dpr;
  switch (w.kind) {
    case 'door': {
      if (w.open) {
        ctx.strokeStyle = P.DOOR;
        ctx.lineWidth = 2 * d;
        ctx.setLineDash([4 * d, 4 * d]);
        ctx.stroke();
        ctx.setLineDash([]);
      } else {
        ctx.strokeStyle = P.DOOR;
        ctx.lineWidth = ww * 0.8;
        ctx.lineCap = 'butt';
        ctx.stroke();
        ctx.lineCap = 'round';
      }
      drawJambs(ctx, f, walls, ww);
      break;
    }
    case 'window': {
      const opaque = w.opaque ?? true;
      ctx.lineCap = 'butt';
      ctx.strokeStyle = P.WINDOW;
      ctx.lineWidth = ww * 1.15;
      ctx.stroke();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = ww * 0.55;
      ctx.stroke();
      if (opaque) {
        ctx.strokeStyle = P.WINDOW;
        ctx.lineWidth = 1.2 * d;
        ctx.stroke();
      }
      ctx.lineCap = 'round';
      drawJambs(ctx, f, walls, ww);
      break;
    }
    case 'glass': {
      ctx.strokeStyle = P.GLASS;
      ctx.lineWidth = Math.max(2.5 * d, ww * 0.55);
      ctx.stroke();
      if (w.opaque) {
        ctx.strokeStyle = P.INK;
        ctx.lineWidth = 1 * d;
        ctx.stroke();
      }
      break;
    }
    case 'railing': {
      ctx.strokeStyle = P.RAILING;
      if (w.opaque) {
        ctx.lineWidth = ww * 0.6;
        ctx.stroke();
      } else {
        // A thin rail with posts: reads as see-through.
        ctx.lineWidth = 1.6 * d;
        ctx.stroke();
        ctx.lineWidth = Math.max(5 * d, ww * 0.7);
        ctx.setLineDash([0.1 * d, 7 * d]);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      break;
    }
    default: {
      ctx.strokeStyle = P.WALL;
      ctx.lineWidth = ww;
      ctx.stroke();
    }
  }
}

/** Short ticks across both ends of each opening. @param {CanvasRenderingContext2D} ctx @param {Frame} f
 * @param {Wall[]} walls @param {number} ww */
function drawJambs(ctx, f, walls, ww) {
  const v = f.view;
  ctx.beginPath();
  for (const { path } of walls) for (const [p, q] of [[path[0], path[1]], [path[path.length - 1], path[path.length - 2]]]) {
    const [X, Y] = toDevice(v, v.dpr, p[0], p[1]);
    const [QX, QY] = toDevice(v, v.dpr, q[0], q[1]);
    const dx = QX - X, dy = QY - Y;
    const len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * ww * 1.1, ny = (dx / len) * ww * 1.1;
    ctx.moveTo(X + nx, Y + ny);
    ctx.lineTo(X - nx, Y - ny);
  }
  ctx.strokeStyle = P.WALL;
  ctx.lineWidth = Math.max(1.5 * v.dpr, ww * 0.45);
  ctx.lineCap = 'butt';
  ctx.stroke();
  ctx.lineCap = 'round';
}

/** Zone names: rooms and exteriors at the point the core finds well inside them (a
 * bounding-box corner can lie outside an L-shaped room), assets above the case; a name
 * steps clear of a camera icon sitting on it (`ui.labelCameras`).
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawZoneLabels(ctx, f) {
  const v = f.view;
  const d = v.dpr;
  const zones = f.doc.plan.zones;
  const many = zones.length > 60;
  const lp = f.core.labels && f.core.labels.length === 2 * zones.length ? f.core.labels : null;
  /** @type {[number, number][]|null} computed for the first label that needs it */
  let icons = null;
  const W = v.width * d, H = v.height * d;
  zones.forEach((z, k) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of z.polygon) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const [left, top] = toDevice(v, d, minX, maxY), [right, bottom] = toDevice(v, d, maxX, minY);
    const wpx = right - left;
    // Level of detail: a zone off screen, or too small on screen for any name, gets none
    // (decided before any text is measured: a palace has thousands of zones).
    if (right < 0 || left > W || bottom < -24 * d || top > H + 24 * d) return;
    if (z.kind === 'asset' ? wpx < 10 * d : wpx < 24 * d || bottom - top < 22 * d) return;
    if (z.kind === 'asset') {
      ctx.font = `600 ${12 * d}px ${FONT}`;
      const tw = ctx.measureText(z.name).width;
      if (wpx < 10 * d || (many && wpx < tw)) return;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      haloText(ctx, z.name, (left + right) / 2, top - 4 * d, '#5c4505', d);
      return;
    }
    const size = z.kind === 'exterior' ? 13 : 15;
    ctx.font = `${z.kind === 'exterior' ? 'italic 600' : '700'} ${size * d}px ${FONT}`;
    const tw = ctx.measureText(z.name).width;
    if (tw + 16 * d > wpx || bottom - top < 22 * d) return;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const [X, Y] = lp ? toDevice(v, d, lp[2 * k], lp[2 * k + 1]) : [(left + right) / 2, (top + bottom) / 2];
    // Keep the text inside the zone's box when the point is near an edge.
    const x = Math.min(Math.max(X, left + tw / 2 + 6 * d), right - tw / 2 - 6 * d);
    // Step clear of a camera icon sitting on the label (a ceiling camera mid-room).
    icons ??= f.ui.labelCameras.map((c) => toDevice(v, d, c.position[0], c.position[1]));
    const clash = icons.some(([cx, cy]) => Math.abs(cy - Y) < 16 * d && cx > x - tw / 2 - 14 * d && cx < x + tw / 2 + 14 * d);
    const y = clash ? Y - 24 * d : Y;
    haloText(ctx, z.name, x, y, z.kind === 'exterior' ? '#2f4a3a' : '#3a3630', d);
  });
}

/**
 * The places where a pole may stand: a ringed dot with the site's id (poles are
 * the only mounts out of doors away from the walls).
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f
 */
export function drawPoleSites(ctx, f) {
  const sites = f.doc.pole_sites ?? [];
  if (!sites.length) return;
  const v = f.view;
  const d = v.dpr;
  ctx.font = `600 ${11 * d}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const s of sites) {
    const [X, Y] = toDevice(v, d, s.position[0], s.position[1]);
    ctx.beginPath();
    ctx.arc(X, Y, 6 * d, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 2 * d;
    ctx.strokeStyle = '#111111';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(X, Y, 2.5 * d, 0, Math.PI * 2);
    ctx.fillStyle = '#111111';
    ctx.fill();
    if (f.ui.show.labels) haloText(ctx, `pole site ${s.id}`, X + 10 * d, Y, '#111111', d);
  }
}

/**
 * A black tag with yellow text naming each exterior opening.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {readonly Wall[]} [walls] the plan's by default
 */
export function drawOpeningLabels(ctx, f, walls = f.doc.plan.walls) {
  const v = f.view;
  const d = v.dpr;
  const ext = walls.filter((w) => w.exterior && w.path.length >= 2);
  if (ext.length > 80) return;
  ctx.font = `700 ${11.5 * d}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  /** Tags already placed, to skip any that would overlap. @type {[number, number, number, number][]} */
  const placed = [];
  for (const w of ext) {
    // Midpoint of the longest piece; the tag sits to the screen-down or screen-right side.
    let best = 0, bi = 0;
    for (let k = 0; k + 1 < w.path.length; k++) {
      const l = Math.hypot(w.path[k + 1][0] - w.path[k][0], w.path[k + 1][1] - w.path[k][1]);
      if (l > best) { best = l; bi = k; }
    }
    const [ax, ay] = w.path[bi], [bx, by] = w.path[bi + 1];
    const [X, Y] = toDevice(v, d, (ax + bx) / 2, (ay + by) / 2);
    const horizontal = Math.abs(bx - ax) >= Math.abs(by - ay);
    const text = `▲ ${w.id}`;
    const tw = ctx.measureText(text).width + 12 * d;
    const th = 19 * d;
    const off = 28 * d + th / 2;
    const cx = horizontal ? X : X + off + tw / 2 - th / 2;
    const cy = horizontal ? Y + off : Y;
    const box = /** @type {[number, number, number, number]} */ ([cx - tw / 2 - 3 * d, cy - th / 2 - 3 * d, cx + tw / 2 + 3 * d, cy + th / 2 + 3 * d]);
    if (placed.some((q) => q[0] < box[2] && box[0] < q[2] && q[1] < box[3] && box[1] < q[3])) continue;
    placed.push(box);
    ctx.fillStyle = '#111111';
    roundRect(ctx, cx - tw / 2, cy - th / 2, tw, th, 4 * d);
    ctx.fill();
    ctx.fillStyle = P.HAZARD_YELLOW;
    ctx.fillText(text, cx, cy + 0.5 * d);
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {string} id */
export function drawZoneOutline(ctx, f, id) {
  const z = f.doc.plan.zones.find((zz) => zz.id === id);
  if (!z) return;
  const d = f.view.dpr;
  ctx.beginPath();
  traceRings(ctx, f, [z.polygon, ...(z.holes ?? [])]);
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2.5 * d;
  ctx.setLineDash([8 * d, 5 * d]);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Ring[][]} polys */
export function drawHighlight(ctx, f, polys) {
  const d = f.view.dpr;
  ctx.beginPath();
  traceRings(ctx, f, polys.flat());
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 7 * d;
  ctx.stroke();
  ctx.strokeStyle = P.BLIND;
  ctx.lineWidth = 3.5 * d;
  ctx.stroke();
}
