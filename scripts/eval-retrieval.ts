/**
 * Bring-your-own-data retrieval evaluation from the command line:
 *
 *   npx tsx scripts/eval-retrieval.ts --ratings FILE [--seed N] [--epochs N]
 *
 * FILE is a MovieLens ratings file (u.data or ratings.csv). Malformed input prints the line and
 * the reason and exits 1; bad arguments exit 2. Otherwise prints top-10/50/100 accuracy (TFRS
 * protocol, seeded 80/20 split) for the two-tower and the popularity baseline, and exits 0.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HYPER, evaluateRetrieval, type EvalResult } from '../lib/byod/evaluate';
import { DEFAULT_MAX_BYTES, parseRatings } from '../lib/byod/ratings';
import { initTfNode } from '../lib/ml/backend.node.js';

const USAGE = 'usage: npx tsx scripts/eval-retrieval.ts --ratings FILE [--seed N] [--epochs N]';

interface Args {
  ratings: string;
  seed: number;
  epochs: number;
}

function parseArgs(argv: string[]): Args | string {
  let ratings: string | undefined;
  let seed = 1;
  let epochs = DEFAULT_HYPER.epochs;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (flag !== '--ratings' && flag !== '--seed' && flag !== '--epochs') {
      return `unknown argument ${JSON.stringify(flag)}\n${USAGE}`;
    }
    if (value === undefined) return `${flag} needs a value\n${USAGE}`;
    i++;
    if (flag === '--ratings') {
      ratings = value;
      continue;
    }
    const n = Number(value);
    const min = flag === '--seed' ? 0 : 1;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      return `${flag} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`;
    }
    if (flag === '--seed') seed = n;
    else epochs = n;
  }
  if (ratings === undefined) return `--ratings FILE is required\n${USAGE}`;
  return { ratings, seed, epochs };
}

/** The file's bytes, or only its first maxBytes + 1 when it is larger (the parser then reports it). */
function readCapped(file: string, maxBytes: number): Uint8Array {
  const size = statSync(file).size;
  if (size <= maxBytes) return readFileSync(file);
  const buf = Buffer.alloc(maxBytes + 1);
  const fd = openSync(file, 'r');
  try {
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

const fmt = (x: number): string => x.toFixed(4);
const userInput = (input: string, length: number): string =>
  input === 'id'
    ? 'a user id'
    : `the mean of up to ${length} of the user's training items${input === 'id+history' ? ' and a user id' : ''}`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number): string => n.toLocaleString('en-US');

function table(r: EvalResult): string {
  const head = ['model', ...r.ks.map((k) => `top-${k}`), 'train time'];
  const rows = [
    [r.twoTower.name, ...r.twoTower.accuracy.map(fmt), secs(r.timings.trainMs)],
    [r.popularity.name, ...r.popularity.accuracy.map(fmt), secs(r.timings.evalPopularityMs)],
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args === USAGE) {
      console.log(USAGE);
      return 0;
    }
    console.error(args);
    return 2;
  }
  const file = path.resolve(args.ratings);
  let bytes: Uint8Array;
  try {
    bytes = readCapped(file, DEFAULT_MAX_BYTES);
  } catch (err) {
    console.error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const t0 = performance.now();
  const parsed = parseRatings(bytes, { maxBytes: DEFAULT_MAX_BYTES });
  if (!parsed.ok) {
    console.error(`error: ${file}: ${parsed.error.message}`);
    return 1;
  }
  const data = parsed.data;
  console.log(
    `${path.basename(file)}: ${int(data.users.length)} ratings, ${int(data.numUsers)} users, ` +
      `${int(data.numItems)} items (${data.format}${data.hasHeader ? ', header' : ''}; ` +
      `parsed in ${secs(performance.now() - t0)})`,
  );

  const backend = await initTfNode();
  if (backend.fallbackReason) {
    console.error(`note: training on ${backend.backend}: ${backend.fallbackReason}`);
  }
  const hyper = { ...DEFAULT_HYPER, epochs: args.epochs };
  const epochs = `${hyper.epochs} epoch${hyper.epochs === 1 ? '' : 's'}`;
  console.log(
    `two-tower: user tower reads ${userInput(hyper.userInput, hyper.historyLength)}, ` +
      `item tower an item id; ${hyper.embeddingDim}-d embeddings → ${hyper.outputDim}-d ` +
      `${hyper.l2Normalize ? 'L2-normalised ' : ''}towers${hyper.itemBias ? ' + item bias' : ''}, ` +
      `temperature ${hyper.temperature}, ` +
      `in-batch softmax${hyper.logQCorrection ? ' + logQ' : ''}, ${epochs}, ` +
      `batch ${hyper.batchSize}, Adam lr ${hyper.learningRate}; seed ${args.seed}`,
  );
  let epochStart = performance.now();
  const result = await evaluateRetrieval(data, {
    seed: args.seed,
    hyper,
    onProgress: (p) => {
      if (p.stage !== 'train' || p.batch !== p.batches) return;
      const now = performance.now();
      console.error(
        `  epoch ${p.epoch}/${hyper.epochs}  last batch loss ${p.loss!.toFixed(3)}  ` +
          `(${secs(now - epochStart)})`,
      );
      epochStart = now;
    },
  });
  const s = result.sizes;
  console.log(
    `split: ${int(s.train)} train / ${int(s.test)} test interactions ` +
      `(${int(s.coldItems)} items never seen in training); ${int(s.parameters)} parameters\n`,
  );
  console.log(table(result));
  console.log(
    `\ntop-K accuracy: share of test interactions whose item is in the user's top K of all ` +
      `${int(s.items)} items (TFRS protocol, seen items included). Total ${secs(performance.now() - t0)}.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(3);
  },
);
