#!/usr/bin/env node
/**
 * `npm start`: builds the static export if there is none, then serves it on 127.0.0.1.
 * The server itself is scripts/static-server.mjs (serve-handler: correct MIME types, indexes, 404).
 *
 *   node scripts/start.mjs [--no-build] [--port 3000]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

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

const { url } = await serveStatic(outDir, { port, host });
console.log(`MLSD Lab is running at ${url}/`);
