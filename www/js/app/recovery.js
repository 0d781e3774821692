// @ts-check
/**
 * The page survives a failure of the core. A panic in the core traps; memory after a trap
 * is not to be trusted, so the instance is dropped: a fresh one is started and the plan is
 * rebuilt from the page's own scenario (the single source of truth), as it was before the
 * step that failed. The user is told what failed and where; the step that failed (opening
 * a file, an edit) is not applied; the plan, its layouts and their history keep working,
 * with no reload of the page.
 */

import { loadCore, isTrap, takePanicMessage } from '../core/load.js';
import { CoreDown, errorMessage } from '../core/mirror.js';

/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('../model/history.js').Store} Store */
/** @typedef {import('./messages.js').Messages} Messages */

/**
 * @typedef {{mirror: SceneMirror, store: Store, messages: Messages, restarted: () => void}} RecoveryDeps
 * `restarted` redraws and refreshes once the plan is back.
 */

export class Recovery {
  /** @param {RecoveryDeps} deps */
  constructor(deps) {
    this.d = deps;
    /** @type {Promise<void>|null} */
    this.restarting = null;
    /** Failures seen (tests read them): what was being done, what the core said. @type {{what: string, message: string}[]} */
    this.failures = [];
  }

  /**
   * Handles an error from a call into the core. A trap is reported and the core restarted;
   * a call while it restarts is refused with a message. Returns false for anything else
   * (a refusal with the core's message, for the caller to show).
   * @param {unknown} e @param {string} what the step that failed, as the user would say it
   */
  handle(e, what) {
    if (e instanceof CoreDown) {
      this.d.messages.showError(`${what}: not possible right now`, e.message);
      return true;
    }
    if (!isTrap(e) && !this.d.mirror.down) return false;
    const message = takePanicMessage() ?? errorMessage(e);
    this.failures.push({ what, message });
    console.error(`the core failed (${what}):`, message);
    this.d.messages.showError(`${what}: the planner's core failed`,
      `${message}. This step was not applied. The core was restarted and your plan rebuilt as it was before it, with every layout; nothing else was lost.`);
    this.restart();
    return true;
  }

  /** Starts a fresh core and rebuilds the plan (once, however many calls failed). */
  restart() {
    this.restarting ??= (async () => {
      try {
        const core = await loadCore();
        this.d.mirror.restart(core, this.d.store.scenario);
        this.d.restarted();
      } catch (e) {
        // The plan itself is the page's, not the core's: it can still be saved.
        this.d.messages.showError('The planner\'s core could not be restarted', `${errorMessage(e)}. Save your plan (Save, or Ctrl+S) and reload the page.`);
      } finally {
        this.restarting = null;
      }
    })();
    return this.restarting;
  }
}
