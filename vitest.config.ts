import { defineConfig } from 'vitest/config';

// The quick loop (`npm test`): every test file under test/ except the slow suites, named
// `*.slow.test.ts` (`npm run test:slow`, vitest.slow.config.ts). CI (.ci/run) runs both.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.slow.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
