import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCliStore } from './openCliStore.js';
import { exportTrace, readTraceFile, type RecordedTrace } from '../replay/traceExport.js';
import { replayTrace } from '../replay/replay.js';
import { PostgresReplayBases } from '../replay/postgresBaseDatabase.js';

/**
 * `npm run replay -- <traceId | file.json> [--db PATH | --url postgres://…]`: exit 0 identical, 1 divergent,
 * 2 bad input. With a PostgreSQL URL (or DATABASE_URL) the replay runs on a scratch database on that server.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH ?? 'data/listing-assistant.db' },
    url: { type: 'string', default: process.env.DATABASE_URL },
  },
});
const target = positionals[0];
if (!target) {
  console.error('usage: npm run replay -- <traceId | file.json> [--db PATH | --url postgres://…]');
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
const postgres = values.url ? new PostgresReplayBases(values.url) : undefined;
const report = await replayTrace(trace, { postgres }).catch((error: unknown) => {
  console.error(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
});
// The scratch databases on the server go before the exit, replayed or not.
await postgres?.close();
if (!report) process.exit(2);
if (report.note) console.log(`note: ${report.note}`);
if (report.identical) {
  console.log(`IDENTICAL: ${trace.traceId} (${report.modelCalls.replayed} model calls replayed)`);
  process.exit(0);
}
console.log(`DIVERGED: ${trace.traceId}`);
for (const d of report.divergences) console.log(`  - ${d.message}`);
process.exit(1);
