'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabMessage, LabRequest } from '@/components/ml/lab.worker';

export type LabState<T> =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; fraction: number; losses: number[] }
  | { kind: 'done'; result: T; backend: string }
  | { kind: 'failed'; message: string };

/** Runs one engine-room job at a time in a fresh worker, with progress; `onDone` sees the result once. */
export function useLabWorker<T>() {
  const [state, setState] = useState<LabState<T>>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (req: LabRequest, onDone?: (result: T) => void) => {
      stop();
      const w = new Worker(new URL('../ml/lab.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mlsd-lab',
      });
      worker.current = w;
      const losses: number[] = [];
      setState({ kind: 'running', label: 'Starting the worker', fraction: 0, losses });
      w.onmessage = (e: MessageEvent<LabMessage>) => {
        const m = e.data;
        if (m.type === 'progress') {
          if (m.loss !== undefined) losses.push(m.loss);
          setState({ kind: 'running', label: m.label, fraction: m.fraction, losses: [...losses] });
          return;
        }
        stop();
        if (m.type === 'result') {
          setState({ kind: 'done', result: m.result as T, backend: m.backend });
          onDone?.(m.result as T);
        } else {
          setState({ kind: 'failed', message: m.message });
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        setState({ kind: 'failed', message: e.message || 'the worker script failed to load' });
        stop();
      };
      w.postMessage(req);
    },
    [stop],
  );

  return { state, start };
}
