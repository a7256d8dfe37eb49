#!/usr/bin/env node
/**
 * Copies TF.js's WASM backend binaries into public/vendor/tfjs/ so workers can load them from
 * a URL (the bundler does not emit them). onnxruntime-web needs no copy: the bundler emits its
 * .wasm next to the code that imports it. Runs before `build` and `dev`; the folder is ignored by git.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const to = path.join(root, 'public/vendor/tfjs');
mkdirSync(to, { recursive: true });
for (const file of [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
]) {
  copyFileSync(path.join(from, file), path.join(to, file));
}
console.log('Copied the TF.js WASM binaries to public/vendor/tfjs/.');
