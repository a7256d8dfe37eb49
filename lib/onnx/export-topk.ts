/**
 * Exact top-K retrieval as an ONNX graph: scores = query · itemsᵀ (one MatMul against the item
 * embeddings stored as an initializer), then TopK. Brute force is exact and, for catalogues up
 * to ~1M × 32, fast enough in onnxruntime-web (see /work/shared/ENVIRONMENT.md figures).
 */
import { GraphBuilder } from './graph';

/**
 * `items` is [numItems, dim] row-major. Input query [batch, dim]; outputs scores [batch, k]
 * (float32, descending) and indices [batch, k] (int64 item rows: a BigInt64Array in ORT).
 */
export function exportTopKSearch(
  items: Float32Array,
  numItems: number,
  dim: number,
  k: number,
): Uint8Array {
  if (items.length !== numItems * dim) throw new Error('topk: items must be numItems × dim');
  if (k < 1 || k > numItems) throw new Error(`topk: k must be in [1, ${numItems}]`);
  // Store itemsᵀ [dim, numItems] so the graph is a plain MatMul, no Transpose at run time.
  const itemsT = new Float32Array(items.length);
  for (let i = 0; i < numItems; i++)
    for (let j = 0; j < dim; j++) itemsT[j * numItems + i] = items[i * dim + j]!;
  const g = new GraphBuilder('topk_search');
  const q = g.input('query', 'float32', ['batch', dim]);
  const scores = g.node('MatMul', [q, g.initializer('items_t', [dim, numItems], itemsT)]);
  g.node('TopK', [scores, g.int64s([k], 'k')], { axis: -1, largest: 1, sorted: 1 }, [
    'top_scores',
    'top_indices',
  ]);
  g.output('top_scores', 'top_scores', 'float32', ['batch', k]);
  g.output('top_indices', 'top_indices', 'int64', ['batch', k]);
  return g.toBytes('exact top-K search', { kind: 'topk', k: String(k) });
}
