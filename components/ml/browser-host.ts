/**
 * The browser side of the ML runtime (lib/runtime/engine.ts): which onnxruntime-web build to
 * load per provider, and what WebGPU adapter the browser offers. Shared by every worker that
 * serves ONNX models (the ML worker, the video feed worker).
 */
import type { EngineHost, GpuInfo, Ort } from '@/lib/runtime/engine';

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

export const browserEngineHost: EngineHost = {
  // Each provider loads its own onnxruntime-web build, so a page only downloads the one it uses.
  loadOrt: async (provider) =>
    provider === 'webgpu'
      ? ((await import('onnxruntime-web/webgpu')) as unknown as Ort)
      : ((await import('onnxruntime-web/wasm')) as unknown as Ort),
  gpu: detectGpu,
  now: () => performance.now(),
};
