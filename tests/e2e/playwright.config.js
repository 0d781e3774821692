// @ts-check
// Browser end-to-end tests of the web app, in Debian's Chromium (no browser download).
const { defineConfig } = require('@playwright/test');

// Another engineer's server on the default port would serve their www: set E2E_PORT to
// run beside them (reuseExistingServer would otherwise test the wrong checkout).
const PORT = Number(process.env.E2E_PORT ?? 8765);

module.exports = defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry, so that a test starved of the CPU on a loaded 2-core machine does not
  // fail the run on its own; a retried pass is still listed by name as flaky in the
  // summary of scripts/test.sh, and a real failure fails both attempts.
  // E2E_RETRIES=0 runs each test once.
  retries: Number(process.env.E2E_RETRIES ?? 1),
  reporter: [['list'], ['json', { outputFile: 'results.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1600, height: 900 },
    acceptDownloads: true,
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 -d ../../www`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
