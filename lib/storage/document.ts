import { describeWriteError, type KeyValueAdapter } from './adapter';
import { unwrap, wrap, type MigrationChain } from './envelope';

/**
 * A saved document with the never-lose-work rules:
 * - nothing is written before the stored value was read;
 * - data that cannot be read (corrupt) or was written by a newer version (future) is never
 *   overwritten: writes stay blocked until the learner chooses to start fresh, and even then the
 *   original is first copied to a backup key;
 * - entries the restore step had to drop are reported, and the original is backed up before the
 *   repaired version is written;
 * - a failed write (quota) is reported and the value is kept in memory for the next attempt.
 */
export type LoadStatus =
  | { kind: 'loading' }
  | { kind: 'ok' }
  | { kind: 'repaired'; dropped: string[]; backupKey: string }
  | { kind: 'blocked'; reason: 'corrupt' | 'future'; detail: string; raw: string };

export type SaveStatus =
  { kind: 'idle' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export interface Restored<T> {
  value: T;
  /** Human-readable descriptions of what was dropped; empty when the data was clean. */
  dropped: string[];
}

export interface DocumentSpec<T> {
  key: string;
  kind: string;
  chain: MigrationChain;
  empty: () => T;
  /** Validates migrated data, keeping every valid part and listing what it dropped. */
  restore: (data: unknown) => Restored<T>;
  now?: () => Date;
}

export interface PersistedDocument<T> {
  load(): Promise<{ value: T; status: LoadStatus }>;
  save(value: T): Promise<SaveStatus>;
  /** After a blocked load: back up the stored data, then allow writes again. */
  startFresh(): Promise<{ ok: true; backupKey: string } | { ok: false; message: string }>;
  readonly writable: boolean;
}

export function createDocument<T>(
  adapter: KeyValueAdapter,
  spec: DocumentSpec<T>,
): PersistedDocument<T> {
  const now = spec.now ?? (() => new Date());
  let writable = false;
  let blockedRaw: string | null = null;
  const backupKey = () => `${spec.key}.backup.${now().toISOString()}`;

  async function load(): Promise<{ value: T; status: LoadStatus }> {
    writable = false;
    const raw = await adapter.get(spec.key);
    if (raw === null) {
      writable = true;
      return { value: spec.empty(), status: { kind: 'ok' } };
    }
    const unwrapped = unwrap(raw, spec.kind, spec.chain);
    if (!unwrapped.ok) {
      blockedRaw = raw;
      return {
        value: spec.empty(),
        status: { kind: 'blocked', reason: unwrapped.reason, detail: unwrapped.detail, raw },
      };
    }
    const { value, dropped } = spec.restore(unwrapped.data);
    if (dropped.length === 0) {
      writable = true;
      return { value, status: { kind: 'ok' } };
    }
    const key = backupKey();
    try {
      await adapter.set(key, raw);
    } catch (error) {
      // Without a backup the repaired value must not replace the original.
      blockedRaw = raw;
      return {
        value,
        status: {
          kind: 'blocked',
          reason: 'corrupt',
          detail: `${dropped.length} damaged entries, and no room to back them up: ${describeWriteError(error)}`,
          raw,
        },
      };
    }
    writable = true;
    return { value, status: { kind: 'repaired', dropped, backupKey: key } };
  }

  async function save(value: T): Promise<SaveStatus> {
    if (!writable) return { kind: 'idle' };
    try {
      await adapter.set(spec.key, wrap(spec.kind, spec.chain.current, value, now()));
      return { kind: 'saved', at: now().toISOString() };
    } catch (error) {
      return { kind: 'failed', message: describeWriteError(error) };
    }
  }

  async function startFresh() {
    if (blockedRaw === null) {
      writable = true;
      return { ok: true as const, backupKey: '' };
    }
    const key = backupKey();
    try {
      await adapter.set(key, blockedRaw);
    } catch (error) {
      return { ok: false as const, message: describeWriteError(error) };
    }
    blockedRaw = null;
    writable = true;
    return { ok: true as const, backupKey: key };
  }

  return {
    load,
    save,
    startFresh,
    get writable() {
      return writable;
    },
  };
}
