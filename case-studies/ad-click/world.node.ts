/**
 * Node-only: generate a world and measure what it costs in time and process memory. Kept apart
 * from world.ts because browsers and workers have no process.memoryUsage.
 */
import { generateWorld, type AdWorld, type AdWorldOptions } from './world';

export interface GenerationCost {
  world: AdWorld;
  ms: number;
  /** Bytes held in the world's typed arrays (the same as world.stats.bytes). */
  typedArrayBytes: number;
  /** Growth of the JS heap plus ArrayBuffer memory across generation (includes garbage unless
   * Node runs with --expose-gc). */
  processBytes: number;
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function measureGeneration(options: AdWorldOptions): GenerationCost {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = used();
  const t0 = performance.now();
  const world = generateWorld(options);
  const ms = performance.now() - t0;
  gc?.();
  return { world, ms, typedArrayBytes: world.stats.bytes, processBytes: used() - before };
}
