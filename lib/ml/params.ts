/**
 * The trainable state of a model: named tf.Variables created with seeded initial values, and
 * the bridge to plain WeightMaps (extract for storage/export, load to restore).
 */
import * as tf from '@tensorflow/tfjs';
import { initialValues, paramRng, type Initializer } from './init';
import type { WeightMap } from './weights';

// TF.js registers variables globally by name, so two models alive at once need distinct names.
// The counter only affects those registry names, never values, so determinism is untouched.
let modelCounter = 0;

export class Params {
  private readonly vars = new Map<string, tf.Variable>();
  private readonly scope = `model_${modelCounter++}`;

  /** `seed` is the model seed; each parameter derives its own stream from it and its name. */
  constructor(readonly seed: number) {}

  /** Creates a trainable variable `name` of `shape`, initialised from the seeded stream. */
  add(name: string, shape: number[], init: Initializer): tf.Variable {
    if (this.vars.has(name)) throw new Error(`parameter ${name} already exists`);
    const values = initialValues(shape, init, paramRng(this.seed, name));
    // tf.variable keeps its own reference to the data; the temporary tensor must be freed.
    const initial = tf.tensor(values, shape, 'float32');
    const v = tf.variable(initial, true, `${this.scope}/${name}`);
    initial.dispose();
    this.vars.set(name, v);
    return v;
  }

  get(name: string): tf.Variable {
    const v = this.vars.get(name);
    if (!v) throw new Error(`unknown parameter ${name}`);
    return v;
  }

  /** Variables in creation order (the optimizer's var list). */
  list(): tf.Variable[] {
    return [...this.vars.values()];
  }

  names(): string[] {
    return [...this.vars.keys()];
  }

  /** Total number of scalar parameters. */
  count(): number {
    return this.list().reduce((s, v) => s + v.size, 0);
  }

  /** Copies every variable out as a plain Float32Array with its shape. */
  extract(): WeightMap {
    const out: WeightMap = {};
    for (const [name, v] of this.vars) {
      out[name] = { shape: [...v.shape], data: Float32Array.from(v.dataSync() as Float32Array) };
    }
    return out;
  }

  /** Assigns values from a WeightMap; every parameter must be present with its exact shape. */
  load(weights: WeightMap): void {
    for (const [name, v] of this.vars) {
      const w = weights[name];
      if (!w) throw new Error(`missing weight ${name}`);
      if (w.shape.length !== v.shape.length || w.shape.some((d, i) => d !== v.shape[i])) {
        throw new Error(`weight ${name}: shape [${w.shape.join(',')}] != [${v.shape.join(',')}]`);
      }
      tf.tidy(() => v.assign(tf.tensor(w.data, w.shape, 'float32')));
    }
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}
