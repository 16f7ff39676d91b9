import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run evals` on SQLite (the default) stopped by a signal, as a real child process: the trials' databases
 * it kept under the report folder go with the run's scratch files, and no empty report folder stays behind.
 */
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function until(done: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out; so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every file under `path`, by its path relative to it. */
const files = (path: string): string[] =>
  readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe.each(['SIGINT', 'SIGTERM'] as const)('an eval run on SQLite stopped by %s', (signal) => {
  it('removes what it kept and leaves no empty report folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'evals-interrupt-sqlite-'));
    // A reports folder that does not exist yet: the run makes it, and so it removes it.
    const out = join(dir, 'reports');
    // Its own temporary folder, where the run's scratch files go.
    const scratch = join(dir, 'tmp');
    mkdirSync(scratch);
    // --keep-all: every finished trial's database is copied under <out>/<stamp>/ at once.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/evals/cli.ts', '--out', out, '--keep-all', '--concurrency', '1'],
      {
        env: { ...process.env, EVAL_DATABASE_URL: '', DATABASE_URL: '', OPENAI_API_KEY: '', TMPDIR: scratch },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // Stopped once a trial's database is kept in the report folder.
      await until(
        () => existsSync(out) && files(out).some((f) => f.endsWith('.db')),
        60_000,
        () => output,
      );
      child.kill(signal);
      expect(await exited, output).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(output).toMatch(new RegExp(`${signal}: stopping`));
      expect(output).toMatch(/dropped \d+ database\(s\) of this run/);
      // Nothing of the run is left: no report, no kept databases, no empty folder, no scratch files.
      expect(existsSync(out), existsSync(out) ? readdirSync(out, { recursive: true }).join(', ') : '').toBe(false);
      // (tsx keeps its own cache there too: not the run's.)
      expect(readdirSync(scratch).filter((f) => f.startsWith('listing-'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});
