import { createRng, shuffleInPlace } from '../random';

/**
 * The order a list is first shown in: shuffled with a seed taken from `key`, so a page shows
 * the same order on every load and in every test, and never already solved (an ordering task
 * that starts in the right order would grade a learner who changed nothing as perfect).
 */
export function seededShuffle<T>(items: readonly T[], key: string): T[] {
  let seed = 0;
  for (let i = 0; i < key.length; i++) seed = (Math.imul(seed, 31) + key.charCodeAt(i)) | 0;
  const out = [...items];
  shuffleInPlace(out, createRng(seed));
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
  return out;
}
