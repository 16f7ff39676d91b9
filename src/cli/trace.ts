import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseName, openCliStore } from './openCliStore.js';
import { buildTraceView, type TimelineEvent } from '../tracing/timeline.js';
import { exportTrace } from '../replay/traceExport.js';

/**
 * `npm run trace -- <traceId> [--db PATH] [--export traces/NAME.json]`: a run's timeline in the terminal, or its
 * export file.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH ?? 'data/listing-assistant.db' },
    export: { type: 'string' },
    url: { type: 'string', default: process.env.DATABASE_URL },
  },
});
const traceId = positionals[0];
if (!traceId) {
  console.error('usage: npm run trace -- <traceId> [--db PATH] [--export traces/NAME.json]');
  process.exit(2);
}
const store = await openCliStore(values);
const run = await store.runs.byTraceId(traceId);
if (!run) {
  console.error(`no trace ${traceId} in ${databaseName(values)}`);
  process.exit(2);
}
if (values.export) {
  mkdirSync(dirname(values.export), { recursive: true });
  writeFileSync(values.export, `${JSON.stringify(await exportTrace(store, traceId), null, 2)}\n`);
  console.log(`wrote ${values.export}`);
  process.exit(0);
}

const view = await buildTraceView(store, run);
const t0 = Date.parse(view.startedAt);
const clip = (v: unknown, n = 100) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};
const at = (e: TimelineEvent) => `+${String(Date.parse(e.at) - t0).padStart(6)} ms`;
const dur = (ms: number | null) => (ms === null ? '' : ` (${ms} ms)`);

console.log(`trace ${view.traceId}  run ${view.runId}`);
console.log(
  `seller ${view.sellerId}  conversation ${view.conversationId}  model ${view.model}  prompt ${view.promptVersion}`,
);
console.log(
  `status ${view.status}${view.stopReason ? ` (${view.stopReason})` : ''}  steps ${view.steps}  tokens ${view.usage.totalTokens} (${view.usage.inputTokens} in / ${view.usage.outputTokens} out)`,
);
console.log(`seller said: ${clip((view.input as { text?: string }).text ?? '', 200)}`);
console.log('');
for (const e of view.timeline) {
  switch (e.type) {
    case 'agent':
      console.log(`${at(e)}  ── segment ${e.segment}${dur(e.durationMs)}`);
      break;
    case 'model_call':
      console.log(
        `${at(e)}  model ${e.model}${dur(e.durationMs)}  ${e.usage.inputTokens}+${e.usage.outputTokens} tokens → ${clip((e.output as Array<{ type?: string; name?: string }>).map((o) => (o.type === 'function_call' ? `call ${o.name}` : 'text')).join(', '))}${e.error ? `  ERROR ${e.error}` : ''}`,
      );
      break;
    case 'tool_call':
      console.log(`${at(e)}  tool ${e.tool}${dur(e.durationMs)} ${clip(e.arguments, 80)} → ${clip(e.result, 100)}`);
      break;
    case 'policy_decision':
      console.log(
        `${at(e)}  policy ${e.decision.toUpperCase()} ${e.tool} [${e.rule}] ${e.phase}: ${clip(e.reason, 90)}`,
      );
      break;
    case 'approval':
      console.log(
        `${at(e)}  approval ${e.event}${e.by ? ` by ${e.by}` : ''}: ${clip(e.summary, 100)}${e.message ? ` — "${e.message}"` : ''}`,
      );
      break;
    case 'feedback':
      console.log(`${at(e)}  feedback ${e.value > 0 ? '👍' : '👎'}${e.comment ? ` "${e.comment}"` : ''}`);
      break;
    default:
      console.log(`${at(e)}  ${(e as { type: string }).type}`);
  }
}
if (view.reply) console.log(`\nreply: ${view.reply}`);
await store.close();
