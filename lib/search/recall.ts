/**
 * Recall@K of an approximate search against the exact one: the share of the exact top-K ids that
 * the approximate top-K also returns, |approx[:K] ∩ exact[:K]| / min(K, |exact|).
 *
 * Ids only: when several items tie exactly with the K-th exact score, an approximate result that
 * returns a different one of them counts as a miss (with real-valued embeddings exact ties are
 * vanishingly rare; the searchers break ties by lower id, so equal searches agree anyway).
 * Returns NaN when the exact list is empty (nothing to recall) — never silently 0 or 1.
 */
export function recallAtK(approx: ArrayLike<number>, exact: ArrayLike<number>, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  const m = Math.min(k, exact.length);
  if (m === 0) return NaN;
  const truth = new Set<number>();
  for (let i = 0; i < m; i++) truth.add(exact[i]!);
  let hits = 0;
  const a = Math.min(k, approx.length);
  for (let i = 0; i < a; i++) {
    if (truth.delete(approx[i]!)) hits++; // delete: a duplicated id counts once
  }
  return hits / m;
}

/** Mean recall@K over queries (pairs of approximate and exact id lists, same order). */
export function meanRecallAtK(
  approx: readonly ArrayLike<number>[],
  exact: readonly ArrayLike<number>[],
  k: number,
): number {
  if (approx.length !== exact.length) {
    throw new RangeError(`got ${approx.length} approximate and ${exact.length} exact result lists`);
  }
  if (approx.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < approx.length; i++) sum += recallAtK(approx[i]!, exact[i]!, k);
  return sum / approx.length;
}
