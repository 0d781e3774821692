// Opening large files in headless Chromium: how long the page's main thread is blocked
// (the longest long task, PerformanceObserver 'longtask', and the longest gap between
// animation frames) while a large scenario opens through the worker or a large drawing
// is imported, whether progress kept coming, and where the time went (the worker's
// phases, the page's part).
//
//   node open-perf.mjs [--files a.json,b.json] [--dxf 3600] [--port 8767] [--www DIR] [--runs 1]
// --files: scenario files opened with the file picker (each ≥ 1 MB goes through the
// worker); --dxf N: also import the generated museum drawing of N galleries (14 entities
// each: 3600 gives 50,400) through the import dialog; --www serves another copy of the
// page (to measure an older version of www/js against the same core); --profile N: record
// the main thread's CPU profile while each file opens and print the N functions with the
// most time (inclusive, and self), to find what the long tasks are made of.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { flags, serveWww, www } from './serve.mjs';
import drawings from './drawings.js';

const args = flags();
const FILES = (args.files ?? '').split(',').filter(Boolean);
const DXF = args.dxf ? Number(args.dxf) : 0;
const RUNS = Number(args.runs ?? 1);
const PROFILE = args.profile ? Number(args.profile) : 0;
const root = args.www ?? www;
const { base, stop } = await serveWww(Number(args.port ?? 8767), args.url, root);
// Another checkout's server on the same port would be measured instead of this one.
if (!args.url && (await (await fetch(`${base}js/app/open.js`)).text()) !== fs.readFileSync(path.join(root, 'js/app/open.js'), 'utf8')) {
  stop();
  throw new Error(`${base} serves another copy of the page (is another server on that port?): pick another --port`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const ms = (x) => (x == null ? '—' : `${Math.round(x).toLocaleString('en')} ms`);

/** Starts recording long tasks, frame gaps and progress texts on the page. */
async function startWatching(page) {
  await page.evaluate(() => {
    const w = { tasks: [], frames: [], progress: [], t0: performance.now() };
    window.__openPerf = w;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push({ at: e.startTime - w.t0, ms: e.duration });
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => { w.frames.push({ at: last - w.t0, gap: now - last }); last = now; if (!w.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const seen = (el) => { if (el && !el.closest('[hidden]')) w.progress.push({ at: performance.now() - w.t0, text: el.textContent }); };
    for (const id of ['open-progress-phase', 'import-progress-phase']) {
      const el = document.getElementById(id);
      if (el) new MutationObserver(() => seen(el)).observe(el, { childList: true, characterData: true, subtree: true });
    }
  });
}

/** What was recorded since startWatching. */
async function stopWatching(page) {
  return page.evaluate(() => {
    const w = window.__openPerf;
    w.stop = true;
    const longest = w.tasks.reduce((a, t) => (t.ms > a.ms ? t : a), { ms: 0, at: 0 });
    const gap = w.frames.reduce((a, f) => (f.gap > a.gap ? f : a), { gap: 0, at: 0 });
    const times = w.progress.map((p) => p.at);
    let progressGap = 0;
    for (let i = 1; i < times.length; i++) progressGap = Math.max(progressGap, times[i] - times[i - 1]);
    return {
      longTasks: w.tasks.length, over1s: w.tasks.filter((t) => t.ms > 1000).length, longest: longest.ms, longestAt: longest.at,
      frameGap: gap.gap, frameGapAt: gap.at, progressTexts: w.progress.length, progressGap,
      last: w.progress.slice(-3).map((p) => p.text),
    };
  });
}

/**
 * The top functions of a CDP CPU profile: inclusive time (a function counted once per
 * sample however deep it recurs) and self time, in ms.
 */
function topFunctions(profile, n) {
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map();
  for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  const name = (nd) => {
    const f = nd.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const total = new Map(), self = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    let nd = byId.get(id);
    self.set(name(nd), (self.get(name(nd)) ?? 0) + dt);
    for (; nd; nd = byId.get(parent.get(nd.id))) {
      const k = name(nd);
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); }
    }
  });
  const top = (m) => [...m].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total: top(total), self: top(self) };
}

try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}?fresh`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 120_000 });
  for (let run = 0; run < RUNS; run++) {
    for (const file of FILES) {
      const bytes = fs.statSync(file).size;
      const before = await page.evaluate(() => window.__blindspot.opens().length);
      await startWatching(page);
      const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 2000 });
        await cdp.send('Profiler.start');
      }
      const t0 = Date.now();
      await page.locator('#file-input').setInputFiles(file);
      await page.waitForFunction((n) => window.__blindspot.opens().length > n, before, { timeout: 900_000, polling: 250 });
      await page.waitForFunction(() => !document.body.dataset.opening, null, { timeout: 60_000 });
      // The first frames of the new plan are part of opening it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const wall = Date.now() - t0;
      const w = await stopWatching(page);
      const rec = await page.evaluate(() => window.__blindspot.opens().slice(-1)[0]);
      const t = rec.timing ?? {};
      // Long tasks while the worker worked (the plan shown before) and after its result came.
      const split = await page.evaluate((workerMs) => {
        const w = window.__openPerf;
        const part = (ts) => ({ n: ts.length, longest: ts.reduce((a, x) => Math.max(a, x.ms), 0), sum: ts.reduce((a, x) => a + x.ms, 0) });
        return { during: part(w.tasks.filter((x) => x.at < workerMs)), after: part(w.tasks.filter((x) => x.at >= workerMs)) };
      }, t.totalMs ?? 0);
      console.log(`${path.basename(file)} (${(bytes / 1e6).toFixed(1)} MB): ${rec.outcome} in ${ms(wall)}; worker: read ${ms(t.readMs)}, check ${ms(t.checkMs)}, prepare ${ms(t.prepareMs)}` +
        `${t.figuresMs != null ? `, first figures ${ms(t.figuresMs)}` : ''}${t.snapshotMs != null ? `, snapshot ${ms(t.snapshotMs)}` : ''}` +
        `${t.planTextMs != null ? `, plan text ${ms(t.planTextMs)}` : ''}; the page's part ${ms(rec.pageMs)}` +
        `${rec.split ? ` (core ${ms(rec.split.core)}, store ${ms(rec.split.store)}, first drawing ${ms(rec.split.draw)}, warm-up ${ms(rec.split.warmUp)}, panels ${ms(rec.split.panels)})` : ''}`);
      console.log(`  main thread: longest task ${ms(w.longest)} (at ${ms(w.longestAt)}), ${w.longTasks} long tasks, ${w.over1s} over 1 s; longest frame gap ${ms(w.frameGap)}; ` +
        `progress shown ${w.progressTexts} times, longest gap between updates ${ms(w.progressGap)}`);
      console.log(`  long tasks while the worker worked: ${split.during.n} (longest ${ms(split.during.longest)}, ${ms(split.during.sum)} in all); ` +
        `after its result: ${split.after.n} (longest ${ms(split.after.longest)}, ${ms(split.after.sum)} in all)`);
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const { total, self } = topFunctions(profile, PROFILE);
        console.log('  main thread, inclusive:'); for (const [k, v] of total) console.log(`    ${ms(v).padStart(10)}  ${k}`);
        console.log('  main thread, self:'); for (const [k, v] of self) console.log(`    ${ms(v).padStart(10)}  ${k}`);
        await cdp.detach();
      }
    }
    if (DXF) {
      const { text, entities } = drawings.museumDxf(DXF);
      const tmp = path.join(process.env.TMPDIR ?? '/tmp', `open-perf-museum-${DXF}.dxf`);
      fs.writeFileSync(tmp, text);
      await page.locator('#file-input').setInputFiles(tmp);
      const dialog = page.locator('#import');
      await dialog.waitFor({ state: 'visible', timeout: 120_000 });
      await startWatching(page);
      const t0 = Date.now();
      await dialog.locator('#import-run').click();
      await page.locator('#import-done').waitFor({ state: 'visible', timeout: 900_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const wall = Date.now() - t0;
      const w = await stopWatching(page);
      const rec = await page.evaluate(() => window.__blindspot.imports().slice(-1)[0]);
      console.log(`museum.dxf (${entities.toLocaleString('en')} entities, ${(text.length / 1e6).toFixed(1)} MB): ${rec.outcome} in ${ms(wall)}; worker ${ms(rec.workerMs)}, the page's part ${ms(rec.pageMs)}`);
      console.log(`  main thread: longest task ${ms(w.longest)} (at ${ms(w.longestAt)}), ${w.longTasks} long tasks, ${w.over1s} over 1 s; longest frame gap ${ms(w.frameGap)}; ` +
        `progress shown ${w.progressTexts} times, longest gap between updates ${ms(w.progressGap)}`);
      await dialog.locator('#import-run').click();
      await page.waitForFunction(() => !document.body.dataset.importing, null, { timeout: 60_000 });
    }
  }
} finally {
  await browser.close();
  stop();
}
