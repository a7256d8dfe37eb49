/**
 * Node-only: locate tfjs-backend-wasm's binaries in node_modules and initialise TF.js on WASM.
 * Kept apart from backend.ts because browsers have no `node:module` or file paths.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { initTf, type BackendInfo, type BackendOptions } from './backend';

/** Absolute directory (with trailing separator) holding the tfjs-backend-wasm .wasm files. */
export function nodeWasmDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(pkg), 'dist') + path.sep;
}

/** initTf with the binaries from node_modules (unless `wasmPaths` overrides them). */
export function initTfNode(opts: BackendOptions = {}): Promise<BackendInfo> {
  return initTf({ wasmPaths: nodeWasmDir(), ...opts });
}
