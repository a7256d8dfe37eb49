import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Use Playwright's own browser when it is installed; otherwise Debian's Chromium (CI here),
// or whatever CHROMIUM_PATH names.
const debianChromium = '/usr/bin/chromium';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
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
