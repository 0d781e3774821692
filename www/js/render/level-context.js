// @ts-check
/**
 * The other levels as context on a site of several levels (model/levels.js): the walls of
 * the level below, outline only and faint (the floor plan underneath: where the stairs
 * land, what the quay is under the building), in the base layer under the coverage (keyed
 * on `contextKey`), and the connections of the level shown (stairs, lifts, ramps,
 * openings to another level) as small tagged marks over the walls, in the walls' layer
 * (keyed on `linksKey`). Nothing for a plan of one level.
 */

import { levelsOf, shownLevel, planOfLevel, connectionsOf } from '../model/levels.js';
import { tracePaths, haloText, FONT } from './paths.js';
import { toDevice } from '../view/transform.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */

/** The context's ink: a light grey-blue, under every layer of the level shown. */
const CONTEXT_INK = 'rgba(70, 90, 130, 0.38)';
const LINK_INK = '#3f5a8a';

/** The level below the one shown, with its plan (none on the bottom level or a plan of one level). @param {Scenario} s */
export function levelBelow(s) {
  const shown = shownLevel(s);
  if (shown === null) return null;
  const levels = levelsOf(s);
  const k = levels.findIndex((l) => l.id === shown);
  if (k <= 0) return null;
  const below = levels[k - 1];
  const plan = planOfLevel(s, below.id);
  return plan ? { level: below, plan } : null;
}

/** What the level below drawn depends on (identities). @param {Frame} f @returns {unknown[]} */
export function contextKey(f) {
  const below = levelBelow(f.doc);
  return [below?.plan.walls ?? null];
}

/** What the connection marks depend on. @param {Frame} f @returns {unknown[]} */
export function linksKey(f) {
  return [shownLevel(f.doc), connectionsOf(f.doc)];
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawLevelContext(ctx, f) {
  const s = f.doc;
  const shown = shownLevel(s);
  if (shown === null) return;
  const d = f.view.dpr;
  const below = levelBelow(s);
  if (below) {
    ctx.beginPath();
    tracePaths(ctx, f, below.plan.walls.filter((w) => w.path.length >= 2).map((w) => w.path));
    ctx.strokeStyle = CONTEXT_INK;
    ctx.lineWidth = 1.25 * d;
    ctx.setLineDash([6 * d, 4 * d]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/** The connections of the level shown, over the walls. @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawLevelLinks(ctx, f) {
  const s = f.doc;
  const shown = shownLevel(s);
  if (shown === null) return;
  const d = f.view.dpr;
  const names = new Map(levelsOf(s).map((l) => [l.id, l.name]));
  ctx.font = `600 ${11 * d}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const c of connectionsOf(s)) {
    const here = c.from.level === shown ? c.from : c.to.level === shown ? c.to : null;
    if (!here) continue;
    const there = here === c.from ? c.to : c.from;
    const [x, y] = toDevice(f.view, d, here.x, here.y);
    ctx.beginPath();
    ctx.arc(x, y, 6 * d, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 2 * d;
    ctx.strokeStyle = LINK_INK;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x, y - 3.5 * d);
    ctx.lineTo(x, y + 3.5 * d);
    ctx.stroke();
    haloText(ctx, `${c.kind} to ${names.get(there.level) ?? there.level}`, x + 9 * d, y, LINK_INK, d);
  }
}
