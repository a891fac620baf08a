import { defineConfig } from 'vitest/config';

// The slow suites (`npm run test:slow`): the test files under test/ named `*.slow.test.ts`, e.g.
// the 23 Minimum Shift Design instances proven optimal and the heaviest end-to-end files (scenarios,
// the plan and calibrate commands, calibration, the plan's requirement, the work budget). Not in the quick loop (`npm test`); CI
// (.ci/run) runs both.
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
