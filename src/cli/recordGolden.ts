import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { createService } from '../service.js';
import { exportTrace } from '../replay/traceExport.js';
import type { RunResult } from '../agent/runResult.js';

/**
 * `npm run traces:golden`: records a few conversations with the offline
 * model on a fresh seeded database and writes them to traces/golden/. The
 * test suite replays them, so a change to tools, policy or prompts that
 * alters recorded behaviour fails with a readable divergence.
 */
type Decision = { decision: 'approve' | 'reject'; message?: string };
const CONVERSATIONS: Array<{ name: string; text: string; decisions: Decision[] }> = [
  {
    name: 'draft-approve',
    text: 'I want to sell my Trek Marlin 7 mountain bike, barely used, for 400 euros',
    decisions: [{ decision: 'approve' }],
  },
  {
    name: 'draft-reject-revise',
    text: 'I want to sell my IKEA Kallax shelf 4x4 in white',
    decisions: [{ decision: 'reject', message: 'make it 45' }, { decision: 'approve' }],
  },
  { name: 'reprice-own', text: 'change the price of lst_0000001 to 350', decisions: [{ decision: 'approve' }] },
  { name: 'reprice-other-denied', text: 'change the price of lst_0000003 to 10', decisions: [] },
];

const dir = mkdtempSync(join(tmpdir(), 'golden-'));
const out = join(process.cwd(), 'traces', 'golden');
mkdirSync(out, { recursive: true });
try {
  // Pinned to v1 so re-recording does not flip the files with the A/B split; the output below is the record.
  const service = await createService(
    loadConfig({
      DATABASE_PATH: join(dir, 'golden.db'),
      SEED_COUNT: '2000',
      AGENT_MODEL: 'offline',
      PROMPT_VERSION: 'v1',
      LOG_LEVEL: 'silent',
    }),
  );
  for (const c of CONVERSATIONS) {
    const { id } = await service.assistant.createConversation('seller-1');
    let result: RunResult = await service.assistant.sendMessage(id, 'seller-1', { text: c.text });
    for (const d of c.decisions) {
      if (result.status !== 'awaiting_approval') break;
      result = await service.assistant.decide(result.runId, 'seller-1', {
        approvalId: result.pendingApprovals[0].approvalId,
        ...d,
      });
    }
    const file = join(out, `${c.name}.json`);
    writeFileSync(file, `${JSON.stringify(await exportTrace(service.store, result.traceId), null, 2)}\n`);
    console.log(`${c.name}: ${result.status} → ${file}`);
  }
  await service.store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
