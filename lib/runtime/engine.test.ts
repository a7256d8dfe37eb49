import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph';
import { createEngine, type EngineHost } from './engine';
import { RuntimeError } from './errors';

function host(
  gpu = { available: false, fallback: false, description: 'none in Node' },
  fail?: Error,
): EngineHost {
  return {
    loadOrt: async () => {
      if (fail) throw fail;
      return ort;
    },
    gpu: async () => gpu,
    now: () => performance.now(),
  };
}

/** y = x · W with a known W, so outputs can be checked by hand. */
function linearModel(): Uint8Array {
  const g = new GraphBuilder('linear');
  const x = g.input('x', 'float32', ['batch', 2]);
  const y = g.node('MatMul', [x, g.initializer('w', [2, 1], new Float32Array([2, -1]))]);
  g.output(y, 'y', 'float32', ['batch', 1]);
  return g.toBytes();
}

const feed = (values: number[]) => ({
  x: { type: 'float32' as const, data: new Float32Array(values), dims: [values.length / 2, 2] },
});

async function ready(h = host()) {
  const engine = createEngine(h);
  await engine.handle({ id: 1, type: 'init', provider: 'auto' });
  return engine;
}

describe('ML engine (worker side)', () => {
  it('picks WASM with a reason when there is no WebGPU, and runs a model', async () => {
    const engine = createEngine(host());
    const init = await engine.handle({ id: 1, type: 'init', provider: 'auto' });
    expect(init).toMatchObject({ provider: 'wasm', reason: expect.stringContaining('no WebGPU') });
    const loaded = await engine.handle({
      id: 2,
      type: 'load',
      sessionId: 'lin',
      model: linearModel(),
    });
    expect(loaded).toMatchObject({ inputNames: ['x'], outputNames: ['y'] });
    const out = (await engine.handle({
      id: 3,
      type: 'run',
      sessionId: 'lin',
      feeds: feed([1, 2, 3, 1]),
    })) as { outputs: { y: { data: Float32Array; dims: number[] } } };
    expect([...out.outputs.y.data]).toEqual([0, 5]);
    expect(out.outputs.y.dims).toEqual([2, 1]);
  });

  it('skips a software WebGPU adapter on auto, and refuses WebGPU by hand when there is none', async () => {
    const soft = createEngine(
      host({ available: true, fallback: true, description: 'SwiftShader' }),
    );
    expect(await soft.handle({ id: 1, type: 'init', provider: 'auto' })).toMatchObject({
      provider: 'wasm',
      reason: expect.stringContaining('software fallback'),
    });
    const none = createEngine(host());
    await expect(none.handle({ id: 1, type: 'init', provider: 'webgpu' })).rejects.toMatchObject({
      code: 'NO_WEBGPU',
    });
  });

  it('queues overlapping runs on one session and answers each correctly', async () => {
    const engine = await ready();
    await engine.handle({ id: 2, type: 'load', sessionId: 'lin', model: linearModel() });
    const runs = Array.from({ length: 20 }, (_, i) =>
      engine.handle({ id: 10 + i, type: 'run', sessionId: 'lin', feeds: feed([i, 0]) }),
    );
    const outs = (await Promise.all(runs)) as { outputs: { y: { data: Float32Array } } }[];
    expect(outs.map((o) => o.outputs.y.data[0])).toEqual(
      Array.from({ length: 20 }, (_, i) => 2 * i),
    );
  });

  it('reports a truncated model as MODEL_INVALID and keeps working', async () => {
    const engine = await ready();
    const bytes = linearModel();
    await expect(
      engine.handle({
        id: 2,
        type: 'load',
        sessionId: 'bad',
        model: bytes.slice(0, bytes.length - 9),
      }),
    ).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    await engine.handle({ id: 3, type: 'load', sessionId: 'ok', model: bytes });
    await expect(
      engine.handle({ id: 4, type: 'run', sessionId: 'ok', feeds: feed([1, 1]) }),
    ).resolves.toBeTruthy();
  });

  it('rejects bad input shapes, unknown sessions and use before init with coded errors', async () => {
    const fresh = createEngine(host());
    await expect(
      fresh.handle({ id: 1, type: 'load', sessionId: 'x', model: linearModel() }),
    ).rejects.toMatchObject({ code: 'NOT_READY' });
    const engine = await ready();
    await engine.handle({ id: 2, type: 'load', sessionId: 'lin', model: linearModel() });
    await expect(
      engine.handle({
        id: 3,
        type: 'run',
        sessionId: 'lin',
        feeds: { x: { type: 'float32', data: new Float32Array(3), dims: [2, 2] } },
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      engine.handle({ id: 4, type: 'run', sessionId: 'nope', feeds: feed([1, 1]) }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_SESSION' });
    await engine.handle({ id: 5, type: 'release', sessionId: 'lin' });
    await expect(
      engine.handle({ id: 6, type: 'run', sessionId: 'lin', feeds: feed([1, 1]) }),
    ).rejects.toBeInstanceOf(RuntimeError);
  });

  it('reports a runtime that cannot load (wasm served as HTML) as RUNTIME_LOAD_FAILED', async () => {
    const engine = createEngine(
      host(
        undefined,
        new Error('WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 44 4f'),
      ),
    );
    await expect(engine.handle({ id: 1, type: 'init', provider: 'wasm' })).rejects.toMatchObject({
      code: 'RUNTIME_LOAD_FAILED',
    });
  });
});
