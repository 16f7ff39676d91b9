import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One throwaway PostgreSQL cluster per run (or TEST_DATABASE_URL): the store's contract runs on both engines.
    globalSetup: ['test/support/globalSetup.ts'],
  },
});
