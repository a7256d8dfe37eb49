'use client';

import { useState } from 'react';
import type { ProviderChoice, WireTensor } from '@/lib/runtime/protocol';
import { PROBE_BATCH, PROBE_WIDTH, probeInput, probeModel } from '@/lib/runtime/probe';
import type { ClientStatus, MlClient } from '@/components/ml/ml-client';
import styles from './engine.module.css';

const CHOICES: { value: ProviderChoice; label: string }[] = [
  { value: 'auto', label: 'Automatic (measured)' },
  { value: 'wasm', label: 'WASM' },
  { value: 'webgpu', label: 'WebGPU' },
];

type Check =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string };

/**
 * The serving runtime as the case studies use it: which execution provider runs, why, a manual
 * override, a retry that starts a fresh worker, and two checks (a probe model, or a .onnx file).
 */
export function RuntimePanel({
  client,
  status,
  initialChoice,
}: {
  client: MlClient | null;
  status: ClientStatus;
  initialChoice: ProviderChoice;
}) {
  const [choice, setChoice] = useState<ProviderChoice>(initialChoice);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });

  const restart = (next: ProviderChoice) => {
    setChoice(next);
    setCheck({ kind: 'idle' });
    client?.restart(next).catch(() => undefined);
  };

  const runProbe = async () => {
    const c = client;
    if (!c) return;
    setCheck({ kind: 'busy' });
    try {
      await c.load('probe', probeModel());
      const x: WireTensor = {
        type: 'float32',
        data: probeInput(),
        dims: [PROBE_BATCH, PROBE_WIDTH],
      };
      const { outputs, ms } = await c.run('probe', { x });
      const y = outputs.y!.data as Float32Array;
      setCheck({
        kind: 'ok',
        text: `Probe model ran on ${PROBE_BATCH} rows in ${ms.toFixed(2)} ms; first output ${y[0]!.toFixed(4)}.`,
      });
    } catch (error) {
      setCheck({ kind: 'error', text: (error as Error).message });
    }
  };

  const loadFile = async (file: File | undefined) => {
    const c = client;
    if (!c || !file) return;
    setCheck({ kind: 'busy' });
    try {
      const info = await c.load('upload', new Uint8Array(await file.arrayBuffer()));
      setCheck({
        kind: 'ok',
        text: `${file.name}: inputs ${info.inputNames.join(', ')}; outputs ${info.outputNames.join(', ')}; loaded in ${info.ms.toFixed(1)} ms.`,
      });
      await c.release('upload');
    } catch (error) {
      setCheck({ kind: 'error', text: `${file.name}: ${(error as Error).message}` });
    }
  };

  return (
    <section
      className={styles.panel}
      aria-labelledby="runtime-title"
      data-testid="runtime"
      data-state={status.state}
      data-provider={status.provider ?? ''}
    >
      <h2 id="runtime-title">Serving runtime</h2>
      <div className={styles.row}>
        <span className={styles.providerBadge} data-testid="provider">
          {status.state === 'ready'
            ? status.provider?.toUpperCase()
            : status.state === 'starting'
              ? 'Starting…'
              : 'Stopped'}
        </span>
        <label>
          Execution provider{' '}
          <select
            value={choice}
            onChange={(e) => restart(e.target.value as ProviderChoice)}
            data-testid="provider-choice"
          >
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status.state === 'ready' && <p data-testid="provider-reason">{status.reason}</p>}
      {status.state === 'failed' && (
        <div
          className={styles.error}
          role="alert"
          data-testid="runtime-error"
          data-code={status.error?.code}
        >
          <p>{status.error?.message}</p>
          <button
            type="button"
            className="button"
            onClick={() => restart(choice)}
            data-testid="runtime-retry"
          >
            Retry with a fresh worker
          </button>
        </div>
      )}
      <div className={styles.row}>
        <button
          type="button"
          className="button"
          onClick={() => void runProbe()}
          disabled={status.state !== 'ready' || check.kind === 'busy'}
          data-testid="run-probe"
        >
          Run a probe model
        </button>
        <label className="button">
          Inspect a .onnx file…
          <input
            type="file"
            accept=".onnx,application/octet-stream"
            hidden
            onChange={(e) =>
              void loadFile(e.target.files?.[0]).finally(() => (e.target.value = ''))
            }
            disabled={status.state !== 'ready'}
            data-testid="onnx-file"
          />
        </label>
      </div>
      {check.kind === 'ok' && (
        <p className={styles.ok} role="status" data-testid="check-result">
          {check.text}
        </p>
      )}
      {check.kind === 'error' && (
        <p className={styles.errorText} role="alert" data-testid="check-error">
          {check.text}
        </p>
      )}
    </section>
  );
}
