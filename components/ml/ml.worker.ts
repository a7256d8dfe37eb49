/// <reference lib="webworker" />
/**
 * The ML worker: onnxruntime-web runs here, off the main thread. All logic lives in
 * lib/runtime/engine.ts; this file only wires it to postMessage and to the browser's WebGPU.
 */
import { createEngine } from '@/lib/runtime/engine';
import { classifyError } from '@/lib/runtime/errors';
import { browserEngineHost } from './browser-host';
import { transferablesOf, type Feeds, type Request, type Response } from '@/lib/runtime/protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine(browserEngineHost);

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
