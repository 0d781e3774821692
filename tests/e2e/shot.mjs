// Dev helper: screenshots of the page. node shot.mjs [url-suffix] [out.png] [w] [h] [dpr]
import { chromium } from '@playwright/test';
const [suffix = '', out = 'artifacts/shot.png', w = '1600', h = '900', dpr = '1'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: +dpr });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`http://127.0.0.1:${process.env.PORT || 8000}/${suffix}`);
await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60000 });
await page.waitForTimeout(500);
const clip = process.env.CLIP?.split(',').map(Number);
await page.screenshot({ path: out, ...(clip ? { clip: { x: clip[0], y: clip[1], width: clip[2], height: clip[3] } } : {}) });
console.log('ready =', await page.evaluate(() => document.body.dataset.ready));
await browser.close();
