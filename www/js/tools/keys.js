// @ts-check
/**
 * The keyboard: the app's shortcuts (undo, redo, save, open, duplicate, help, the add
 * mode, fit, zoom, pan), and every other key to the active tool first. A key pressed in
 * a text field stays there (except save and open), and keys wait while a dialog is open
 * (dialogs have their own).
 */

/** @typedef {import('./pointer.js').ToolHost} ToolHost */

/**
 * @typedef {{
 *   undo: () => void, redo: () => void, save: () => void, open: () => void,
 *   duplicate: () => void, help: () => void, toggleAdd: () => void, fit: () => void,
 *   zoomBy: (factor: number) => void, panBy: (dx: number, dy: number) => void, togglePlan: () => void,
 * }} AppKeys
 */

/** True when a key press goes to a text field, not to the plan. @param {EventTarget|null} t */
function isTyping(t) {
  const e = /** @type {HTMLElement|null} */ (t);
  const tag = e?.tagName ?? '';
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || !!e?.isContentEditable;
}

/** @param {ToolHost} tools @param {AppKeys} app */
export function installKeys(tools, app) {
  document.addEventListener('keydown', (e) => {
    if (document.querySelector('dialog[open]')) return;
    const typing = isTyping(e.target);
    const mod = e.ctrlKey || e.metaKey;
    // Shortcuts that also work from a field.
    if (mod && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !typing) { e.preventDefault(); if (e.shiftKey) app.redo(); else app.undo(); return; }
      if (k === 'y' && !typing) { e.preventDefault(); app.redo(); return; }
      if (k === 's') { e.preventDefault(); app.save(); return; }
      if (k === 'o') { e.preventDefault(); app.open(); return; }
      if (k === 'd' && !typing) { e.preventDefault(); app.duplicate(); return; }
      return;
    }
    if (typing) return;
    if (tools.tool().key(e)) return;
    if (e.key === '?') { e.preventDefault(); app.help(); return; }
    if (e.key === 'n' || e.key === 'N') { e.preventDefault(); app.toggleAdd(); return; }
    if (e.key === 'e' || e.key === 'E') { e.preventDefault(); app.togglePlan(); return; }
    if (e.key === 'f' || e.key === 'F' || e.key === '0') { e.preventDefault(); app.fit(); return; }
    if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
      e.preventDefault();
      app.zoomBy(e.key === '+' || e.key === '=' ? 1.25 : 0.8);
      return;
    }
    /** @type {Record<string, [number, number]>} */
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (e.key in arrows) {
      // Nothing took the arrows (no camera selected): they pan.
      e.preventDefault();
      const [dx, dy] = arrows[e.key];
      app.panBy(-dx * 60, dy * 60);
    }
  });
}
