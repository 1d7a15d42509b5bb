import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests on real SQLite files and
// processes, and end-to-end tests in Debian's Chromium through the harness.
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker. Two let unit and integration files
    // run side by side in a plain `vitest run`; `npm test` runs the e2e files in a
    // second process beside them instead (scripts/test.ts, ADR 0027).
    maxWorkers: 2,
    projects: [
      // Some unit tests (main-process lifecycle) build the example project: give a busy 2-core machine room.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll waits for what the user sees (a mark, a count, a pressed button). Vitest's 1 s default is short
          // on a busy 2-core CI machine, where the unit and integration lane runs beside this one; a poll that
          // succeeds returns at once, so only a failing test waits longer.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the CI machine has two cores.
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
