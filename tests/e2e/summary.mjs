// Prints "e2e: N passed, M failed" (and skipped) from Playwright's JSON report, for CI.
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
} catch (e) {
  console.log('e2e: 0 passed, 1 failed (no results.json: the browser tests did not run)');
  process.exit(1);
}
const s = report.stats ?? {};
const passed = (s.expected ?? 0) + (s.flaky ?? 0);
const failed = (s.unexpected ?? 0);
const skipped = s.skipped ?? 0;
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
