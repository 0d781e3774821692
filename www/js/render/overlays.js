// @ts-check
/**
 * Draws `frame.overlays`, the items the active tool and the open features return (see
 * view/frame.js): a camera's handles, the ghost of a camera being placed, the places
 * marked for the optimiser, and a layout's differences against another. In CSS px, over
 * everything else. Nothing outside the renderer paints on its canvas.
 */

import * as P from '../palette.js';
import { toScreen } from '../view/transform.js';
import { cameraHandles } from '../view/camera-handles.js';
import { roundRect, haloText, FONT } from './paths.js';
import { drawPlanEdit } from './plan-edit.js';
import { drawSecurityOverlay } from './security.js';
import { drawUnderlayOverlay } from './underlay.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('../model/scenario.js').Camera} Camera */

const DEG = Math.PI / 180;

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawOverlays(ctx, f) {
  for (const o of f.overlays) {
    switch (o.kind) {
      case 'camera-handles': drawHandles(ctx, f, o.index, o.tiltActive); break;
      case 'ghost': drawGhost(ctx, f, o.at); break;
      case 'marks': drawMarks(ctx, f, o.points); break;
      case 'diff': drawDiff(ctx, f, o); break;
      case 'plan-edit': drawPlanEdit(ctx, f, o); break;
      case 'security': drawSecurityOverlay(ctx, f, o); break;
      case 'underlay': drawUnderlayOverlay(ctx, f, o); break;
      default: throw new Error(`no drawing for overlay ${JSON.stringify(o)}`);
    }
  }
}

/** The nominal sector outline, the near and far edges, the band distances and the drag
 * handles of camera i.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} i @param {boolean} tiltActive */
function drawHandles(ctx, f, i, tiltActive) {
  const cam = f.doc.cameras[i];
  const optics = f.core.optics[i];
  if (!cam || !optics) return;
  const d = f.view.dpr;
  const stats = f.core.cameras[i];
  const hd = cameraHandles(f.view, cam, optics);
  const [cx, cy] = hd.centre;
  const h = cam.heading_deg * DEG;
  const half = (Math.min(hd.spec.hfov, 360) / 2) * DEG;
  const col = P.cameraColour(i);
  const sc = f.view.scale;
  const full = hd.spec.hfov >= 360;
  /** An arc of the sector at radius r (CSS px). @param {number} r */
  const arc = (r) => {
    if (full) ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    else {
      ctx.moveTo(cx + Math.cos(h - half) * r, cy - Math.sin(h - half) * r);
      ctx.arc(cx, cy, r, -(h - half), -(h + half), true);
    }
  };
  const near = hd.spec.near, far = hd.spec.far;
  // A tilted camera stops seeing the floor at its far edge, before its range.
  const farCut = hd.spec.mounted && far !== undefined && far < hd.spec.range - 0.01;
  const Rs = farCut ? /** @type {number} */ (far) * sc : hd.R;
  ctx.save();
  ctx.scale(d, d);
  // Nominal sector (what the lens would see with no walls).
  ctx.beginPath();
  if (!full) {
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + Math.cos(h + half) * Rs, cy - Math.sin(h + half) * Rs);
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + Math.cos(h - half) * Rs, cy - Math.sin(h - half) * Rs);
  }
  arc(Rs);
  ctx.strokeStyle = P.withAlpha(P.INK, 0.55);
  ctx.lineWidth = 1.25;
  ctx.setLineDash([5, 4]);
  ctx.stroke();
  ctx.setLineDash([]);
  // Near and far edges of a mounted camera's footprint on the floor.
  /** @type {[string, number][]} */
  const marks = [];
  if (hd.spec.mounted && near !== undefined && near * sc > 2) {
    ctx.beginPath();
    arc(near * sc);
    ctx.strokeStyle = P.DEAD;
    ctx.lineWidth = 2;
    ctx.stroke();
    marks.push([`near ${fmtM(near)}`, near * sc]);
  }
  if (farCut && far !== undefined) {
    ctx.beginPath();
    arc(far * sc);
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 2;
    ctx.stroke();
    marks.push([`far ${fmtM(far)}`, far * sc]);
  }
  // Where each density level ends, along the axis.
  for (const lv of stats?.levels ?? []) {
    if (lv.radius_m > 0 && lv.area_m2 > 0 && !(far !== undefined && lv.radius_m >= far - 0.01) && lv.radius_m < hd.spec.range - 0.01) {
      marks.push([`${lv.name} ${fmtM(lv.radius_m)}`, lv.radius_m * sc]);
    }
  }
  // Axis to the range handle (dotted beyond the far edge, where the range no longer counts).
  ctx.beginPath();
  ctx.moveTo(cx, cy);
  ctx.lineTo(cx + Math.cos(h) * Rs, cy - Math.sin(h) * Rs);
  ctx.strokeStyle = P.withAlpha(P.INK, 0.7);
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (farCut) {
    ctx.beginPath();
    ctx.moveTo(cx + Math.cos(h) * Rs, cy - Math.sin(h) * Rs);
    ctx.lineTo(hd.range[0], hd.range[1]);
    ctx.setLineDash([2, 4]);
    ctx.strokeStyle = P.withAlpha(P.INK, 0.45);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  drawAxisMarks(ctx, cx, cy, h, marks, hd.dH);
  // Field-of-view edge handles.
  if (hd.fovHandles) {
    for (const [x, y] of [hd.fovLeft, hd.fovRight]) {
      ctx.beginPath();
      ctx.arc(x, y, 6.5, 0, 2 * Math.PI);
      ctx.fillStyle = col;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.strokeStyle = P.INK;
      ctx.lineWidth = 1.25;
      ctx.stroke();
    }
  }
  // Range handle: a square on the range arc.
  const [rx, ry] = hd.range;
  ctx.save();
  ctx.translate(rx, ry);
  ctx.rotate(-h);
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.fillRect(-6, -6, 12, 12);
  ctx.strokeRect(-6, -6, 12, 12);
  ctx.restore();
  // Heading handle: a round knob.
  const [hx, hy] = hd.heading;
  ctx.beginPath();
  ctx.arc(hx, hy, 9, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(hx, hy, 4.5, 0, 2 * Math.PI);
  ctx.fillStyle = P.INK;
  ctx.fill();
  // Tilt handle: a pill with up and down chevrons behind the camera; drag it up or down.
  if (hd.tilt) drawTiltHandle(ctx, hd.tilt, cam, hd.spec.tilt, tiltActive, f.view.width);
  ctx.restore();
}

/** @param {number} m */
function fmtM(m) {
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} m`;
}

/**
 * Small labels across the axis at given distances (CSS px from the camera), skipping any
 * that would crowd the previous one or the heading knob.
 * @param {CanvasRenderingContext2D} ctx @param {number} cx @param {number} cy @param {number} h
 * @param {[string, number][]} marks @param {number} knob distance of the heading knob
 */
function drawAxisMarks(ctx, cx, cy, h, marks, knob) {
  marks.sort((a, b) => a[1] - b[1]);
  const ux = Math.cos(h), uy = -Math.sin(h);
  // Labels go on the screen-lower side of the axis.
  let nx = -uy, ny = ux;
  if (ny < 0 || (Math.abs(ny) < 0.2 && nx < 0)) { nx = -nx; ny = -ny; }
  ctx.font = `600 11px ${FONT}`;
  ctx.textBaseline = 'middle';
  let last = -Infinity;
  for (const [text, r] of marks) {
    if (r - last < 16 || Math.abs(r - knob) < 14 || r < 14) continue;
    last = r;
    const x = cx + ux * r, y = cy + uy * r;
    ctx.beginPath();
    ctx.moveTo(x - nx * 5, y - ny * 5);
    ctx.lineTo(x + nx * 5, y + ny * 5);
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.textAlign = nx > 0.3 ? 'left' : nx < -0.3 ? 'right' : 'center';
    const tx = x + nx * 9, ty = y + ny * 9 + (Math.abs(nx) <= 0.3 ? 5 : 0);
    haloText(ctx, text, tx, ty, P.INK, 1);
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number]} p @param {Camera} cam @param {number} tilt
 * @param {boolean} active @param {number} width of the canvas, CSS px */
function drawTiltHandle(ctx, p, cam, tilt, active, width) {
  const [x, y] = p;
  const w = 16, hh = 24;
  roundRect(ctx, x - w / 2, y - hh / 2, w, hh, 7);
  ctx.fillStyle = active ? P.INK : '#ffffff';
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - 4, y - 3); ctx.lineTo(x, y - 8); ctx.lineTo(x + 4, y - 3);
  ctx.moveTo(x - 4, y + 3); ctx.lineTo(x, y + 8); ctx.lineTo(x + 4, y + 3);
  ctx.strokeStyle = active ? '#ffffff' : P.INK;
  ctx.lineWidth = 1.8;
  ctx.stroke();
  const text = `${cam.height_m} m · tilt ${Math.round(tilt * 10) / 10}°`;
  ctx.font = `700 11.5px ${FONT}`;
  ctx.textAlign = 'center';
  // Above the handle, or below it at the top edge; never cut by the sides.
  const tw = ctx.measureText(text).width;
  const tx = Math.min(Math.max(x, tw / 2 + 4), width - tw / 2 - 4);
  const below = y - hh / 2 - 18 < 0;
  ctx.textBaseline = below ? 'top' : 'bottom';
  haloText(ctx, text, tx, below ? y + hh / 2 + 3 : y - hh / 2 - 3, P.INK, 1);
}

/** A translucent camera under the pointer while placing one. @param {CanvasRenderingContext2D} ctx
 * @param {Frame} f @param {[number, number]} p */
function drawGhost(ctx, f, p) {
  const d = f.view.dpr;
  const [sx, sy] = toScreen(f.view, p[0], p[1]);
  const X = sx * d, Y = sy * d;
  ctx.beginPath();
  ctx.arc(X, Y, 9 * d, 0, 2 * Math.PI);
  ctx.fillStyle = P.withAlpha(P.cameraColour(f.doc.cameras.length), 0.6);
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2 * d;
  ctx.setLineDash([3 * d, 3 * d]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(X - 16 * d, Y);
  ctx.lineTo(X + 16 * d, Y);
  ctx.moveTo(X, Y - 16 * d);
  ctx.lineTo(X, Y + 16 * d);
  ctx.lineWidth = 1 * d;
  ctx.stroke();
}

/** Places marked for the optimiser: yellow crossed discs. @param {CanvasRenderingContext2D} ctx @param {Frame} f
 * @param {[number, number][]} points */
function drawMarks(ctx, f, points) {
  const d = f.view.dpr;
  ctx.save();
  ctx.setTransform(d, 0, 0, d, 0, 0);
  for (const [x, y] of points) {
    const [X, Y] = toScreen(f.view, x, y);
    ctx.fillStyle = 'rgba(255, 210, 31, 0.9)';
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(X, Y, 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(X - 11, Y); ctx.lineTo(X + 11, Y);
    ctx.moveTo(X, Y - 11); ctx.lineTo(X, Y + 11);
    ctx.stroke();
  }
  ctx.restore();
}

/** Rings round cameras added (green) and changed (amber), crosses where cameras were
 * removed (black). @param {CanvasRenderingContext2D} ctx @param {Frame} f
 * @param {{added: [number, number][], changed: [number, number][], removed: [number, number][]}} o */
function drawDiff(ctx, f, o) {
  const d = f.view.dpr;
  ctx.save();
  ctx.setTransform(d, 0, 0, d, 0, 0);
  const rad = Math.max(7, Math.min(14, 0.6 * f.view.scale));
  /** @param {[number, number][]} points @param {string} colour */
  const rings = (points, colour) => {
    for (const [col, lw] of /** @type {[string, number][]} */ ([['#ffffff', 5.5], [colour, 3]])) {
      ctx.strokeStyle = col;
      ctx.lineWidth = lw;
      for (const p of points) {
        const [x, y] = toScreen(f.view, p[0], p[1]);
        ctx.beginPath();
        ctx.arc(x, y, rad, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  };
  rings(o.added, P.DIFF_ADDED);
  rings(o.changed, P.DIFF_CHANGED);
  for (const [col, lw] of /** @type {[string, number][]} */ ([['#ffffff', 6], [P.DIFF_REMOVED, 3.2]])) {
    ctx.strokeStyle = col;
    ctx.lineWidth = lw;
    for (const p of o.removed) {
      const [x, y] = toScreen(f.view, p[0], p[1]);
      const k = rad * 0.75;
      ctx.beginPath();
      ctx.moveTo(x - k, y - k); ctx.lineTo(x + k, y + k);
      ctx.moveTo(x + k, y - k); ctx.lineTo(x - k, y + k);
      ctx.stroke();
    }
  }
  ctx.restore();
}
