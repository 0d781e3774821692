// Shared by the benchmark and screenshot scripts: command-line flags and a local
// static server for ../../www (python3 -m http.server, which serves .wasm as
// application/wasm).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const www = path.resolve(here, '../../www');

/** `--name value` flags (a flag without a value is 'true'). */
export function flags(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return acc;
  }, /** @type {[string, string][]} */ ([])));
}

/**
 * Serves www (or `root`) on 127.0.0.1:port until stop(); resolves once it answers.
 * With `url`, serves nothing and uses that address.
 * @param {number} port @param {string} [url] @param {string} [root]
 */
export async function serveWww(port, url, root = www) {
  if (url) return { base: url, stop: () => {} };
  const base = `http://127.0.0.1:${port}/`;
  // A server already on the port (another checkout's) would answer for ours, and the
  // figures would be of its page: refuse instead.
  if (await answers(base)) {
    throw new Error(`port ${port} is already served (another checkout's server?): pick a free one with --port`);
  }
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '-d', root], { stdio: 'ignore' });
  /** @type {number|null} */
  let exited = null;
  server.on('exit', (code) => { exited = code ?? -1; });
  for (let i = 0; i < 50 && exited === null; i++) {
    if (await answers(base)) return { base, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(exited !== null
    ? `the static server on port ${port} exited (status ${exited}) before it answered`
    : `the static server on port ${port} did not answer within 5 s`);
}

/** Whether something answers HTTP at `base`. @param {string} base */
async function answers(base) {
  try {
    return (await fetch(base)).ok;
  } catch {
    return false;
  }
}
