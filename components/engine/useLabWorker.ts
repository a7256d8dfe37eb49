'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabMessage, LabRequest } from '@/components/ml/lab.worker';

export type LabState<T> =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; fraction: number }
  | { kind: 'done'; result: T; backend: string }
  | { kind: 'failed'; message: string };

/** Runs one engine-room job at a time in a fresh worker, with progress. */
export function useLabWorker<T>() {
  const [state, setState] = useState<LabState<T>>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (req: LabRequest) => {
      stop();
      const w = new Worker(new URL('../ml/lab.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mlsd-lab',
      });
      worker.current = w;
      setState({ kind: 'running', label: 'Starting the worker', fraction: 0 });
      w.onmessage = (e: MessageEvent<LabMessage>) => {
        const m = e.data;
        if (m.type === 'progress')
          setState({ kind: 'running', label: m.label, fraction: m.fraction });
        else if (m.type === 'result') {
          setState({ kind: 'done', result: m.result as T, backend: m.backend });
          stop();
        } else {
          setState({ kind: 'failed', message: m.message });
          stop();
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
