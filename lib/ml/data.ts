/**
 * Training data as named columns of typed arrays: a format that is cheap to generate, to send
 * to a worker (transferable buffers) and to slice into mini-batches. No TF.js here; train.ts
 * turns batches into tensors.
 *
 * A column is either a per-row scalar (Int32Array ids / class labels, Float32Array labels or
 * targets) or a dense row-major matrix `{ data, width }` (feature vectors).
 */
import { shuffleInPlace, type Rng } from '../random';

export interface DenseColumn {
  data: Float32Array;
  width: number;
}

export type Column = Int32Array | Float32Array | DenseColumn;

export type DataTable = Record<string, Column>;

export function isDense(c: Column): c is DenseColumn {
  return !(c instanceof Int32Array) && !(c instanceof Float32Array);
}

function columnRows(c: Column): number {
  if (!isDense(c)) return c.length;
  if (c.width <= 0 || c.data.length % c.width !== 0) {
    throw new Error(`dense column: ${c.data.length} values do not split into rows of ${c.width}`);
  }
  return c.data.length / c.width;
}

/** Row count, checking every column agrees. */
export function numRows(table: DataTable): number {
  let rows = -1;
  for (const [name, c] of Object.entries(table)) {
    const n = columnRows(c);
    if (rows >= 0 && n !== rows) throw new Error(`column ${name} has ${n} rows, expected ${rows}`);
    rows = n;
  }
  if (rows < 0) throw new Error('empty table');
  return rows;
}

/** Copies rows `order[start..end)` of every column into a new table (a mini-batch). */
export function takeRows(
  table: DataTable,
  order: ArrayLike<number>,
  start = 0,
  end = order.length,
): DataTable {
  const n = end - start;
  const out: DataTable = {};
  for (const [name, c] of Object.entries(table)) {
    if (isDense(c)) {
      const w = c.width;
      const data = new Float32Array(n * w);
      for (let r = 0; r < n; r++) {
        const src = order[start + r]! * w;
        data.set(c.data.subarray(src, src + w), r * w);
      }
      out[name] = { data, width: w };
    } else {
      const data = c instanceof Int32Array ? new Int32Array(n) : new Float32Array(n);
      for (let r = 0; r < n; r++) data[r] = c[order[start + r]!]!;
      out[name] = data;
    }
  }
  return out;
}

/** 0..n-1 as an Int32Array (a row order to shuffle). */
export function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * A seeded random split: `fraction` of the rows (at least one) go to validation. Rows keep
 * their original relative order within each part so the split is reproducible and auditable.
 */
export function splitTable(
  table: DataTable,
  fraction: number,
  rng: Rng,
): { train: DataTable; validation: DataTable } {
  const n = numRows(table);
  const order = range(n);
  shuffleInPlace(order, rng);
  const nVal = Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
  const val = order.subarray(0, nVal).slice().sort();
  const train = order.subarray(nVal).slice().sort();
  return { train: takeRows(table, train), validation: takeRows(table, val) };
}

/** Rows of `a` followed by the rows of `b`; both need the same columns (dense widths equal). */
export function concatTables(a: DataTable, b: DataTable): DataTable {
  const out: DataTable = {};
  for (const [name, ca] of Object.entries(a)) {
    const cb = b[name];
    if (!cb) throw new Error(`concat: the second table lacks column "${name}"`);
    if (isDense(ca) !== isDense(cb)) throw new Error(`concat: column "${name}" differs in kind`);
    if (isDense(ca)) {
      const db = cb as DenseColumn;
      if (db.width !== ca.width) throw new Error(`concat: column "${name}" widths differ`);
      const data = new Float32Array(ca.data.length + db.data.length);
      data.set(ca.data);
      data.set(db.data, ca.data.length);
      out[name] = { data, width: ca.width };
    } else {
      const sb = cb as Int32Array | Float32Array;
      if (ca.constructor !== sb.constructor)
        throw new Error(`concat: column "${name}" types differ`);
      const data =
        ca instanceof Int32Array
          ? new Int32Array(ca.length + sb.length)
          : new Float32Array(ca.length + sb.length);
      data.set(ca);
      data.set(sb, ca.length);
      out[name] = data;
    }
  }
  return out;
}
