// @ts-check
/**
 * The levels of a site (floors and the outdoor site plan, docs/scenario-format.md
 * "Levels") in the page. A file tags its walls, zones, cameras, detectors and pole sites
 * with `level` (none: the first level). In the page, as with layouts (layouts.js), the
 * scenario's `plan`, `cameras` (and every layout's `cameras`), `detectors` and
 * `pole_sites` are the *shown level's*, so every edit, the scene mirror and the renderer
 * work on one level unchanged; `site` (page only) keeps the other levels' items, and each
 * layout keeps its cameras on the other levels in `levelCameras`. The scenario stays the
 * single source of truth for the whole site: `mergeLevels` gives the whole file back.
 *
 * A file of one level has no `site` and every helper here leaves it as it is.
 * These helpers are pure: each returns a new scenario sharing every unchanged part.
 */

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {import('./scenario.js').Camera} Camera */
/** @typedef {import('./scenario.js').Plan} Plan */
/** @typedef {import('./layouts.js').Layout} Layout */
/** @typedef {{id: string, name: string, elevation_m: number}} SiteLevel */
/** @typedef {{id: string, kind: string, from: {level: string, x: number, y: number}, to: {level: string, x: number, y: number}, time_s?: number}} Connection */
/**
 * The site's figures as the site panel shows them (core/site-scenes.js makes it from the
 * core's): each level with its headline (undefined while it is being prepared) and the
 * site's (undefined until every level's is in).
 * @typedef {{levels: {id: string, name: string, elevation_m: number, headline: import('../core/types.js').Headline|undefined, shown: boolean}[],
 *   site: import('../core/types.js').Headline|undefined}} SiteView
 */
/**
 * The other levels' items, by level id (the shown level's are in the scenario itself).
 * @typedef {{level: string, plans: Record<string, Plan>, detectors: Record<string, object[]>, poles: Record<string, object[]>}} SiteRest
 */

/**
 * The ids of walls and zones on the other levels of the site, on a level's plan (a
 * symbol: spreads keep it, JSON leaves it out, so neither the core nor a file sees it).
 * Fresh ids (plan.js `freshPlanId`) avoid them: ids are unique over the whole file.
 */
export const IDS_ELSEWHERE = Symbol('wall and zone ids on other levels');

/** @param {Scenario} s @returns {SiteLevel[]} */
export function levelsOf(s) {
  return /** @type {any} */ (s).levels ?? [];
}

/** True when the scenario has several levels (and so a `site`). @param {Scenario} s */
export function hasLevels(s) {
  return !!siteOf(s);
}

/** @param {Scenario} s @returns {SiteRest|undefined} */
function siteOf(s) {
  return /** @type {any} */ (s).site;
}

/** The id of the level shown, or null for a file of one level. @param {Scenario} s */
export function shownLevel(s) {
  return siteOf(s)?.level ?? null;
}

/** True when `b` shows another level of the same site than `a`. @param {Scenario} a @param {Scenario} b */
export function isLevelSwitch(a, b) {
  const x = siteOf(a), y = siteOf(b);
  return !!x && !!y && x.level !== y.level && levelsOf(a) === levelsOf(b);
}

/** One empty list for every scenario without connections: the renderer's cache keys compare
 * by identity, and a new `[]` per call redrew the walls and camera layers on every frame. */
const NO_CONNECTIONS = Object.freeze(/** @type {Connection[]} */ ([]));

/** The connections (stairs, lifts, ramps, openings) between levels. @param {Scenario} s @returns {readonly Connection[]} */
export function connectionsOf(s) {
  return /** @type {any} */ (s).connections ?? NO_CONNECTIONS;
}

/** The items on level `id` (an item without `level` is on the first). @template T @param {T[]|undefined} items @param {string} id @param {string} first @returns {T[]} */
function on(items, id, first) {
  return (items ?? []).filter((x) => (/** @type {{level?: string}} */ (x).level ?? first) === id);
}

/**
 * The page's form of a whole scenario of several levels (as `fromFile` gives it: every
 * level's items together) showing level `id` (none or unknown: the first). A scenario of
 * one level is returned as it is.
 * @param {Scenario} s @param {string} [id] @returns {Scenario}
 */
export function splitLevels(s, id) {
  const levels = levelsOf(s);
  if (levels.length <= 1) return s;
  const first = levels[0].id;
  const shown = levels.some((l) => l.id === id) ? /** @type {string} */ (id) : first;
  const any = /** @type {any} */ (s);
  /** @type {Record<string, Plan>} */ const plans = {};
  /** @type {Record<string, object[]>} */ const detectors = {};
  /** @type {Record<string, object[]>} */ const poles = {};
  for (const l of levels) {
    plans[l.id] = { ...s.plan, walls: on(s.plan.walls, l.id, first), zones: on(s.plan.zones, l.id, first) };
    detectors[l.id] = on(any.detectors, l.id, first);
    poles[l.id] = on(any.pole_sites, l.id, first);
  }
  for (const l of levels) plans[l.id] = withIdsElsewhere(plans[l.id], idsBesides(plans, l.id));
  /** @param {Camera[]} cams */
  const perLevel = (cams) => Object.fromEntries(levels.map((l) => [l.id, on(cams, l.id, first)]));
  const list = (s.layouts?.list ?? [{ name: s.name, cameras: s.cameras }]).map((l, k) => {
    const byLevel = perLevel(k === (s.layouts?.active ?? 0) ? s.cameras : l.cameras);
    const { [shown]: cameras, ...levelCameras } = byLevel;
    return { ...l, cameras, levelCameras };
  });
  const active = s.layouts?.active ?? 0;
  const { [shown]: plan, ...otherPlans } = plans;
  const { [shown]: dets, ...otherDets } = detectors;
  const { [shown]: pls, ...otherPoles } = poles;
  /** @type {any} */
  const out = { ...s, plan, cameras: list[active].cameras, layouts: { active, list }, site: { level: shown, plans: otherPlans, detectors: otherDets, poles: otherPoles } };
  setOrDrop(out, 'detectors', dets);
  setOrDrop(out, 'pole_sites', pls);
  return out;
}

/** @param {any} o @param {string} key @param {object[]} items */
function setOrDrop(o, key, items) {
  if (items.length) o[key] = items;
  else delete o[key];
}

/** The wall and zone ids of every level but `id`. @param {Record<string, Plan>} plans @param {string} id */
function idsBesides(plans, id) {
  const ids = new Set();
  for (const [k, p] of Object.entries(plans)) {
    if (k === id) continue;
    for (const w of p.walls) ids.add(w.id);
    for (const z of p.zones) ids.add(z.id);
  }
  return ids;
}

/** The plan with these ids marked as taken elsewhere (the same plan when they already are). @param {Plan} plan @param {Set<string>} ids */
function withIdsElsewhere(plan, ids) {
  const had = /** @type {any} */ (plan)[IDS_ELSEWHERE];
  if (had instanceof Set && had.size === ids.size && [...ids].every((i) => had.has(i))) return plan;
  return /** @type {Plan} */ ({ ...plan, [IDS_ELSEWHERE]: ids });
}

/**
 * Shows level `id`: the shown level's items go to `site` (and each layout's
 * `levelCameras`), level `id`'s come out. Each level's plan and camera lists keep their
 * identity, so a level shown again finds its prepared scene (core/mirror.js).
 * @param {Scenario} s @param {string} id @returns {Scenario}
 */
export function withLevelShown(s, id) {
  const site = siteOf(s);
  if (!site || site.level === id || !site.plans[id]) return s;
  const any = /** @type {any} */ (s);
  const from = site.level;
  const plans = { ...site.plans, [from]: s.plan };
  const { [id]: next, ...restPlans } = plans;
  // The georeference is the site's: the one shown is kept.
  let plan = next.georeference === s.plan.georeference ? next : { ...next, georeference: s.plan.georeference };
  if (plan.georeference === undefined) delete plan.georeference;
  plan = withIdsElsewhere(plan, idsBesides({ ...restPlans, [id]: plan }, id));
  const { [id]: dets = [], ...restDets } = { ...site.detectors, [from]: any.detectors ?? [] };
  const { [id]: pls = [], ...restPoles } = { ...site.poles, [from]: any.pole_sites ?? [] };
  const active = s.layouts?.active ?? 0;
  const list = (s.layouts?.list ?? []).map((l, k) => {
    const mine = k === active ? s.cameras : l.cameras;
    const { [id]: cameras = [], ...levelCameras } = { ...(/** @type {any} */ (l).levelCameras ?? {}), [from]: mine };
    return { ...l, cameras, levelCameras };
  });
  /** @type {any} */
  const out = { ...s, plan, cameras: list[active]?.cameras ?? [], layouts: { active, list }, site: { level: id, plans: restPlans, detectors: restDets, poles: restPoles } };
  setOrDrop(out, 'detectors', dets);
  setOrDrop(out, 'pole_sites', pls);
  return out;
}

/** Items of level `id` tagged with it (the first level's may stay untagged). @template T @param {T[]} items @param {string} id @param {string} first @returns {T[]} */
function tagged(items, id, first) {
  if (id === first) return items;
  let out = items;
  for (let k = 0; k < items.length; k++) {
    if (/** @type {{level?: string}} */ (items[k]).level === undefined) {
      if (out === items) out = items.slice();
      out[k] = { ...items[k], level: id };
    }
  }
  return out;
}

/** Merged plans, per shown plan: a site whose other levels did not change gives the same plan (the autosave writes a plan out once per plan object). @type {WeakMap<Plan, {plans: Record<string, Plan>, plan: Plan}>} */
const mergedPlans = new WeakMap();

/**
 * The whole site in the page's layout form (every level's items together, each on its
 * level, tagged with it, in the levels' order; no `site`, no `levelCameras`): what
 * `toFile` saves. A scenario of one level is returned as it is.
 * @param {Scenario} s @returns {Scenario}
 */
export function mergeLevels(s) {
  const site = siteOf(s);
  if (!site) return s;
  const levels = levelsOf(s);
  const first = levels[0].id;
  const any = /** @type {any} */ (s);
  const plans = { ...site.plans, [site.level]: s.plan };
  let plan;
  const known = mergedPlans.get(s.plan);
  if (known && levels.every((l) => l.id === site.level || known.plans[l.id] === site.plans[l.id])) plan = known.plan;
  else {
    plan = { ...s.plan, walls: levels.flatMap((l) => tagged(plans[l.id].walls, l.id, first)), zones: levels.flatMap((l) => tagged(plans[l.id].zones, l.id, first)) };
    delete /** @type {any} */ (plan)[IDS_ELSEWHERE];
    mergedPlans.set(s.plan, { plans: site.plans, plan });
  }
  /** @param {Record<string, object[]>} rest @param {object[]|undefined} mine */
  const all = (rest, mine) => levels.flatMap((l) => tagged(l.id === site.level ? mine ?? [] : rest[l.id] ?? [], l.id, first));
  const active = s.layouts?.active ?? 0;
  const list = (s.layouts?.list ?? []).map((l, k) => {
    const { levelCameras = {}, ...rest } = /** @type {any} */ (l);
    const mine = k === active ? s.cameras : l.cameras;
    return { ...rest, cameras: /** @type {Camera[]} */ (all(levelCameras, mine)) };
  });
  const { site: _site, ...restOf } = any;
  /** @type {any} */
  const out = { ...restOf, plan, cameras: list[active]?.cameras ?? [], layouts: { active, list } };
  setOrDrop(out, 'detectors', all(site.detectors, any.detectors));
  setOrDrop(out, 'pole_sites', all(site.poles, any.pole_sites));
  return out;
}

/**
 * What the core loads for the level shown: its slice (as `Scenario::level_slice` cuts
 * it): `levels` holding that level only, no connections, no page-only parts.
 * @param {Scenario} s @returns {Scenario}
 */
export function levelSlice(s) {
  const site = siteOf(s);
  if (!site) return s;
  const { site: _site, connections: _c, ...rest } = /** @type {any} */ (s);
  const level = levelsOf(s).find((l) => l.id === site.level);
  return { ...rest, levels: level ? [level] : [] };
}

/** The ids of the active layout's cameras on the other levels (camera ids are unique over the file). @param {Scenario} s @returns {Set<string>} */
export function cameraIdsElsewhere(s) {
  const ids = new Set();
  if (!siteOf(s)) return ids;
  const l = /** @type {any} */ (s.layouts?.list[s.layouts.active]);
  for (const cams of Object.values(l?.levelCameras ?? {})) for (const c of /** @type {Camera[]} */ (cams)) ids.add(c.id);
  return ids;
}

/** A layout's cameras on the other levels, for a layout added on this level (it keeps them). @param {Scenario} s */
export function activeLevelCameras(s) {
  if (!siteOf(s)) return undefined;
  return /** @type {any} */ (s.layouts?.list[s.layouts.active])?.levelCameras;
}

/**
 * A layout's cameras over the whole site (each on its level, as the core's site proposal
 * gives them) in the page's form: those on the level shown, and the others by level (a
 * layout's `levelCameras`). Undefined for a file of one level.
 * @param {Scenario} s @param {Camera[]} cameras
 * @returns {{cameras: Camera[], levelCameras: Record<string, Camera[]>}|undefined}
 */
export function camerasByLevel(s, cameras) {
  const site = siteOf(s);
  if (!site) return undefined;
  const levels = levelsOf(s);
  const first = levels[0].id;
  /** @type {Record<string, Camera[]>} */
  const levelCameras = {};
  for (const l of levels) if (l.id !== site.level) levelCameras[l.id] = on(cameras, l.id, first);
  return { cameras: on(cameras, site.level, first), levelCameras };
}

/** Applies `fix` to every camera of a layout on the other levels. @param {Record<string, Camera[]>|undefined} levelCameras @param {(c: Camera) => Camera} fix */
export function fixLevelCameras(levelCameras, fix) {
  if (!levelCameras) return levelCameras;
  let changed = false;
  /** @type {Record<string, Camera[]>} */
  const out = {};
  for (const [id, cams] of Object.entries(levelCameras)) {
    const next = cams.map(fix);
    out[id] = next.every((c, k) => c === cams[k]) ? cams : next;
    if (out[id] !== cams) changed = true;
  }
  return changed ? out : levelCameras;
}

/** Level `id` of the site (undefined when there is none). @param {Scenario} s @param {string} id */
export function levelNamed(s, id) {
  return levelsOf(s).find((l) => l.id === id);
}

/** The plan of level `id`: the shown one's or one kept in `site`. @param {Scenario} s @param {string} id @returns {Plan|undefined} */
export function planOfLevel(s, id) {
  const site = siteOf(s);
  if (!site) return undefined;
  return id === site.level ? s.plan : site.plans[id];
}
