// @ts-check
/**
 * The plan editor's chrome: the bar over the plan (modes, the kind of new walls, grid
 * snapping, what to do next) and the properties card in the side panel for the selected
 * walls or zone: a wall's kind, open (doors), opaque (windows, glass, railings) and
 * exterior; a zone's name, kind, priority and required level. Fields apply on change
 * (Enter or leaving the field), each change one undoable edit. DOM with textContent only.
 */

import { el, $ } from './dom.js';
import { fmtNum } from '../format.js';
import { WALL_KINDS, ZONE_KINDS, pathLength } from '../model/plan.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Wall} Wall */
/** @typedef {import('../model/scenario.js').Zone} Zone */

/**
 * @typedef {{
 *   setMode: (mode: string) => void,
 *   setNewKind: (kind: string) => void,
 *   setGrid: (on: boolean) => void,
 *   setWalls: (ids: string[], patch: {kind?: string, open?: boolean, opaque?: boolean|null, exterior?: boolean}) => void,
 *   setZone: (id: string, patch: {name?: string, kind?: string, priority?: number, required_level?: string|null}) => void,
 *   deleteSelection: () => void,
 *   split: () => void,
 *   done: () => void,
 *   underlay: () => void,
 * }} PlanPanelActions
 * `underlay` shows the Underlay card (a scan to trace over) and, without one, offers to load it.
 */

/**
 * @typedef {{active: boolean, mode: string, newKind: string, gridOn: boolean,
 *   walls: string[], zone: string|null, vertex: boolean, prepareMs: number, slow: boolean}} PlanPanelState
 * `prepareMs`: how long the core took to take the last plan edit; `slow`: drags sketch and
 * the coverage follows when the pointer rests.
 */

const MODES = [
  ['select', 'Select', 'V', 'Select walls and zones; drag corners (V)'],
  ['wall', 'Walls', 'W', 'Draw walls: click corners, Enter or double-click to finish (W)'],
  ['zone', 'Zone', 'Z', 'Draw a zone polygon (Z)'],
  ['room', 'Room → zone', 'R', 'Click inside a room closed by walls to make its zone (R)'],
  ['hole', 'Hole', 'H', 'Draw a hole in the selected zone (H)'],
];

const HINTS = /** @type {Record<string, string>} */ ({
  select: 'Click a wall or zone · drag a corner · Shift+drag: box · Del deletes · S splits at a corner',
  wall: 'Click corners · type a length, Enter · Enter or double-click finishes · Esc cancels · Alt: no snap',
  zone: 'Click corners · click the first to close · Enter finishes · Esc cancels',
  room: 'Click inside a closed room: its zone follows the walls (doors and windows count as walls)',
  hole: 'Click the hole\'s corners inside the selected zone · Enter finishes',
});

export class PlanPanel {
  /** @param {PlanPanelActions} actions */
  constructor(actions) {
    this.a = actions;
    this.bar = $('plan-bar');
    this.card = $('plan-props');
    this.body = $('plan-props-body');
    this.hint = el('span', { class: 'plan-hint' });
    /** @type {Map<string, HTMLButtonElement>} */
    this.modeButtons = new Map();
    this.kind = /** @type {HTMLSelectElement} */ (el('select', { id: 'plan-new-kind', title: 'The kind of the walls you draw' }));
    for (const k of WALL_KINDS) this.kind.append(el('option', { value: k, text: k }));
    this.kind.addEventListener('change', () => this.a.setNewKind(this.kind.value));
    this.grid = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id: 'plan-grid' }));
    this.grid.addEventListener('change', () => this.a.setGrid(this.grid.checked));
    const group = el('div', { class: 'plan-modes', role: 'group', 'aria-label': 'Plan editing tools' });
    for (const [id, text, key, title] of MODES) {
      const b = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: `plan-mode-${id}`, title, 'aria-pressed': 'false' },
        [text, el('kbd', { text: key })]));
      b.addEventListener('click', () => this.a.setMode(id));
      this.modeButtons.set(id, b);
      group.append(b);
    }
    const underlay = el('button', { type: 'button', id: 'plan-underlay', title: 'Trace over a scanned plan: a PNG, JPEG or PDF under the plan, calibrated to scale' }, ['Underlay…']);
    underlay.addEventListener('click', () => this.a.underlay());
    const done = el('button', { type: 'button', id: 'plan-done', class: 'primary', title: 'Back to cameras (E or Esc)' }, ['Done']);
    done.addEventListener('click', () => this.a.done());
    this.bar.append(
      el('strong', { text: 'Editing the plan' }), group,
      el('label', { for: 'plan-new-kind', text: 'new:' }), this.kind,
      el('label', { class: 'plan-grid' }, [this.grid, ' snap to grid (G)']),
      el('div', { class: 'plan-hint-row' }, [this.hint, underlay]), el('span', { class: 'spacer' }), done,
    );
    /** The selection and plan the card was built for. @type {unknown[]} */
    this.built = [];
  }

  /** @param {Scenario} s @param {PlanPanelState} st @param {string[]} levels */
  update(s, st, levels) {
    this.bar.hidden = !st.active;
    this.card.hidden = !st.active;
    document.body.classList.toggle('plan-editing', st.active);
    if (!st.active) return;
    for (const [id, b] of this.modeButtons) b.setAttribute('aria-pressed', String(id === st.mode));
    this.kind.value = st.newKind;
    this.grid.checked = st.gridOn;
    this.hint.textContent = (HINTS[st.mode] ?? '') + (st.slow && (st.mode === 'select')
      ? ` · this plan takes ${Math.round(st.prepareMs)} ms to prepare: while you drag, coverage follows when you pause`
      : '');
    const key = [s.plan, st.walls.join('\n'), st.zone, st.vertex, levels.join('\n')];
    if (key.every((k, i) => k === this.built[i])) return;
    // Never rebuild under the user's cursor: a field being edited keeps its text.
    if (this.card.contains(document.activeElement) && document.activeElement?.tagName === 'INPUT' && this.built[1] === key[1] && this.built[2] === key[2]) return;
    this.built = key;
    this.body.replaceChildren(...this.content(s, st, levels));
  }

  /** @param {Scenario} s @param {PlanPanelState} st @param {string[]} levels @returns {HTMLElement[]} */
  content(s, st, levels) {
    const walls = s.plan.walls.filter((w) => st.walls.includes(w.id));
    const zone = st.zone === null ? undefined : s.plan.zones.find((z) => z.id === st.zone);
    if (walls.length) return this.wallFields(walls, st.vertex);
    if (zone) return this.zoneFields(zone, levels);
    return [
      el('p', { class: 'note', text: `${s.plan.walls.length} walls, ${s.plan.zones.length} zones. Select a wall or a zone to edit it, or draw: W walls, Z a zone, R a zone from a room.` }),
    ];
  }

  /** @param {Wall[]} walls @param {boolean} vertex */
  wallFields(walls, vertex) {
    const ids = walls.map((w) => w.id);
    const first = walls[0];
    const mixed = (/** @type {(w: Wall) => unknown} */ get) => walls.some((w) => get(w) !== get(first));
    const out = [];
    const len = walls.reduce((a, w) => a + pathLength(w.path), 0);
    out.push(el('p', { class: 'plan-what' }, [
      el('strong', { text: walls.length === 1 ? first.id : `${walls.length} walls` }),
      ` · ${fmtNum(len, 2)} m${walls.length === 1 ? ` · ${first.path.length} corners` : ''}`,
    ]));
    const kind = /** @type {HTMLSelectElement} */ (el('select', { id: 'wall-kind' }));
    if (mixed((w) => w.kind)) kind.append(el('option', { value: '', text: '(mixed)' }));
    for (const k of WALL_KINDS) kind.append(el('option', { value: k, text: k }));
    kind.value = mixed((w) => w.kind) ? '' : first.kind;
    kind.addEventListener('change', () => { if (kind.value) this.a.setWalls(ids, { kind: kind.value }); });
    out.push(field('Kind', kind, 'wall-kind'));
    const doors = walls.every((w) => w.kind === 'door');
    if (doors) {
      const open = check('wall-open', !!first.open && !mixed((w) => !!w.open));
      open.addEventListener('change', () => this.a.setWalls(ids, { open: open.checked }));
      out.push(checkField('Open (sight passes through)', open));
    }
    const seeThrough = walls.every((w) => w.kind === 'window' || w.kind === 'glass' || w.kind === 'railing');
    if (seeThrough) {
      const opaque = /** @type {HTMLSelectElement} */ (el('select', { id: 'wall-opaque' }));
      const def = first.kind === 'window' ? 'opaque' : 'see-through';
      opaque.append(el('option', { value: '', text: `kind's default (${def})` }), el('option', { value: 'yes', text: 'opaque (blocks sight)' }),
        el('option', { value: 'no', text: 'see-through' }));
      opaque.value = first.opaque === undefined ? '' : first.opaque ? 'yes' : 'no';
      opaque.addEventListener('change', () => this.a.setWalls(ids, { opaque: opaque.value === '' ? null : opaque.value === 'yes' }));
      out.push(field('Sight', opaque, 'wall-opaque'));
    }
    const ext = check('wall-exterior', !!first.exterior && !mixed((w) => !!w.exterior));
    ext.addEventListener('change', () => this.a.setWalls(ids, { exterior: ext.checked }));
    out.push(checkField('Exterior (a way in from outside)', ext));
    const actions = el('div', { class: 'editor-actions' });
    if (vertex && walls.length === 1) {
      const split = el('button', { type: 'button', id: 'wall-split', title: 'Split the wall at the selected corner (S)', text: 'Split here' });
      split.addEventListener('click', () => this.a.split());
      actions.append(split);
    }
    const del = el('button', { type: 'button', id: 'plan-delete', class: 'danger', text: vertex ? 'Delete corner' : walls.length === 1 ? 'Delete wall' : `Delete ${walls.length} walls` });
    del.addEventListener('click', () => this.a.deleteSelection());
    actions.append(del);
    out.push(actions);
    return out;
  }

  /** @param {Zone} zone @param {string[]} levels */
  zoneFields(zone, levels) {
    const out = [];
    out.push(el('p', { class: 'plan-what' }, [el('strong', { text: zone.id }),
      ` · ${zone.polygon.length} corners${zone.holes?.length ? ` · ${zone.holes.length} hole${zone.holes.length === 1 ? '' : 's'}` : ''}`]));
    const name = /** @type {HTMLInputElement} */ (el('input', { id: 'zone-name', type: 'text', spellcheck: 'false' }));
    name.value = zone.name;
    name.addEventListener('change', () => { if (name.value.trim()) this.a.setZone(zone.id, { name: name.value.trim() }); else name.value = zone.name; });
    out.push(field('Name', name, 'zone-name'));
    const kind = /** @type {HTMLSelectElement} */ (el('select', { id: 'zone-kind' }));
    for (const k of ZONE_KINDS) kind.append(el('option', { value: k, text: k }));
    kind.value = zone.kind;
    kind.addEventListener('change', () => this.a.setZone(zone.id, { kind: kind.value }));
    out.push(field('Kind', kind, 'zone-kind'));
    const prio = /** @type {HTMLInputElement} */ (el('input', { id: 'zone-priority', type: 'number', min: '0.1', step: '1', inputmode: 'decimal' }));
    prio.value = String(zone.priority ?? 1);
    prio.addEventListener('change', () => {
      const v = Number(prio.value);
      if (prio.value.trim() && Number.isFinite(v) && v > 0) this.a.setZone(zone.id, { priority: v });
      else { prio.value = String(zone.priority ?? 1); prio.setCustomValidity(''); }
    });
    out.push(field('Priority', prio, 'zone-priority'));
    const level = /** @type {HTMLSelectElement} */ (el('select', { id: 'zone-level' }));
    level.append(el('option', { value: '', text: 'none (seen at all)' }));
    for (const l of levels) level.append(el('option', { value: l, text: l }));
    level.value = zone.required_level ?? '';
    level.addEventListener('change', () => this.a.setZone(zone.id, { required_level: level.value || null }));
    out.push(field('Required level', level, 'zone-level'));
    const actions = el('div', { class: 'editor-actions' });
    const hole = el('button', { type: 'button', id: 'zone-hole', text: 'Add hole', title: 'Draw a hole in this zone (H)' });
    hole.addEventListener('click', () => this.a.setMode('hole'));
    const del = el('button', { type: 'button', id: 'plan-delete', class: 'danger', text: 'Delete zone' });
    del.addEventListener('click', () => this.a.deleteSelection());
    actions.append(hole, del);
    out.push(actions);
    return out;
  }
}

/** @param {string} text @param {HTMLElement} control @param {string} id */
function field(text, control, id) {
  return el('div', { class: 'field' }, [el('label', { for: id, text }), control]);
}

/** @param {string} id @param {boolean} on */
function check(id, on) {
  const c = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id }));
  c.checked = on;
  return c;
}

/** @param {string} text @param {HTMLInputElement} box */
function checkField(text, box) {
  return el('div', { class: 'field check' }, [el('label', { for: box.id }, [box, ` ${text}`])]);
}
