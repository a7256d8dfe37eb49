import { createRng } from '../random';

export interface ScoredExample {
  score: number;
  label: 0 | 1;
}

/**
 * A held-out set for the threshold explorer: a harmful-content classifier's scores on posts,
 * with 10% of posts harmful. Scores are sigmoid(logit) with class-conditional normal logits, so
 * they are roughly calibrated and the classes overlap the way real classifiers' do.
 */
export function heldOutScores(n = 2000, prevalence = 0.1, seed = 7): ScoredExample[] {
  const rng = createRng(seed);
  const out: ScoredExample[] = [];
  for (let i = 0; i < n; i++) {
    const label: 0 | 1 = rng.next() < prevalence ? 1 : 0;
    const logit = label ? 0.8 + 1.4 * rng.normal() : -3.0 + 1.4 * rng.normal();
    out.push({ score: 1 / (1 + Math.exp(-logit)), label });
  }
  return out;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Confusion counts when everything scoring at or above the threshold is flagged. */
export function confusionAtThreshold(
  examples: readonly ScoredExample[],
  threshold: number,
): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const e of examples) {
    const flagged = e.score >= threshold;
    if (e.label === 1) c[flagged ? 'tp' : 'fn']++;
    else c[flagged ? 'fp' : 'tn']++;
  }
  return c;
}

/** Precision and recall at a ladder of thresholds, for drawing the PR curve. */
export function prCurve(
  examples: readonly ScoredExample[],
  steps = 100,
): { threshold: number; precision: number; recall: number }[] {
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const threshold = i / steps;
    const c = confusionAtThreshold(examples, threshold);
    if (c.tp + c.fp === 0) continue;
    points.push({ threshold, precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn) });
  }
  return points;
}
