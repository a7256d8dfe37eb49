/**
 * Extracts the real film catalogue that seeds the video-recommendation world: vega-datasets'
 * data/movies.json (3,201 films) → case-studies/video-recs/movies.generated.json, keeping only
 * what the generator uses, one compact row per film, so the browser can import it (it cannot
 * read node_modules) and the file stays commit-sized.
 *
 *   npx tsx scripts/extract-movies.ts [--check]
 *
 * Row format: [title, genre index into `genres` (-1 = no genre in the source), release year,
 * running time in minutes (0 = unknown), IMDB rating × 10 (0 = unknown)].
 *
 * Clean-ups, each a fact about the source data:
 * - 10 titles are numbers in the JSON (e.g. 1776, 300) and one is null: numbers become strings,
 *   the null becomes "Untitled".
 * - Release dates carry two-digit-year parsing errors (e.g. "Dec 31 2046" for a 1946 film); the
 *   catalogue ends in 2011, so years after 2011 are moved back a century.
 *
 * --check exits non-zero when the committed file differs from a fresh extraction.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = path.join(root, 'node_modules/vega-datasets/data/movies.json');
const outPath = path.join(root, 'case-studies/video-recs/movies.generated.json');

interface SourceMovie {
  Title: string | number | null;
  'Major Genre': string | null;
  'Release Date': string | null;
  'Running Time min': number | null;
  'IMDB Rating': number | null;
}

const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as SourceMovie[];
const version = (
  JSON.parse(readFileSync(path.join(root, 'node_modules/vega-datasets/package.json'), 'utf8')) as {
    version: string;
  }
).version;

// Genres in order of frequency (ties by name), so indices are stable for a given source.
const genreCounts = new Map<string, number>();
for (const m of source) {
  const g = m['Major Genre'];
  if (g) genreCounts.set(g, (genreCounts.get(g) ?? 0) + 1);
}
const genres = [...genreCounts.entries()]
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  .map(([g]) => g);

function year(date: string | null): number {
  const y = date ? Number(date.slice(-4)) : NaN;
  if (!Number.isFinite(y)) return 0;
  return y > 2011 ? y - 100 : y;
}

const rows = source.map((m) => [
  m.Title === null ? 'Untitled' : String(m.Title),
  m['Major Genre'] ? genres.indexOf(m['Major Genre']) : -1,
  year(m['Release Date']),
  m['Running Time min'] ?? 0,
  m['IMDB Rating'] === null ? 0 : Math.round(m['IMDB Rating'] * 10),
]);

const out = {
  source: `vega-datasets ${version} data/movies.json`,
  columns: ['title', 'genre', 'year', 'runtimeMin', 'imdbRatingX10'],
  genres,
  rows,
};
const text = await format(JSON.stringify(out), {
  ...(await resolveConfig(outPath)),
  filepath: outPath,
});

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // missing file: reported below
  }
  if (current !== text) {
    console.error(
      `${path.relative(root, outPath)} is stale: run npx tsx scripts/extract-movies.ts`,
    );
    process.exit(1);
  }
  console.log(`${path.relative(root, outPath)} is up to date.`);
} else {
  writeFileSync(outPath, text);
  console.log(
    `wrote ${path.relative(root, outPath)}: ${rows.length} films, ${genres.length} genres, ` +
      `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`,
  );
}
