/**
 * Input checks shared by the metrics. The policy (see index.ts): malformed input throws a
 * RangeError naming the problem; mathematically undefined results are NaN.
 */

export function checkSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: lengths differ (${a.length} vs ${b.length})`);
  }
}

/** Labels must be exactly 0 or 1. Returns the number of positives. */
export function checkBinaryLabels(labels: ArrayLike<number>, what: string): number {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y === 1) pos++;
    else if (y !== 0) throw new RangeError(`${what}: label[${i}] is ${y}; labels must be 0 or 1`);
  }
  return pos;
}

/** Values must not be NaN (±Infinity is allowed for scores: it still ranks). */
export function checkNotNaN(values: ArrayLike<number>, what: string, name = 'score'): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new RangeError(`${what}: ${name}[${i}] is ${v}; NaN is not allowed`);
    }
  }
}

export function checkFinite(values: ArrayLike<number>, what: string, name = 'value'): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${what}: ${name}[${i}] is ${v}; values must be finite numbers`);
    }
  }
}

export function checkProbabilities(p: ArrayLike<number>, what: string): void {
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (!(v >= 0 && v <= 1)) {
      throw new RangeError(`${what}: probability[${i}] is ${v}; must be in [0, 1]`);
    }
  }
}

export function checkK(k: number, what: string): void {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`${what}: k must be an integer ≥ 1, got ${k}`);
}
