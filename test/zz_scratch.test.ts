import { it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness } from './support/harness.js';
import { LangfuseReceiver } from './support/langfuseReceiver.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
it('dump', async () => {
  const receiver = await LangfuseReceiver.start();
  const h = createHarness({ model: new ScriptedModel([
    callTool('searchSimilar', { query: 'Trek Marlin 7', category: 'Sports', limit: null }, 'c1'),
    callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
    say('Posted.'),
  ]), env: { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-test', LANGFUSE_BASE_URL: receiver.url } });
  const { id } = h.assistant.createConversation('seller-1');
  const paused = await h.assistant.sendMessage(id, 'seller-1', { text: 'Sell my Trek Marlin 7.' });
  await h.assistant.decide(paused.runId, 'seller-1', { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' });
  await h.exporter!.forceFlush();
  for (const s of receiver.spans()) console.log(s.spanId, s.parentSpanId, s.name, JSON.stringify(Object.fromEntries(Object.entries(s.attributes).filter(([k]) => !/input|output/.test(k)))));
  await h.flushExports(); h.close(); await receiver.close();
});
