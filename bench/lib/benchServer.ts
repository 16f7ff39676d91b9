import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config.js';
import { createService } from '../../src/service.js';
import { DelayedModel } from './delayedModel.js';
import { bareApp } from './bareApp.js';
import { listen } from '../../src/api/httpServer.js';

/**
 * One server instance of `bench/api.ts`, in its own process (forked, environment = its config):
 * BENCH_SERVER=service is the service as `npm start` runs it (recovery sweep included) with the
 * delayed model; BENCH_SERVER=bare answers each message with the bare SDK loop on the same HTTP
 * stack. Over IPC it says where it listens, and answers `usage` with its CPU time and, on SQLite,
 * the statements it ran (PostgreSQL's are counted by the server, pg_stat_statements).
 */
export interface ServerUsage {
  cpuMs: number;
  sqliteStatements: number;
}

const DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 300);
let sqliteStatements = 0;

/** Counts every better-sqlite3 statement execution (prepared, `db.transaction()`'s, `exec`). */
function countSqliteStatements(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      sqliteStatements++;
      return original.apply(this, args);
    };
  }
  const databaseProto = Database.prototype as unknown as Record<string, unknown>;
  const exec = databaseProto.exec as (sql: string) => unknown;
  databaseProto.exec = function (this: Database.Database, sql: string) {
    sqliteStatements++;
    return exec.call(this, sql);
  };
}

async function serviceApp() {
  if (!process.env.DATABASE_URL) countSqliteStatements();
  const service = await createService(loadConfig(), { model: { model: new DelayedModel(DELAY_MS), name: 'delayed' } });
  await service.assistant.recoverInterruptedRuns();
  service.assistant.startSweeping();
  return service.app;
}

const app = process.env.BENCH_SERVER === 'bare' ? bareApp(DELAY_MS) : await serviceApp();
// The service's own HTTP settings (backlog, keep-alive), for the bare loop too: one HTTP stack.
const server = listen(app.fetch, 0, '127.0.0.1', (info) => process.send!({ url: `http://127.0.0.1:${info.port}` }));
// The bench gone (finished or crashed): nothing left to serve.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: string) => {
  if (message === 'usage') {
    const cpu = process.cpuUsage();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000, sqliteStatements } satisfies ServerUsage);
  } else if (message === 'stop') {
    server.close();
    process.exit(0);
  }
});
