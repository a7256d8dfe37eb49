import { existsSync } from 'node:fs';

/**
 * Which Chromium the tests and benchmarks drive: CHROMIUM_PATH if set, else Debian's
 * /usr/bin/chromium when present, else Playwright's own browser (undefined).
 */
export function chromiumExecutable(): string | undefined {
  const debian = '/usr/bin/chromium';
  return process.env.CHROMIUM_PATH ?? (existsSync(debian) ? debian : undefined);
}

/** Flags that work headless as root on these machines (see shared/ENVIRONMENT.md). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
