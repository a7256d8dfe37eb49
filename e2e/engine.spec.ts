import { expect, test, type Page } from '@playwright/test';
import { startFaultServer } from './fault-server';

async function ready(page: Page, query = '') {
  await page.goto(`/lab/engine/${query}`);
  const runtime = page.getByTestId('runtime');
  await expect(runtime).toHaveAttribute('data-state', /ready|failed/, { timeout: 30_000 });
  return runtime;
}

test('the runtime starts on WASM in a worker, says why, and serves a model', async ({ page }) => {
  const runtime = await ready(page);
  await expect(runtime).toHaveAttribute('data-provider', 'wasm');
  await expect(page.getByTestId('provider-reason')).toContainText(/WASM/);
  await page.getByTestId('run-probe').click();
  await expect(page.getByTestId('check-result')).toContainText('Probe model ran on 500 rows');
});

test('every exported model kind matches TF.js within 1e-4 in Chromium', async ({ page }) => {
  await ready(page);
  await page.getByTestId('run-parity').click();
  const panel = page.getByTestId('parity');
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const rows = page.getByTestId('parity-row');
  await expect(rows).toHaveCount(6);
  for (const diff of await rows.evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('data-diff'))),
  )) {
    expect(diff).toBeGreaterThanOrEqual(0);
    expect(diff).toBeLessThanOrEqual(1e-4);
  }
  await expect(panel).toHaveAttribute('data-pass', 'true');
});

test('a truncated model file gets a clear error and the runtime keeps working', async ({
  page,
}) => {
  await ready(page);
  // A valid model (the probe) cut short: read it back from a first successful load is overkill; any
  // protobuf cut mid-field will do, so take the first bytes of a real ONNX header.
  const truncated = Buffer.from([
    0x08, 0x08, 0x12, 0x0c, 0x6d, 0x6c, 0x73, 0x64, 0x3a, 0x12, 0xff, 0xff, 0x0f,
  ]);
  await page.getByTestId('onnx-file').setInputFiles({
    name: 'broken.onnx',
    mimeType: 'application/octet-stream',
    buffer: truncated,
  });
  await expect(page.getByTestId('check-error')).toContainText(
    'broken.onnx: The model file is damaged or incomplete',
  );
  await page.getByTestId('run-probe').click();
  await expect(page.getByTestId('check-result')).toContainText('Probe model ran');
});

for (const [name, fault] of [
  ['missing (404)', 'runtime-404'],
  ['served as HTML', 'runtime-html'],
] as const) {
  test(`a runtime file that is ${name} gives a clear error, and Retry recovers`, async ({
    page,
  }) => {
    const server = await startFaultServer();
    try {
      server.setFault(fault);
      await page.goto(`${server.url}/lab/engine/`);
      const runtime = page.getByTestId('runtime');
      await expect(runtime).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
      await expect(page.getByTestId('runtime-error')).toHaveAttribute(
        'data-code',
        'RUNTIME_LOAD_FAILED',
      );
      await expect(page.getByTestId('runtime-error')).toContainText('could not be loaded');
      server.setFault('none');
      await page.getByTestId('runtime-retry').click();
      await expect(runtime).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await page.getByTestId('run-probe').click();
      await expect(page.getByTestId('check-result')).toContainText('Probe model ran');
    } finally {
      await server.close();
    }
  });
}

test('asking for WebGPU where there is none falls back to WASM and says so', async ({ page }) => {
  const runtime = await ready(page, '?provider=webgpu');
  await expect(runtime).toHaveAttribute('data-provider', 'wasm');
  await expect(page.getByTestId('provider-reason')).toContainText('because WebGPU failed');
});

test('the benchmark harness runs in the page and reports each figure beside its peer', async ({
  page,
}) => {
  await page.goto('/lab/engine/?autorun=1&quick=1&cases=user-tower,ranker');
  await expect(page.getByTestId('bench')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('bench-row')).toHaveCount(4);
  await expect(page.getByTestId('bench-table')).toContainText('(TF.js WASM)');
  const rows = await page.evaluate(() => window.__mlsdBench?.rows ?? []);
  expect(rows.every((r) => r.env === 'chromium' && r.p50 > 0 && r.p95 >= r.p50)).toBe(true);
});

test('a model trained in the browser is registered, survives a reload, and is hot-swapped into serving', async ({
  page,
}) => {
  await ready(page);
  const models = page.getByTestId('models');
  for (const seed of ['1', '2']) {
    await page.getByTestId('train-seed').fill(seed);
    await page.getByTestId('train').click();
    await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
    await expect(models).toHaveAttribute('data-train', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('models-message')).toContainText(`Registered version ${seed}`);
  }
  const recall = await page.getByTestId('version-row').first().locator('td').nth(3).textContent();
  const baseline = await page.getByTestId('version-row').first().locator('td').nth(4).textContent();
  expect(parseFloat(recall!)).toBeGreaterThan(1.3 * parseFloat(baseline!));

  await page.reload();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('runtime')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await page.getByTestId('version-row').nth(0).getByTestId('activate').click();
  await expect(page.getByTestId('serve')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('serve')).toContainText('Serving version 1');
  await page.getByTestId('recommend').click();
  const onTopic = Number(await page.getByTestId('answer').getAttribute('data-on-topic'));
  expect(onTopic).toBeGreaterThanOrEqual(5);

  await page.getByTestId('version-row').nth(1).getByTestId('activate').click();
  await expect(page.getByTestId('serve')).toContainText('Serving version 2');
  await expect(page.getByTestId('serve')).toHaveAttribute('data-state', 'ready');
});
