import type * as OrtTypes from 'onnxruntime-web';
import { GraphBuilder } from '../onnx/graph';
import { RuntimeError, classifyError } from './errors';
import { PROBE_BATCH, PROBE_WIDTH, probeInput, probeModel } from './probe';
import type {
  Feeds,
  InitResult,
  LoadResult,
  Provider,
  ProviderChoice,
  Request,
  RunResult,
  WireTensor,
} from './protocol';
import { SerialQueue } from './queue';

export type Ort = typeof OrtTypes;

export interface GpuInfo {
  available: boolean;
  /** A software adapter (e.g. SwiftShader): correct but far slower than WASM. */
  fallback: boolean;
  description: string;
}

export interface EngineHost {
  /** Loads the onnxruntime-web build for a provider (one variant per provider, never both in one bundle). */
  loadOrt(provider: Provider): Promise<Ort>;
  gpu(): Promise<GpuInfo>;
  now(): number;
}

interface SessionEntry {
  session: OrtTypes.InferenceSession;
  queue: SerialQueue;
}

const PROBE_RUNS = 5;

/**
 * The worker-side ML runtime: picks an execution provider, creates sessions, and runs them
 * through a per-session queue. It touches no DOM, so Node tests drive it directly.
 */
export function createEngine(host: EngineHost) {
  let ort: Ort | null = null;
  let provider: Provider | null = null;
  const sessions = new Map<string, SessionEntry>();

  async function create(o: Ort, p: Provider, model: Uint8Array) {
    try {
      return await o.InferenceSession.create(model, {
        executionProviders: [p],
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw classifyError(error, 'MODEL_INVALID');
    }
  }

  async function loadRuntime(p: Provider): Promise<Ort> {
    try {
      const o = await host.loadOrt(p);
      // One thread: on two cores it was as fast as more for our model sizes, and threads need cross-origin isolation.
      o.env.wasm.numThreads = 1;
      return o;
    } catch (error) {
      throw classifyError(error, 'RUNTIME_LOAD_FAILED');
    }
  }

  /** Median ms per probe run on a provider (after one warm-up run). */
  async function measure(o: Ort, p: Provider): Promise<number> {
    const session = await create(o, p, probeModel());
    const x = new o.Tensor('float32', probeInput(), [PROBE_BATCH, PROBE_WIDTH]);
    await session.run({ x });
    const times: number[] = [];
    for (let i = 0; i < PROBE_RUNS; i++) {
      const t0 = host.now();
      await session.run({ x });
      times.push(host.now() - t0);
    }
    await session.release();
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  }

  async function choose(choice: ProviderChoice): Promise<InitResult> {
    if (choice === 'wasm') return { provider: 'wasm', reason: 'WASM was chosen by hand.' };
    const gpu = await host.gpu();
    if (choice === 'webgpu') {
      if (!gpu.available)
        throw new RuntimeError(
          'NO_WEBGPU',
          `WebGPU is not available in this browser (${gpu.description}).`,
        );
      return { provider: 'webgpu', reason: `WebGPU was chosen by hand (${gpu.description}).` };
    }
    if (!gpu.available)
      return { provider: 'wasm', reason: `WASM: no WebGPU in this browser (${gpu.description}).` };
    if (gpu.fallback)
      return {
        provider: 'wasm',
        reason: `WASM: the only WebGPU adapter is a software fallback (${gpu.description}), far slower than WASM.`,
      };
    const wasmMs = await measure(await loadRuntime('wasm'), 'wasm');
    let gpuMs: number;
    try {
      gpuMs = await measure(await loadRuntime('webgpu'), 'webgpu');
    } catch (error) {
      return {
        provider: 'wasm',
        reason: `WASM: WebGPU failed at start-up (${(error as Error).message}).`,
        measured: { wasm: wasmMs },
      };
    }
    const measured = { wasm: wasmMs, webgpu: gpuMs };
    const faster: Provider = gpuMs < wasmMs ? 'webgpu' : 'wasm';
    return {
      provider: faster,
      reason: `${faster === 'webgpu' ? 'WebGPU' : 'WASM'} measured faster at start-up (WASM ${wasmMs.toFixed(2)} ms, WebGPU ${gpuMs.toFixed(2)} ms per probe).`,
      measured,
    };
  }

  async function init(choice: ProviderChoice): Promise<InitResult> {
    const picked = await choose(choice);
    const o = await loadRuntime(picked.provider);
    // The runtime's .wasm is fetched and compiled on the first session, not on import: do it
    // now so a missing or broken runtime file fails here, with its own error, not on first use.
    try {
      const warm = await o.InferenceSession.create(tinyModel(), {
        executionProviders: [picked.provider],
      });
      await warm.release();
    } catch (error) {
      throw classifyError(error, 'RUNTIME_LOAD_FAILED');
    }
    ort = o;
    provider = picked.provider;
    return picked;
  }

  async function load(sessionId: string, model: Uint8Array): Promise<LoadResult> {
    if (!ort || !provider)
      throw new RuntimeError('NOT_READY', 'The ML runtime is not initialised yet.');
    const t0 = host.now();
    const session = await create(ort, provider, model);
    const old = sessions.get(sessionId);
    sessions.set(sessionId, { session, queue: new SerialQueue() });
    if (old) void old.queue.push(() => old.session.release());
    return {
      sessionId,
      inputNames: [...session.inputNames],
      outputNames: [...session.outputNames],
      ms: host.now() - t0,
    };
  }

  function entry(sessionId: string): SessionEntry {
    const e = sessions.get(sessionId);
    if (!e) throw new RuntimeError('UNKNOWN_SESSION', `No model is loaded as "${sessionId}".`);
    return e;
  }

  async function run(sessionId: string, feeds: Feeds): Promise<RunResult> {
    const o = ort;
    if (!o) throw new RuntimeError('NOT_READY', 'The ML runtime is not initialised yet.');
    const { session, queue } = entry(sessionId);
    return queue.push(async () => {
      const inputs: Record<string, OrtTypes.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) inputs[name] = toTensor(o, name, t);
      const t0 = host.now();
      let results: OrtTypes.InferenceSession.OnnxValueMapType;
      try {
        results = await session.run(inputs);
      } catch (error) {
        throw classifyError(error, 'RUN_FAILED');
      }
      const ms = host.now() - t0;
      const outputs: Feeds = {};
      for (const [name, value] of Object.entries(results))
        outputs[name] = fromTensor(value as OrtTypes.Tensor);
      return { outputs, ms };
    });
  }

  async function release(sessionId: string): Promise<void> {
    const { session, queue } = entry(sessionId);
    sessions.delete(sessionId);
    await queue.push(() => session.release());
  }

  /** Answers one request; errors come back as coded RuntimeErrors. */
  async function handle(req: Request): Promise<unknown> {
    switch (req.type) {
      case 'init':
        return init(req.provider);
      case 'load':
        return load(req.sessionId, req.model);
      case 'run':
        return run(req.sessionId, req.feeds);
      case 'release':
        return release(req.sessionId);
    }
  }

  return {
    handle,
    get provider() {
      return provider;
    },
  };
}

let tiny: Uint8Array | null = null;
/** The smallest useful model (y = relu(x)), to start the runtime. */
function tinyModel(): Uint8Array {
  if (!tiny) {
    const g = new GraphBuilder('warm_up');
    g.output(g.node('Relu', [g.input('x', 'float32', ['batch', 1])]), 'y', 'float32', ['batch', 1]);
    tiny = g.toBytes();
  }
  return tiny;
}

function toTensor(o: Ort, name: string, t: WireTensor): OrtTypes.Tensor {
  const size = t.dims.reduce((a, b) => a * b, 1);
  if (!t.dims.every((d) => Number.isInteger(d) && d >= 0) || size !== t.data.length)
    throw new RuntimeError(
      'BAD_INPUT',
      `Input "${name}" has ${t.data.length} values but shape [${t.dims.join(', ')}].`,
    );
  return new o.Tensor(t.type, t.data, t.dims);
}

function fromTensor(t: OrtTypes.Tensor): WireTensor {
  const type = t.type === 'int64' ? 'int64' : t.type === 'int32' ? 'int32' : 'float32';
  return { type, data: t.data as WireTensor['data'], dims: [...t.dims] };
}
