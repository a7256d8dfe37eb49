/**
 * The graph builder's output format (IR/opset, dynamic batch, initializer names, metadata),
 * its guards, and the exact top-K exporter checked against a brute-force sort.
 */
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import type { MlpConfig } from '../ml/mlp';
import type { TwoTowerConfig } from '../ml/two-tower';
import type { WeightMap } from '../ml/weights';
import { exportMlp } from './export-mlp';
import { exportUserTower } from './export-two-tower';
import { exportTopKSearch } from './export-topk';
import { GraphBuilder, decodeModel } from './graph';

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

describe('GraphBuilder', () => {
  it('writes IR 8 / opset 13, a symbolic batch dim, named initializers and metadata', () => {
    const config: TwoTowerConfig = {
      numUsers: 3,
      numItems: 3,
      embeddingDim: 2,
      userFeatureDim: 1,
      itemFeatureDim: 0,
      userTower: { units: [2] },
      itemTower: { units: [2] },
      seed: 1,
    };
    const weights: WeightMap = {
      'user/embedding': { shape: [3, 2], data: new Float32Array(6) },
      'user/dense_0/kernel': { shape: [3, 2], data: new Float32Array(6) },
      'user/dense_0/bias': { shape: [2], data: new Float32Array(2) },
    };
    const model = decodeModel(exportUserTower(config, weights));
    expect(Number(model.irVersion)).toBe(8);
    expect(Number(model.opsetImport[0]!.version)).toBe(13);
    const graph = model.graph!;
    const inputs = graph.input ?? [];
    expect(inputs.map((i) => i.name)).toEqual(['user_id', 'user_features']);
    expect(inputs[0]!.type!.tensorType!.shape!.dim![0]!.dimParam).toBe('batch');
    expect(graph.output?.[0]?.name).toBe('user_embedding');
    expect((graph.initializer ?? []).map((t) => t.name).sort()).toEqual(
      Object.keys(weights).sort(),
    );
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(JSON.parse(meta.config!)).toEqual(config);
  });

  it('rejects duplicate names and data that does not fit the dims', () => {
    const g = new GraphBuilder('t');
    g.input('x', 'float32', ['batch', 2]);
    expect(() => g.input('x', 'float32', [1])).toThrow(/duplicate/);
    expect(() => g.initializer('w', [2, 2], new Float32Array(3))).toThrow(/hold 4 values/);
  });

  it('fails loudly on a missing or mis-shaped weight', () => {
    const config: MlpConfig = { inputDim: 3, hidden: [], task: 'binary', seed: 1 };
    expect(() => exportMlp(config, {})).toThrow(/missing weight: mlp\/dense_0\/kernel/);
    const wrong: WeightMap = {
      'mlp/dense_0/kernel': { shape: [3, 1], data: new Float32Array(3) },
      'mlp/dense_0/bias': { shape: [2], data: new Float32Array(2) },
    };
    expect(() => exportMlp(config, wrong)).toThrow(/expected shape \[1\]/);
  });
});

describe('exportTopKSearch', () => {
  it('returns the exact top-K items by dot product, for any batch size', async () => {
    const rng = createRng(77);
    const [n, d, k] = [300, 8, 10];
    const items = Float32Array.from({ length: n * d }, () => rng.normal());
    const session = await ort.InferenceSession.create(exportTopKSearch(items, n, d, k), {
      executionProviders: ['wasm'],
    });
    for (const batch of [1, 5]) {
      const queries = Float32Array.from({ length: batch * d }, () => rng.normal());
      const out = await session.run({ query: new ort.Tensor('float32', queries, [batch, d]) });
      const indices = out.top_indices!.data as BigInt64Array;
      const scores = out.top_scores!.data as Float32Array;
      expect(indices).toBeInstanceOf(BigInt64Array);
      expect(out.top_indices!.dims).toEqual([batch, k]);
      for (let q = 0; q < batch; q++) {
        const all = Array.from({ length: n }, (_, i) => {
          let s = 0;
          for (let j = 0; j < d; j++) s += queries[q * d + j]! * items[i * d + j]!;
          return { i, s };
        }).sort((a, b) => b.s - a.s);
        for (let r = 0; r < k; r++) {
          expect(Number(indices[q * k + r])).toBe(all[r]!.i);
          expect(scores[q * k + r]).toBeCloseTo(all[r]!.s, 4);
        }
      }
    }
    await session.release();
  });
});
