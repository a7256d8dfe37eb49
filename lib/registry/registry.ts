/**
 * The model registry: every version of every model the app can serve, shipped ones and the
 * learner's own, with their metrics, lineage and bytes.
 *
 * Storage rules (the project's never-lose-work rules, lib/storage/document.ts):
 * - the manifest is a versioned, migrated document; nothing is written before it was read;
 * - a corrupt or newer-format manifest is never overwritten: the registry lists shipped models
 *   only and refuses changes until the learner chooses startFresh (which backs it up first);
 * - damaged entries are dropped one by one (and the original backed up); the rest is kept;
 * - a missing, truncated or damaged blob is reported by loadOnnx/loadWeights/verify, never thrown;
 * - a write that does not fit (quota) throws a RegistryError('quota') and changes nothing.
 *
 * Blobs are written first under fresh keys (no manifest entry points at them yet), then the
 * manifest is re-read and saved with the new entry. A failure at any step deletes the new blobs,
 * so the registry is left as it was. Removal saves the manifest first, then deletes the blobs.
 */
import { packWeights, unpackWeights, type WeightMap } from '../ml/weights';
import type { KeyValueAdapter } from '../storage/adapter';
import { createDocument, type LoadStatus } from '../storage/document';
import { isBytes, isQuotaError, type BlobStore } from './blob-store';
import { crc32 } from './checksum';
import {
  describeIssues,
  emptyRegistry,
  localId,
  newModelVersion,
  parseShippedManifest,
  partName,
  REGISTRY_CHAIN,
  REGISTRY_KIND,
  restoreRegistry,
  totalBytes,
  type RegistryData,
} from './schema';
import {
  DEFAULT_PART,
  type BlobProblem,
  type BlobProblemKind,
  type BlobRef,
  type Comparison,
  type JsonValue,
  type Loaded,
  type MergeReport,
  type MetricDelta,
  type ModelVersion,
  type NewModelVersion,
  type WeightsRef,
} from './types';

export type { BlobStore, BlobValue } from './blob-store';

/** Where the manifest is kept in the BlobStore. Model bytes live under 'model:<name>/…'. */
export const REGISTRY_KEY = 'mlsd-lab:models';

export type RegistryErrorCode =
  | 'blocked' // the saved manifest cannot be read or is from a newer version: no changes allowed
  | 'quota' // browser storage is full
  | 'write-failed' // any other storage failure
  | 'not-found'
  | 'invalid'
  | 'protected'; // removing a shipped or the active version

export class RegistryError extends Error {
  readonly code: RegistryErrorCode;
  constructor(code: RegistryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryError';
    this.code = code;
  }
}

export interface RegistryOptions {
  /** Manifest key in the store (default REGISTRY_KEY). */
  key?: string;
  now?: () => Date;
  /** Fetches a shipped blob by its path; defaults to fetch(path). */
  loadShipped?: (path: string) => Promise<Uint8Array>;
  /** A unique token for new blob keys; defaults to 64 random bits. */
  nonce?: () => string;
}

export type OnnxInput = Uint8Array | Readonly<Record<string, Uint8Array>>;

export interface ModelRegistry {
  /** Reads the saved manifest (once; every other call waits for it). */
  load(): Promise<LoadStatus>;
  /** Reads the saved manifest again, e.g. after another tab changed it. */
  reload(): Promise<LoadStatus>;
  /**
   * The last read's outcome ('blocked' means read-only; shipped models are still listed). Every
   * change re-reads the manifest, so a 'repaired' report is best taken from load()'s result.
   */
  readonly status: LoadStatus;
  /** After a blocked load: back up the unreadable manifest, then start an empty one. */
  startFresh(): Promise<{ ok: true; backupKey: string } | { ok: false; message: string }>;
  /** Lists the shipped models (replacing any previously merged set) next to the learner's own. */
  mergeShipped(manifest: unknown): MergeReport;
  /** Saves a browser-trained version under the next version number of its name. */
  register(input: NewModelVersion, onnx: OnnxInput, weights?: WeightMap): Promise<ModelVersion>;
  /** Every version of `name` (or of every model) by name, then version. */
  list(name?: string): Promise<ModelVersion[]>;
  get(id: string): Promise<ModelVersion | null>;
  /** One ONNX graph's bytes; `part` may be left out when the version has one graph or a 'model' part. */
  loadOnnx(id: string, part?: string): Promise<Loaded<Uint8Array>>;
  loadWeights(id: string): Promise<Loaded<WeightMap>>;
  /** Chooses the version the serving side loads; null goes back to the default. */
  setActive(name: string, id: string | null): Promise<void>;
  /** The chosen version, or else the newest shipped one, or null. */
  active(name: string): Promise<ModelVersion | null>;
  /** Deletes a browser version and its bytes; never a shipped or the active one. */
  remove(id: string): Promise<void>;
  /** Metric deltas b − a. */
  compare(idA: string, idB: string): Promise<Comparison>;
  /** Reads every saved blob and reports the missing, truncated or damaged ones. */
  verify(options?: { includeShipped?: boolean }): Promise<BlobProblem[]>;
}

export function createRegistry(store: BlobStore, options: RegistryOptions = {}): ModelRegistry {
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? randomNonce;
  const loadShipped = options.loadShipped ?? fetchBytes;

  // The document layer only sees text; it gets the store through an adapter that remembers the
  // last write error, so a failed save can be told apart (quota or not).
  let lastWriteError: unknown = null;
  const adapter: KeyValueAdapter = {
    async get(key) {
      const v = await store.get(key);
      if (v === undefined) return null;
      // Bytes where text belongs are kept intact (as base64) so a backup loses nothing.
      return typeof v === 'string' ? v : `binary:${toBase64(v)}`;
    },
    async set(key, value) {
      try {
        await store.set(key, value);
      } catch (error) {
        lastWriteError = error;
        throw error;
      }
    },
  };
  const doc = createDocument(adapter, {
    key: options.key ?? REGISTRY_KEY,
    kind: REGISTRY_KIND,
    chain: REGISTRY_CHAIN,
    empty: emptyRegistry,
    restore: restoreRegistry,
    now,
  });

  let state: RegistryData = emptyRegistry();
  let status: LoadStatus = { kind: 'loading' };
  let shipped = new Map<string, ModelVersion>();
  let loading: Promise<LoadStatus> | null = null;

  // Every read-modify-write runs alone, so two registrations never get the same number.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  async function readManifest(): Promise<LoadStatus> {
    const { value, status: s } = await doc.load();
    state = value;
    status = s;
    // The backup exists: write the repaired manifest now, so it is repaired only once.
    if (s.kind === 'repaired') await doc.save(value);
    return s;
  }

  // A failed read (storage unavailable) is not remembered: the next call tries again.
  const load = () =>
    (loading ??= exclusive(readManifest).catch((error: unknown) => {
      loading = null;
      throw error;
    }));

  function blockedError(s: Extract<LoadStatus, { kind: 'blocked' }>): RegistryError {
    return new RegistryError(
      'blocked',
      `The saved model registry can't be changed: ${s.detail}. Nothing was changed; it stays as it was until you choose to start fresh (a backup is kept).`,
    );
  }

  /** Re-reads the manifest before a change, so changes made by another tab are kept. */
  async function fresh(): Promise<RegistryData> {
    const s = await readManifest();
    if (s.kind === 'blocked') throw blockedError(s);
    return state;
  }

  async function commit(next: RegistryData, what: string): Promise<void> {
    lastWriteError = null;
    const saved = await doc.save(next);
    if (saved.kind === 'saved') {
      state = next;
      return;
    }
    if (saved.kind === 'idle' && status.kind === 'blocked') throw blockedError(status);
    throw writeError(
      lastWriteError ?? new Error(saved.kind === 'failed' ? saved.message : ''),
      what,
    );
  }

  function find(id: string, data: RegistryData = state): ModelVersion | undefined {
    return data.versions[id] ?? shipped.get(id);
  }

  function mustFind(id: string): ModelVersion {
    const v = find(id);
    if (!v) throw new RegistryError('not-found', `There is no model version ${id}.`);
    return v;
  }

  function nextVersion(name: string, data: RegistryData): number {
    let max = data.counters[name] ?? 0;
    for (const v of [...Object.values(data.versions), ...shipped.values()])
      if (v.name === name) max = Math.max(max, v.version);
    return max + 1;
  }

  async function readBlob(
    v: ModelVersion,
    ref: BlobRef,
    blob: string,
  ): Promise<Loaded<Uint8Array>> {
    const problem = (kind: BlobProblemKind, message: string): Loaded<Uint8Array> => ({
      ok: false,
      id: v.id,
      blob,
      problem: kind,
      message: `${v.name} v${v.version} (${blob}): ${message}`,
    });
    let value: unknown;
    try {
      value = v.source === 'shipped' ? await loadShipped(ref.key) : await store.get(ref.key);
    } catch (error) {
      return problem(
        'unreadable',
        `could not be read (${(error as Error)?.message ?? String(error)}).`,
      );
    }
    if (value === undefined || value === null)
      return problem('missing', 'the saved bytes are missing.');
    if (!isBytes(value)) return problem('damaged', 'the saved value is not model bytes.');
    if (value.byteLength < ref.bytes)
      return problem('truncated', `only ${value.byteLength} of ${ref.bytes} bytes are saved.`);
    if (value.byteLength !== ref.bytes)
      return problem(
        'damaged',
        `${value.byteLength} bytes are saved where ${ref.bytes} were expected.`,
      );
    if (ref.crc32 !== undefined && crc32(value) !== ref.crc32)
      return problem('damaged', 'the saved bytes do not match their checksum.');
    return { ok: true, value };
  }

  function sortVersions(vs: ModelVersion[]): ModelVersion[] {
    const rank = (v: ModelVersion) => (v.source === 'shipped' ? 0 : 1);
    return vs.sort(
      (a, b) =>
        cmp(a.name, b.name) ||
        a.version - b.version ||
        rank(a) - rank(b) ||
        cmp(a.createdAt, b.createdAt) ||
        cmp(a.id, b.id),
    );
  }

  return {
    load,
    async reload() {
      await load();
      return exclusive(readManifest);
    },
    get status() {
      return status;
    },

    async startFresh() {
      await load();
      return exclusive(async () => {
        // Only a blocked registry starts fresh; otherwise this would empty a good one.
        if (status.kind !== 'blocked') return { ok: true as const, backupKey: '' };
        const result = await doc.startFresh();
        if (!result.ok) return result;
        const empty = emptyRegistry();
        lastWriteError = null;
        const saved = await doc.save(empty);
        if (saved.kind !== 'saved')
          return {
            ok: false as const,
            message: saved.kind === 'failed' ? saved.message : 'not saved',
          };
        state = empty;
        status = { kind: 'ok' };
        return result;
      });
    },

    mergeShipped(manifest) {
      const { models, rejected } = parseShippedManifest(manifest);
      shipped = new Map(models.map((m) => [m.id, m]));
      return { merged: models.length, rejected };
    },

    async register(input, onnx, weights) {
      const parsed = newModelVersion.safeParse(input);
      if (!parsed.success)
        throw new RegistryError(
          'invalid',
          `This model version can't be saved: ${describeIssues(parsed.error)}.`,
        );
      const meta = parsed.data;
      const parts = normaliseParts(onnx);
      const packed = weights ? packWeights(weights) : null;
      const weightBytes = packed ? new Uint8Array(packed.buffer) : null;
      const total =
        Object.values(parts).reduce((s, b) => s + b.byteLength, 0) + (weightBytes?.byteLength ?? 0);

      await load();
      return exclusive(async () => {
        if (status.kind === 'blocked') throw blockedError(status);
        const checkParent = (data: RegistryData) => {
          if (meta.parentId && !find(meta.parentId, data))
            throw new RegistryError(
              'not-found',
              `The parent version ${meta.parentId} does not exist.`,
            );
        };
        checkParent(state);

        const base = `model:${meta.name}/${nonce()}`;
        const onnxRefs: Record<string, BlobRef> = {};
        const writes: [string, Uint8Array][] = [];
        for (const [part, bytes] of Object.entries(parts)) {
          const key = `${base}/onnx/${part}`;
          onnxRefs[part] = { key, bytes: bytes.byteLength, crc32: crc32(bytes) };
          writes.push([key, bytes]);
        }
        let weightsRef: WeightsRef | undefined;
        if (packed && weightBytes) {
          const key = `${base}/weights`;
          weightsRef = {
            key,
            bytes: weightBytes.byteLength,
            crc32: crc32(weightBytes),
            manifest: packed.manifest,
          };
          writes.push([key, weightBytes]);
        }

        const written: string[] = [];
        const undo = async () => {
          for (const key of written) await store.delete(key).catch(() => undefined);
        };
        const label = `${meta.name} (${formatBytes(total)})`;
        try {
          for (const [key, bytes] of writes) {
            written.push(key);
            await store.set(key, bytes);
          }
          const data = await fresh();
          checkParent(data);
          const version = nextVersion(meta.name, data);
          const record: ModelVersion = {
            id: localId(meta.name, version),
            name: meta.name,
            version,
            createdAt: meta.createdAt ?? now().toISOString(),
            seed: meta.seed,
            config: meta.config as JsonValue,
            metrics: meta.metrics,
            source: 'browser',
            onnx: onnxRefs,
            sizeBytes: totalBytes(onnxRefs, weightsRef),
            parentId: meta.parentId ?? null,
          };
          if (weightsRef) record.weights = weightsRef;
          if (meta.note !== undefined) record.note = meta.note;
          await commit(
            {
              versions: { ...data.versions, [record.id]: record },
              active: data.active,
              counters: { ...data.counters, [meta.name]: version },
            },
            label,
          );
          return structuredClone(record);
        } catch (error) {
          await undo();
          if (error instanceof RegistryError) throw error;
          throw writeError(error, label);
        }
      });
    },

    async list(name) {
      await load();
      const all = [...Object.values(state.versions), ...shipped.values()];
      return structuredClone(
        sortVersions(name === undefined ? all : all.filter((v) => v.name === name)),
      );
    },

    async get(id) {
      await load();
      const v = find(id);
      return v ? structuredClone(v) : null;
    },

    async loadOnnx(id, part) {
      await load();
      const v = mustFind(id);
      const names = Object.keys(v.onnx);
      const chosen =
        part ?? (v.onnx[DEFAULT_PART] ? DEFAULT_PART : names.length === 1 ? names[0] : undefined);
      const ref = chosen === undefined ? undefined : v.onnx[chosen];
      if (!ref || chosen === undefined)
        throw new RegistryError(
          'not-found',
          part === undefined
            ? `${id} has several ONNX graphs (${names.join(', ')}): say which one to load.`
            : `${id} has no ONNX graph "${part}" (it has ${names.join(', ')}).`,
        );
      return readBlob(v, ref, `onnx:${chosen}`);
    },

    async loadWeights(id) {
      await load();
      const v = mustFind(id);
      if (!v.weights)
        return {
          ok: false,
          id,
          blob: 'weights',
          problem: 'missing',
          message: `${v.name} v${v.version} was saved without its TF.js weights.`,
        };
      const read = await readBlob(v, v.weights, 'weights');
      if (!read.ok) return read;
      // A fresh, aligned copy: Float32Array views need a 4-byte-aligned offset.
      return {
        ok: true,
        value: unpackWeights({ manifest: v.weights.manifest, buffer: read.value.slice().buffer }),
      };
    },

    async setActive(name, id) {
      await load();
      return exclusive(async () => {
        const data = await fresh();
        const active = { ...data.active };
        if (id === null) delete active[name];
        else {
          const v = find(id, data);
          if (!v) throw new RegistryError('not-found', `There is no model version ${id}.`);
          if (v.name !== name)
            throw new RegistryError('invalid', `${id} is a version of ${v.name}, not of ${name}.`);
          active[name] = id;
        }
        await commit({ ...data, active }, `the active version of ${name}`);
      });
    },

    async active(name) {
      await load();
      const chosen = state.active[name];
      const v = chosen === undefined ? undefined : find(chosen);
      if (v && v.name === name) return structuredClone(v);
      const candidates = [...shipped.values()].filter((s) => s.name === name);
      const newest = sortVersions(candidates).at(-1);
      return newest ? structuredClone(newest) : null;
    },

    async remove(id) {
      await load();
      return exclusive(async () => {
        const data = await fresh();
        const v = find(id, data);
        if (!v) throw new RegistryError('not-found', `There is no model version ${id}.`);
        if (v.source === 'shipped')
          throw new RegistryError(
            'protected',
            `${v.name} v${v.version} ships with MLSD Lab and can't be removed.`,
          );
        if (data.active[v.name] === id)
          throw new RegistryError(
            'protected',
            `${v.name} v${v.version} is the active version: make another version active first.`,
          );
        const versions = { ...data.versions };
        delete versions[id];
        await commit({ ...data, versions }, `the removal of ${v.name} v${v.version}`);
        // Only now that nothing points at them; a failure leaves unreferenced bytes, never a dangling entry.
        const keys = [...Object.values(v.onnx), ...(v.weights ? [v.weights] : [])].map(
          (r) => r.key,
        );
        for (const key of keys) await store.delete(key).catch(() => undefined);
      });
    },

    async compare(idA, idB) {
      await load();
      const a = mustFind(idA);
      const b = mustFind(idB);
      const metrics = [
        ...new Set([...Object.keys(a.metrics.values), ...Object.keys(b.metrics.values)]),
      ].sort(cmp);
      const deltas: MetricDelta[] = metrics.map((metric) => {
        const va = a.metrics.values[metric] ?? null;
        const vb = b.metrics.values[metric] ?? null;
        return { metric, a: va, b: vb, delta: va !== null && vb !== null ? vb - va : null };
      });
      return {
        a: idA,
        b: idB,
        sameSplit: a.metrics.split === b.metrics.split,
        splits: { a: a.metrics.split, b: b.metrics.split },
        deltas,
      };
    },

    async verify({ includeShipped = false } = {}) {
      await load();
      const problems: BlobProblem[] = [];
      const versions = [
        ...Object.values(state.versions),
        ...(includeShipped ? shipped.values() : []),
      ];
      for (const v of sortVersions(versions)) {
        const refs: [string, BlobRef][] = Object.entries(v.onnx).map(([p, r]) => [`onnx:${p}`, r]);
        if (v.weights) refs.push(['weights', v.weights]);
        for (const [blob, ref] of refs) {
          const read = await readBlob(v, ref, blob);
          if (!read.ok) {
            const { ok: _ok, ...problem } = read;
            problems.push(problem);
          }
        }
      }
      return problems;
    },
  };
}

function normaliseParts(onnx: OnnxInput): Record<string, Uint8Array> {
  const entries: [string, Uint8Array][] = isBytes(onnx)
    ? [[DEFAULT_PART, onnx]]
    : Object.entries(onnx as Readonly<Record<string, Uint8Array>>);
  if (entries.length === 0)
    throw new RegistryError('invalid', 'A model version needs an ONNX graph.');
  const parts: Record<string, Uint8Array> = Object.create(null);
  for (const [part, bytes] of entries) {
    if (!partName.safeParse(part).success)
      throw new RegistryError(
        'invalid',
        `"${part}" is not a valid ONNX part name (a short lower-case word).`,
      );
    if (!isBytes(bytes) || bytes.byteLength === 0)
      throw new RegistryError('invalid', `The ONNX graph "${part}" is empty.`);
    // A tight copy: storing a view would clone its whole underlying buffer, and the caller may
    // reuse theirs.
    parts[part] = bytes.slice();
  }
  return parts;
}

function writeError(error: unknown, what: string): RegistryError {
  if (isQuotaError(error))
    return new RegistryError(
      'quota',
      `There is not enough browser storage to save ${what}. Nothing was changed: remove model versions you no longer need, or free some space in this browser, then try again.`,
      { cause: error },
    );
  return new RegistryError(
    'write-failed',
    `Saving ${what} failed (${(error as Error)?.message ?? String(error)}). Nothing was changed.`,
    { cause: error },
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function randomNonce(): string {
  const words = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
