/**
 * Retrieval recall straight from embeddings (no index): used where the towers' outputs are
 * compared with held-out interactions. Every other metric lives in lib/metrics.
 */

/**
 * Recall@K of exact dot-product retrieval: the share of (query row q, relevant item target[q])
 * pairs where the item is among the K highest-scoring items. `queries` is [Q, d] and `items`
 * [N, d], row-major.
 */
export function recallAtK(
  queries: Float32Array,
  items: Float32Array,
  dim: number,
  targets: Int32Array,
  k: number,
): number {
  const nItems = items.length / dim;
  const scores = new Float32Array(nItems);
  let hits = 0;
  for (let q = 0; q < targets.length; q++) {
    const qo = q * dim;
    for (let i = 0; i < nItems; i++) {
      let s = 0;
      const io = i * dim;
      for (let j = 0; j < dim; j++) s += queries[qo + j]! * items[io + j]!;
      scores[i] = s;
    }
    // The target is in the top K iff fewer than K items score strictly higher.
    const t = scores[targets[q]!]!;
    let higher = 0;
    for (let i = 0; i < nItems && higher < k; i++) if (scores[i]! > t) higher++;
    if (higher < k) hits++;
  }
  return hits / targets.length;
}
