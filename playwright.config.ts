import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/** The system Chromium when present (scripts/chromium.mjs); elsewhere Playwright's own browser. */
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;
const port = Number(process.env.PORT ?? 3100);
/** The sandbox record (`npm run ehr`): the origin ehr.config.json trusts, so its port is fixed. */
export const EHR_ORIGIN = 'http://127.0.0.1:4010';

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'model/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace slows every action by about a third on two cores: record it when a failed
    // test is retried (CI retries once), not for every test; locally, rerun a failing test with
    // `--trace on`.
    trace: 'on-first-retry',
    // Most specs test the page itself, each from a fresh browser; tests/e2e/offline.spec.ts turns the
    // service worker on (it would otherwise precache the whole app at every test's first page).
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [...chromiumArgs],
    },
  },
  webServer: [
    {
      // What `npm start` runs: the static build (`out/`) with the headers of out/_headers.
      command: 'node scripts/serve.mjs',
      env: { HOST: '127.0.0.1', PORT: String(port) },
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // What `npm run ehr` runs: the sandbox record the launch tests (tests/e2e/record.spec.ts) use.
      command: 'npm run --silent ehr',
      env: { APP_URL: `http://127.0.0.1:${port}`, EHR_QUIET: '1' },
      url: `${EHR_ORIGIN}/fhir/R4/metadata`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
