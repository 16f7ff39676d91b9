import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/index.js';
import { LangfuseExporter, type ExportStats, type LangfuseConfig } from './langfuseExporter.js';

/**
 * The Langfuse export's own thread (see BackgroundLangfuseExport): reads each
 * settled run from its own connection to the database (WAL lets it read while
 * the service writes), builds and masks the observations, and lets the span
 * processor send them. The service's event loop only posts run ids.
 */
export type ExportMessage = { type: 'run'; runId: string } | { type: 'flush' | 'shutdown' | 'stats'; id: number };
export type ExportReply = { id: number; stats: ExportStats };

const { dbPath, config } = workerData as { dbPath: string; config: Omit<LangfuseConfig, 'log'> };
// The service migrated this file before starting the thread: opening finds it current and writes nothing.
const store = Store.open(dbPath);
const exporter = new LangfuseExporter(store, config);

parentPort!.on('message', (message: ExportMessage) => {
  handle(message).catch((error: unknown) => {
    // As before, a failure here is the thread's: raised outside the promise it ends the thread, and
    // the service hears of it (its worker 'error' handler logs it and stops exporting).
    setImmediate(() => {
      throw error;
    });
  });
});

parentPort!.postMessage('ready');

async function handle(message: ExportMessage): Promise<void> {
  if (message.type === 'run') {
    // Not awaited: the exporter queues runs (bounded), logs its own failures, and a flush waits for them.
    void exporter.onSegmentSettled(message.runId);
    return;
  }
  if (message.type !== 'stats') {
    try {
      await (message.type === 'flush' ? exporter.forceFlush() : exporter.shutdown());
    } catch {
      // Export gives up quietly: the store keeps every trace either way.
    }
  }
  const reply: ExportReply = { id: message.id, stats: exporter.stats() };
  if (message.type === 'shutdown') await store.close();
  parentPort!.postMessage(reply);
}
