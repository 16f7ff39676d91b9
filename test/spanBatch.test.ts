import { afterEach, describe, expect, it } from 'vitest';
import type { TraceSpanRecord } from '../src/store/traceRepository.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';

// A batch of spans is written in one statement on PostgreSQL and one upsert per span on SQLite:
// both must leave what upserting the spans one by one leaves, a span sent twice in a batch included.
let e: EngineStore | undefined;
afterEach(async () => {
  await e?.dispose();
  e = undefined;
});

const span = (spanId: string, extra: Partial<TraceSpanRecord> = {}): TraceSpanRecord => ({
  spanId,
  traceId: 'trace_1',
  parentId: null,
  kind: 'function',
  name: spanId,
  startedAt: null,
  endedAt: null,
  data: { step: spanId },
  error: null,
  ...extra,
});

describe.each(ENGINES)('span batches on %s', (engine) => {
  it('a batch equals its spans upserted in order: first position, last end, data and error', async () => {
    e = await engineStore(engine);
    const batch = [
      span('root', { kind: 'agent', data: { open: true } }),
      span('child', { parentId: 'root', name: 'searchListings' }),
      span('root', { kind: 'ignored', name: 'ignored', endedAt: '2026-01-01T00:00:05.000Z', data: { open: false } }),
      span('late', { error: { message: 'tool failed' } }),
      span('child', { endedAt: '2026-01-01T00:00:02.000Z', error: { message: 'x' }, data: { rows: 3 } }),
    ];
    await e.store.traces.upsertSpans(batch);
    const other = await e.open();
    // The same spans one by one, under other ids (span ids are unique across traces).
    for (const s of batch)
      await other.traces.upsertSpan({
        ...s,
        spanId: `${s.spanId}-b`,
        parentId: s.parentId && `${s.parentId}-b`,
        traceId: 'trace_2',
      });
    const spans = await e.store.traces.spans('trace_1');
    const oneByOne = (await other.traces.spans('trace_2')).map((s) => ({
      ...s,
      spanId: s.spanId.replace(/-b$/, ''),
      parentId: s.parentId && s.parentId.replace(/-b$/, ''),
      traceId: 'trace_1',
    }));
    expect(spans).toEqual(oneByOne);
    expect(spans.map((s) => [s.spanId, s.kind, s.endedAt, s.data])).toEqual([
      ['root', 'agent', '2026-01-01T00:00:05.000Z', { open: false }],
      ['child', 'function', '2026-01-01T00:00:02.000Z', { rows: 3 }],
      ['late', 'function', null, { step: 'late' }],
    ]);
    await e.store.traces.upsertSpans([]);
    expect(await e.store.traces.spans('trace_1')).toHaveLength(3);
  });
});
