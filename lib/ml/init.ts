/**
 * Seeded weight initialisers. We fill Float32Arrays from lib/random's sfc32 instead of calling
 * TF.js initialisers: every value then depends only on (model seed, parameter name), the same on
 * every backend and in every process, and no initializer can silently fall back to an unseeded
 * default. Deriving each parameter's stream from its name (not from creation order) means adding
 * a layer does not reshuffle the initial values of the others.
 */
import { createRng, type Rng } from '../random';

export type Initializer =
  | { kind: 'glorotUniform' }
  | { kind: 'uniform'; limit: number }
  | { kind: 'normal'; std: number }
  | { kind: 'zeros' };

export const glorotUniform: Initializer = { kind: 'glorotUniform' };
export const zeros: Initializer = { kind: 'zeros' };
/** Keras' embedding default: U(-0.05, 0.05). */
export const embeddingUniform: Initializer = { kind: 'uniform', limit: 0.05 };

/** FNV-1a hash of a string, to mix a parameter's name into its seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The generator for one parameter: a function of the model seed and the parameter name only. */
export function paramRng(seed: number, name: string): Rng {
  return createRng((Math.imul(seed >>> 0, 0x9e3779b1) ^ fnv1a(name)) >>> 0);
}

/**
 * Initial values for a parameter of `shape`. Glorot uses the first dim as fan-in and the last
 * as fan-out ([in, out] kernels, the layout of x·W).
 */
export function initialValues(shape: number[], init: Initializer, rng: Rng): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(size);
  switch (init.kind) {
    case 'zeros':
      return out;
    case 'glorotUniform': {
      const fanIn = shape[0] ?? 1;
      const fanOut = shape[shape.length - 1] ?? 1;
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < size; i++) out[i] = (2 * rng.next() - 1) * limit;
      return out;
    }
    case 'uniform':
      for (let i = 0; i < size; i++) out[i] = (2 * rng.next() - 1) * init.limit;
      return out;
    case 'normal':
      for (let i = 0; i < size; i++) out[i] = rng.normal() * init.std;
      return out;
  }
}
