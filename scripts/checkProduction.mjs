// CI's production check, after `npm ci && npm run build`: a copy of the built tree without src/ and with
// production dependencies only (`npm prune --omit=dev`: no tsx, no esbuild) must serve the app with
// `npm start`: liveness, readiness (the export thread included), the chat page and its script. The checkout itself keeps its dev
// dependencies for the test suite. Exits non-zero with what failed.
import { cpSync, existsSync, lstatSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const step = (what) => console.log(`production check: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const fail = (why) => {
  throw new Error(`production check failed: ${why}`);
};

if (!existsSync(join(root, 'dist', 'BUILD'))) fail('dist/ is missing; run `npm run build` first');
const dir = mkdtempSync(join(tmpdir(), 'listing-assistant-prod-'));
/** What a deployment ships: the build, its runtime files, the manifests; no sources, tests or data. */
const SKIP = new Set(['.git', 'node_modules', 'src', 'test', 'bench', 'evals', 'docs', 'data', 'scratch', '.ci']);
let server;
try {
  cpSync(root, dir, { recursive: true, filter: (path) => !SKIP.has(relative(root, path).split('/')[0]) });
  // A copy rather than a second `npm ci --omit=dev`: that one rebuilds better-sqlite3 from source (minutes),
  // while pruning keeps the native module this machine already built for this Node.
  // `<dir>/.` so a symlinked node_modules (a worktree's) is copied, never linked: pruning must not reach it.
  run('cp', ['-R', `${join(root, 'node_modules')}/.`, join(dir, 'node_modules')]);
  if (lstatSync(join(dir, 'node_modules')).isSymbolicLink()) fail('node_modules was linked, not copied');
  step('copied');
  run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest'])
    if (existsSync(join(dir, 'node_modules', dev))) fail(`${dev} is still installed after pruning`);
  step('pruned to production dependencies');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  server = spawn('npm', ['start'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'data', 'check.db'),
      SEED_COUNT: '300',
      AUTH_TOKENS: 'production-check-seller-token-0001:seller-1:seller',
      // Starts the compiled export thread (nothing listens there; readiness says whether the thread runs).
      LANGFUSE_PUBLIC_KEY: 'pk-lf-check',
      LANGFUSE_SECRET_KEY: 'sk-lf-check',
      LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
    },
  });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) fail(`the server exited (${server.exitCode}):\n${output}`);
    const res = await fetch(`${url}/api/health`).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() > deadline) fail(`the server did not answer /api/health within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  step('serving');
  if (/esbuild|tsx/.test(output)) fail(`the server's output mentions esbuild or tsx:\n${output}`);
  await new Promise((r) => setTimeout(r, 1000));
  const ready = await fetch(`${url}/api/ready`);
  if (ready.status !== 200) fail(`/api/ready answered ${ready.status}: ${await ready.text()}\n${output}`);
  if (!ready.headers.get('x-request-id')) fail('/api/ready has no X-Request-Id header');
  const page = await fetch(`${url}/`);
  const html = await page.text();
  const script = /<script[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (page.status !== 200 || !script) fail(`the chat page (${page.status}) has no script:\n${html.slice(0, 500)}`);
  const js = await fetch(`${url}${script}`);
  const body = await js.text();
  if (js.status !== 200 || !/javascript/.test(js.headers.get('content-type') ?? '') || body.length < 1000)
    fail(`${script} answered ${js.status} ${js.headers.get('content-type')} with ${body.length} bytes`);
  step(`health, ready, / and ${script} (${body.length} bytes) served from dist/`);
} finally {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  step('stopped');
  // rm(1): Node's recursive rmSync takes the better part of a minute over node_modules.
  spawnSync('rm', ['-rf', dir]);
}
step('done');

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
