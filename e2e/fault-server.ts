import path from 'node:path';
import { serveStatic } from '../scripts/static-server.mjs';

export type Fault = 'none' | 'runtime-404' | 'runtime-html';

/**
 * The built site on a private port, with a switch that breaks onnxruntime-web's .wasm the way
 * real deployments do (missing, or an HTML page in its place). Needed because requests made
 * inside a Web Worker cannot be intercepted with Playwright's routing.
 */
export async function startFaultServer() {
  let fault: Fault = 'none';
  const server = await serveStatic(path.join(process.cwd(), 'out'), {
    intercept: (req, res) => {
      if (fault === 'none' || !/\/ort-wasm-simd-threaded[^/]*\.wasm$/.test(req.url ?? ''))
        return false;
      if (fault === 'runtime-404')
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      else
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body>Please sign in</body></html>');
      return true;
    },
  });
  return { ...server, setFault: (f: Fault) => void (fault = f) };
}
