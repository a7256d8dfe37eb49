import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createRegistry, REGISTRY_KEY } from '@/lib/registry/registry';
import { createDocument } from '@/lib/storage/document';
import { idbBlobStore, idbKeyValueAdapter } from './idb-blob-store';

let n = 0;
const db = () => `test-db-${++n}`;

describe('IndexedDB blob store', () => {
  it('round-trips bytes and text, and deletes', async () => {
    const store = idbBlobStore(db());
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', Uint8Array.from([1, 2, 3]));
    await store.set('t', 'hello');
    expect(await store.get('a')).toEqual(Uint8Array.from([1, 2, 3]));
    expect(await store.get('t')).toBe('hello');
    await store.delete('a');
    await store.delete('never-there');
    expect(await store.get('a')).toBeUndefined();
  });

  it('stores only the bytes of a view, not its whole buffer', async () => {
    const name = db();
    const store = idbBlobStore(name);
    const big = new Uint8Array(1000).fill(5);
    await store.set('v', big.subarray(10, 14));
    const back = await store.get('v');
    expect(back).toEqual(new Uint8Array(4).fill(5));
    expect((back as Uint8Array).buffer.byteLength).toBe(4);
  });

  it('reads bytes saved as an ArrayBuffer, and refuses values that are neither', async () => {
    const name = db();
    const raw = createStore(name, 'blobs');
    await set('ab', Uint8Array.from([7, 8]).buffer, raw);
    await set('obj', { x: 1 }, raw);
    const store = idbBlobStore(name);
    expect(await store.get('ab')).toEqual(Uint8Array.from([7, 8]));
    await expect(store.get('obj')).rejects.toThrow(/neither text nor bytes/);
  });

  it('backs a registry end to end', async () => {
    const name = db();
    const registry = createRegistry(idbBlobStore(name), { nonce: () => 'x' });
    const v = await registry.register(
      {
        name: 'video-recs/two-tower',
        seed: 1,
        config: {},
        metrics: { split: 'test', values: { auc: 0.7 } },
      },
      Uint8Array.from([1, 2, 3, 4]),
      { w: { shape: [2], data: Float32Array.from([0.5, 1.5]) } },
    );
    await registry.setActive(v.name, v.id);

    const again = createRegistry(idbBlobStore(name));
    expect((await again.active(v.name))?.id).toBe(v.id);
    expect(await again.loadOnnx(v.id)).toEqual({ ok: true, value: Uint8Array.from([1, 2, 3, 4]) });
    const weights = await again.loadWeights(v.id);
    expect(weights.ok && Array.from(weights.value.w!.data)).toEqual([0.5, 1.5]);
    expect(typeof (await idbBlobStore(name).get(REGISTRY_KEY))).toBe('string');
  });
});

describe('IndexedDB key-value adapter', () => {
  it('backs a saved document', async () => {
    const name = db();
    const spec = {
      key: 'diagram:1',
      kind: 'diagram',
      chain: { current: 1, migrations: [] },
      empty: () => ({ nodes: [] as string[] }),
      restore: (data: unknown) => ({ value: data as { nodes: string[] }, dropped: [] }),
    };
    const doc = createDocument(idbKeyValueAdapter(name), spec);
    await doc.load();
    expect(await doc.save({ nodes: ['a'] })).toMatchObject({ kind: 'saved' });
    const again = createDocument(idbKeyValueAdapter(name), spec);
    expect(await again.load()).toEqual({ value: { nodes: ['a'] }, status: { kind: 'ok' } });
    expect(await idbKeyValueAdapter(name).get('missing')).toBeNull();
  });

  it('refuses to report a non-text value as nothing saved', async () => {
    const name = db();
    await set('k', new Uint8Array(2), createStore(name, 'documents'));
    await expect(idbKeyValueAdapter(name).get('k')).rejects.toThrow(/not text/);
  });
});
