import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium';

export default defineConfig({
  testDir: 'test',
  globalSetup: './test/helpers/global-setup.ts',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  // The digest comes last: CI shows the end of the output.
  reporter: [['list'], ['./test/helpers/failure-digest-reporter.ts']],
  use: { trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true } },
  projects: [
    {
      name: 'web',
      testMatch: 'browser/**/*.spec.ts',
      use: { browserName: 'chromium', viewport: { width: 1080, height: 1920 }, launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
