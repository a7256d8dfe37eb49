#!/usr/bin/env node
/**
 * `npm start`: builds the static export if there is none, then serves it on 127.0.0.1.
 * Uses serve-handler (the engine of Vercel's `serve`) for correct MIME types — .wasm, .mjs and
 * .css included — directory indexes and the 404 page, rather than a hand-rolled server.
 *
 *   node scripts/start.mjs [--no-build] [--port 3000]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import handler from 'serve-handler';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(outDir, 'index.html'))) {
  if (args.includes('--no-build')) {
    console.error(
      'No build found in out/. Run `npm run build` first (or `npm start`, which builds).',
    );
    process.exit(1);
  }
  console.log('No build found: building the site first (about a minute)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = http.createServer((req, res) =>
  handler(req, res, {
    public: outDir,
    trailingSlash: true,
    cleanUrls: true,
    directoryListing: false,
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
  }),
);
server.listen(port, host, () => console.log(`MLSD Lab is running at http://${host}:${port}/`));
