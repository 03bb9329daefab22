import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/glue/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    // Vitest's default is one worker fewer than the cores: one on a two-core CI machine. Much of
    // the suite waits (child processes, servers, timers), so two files at a time take about half
    // as long (185 s → 103 s measured on two cores).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
