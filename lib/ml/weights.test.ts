import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from './backend.node.js';
import { createDcn, type DcnConfig } from './dcn';
import { disposeModel, extractWeights, loadWeights } from './model';
import { predictArrays } from './predict';
import { getWeight, packWeights, unpackWeights } from './weights';

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
});

const config: DcnConfig = {
  fields: [{ name: 'item', vocabSize: 20, dim: 4 }],
  denseDim: 2,
  crossLayers: 1,
  deep: { units: [8] },
  regressionLoss: 'mse',
  seed: 5,
};

describe('weights', () => {
  it('survive pack → unpack → load into a model with another seed: same predictions', () => {
    const a = createDcn(config);
    const packed = packWeights(extractWeights(a));
    // As if stored: the manifest goes through JSON, the buffer is copied.
    const restored = unpackWeights({
      manifest: JSON.parse(JSON.stringify(packed.manifest)),
      buffer: packed.buffer.slice(0),
    });
    const b = createDcn({ ...config, seed: 6 });
    const input = {
      item: Int32Array.from([0, 5, 19]),
      dense: { data: Float32Array.from([0.1, -1, 2, 0.5, 0, 3]), width: 2 },
    };
    expect(predictArrays(b, input).click_prob!.data).not.toEqual(
      predictArrays(a, input).click_prob!.data,
    );
    loadWeights(b, restored);
    expect(predictArrays(b, input).click_prob!.data).toEqual(
      predictArrays(a, input).click_prob!.data,
    );
    expect(predictArrays(b, input).regression!.data).toEqual(
      predictArrays(a, input).regression!.data,
    );
    disposeModel(a);
    disposeModel(b);
  });

  it('refuses weights of the wrong shape', () => {
    const model = createDcn(config);
    const w = extractWeights(model);
    w['field_item/embedding'] = { shape: [21, 4], data: new Float32Array(84) };
    expect(() => loadWeights(model, w)).toThrow(/field_item\/embedding/);
    expect(() => getWeight(w, 'field_item/embedding', [20, 4])).toThrow(/expected shape/);
    disposeModel(model);
  });
});
