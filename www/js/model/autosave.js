// @ts-check
/**
 * Saves the scenario to localStorage shortly after each change (and when the page is
 * hidden) and reads it back on the next visit.
 */

/** @typedef {import('./scenario.js').Scenario} Scenario */

const AUTOSAVE_KEY = 'blindspot.autosave.v1';

export class Autosave {
  /**
   * @param {Storage|null} storage @param {number} [delayMs]
   * @param {(s: Scenario) => {text: string, active?: number}} [serialize] the file text to keep (and which layout is shown)
   * @param {(message: string) => void} [onError] told when a save fails (storage full or disabled), once per kind of failure
   */
  constructor(storage, delayMs = 400, serialize = (s) => ({ text: JSON.stringify(s) }), onError = () => {}) {
    this.storage = storage;
    this.delayMs = delayMs;
    this.serialize = serialize;
    this.onError = onError;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    /** @type {Scenario|null} */
    this.pending = null;
    /** @type {string|null} */
    this.lastError = null;
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
    try {
      const { text, active } = this.serialize(s);
      this.storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), text, active: active ?? 0 }));
      this.lastError = null;
    } catch (e) {
      // Quota exceeded (very large plans) or storage disabled: the work is still in the
      // page, but the user must know a reload would lose it.
      const message = e instanceof Error ? e.message : String(e);
      if (message !== this.lastError) this.onError(message);
      this.lastError = message;
    }
  }

  /**
   * The saved plan, or null when there is none.
   * @returns {{savedAt: string, text: string, active: number}|null}
   * @throws {Error} when the saved entry cannot be read (not ours, or damaged), saying why
   */
  load() {
    if (!this.storage) return null;
    const raw = this.storage.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    let v;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw new Error(`the autosave (${AUTOSAVE_KEY}) is not valid JSON: ${e instanceof Error ? e.message : e}`);
    }
    if (typeof v?.text !== 'string') throw new Error(`the autosave (${AUTOSAVE_KEY}) has no plan text`);
    return { savedAt: String(v.savedAt ?? ''), text: v.text, active: Number.isInteger(v.active) ? v.active : 0 };
  }

}
