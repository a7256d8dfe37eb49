/// <reference lib="webworker" />
/**
 * The ML worker: onnxruntime-web runs here, off the main thread. All logic lives in
 * lib/runtime/engine.ts; this file only wires it to postMessage and to the browser's WebGPU.
 */
import { createEngine, type GpuInfo, type Ort } from '@/lib/runtime/engine';
import { classifyError } from '@/lib/runtime/errors';
import { transferablesOf, type Feeds, type Request, type Response } from '@/lib/runtime/protocol';

declare const self: DedicatedWorkerGlobalScope;

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    vendor?: string;
    architecture?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
}

async function detectGpu(): Promise<GpuInfo> {
  const gpu = (
    navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  if (!gpu) return { available: false, fallback: false, description: 'navigator.gpu is missing' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter)
      return { available: false, fallback: false, description: 'no WebGPU adapter was offered' };
    const info = adapter.info ?? {};
    const fallback = adapter.isFallbackAdapter ?? info.isFallbackAdapter ?? false;
    const name =
      [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') ||
      'unnamed adapter';
    return { available: true, fallback, description: name };
  } catch (error) {
    return {
      available: false,
      fallback: false,
      description: `requesting an adapter failed: ${(error as Error).message}`,
    };
  }
}

const engine = createEngine({
  // Each provider loads its own onnxruntime-web build, so a page only downloads the one it uses.
  loadOrt: async (provider) =>
    provider === 'webgpu'
      ? ((await import('onnxruntime-web/webgpu')) as unknown as Ort)
      : ((await import('onnxruntime-web/wasm')) as unknown as Ort),
  gpu: detectGpu,
  now: () => performance.now(),
});

self.onmessage = async (event: MessageEvent<Request>) => {
  const req = event.data;
  let response: Response;
  let transfer: Transferable[] = [];
  try {
    const result = await engine.handle(req);
    const outputs = (result as { outputs?: Feeds } | undefined)?.outputs;
    if (outputs) transfer = transferablesOf(outputs);
    response = { id: req.id, ok: true, result };
  } catch (error) {
    response = { id: req.id, ok: false, error: classifyError(error, 'RUN_FAILED').toWire() };
  }
  self.postMessage(response, transfer);
};
