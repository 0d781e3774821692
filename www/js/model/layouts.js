// @ts-check
/**
 * Several layouts of the same plan ("as is", "Option A", "Option B"...), kept in one
 * scenario. In a file (docs/scenario-format.md) the main layout is the file's `name` and
 * `cameras`, and the others are `options[]`. In the page, the scenario's `name` and
 * `cameras` are the *active* layout's (so every edit, the scene mirror and the renderer
 * work on it unchanged), and `layouts` holds the list and which one is active. These
 * helpers are pure: each returns a new scenario sharing every unchanged part. On a site of
 * several levels (levels.js) a layout's `cameras` are those on the level shown and its
 * `levelCameras` those on the other levels.
 */

import { mergeLevels, levelSlice, activeLevelCameras, fixLevelCameras } from './levels.js';

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {import('./scenario.js').Camera} Camera */
/**
 * Page-only facts about a layout (never saved): the optimiser's proposal that made it,
 * or the curve point it came from.
 * `site`: a proposal or curve point of the whole site (its `proposal` a SiteProposal, its
 * `point` with each level's part).
 * @typedef {{kind: 'proposal'|'curve'|'duplicate', proposal?: any, request?: any, timing?: any, cameras: Camera[], site?: boolean,
 *   point?: {budget: number, cost: number, total?: number, estimated_coverage: number, levels?: import('../core/types.js').LevelPoint[]}}} LayoutMeta
 * @typedef {{name: string, cameras: Camera[], meta?: LayoutMeta, levelCameras?: Record<string, Camera[]>}} Layout
 * @typedef {{active: number, list: Layout[]}} Layouts
 */

/**
 * Every layout, the active one filled in from the scenario's own name and cameras.
 * @param {Scenario} s @returns {Layout[]}
 */
export function layoutsOf(s) {
  const L = s.layouts;
  if (!L) return [{ name: s.name, cameras: s.cameras }];
  return L.list.map((l, k) => (k === L.active ? { ...l, name: s.name, cameras: s.cameras } : l));
}

/** @param {Scenario} s */
export function activeLayout(s) {
  return s.layouts?.active ?? 0;
}

/**
 * The page's scenario from a file's (as the core wrote it back): options become layouts.
 * @param {Scenario & {options?: {name: string, cameras?: Camera[]}[]}} file @param {number} [active]
 * @returns {Scenario}
 */
export function fromFile(file, active = 0) {
  const { options, ...rest } = file;
  /** @type {Layout[]} */
  const list = [{ name: rest.name ?? '', cameras: rest.cameras ?? [] }, ...(options ?? []).map((o) => ({ name: o.name, cameras: o.cameras ?? [] }))];
  const s = /** @type {Scenario} */ ({ ...rest, cameras: rest.cameras ?? [], layouts: { active: 0, list } });
  return active > 0 && active < list.length ? withLayoutActive(s, active) : s;
}

/**
 * The file form: the main layout is `name` and `cameras`, the others `options`.
 * @param {Scenario} s
 */
export function toFile(s) {
  // Every level's items, each tagged with its level.
  return fileForm(mergeLevels(s));
}

/**
 * The file form of the level shown alone (its slice, every layout's cameras on it): what
 * the documents of a site of several levels report. A plan of one level: `toFile`.
 * @param {Scenario} s
 */
export function toLevelFile(s) {
  return levelSlice(fileForm(s));
}

/** @param {Scenario} s */
function fileForm(s) {
  const list = layoutsOf(s);
  const { layouts: _l, ...rest } = s;
  /** @type {any} */
  const file = { ...rest, name: list[0].name, cameras: list[0].cameras };
  if (list.length > 1) file.options = list.slice(1).map((l) => ({ name: l.name, cameras: l.cameras }));
  return file;
}

/**
 * What the core loads for the active layout: the shared plan, catalogue and settings with
 * the active layout's name and cameras; the other layouts go along as `options`, so the
 * core validates them too (a catalogue edit cannot break a layout that is not shown).
 * @param {Scenario} s
 */
export function coreScenario(s) {
  const list = layoutsOf(s);
  const active = activeLayout(s);
  const { layouts: _l, ...rest } = s;
  /** @type {any} */
  const out = { ...rest };
  const others = list.filter((_, k) => k !== active);
  // Option names must be unique among the options; the active layout's is the scene's name.
  if (others.length) out.options = others.map((l) => ({ name: l.name, cameras: l.cameras }));
  // On a site of several levels: the slice of the level shown.
  return /** @type {any} */ (levelSlice(out));
}

/** Switches to layout k. @param {Scenario} s @param {number} k @returns {Scenario} */
export function withLayoutActive(s, k) {
  const list = layoutsOf(s);
  if (k < 0 || k >= list.length) return s;
  return { ...s, name: list[k].name, cameras: list[k].cameras, layouts: { active: k, list } };
}

/**
 * Adds a layout after the others and makes it active. On a site of several levels it
 * keeps the other levels' cameras of the layout shown, or takes `levelCameras` (a layout
 * of the whole site: levels.js `camerasByLevel`).
 * @param {Scenario} s @param {string} name @param {Camera[]} cameras @param {LayoutMeta} [meta]
 * @param {Record<string, Camera[]>} [levelCameras] @returns {Scenario}
 */
export function withLayoutAdded(s, name, cameras, meta, levelCameras = activeLevelCameras(s)) {
  /** @type {Layout} */
  const added = { name, cameras, ...(meta ? { meta } : {}), ...(levelCameras ? { levelCameras } : {}) };
  const list = [...layoutsOf(s), added];
  return withLayoutActive({ ...s, layouts: { active: activeLayout(s), list } }, list.length - 1);
}

/** @param {Scenario} s @param {number} k @param {string} name @returns {Scenario} */
export function withLayoutRenamed(s, k, name) {
  if (k === activeLayout(s)) return { ...s, name };
  const list = layoutsOf(s).map((l, j) => (j === k ? { ...l, name } : l));
  return { ...s, layouts: { active: activeLayout(s), list } };
}

/**
 * Removes layout k (never the last one). Removing the main layout makes the next one the
 * file's main layout. The active layout stays active; if it is the one removed, its
 * neighbour becomes active.
 * @param {Scenario} s @param {number} k @returns {Scenario}
 */
export function withLayoutRemoved(s, k) {
  const all = layoutsOf(s);
  if (all.length <= 1 || k < 0 || k >= all.length) return s;
  const list = all.filter((_, j) => j !== k);
  const a = activeLayout(s);
  const next = a === k ? Math.min(k, list.length - 1) : a > k ? a - 1 : a;
  return withLayoutActive({ ...s, layouts: { active: 0, list } }, next);
}

/** A name not used by any layout: "Option A", "Option B", ... @param {Scenario} s @param {string} [stem] */
export function freshLayoutName(s, stem = 'Option') {
  const used = new Set(layoutsOf(s).map((l) => l.name));
  for (let n = 0; ; n++) {
    const letter = n < 26 ? String.fromCharCode(65 + n) : `${String.fromCharCode(65 + Math.floor(n / 26) - 1)}${String.fromCharCode(65 + (n % 26))}`;
    const name = `${stem} ${letter}`;
    if (!used.has(name)) return name;
  }
}

/** A name not used by any layout, from a wish ("Budget €60,000", "Budget €60,000 (2)"). @param {Scenario} s @param {string} wish */
export function uniqueLayoutName(s, wish) {
  const used = new Set(layoutsOf(s).map((l) => l.name));
  if (!used.has(wish)) return wish;
  for (let n = 2; ; n++) if (!used.has(`${wish} (${n})`)) return `${wish} (${n})`;
}

/**
 * How a layout's cameras differ from a base layout's, by camera id: added (not in the
 * base), removed (only in the base), changed (same id, anything different: moved,
 * turned, another model), kept (identical).
 * @param {Camera[]} base @param {Camera[]} cams
 */
export function cameraDiff(base, cams) {
  const byId = new Map(base.map((c) => [c.id, c]));
  const ids = new Set(cams.map((c) => c.id));
  /** @type {Camera[]} */ const added = [];
  /** @type {Camera[]} */ const changed = [];
  /** @type {Camera[]} */ const kept = [];
  for (const c of cams) {
    const b = byId.get(c.id);
    if (!b) added.push(c);
    else if (b === c || JSON.stringify(b) === JSON.stringify(c)) kept.push(c);
    else changed.push(c);
  }
  const removed = base.filter((c) => !ids.has(c.id));
  return { added, removed, changed, kept };
}

/**
 * Applies `fix` to the cameras of every layout (a catalogue edit that changes the cameras
 * using a model must reach the layouts not shown too).
 * @param {Scenario} s @param {(c: Camera) => Camera} fix @returns {Scenario}
 */
export function withEveryLayoutCameras(s, fix) {
  const list = layoutsOf(s).map((l) => {
    const cameras = l.cameras.map(fix);
    const levelCameras = fixLevelCameras(l.levelCameras, fix);
    return levelCameras === l.levelCameras && cameras.every((c, k) => c === l.cameras[k]) ? l : { ...l, cameras, ...(levelCameras ? { levelCameras } : {}) };
  });
  const a = activeLayout(s);
  return { ...s, cameras: list[a].cameras, ...(s.layouts ? { layouts: { active: a, list } } : {}) };
}

/** Every camera of every layout, on every level. @param {Scenario} s @returns {Camera[]} */
export function allLayoutCameras(s) {
  return layoutsOf(s).flatMap((l) => [...l.cameras, ...Object.values(l.levelCameras ?? {}).flat()]);
}
