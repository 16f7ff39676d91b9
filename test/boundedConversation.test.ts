import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model, ModelRequest } from '@openai/agents';
import { OfflineModel } from '../src/agent/offline/offlineModel.js';
import { createHarness, type Harness } from './support/harness.js';
import { dataUrl, pngPhoto } from './support/photos.js';
import { reportFigures } from './support/figures.js';

/**
 * A 200-turn conversation with photos: what one run costs stays flat (the model's input per run,
 * the spans recorded per run) and the stored photo bytes stay within their caps. Small photos here;
 * `npm run test:soak` sends large ones.
 */
const SOAK = Boolean(process.env.SOAK);
const TURNS = 200;
const PHOTO_BYTES = SOAK ? 1024 * 1024 : 2048;
const PHOTO_EVERY = 4;
const HISTORY_TURNS = 10;
const CONVERSATION_CAP = 16 * PHOTO_BYTES;
const SELLER_CAP = 64 * PHOTO_BYTES;

const MESSAGES = [
  'I want to sell my oak dining table, solid wood, good condition, for 250',
  'make it 230',
  'How much should I ask for an iPhone 12?',
  'hello, what can you do?',
  'I want to sell my Trek Marlin 7 bike, barely used, for 400',
  'change the title to Trek Marlin 7 mountain bike',
  'what is a fair price for a Sony PlayStation 5?',
  'thanks!',
];

/** The offline model behind a recorder of what each call receives: the provider's view, photos included. */
class RecordingModel implements Model {
  readonly inner = new OfflineModel();
  calls: number[] = [];
  /** The last call's input. */
  last: ModelRequest['input'] = [];
  getResponse(request: ModelRequest) {
    this.record(request);
    return this.inner.getResponse(request);
  }
  getStreamedResponse(request: ModelRequest) {
    this.record(request);
    return this.inner.getStreamedResponse(request);
  }
  private record(request: ModelRequest) {
    this.calls.push(JSON.stringify(request.input).length);
    this.last = request.input;
  }
}

const max = (xs: number[]) => Math.max(...xs);

describe('a long conversation with photos', () => {
  let h: Harness;
  const model = new RecordingModel();
  /** Per run: the largest model input, the recorded spans' size, and whether its photo was refused. */
  const runs: { input: number; spans: number; refused: boolean; ms: number; photo: boolean; sawPhoto: boolean }[] = [];
  /** The model's input in the last run. */
  let lastInput: ModelRequest['input'] = [];
  let conversationId: string;

  beforeAll(async () => {
    h = await createHarness({
      model,
      env: {
        HISTORY_TURNS: String(HISTORY_TURNS),
        HISTORY_PHOTO_TURNS: '2',
        PHOTO_BYTES_PER_CONVERSATION: String(CONVERSATION_CAP),
        PHOTO_BYTES_PER_SELLER: String(SELLER_CAP),
        MAX_BODY_BYTES: String(4 * PHOTO_BYTES + 64 * 1024),
      },
    });
    conversationId = (await (await h.call('POST', '/api/conversations')).json()).id;
    const started = Date.now();
    // Every other photo is the first one again (stored once): photos keep reaching the model after
    // the cap refuses new ones.
    const firstPhoto = dataUrl(pngPhoto(PHOTO_BYTES));
    for (let turn = 0; turn < TURNS; turn++) {
      const text = MESSAGES[turn % MESSAGES.length];
      const images =
        turn % PHOTO_EVERY !== 0
          ? undefined
          : turn % (2 * PHOTO_EVERY) === 0 && turn > 0
            ? [dataUrl(pngPhoto(PHOTO_BYTES))]
            : [firstPhoto];
      model.calls = [];
      const at = Date.now();
      const send = (body: object) => h.call('POST', `/api/conversations/${conversationId}/messages`, { body });
      let res = await send({ text, images });
      let refused = false;
      if (res.status === 413 || res.status === 429) {
        refused = true;
        res = await send({ text });
      }
      expect(res.status).toBe(200);
      const result = await res.json();
      const trace = (await h.store.runs.get(result.runId))!.traceId;
      runs.push({
        input: max(model.calls),
        spans: JSON.stringify(await h.store.traces.spans(trace)).length,
        refused,
        ms: Date.now() - at,
        photo: Boolean(images) && !refused,
        sawPhoto: JSON.stringify(model.last).includes('data:image/png;base64,'),
      });
      lastInput = model.last;
    }
    const late = runs.slice(-40);
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    reportFigures(
      `long conversation: ${TURNS} turns in ${Date.now() - started} ms · model input per run ` +
        `${max(runs.slice(0, 1).map((r) => r.input))} (turn 1) → ${max(late.map((r) => r.input))} (last 40) chars · ` +
        `spans per run ${max(late.map((r) => r.spans))} chars · photos refused ${runs.filter((r) => r.refused).length} · ` +
        `ms per run ${mean(runs.slice(0, 40).map((r) => r.ms))} (first 40) → ${mean(late.map((r) => r.ms))} (last 40)`,
    );
  }, 600_000);

  afterAll(() => h?.close());

  it('gives the model a bounded window: its input per run stops growing once the window is full', () => {
    const windowFull = runs.slice(HISTORY_TURNS, HISTORY_TURNS + 40).map((r) => r.input);
    const late = runs.slice(-40).map((r) => r.input);
    expect(max(late)).toBeLessThanOrEqual(max(windowFull) * 1.25);
    // And far below what the whole history would be by then.
    expect(max(late)).toBeLessThan(max(runs.slice(0, HISTORY_TURNS).map((r) => r.input)) * 5);
  });

  it('sends photos to the model as images, and a window of whole turns after one note', () => {
    const withPhoto = runs.filter((r) => r.photo);
    expect(withPhoto.length).toBeGreaterThan(0);
    expect(withPhoto.every((r) => r.sawPhoto)).toBe(true);
    expect(runs.slice(-40).some((r) => r.sawPhoto)).toBe(true);
    const items = lastInput as Array<{ type?: string; role?: string; callId?: string }>;
    expect(items[0]).toMatchObject({ role: 'system' });
    // Then whole turns: the first item past the notes (photo ids) is a seller message.
    expect(items.slice(1).find((i) => i.role !== 'system')).toMatchObject({ type: 'message', role: 'user' });
    // The window's turns plus the new message; every tool result has its call.
    expect(items.filter((i) => i.type === 'message' && i.role === 'user')).toHaveLength(HISTORY_TURNS + 1);
    const calls = new Set(items.filter((i) => i.type === 'function_call').map((i) => i.callId));
    for (const result of items.filter((i) => i.type === 'function_call_result')) expect(calls).toContain(result.callId);
  });

  it('records per run only the new input: spans do not grow with the history', () => {
    const early = runs.slice(0, 8).map((r) => r.spans);
    const late = runs.slice(-40).map((r) => r.spans);
    expect(max(late)).toBeLessThanOrEqual(max(early) * 1.5);
  });

  it('keeps photos out of spans and session items, and their bytes within the caps', async () => {
    const usage = await h.store.images.usage('seller-1', conversationId);
    expect(usage.conversationBytes).toBeLessThanOrEqual(CONVERSATION_CAP);
    expect(usage.sellerBytes).toBeLessThanOrEqual(SELLER_CAP);
    // The cap was reached and refused photos past it (the conversation sent more than it allows).
    expect(runs.some((r) => r.refused)).toBe(true);
    const items = JSON.stringify(await h.store.conversations.items(conversationId));
    expect(items).not.toContain('data:image');
    const latest = (await h.store.runs.latestForConversation(conversationId))!;
    expect(JSON.stringify(await h.store.traces.spans(latest.traceId))).not.toContain('data:image');
  });

  it('pages the transcript', async () => {
    const view = await (await h.call('GET', `/api/conversations/${conversationId}?limit=50`)).json();
    expect(view.messages).toHaveLength(50);
    expect(view.messagesTotal).toBeGreaterThan(TURNS);
    expect(view.messagesStart).toBe(view.messagesTotal - 50);
    const before = await (await h.call('GET', `/api/conversations/${conversationId}?limit=50&before=50`)).json();
    expect(before.messagesStart).toBe(0);
    expect(before.messages[0].role).toBe('seller');
  });
});
