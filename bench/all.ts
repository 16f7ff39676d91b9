import { spawnSync } from 'node:child_process';

/** `npm run bench`: every benchmark in turn, each in its own process so none warms another's caches. */
const BENCHES = ['overhead', 'search', 'api', 'export', 'paused'];
const started = performance.now();
for (const name of BENCHES) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench ${name} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}
console.log(
  `\nall benchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results/`,
);
