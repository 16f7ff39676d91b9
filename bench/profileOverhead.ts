import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullStack, STEPS } from './lib/fullStack.js';
import { observe } from './lib/sqliteWrites.js';
import { summarize } from './lib/measure.js';

/**
 * The overhead bench's full-stack conversation alone, to find where its time goes:
 * `BENCH_PROFILE=out.cpuprofile tsx bench/profileOverhead.ts` writes a CPU profile of the measured
 * conversations only (after warm-up; open it in Chrome DevTools). Without BENCH_PROFILE it counts
 * commits and write statements per conversation instead (the counting costs time of its own).
 * BENCH_ITERATIONS conversations, 300 by default.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const profilePath = process.env.BENCH_PROFILE;
const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
let counter: ReturnType<typeof observe> | undefined;
// BENCH_CHECKPOINTS=commit: SQLite checkpoints inside commits, as without the checkpoint thread.
const backgroundCheckpoints = process.env.BENCH_CHECKPOINTS !== 'commit';
const instrument = (db: Parameters<typeof observe>[0]) => {
  if (!profilePath) counter = observe(db);
};
const { service, conversation } = await fullStack(dir, 2000, instrument, { backgroundCheckpoints });
for (let i = 0; i < 50; i++) await conversation(i);
counter?.reset();
const session = new Session();
if (profilePath) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
const samples: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  const t = performance.now();
  await conversation(1000 + i);
  samples.push((performance.now() - t) / STEPS);
}
if (profilePath) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profilePath, JSON.stringify(profile));
  session.disconnect();
}
console.log('per step (ms)', summarize(samples));
if (counter) {
  const { commits, writeStatements } = counter.read();
  console.log('per conversation: commits', commits / ITERATIONS, 'write statements', writeStatements / ITERATIONS);
  console.log('commits by tables written', counter.breakdown().commitsByTables);
  console.log('write statements by table', counter.breakdown().statementsByTable);
}
await service.store.close();
rmSync(dir, { recursive: true, force: true });
