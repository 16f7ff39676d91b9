import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

let h: Harness;
afterEach(() => h?.close());

function parseSse(text: string): Array<{ event: string; data: any }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

describe('streaming a run as server-sent events', () => {
  it('streams text deltas, tool activity and the pending approval, then the RunResult; the decision streams too', async () => {
    h = await createHarness({
      model: new ScriptedModel([
        callTool('searchSimilar', { query: 'Trek Marlin bike', category: 'Sports', limit: null }, 'c1'),
        callTool('createListing', bikeDraft, 'c2', 'Here is your draft.'),
        say('Your listing is live.'),
      ]),
    });
    const { id } = await (await h.call('POST', '/api/conversations')).json();
    const res = await h.call('POST', `/api/conversations/${id}/messages`, {
      body: { text: 'sell my bike' },
      headers: { accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names).toContain('tool_call');
    expect(events.find((e) => e.event === 'tool_call')!.data).toMatchObject({
      tool: 'searchSimilar',
      label: 'Looking up similar listings…',
    });
    expect(
      events
        .filter((e) => e.event === 'text_delta')
        .map((e) => e.data.delta)
        .join(''),
    ).toBe('Here is your draft.');
    const approval = events.find((e) => e.event === 'approval_requested')!.data.approval;
    expect(approval).toMatchObject({ tool: 'createListing', arguments: bikeDraft });
    expect(names.at(-1)).toBe('result');
    const result = events.at(-1)!.data.result;
    expect(result).toMatchObject({
      status: 'awaiting_approval',
      pendingApprovals: [{ approvalId: approval.approvalId }],
    });

    const decided = await h.call('POST', `/api/runs/${result.runId}/decisions`, {
      body: { approvalId: approval.approvalId, decision: 'approve' },
      headers: { accept: 'text/event-stream' },
    });
    const after = parseSse(await decided.text());
    expect(after.at(-1)).toMatchObject({
      event: 'result',
      data: { result: { status: 'completed', reply: 'Your listing is live.' } },
    });
    expect(
      after
        .filter((e) => e.event === 'text_delta')
        .map((e) => e.data.delta)
        .join(''),
    ).toBe('Your listing is live.');
  });

  it('checks access before the stream starts', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    const { id } = await (await h.call('POST', '/api/conversations')).json();
    const res = await h.call('POST', `/api/conversations/${id}/messages`, {
      token: TOKENS.seller2,
      body: { text: 'hi' },
      headers: { accept: 'text/event-stream' },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
