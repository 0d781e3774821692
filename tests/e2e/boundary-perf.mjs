// Browser benchmark of the wasm boundary's structured results: report(), totals(),
// summary(), blindSpots() and cameraSummary(i) on a sample, for one or more builds of the
// bindings side by side in the same run (a build whose calls return JSON text is timed
// with its JSON.parse, as the page would use it).
//   node boundary-perf.mjs [--pkg www/pkg,/tmp/pkg-json] [--sample large.json] [--runs 40] [--port 8770]
// The scene is not edited between runs, so what is timed is the crossing (serialising in
// the core, building or parsing on the JS side), not the computation behind it (cached).
// Prints median, p95 and min per call and build, in ms.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flags, serveWww, www } from './serve.mjs';

const opt = flags();
const pkgs = (opt.pkg ?? path.join(www, 'pkg')).split(',').map((p) => path.resolve(p));
const sample = opt.sample ?? 'large.json';
const runs = Number(opt.runs ?? 40);
// A folder served for the run: the samples and each build as v0, v1...
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boundary-perf-'));
fs.symlinkSync(path.join(www, 'samples'), path.join(root, 'samples'));
pkgs.forEach((p, k) => fs.symlinkSync(p, path.join(root, `v${k}`)));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>boundary benchmark</title>');
const { base, stop } = await serveWww(Number(opt.port ?? 8770), undefined, root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(`${base}index.html`);
  const text = await (await fetch(`${base}samples/${sample}`)).text();
  /** @type {Record<string, Record<string, number[]>>} */
  const all = {};
  // Interleave the builds round by round, so machine noise hits them alike.
  const scenes = [];
  for (let k = 0; k < pkgs.length; k++) {
    scenes.push(await page.evaluateHandle(async ([url, t]) => {
      const m = await import(url);
      await m.default();
      return { m, scene: m.Scene.load(t) };
    }, [`${base}v${k}/blindspot.js`, text]));
  }
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < pkgs.length; k++) {
      const t = await scenes[k].evaluate(({ scene }) => {
        const parse = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
        const time = (fn) => { const t0 = performance.now(); const v = fn(); const ms = performance.now() - t0; if (!v) throw new Error('empty'); return ms; };
        return {
          report: time(() => parse(scene.report())),
          summary: time(() => parse(scene.summary())),
          totals: time(() => parse(scene.totals())),
          blindSpots: time(() => parse(scene.blindSpots())),
          cameraSummary: time(() => parse(scene.cameraSummary(0))),
        };
      });
      if (r < 3) continue; // warm-up rounds
      const row = (all[pkgs[k]] ??= {});
      for (const [name, ms] of Object.entries(t)) (row[name] ??= []).push(ms);
    }
  }
  const q = (xs, p) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]; };
  console.log(`sample ${sample}, ${runs - 3} timed runs per call (after 3 warm-up rounds); ms: median / p95 / min`);
  for (const [pkg, row] of Object.entries(all)) {
    console.log(pkg);
    for (const [name, xs] of Object.entries(row)) {
      console.log(`  ${name.padEnd(14)} ${q(xs, 0.5).toFixed(2).padStart(7)} ${q(xs, 0.95).toFixed(2).padStart(7)} ${Math.min(...xs).toFixed(2).padStart(7)}`);
    }
  }
} finally {
  await browser.close();
  stop();
  fs.rmSync(root, { recursive: true, force: true });
}
