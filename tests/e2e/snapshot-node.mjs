// The core's load against a snapshot's, in Node with the web module (no page): how long a
// worker's Scene.loadWithProgress + snapshot() take, and how long the page's
// Scene.fromSnapshot takes instead of Scene.load, on a scenario file.
//   node tests/e2e/snapshot-node.mjs FILE [RUNS]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!file) throw new Error('usage: node tests/e2e/snapshot-node.mjs FILE [RUNS]');
const core = await import(path.join(root, 'www/pkg/blindspot.js'));
await core.default({ module_or_path: fs.readFileSync(path.join(root, 'www/pkg/blindspot_bg.wasm')) });
const text = fs.readFileSync(file, 'utf8');
const ms = (f) => { const t = performance.now(); const v = f(); return [performance.now() - t, v]; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = { load: [], snapshot: [], fromSnapshot: [], scenarioJson: [], jsonParse: [] };
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const [tl, scene] = ms(() => core.Scene.load(text));
  const [ts, snap] = ms(() => scene.snapshot());
  const [tj, json] = ms(() => scene.scenarioJson());
  const [tp] = ms(() => JSON.parse(json));
  const [tf, again] = ms(() => core.Scene.fromSnapshot(snap));
  const a = JSON.stringify(scene.summary()), b = JSON.stringify(again.summary());
  if (a !== b) throw new Error('the rebuilt scene\'s summary differs');
  bytes = snap.length;
  scene.free(); again.free();
  rows.load.push(tl); rows.snapshot.push(ts); rows.fromSnapshot.push(tf); rows.scenarioJson.push(tj); rows.jsonParse.push(tp);
}
console.log(`${path.basename(file)}: ${(text.length / 1e6).toFixed(1)} MB of JSON, snapshot ${(bytes / 1e6).toFixed(1)} MB; medians of ${runs} runs (ms):`);
for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(13)} ${median(v).toFixed(0).padStart(6)}   (${v.map((x) => x.toFixed(0)).join(', ')})`);
