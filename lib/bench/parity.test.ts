import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../ml/backend.node.js';
import { PARITY_TOLERANCE, runParity } from './parity';

beforeAll(async () => {
  await initTfNode();
  ort.env.wasm.numThreads = 1;
});

describe('the parity check the engine page runs', () => {
  it('covers every model kind and finds TF.js and onnxruntime-web within tolerance in Node', async () => {
    const results = await runParity(ort);
    expect(new Set(results.map((r) => r.kind))).toEqual(
      new Set(['user tower', 'item tower', 'DCN-V2 ranker', 'MLP', 'logistic regression']),
    );
    for (const r of results) {
      expect(r.values).toBeGreaterThan(0);
      expect(r.maxAbsDiff).toBeLessThanOrEqual(PARITY_TOLERANCE);
    }
  });
});
