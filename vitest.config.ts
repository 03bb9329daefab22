import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/glue/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
