/**
 * The one static server for the built site (`out/`), shared by `npm start`, the benchmarks and
 * the e2e fault tests. serve-handler (the engine of Vercel's `serve`) gives correct MIME types —
 * .wasm, .mjs and .css included — directory indexes and the 404 page.
 */
import http from 'node:http';
import handler from 'serve-handler';

const OPTIONS = {
  cleanUrls: true,
  directoryListing: false,
  trailingSlash: true,
  headers: [
    {
      source: '**/*.@(wasm|onnx|bin)',
      headers: [{ key: 'Cache-Control', value: 'public, max-age=3600' }],
    },
    {
      source: '_next/static/**',
      headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
    },
  ],
};

/**
 * Serves `dir` on host:port (port 0 picks a free one). `intercept(req, res)` may answer a request
 * itself by returning true (tests use it to break files on purpose).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(dir, { port = 0, host = '127.0.0.1', intercept } = {}) {
  const server = http.createServer((req, res) => {
    if (intercept?.(req, res)) return;
    void handler(req, res, { ...OPTIONS, public: dir });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
