import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * `npm run bench:replay-first`: how long support waits for the first replay after `npm start`, against
 * the real server process (built dist/, a fresh seeded SQLite file). Prints the time to the listening
 * line and to readiness, the replay preparation's own time when the server logs one, then the first
 * replays' round trips; REPLAY_AFTER_MS waits that long after readiness before the first replay (0: at
 * once, the worst case: it waits for whatever preparation is still under way).
 */
const wait = Number(process.env.REPLAY_AFTER_MS ?? 0);
const dir = mkdtempSync(join(tmpdir(), 'bench-replay-first-'));
const started = performance.now();
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;
try {
  let out = '';
  server.stdout.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: string) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
  });
  const listening = ms(started);
  while ((await fetch(`${url}/api/ready`).catch(() => undefined))?.status !== 200)
    await new Promise((r) => setTimeout(r, 10));
  console.log(`start: listening after ${listening}, ready after ${ms(started)}`);

  const call = async (path: string, token: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const { id } = await call('/api/conversations', 'demo-seller');
  const { traceId } = await call(`/api/conversations/${id as string}/messages`, 'demo-seller', {
    text: 'What would my IKEA Billy bookcase sell for?',
  });
  if (wait) await new Promise((r) => setTimeout(r, wait));
  for (let i = 1; i <= 3; i++) {
    const t = performance.now();
    const report = await call(`/api/traces/${traceId as string}/replay`, 'demo-support');
    console.log(`replay ${i}: ${ms(t)} (identical: ${String(report.identical)})`);
  }
  const prepared = /"ms":(\d+)[^\n]*"msg":"replays prepared"/.exec(out);
  console.log(prepared ? `replays prepared ${prepared[1]} ms after listening` : 'no "replays prepared" line');
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}
