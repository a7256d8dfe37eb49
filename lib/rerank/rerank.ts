/**
 * The last stage of a recommender: turn a ranked candidate list into the page the user sees.
 * Business rules first (drop what was watched, de-duplicate), then a freshness boost, then a
 * greedy pass that balances relevance against diversity (maximal marginal relevance) under a
 * per-creator cap. Every decision is recorded so the UI can say why an item is (or is not) there.
 */
export interface Candidate {
  id: number;
  /** Ranker score (higher is better), on any scale. */
  score: number;
  creator: number;
  /** Day the item was published; with `today`, drives the freshness boost. */
  publishedDay: number;
  /** Unit-length content embedding, used for similarity in MMR. */
  embedding: Float32Array;
}

export interface RerankOptions {
  /** Page size. */
  k: number;
  /** Items the user already consumed. */
  seen?: ReadonlySet<number>;
  /** 0 = pure relevance; 1 = pure novelty. MMR weight on diversity. */
  diversity: number;
  /** At most this many items per creator on the page (0 = no cap). */
  creatorCap: number;
  /** Multiplier on relevance for a brand-new item, decaying with `halfLifeDays` (0 = none). */
  freshnessBoost: number;
  halfLifeDays: number;
  today: number;
}

export interface Placed {
  id: number;
  position: number;
  score: number;
  /** Relevance after the freshness boost, normalised to [0, 1] within the candidates. */
  relevance: number;
  freshness: number;
  /** Highest similarity to an item placed above it (what diversity pays for). */
  maxSimilarity: number;
  reasons: string[];
}

export type RemovalReason = 'seen' | 'duplicate' | 'creator-cap';

export interface RerankResult {
  page: Placed[];
  removed: { id: number; reason: RemovalReason }[];
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Drops seen and duplicate ids, keeping the first (best-ranked) copy. */
function filter(
  cands: readonly Candidate[],
  seen: ReadonlySet<number> | undefined,
  removed: RerankResult['removed'],
): Candidate[] {
  const ids = new Set<number>();
  const out: Candidate[] = [];
  for (const c of cands) {
    if (seen?.has(c.id)) removed.push({ id: c.id, reason: 'seen' });
    else if (ids.has(c.id)) removed.push({ id: c.id, reason: 'duplicate' });
    else {
      ids.add(c.id);
      out.push(c);
    }
  }
  return out;
}

export function rerank(candidates: readonly Candidate[], opts: RerankOptions): RerankResult {
  const removed: RerankResult['removed'] = [];
  const pool = filter(candidates, opts.seen, removed);
  if (pool.length === 0) return { page: [], removed };
  const fresh = pool.map((c) =>
    opts.freshnessBoost > 0
      ? opts.freshnessBoost *
        Math.pow(0.5, Math.max(0, opts.today - c.publishedDay) / opts.halfLifeDays)
      : 0,
  );
  const boosted = pool.map((c, i) => c.score + Math.abs(c.score) * fresh[i]!);
  const lo = Math.min(...boosted);
  const span = Math.max(...boosted) - lo || 1;
  const relevance = boosted.map((b) => (b - lo) / span);

  const lambda = Math.min(1, Math.max(0, opts.diversity));
  const maxSim = new Float64Array(pool.length).fill(-Infinity);
  const taken = new Uint8Array(pool.length);
  const perCreator = new Map<number, number>();
  const page: Placed[] = [];
  while (page.length < opts.k) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const sim = page.length === 0 ? 0 : maxSim[i]!;
      const value = (1 - lambda) * relevance[i]! - lambda * sim;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const c = pool[best]!;
    const count = perCreator.get(c.creator) ?? 0;
    if (opts.creatorCap > 0 && count >= opts.creatorCap) {
      removed.push({ id: c.id, reason: 'creator-cap' });
      continue;
    }
    perCreator.set(c.creator, count + 1);
    page.push(
      explain(
        c,
        page.length,
        relevance[best]!,
        fresh[best]!,
        page.length === 0 ? 0 : maxSim[best]!,
        best,
      ),
    );
    for (let i = 0; i < pool.length; i++)
      if (!taken[i]) maxSim[i] = Math.max(maxSim[i]!, dot(pool[i]!.embedding, c.embedding));
  }
  return { page, removed };
}

function explain(
  c: Candidate,
  position: number,
  relevance: number,
  freshness: number,
  maxSimilarity: number,
  rankerPosition: number,
): Placed {
  const reasons = [`ranker placed it #${rankerPosition + 1}`];
  if (freshness >= 0.05) reasons.push(`fresh: +${Math.round(freshness * 100)}% boost`);
  if (position > 0 && maxSimilarity < 0.3) reasons.push('adds variety to the page');
  return {
    id: c.id,
    position,
    score: c.score,
    relevance,
    freshness,
    maxSimilarity: Number.isFinite(maxSimilarity) ? maxSimilarity : 0,
    reasons,
  };
}

/** Intra-list diversity: 1 − mean pairwise similarity of the page's embeddings. */
export function intraListDiversity(embeddings: readonly Float32Array[]): number {
  if (embeddings.length < 2) return NaN;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < embeddings.length; i++)
    for (let j = i + 1; j < embeddings.length; j++) {
      sum += dot(embeddings[i]!, embeddings[j]!);
      pairs++;
    }
  return 1 - sum / pairs;
}
