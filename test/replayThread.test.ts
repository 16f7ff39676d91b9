import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, TOKENS, type Harness } from './support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))];

async function timedHealth(harness: Harness): Promise<number> {
  const started = performance.now();
  expect((await harness.call('GET', '/api/health', { token: '' })).status).toBe(200);
  return performance.now() - started;
}

describe('replays on their own thread', () => {
  it(
    'leave /api/health responsive while they run, and past their limits answer 429',
    { timeout: 180_000 },
    async () => {
      // The full demo catalogue: re-seeding it per replay on the request thread stalled health for seconds.
      h = await createHarness({ env: { SEED_COUNT: '5000', REPLAY_CONCURRENCY: '2', REPLAY_PER_MINUTE: '4' } });
      const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
      const run = await h.call('POST', `/api/conversations/${id}/messages`, {
        body: { text: 'What would my IKEA Billy bookcase sell for?' },
      });
      const { traceId } = (await run.json()) as { traceId: string };
      const replay = () => h!.call('POST', `/api/traces/${traceId}/replay`, { token: TOKENS.support });

      // The first replay starts the thread and seeds its catalogue template; identical, as before.
      const first = await replay();
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ identical: true, divergences: [] });

      const baseline: number[] = [];
      for (let i = 0; i < 20; i++) baseline.push(await timedHealth(h));

      // Two at once (the concurrency limit); a third meanwhile is refused rather than queued.
      let running = true;
      const pair = Promise.all([replay(), replay()]).finally(() => (running = false));
      const third = await replay();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      const during: number[] = [];
      while (running) {
        during.push(await timedHealth(h));
        await new Promise((r) => setTimeout(r, 5));
      }
      const answers = await pair;
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(await answer.json()).toMatchObject({ identical: true });
      }
      // Five taken this minute with a budget of four: the rate limit, per support user.
      const limited = await replay();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', message: /replays/ } });

      // Generous: the machine's own noise, measured just before, times ten (and never under 300 ms).
      const bound = Math.max(300, 10 * Math.max(...baseline));
      const figures = `health during replays: ${during.length} probes, p50 ${percentile(during, 0.5).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms; baseline max ${Math.max(...baseline).toFixed(1)} ms`;
      expect(during.length, figures).toBeGreaterThan(0);
      expect(Math.max(...during), figures).toBeLessThan(bound);
    },
  );
});
