import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createService } from '../service.js';
import { listen } from '../api/httpServer.js';
import type { RunResult } from '../agent/runResult.js';
import type { Dashboard } from '../monitoring/dashboard.js';

/**
 * `npm run load`: a scripted load over real HTTP on the offline model, with
 * synthetic sellers split across prompt versions by the rollout in
 * `policies/prompt-rollout.json`. Sellers draft and confirm, cancel and
 * revise, ask for prices, wander off topic and rate replies; at the end it
 * prints each version's figures from `/metrics` and `/api/dashboard`, and with
 * `--keep` goes on serving so the dashboard can be opened in a browser.
 */
const { values: args } = parseArgs({
  options: {
    sellers: { type: 'string', default: '40' },
    conversations: { type: 'string', default: '120' },
    concurrency: { type: 'string', default: '8' },
    port: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
  },
});
const SELLERS = Number(args.sellers);
const CONVERSATIONS = Number(args.conversations);
const SUPPORT = 'load-support-token';

const ITEMS = [
  'my Trek Marlin 7 mountain bike, size L, good condition',
  'an Apple iPhone 12 128 GB in black, good condition',
  'my Sony WH-1000XM4 headphones, used',
  'a Weber gas grill, fair condition',
  'an IKEA Poäng armchair, like new',
];

const dir = mkdtempSync(join(tmpdir(), 'listing-load-'));
const sellerTokens = Array.from({ length: SELLERS }, (_, i) => `load-seller-token-${i}:load-seller-${i}:seller`);
const config = loadConfig({
  ...process.env,
  DATABASE_PATH: process.env.DATABASE_PATH ?? join(dir, 'load.db'),
  HOST: '127.0.0.1',
  AUTH_TOKENS: [...sellerTokens, `${SUPPORT}:support-load:support`].join(','),
  METRICS_TOKEN: 'load-metrics-token-0123456789',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const service = await createService(config);
const server = listen(service.app.fetch, Number(args.port), config.HOST);
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

/** A request that failed: its kind is the HTTP status, or the socket error's code when nothing answered. */
class CallFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** The deepest error code under `error` (fetch wraps the socket's ECONNRESET, ECONNREFUSED, ...). */
function socketCode(error: unknown): string {
  let code = 'network';
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (typeof (e as { code?: unknown }).code === 'string') code = (e as { code: string }).code;
  return code;
}

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((error: unknown) => {
    throw new CallFailure(socketCode(error), `${method} ${path}: ${socketCode(error)}`);
  });
  if (!res.ok) throw new CallFailure(`http_${res.status}`, `${method} ${path}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.includes('json') ? ((await res.json()) as T) : ((await res.text()) as T);
}

/** One seller session; `n` picks the script, so a run of the load is repeatable. */
async function session(n: number): Promise<void> {
  const token = `load-seller-token-${n % SELLERS}`;
  const item = ITEMS[n % ITEMS.length];
  const { id } = await call<{ id: string }>('POST', '/api/conversations', token);
  const say = (text: string) => call<RunResult>('POST', `/api/conversations/${id}/messages`, token, { text });
  const decide = (run: RunResult, decision: 'approve' | 'reject', message?: string) =>
    call<RunResult>('POST', `/api/runs/${run.runId}/decisions`, token, {
      approvalId: run.pendingApprovals[0].approvalId,
      decision,
      ...(message ? { message } : {}),
    });
  let last: RunResult;
  switch (n % 4) {
    case 0: // draft and confirm
      last = await say(`I want to sell ${item}`);
      if (last.pendingApprovals.length) last = await decide(last, 'approve');
      break;
    case 1: // cancel once with a new price, then confirm
      last = await say(`I want to sell ${item}`);
      if (last.pendingApprovals.length) last = await decide(last, 'reject', 'make it 99');
      if (last.pendingApprovals.length) last = await decide(last, 'approve');
      break;
    case 2: // ask for a price only
      last = await say(`What is ${item.replace(/^(my|an?) /, 'a ')} worth?`);
      break;
    default: // off topic
      last = await say('Can you book me a table for two tonight?');
  }
  await call('POST', `/api/runs/${last.runId}/feedback`, token, { value: n % 5 === 0 ? -1 : 1 });
}

const started = performance.now();
let next = 0;
let failed = 0;
const failures: Record<string, number> = {};
await Promise.all(
  Array.from({ length: Number(args.concurrency) }, async () => {
    while (next < CONVERSATIONS) {
      const n = next++;
      await session(n).catch((error) => {
        failed++;
        const kind = error instanceof CallFailure ? error.kind : 'other';
        failures[kind] = (failures[kind] ?? 0) + 1;
        console.error(`session ${n}: ${error instanceof Error ? error.message : error}`);
      });
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const metrics = await call<string>('GET', '/metrics', 'load-metrics-token-0123456789');
const dashboard = await call<Dashboard>('GET', '/api/dashboard?window=hour', SUPPORT);
const sum = (name: string, version: string, filter = '') =>
  metrics
    .split('\n')
    .filter(
      (line) =>
        line.startsWith(`listing_assistant_${name}{`) &&
        line.includes(`prompt_version="${version}"`) &&
        line.includes(filter),
    )
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

console.log(
  `${CONVERSATIONS} conversations by ${SELLERS} sellers in ${seconds.toFixed(1)} s (${failed} failed) on ${service.model.name}, ${url}`,
);
if (failed > 0)
  console.log(
    `failed sessions by kind: ${Object.entries(failures)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
  );
console.log('\nper prompt version      ' + dashboard.versions.map((v) => v.padStart(10)).join(''));
const row = (label: string, cell: (v: string) => string | number) =>
  console.log(label.padEnd(24) + dashboard.versions.map((v) => String(cell(v)).padStart(10)).join(''));
row(
  'sellers',
  (v) =>
    new Set(
      Array.from({ length: SELLERS }, (_, i) => `load-seller-${i}`).filter(
        (s) => service.prompts.forSeller(s).version === v,
      ),
    ).size || '–',
);
row('runs (dashboard)', (v) => dashboard.totals[v].runs);
row('run segments (metrics)', (v) => sum('runs_total', v));
row('failure rate', (v) => `${(dashboard.totals[v].failureRate * 100).toFixed(1)}%`);
row('approvals requested', (v) => sum('approvals_total', v, 'event="requested"'));
row('approvals rejected', (v) => sum('approvals_total', v, 'event="rejected"'));
row('feedback down', (v) => sum('feedback_total', v, 'value="down"'));
row('tokens (metrics)', (v) => sum('model_tokens_total', v));
if (dashboard.alerts.length) console.log(`\nalerts:\n${dashboard.alerts.map((a) => `  ${a.message}`).join('\n')}`);

if (args.keep) {
  console.log(
    `\nStill serving: open ${url}/support/dashboard with the token "${SUPPORT}" (Ctrl-C to stop). Database: ${config.DATABASE_PATH}`,
  );
} else {
  server.close();
  await service.store.close();
}
