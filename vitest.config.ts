import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code (src/**/x.test.ts).
// Browser tests live in e2e/ and run through `npm run e2e` (see package.json).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'law/**/*.test.ts', 'params/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
