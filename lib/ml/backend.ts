/**
 * TF.js backend selection for training, shared by Node and browser workers.
 *
 * We train on the WASM backend: on these machines it is several times faster than the pure-JS
 * 'cpu' backend and needs no GPU, and tfjs-node cannot be installed. The backend needs its
 * .wasm binaries: Node passes a directory (see backend.node.ts), a worker passes the URL prefix
 * the app serves them from. If WASM cannot start we fall back to 'cpu' and say why, rather than
 * fail: training is slower but still correct.
 */
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type WasmFile =
  'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

export interface BackendOptions {
  /** Preferred backend (default 'wasm'). */
  backend?: 'wasm' | 'cpu';
  /**
   * Where the .wasm binaries are: a prefix ending in '/' (a directory in Node, a URL in a
   * browser) or one path per binary. Required for 'wasm' unless the files sit next to the
   * bundled script.
   */
  wasmPaths?: string | Record<WasmFile, string>;
  /** XNNPACK threads; only used by the threaded build (cross-origin isolated pages). */
  threads?: number;
}

export interface BackendInfo {
  /** The backend TF.js is running on now. */
  backend: string;
  requested: 'wasm' | 'cpu';
  /** Why the requested backend is not the one running, when it is not. */
  fallbackReason?: string;
  initMs: number;
}

let current: Promise<BackendInfo> | null = null;

/**
 * Initialises TF.js once per process/worker; later calls return the first result (the WASM
 * module cannot be re-pointed at other files once loaded).
 */
export function initTf(opts: BackendOptions = {}): Promise<BackendInfo> {
  current ??= start(opts);
  return current;
}

async function start(opts: BackendOptions): Promise<BackendInfo> {
  const requested = opts.backend ?? 'wasm';
  const t0 = performance.now();
  let fallbackReason: string | undefined;
  if (requested === 'wasm') {
    const warnings: string[] = [];
    try {
      if (opts.wasmPaths) setWasmPaths(opts.wasmPaths);
      if (opts.threads) setThreadsCount(opts.threads);
      // TF.js reports a failed backend init only through console.warn and a `false` result;
      // capture those lines so the caller can show the actual cause.
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      try {
        if (!(await tf.setBackend('wasm'))) fallbackReason = 'WASM backend failed to initialise';
      } finally {
        console.warn = warn;
      }
    } catch (err) {
      fallbackReason = err instanceof Error ? err.message : String(err);
    }
    if (fallbackReason && warnings.length > 0) {
      fallbackReason += `: ${warnings.slice(0, 2).join(' | ')}`;
    } else {
      // Not a failure: hand any warnings captured meanwhile back to the console.
      for (const w of warnings) console.warn(w);
    }
  }
  if (requested === 'cpu' || fallbackReason) await tf.setBackend('cpu');
  await tf.ready();
  return {
    backend: tf.getBackend(),
    requested,
    fallbackReason,
    initMs: performance.now() - t0,
  };
}
