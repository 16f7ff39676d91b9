import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '@openai/agents';
import { loadConfig, type Config } from '../../src/config.js';
import { createService, type Service } from '../../src/service.js';
import { Store, type OpenOptions } from '../../src/store/index.js';
import type { PolicyRules } from '../../src/policy/index.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Engine } from './engines.js';
import { freshDatabase } from './postgres.js';

export interface Harness extends Service {
  dir: string;
  dbPath: string;
  config: Config;
  /** `fetch`-style helper through `app.request()`, authenticated with a demo token. */
  call: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ) => Promise<Response>;
  /** Closes the store (after its queued work) and removes the temp dir. */
  close: () => Promise<void>;
}

export const TOKENS = { seller: 'demo-seller', seller2: 'demo-seller-2', support: 'demo-support' } as const;

/**
 * A fresh service on a real SQLite file in a temp dir, seeded with a small deterministic catalogue
 * (the seeding has finished when the promise resolves).
 */
export async function createHarness(
  options: {
    model?: Model;
    env?: Record<string, string>;
    rules?: PolicyRules;
    now?: () => Date;
    dbPath?: string;
    logger?: Logger;
    /** SQLite's busy timeout for the service's store (default 5 s); the lock tests shorten it. */
    busyTimeoutMs?: number;
    /** Given the SQLite connection once opened (the fault tests reach the engine through it). */
    instrument?: OpenOptions['instrument'];
    /** The store engine (default sqlite); postgres gets a fresh database on the run's server. */
    engine?: Engine;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'listing-assistant-'));
  const dbPath = options.dbPath ?? join(dir, 'test.db');
  // Tests drive many requests per token; the rate-limit test sets its own limits.
  // Prompts are pinned to v1 so the seller ids tests use do not depend on the A/B split; rollout tests pass
  // PROMPT_VERSION: ''.
  // Random run ids would otherwise land in the review sample 5% of the time; sampling tests set the rate themselves.
  const config = loadConfig({
    DATABASE_PATH: dbPath,
    SEED_COUNT: '400',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_RUNS_PER_MINUTE: '1000000',
    SIGN_IN_FAILURES_PER_MINUTE: '1000000',
    PROMPT_VERSION: 'v1',
    REVIEW_SAMPLE_RATE: '0',
    ...(options.engine === 'postgres' ? { DATABASE_URL: await freshDatabase() } : {}),
    ...options.env,
  });
  const service = await createService(config, {
    model: options.model ? { model: options.model, name: 'scripted' } : undefined,
    rules: options.rules,
    now: options.now,
    logger: options.logger,
    store:
      options.busyTimeoutMs === undefined && !options.instrument
        ? undefined
        : Store.open(dbPath, options.now, { busyTimeoutMs: options.busyTimeoutMs, instrument: options.instrument }),
  });
  const call: Harness['call'] = (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? TOKENS.seller : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    return Promise.resolve(service.app.request(path, { method, headers, body }));
  };
  return {
    ...service,
    dir,
    dbPath,
    config,
    call,
    close: async () => {
      await service.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
