import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { assistantMessage, functionCall } from '@openai/agents/testing';
import { loadConfig } from '../../src/config.js';
import { createService } from '../../src/service.js';
import { Store } from '../../src/store/index.js';
import type { OpenOptions } from '../../src/store/sqlite/database.js';
import { loadPolicyRules } from '../../src/policy/index.js';
import { DRAFT } from './langgraph.js';
import { TurnsModel } from './turnsModel.js';

/** The overhead bench's conversation, as the model's scripted turns: search, draft (paused for approval), post. */
export const turns = (n: number) => [
  [functionCall('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, { callId: `s${n}` })],
  [assistantMessage('Draft ready.'), functionCall('createListing', DRAFT, { callId: `c${n}` })],
  [assistantMessage('Posted.')],
];
export const STEPS = 3;
/** Sellers the conversations take turns among: up to 20,000 conversations an hour stay under the cap of 20 each. */
const SELLERS = 1000;

/**
 * Our full stack as the overhead bench drives it: the service over a SQLite file in `dir`, a scripted
 * model swapped per conversation, and `conversation(n)` running search, draft, approval and post.
 * `instrument` sees the store's connection (the bench counts its statements).
 */
export async function fullStack(
  dir: string,
  seedCount: number,
  instrument?: (db: Database.Database) => void,
  open: Omit<OpenOptions, 'instrument'> = {},
): Promise<{ service: Awaited<ReturnType<typeof createService>>; conversation: (n: number) => Promise<void> }> {
  let current = new TurnsModel([]);
  const proxy = {
    getResponse: () => current.getResponse(),
    getStreamedResponse: () => current.getStreamedResponse(),
  };
  // The shipped rules, hourly write cap included: conversations take turns among SELLERS sellers, so
  // each posts a few listings an hour as sellers do (one seller posting hundreds would both hit the
  // cap and make the cap's count of the hour's writes grow with the bench's length).
  const rules = loadPolicyRules();
  const service = await createService(
    loadConfig({ DATABASE_PATH: join(dir, 'bench.db'), SEED_COUNT: String(seedCount), LOG_LEVEL: 'silent' }),
    {
      model: { model: proxy, name: 'scripted' },
      rules,
      store: Store.open(join(dir, 'bench.db'), undefined, { ...open, instrument }),
    },
  );
  const conversation = async (n: number) => {
    current = new TurnsModel(turns(n));
    const seller = `seller-${n % SELLERS}`;
    const { id } = await service.assistant.createConversation(seller);
    const paused = await service.assistant.sendMessage(id, seller, { text: 'sell my bike' });
    const done = await service.assistant.decide(paused.runId, seller, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    if (done.status !== 'completed') throw new Error(`unexpected run status: ${done.status}`);
  };
  return { service, conversation };
}
