/**
 * Every case study keeps the same set of files (case-studies/README.md), so a third case is
 * copy, rename, fill in, and the shared pages and tools can rely on them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'case-studies';
const REQUIRED = [
  'case.ts',
  'world.ts',
  'features.ts',
  'models.ts',
  'pipeline.ts',
  'serving.ts',
  'retrain.ts',
  'url-state.ts',
  'reference/solution.ts',
  'reference/diagram.ts',
  'reference/interviewer.ts',
  'reference/exercises.ts',
];

const cases = readdirSync(ROOT).filter((d) => statSync(path.join(ROOT, d)).isDirectory());

describe('case study layout', () => {
  it('finds the case studies', () => {
    expect(cases).toEqual(expect.arrayContaining(['video-recs', 'ad-click']));
  });
  for (const id of cases) {
    it(`${id} has every file of the common set`, () => {
      const missing = REQUIRED.filter((f) => !existsSync(path.join(ROOT, id, f)));
      expect(missing).toEqual([]);
    });
  }
});
