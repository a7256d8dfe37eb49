import { defineConfig, devices } from '@playwright/test';
import { BROWSER_ARGS, chromiumExecutable } from './e2e/browser';

const executablePath = chromiumExecutable();
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: BROWSER_ARGS,
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /webgpu\.spec\.ts/ },
    {
      // WebGPU correctness on the software adapter headless Chromium exposes with this flag.
      name: 'webgpu',
      testMatch: /webgpu\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: [...BROWSER_ARGS, '--enable-unsafe-webgpu'] },
      },
    },
  ],
  webServer: {
    command: `node scripts/start.mjs --no-build --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
