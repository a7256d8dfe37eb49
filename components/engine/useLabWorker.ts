'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabMessage, LabRequest } from '@/components/ml/lab.worker';

/** A validation loss at the end of an epoch, placed after `batch` training-loss points. */
export interface ValPoint {
  batch: number;
  loss: number;
}

export type LabState<T> =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; fraction: number; losses: number[]; valLosses: ValPoint[] }
  | { kind: 'done'; result: T; backend: string; losses: number[]; valLosses: ValPoint[] }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

const labWorker = () =>
  new Worker(new URL('../ml/lab.worker.ts', import.meta.url), { type: 'module', name: 'mlsd-lab' });

/**
 * Runs one job at a time in a fresh worker, with progress; `onDone` sees the result once.
 * Any worker that speaks LabMessage fits: pass its factory (the engine room's by default).
 * `cancel` ends the worker at once, so nothing half-done is kept.
 */
export function useLabWorker<T, R = LabRequest>(create: () => Worker = labWorker) {
  const [state, setState] = useState<LabState<T>>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    const w = worker.current;
    worker.current = null;
    if (!w) return;
    // A worker ended while it loads its scripts may still report an error: ignore it.
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
  }, []);
  useEffect(() => stop, [stop]);

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState({ kind: 'cancelled' });
  }, [stop]);

  const start = useCallback(
    (req: R, onDone?: (result: T) => void) => {
      stop();
      const w = create();
      worker.current = w;
      const losses: number[] = [];
      const valLosses: ValPoint[] = [];
      setState({ kind: 'running', label: 'Starting the worker', fraction: 0, losses, valLosses });
      w.onmessage = (e: MessageEvent<LabMessage>) => {
        const m = e.data;
        if (m.type === 'progress') {
          if (m.loss !== undefined) losses.push(m.loss);
          if (m.valLoss !== undefined) valLosses.push({ batch: losses.length, loss: m.valLoss });
          setState({
            kind: 'running',
            label: m.label,
            fraction: m.fraction,
            losses: [...losses],
            valLosses: [...valLosses],
          });
          return;
        }
        stop();
        if (m.type === 'result') {
          setState({ kind: 'done', result: m.result as T, backend: m.backend, losses, valLosses });
          onDone?.(m.result as T);
        } else {
          setState({ kind: 'failed', message: m.message });
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        setState({
          kind: 'failed',
          message:
            e.message || 'the worker stopped (its script failed to load or it ran out of memory)',
        });
        stop();
      };
      w.postMessage(req);
    },
    [stop, create],
  );

  /** Back to idle (e.g. new input makes the last outcome stale). */
  const reset = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);

  return { state, start, cancel, reset };
}
