import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, serverCommand } from './support/serverProcess.js';

/** Starts the server as `npm start` would and waits for it to exit: its code and everything it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, serverCommand(), {
      env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // A server that starts after all would listen for ever: stop it, and the test fails on its code.
    const guard = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, output: output.trim() });
    });
  });
}

describe('a database that cannot be used at start', { timeout: 60_000 }, () => {
  it('answers one clear line and a non-zero exit, on both engines, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-failure-'));
    try {
      writeFileSync(join(dir, 'a-file'), 'not a folder');
      writeFileSync(join(dir, 'not-a.db'), 'this file is no SQLite database '.repeat(64));
      const closed = await freePort();
      const cases: { env: Record<string, string>; says: RegExp }[] = [
        {
          env: { DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${closed}/listings` },
          says: /PostgreSQL.*ECONNREFUSED/,
        },
        { env: { DATABASE_PATH: join(dir, 'a-file', 'listings.db') }, says: /SQLite.*a-file/ },
        { env: { DATABASE_PATH: join(dir, 'not-a.db') }, says: /SQLite.*not a database/ },
      ];
      const outcomes = await Promise.all(cases.map((c) => start({ ...c.env, PORT: '0' })));
      outcomes.forEach(({ code, output }, i) => {
        expect(code, output).toBe(1);
        expect(output.split('\n'), output).toHaveLength(1);
        expect(output).toMatch(cases[i].says);
        expect(output).not.toMatch(/\n\s+at |s3cret/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
