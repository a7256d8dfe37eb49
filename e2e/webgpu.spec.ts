import { expect, test } from '@playwright/test';

// Runs in the 'webgpu' project: Chromium with --enable-unsafe-webgpu, whose adapter here is
// SwiftShader (software). It checks the WebGPU path for correctness, never for speed.

test('with a software WebGPU adapter, automatic choice keeps WASM and explains why', async ({
  page,
}) => {
  await page.goto('/lab/engine/');
  const runtime = page.getByTestId('runtime');
  await expect(runtime).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(runtime).toHaveAttribute('data-provider', 'wasm');
  await expect(page.getByTestId('provider-reason')).toContainText('software fallback');
});

test('forced WebGPU serves every exported model kind with outputs matching TF.js', async ({
  page,
}) => {
  await page.goto('/lab/engine/?provider=webgpu');
  const runtime = page.getByTestId('runtime');
  await expect(runtime).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(runtime).toHaveAttribute('data-provider', 'webgpu');
  await page.getByTestId('run-parity').click();
  await expect(page.getByTestId('parity')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('parity-row')).toHaveCount(6);
  await expect(page.getByTestId('parity')).toHaveAttribute('data-pass', 'true');
});
