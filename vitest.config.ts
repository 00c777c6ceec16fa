import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/fault/**/*.test.ts',
      'test/support/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    // PostgreSQL for the head-office tests: TEST_PG_URL, or a throwaway cluster started here.
    globalSetup: ['test/support/pg-global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
