// @ts-check
/**
 * Cameras: each view in its camera's colour with its density bands as rings inside it,
 * and each camera as an icon (a disc in its colour with a lens wedge along its heading,
 * and its id). The optics come from the frame (`core.optics`, the core's figures).
 */

import * as P from '../palette.js';
import { toDevice } from '../view/transform.js';
import { tracePolygon, haloText, FONT } from './paths.js';
import { polygonBox, visiblePlanBox, meets } from './cull.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */

const DEG = Math.PI / 180;

/** Views narrower than this on screen (CSS px) are drawn without their bands. */
export const BAND_MIN_PX = 24;

/** Dashes of the band edges, densest first: identify solid, then finer dashes. */
const BAND_DASH = [[], [6, 3], [3, 3], [1.5, 3]];

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} views @param {number} i @param {boolean} active */
export function drawView(ctx, f, views, i, active) {
  if (i + 1 >= views.polygonOffsets.length) return;
  const d = f.view.dpr;
  // Off screen (its bands lie inside it): nothing to draw.
  const box = polygonBox(views, i);
  if (!box || !meets(box, visiblePlanBox(f.view, 4 * d))) return;
  ctx.beginPath();
  if (!tracePolygon(ctx, f, views, i)) return;
  const col = P.cameraColour(i);
  const sel = i === f.ui.selected;
  ctx.fillStyle = P.withAlpha(col, sel ? 0.24 : 0.13);
  ctx.fill('evenodd');
  // Level of detail: a view under BAND_MIN_PX across on screen shows no bands (a few
  // pixels of dashed rings), unless it is the selected or active one.
  const across = Math.max(box.maxX - box.minX, box.maxY - box.minY) * f.view.scale;
  if (f.ui.show.bands && f.core.layers.bands && (sel || active || across >= BAND_MIN_PX)) drawBands(ctx, f, f.core.layers.bands, i, col, sel);
  ctx.beginPath();
  tracePolygon(ctx, f, views, i);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = P.withAlpha(col, sel ? 1 : 0.8);
  ctx.lineWidth = (sel ? 2.2 : active ? 1.6 : 1.2) * d;
  ctx.stroke();
}

/**
 * Camera i's pixel-density bands as rings inside its view: each level's region (nested,
 * densest innermost) adds a little of the camera's colour, and its edge is a fine line,
 * so the view reads darker where it sees more detail.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} bands @param {number} i
 * @param {string} col @param {boolean} sel
 */
function drawBands(ctx, f, bands, i, col, sel) {
  const L = f.core.levels.length;
  if (!L) return;
  const first = i * L;
  if (first + L >= bands.polygonOffsets.length) return;
  const d = f.view.dpr;
  // Sparsest first, so the densest ring's edge is drawn last, on top.
  for (let l = L - 1; l >= 0; l--) {
    ctx.beginPath();
    if (!tracePolygon(ctx, f, bands, first + l)) continue;
    ctx.fillStyle = P.withAlpha(col, sel ? 0.12 : 0.08);
    ctx.fill('evenodd');
    ctx.strokeStyle = P.withAlpha(col, sel ? 0.95 : 0.6);
    ctx.lineWidth = (sel ? 1.3 : 0.9) * d;
    ctx.setLineDash(BAND_DASH[Math.min(l, BAND_DASH.length - 1)].map((x) => x * d));
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Cameras from..to-1 (except `skip`) as icons. Icons shrink a little when many cameras
 * crowd the view.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} from @param {number} to @param {number} [skip] */
export function drawCameras(ctx, f, from, to, skip = -1) {
  const v = f.view;
  const d = v.dpr;
  const cams = f.doc.cameras;
  const showIds = cams.length <= 60 || v.scale >= 8;
  const small = cams.length > 60 && v.scale < 8;
  // An icon, its wedge, selection ring and id reach at most this far from its centre.
  const reach = 160 * d;
  const W = v.width * d, H = v.height * d;
  const onScreen = (/** @type {number} */ X, /** @type {number} */ Y) => X >= -reach && Y >= -reach && X <= W + reach && Y <= H + reach;
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    const sel = i === f.ui.selected;
    const hov = i === f.ui.hoverCamera;
    const cam = cams[i];
    const [X, Y] = toDevice(v, d, cam.position[0], cam.position[1]);
    if (!onScreen(X, Y)) continue;
    const r = (sel ? 9.5 : hov ? 8.5 : small ? 5.5 : 7.5) * d;
    const col = P.cameraColour(i);
    const hfov = f.core.optics[i]?.hfov ?? NaN;
    const full = hfov >= 360;
    const h = cam.heading_deg * DEG;
    const ux = Math.cos(h), uy = -Math.sin(h);
    // Lens wedge.
    if (hfov < 360) {
      const tip = r + (small ? 5 : 8) * d;
      ctx.beginPath();
      ctx.moveTo(X + ux * tip, Y + uy * tip);
      ctx.lineTo(X - uy * r * 0.8, Y + ux * r * 0.8);
      ctx.lineTo(X + uy * r * 0.8, Y - ux * r * 0.8);
      ctx.closePath();
      ctx.fillStyle = P.INK;
      ctx.fill();
    }
    ctx.beginPath();
    ctx.arc(X, Y, r + 1.5 * d, 0, 2 * Math.PI);
    ctx.fillStyle = P.INK;
    ctx.fill();
    ctx.beginPath();
    ctx.arc(X, Y, r, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.beginPath();
    ctx.arc(X, Y, r - 2 * d, 0, 2 * Math.PI);
    ctx.fillStyle = col;
    ctx.fill();
    if (full) {
      ctx.beginPath();
      ctx.arc(X, Y, r * 0.38, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }
    if (sel) {
      ctx.beginPath();
      ctx.arc(X, Y, r + 6 * d, 0, 2 * Math.PI);
      ctx.strokeStyle = f.ui.focused ? P.INK : P.withAlpha(P.INK, 0.7);
      ctx.lineWidth = 2 * d;
      ctx.setLineDash(f.ui.focused ? [] : [3 * d, 3 * d]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (showIds || sel || hov) {
      // The id goes beside the camera, across its heading (on the lower side): behind it
      // is usually the wall it hangs on, and openings, which must stay visible.
      let bx = -uy, by = ux;
      if (by < -0.2 || (Math.abs(by) <= 0.2 && bx < 0)) { bx = -bx; by = -by; }
      if (full) { bx = 0.7; by = 0.7; }
      const gap = r + 7 * d;
      ctx.textAlign = bx > 0.35 ? 'left' : bx < -0.35 ? 'right' : 'center';
      ctx.textBaseline = by > 0.35 ? 'top' : by < -0.35 ? 'bottom' : 'middle';
      ctx.font = `${sel ? 800 : 600} ${(sel ? 13 : 11.5) * d}px ${FONT}`;
      haloText(ctx, cam.id, X + bx * gap, Y + by * gap, P.INK, d);
    }
  }
}
