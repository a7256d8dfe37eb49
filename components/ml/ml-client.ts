import { RuntimeError } from '@/lib/runtime/errors';
import type {
  Feeds,
  InitResult,
  LoadResult,
  ProviderChoice,
  RequestBody,
  Response,
  RunResult,
} from '@/lib/runtime/protocol';

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: RuntimeError) => void;
  timer: ReturnType<typeof setTimeout>;
};

export interface ClientStatus {
  state: 'starting' | 'ready' | 'failed';
  provider?: InitResult['provider'];
  reason?: string;
  error?: { code: string; message: string };
}

const TIMEOUT_MS = 60_000;

function spawnWorker(): Worker {
  return new Worker(new URL('./ml.worker.ts', import.meta.url), {
    type: 'module',
    name: 'mlsd-ml',
  });
}

/**
 * The page's handle on the ML worker. Requests are matched to answers by id and time out; a
 * crashed worker fails everything pending with a coded error; `restart()` starts a fresh worker
 * and reloads every model, which is how the UI's "Retry" works. A failed WebGPU start falls back
 * to WASM and says so.
 */
export class MlClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private models = new Map<string, Uint8Array>();
  private choice: ProviderChoice = 'auto';
  private listeners = new Set<(s: ClientStatus) => void>();
  status: ClientStatus = { state: 'starting' };

  constructor(private readonly makeWorker: () => Worker = spawnWorker) {}

  onStatus(listener: (s: ClientStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: ClientStatus) {
    this.status = status;
    for (const l of this.listeners) l(status);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.makeWorker();
    worker.onmessage = (e: MessageEvent<Response>) => this.settle(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.crash(`The ML worker stopped: ${e.message || 'its script failed to load'}.`);
    };
    this.worker = worker;
    return worker;
  }

  private crash(message: string) {
    const error = new RuntimeError('WORKER_CRASHED', message);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    this.setStatus({ state: 'failed', error: error.toWire() });
  }

  private settle(res: Response) {
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    clearTimeout(p.timer);
    if (res.ok) p.resolve(res.result);
    else p.reject(new RuntimeError(res.error.code, res.error.message));
  }

  private request<T>(body: RequestBody, transfer: Transferable[] = []): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new RuntimeError(
            'TIMEOUT',
            `The ML worker did not answer "${body.type}" within ${TIMEOUT_MS / 1000} s.`,
          ),
        );
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  /** Starts the runtime; a failed WebGPU start is retried on WASM with the reason kept. */
  async init(choice: ProviderChoice = this.choice): Promise<InitResult> {
    this.choice = choice;
    this.setStatus({ state: 'starting' });
    try {
      const result = await this.request<InitResult>({ type: 'init', provider: choice });
      this.setStatus({ state: 'ready', provider: result.provider, reason: result.reason });
      return result;
    } catch (error) {
      const e = error as RuntimeError;
      if (choice !== 'wasm' && e.code !== 'WORKER_CRASHED' && e.code !== 'RUNTIME_LOAD_FAILED') {
        const result = await this.request<InitResult>({ type: 'init', provider: 'wasm' }).catch(
          (inner: RuntimeError) => this.fail(inner),
        );
        const reason = `WASM, because WebGPU failed: ${e.message}`;
        this.setStatus({ state: 'ready', provider: result.provider, reason });
        return { ...result, reason };
      }
      return this.fail(e);
    }
  }

  private fail(error: RuntimeError): never {
    this.setStatus({ state: 'failed', error: { code: error.code, message: error.message } });
    throw error;
  }

  async load(sessionId: string, model: Uint8Array): Promise<LoadResult> {
    this.models.set(sessionId, model);
    // Send a copy: the original stays here so a restarted worker can load it again.
    return this.request<LoadResult>({ type: 'load', sessionId, model: model.slice() });
  }

  run(sessionId: string, feeds: Feeds, transfer = false): Promise<RunResult> {
    const buffers = transfer ? Object.values(feeds).map((t) => t.data.buffer as ArrayBuffer) : [];
    return this.request<RunResult>({ type: 'run', sessionId, feeds }, buffers);
  }

  async release(sessionId: string): Promise<void> {
    this.models.delete(sessionId);
    await this.request({ type: 'release', sessionId });
  }

  /** A fresh worker with the same provider choice and every model reloaded. */
  async restart(choice: ProviderChoice = this.choice): Promise<InitResult> {
    this.crash('Restarting the ML worker.');
    const result = await this.init(choice);
    for (const [id, model] of this.models)
      await this.request<LoadResult>({ type: 'load', sessionId: id, model: model.slice() });
    return result;
  }

  dispose() {
    this.crash('The ML worker was closed.');
    this.listeners.clear();
  }
}
