/**
 * Evaluation metrics over plain arrays (no TF.js): what tests and case studies report.
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

/** ROC AUC by the rank-sum (Mann–Whitney) formula, ties counted as one half. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let r = i; r <= j; r++) {
      if (labels[idx[r]!]! > 0.5) {
        rankSumPos += avgRank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = scores.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
