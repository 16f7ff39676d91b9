import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOpenAI } from './support/fakeOpenAI.js';
import { startServer, type ServerProcess } from './support/serverProcess.js';

let server: ServerProcess | undefined;
let fake: FakeOpenAI | undefined;
let dir: string;
afterEach(async () => {
  await server?.kill();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight run on SIGTERM before exiting', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shutdown-'));
    fake = await FakeOpenAI.start();
    fake.script({ text: 'Here is what your bike is worth.', delayMs: 1500 });
    server = await startServer({
      DATABASE_PATH: join(dir, 'db.sqlite'),
      SEED_COUNT: '100',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test',
      AGENT_MODEL: 'local',
    });
    const auth = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
    const { id } = await (await fetch(`${server.url}/api/conversations`, { method: 'POST', headers: auth })).json();
    const inFlight = fetch(`${server.url}/api/conversations/${id}/messages`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'what is my bike worth?' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const result = await (await inFlight).json();
    expect(result).toMatchObject({ status: 'completed', reply: 'Here is what your bike is worth.' });
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received/);
  }, 30_000);
});
