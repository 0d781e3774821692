// @ts-check
/**
 * Saves the scenario shortly after each change (and when the page is hidden) and reads it
 * back on the next visit. A plan's text goes to local storage; a large one (at least
 * LARGE_TEXT characters: local storage holds about 5 million per site) to the large-plan
 * store (IndexedDB, files/autosave-db.js), with a pointer to it in local storage, so the
 * newest save always wins on a reload.
 */

/** @typedef {import('./scenario.js').Scenario} Scenario */

const AUTOSAVE_KEY = 'blindspot.autosave.v1';

/** Texts at least this long are kept in the large-plan store (characters). */
export const LARGE_TEXT = 1_000_000;

/**
 * Where large plans are kept (files/autosave-db.js): one record, replaced by each save.
 * @typedef {{
 *   put: (plan: {savedAt: string, text: string, active: number}) => Promise<void>,
 *   get: () => Promise<{savedAt: string, text: string, active: number}|null>,
 *   clear: () => Promise<void>,
 * }} LargeStore
 */

/**
 * A file's JSON text with its plan's text kept per plan object: a camera edit of a plan
 * with hundreds of thousands of walls must not write the walls out again. The text is
 * what `JSON.stringify(file)` gives.
 */
export class FileText {
  constructor() {
    /** @type {WeakMap<object, string>} */
    this.plans = new WeakMap();
  }

  /**
   * Records the plan's JSON text (as JSON.stringify gives it) when it is already known
   * (the open worker wrote it out). @param {object} plan @param {string} text
   */
  know(plan, text) {
    this.plans.set(plan, text);
  }

  /** @param {Record<string, unknown> & {plan: object}} file */
  of(file) {
    // (Only an object can be a key; a file without a plan is written out as it is.)
    if (typeof file.plan !== 'object' || file.plan === null) return JSON.stringify(file);
    let plan = this.plans.get(file.plan);
    if (plan === undefined) {
      plan = JSON.stringify(file.plan);
      this.plans.set(file.plan, plan);
    }
    const parts = [];
    for (const [k, v] of Object.entries(file)) {
      const text = k === 'plan' ? plan : JSON.stringify(v);
      // JSON.stringify leaves out members whose value has no JSON form.
      if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
}

export class Autosave {
  /**
   * @param {Storage|null} storage @param {number} [delayMs]
   * @param {(s: Scenario) => {text: string, active?: number, level?: string}} [serialize] the file text to keep (and which layout and level are shown)
   * @param {(message: string) => void} [onError] told when a save fails (storage full or disabled), once per kind of failure
   * @param {LargeStore|null} [large] where texts of LARGE_TEXT characters or more go (none: local storage, which refuses them)
   */
  constructor(storage, delayMs = 400, serialize = (s) => ({ text: JSON.stringify(s) }), onError = () => {}, large = null) {
    this.storage = storage;
    this.delayMs = delayMs;
    this.serialize = serialize;
    this.onError = onError;
    this.large = large;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    /** @type {Scenario|null} */
    this.pending = null;
    /** @type {string|null} */
    this.lastError = null;
    /** Saves begun; a large save's pointer is written only if no later save began. */
    this.saves = 0;
    /** The last large save's write (tests wait for it). @type {Promise<void>|null} */
    this.writing = null;
    /** The large-plan store may hold a plan (one saved in an earlier visit, too). */
    this.largeHeld = true;
  }

  /** @param {Scenario} scenario */
  schedule(scenario) {
    this.pending = scenario;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const s = this.pending;
    this.pending = null;
    if (!s || !this.storage) return;
    const storage = this.storage;
    const save = ++this.saves;
    try {
      const { text, active = 0, level } = this.serialize(s);
      // The level shown, on a site of several levels (none: a plan of one level).
      const lv = typeof level === 'string' ? { level } : {};
      const savedAt = new Date().toISOString();
      if (text.length >= LARGE_TEXT && this.large) {
        const large = this.large;
        this.largeHeld = true;
        this.writing = large.put({ savedAt, text, active, ...lv }).then(() => {
          if (save !== this.saves) return;
          storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt, large: true, active, ...lv }));
          this.lastError = null;
        }).catch((e) => this.failed(e));
        return;
      }
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt, text, active, ...lv }));
      this.lastError = null;
      // A large plan saved before is not the newest any more: free its space.
      if (this.large && this.largeHeld) {
        this.largeHeld = false;
        this.large.clear().catch((e) => this.failed(e));
      }
    } catch (e) {
      this.failed(e);
    }
  }

  /** @param {unknown} e */
  failed(e) {
    // Quota exceeded or storage disabled: the work is still in the page, but the user
    // must know a reload would lose it.
    const message = e instanceof Error ? e.message : String(e);
    if (message !== this.lastError) this.onError(message);
    this.lastError = message;
  }

  /**
   * The saved plan, or null when there is none.
   * @returns {Promise<{savedAt: string, text: string, active: number, level?: string}|null>} `level`: the
   *   level shown, on a site of several levels
   * @throws {Error} when the saved entry cannot be read (not ours, damaged, or its large
   *   plan missing), saying why
   */
  async load() {
    if (!this.storage) return null;
    const raw = this.storage.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    let v;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw new Error(`the autosave (${AUTOSAVE_KEY}) is not valid JSON: ${e instanceof Error ? e.message : e}`);
    }
    const active = Number.isInteger(v?.active) ? v.active : 0;
    const lv = typeof v?.level === 'string' ? { level: v.level } : {};
    if (v?.large === true) {
      if (!this.large) throw new Error(`the autosave (${AUTOSAVE_KEY}) is a large plan, and this page has no store for large plans`);
      const rec = await this.large.get();
      // The record is this save or a newer one whose pointer was not written yet.
      if (!rec || typeof rec.text !== 'string' || !(String(rec.savedAt) >= String(v.savedAt))) {
        throw new Error(`the autosaved large plan (saved ${v.savedAt}) is missing from this browser's IndexedDB`);
      }
      return { savedAt: String(rec.savedAt), text: rec.text, active: Number.isInteger(rec.active) ? rec.active : active, ...lv };
    }
    if (typeof v?.text !== 'string') throw new Error(`the autosave (${AUTOSAVE_KEY}) has no plan text`);
    return { savedAt: String(v.savedAt ?? ''), text: v.text, active, ...lv };
  }
}
