/**
 * Inference and evaluation over DataTables in fixed-order batches, without gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { numRows, range, takeRows, type DataTable } from './data';
import { toTensors, type Model } from './model';

/** Mean loss over `table` in fixed-order batches, no gradients. */
export function evaluateLoss(model: Model, table: DataTable, batchSize: number): number {
  const n = numRows(table);
  const order = range(n);
  let total = 0;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const batch = takeRows(table, order, start, end);
    const loss = tf.tidy(() => model.loss(toTensors(batch)));
    total += loss.dataSync()[0]! * (end - start);
    loss.dispose();
  }
  return total / n;
}

/** Runs `model.predict` over `table` in batches and concatenates each output into an array. */
export function predictArrays(
  model: Model,
  table: DataTable,
  batchSize = 1024,
): Record<string, { data: Float32Array; shape: number[] }> {
  const n = numRows(table);
  const order = range(n);
  const parts: Record<string, { chunks: Float32Array[]; width: number[] }> = {};
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const rows = takeRows(table, order, start, end);
    const outs = tf.tidy(() => model.predict(toTensors(rows)));
    for (const [name, t] of Object.entries(outs)) {
      const p = (parts[name] ??= { chunks: [], width: t.shape.slice(1) });
      p.chunks.push(Float32Array.from(t.dataSync() as Float32Array));
      t.dispose();
    }
  }
  const result: Record<string, { data: Float32Array; shape: number[] }> = {};
  for (const [name, p] of Object.entries(parts)) {
    const data = new Float32Array(p.chunks.reduce((s, c) => s + c.length, 0));
    let off = 0;
    for (const c of p.chunks) {
      data.set(c, off);
      off += c.length;
    }
    result[name] = { data, shape: [n, ...p.width] };
  }
  return result;
}
