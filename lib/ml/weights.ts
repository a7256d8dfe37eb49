/**
 * Plain, framework-free weights: what a trained model is once it leaves TF.js. A WeightMap can
 * be serialised (packWeights), stored (IndexedDB, files), shipped to a worker, reloaded into a
 * model, or handed to an ONNX exporter. No TF.js import here, so exporters and storage code
 * stay light.
 */

export interface Weight {
  shape: number[];
  data: Float32Array;
}

export type WeightMap = Record<string, Weight>;

/** The weight `name`, checked against an expected shape so exporters fail loudly on mismatch. */
export function getWeight(weights: WeightMap, name: string, shape?: number[]): Weight {
  const w = weights[name];
  if (!w) throw new Error(`missing weight: ${name}`);
  if (shape && (shape.length !== w.shape.length || shape.some((d, i) => d !== w.shape[i]))) {
    throw new Error(
      `weight ${name}: expected shape [${shape.join(',')}], got [${w.shape.join(',')}]`,
    );
  }
  return w;
}

export interface PackedWeights {
  /** Names, shapes and float offsets into `buffer`, in a stable (sorted) order. */
  manifest: { name: string; shape: number[]; offset: number; length: number }[];
  buffer: ArrayBuffer;
}

/** One contiguous buffer plus a JSON-able manifest: cheap to store or postMessage (transfer). */
export function packWeights(weights: WeightMap): PackedWeights {
  const entries = Object.keys(weights)
    .sort()
    .map((name) => [name, weights[name]!] as const);
  const total = entries.reduce((s, [, w]) => s + w.data.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  const manifest = entries.map(([name, w]) => {
    out.set(w.data, offset);
    const entry = { name, shape: [...w.shape], offset, length: w.data.length };
    offset += w.data.length;
    return entry;
  });
  return { manifest, buffer: out.buffer };
}

/** Inverse of packWeights (views into the buffer, no copy). */
export function unpackWeights(packed: PackedWeights): WeightMap {
  const all = new Float32Array(packed.buffer);
  const weights: WeightMap = {};
  for (const e of packed.manifest) {
    weights[e.name] = { shape: [...e.shape], data: all.subarray(e.offset, e.offset + e.length) };
  }
  return weights;
}
