import { describe, expect, it } from 'vitest';
import type { WeightMap } from '../ml/weights';
import { wrap } from '../storage/envelope';
import { memoryBlobStore, type BlobStore, type MemoryBlobStore } from './blob-store';
import { crc32 } from './checksum';
import { createRegistry, REGISTRY_KEY, RegistryError, type RegistryOptions } from './registry';
import { REGISTRY_KIND } from './schema';
import type { NewModelVersion, ShippedManifest } from './types';

const clock = () => new Date('2026-11-22T10:00:00Z');
let counter = 0;
const options = (extra: RegistryOptions = {}): RegistryOptions => ({
  now: clock,
  nonce: () => `n${++counter}`,
  ...extra,
});

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
const meta = (extra: Partial<NewModelVersion> = {}): NewModelVersion => ({
  name: 'video-recs/two-tower',
  seed: 42,
  config: { epochs: 3, lr: 0.01, towers: [64, 32] },
  metrics: { split: 'test', values: { 'recall@10': 0.31, auc: 0.8 } },
  ...extra,
});

const snapshot = (store: MemoryBlobStore) =>
  new Map([...store.map].map(([k, v]) => [k, typeof v === 'string' ? v : Array.from(v)]));

async function rejection(p: Promise<unknown>): Promise<RegistryError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

const shippedBytes: Record<string, Uint8Array> = {
  'models/two-tower/1/user.onnx': bytes(10, 1),
  'models/two-tower/1/item.onnx': bytes(12, 2),
  'models/two-tower/2/user.onnx': bytes(10, 3),
  'models/two-tower/2/item.onnx': bytes(12, 4),
};
const ref = (key: string) => ({
  key,
  bytes: shippedBytes[key]!.byteLength,
  crc32: crc32(shippedBytes[key]!),
});
const shippedManifest: ShippedManifest = {
  format: 1,
  models: [1, 2].map((version) => ({
    name: 'video-recs/two-tower',
    version,
    createdAt: '2026-10-01T00:00:00Z',
    seed: version,
    config: { epochs: 10 },
    metrics: { split: 'test', values: { 'recall@10': 0.3 + version / 100 } },
    onnx: {
      user: ref(`models/two-tower/${version}/user.onnx`),
      item: ref(`models/two-tower/${version}/item.onnx`),
    },
    parentId: version === 2 ? 'shipped:video-recs/two-tower@1' : null,
  })),
};
const loadShipped = async (path: string) => {
  const b = shippedBytes[path];
  if (!b) throw new Error(`${path}: HTTP 404`);
  return b;
};

describe('model registry', () => {
  it('registers, lists, activates and compares versions', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    expect(await registry.load()).toEqual({ kind: 'ok' });

    const v1 = await registry.register(meta(), bytes(100));
    const v2 = await registry.register(
      meta({
        metrics: { split: 'test', values: { 'recall@10': 0.35, ndcg: 0.2 } },
        parentId: v1.id,
      }),
      bytes(120),
    );
    expect(v1).toMatchObject({
      id: 'local:video-recs/two-tower@1',
      version: 1,
      source: 'browser',
      sizeBytes: 100,
      createdAt: '2026-11-22T10:00:00.000Z',
      parentId: null,
    });
    expect(v2).toMatchObject({ version: 2, parentId: v1.id });

    expect((await registry.list('video-recs/two-tower')).map((v) => v.version)).toEqual([1, 2]);
    expect(await registry.list('other')).toEqual([]);
    expect(await registry.get(v2.id)).toEqual(v2);
    expect(await registry.get('local:nope@1')).toBeNull();

    expect(await registry.active('video-recs/two-tower')).toBeNull();
    await registry.setActive('video-recs/two-tower', v2.id);
    expect((await registry.active('video-recs/two-tower'))?.id).toBe(v2.id);

    const loaded = await registry.loadOnnx(v2.id);
    expect(loaded).toEqual({ ok: true, value: bytes(120) });

    const comparison = await registry.compare(v1.id, v2.id);
    expect(comparison).toMatchObject({ sameSplit: true, splits: { a: 'test', b: 'test' } });
    expect(comparison.deltas).toEqual([
      { metric: 'auc', a: 0.8, b: null, delta: null },
      { metric: 'ndcg', a: null, b: 0.2, delta: null },
      { metric: 'recall@10', a: 0.31, b: 0.35, delta: expect.closeTo(0.04, 10) },
    ]);

    // A new registry on the same store sees everything, including the active choice.
    const again = createRegistry(store, options());
    expect((await again.list()).map((v) => v.id)).toEqual([v1.id, v2.id]);
    expect((await again.active('video-recs/two-tower'))?.id).toBe(v2.id);
    expect(store.map.get(REGISTRY_KEY)).toContain(`"kind":"${REGISTRY_KIND}"`);
  });

  it('flags a comparison across different splits', async () => {
    const registry = createRegistry(memoryBlobStore(), options());
    const a = await registry.register(meta(), bytes(4));
    const b = await registry.register(
      meta({ metrics: { split: 'validation', values: { auc: 0.9 } } }),
      bytes(4),
    );
    expect(await registry.compare(a.id, b.id)).toMatchObject({
      sameSplit: false,
      splits: { a: 'test', b: 'validation' },
    });
    expect((await rejection(registry.compare(a.id, 'local:x@9'))).code).toBe('not-found');
  });

  it('numbers versions per name and never reuses a number', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    const a1 = await registry.register(meta(), bytes(4));
    const b1 = await registry.register(meta({ name: 'ads/ctr-dcn' }), bytes(4));
    const a2 = await registry.register(meta(), bytes(4));
    expect([a1.version, b1.version, a2.version]).toEqual([1, 1, 2]);

    await registry.remove(a2.id);
    const a3 = await registry.register(meta(), bytes(4));
    expect(a3.version).toBe(3);
    // Still true after a reload from storage.
    const again = createRegistry(store, options());
    expect((await again.register(meta(), bytes(4))).version).toBe(4);

    // Concurrent registrations each get their own number.
    const many = await Promise.all([1, 2, 3].map(() => registry.register(meta(), bytes(4))));
    expect(many.map((v) => v.version).sort()).toEqual([5, 6, 7]);
  });

  it('numbers the learner’s versions after the shipped ones', async () => {
    const registry = createRegistry(memoryBlobStore(), options({ loadShipped }));
    registry.mergeShipped(shippedManifest);
    const mine = await registry.register(
      meta({ parentId: 'shipped:video-recs/two-tower@2' }),
      bytes(4),
    );
    expect(mine).toMatchObject({ version: 3, parentId: 'shipped:video-recs/two-tower@2' });
  });

  it('keeps weights and multi-graph models', async () => {
    const registry = createRegistry(memoryBlobStore(), options());
    const weights: WeightMap = {
      'user/dense_0/kernel': { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) },
      'user/dense_0/bias': { shape: [3], data: Float32Array.from([0.5, -0.5, 0]) },
    };
    // A view into a larger buffer: only its own bytes are kept.
    const big = new Uint8Array(64).fill(9);
    const v = await registry.register(
      meta(),
      { user: big.subarray(8, 24), item: bytes(8, 3) },
      weights,
    );
    expect(v.sizeBytes).toBe(16 + 8 + 9 * 4);
    expect(await registry.loadOnnx(v.id, 'user')).toEqual({ ok: true, value: bytes(16, 9) });
    expect(await registry.loadOnnx(v.id, 'item')).toEqual({ ok: true, value: bytes(8, 3) });
    expect((await rejection(registry.loadOnnx(v.id))).message).toMatch(/several ONNX graphs/);
    expect((await rejection(registry.loadOnnx(v.id, 'ranker'))).code).toBe('not-found');

    const loaded = await registry.loadWeights(v.id);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.value['user/dense_0/kernel']).toEqual(weights['user/dense_0/kernel']);
      expect(loaded.value['user/dense_0/bias']).toEqual(weights['user/dense_0/bias']);
    }
    const bare = await registry.register(meta(), bytes(4));
    expect(await registry.loadWeights(bare.id)).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('refuses versions it could not save faithfully', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    const bad: [Partial<NewModelVersion>, RegExp][] = [
      [{ name: 'Video Recs' }, /name/],
      [{ metrics: { split: 'test', values: { auc: Number.NaN } } }, /metrics/],
      [{ config: { lr: Infinity } }, /config/],
      [{ seed: 1.5 }, /seed/],
    ];
    for (const [extra, message] of bad) {
      const error = await rejection(registry.register(meta(extra), bytes(4)));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(message);
    }
    expect((await rejection(registry.register(meta(), new Uint8Array(0)))).code).toBe('invalid');
    expect((await rejection(registry.register(meta(), { 'User Tower': bytes(4) }))).code).toBe(
      'invalid',
    );
    expect(
      (
        await rejection(
          registry.register(meta({ parentId: 'local:video-recs/two-tower@9' }), bytes(4)),
        )
      ).code,
    ).toBe('not-found');
    expect(store.log).toEqual([]);
  });

  it('writes nothing before the saved manifest was read', async () => {
    const inner = memoryBlobStore();
    const first = createRegistry(inner, options());
    const v1 = await first.register(meta(), bytes(4));
    const before = snapshot(inner);
    inner.log.length = 0;

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: BlobStore = {
      get: async (k) => (await gate, inner.get(k)),
      set: (k, v) => inner.set(k, v),
      delete: (k) => inner.delete(k),
    };
    const registry = createRegistry(slow, options());
    const pending = Promise.all([
      registry.register(meta(), bytes(4)),
      registry.setActive('video-recs/two-tower', v1.id),
      registry.list(),
    ]);
    await new Promise((r) => setTimeout(r, 10));
    expect(inner.log).toEqual([]);
    expect(snapshot(inner)).toEqual(before);

    release();
    const [v2, , listed] = await pending;
    expect(v2.version).toBe(2);
    expect(listed.map((v) => v.id)).toContain(v1.id);
    expect((await createRegistry(inner, options()).list()).map((v) => v.version)).toEqual([1, 2]);
  });

  it('keeps a corrupt manifest untouched, reports it, and backs it up before starting fresh', async () => {
    const raw = '{"app":"mlsd-lab","kind":"model-registry", truncated';
    const store = memoryBlobStore({ [REGISTRY_KEY]: raw, 'model:x/old/onnx/model': bytes(4) });
    const registry = createRegistry(store, options({ loadShipped }));
    registry.mergeShipped(shippedManifest);
    expect(await registry.load()).toMatchObject({ kind: 'blocked', reason: 'corrupt', raw });
    expect(registry.status.kind).toBe('blocked');

    // Shipped models still list and load; nothing can be changed.
    expect((await registry.list()).map((v) => v.source)).toEqual(['shipped', 'shipped']);
    expect((await registry.loadOnnx('shipped:video-recs/two-tower@1', 'user')).ok).toBe(true);
    const error = await rejection(registry.register(meta(), bytes(4)));
    expect(error.code).toBe('blocked');
    expect(error.message).toMatch(/not valid JSON/);
    expect((await rejection(registry.setActive('video-recs/two-tower', null))).code).toBe(
      'blocked',
    );
    expect(store.map.get(REGISTRY_KEY)).toBe(raw);
    expect(store.log).toEqual([]);

    const fresh = await registry.startFresh();
    expect(fresh.ok).toBe(true);
    if (fresh.ok) expect(store.map.get(fresh.backupKey)).toBe(raw);
    expect(registry.status).toEqual({ kind: 'ok' });
    expect((await registry.register(meta(), bytes(4))).version).toBe(3);
    // Bytes the old manifest may have pointed at are left alone.
    expect(store.map.has('model:x/old/onnx/model')).toBe(true);
  });

  it('keeps bytes found where the manifest belongs, in the backup', async () => {
    const store = memoryBlobStore({ [REGISTRY_KEY]: Uint8Array.from([1, 2, 250]) });
    const registry = createRegistry(store, options());
    expect(await registry.load()).toMatchObject({ kind: 'blocked', reason: 'corrupt' });
    const fresh = await registry.startFresh();
    expect(fresh.ok && store.map.get(fresh.backupKey)).toBe('binary:AQL6');
  });

  it('does not start fresh over a registry that loaded fine', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    await registry.register(meta(), bytes(4));
    expect(await registry.startFresh()).toEqual({ ok: true, backupKey: '' });
    expect(await registry.list()).toHaveLength(1);
  });

  it('never overwrites a manifest written by a newer version', async () => {
    const raw = wrap(REGISTRY_KIND, 9, { somethingNew: true }, clock());
    const store = memoryBlobStore({ [REGISTRY_KEY]: raw });
    const registry = createRegistry(store, options());
    expect(await registry.load()).toMatchObject({ kind: 'blocked', reason: 'future' });
    const error = await rejection(registry.register(meta(), bytes(4)));
    expect(error.code).toBe('blocked');
    expect(error.message).toMatch(/newer version/);
    expect((await rejection(registry.remove('local:video-recs/two-tower@1'))).code).toBe('blocked');
    expect(store.map.get(REGISTRY_KEY)).toBe(raw);
    expect(store.log).toEqual([]);
  });

  it('notices when another tab made the manifest unreadable, before changing anything', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    await registry.register(meta(), bytes(4));
    const future = wrap(REGISTRY_KIND, 2, {}, clock());
    store.map.set(REGISTRY_KEY, future);
    const before = snapshot(store);
    expect((await rejection(registry.register(meta(), bytes(4)))).code).toBe('blocked');
    expect(snapshot(store)).toEqual(before);
  });

  it('drops damaged entries, keeps the rest, and backs up the original', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    const good = await registry.register(meta(), bytes(4));
    const doomed = await registry.register(meta(), bytes(4));
    await registry.setActive('video-recs/two-tower', doomed.id);
    const saved = JSON.parse(store.map.get(REGISTRY_KEY) as string);
    saved.data.versions[doomed.id].metrics = 'oops';
    const raw = JSON.stringify(saved);
    store.map.set(REGISTRY_KEY, raw);

    const again = createRegistry(store, options());
    const status = await again.load();
    expect(status).toMatchObject({ kind: 'repaired' });
    if (status.kind !== 'repaired') return;
    expect(status.dropped).toEqual([
      expect.stringContaining(`model version "${doomed.id}"`),
      expect.stringContaining('active version of "video-recs/two-tower"'),
    ]);
    expect(store.map.get(status.backupKey)).toBe(raw);
    expect((await again.list()).map((v) => v.id)).toEqual([good.id]);
    // The number of the dropped version is not handed out again.
    expect((await again.register(meta(), bytes(4))).version).toBe(3);
  });

  it('reports a missing, truncated or damaged blob without failing the registry', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options());
    const ok = await registry.register(meta(), bytes(40));
    const gone = await registry.register(meta(), bytes(40));
    const short = await registry.register(meta(), bytes(40));
    const flipped = await registry.register(meta(), bytes(40));
    store.map.delete(gone.onnx.model!.key);
    store.map.set(short.onnx.model!.key, bytes(25));
    const damaged = bytes(40);
    damaged[3] = 0;
    store.map.set(flipped.onnx.model!.key, damaged);

    expect(await registry.loadOnnx(gone.id)).toMatchObject({
      ok: false,
      id: gone.id,
      blob: 'onnx:model',
      problem: 'missing',
    });
    expect(await registry.loadOnnx(short.id)).toMatchObject({
      ok: false,
      problem: 'truncated',
      message: expect.stringMatching(/25 of 40 bytes/),
    });
    expect(await registry.loadOnnx(flipped.id)).toMatchObject({ ok: false, problem: 'damaged' });
    expect((await registry.loadOnnx(ok.id)).ok).toBe(true);

    expect((await registry.verify()).map((p) => [p.id, p.problem])).toEqual([
      [gone.id, 'missing'],
      [short.id, 'truncated'],
      [flipped.id, 'damaged'],
    ]);
    // A broken version can still be listed, compared and removed.
    expect(await registry.list()).toHaveLength(4);
    await registry.remove(gone.id);
    expect(await registry.list()).toHaveLength(3);
  });

  it('leaves the registry unchanged when a version does not fit', async () => {
    const store = memoryBlobStore({}, { quotaBytes: 5000 });
    const registry = createRegistry(store, options());
    const v1 = await registry.register(meta(), bytes(1000));
    await registry.setActive('video-recs/two-tower', v1.id);
    const before = snapshot(store);
    const listed = await registry.list();

    const error = await rejection(
      registry.register(meta(), { user: bytes(1000), item: bytes(2500) }),
    );
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(
      /not enough browser storage to save video-recs\/two-tower \(3\.4 KB\)/,
    );
    expect(error.message).toMatch(/Nothing was changed/);
    expect((error.cause as Error).name).toBe('QuotaExceededError');
    expect(snapshot(store)).toEqual(before);
    expect(await registry.list()).toEqual(listed);

    // The failed attempt did not use up a version number.
    expect((await registry.register(meta(), bytes(500))).version).toBe(2);
  });

  it('cleans up the bytes when the manifest itself cannot be saved', async () => {
    const inner = memoryBlobStore();
    let failManifest = false;
    const store: BlobStore = {
      get: (k) => inner.get(k),
      delete: (k) => inner.delete(k),
      async set(k, v) {
        if (failManifest && k === REGISTRY_KEY) {
          const e = new Error('The quota has been exceeded.');
          e.name = 'QuotaExceededError';
          throw e;
        }
        return inner.set(k, v);
      },
    };
    const registry = createRegistry(store, options());
    const v1 = await registry.register(meta(), bytes(10));
    const before = snapshot(inner);
    failManifest = true;
    expect((await rejection(registry.register(meta(), bytes(10)))).code).toBe('quota');
    expect((await rejection(registry.setActive('video-recs/two-tower', v1.id))).code).toBe('quota');
    expect((await rejection(registry.remove(v1.id))).code).toBe('quota');
    expect(snapshot(inner)).toEqual(before);
    expect(await registry.active('video-recs/two-tower')).toBeNull();
    expect((await registry.list()).map((v) => v.id)).toEqual([v1.id]);
    expect((await registry.loadOnnx(v1.id)).ok).toBe(true);
  });

  it('reports other write failures without the quota advice', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(
      { ...store, set: async () => Promise.reject(new Error('disk on fire')) },
      options(),
    );
    const error = await rejection(registry.register(meta(), bytes(4)));
    expect(error.code).toBe('write-failed');
    expect(error.message).toMatch(/disk on fire/);
  });

  it('lists shipped models beside the learner’s and protects them', async () => {
    const store = memoryBlobStore();
    const registry = createRegistry(store, options({ loadShipped }));
    expect(registry.mergeShipped(shippedManifest)).toEqual({ merged: 2, rejected: [] });
    const mine = await registry.register(meta(), bytes(4));

    const listed = await registry.list('video-recs/two-tower');
    expect(listed.map((v) => [v.id, v.source])).toEqual([
      ['shipped:video-recs/two-tower@1', 'shipped'],
      ['shipped:video-recs/two-tower@2', 'shipped'],
      [mine.id, 'browser'],
    ]);
    expect(listed[1]).toMatchObject({ sizeBytes: 22, parentId: 'shipped:video-recs/two-tower@1' });

    // The newest shipped version serves until the learner chooses another.
    expect((await registry.active('video-recs/two-tower'))?.id).toBe(
      'shipped:video-recs/two-tower@2',
    );
    expect(await registry.loadOnnx('shipped:video-recs/two-tower@2', 'item')).toEqual({
      ok: true,
      value: bytes(12, 4),
    });

    const shippedError = await rejection(registry.remove('shipped:video-recs/two-tower@1'));
    expect(shippedError.code).toBe('protected');
    await registry.setActive('video-recs/two-tower', mine.id);
    expect((await rejection(registry.remove(mine.id))).code).toBe('protected');
    await registry.setActive('video-recs/two-tower', 'shipped:video-recs/two-tower@1');
    await registry.remove(mine.id);
    expect(store.map.has(mine.onnx.model!.key)).toBe(false);
    expect((await registry.list()).every((v) => v.source === 'shipped')).toBe(true);

    // Shipped versions are not saved with the learner's: they come from the site each time.
    expect(store.map.get(REGISTRY_KEY)).not.toContain('two-tower/1/user.onnx');
    expect(
      (await rejection(registry.setActive('ads/ctr', 'shipped:video-recs/two-tower@1'))).code,
    ).toBe('invalid');
  });

  it('reports a shipped file that cannot be fetched', async () => {
    const registry = createRegistry(memoryBlobStore(), options({ loadShipped }));
    const manifest = structuredClone(shippedManifest);
    manifest.models[0]!.onnx.user!.key = 'models/missing.onnx';
    registry.mergeShipped(manifest);
    expect(await registry.loadOnnx('shipped:video-recs/two-tower@1', 'user')).toMatchObject({
      ok: false,
      problem: 'unreadable',
      message: expect.stringMatching(/HTTP 404/),
    });
    expect((await registry.verify({ includeShipped: true })).map((p) => p.blob)).toEqual([
      'onnx:user',
    ]);
  });

  it('leaves out bad shipped entries and manifests from a newer build', async () => {
    const registry = createRegistry(memoryBlobStore(), options());
    const [first] = shippedManifest.models;
    const report = registry.mergeShipped({
      format: 1,
      models: [first, { ...first, metrics: null }, first],
    });
    expect(report.merged).toBe(1);
    expect(report.rejected).toEqual([
      expect.stringMatching(/^shipped model #2 \(metrics/),
      expect.stringMatching(/#3 .*listed twice/),
    ]);
    expect(registry.mergeShipped({ format: 2, models: [] })).toMatchObject({
      merged: 0,
      rejected: [expect.stringMatching(/format 2/)],
    });
    expect(registry.mergeShipped('nope').rejected).toHaveLength(1);
    expect(await registry.list()).toEqual([]);
  });

  it('keeps a version registered in another tab', async () => {
    const store = memoryBlobStore();
    const tabA = createRegistry(store, options());
    const tabB = createRegistry(store, options());
    await tabA.load();
    await tabB.load();
    const a = await tabA.register(meta(), bytes(4));
    const b = await tabB.register(meta(), bytes(4));
    expect(b.version).toBe(2);
    expect((await tabA.reload()).kind).toBe('ok');
    expect((await tabA.list()).map((v) => v.id)).toEqual([a.id, b.id]);
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    const registry = createRegistry(memoryBlobStore(), options());
    const v = await registry.register(meta(), bytes(4));
    v.metrics.values.auc = 1;
    (await registry.list())[0]!.name = 'changed';
    expect((await registry.get(v.id))?.metrics.values.auc).toBe(0.8);
    expect((await registry.get(v.id))?.name).toBe('video-recs/two-tower');
  });
});
