import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../ml/backend.node.js';
import { DEMO_WORLD, demoWorld, trainRetrievalDemo } from './retrieval-demo';

beforeAll(async () => {
  await initTfNode();
  ort.env.wasm.numThreads = 1;
});

describe('the in-browser retrieval demo', () => {
  it('learns the planted topics: recall@100 well above popularity, towers exported and runnable', async () => {
    const r = await trainRetrievalDemo({ seed: 1, epochs: 2 });
    expect(r.metrics['recall@100']).toBeGreaterThan(1.3 * r.metrics['popularity recall@100']);
    expect(r.losses.length).toBeGreaterThan(100);
    expect(r.losses.at(-1)!).toBeLessThan(r.losses[0]!);

    const world = demoWorld(1);
    const user = await ort.InferenceSession.create(r.userTower, { executionProviders: ['wasm'] });
    const out = await user.run({
      user_id: new ort.Tensor('int32', new Int32Array([3]), [1]),
      user_features: new ort.Tensor(
        'float32',
        world.userFeatures.subarray(3 * DEMO_WORLD.featureDim, 4 * DEMO_WORLD.featureDim),
        [1, DEMO_WORLD.featureDim],
      ),
    });
    const e = out.user_embedding!.data as Float32Array;
    expect(Math.hypot(...e)).toBeCloseTo(1, 4);
  }, 60_000);

  it('is deterministic for a seed', async () => {
    const a = await trainRetrievalDemo({ seed: 4, epochs: 1 });
    const b = await trainRetrievalDemo({ seed: 4, epochs: 1 });
    expect(a.metrics).toEqual(b.metrics);
    expect(Buffer.from(a.userTower).equals(Buffer.from(b.userTower))).toBe(true);
  }, 60_000);
});
