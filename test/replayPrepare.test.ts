import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from './support/serverProcess.js';

let server: ServerProcess | undefined;
let dir: string;
afterEach(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** The replay thread's template for a catalogue, in the server's temporary folder, once it exists. */
function template(tmp: string, file: string): string | undefined {
  for (const folder of readdirSync(tmp).filter((f) => f.startsWith('replay-bases-')))
    if (existsSync(join(tmp, folder, file))) return join(tmp, folder, file);
  return undefined;
}

describe('replays prepared after start', () => {
  it('seeds the catalogue template in the background, and the first replay uses it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-prepare-'));
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    // Its own temporary folder, so the template this server's replay thread builds can be found.
    server = await startServer({ DATABASE_PATH: join(dir, 'db.sqlite'), SEED_COUNT: '1500', TMPDIR: tmp });
    // Start and readiness do not wait for the preparation.
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    // No replay has been asked for; the template of the database's catalogue appears on its own.
    const deadline = Date.now() + 60_000;
    let built: string | undefined;
    while (!(built = template(tmp, '1500-42.db')) || !/replays prepared/.test(server.output())) {
      expect(Date.now(), `no template was prepared:\n${server.output()}`).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    const output = server.output();
    expect(output.indexOf('replays prepared')).toBeGreaterThan(output.indexOf('listening on'));
    expect(output).toMatch(/"listings":1500,"ms":\d+/);
    const preparedAt = statSync(built).mtimeMs;

    const seller = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
    const { id } = await (await fetch(`${server.url}/api/conversations`, { method: 'POST', headers: seller })).json();
    const run = await fetch(`${server.url}/api/conversations/${id}/messages`, {
      method: 'POST',
      headers: seller,
      body: JSON.stringify({ text: 'What would my IKEA Billy bookcase sell for?' }),
    });
    const { traceId } = (await run.json()) as { traceId: string };
    const replay = await fetch(`${server.url}/api/traces/${traceId}/replay`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-support' },
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ identical: true, divergences: [] });
    // The replay copied the prepared template rather than seeding another.
    expect(template(tmp, '1500-42.db')).toBe(built);
    expect(statSync(built).mtimeMs).toBe(preparedAt);
    expect(readdirSync(tmp).filter((f) => f.startsWith('replay-bases-'))).toHaveLength(1);
  }, 120_000);
});
