import { z } from 'zod';
import type { Restored } from '../storage/document';
import type { MigrationChain } from '../storage/envelope';
import type { BlobRef, JsonValue, ModelVersion, WeightsRef } from './types';

/**
 * The saved registry manifest (format version 1) and the shipped manifest: zod schemas, and the
 * restore step that keeps every valid entry and names each one it drops.
 */
export const REGISTRY_KIND = 'model-registry';
export const REGISTRY_CHAIN: MigrationChain = { current: 1, migrations: [] };
export const SHIPPED_FORMAT = 1;
export const MAX_VERSIONS = 2000;

/** What the registry saves: only the learner's own versions; shipped ones come from the site. */
export interface RegistryData {
  /** Browser versions by id. */
  versions: Record<string, ModelVersion>;
  /** Model name → id of the version the serving side loads. */
  active: Record<string, string>;
  /** Model name → highest version number ever issued, so numbers are never reused. */
  counters: Record<string, number>;
}

export function emptyRegistry(): RegistryData {
  return {
    versions: Object.create(null),
    active: Object.create(null),
    counters: Object.create(null),
  };
}

export const localId = (name: string, version: number) => `local:${name}@${version}`;
export const shippedId = (name: string, version: number) => `shipped:${name}@${version}`;

export const modelName = z
  .string()
  .max(120)
  .regex(
    /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/,
    'lower-case words separated by "/", e.g. video-recs/two-tower',
  );
export const partName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a short lower-case word');
const modelId = z.string().regex(/^(local|shipped):[^@]+@[1-9][0-9]*$/);
const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const notProto = (k: string) => k !== '__proto__';

const blobRef = z
  .object({
    key: z.string().min(1).max(500),
    bytes: count,
    crc32: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strip();

const weightsRef = blobRef
  .extend({
    manifest: z
      .array(
        z
          .object({
            name: z.string().min(1).max(200),
            shape: z.array(count).max(8),
            offset: count,
            length: count,
          })
          .strip(),
      )
      .max(10_000),
  })
  .superRefine((w, ctx) => {
    const floats = w.bytes / 4;
    for (const e of w.manifest) {
      const size = e.shape.reduce((p, d) => p * d, 1);
      if (size !== e.length || e.offset + e.length > floats)
        ctx.addIssue({ code: 'custom', message: `weight ${e.name} does not fit its buffer` });
    }
  });

export const heldOutMetrics = z
  .object({
    split: z.string().min(1).max(40),
    // zod 4 numbers are finite: NaN and Infinity (which JSON would turn into null) are refused.
    values: z.record(z.string().min(1).max(80).refine(notProto), z.number()),
  })
  .strip();

const onnxParts = z
  .record(partName, blobRef)
  .refine((parts) => Object.keys(parts).length > 0, 'no ONNX graph');

const common = {
  name: modelName,
  version: z.number().int().min(1).max(1_000_000),
  createdAt: isoDate,
  seed: z.number().int(),
  config: z.json(),
  metrics: heldOutMetrics,
  onnx: onnxParts,
  weights: weightsRef.optional(),
  parentId: modelId.nullable().optional(),
  note: z.string().max(500).optional(),
};

const storedVersion = z.object({ ...common, id: modelId, source: z.literal('browser') }).strip();
const shippedModel = z.object(common).strip();

export const newModelVersion = z
  .object({
    name: modelName,
    seed: z.number().int(),
    config: z.json(),
    metrics: heldOutMetrics,
    parentId: modelId.nullable().optional(),
    note: z.string().max(500).optional(),
    createdAt: isoDate.optional(),
  })
  .strip();

export function totalBytes(onnx: Record<string, BlobRef>, weights?: WeightsRef): number {
  return Object.values(onnx).reduce((s, r) => s + r.bytes, weights?.bytes ?? 0);
}

type Parsed = z.infer<typeof shippedModel>;

function toVersion(p: Parsed, id: string, source: ModelVersion['source']): ModelVersion {
  const version: ModelVersion = {
    id,
    name: p.name,
    version: p.version,
    createdAt: p.createdAt,
    seed: p.seed,
    config: p.config as JsonValue,
    metrics: p.metrics,
    source,
    onnx: p.onnx,
    sizeBytes: totalBytes(p.onnx, p.weights),
    parentId: p.parentId ?? null,
  };
  if (p.weights) version.weights = p.weights;
  if (p.note !== undefined) version.note = p.note;
  return version;
}

/** A short, readable account of why zod refused something. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Keeps every valid part of a saved registry and names each part it had to drop. */
export function restoreRegistry(data: unknown): Restored<RegistryData> {
  const value = emptyRegistry();
  const dropped: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { value, dropped: ['the whole model registry (not an object)'] };
  const record = data as Record<string, unknown>;

  for (const [id, entry] of entriesOf(record.versions, 'saved model versions', dropped)) {
    const parsed = storedVersion.safeParse(entry);
    const label = `model version "${id.slice(0, 80)}"`;
    if (!parsed.success) dropped.push(`${label} (${describeIssues(parsed.error)})`);
    else if (parsed.data.id !== id || id !== localId(parsed.data.name, parsed.data.version))
      dropped.push(`${label} (its id does not match its name and version)`);
    else if (Object.keys(value.versions).length >= MAX_VERSIONS)
      dropped.push(`${label} (over ${MAX_VERSIONS} versions)`);
    else value.versions[id] = toVersion(parsed.data, id, 'browser');
  }

  for (const [name, n] of entriesOf(record.counters, 'version counters', dropped)) {
    if (modelName.safeParse(name).success && count.safeParse(n).success)
      value.counters[name] = n as number;
    else dropped.push(`version counter "${name.slice(0, 80)}"`);
  }
  // A counter never falls behind a saved version, so no number is handed out twice.
  for (const v of Object.values(value.versions))
    value.counters[v.name] = Math.max(value.counters[v.name] ?? 0, v.version);

  for (const [name, id] of entriesOf(record.active, 'active versions', dropped)) {
    if (!modelName.safeParse(name).success || !modelId.safeParse(id).success)
      dropped.push(`active version of "${name.slice(0, 80)}"`);
    else if ((id as string).startsWith('local:') && value.versions[id as string]?.name !== name)
      dropped.push(`active version of "${name}" (${String(id)} is not saved)`);
    else value.active[name] = id as string;
  }
  return { value, dropped };
}

function entriesOf(input: unknown, label: string, dropped: string[]): [string, unknown][] {
  if (input === undefined) return [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    dropped.push(`all ${label} (not a map)`);
    return [];
  }
  return Object.entries(input);
}

/** Validates the shipped manifest entry by entry; bad entries are named and left out. */
export function parseShippedManifest(input: unknown): {
  models: ModelVersion[];
  rejected: string[];
} {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { models: [], rejected: ['the shipped model manifest (not an object)'] };
  const { format, models } = input as { format?: unknown; models?: unknown };
  if (typeof format === 'number' && format > SHIPPED_FORMAT)
    return {
      models: [],
      rejected: [
        `the shipped model manifest (format ${format}; this page knows up to ${SHIPPED_FORMAT})`,
      ],
    };
  if (format !== SHIPPED_FORMAT || !Array.isArray(models))
    return { models: [], rejected: ['the shipped model manifest (no format 1 model list)'] };

  const out: ModelVersion[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  models.forEach((entry: unknown, i) => {
    const parsed = shippedModel.safeParse(entry);
    if (!parsed.success) {
      rejected.push(`shipped model #${i + 1} (${describeIssues(parsed.error)})`);
      return;
    }
    const id = shippedId(parsed.data.name, parsed.data.version);
    if (seen.has(id)) {
      rejected.push(`shipped model #${i + 1} (${id} is listed twice)`);
      return;
    }
    seen.add(id);
    out.push(toVersion(parsed.data, id, 'shipped'));
  });
  return { models: out, rejected };
}
