import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initTf } from './backend';
import { nodeWasmDir } from './backend.node.js';

describe('initTf', () => {
  it('falls back to cpu and reports why when the wasm binaries cannot be loaded', async () => {
    const info = await initTf({ wasmPaths: '/nonexistent-wasm-dir/' });
    expect(info.requested).toBe('wasm');
    expect(info.backend).toBe('cpu');
    expect(info.fallbackReason).toMatch(/nonexistent-wasm-dir/);
    expect(tf.getBackend()).toBe('cpu');
    // Initialisation happens once per process: a second call returns the first outcome.
    expect(await initTf({ wasmPaths: nodeWasmDir() })).toBe(info);
  });

  it('finds the wasm binaries in node_modules', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(nodeWasmDir())).toContain('tfjs-backend-wasm-simd.wasm');
  });
});
