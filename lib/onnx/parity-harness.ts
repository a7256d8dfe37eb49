/**
 * Test harness for ONNX parity: runs a TF.js model and its ONNX export (onnxruntime-web, WASM EP)
 * on the same random inputs, at two batch sizes through one session (so the batch dimension must
 * be dynamic), and reports the worst absolute difference per output. Used by the *.test.ts files
 * of lib/onnx; imports vitest, so it is not part of the runtime library.
 */
import * as ort from 'onnxruntime-web';
import { expect } from 'vitest';
import { createRng } from '../random';
import type { DataTable } from '../ml/data';
import type { Model } from '../ml/model';
import { predictArrays } from '../ml/predict';

export const TOLERANCE = 1e-4;
const BATCHES = [1, 37];
/** Worst difference seen per `label:output`, printed by the test files after their runs. */
export const diffs: Record<string, number> = {};
export const rng = createRng(2024);

/** Random ids in [0, vocab), the first one the last row (so the whole table is reachable). */
export const ids = (n: number, vocab: number): Int32Array => {
  const out = Int32Array.from({ length: n }, () => rng.int(vocab));
  out[0] = vocab - 1; // the last row of the table is reachable
  return out;
};
export const normals = (n: number): Float32Array =>
  Float32Array.from({ length: n }, () => rng.normal());

/** Feeds from a DataTable: Int32Array → int32 (or int64) [B], dense → float32 [B, w]. */
function feeds(
  table: DataTable,
  names: Record<string, string>,
  idType: 'int32' | 'int64' = 'int32',
) {
  const out: Record<string, ort.Tensor> = {};
  for (const [column, input] of Object.entries(names)) {
    const c = table[column]!;
    if (c instanceof Int32Array) {
      out[input] =
        idType === 'int64'
          ? new ort.Tensor('int64', BigInt64Array.from(c, BigInt), [c.length])
          : new ort.Tensor('int32', c, [c.length]);
    } else if (c instanceof Float32Array) {
      out[input] = new ort.Tensor('float32', c, [c.length]);
    } else {
      out[input] = new ort.Tensor('float32', c.data, [c.data.length / c.width, c.width]);
    }
  }
  return out;
}

/** Runs both engines on `makeInputs(B)` for each batch size; worst |diff| per output. */
export async function measureParity(
  model: Model,
  bytes: Uint8Array,
  makeInputs: (batch: number) => DataTable,
  inputNames: Record<string, string>,
  outputs: string[],
  idType: 'int32' | 'int64' = 'int32',
): Promise<Record<string, number>> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const worst: Record<string, number> = {};
  for (const batch of BATCHES) {
    const table = makeInputs(batch);
    const expected = predictArrays(model, table);
    const got = await session.run(feeds(table, inputNames, idType));
    for (const name of outputs) {
      const e = expected[name]!;
      const o = got[name]!;
      expect(o.dims).toEqual(e.shape);
      const data = o.data as Float32Array;
      for (let i = 0; i < data.length; i++) {
        worst[name] = Math.max(worst[name] ?? 0, Math.abs(data[i]! - e.data[i]!));
      }
    }
  }
  await session.release();
  return worst;
}

/** measureParity, asserting every output is within TOLERANCE and recording the diffs. */
export async function expectParity(
  label: string,
  ...args: Parameters<typeof measureParity>
): Promise<void> {
  const worst = await measureParity(...args);
  for (const [name, d] of Object.entries(worst)) {
    const key = `${label}:${name}`;
    diffs[key] = Math.max(diffs[key] ?? 0, d);
    expect(d).toBeLessThanOrEqual(TOLERANCE);
  }
  expect(Object.keys(worst).sort()).toEqual([...args[4]].sort());
}
