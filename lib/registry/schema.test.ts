import { describe, expect, it } from 'vitest';
import { memoryBlobStore } from './blob-store';
import { crc32 } from './checksum';
import { localId, restoreRegistry } from './schema';

const version = (name: string, n: number) => ({
  id: localId(name, n),
  name,
  version: n,
  createdAt: '2026-11-22T10:00:00.000Z',
  seed: 1,
  config: { lr: 0.1 },
  metrics: { split: 'test', values: { auc: 0.7 } },
  source: 'browser',
  onnx: { model: { key: `model:${name}/x/onnx/model`, bytes: 10, crc32: 5 } },
  sizeBytes: 999,
  parentId: null,
});

describe('registry manifest restore', () => {
  it('keeps valid versions, recomputes sizes, and drops the rest by name', () => {
    const { value, dropped } = restoreRegistry({
      versions: {
        [localId('a', 1)]: version('a', 1),
        [localId('a', 2)]: { ...version('a', 2), source: 'shipped' },
        'local:a@7': version('a', 3),
        [localId('b', 1)]: {
          ...version('b', 1),
          weights: {
            key: 'w',
            bytes: 8,
            manifest: [{ name: 'k', shape: [3], offset: 0, length: 3 }],
          },
        },
      },
      counters: { a: 5, b: 'x' },
      active: { a: localId('a', 2), c: 'shipped:c@1' },
    });
    expect(Object.keys(value.versions)).toEqual([localId('a', 1)]);
    expect(value.versions[localId('a', 1)]?.sizeBytes).toBe(10);
    expect(value.counters).toEqual({ a: 5 });
    expect(value.active).toEqual({ c: 'shipped:c@1' });
    expect(dropped).toEqual([
      expect.stringContaining('"local:a@2"'),
      expect.stringMatching(/"local:a@7" \(its id does not match/),
      expect.stringMatching(/"local:b@1" .*does not fit its buffer/),
      'version counter "b"',
      'active version of "a" (local:a@2 is not saved)',
    ]);
  });

  it('raises a counter that fell behind a saved version', () => {
    const { value } = restoreRegistry({ versions: { [localId('a', 4)]: version('a', 4) } });
    expect(value.counters).toEqual({ a: 4 });
  });

  it('names a record that is not an object, or maps that are not maps', () => {
    expect(restoreRegistry([]).dropped).toEqual(['the whole model registry (not an object)']);
    expect(restoreRegistry({ versions: [], active: 3 }).dropped).toEqual([
      'all saved model versions (not a map)',
      'all active versions (not a map)',
    ]);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('memory blob store', () => {
  it('copies values and enforces its quota', async () => {
    const store = memoryBlobStore({}, { quotaBytes: 10 });
    const b = Uint8Array.from([1, 2, 3]);
    await store.set('a', b);
    b[0] = 9;
    expect(await store.get('a')).toEqual(Uint8Array.from([1, 2, 3]));
    await expect(store.set('b', 'abcd')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    await store.set('a', new Uint8Array(10));
    store.failWrites = true;
    await expect(store.set('c', '')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(store.usedBytes()).toBe(10);
    await store.delete('missing');
    expect(store.log.map((e) => e.op)).toEqual(['set', 'set', 'delete']);
  });
});
