import { defineConfig } from 'vitest/config';

/** `npm run test:package`: builds the Electron package (electron-builder's `dir` target) and checks it. */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // The build (when stale) and electron-builder's packing, for two architectures.
    hookTimeout: 300_000,
  },
});
