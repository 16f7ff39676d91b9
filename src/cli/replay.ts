import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCliStore } from './openCliStore.js';
import { exportTrace, readTraceFile, type RecordedTrace } from '../replay/traceExport.js';
import { replayTrace } from '../replay/replay.js';

/** `npm run replay -- <traceId | file.json> [--db PATH]`: exit 0 identical, 1 divergent, 2 bad input. */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH ?? 'data/listing-assistant.db' },
    url: { type: 'string', default: process.env.DATABASE_URL },
  },
});
const target = positionals[0];
if (!target) {
  console.error('usage: npm run replay -- <traceId | file.json> [--db PATH]');
  process.exit(2);
}
let trace: RecordedTrace;
try {
  if (target.endsWith('.json') || existsSync(target)) trace = readTraceFile(target);
  else {
    const store = await openCliStore(values);
    trace = await exportTrace(store, target);
    await store.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const report = await replayTrace(trace);
if (report.identical) {
  console.log(`IDENTICAL: ${trace.traceId} (${report.modelCalls.replayed} model calls replayed)`);
  process.exit(0);
}
console.log(`DIVERGED: ${trace.traceId}`);
for (const d of report.divergences) console.log(`  - ${d.message}`);
process.exit(1);
