import { defineConfig } from 'vitest/config';

/**
 * Files that start server processes or a browser, wait out leases and timeouts, or measure heap and
 * time: they run one at a time, after the rest, so that no other file's CPU stretches their clocks.
 */
const alone = [
  'test/browser*.test.ts',
  'test/adversarial.test.ts',
  'test/boundedConversation.test.ts',
  'test/crash.test.ts',
  'test/evalsInterrupt.test.ts',
  'test/evalsPostgres.test.ts',
  'test/hostileInput.test.ts',
  'test/langfuseExport*.test.ts',
  'test/lateWrite.test.ts',
  'test/leaseContract.test.ts',
  'test/multiInstance*.test.ts',
  'test/restart.test.ts',
  'test/runLeases.test.ts',
  'test/seedCli.test.ts',
  'test/segmentFencing.test.ts',
  'test/shutdown.test.ts',
  'test/sqliteBusy.test.ts',
  'test/startFailure.test.ts',
  'test/statementTimeout.test.ts',
  'test/storageFault.test.ts',
  'test/toolTimeout.test.ts',
];

/**
 * The offline model's tables: pure functions of the messages (no database, server, environment or clock), so
 * they share one module graph instead of loading the model and the SDK again per file (58 s against 12 s).
 */
const pure = ['test/offline*.test.ts', 'test/messageSet.test.ts'];

const shared = {
  testTimeout: 20_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
  // One throwaway PostgreSQL cluster per group (or TEST_DATABASE_URL): the store's contract runs on both engines.
  globalSetup: ['test/support/globalSetup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          testTimeout: 20_000,
          pool: 'forks' as const,
          name: 'pure',
          include: pure,
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Most files are in-process and mostly wait on imports and I/O: two at a time on two cores.
        test: {
          ...shared,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...alone, ...pure],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: { ...shared, name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
