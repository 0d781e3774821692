// @ts-check
/** The legend's swatches, drawn with the same strokes and patterns as the plan. */

import * as P from '../palette.js';

/**
 * Draws one legend swatch; the legend uses the same strokes as the plan.
 * @param {CanvasRenderingContext2D} ctx @param {string} kind @param {number} w @param {number} h @param {number} dpr
 */
export function drawSwatch(ctx, kind, w, h, dpr) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const my = h / 2;
  const line = (/** @type {string} */ col, /** @type {number} */ lw, /** @type {number[]} */ dash = [], /** @type {CanvasLineCap} */ cap = 'butt') => {
    ctx.beginPath();
    ctx.moveTo(4, my);
    ctx.lineTo(w - 4, my);
    ctx.strokeStyle = col;
    ctx.lineWidth = lw;
    ctx.setLineDash(dash);
    ctx.lineCap = cap;
    ctx.stroke();
    ctx.setLineDash([]);
  };
  const box = (/** @type {string} */ fill, /** @type {string} */ stroke, /** @type {number[]} */ dash = []) => {
    ctx.fillStyle = fill;
    ctx.fillRect(3, 3, w - 6, h - 6);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.strokeRect(3, 3, w - 6, h - 6);
    ctx.setLineDash([]);
  };
  switch (kind) {
    case 'wall': line(P.WALL, 4.5); break;
    case 'door': line(P.DOOR, 3.5); break;
    case 'door-open': line(P.DOOR, 2, [4, 4]); break;
    case 'window': line(P.WINDOW, 6); line('#ffffff', 3); line(P.WINDOW, 1.2); break;
    case 'glass': line(P.GLASS, 3); break;
    case 'railing': line(P.RAILING, 1.6); line(P.RAILING, 5, [0.1, 7], 'round'); break;
    case 'exterior':
      line('#111111', 12); line(P.HAZARD_YELLOW, 12, [7, 7]); line(P.WINDOW, 6); line('#ffffff', 3); break;
    case 'view': box(P.withAlpha(P.CAMERA[0], 0.2), P.withAlpha(P.CAMERA[0], 0.8)); break;
    case 'bands': {
      box(P.withAlpha(P.CAMERA[0], 0.13), P.withAlpha(P.CAMERA[0], 0.8));
      const dashes = [[], [6, 3], [3, 3]];
      [0.62, 0.42, 0.22].forEach((fx, k) => {
        ctx.beginPath();
        ctx.rect(3, 3, (w - 6) * fx, h - 6);
        ctx.fillStyle = P.withAlpha(P.CAMERA[0], 0.12);
        ctx.fill();
        ctx.beginPath();
        ctx.moveTo(3 + (w - 6) * fx, 3);
        ctx.lineTo(3 + (w - 6) * fx, h - 3);
        ctx.strokeStyle = P.withAlpha(P.CAMERA[0], 0.9);
        ctx.lineWidth = 1.2;
        ctx.setLineDash(dashes[2 - k]);
        ctx.stroke();
        ctx.setLineDash([]);
      });
      break;
    }
    case 'dead': {
      box(P.DEAD_FILL, P.DEAD);
      ctx.save();
      ctx.beginPath();
      ctx.rect(3, 3, w - 6, h - 6);
      ctx.clip();
      ctx.beginPath();
      for (let x = -h; x < w + h; x += 6) { ctx.moveTo(x, h); ctx.lineTo(x + h, 0); ctx.moveTo(x, 0); ctx.lineTo(x + h, h); }
      ctx.strokeStyle = P.DEAD;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'multi': {
      box(P.withAlpha(P.MULTI, 0.1), P.withAlpha(P.MULTI, 0.55));
      ctx.fillStyle = P.withAlpha(P.MULTI, 0.75);
      for (let x = 6; x < w - 4; x += 4.5) for (let y = 6; y < h - 4; y += 4.5) {
        if (((x + y) / 4.5) % 2 < 1) { ctx.beginPath(); ctx.arc(x, y, 1.2, 0, 2 * Math.PI); ctx.fill(); }
      }
      break;
    }
    case 'shortfall': {
      box(P.SHORT_FILL, P.SHORT);
      ctx.save();
      ctx.beginPath();
      ctx.rect(3, 3, w - 6, h - 6);
      ctx.clip();
      ctx.beginPath();
      for (let x = -h; x < w + h; x += 8) { ctx.moveTo(x, 0); ctx.lineTo(x + h, h); }
      ctx.strokeStyle = P.SHORT;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'seenby': {
      const third = (w - 6) / 3;
      P.SEEN_BY.forEach((c, k) => {
        ctx.fillStyle = P.withAlpha(c, 0.45);
        ctx.fillRect(3 + k * third, 3, third, h - 6);
      });
      break;
    }
    case 'route': {
      line('#ffffff', 7, [], 'round');
      ctx.beginPath();
      ctx.moveTo(4, my);
      ctx.lineTo(w / 2, my);
      ctx.strokeStyle = P.ROUTE_UNSEEN;
      ctx.lineWidth = 4;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(w / 2, my);
      ctx.lineTo(w - 4, my);
      ctx.strokeStyle = P.ROUTE_SEEN;
      ctx.stroke();
      break;
    }
    case 'blind': {
      box(P.BLIND_FILL, P.BLIND);
      ctx.save();
      ctx.beginPath();
      ctx.rect(3, 3, w - 6, h - 6);
      ctx.clip();
      ctx.beginPath();
      for (let x = -h; x < w + h; x += 9) { ctx.moveTo(x, h); ctx.lineTo(x + h, 0); }
      ctx.strokeStyle = P.BLIND;
      ctx.lineWidth = 2.2;
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'room': box(P.zoneFill('room', 1), P.zoneStroke('room')); break;
    case 'room-high': box(P.zoneFill('room', 5), P.zoneStroke('room')); break;
    case 'asset': box(P.zoneFill('asset', 5), P.zoneStroke('asset')); break;
    case 'exterior-zone': box(P.zoneFill('exterior', 2), P.zoneStroke('exterior'), [4, 3]); break;
    case 'camera': {
      const X = w / 2, Y = my;
      ctx.beginPath(); ctx.moveTo(X + 14, Y); ctx.lineTo(X, Y - 6); ctx.lineTo(X, Y + 6); ctx.closePath();
      ctx.fillStyle = P.INK; ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 8, 0, 2 * Math.PI); ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 6.5, 0, 2 * Math.PI); ctx.fillStyle = '#fff'; ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 4.5, 0, 2 * Math.PI); ctx.fillStyle = P.CAMERA[0]; ctx.fill();
      break;
    }
    default: break;
  }
}
