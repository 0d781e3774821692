// @ts-check
/**
 * Draws the plan editor's overlay (view/frame.js `plan-edit`): every wall corner as a
 * small square, the selected walls and zone in the editor's blue with their handles, the
 * outline being drawn with the length of its last piece (or the length being typed), the
 * snap marker, a selection box, and a refusal's reason at its place. CSS px.
 */

import { toScreen } from '../view/transform.js';
import { roundRect, FONT } from './paths.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {Extract<import('../view/frame.js').Overlay, {kind: 'plan-edit'}>} PlanEditOverlay */

const EDIT = '#1565d8';
const EDIT_SOFT = 'rgba(21, 101, 216, 0.16)';
const NOTE = '#b00032';

/** @param {number} m */
function fmtLen(m) {
  return `${m.toFixed(m < 100 ? 2 : 1)} m`;
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {PlanEditOverlay} o */
export function drawPlanEdit(ctx, f, o) {
  const v = f.view;
  const plan = f.doc.plan;
  /** @param {[number, number]} q */
  const S = (q) => toScreen(v, q[0], q[1]);
  ctx.save();
  ctx.scale(v.dpr, v.dpr);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  // The selected zone: outline and corners.
  const z = o.sel.zone >= 0 ? plan.zones[o.sel.zone] : null;
  if (z) {
    ctx.beginPath();
    for (const ring of [z.polygon, ...(z.holes ?? [])]) {
      ring.forEach((q, k) => { const [x, y] = S(q); if (k) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
      ctx.closePath();
    }
    ctx.fillStyle = EDIT_SOFT;
    ctx.fill('evenodd');
    ctx.strokeStyle = EDIT;
    ctx.lineWidth = 2;
    ctx.setLineDash([7, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const ring of [z.polygon, ...(z.holes ?? [])]) for (const q of ring) diamond(ctx, S(q), 5, '#ffffff', EDIT);
  }

  // The hovered and the selected walls.
  if (o.hoverWall >= 0 && plan.walls[o.hoverWall]) strokePath(ctx, plan.walls[o.hoverWall].path.map(S), 'rgba(21, 101, 216, 0.45)', 7);
  for (const i of o.sel.walls) {
    const w = plan.walls[i];
    if (!w) continue;
    strokePath(ctx, w.path.map(S), EDIT, 4.5);
  }

  // A drag the core catches up with when the pointer rests: its pieces as a sketch.
  if (o.ghost.length) {
    ctx.beginPath();
    for (const [a, b] of o.ghost) { ctx.moveTo(...S(a)); ctx.lineTo(...S(b)); }
    ctx.strokeStyle = EDIT;
    ctx.lineWidth = 3;
    ctx.setLineDash([8, 5]);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Every wall corner (small), so corners can be found and grabbed.
  const small = v.scale > 6;
  if (small) cornerSquares(ctx, f, 2.5);
  for (const i of o.sel.walls) {
    const w = plan.walls[i];
    if (!w) continue;
    for (const q of w.path) square(ctx, S(q), 4, '#ffffff', EDIT);
    // The middles of its pieces: drag one to insert a corner.
    for (let k = 1; k < w.path.length; k++) {
      const [ax, ay] = S(w.path[k - 1]), [bx, by] = S(w.path[k]);
      if (Math.hypot(bx - ax, by - ay) < 24) continue;
      circle(ctx, [(ax + bx) / 2, (ay + by) / 2], 3.5, '#ffffff', EDIT);
    }
  }
  if (o.sel.vertex) square(ctx, S(o.sel.vertex), 5.5, EDIT, '#ffffff');
  if (o.hover) square(ctx, S(o.hover), 6, 'rgba(21, 101, 216, 0.25)', EDIT);

  // The outline being drawn.
  if (o.draft.length) {
    const pts = o.draft.map(S);
    if (o.closed && o.draft.length >= 2) {
      ctx.beginPath();
      pts.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      if (o.next) ctx.lineTo(...S(o.next));
      ctx.closePath();
      ctx.fillStyle = EDIT_SOFT;
      ctx.fill();
    }
    strokePath(ctx, pts, EDIT, 3);
    for (const p of pts) square(ctx, p, 3.5, '#ffffff', EDIT);
    if (o.next) {
      const a = pts[pts.length - 1];
      const b = S(o.next);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.strokeStyle = EDIT;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.stroke();
      ctx.setLineDash([]);
      const last = o.draft[o.draft.length - 1];
      const len = Math.hypot(o.next[0] - last[0], o.next[1] - last[1]);
      const angle = (Math.atan2(o.next[1] - last[1], o.next[0] - last[0]) * 180 / Math.PI + 360) % 360;
      const text = o.typed ? `${o.typed}▏ m  ↵` : `${fmtLen(len)} · ${Math.round(angle)}°`;
      label(ctx, text, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 16], o.typed ? '#ffd21f' : '#ffffff', '#1d232b');
    }
  }

  // What the point snapped to.
  if (o.snapAt && o.snap !== 'none') {
    const p = S(o.snapAt);
    ctx.strokeStyle = '#e8590c';
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (o.snap === 'vertex') ctx.rect(p[0] - 6, p[1] - 6, 12, 12);
    else if (o.snap === 'wall') {
      ctx.moveTo(p[0] - 6, p[1] - 6); ctx.lineTo(p[0] + 6, p[1] + 6);
      ctx.moveTo(p[0] + 6, p[1] - 6); ctx.lineTo(p[0] - 6, p[1] + 6);
    } else if (o.snap === 'angle') {
      ctx.arc(p[0], p[1], 6, 0, 2 * Math.PI);
    } else {
      ctx.moveTo(p[0] - 5, p[1]); ctx.lineTo(p[0] + 5, p[1]);
      ctx.moveTo(p[0], p[1] - 5); ctx.lineTo(p[0], p[1] + 5);
    }
    ctx.stroke();
    const words = { vertex: 'corner', wall: 'on wall', angle: '15° step', grid: 'grid' };
    const w = /** @type {Record<string, string>} */ (words)[o.snap];
    if (w) {
      ctx.font = `600 10px ${FONT}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#e8590c';
      ctx.fillText(w, p[0] + 10, p[1] + 12);
    }
  }

  if (o.box) {
    const [[ax, ay], [bx, by]] = o.box;
    ctx.fillStyle = EDIT_SOFT;
    ctx.fillRect(Math.min(ax, bx), Math.min(ay, by), Math.abs(bx - ax), Math.abs(by - ay));
    ctx.strokeStyle = EDIT;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(Math.min(ax, bx) + 0.5, Math.min(ay, by) + 0.5, Math.abs(bx - ax), Math.abs(by - ay));
    ctx.setLineDash([]);
  }

  if (o.note) {
    const p = S(o.note.at);
    circle(ctx, p, 4, NOTE, '#ffffff');
    label(ctx, o.note.text, [p[0], p[1] - 20], NOTE, '#ffffff');
  }
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number][]} pts @param {string} colour @param {number} width */
function strokePath(ctx, pts, colour, width) {
  ctx.beginPath();
  pts.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** Every wall corner on screen as a small square. @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} r */
function cornerSquares(ctx, f, r) {
  // One path for every corner on screen (each shared corner once): a large plan has
  // thousands, and a fill and a stroke each would cost a frame.
  const v = f.view;
  const W = v.width + r, H = v.height + r;
  const seen = new Set();
  ctx.beginPath();
  for (const w of f.doc.plan.walls) {
    for (const q of w.path) {
      const [x, y] = toScreen(v, q[0], q[1]);
      if (x < -r || y < -r || x > W || y > H) continue;
      const key = `${q[0]},${q[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
    }
  }
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#5b6470';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number]} p @param {number} r @param {string} fill @param {string} stroke */
function square(ctx, p, r, fill, stroke) {
  ctx.fillStyle = fill;
  ctx.fillRect(p[0] - r, p[1] - r, 2 * r, 2 * r);
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(p[0] - r, p[1] - r, 2 * r, 2 * r);
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number]} p @param {number} r @param {string} fill @param {string} stroke */
function circle(ctx, p, r, fill, stroke) {
  ctx.beginPath();
  ctx.arc(p[0], p[1], r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number]} p @param {number} r @param {string} fill @param {string} stroke */
function diamond(ctx, p, r, fill, stroke) {
  ctx.beginPath();
  ctx.moveTo(p[0], p[1] - r);
  ctx.lineTo(p[0] + r, p[1]);
  ctx.lineTo(p[0], p[1] + r);
  ctx.lineTo(p[0] - r, p[1]);
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** A text in a rounded box centred on p. @param {CanvasRenderingContext2D} ctx @param {string} text
 * @param {[number, number]} p @param {string} bg @param {string} fg */
function label(ctx, text, p, bg, fg) {
  ctx.font = `600 12px ${FONT}`;
  const w = ctx.measureText(text).width + 12;
  const x = Math.round(p[0] - w / 2), y = Math.round(p[1] - 10);
  roundRect(ctx, x, y, w, 20, 4);
  ctx.fillStyle = bg;
  ctx.fill();
  ctx.strokeStyle = 'rgba(29, 35, 43, 0.35)';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + w / 2, y + 10.5);
}
