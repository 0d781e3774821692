// @ts-check
/**
 * The page's DOM helpers, one copy each. Everything is built with DOM calls and
 * textContent: text from files and users never goes through innerHTML.
 */

/**
 * @param {string} tag @param {Record<string, string>|null} [attrs] (`class` sets the class
 *   name, `text` the text content, the rest are attributes) @param {(Node|string|null)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attrs = null, children = []) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

/** The element with this id; throws when the page has none (a missing id is a bug, never a silent no-op). @param {string} id */
export function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no element #${id}`);
  return e;
}

/** @param {string} id */
export const input = (id) => /** @type {HTMLInputElement} */ ($(id));
/** @param {string} id */
export const button = (id) => /** @type {HTMLButtonElement} */ ($(id));
/** @param {string} id */
export const select = (id) => /** @type {HTMLSelectElement} */ ($(id));
/** @param {string} id */
export const dialog = (id) => /** @type {HTMLDialogElement} */ ($(id));
