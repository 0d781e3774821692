// @ts-check
/**
 * The self-contained file: the planner (page, styles, every module, the wasm core) and a
 * plan in one HTML file that opens by double-click, from a disk or a USB stick, with no
 * server and no request at all (docs/web-app.md, "The self-contained file").
 *
 * Without a bundler: the file carries each module's source as data, and a small loader
 * (LOADER below, allowed by its hash in the file's Content-Security-Policy) turns each
 * into a blob: URL, leaves first, rewriting its relative imports (`from './x.js'`, `new
 * URL('./x', import.meta.url)`, and a relative '.js' string that names a module) to the
 * blob URLs of their targets. The static import graph has no cycle (the loader says so
 * if one appears). The wasm is a blob too, fetched by the generated bindings as usual.
 *
 * Saving works the same from a served page (it fetches its own files) and from a
 * self-contained file (it reuses the data it carries).
 */

import { downloadText } from './files.js';

/**
 * What a self-contained file carries.
 * @typedef {{modules: Record<string, string>, wasm: string, page: {html: string, css: string, icon: string},
 *   scenario: unknown, active: number}} OfflineData
 */

/**
 * The loader, run as the file's one inline script. Constant text: its hash goes in the
 * file's CSP. Exposes the data as `window.__blindspotOffline` for the page (the plan to
 * open, and what saving again needs).
 */
export const LOADER = `(() => {
  const data = JSON.parse(document.getElementById('bs-offline').textContent);
  window.__blindspotOffline = data;
  const bytes = Uint8Array.from(atob(data.wasm), (c) => c.charCodeAt(0));
  const urls = new Map([['pkg/blindspot_bg.wasm', URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }))]]);
  const resolve = (from, rel) => {
    const parts = from.split('/').slice(0, -1);
    for (const p of rel.split('/')) {
      if (p === '..') parts.pop();
      else if (p !== '.') parts.push(p);
    }
    return parts.join('/');
  };
  const url = (path, chain) => {
    if (urls.has(path)) return urls.get(path);
    const src = data.modules[path];
    if (src === undefined) throw new Error('the self-contained file lacks ' + path);
    if (chain.includes(path)) throw new Error('modules import each other in a circle: ' + chain.concat(path).join(' > '));
    const next = chain.concat(path);
    const to = (rel) => url(resolve(path, rel), next);
    const text = src
      .replace(/^(\\s*(?:import|export)\\b[^'"\\n;]*?)(['"])(\\.{1,2}\\/[^'"]+)\\2/gm, (_m, head, q, rel) => head + q + to(rel) + q)
      .replace(/new URL\\((['"])([^'"]+)\\1,\\s*import\\.meta\\.url\\)/g, (_m, q, rel) => 'new URL(' + q + to(rel) + q + ')')
      // A module named in a string (core/load.js names the bindings so); not a type
      // import in a JSDoc comment, which names a module without loading it.
      .replace(/(['"])(\\.{1,2}\\/[^'"\\n]+\\.js)\\1/g, (m, q, rel, at, whole) =>
        (/import\\($/.test(whole.slice(Math.max(0, at - 7), at)) || data.modules[resolve(path, rel)] === undefined ? m : q + to(rel) + q));
    const u = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    urls.set(path, u);
    return u;
  };
  try {
    import(url('js/main.js', [])).catch((e) => { document.getElementById('loading').textContent = 'The planner could not start: ' + e.message; });
  } catch (e) {
    document.getElementById('loading').textContent = 'The planner could not start: ' + e.message;
  }
})();`;

/** The data of the self-contained file this page was opened from, if it was. @returns {OfflineData|null} */
export function offlineData() {
  return /** @type {any} */ (window).__blindspotOffline ?? null;
}

/**
 * The module paths a module refers to: by its imports and `new URL` (`needed`), and by
 * relative '.js' strings (`maybe`: a module if the server has it, like core/load.js's
 * '../../pkg/blindspot.js'; not the bindings' './blindspot_bg.js' import name).
 * @param {string} path @param {string} src
 */
function references(path, src) {
  const dir = path.split('/').slice(0, -1);
  /** @param {string} rel */
  const resolve = (rel) => {
    const parts = dir.slice();
    for (const p of rel.split('/')) {
      if (p === '..') parts.pop();
      else if (p !== '.') parts.push(p);
    }
    return parts.join('/');
  };
  const needed = new Set();
  for (const m of src.matchAll(/^\s*(?:import|export)\b[^'"\n;]*?(['"])(\.{1,2}\/[^'"]+)\1/gm)) needed.add(resolve(m[2]));
  for (const m of src.matchAll(/new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g)) needed.add(resolve(m[2]));
  const maybe = new Set();
  for (const m of src.matchAll(/(['"])(\.{1,2}\/[^'"\n]+\.js)\1/g)) {
    const p = resolve(m[2]);
    if (!/import\($/.test(src.slice(Math.max(0, (m.index ?? 0) - 7), m.index)) && !needed.has(p)) maybe.add(p);
  }
  return { needed: [...needed].filter((p) => p.endsWith('.js')), maybe: [...maybe] };
}

/** @param {string} path @returns {Promise<Response>} */
async function get(path) {
  const res = await fetch(path, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

/** @param {ArrayBuffer} buf */
function base64(buf) {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** What the file needs, fetched from the server this page came from. @returns {Promise<Omit<OfflineData, 'scenario'|'active'>>} */
async function fetchOwnFiles() {
  /** @type {Record<string, string>} */
  const modules = {};
  /** @type {{path: string, optional: boolean}[]} */
  const todo = [{ path: 'js/main.js', optional: false }];
  const absent = new Set();
  while (todo.length) {
    const { path, optional } = /** @type {{path: string, optional: boolean}} */ (todo.pop());
    if (path in modules || absent.has(path)) continue;
    const res = await fetch(path, { cache: 'no-cache' });
    if (!res.ok) {
      if (optional && res.status === 404) { absent.add(path); continue; }
      throw new Error(`${path}: HTTP ${res.status}`);
    }
    modules[path] = await res.text();
    const refs = references(path, modules[path]);
    for (const dep of refs.needed) todo.push({ path: dep, optional: false });
    for (const dep of refs.maybe) todo.push({ path: dep, optional: true });
  }
  const [html, css, icon, wasm] = await Promise.all([
    get('index.html').then((r) => r.text()), get('css/app.css').then((r) => r.text()), get('favicon.svg').then((r) => r.text()),
    get('pkg/blindspot_bg.wasm').then((r) => r.arrayBuffer()),
  ]);
  return { modules, wasm: base64(wasm), page: { html, css, icon } };
}

/** @param {string} text @returns {Promise<string>} 'sha256-…' for a CSP */
async function cspHash(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${base64(digest)}'`;
}

/** Replaces `from` in `text`, or fails naming what the page no longer holds. @param {string} text @param {RegExp} from @param {string} to */
function replaceOnce(text, from, to) {
  if (!from.test(text)) throw new Error(`the page's index.html no longer has ${from} (the self-contained file is built from it)`);
  return text.replace(from, () => to);
}

/**
 * The self-contained file's HTML for `scenario`: the page's own markup with its styles
 * inline, its modules and wasm as data, and a policy allowing nothing but them.
 * @param {Omit<OfflineData, 'scenario'|'active'>} own @param {unknown} file the scenario in file form @param {number} active
 */
export async function offlineHtml(own, file, active) {
  /** @type {OfflineData} */
  const data = { ...own, scenario: file, active };
  // Inside a script element: no "</script>" may appear, so every "<" is escaped.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const css = own.page.css;
  // The page's own style hashes (the report's stylesheet, for a report opened in a tab).
  const pageCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(own.page.html)?.[1] ?? '';
  const styleHashes = (/style-src ([^;]*)/.exec(pageCsp)?.[1] ?? '').split(/\s+/).filter((t) => t.startsWith("'sha256-"));
  const csp = [
    "default-src 'none'", `script-src ${await cspHash(LOADER)} blob: 'wasm-unsafe-eval'`, 'worker-src blob:', 'connect-src blob:',
    `style-src ${[await cspHash(css), ...styleHashes].join(' ')}`, 'img-src data: blob:', "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  let html = own.page.html;
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = replaceOnce(html, /<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(own.page.icon)}">`);
  html = replaceOnce(html, /<link rel="stylesheet" href="css\/app.css">/, `<style>${css}</style>`);
  html = replaceOnce(html, /<script type="module" src="js\/main.js"><\/script>/, '');
  html = replaceOnce(html, /<\/body>/, `<script type="application/json" id="bs-offline">${json}</script>\n<script>${LOADER}</script>\n</body>`);
  return html;
}

/**
 * Offers the self-contained file of a plan as a download: `file` is the scenario in file
 * form (every layout), `active` the layout that opens first.
 * @param {unknown} file @param {number} active @param {string} name the download's name
 */
export async function saveOffline(file, active, name) {
  const data = offlineData();
  const own = data ? { modules: data.modules, wasm: data.wasm, page: data.page } : await fetchOwnFiles();
  downloadText(name, await offlineHtml(own, file, active), 'text/html;charset=utf-8');
}
