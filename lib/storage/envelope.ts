/**
 * Every saved document is wrapped in an envelope that names what it is and which schema version
 * wrote it, so a later version can migrate it and an older one can refuse to touch it.
 */
export interface Envelope<T = unknown> {
  app: 'mlsd-lab';
  kind: string;
  version: number;
  savedAt: string;
  data: T;
}

export type Migration = (data: unknown) => unknown;

/** migrations[i] turns version i+1 data into version i+2 data. */
export interface MigrationChain {
  current: number;
  migrations: readonly Migration[];
}

export type Unwrapped =
  | { ok: true; data: unknown; fromVersion: number }
  | { ok: false; reason: 'corrupt' | 'future'; detail: string };

export function wrap<T>(kind: string, version: number, data: T, now: Date): string {
  const envelope: Envelope<T> = {
    app: 'mlsd-lab',
    kind,
    version,
    savedAt: now.toISOString(),
    data,
  };
  return JSON.stringify(envelope);
}

/** Parses and migrates a stored envelope to the current version, or says why it cannot. */
export function unwrap(raw: string, kind: string, chain: MigrationChain): Unwrapped {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'corrupt', detail: 'the saved data is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null)
    return { ok: false, reason: 'corrupt', detail: 'the saved data is not an object' };
  const e = parsed as Partial<Envelope>;
  if (e.app !== 'mlsd-lab' || e.kind !== kind)
    return { ok: false, reason: 'corrupt', detail: `the saved data is not MLSD Lab ${kind}` };
  if (typeof e.version !== 'number' || !Number.isInteger(e.version) || e.version < 1)
    return { ok: false, reason: 'corrupt', detail: 'the saved data has no valid version number' };
  if (e.version > chain.current)
    return {
      ok: false,
      reason: 'future',
      detail: `it was saved by a newer version of MLSD Lab (format ${e.version}; this page knows up to ${chain.current})`,
    };
  let data: unknown = e.data;
  for (let v = e.version; v < chain.current; v++) {
    const step = chain.migrations[v - 1];
    if (!step) return { ok: false, reason: 'corrupt', detail: `no migration from format ${v}` };
    try {
      data = step(data);
    } catch (error) {
      return {
        ok: false,
        reason: 'corrupt',
        detail: `migrating from format ${v} failed: ${(error as Error).message}`,
      };
    }
  }
  return { ok: true, data, fromVersion: e.version };
}
