import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import handler from 'serve-handler';

export type Fault = 'none' | 'runtime-404' | 'runtime-html';

/**
 * The built site on a private port, with a switch that breaks onnxruntime-web's .wasm the way
 * real deployments do (missing, or an HTML page in its place). Needed because requests made
 * inside a Web Worker cannot be intercepted with Playwright's routing.
 */
export async function startFaultServer() {
  let fault: Fault = 'none';
  const server = http.createServer((req, res) => {
    if (fault !== 'none' && /\/ort-wasm-simd-threaded[^/]*\.wasm$/.test(req.url ?? '')) {
      if (fault === 'runtime-404') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      } else {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body>Please sign in</body></html>');
      }
      return;
    }
    void handler(req, res, {
      public: path.join(process.cwd(), 'out'),
      cleanUrls: true,
      directoryListing: false,
      trailingSlash: true,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFault: (f: Fault) => void (fault = f),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
