// @ts-check
/**
 * A text input with a filtered list of suggestions (an ARIA combobox), for choices too many
 * for a <select>: a plan of 88,000 zones would otherwise build 88,000 <option>s. Only the
 * first `limit` matches are ever in the DOM; typing filters (every word typed must be in the
 * item's label or value, case ignored), the arrow keys move through the suggestions, Enter
 * or a click picks one, Escape closes the list. The choice is `value` (also the input's
 * `data-value`); the text shown is its label. Built with DOM calls and textContent only.
 */

import { el } from '../panels/dom.js';

/** @typedef {{value: string, label: string}} PickItem */

export class PickList {
  /**
   * @param {HTMLInputElement} input the text input (role combobox)
   * @param {HTMLElement} list the listbox under it
   * @param {{limit?: number, picked?: (value: string) => void}} [opts]
   */
  constructor(input, list, opts = {}) {
    this.input = input;
    this.list = list;
    this.limit = opts.limit ?? 50;
    this.picked = opts.picked ?? (() => {});
    /** @type {PickItem[]} */
    this.items = [];
    /** Each item's label and value, lower case, for filtering. @type {string[]} */
    this.haystack = [];
    /** The suggestions shown (items' indices) and the one active. @type {number[]} */
    this.shown = [];
    this.active = -1;
    this.chosen = '';
    this.emptyText = '';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.autocomplete = 'off';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.addEventListener('input', () => this.open(input.value));
    input.addEventListener('focus', () => { input.select(); this.open(''); });
    input.addEventListener('blur', () => this.close(true));
    input.addEventListener('keydown', (e) => this.key(e));
    // mousedown, not click: the input's blur would close the list first.
    list.addEventListener('mousedown', (e) => {
      const li = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (e.target).closest('[role=option]'));
      if (!li) return;
      e.preventDefault();
      this.pick(Number(li.dataset.index));
    });
  }

  /**
   * The choices, in the order suggested; the choice is kept while it is still one of them,
   * else the first is chosen (none when empty: `empty` is then shown as a placeholder).
   * @param {PickItem[]} items @param {string} [empty]
   */
  setItems(items, empty = '') {
    this.items = items;
    this.haystack = items.map((it) => `${it.label}\u0000${it.value}`.toLowerCase());
    this.emptyText = empty;
    const keep = items.some((it) => it.value === this.chosen) ? this.chosen : (items[0]?.value ?? '');
    this.set(keep);
    if (!this.list.hidden) this.open(this.input.value === this.labelOf(this.chosen) ? '' : this.input.value);
  }

  /** The value chosen ('' when none). */
  get value() {
    return this.chosen;
  }

  /** Chooses `value` (one of the items' values, else nothing). @param {string} value */
  set value(value) {
    this.set(value);
  }

  /** @param {string} value */
  set(value) {
    const it = this.items.find((x) => x.value === value);
    this.chosen = it ? it.value : '';
    this.input.value = it ? it.label : '';
    this.input.placeholder = it ? '' : this.emptyText;
    this.input.dataset.value = this.chosen;
  }

  /** @param {string} value */
  labelOf(value) {
    return this.items.find((x) => x.value === value)?.label ?? '';
  }

  /** Shows the first `limit` items matching `text` (all words, any order). @param {string} text */
  open(text) {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    /** @type {number[]} */
    const shown = [];
    let more = 0;
    for (let i = 0; i < this.items.length; i++) {
      const h = this.haystack[i];
      if (!words.every((w) => h.includes(w))) continue;
      if (shown.length < this.limit) shown.push(i);
      else more++;
    }
    this.shown = shown;
    this.active = shown.length ? 0 : -1;
    const id = this.list.id;
    this.list.replaceChildren(
      ...shown.map((i, k) => el('li', {
        role: 'option', id: `${id}-${k}`, 'data-index': String(i), 'data-value': this.items[i].value,
        'aria-selected': String(k === this.active), text: this.items[i].label,
      })),
      ...(shown.length ? [] : [el('li', { class: 'pick-none', text: 'nothing matches' })]),
      ...(more ? [el('li', { class: 'pick-more', text: `${more.toLocaleString('en')} more: type to narrow` })] : []),
    );
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.markActive();
  }

  /** Closes the list; on leaving the input, the text goes back to the choice. @param {boolean} revert */
  close(revert) {
    this.list.hidden = true;
    this.list.replaceChildren();
    this.shown = [];
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    if (revert) this.set(this.chosen);
  }

  /** @param {number} index an item's index */
  pick(index) {
    const it = this.items[index];
    if (!it) return;
    this.set(it.value);
    this.close(false);
    this.picked(it.value);
  }

  markActive() {
    const opts = this.list.querySelectorAll('[role=option]');
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === this.active)));
    const a = opts[this.active];
    if (a) {
      this.input.setAttribute('aria-activedescendant', a.id);
      a.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.list.hidden) { this.open(''); return; }
      const n = this.shown.length;
      if (!n) return;
      this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n;
      this.markActive();
    } else if (e.key === 'Enter') {
      if (this.list.hidden || this.active < 0) return;
      e.preventDefault();
      this.pick(this.shown[this.active]);
    } else if (e.key === 'Escape') {
      if (this.list.hidden) return;
      e.preventDefault();
      this.close(true);
    }
  }
}
