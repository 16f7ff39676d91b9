import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { freshDatabase } from './support/postgres.js';

/** `npm run seed` as an operator runs it: a real process on a real SQLite file or PostgreSQL database. */
function seed(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'seed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run seed', () => {
  it('answers a wrong flag or value with the usage line and exit code 2, not a stack trace', async () => {
    const [flag, value, help] = await Promise.all([
      seed(['--database', 'x.db']),
      seed(['--count', '0']),
      seed(['--help']),
    ]);
    for (const wrong of [flag, value]) {
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^seed: .+\nusage: npm run seed -- /);
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
      expect(wrong.stdout).toBe('');
    }
    expect(flag.stderr).toContain("'--database'");
    expect(value.stderr).toContain('--count');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run seed -- .*--database-url/);
  }, 60_000);

  it.each(['sqlite', 'postgres'] as const)(
    'fills %s with searchable listings, adding to what is there, with progress lines',
    async (engine) => {
      const location =
        engine === 'sqlite'
          ? { DATABASE_PATH: join(dir, 'seeded.db') }
          : { DATABASE_URL: await freshDatabase(), DATABASE_PATH: '' };
      const args = engine === 'sqlite' ? ['--db', location.DATABASE_PATH] : ['--database-url', location.DATABASE_URL!];
      const first = await seed([...args, '--count', '120']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      // Not a terminal: plain lines (rows, rate, time left), then the summary; never the URL.
      expect(first.stdout).toMatch(/^120 \/ 120 rows · [\d,]+ rows\/s · 0:00 left$/m);
      expect(first.stdout).toMatch(/added 120 listings in [\d.]+ s \(\d+\/s\); 120 in total/);
      if (location.DATABASE_URL) expect(first.stdout).not.toContain(location.DATABASE_URL);
      // DATABASE_URL alone selects PostgreSQL, as for the server.
      const second = await seed(
        engine === 'sqlite' ? [...args, '--count', '30'] : ['--count', '30'],
        engine === 'sqlite' ? {} : { DATABASE_URL: location.DATABASE_URL! },
      );
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('150 in total');

      const store = await openStore(location);
      try {
        expect(await store.listings.count()).toBe(150);
        expect(await store.listings.get('lst_0000150')).toMatchObject({ status: expect.any(String) });
        const listing = (await store.listings.get('lst_0000007'))!;
        const word = listing.title.split(/\s+/).find((w) => /^[a-z]{4,}$/i.test(w))!;
        const found = await store.listings.searchSimilar(word, { limit: 50 });
        expect(found.matches.length).toBeGreaterThan(0);
        expect(found.matches.every((m) => `${m.title} ${m.description}`.toLowerCase().includes(word.toLowerCase())));
      } finally {
        await store.close();
      }
    },
    90_000,
  );
});
