import { createRng } from '../random';

export interface HeldOutSet {
  scores: Float64Array;
  labels: Uint8Array;
}

/**
 * A held-out set for the threshold explorer: a harmful-content classifier's scores on posts,
 * with 10% of posts harmful. Scores are sigmoid(logit) with class-conditional normal logits, so
 * they are roughly calibrated and the classes overlap the way real classifiers' do.
 */
export function heldOutScores(n = 2000, prevalence = 0.1, seed = 7): HeldOutSet {
  const rng = createRng(seed);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.next() < prevalence ? 1 : 0;
    const logit = label ? 0.8 + 1.4 * rng.normal() : -3.0 + 1.4 * rng.normal();
    scores[i] = 1 / (1 + Math.exp(-logit));
    labels[i] = label;
  }
  return { scores, labels };
}
