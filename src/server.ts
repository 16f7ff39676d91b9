import { loadConfig } from './config.js';
import { createService } from './service.js';
import { StoreUnavailableError } from './store/index.js';
import { listen } from './api/httpServer.js';

/** `npm start`: the API on loopback, the offline model unless a key is set, a seeded SQLite file. */
const config = loadConfig();
const service = await createService(config).catch((error: unknown) => {
  // A database that is down at start is a message and an exit code, not a stack trace.
  if (!(error instanceof StoreUnavailableError)) throw error;
  console.error(startFailure(error));
  process.exit(1);
});
/** One line for the operator: where the database is and the driver's own words. */
function startFailure(error: StoreUnavailableError): string {
  if (error.message.startsWith('Cannot open')) return error.message;
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : config.DATABASE_PATH;
  const cause = error.cause instanceof Error ? error.cause.message : error.message;
  return `Cannot use the database at ${where}: ${cause}`.replace(/\s+/g, ' ');
}

// Runs of a crashed predecessor (or of any dead instance on this database) are settled now, and then
// every third of RUN_LEASE_MS; runs another live instance is executing are left alone.
const recovered = await service.assistant.recoverInterruptedRuns();
service.assistant.startSweeping();
const listings = await service.store.listings.count();

const server = listen(service.app.fetch, config.PORT, config.HOST, (info) => {
  const url = `http://${config.HOST === '::1' ? '[::1]' : config.HOST}:${info.port}`;
  const lines = [
    `Listing assistant listening on ${url}`,
    `  open ${url}/ to sell something, ${url}/support for support staff, ${url}/api/docs for the API`,
    `  model: ${service.model.name}${service.model.name === 'offline' ? ' (built-in rule-based model, not an LLM)' : ''}`,
    `  database: ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : config.DATABASE_PATH} (${listings} listings${service.seeded ? ', seeded now' : ''})`,
    `  prompts: ${service.prompts.description} · metrics: ${url}/metrics · logs: JSON on stdout at ${config.LOG_LEVEL ?? 'info'}`,
  ];
  if (recovered) lines.push(`  recovered ${recovered} interrupted run(s)`);
  if (service.usingDemoTokens) {
    lines.push(
      '  demo tokens (loopback only): seller "demo-seller" (seller-1), seller "demo-seller-2" (seller-2), support "demo-support"',
    );
    lines.push(`  try: curl -s -X POST -H 'Authorization: Bearer demo-seller' ${url}/api/conversations`);
  }
  console.log(lines.join('\n'));
  // After the listening line, off the request thread: the first replay then finds its work done.
  void prepareReplays();
});

/** Readies the replay thread and its catalogue; a failure is logged, and the first replay prepares itself. */
async function prepareReplays() {
  const started = performance.now();
  try {
    const prepared = await service.prepareReplays();
    const ms = Math.round(performance.now() - started);
    if (prepared) service.logger.info({ listings: prepared.listings, ms }, 'replays prepared');
  } catch (error) {
    // Stopping terminates the thread under a preparation: that is no failure.
    if (!stopping)
      service.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'replay preparation failed');
  }
}

// Graceful stop: refuse new connections, let in-flight runs reach a stored state, then close the database.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  service.logger.info({ signal }, `${signal} received, finishing in-flight runs`);
  // Stop accepting connections; `closed` settles once the open ones have answered.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const deadline = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  await Promise.race([service.assistant.drain(), deadline(Math.min(config.AGENT_RUN_TIMEOUT_MS, 30_000))]);
  await service.assistant.close();
  // Runs are stored; let their responses reach the clients, and drop idle keep-alive sockets.
  const idle = setInterval(
    () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.(),
    50,
  );
  await Promise.race([closed, deadline(5_000)]);
  clearInterval(idle);
  await service.flushExports();
  await service.store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
