// Checks the import rules between the folders of www/js (docs/web-app.md, "Architecture"):
// which folder may import which, at run time (import statements) and for types only
// (JSDoc `import('...')`). Prints every import that breaks a rule and exits 1 if any does.
//   node scripts/check-web-imports.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../www/js');

// What each folder may import at run time. `app/` and `main.js` wire everything together.
// format.js and palette.js are leaves: number formats and colours, importing nothing.
const LEAVES = ['format.js', 'palette.js'];
// idb.js is a leaf too: one IndexedDB object store, for the two folders that keep bytes.
const STORAGE = ['idb.js'];
const RUNTIME = {
  'model': ['model'],
  'view': ['view'],
  'core': ['core', 'model', 'pkg'],
  'render': ['render', 'view', 'model', ...LEAVES],
  'tools': ['tools', 'view', 'model'],
  'panels': ['panels', 'model', ...LEAVES],
  'dialogs': ['dialogs', 'panels', 'render', 'view', 'model', ...LEAVES],
  'budget': ['budget', 'panels', 'model', 'core', ...LEAVES],
  'security': ['security', 'panels', 'model', 'core', 'view', ...LEAVES],
  'files': ['files', 'core', ...STORAGE],
  // Tracing over a scanned plan: the card and bar (DOM through panels/dom.js), files, IndexedDB, pdfjs.
  'underlay': ['underlay', 'panels', 'model', 'view', ...LEAVES, ...STORAGE],
  'app': ['*'],
  'main.js': ['*'],
  'format.js': [],
  'palette.js': [],
  'idb.js': [],
};
// Types may also come from the document (model/), the frame and view contracts (view/)
// and the data the core hands over (core/types.js, core/shapes.js); dialogs and app see
// every type they are handed.
const TYPES_EVERYWHERE = ['model', 'view', 'core/types.js', 'core/shapes.js'];
const EXTRA_TYPES = { dialogs: ['core', 'budget'], panels: [], tools: [], render: [], underlay: ['tools/underlay-tool.js'] };

/** The folder (or top-level file) a path inside www/js belongs to; 'pkg' for the bindings. @param {string} abs */
function areaOf(abs) {
  const rel = path.relative(root, abs).split(path.sep);
  if (rel[0] === '..' && rel[1] === 'pkg') return 'pkg';
  if (rel[0] === '..') return `outside:${path.relative(path.dirname(root), abs)}`;
  return rel.length === 1 ? rel[0] : rel[0];
}

/** @param {string} area @param {string} target @param {string} targetRel path inside www/js */
function allowed(list, target, targetRel) {
  return list.includes('*') || list.includes(target) || list.includes(targetRel);
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.js') ? [p] : [];
  });
}

const problems = [];
let checked = 0;
for (const file of walk(root)) {
  const from = areaOf(file);
  const src = fs.readFileSync(file, 'utf8');
  // Comments hold the JSDoc type imports; the rest is code.
  const comments = [...src.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((m) => m[0]).join('\n');
  const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
  const runtime = [
    ...[...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]),
    ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]),
    ...[...code.matchAll(/\bimport\(\s*['"`]([^'"`$]+)/g)].map((m) => m[1]),
    // A module URL built at run time (a worker, a fresh core instance) is an import too.
    ...[...code.matchAll(/new URL\(\s*['"]([^'"]+\.js)['"]/g)].map((m) => m[1]),
    ...[...code.matchAll(/['"`](\.\.?\/[^'"`]*pkg\/[^'"`?]*)/g)].map((m) => m[1]),
  ];
  const types = [...comments.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  const rules = RUNTIME[from];
  if (!rules) { problems.push(`${path.relative(root, file)}: no import rule for "${from}" (add it to scripts/check-web-imports.mjs)`); continue; }
  const check = (/** @type {string} */ spec, /** @type {'imports'|'imports the type of'} */ how, /** @type {string[]} */ list) => {
    if (!spec.startsWith('.')) { problems.push(`${path.relative(root, file)} ${how} "${spec}": only relative imports of the page's own files`); return; }
    const target = path.resolve(path.dirname(file), spec);
    const area = areaOf(target);
    const rel = path.relative(root, target).split(path.sep).join('/');
    checked++;
    if (!fs.existsSync(target) && area !== 'pkg') problems.push(`${path.relative(root, file)} ${how} "${spec}", which does not exist`);
    if (area === from) return;
    if (!allowed(list, area, rel)) problems.push(`${path.relative(root, file)} ${how} ${rel} (${from}/ may not use ${area})`);
  };
  for (const spec of new Set(runtime)) check(spec, 'imports', rules);
  const typeList = [...rules, ...TYPES_EVERYWHERE, ...(EXTRA_TYPES[from] ?? [])];
  for (const spec of new Set(types)) check(spec, 'imports the type of', typeList);
}
if (problems.length) {
  console.log(`web import rules: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`web import rules: ${checked} imports checked, all within the rules`);
