import { GraphBuilder } from '../onnx/graph';
import { createRng } from '../random';

/**
 * A probe model the size of a ranking MLP layer (batch × 256 → 256, ReLU, → 1) used to time
 * providers at start-up. Seeded weights: the same probe everywhere.
 */
export const PROBE_BATCH = 500;
const WIDTH = 256;

export function probeModel(): Uint8Array {
  const rng = createRng(1234);
  const w1 = Float32Array.from({ length: WIDTH * WIDTH }, () => rng.normal() * 0.05);
  const w2 = Float32Array.from({ length: WIDTH }, () => rng.normal() * 0.05);
  const g = new GraphBuilder('probe');
  const x = g.input('x', 'float32', ['batch', WIDTH]);
  const h = g.node('Relu', [g.node('MatMul', [x, g.initializer('w1', [WIDTH, WIDTH], w1)])]);
  const y = g.node('MatMul', [h, g.initializer('w2', [WIDTH, 1], w2)]);
  g.output(y, 'y', 'float32', ['batch', 1]);
  return g.toBytes('provider probe', { kind: 'probe' });
}

export function probeInput(): Float32Array {
  const rng = createRng(99);
  return Float32Array.from({ length: PROBE_BATCH * WIDTH }, () => rng.normal());
}

export const PROBE_WIDTH = WIDTH;
