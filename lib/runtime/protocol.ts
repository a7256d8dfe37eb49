/**
 * Typed messages between the page and the ML worker. Every request carries an id and gets
 * exactly one response with the same id, so the client can match answers to questions.
 */
export type Provider = 'wasm' | 'webgpu';
export type ProviderChoice = Provider | 'auto';

export type TensorType = 'float32' | 'int32' | 'int64';
export type TensorDataArray = Float32Array | Int32Array | BigInt64Array;

export interface WireTensor {
  type: TensorType;
  data: TensorDataArray;
  dims: number[];
}

export type Feeds = Record<string, WireTensor>;

export type Request =
  | { id: number; type: 'init'; provider: ProviderChoice }
  | { id: number; type: 'load'; sessionId: string; model: Uint8Array }
  | { id: number; type: 'run'; sessionId: string; feeds: Feeds }
  | { id: number; type: 'release'; sessionId: string };

export type RequestBody = Request extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export interface InitResult {
  provider: Provider;
  /** Why this provider: what was detected or measured, in a sentence. */
  reason: string;
  /** Startup measurement in ms per probe run, when both providers were measured. */
  measured?: Partial<Record<Provider, number>>;
}

export interface LoadResult {
  sessionId: string;
  inputNames: string[];
  outputNames: string[];
  ms: number;
}

export interface RunResult {
  outputs: Feeds;
  ms: number;
}

export type ErrorCode =
  | 'NO_WEBGPU'
  | 'RUNTIME_LOAD_FAILED'
  | 'MODEL_INVALID'
  | 'OUT_OF_MEMORY'
  | 'UNKNOWN_SESSION'
  | 'BAD_INPUT'
  | 'RUN_FAILED'
  | 'NOT_READY'
  | 'WORKER_CRASHED'
  | 'TIMEOUT';

export interface WireError {
  code: ErrorCode;
  message: string;
}

export type Response =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

/** Typed arrays inside feeds, to hand to postMessage as transferables. */
export function transferablesOf(feeds: Feeds): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of Object.values(feeds))
    if (t.data.buffer instanceof ArrayBuffer) out.add(t.data.buffer);
  return [...out];
}
