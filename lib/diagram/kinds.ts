/**
 * The building blocks a learner can place on an architecture diagram, as data. The editor's
 * palette, the node renderer and the exercise graders all read these tables; adding a kind is
 * one entry in `NODE_KINDS` plus one in `NODE_KIND_INFO` (a missing entry is a type error).
 *
 * Kind ids are stored in saved diagrams: never rename one without a migration (see migrations.ts).
 */

export interface Size {
  width: number;
  height: number;
}

export const NODE_CATEGORIES = [
  'client',
  'serving',
  'data',
  'training',
  'ops',
  'area',
  'annotation',
] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

export const NODE_KINDS = [
  'client',
  'cdn',
  'api-gateway',
  'load-balancer',
  'candidate-generation',
  'ann-index',
  'embedding-service',
  'model-server',
  'ranking-service',
  're-ranker',
  'prediction-cache',
  'feature-store-batch',
  'feature-store-online',
  'event-log',
  'data-lake',
  'object-storage',
  'database',
  'batch-processing',
  'stream-processing',
  'training-pipeline',
  'model-registry',
  'labelling',
  'experiment-service',
  'monitoring',
  'note',
  'online-area',
  'offline-area',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface KindInfo {
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  /** A short id the UI maps to an SVG icon. */
  icon: string;
  category: NodeCategory;
  defaultSize: Size;
  /** Group kinds are areas other nodes sit inside (children point at them with parentId). */
  group: boolean;
}

// Frozen because several kinds share one size object; restore copies it into each node.
const box: Size = Object.freeze({ width: 180, height: 64 });
const store: Size = Object.freeze({ width: 180, height: 72 });
const area: Size = Object.freeze({ width: 640, height: 400 });

export const NODE_KIND_INFO = {
  client: {
    label: 'Client / app',
    description: 'The app or web page the user interacts with; it sends requests and logs events.',
    icon: 'device',
    category: 'client',
    defaultSize: box,
    group: false,
  },
  cdn: {
    label: 'CDN',
    description: 'Serves static assets and cacheable responses from locations near the user.',
    icon: 'globe',
    category: 'client',
    defaultSize: box,
    group: false,
  },
  'api-gateway': {
    label: 'API gateway',
    description: 'The single entry point: authentication, rate limits and routing to services.',
    icon: 'gateway',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'load-balancer': {
    label: 'Load balancer',
    description: 'Spreads requests across replicas of a service and takes unhealthy ones out.',
    icon: 'balance',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'candidate-generation': {
    label: 'Candidate generation',
    description: 'Narrows millions of items to a few hundred plausible ones, cheaply.',
    icon: 'funnel',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'ann-index': {
    label: 'ANN index',
    description: 'Approximate nearest-neighbour search over item embeddings (e.g. HNSW, IVF).',
    icon: 'radar',
    category: 'serving',
    defaultSize: store,
    group: false,
  },
  'embedding-service': {
    label: 'Embedding service',
    description: 'Turns users, queries or items into vectors with a trained encoder.',
    icon: 'vector',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'model-server': {
    label: 'Model server',
    description: 'Loads a trained model and answers prediction requests with low latency.',
    icon: 'chip',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'ranking-service': {
    label: 'Ranking service',
    description: 'Scores the candidates with a heavier model and orders them.',
    icon: 'ranking',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  're-ranker': {
    label: 'Re-ranker / policy filter',
    description:
      'Applies business rules, diversity, freshness and safety filters to the ranked list.',
    icon: 'filter',
    category: 'serving',
    defaultSize: box,
    group: false,
  },
  'prediction-cache': {
    label: 'Prediction cache',
    description: 'Keeps recent predictions or precomputed results to skip repeated work.',
    icon: 'bolt',
    category: 'serving',
    defaultSize: store,
    group: false,
  },
  'feature-store-batch': {
    label: 'Feature store (batch)',
    description: 'Features computed offline on a schedule; the source of training data.',
    icon: 'table',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  'feature-store-online': {
    label: 'Feature store (online)',
    description: 'Low-latency key-value reads of fresh features at request time.',
    icon: 'table-bolt',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  'event-log': {
    label: 'Event log / stream',
    description: 'An append-only log of impressions, clicks and other events (e.g. Kafka).',
    icon: 'stream',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  'data-lake': {
    label: 'Data lake / warehouse',
    description: 'Long-term storage of raw and cleaned data for analysis and training.',
    icon: 'lake',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  'object-storage': {
    label: 'Object storage',
    description: 'Blob storage for files: images, model artefacts, exported datasets.',
    icon: 'bucket',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  database: {
    label: 'Database',
    description: 'The transactional store for users, items and metadata.',
    icon: 'cylinder',
    category: 'data',
    defaultSize: store,
    group: false,
  },
  'batch-processing': {
    label: 'ETL / batch processing',
    description: 'Scheduled jobs that clean, join and aggregate data (e.g. Spark).',
    icon: 'gears',
    category: 'data',
    defaultSize: box,
    group: false,
  },
  'stream-processing': {
    label: 'Stream processing',
    description: 'Computes features and aggregates from events as they arrive (e.g. Flink).',
    icon: 'wave',
    category: 'data',
    defaultSize: box,
    group: false,
  },
  'training-pipeline': {
    label: 'Training pipeline',
    description: 'Builds datasets, trains and evaluates models, and hands winners to the registry.',
    icon: 'dumbbell',
    category: 'training',
    defaultSize: box,
    group: false,
  },
  'model-registry': {
    label: 'Model registry',
    description: 'Versioned models with their metrics and lineage; serving pulls from here.',
    icon: 'archive',
    category: 'training',
    defaultSize: store,
    group: false,
  },
  labelling: {
    label: 'Labelling / human review',
    description: 'People label examples or review model decisions; their answers become labels.',
    icon: 'person-check',
    category: 'training',
    defaultSize: box,
    group: false,
  },
  'experiment-service': {
    label: 'A/B & experiment service',
    description: 'Assigns users to variants and computes the metrics that decide a launch.',
    icon: 'flask',
    category: 'ops',
    defaultSize: box,
    group: false,
  },
  monitoring: {
    label: 'Monitoring & alerting',
    description: 'Watches latency, errors, data drift and model quality, and pages someone.',
    icon: 'pulse',
    category: 'ops',
    defaultSize: box,
    group: false,
  },
  note: {
    label: 'Note',
    description: 'Free text on the canvas: assumptions, numbers, open questions.',
    icon: 'note',
    category: 'annotation',
    defaultSize: Object.freeze({ width: 220, height: 100 }),
    group: false,
  },
  'online-area': {
    label: 'Online',
    description: 'An area for everything on the request path, answering in milliseconds.',
    icon: 'area-online',
    category: 'area',
    defaultSize: area,
    group: true,
  },
  'offline-area': {
    label: 'Offline',
    description: 'An area for batch jobs and training, running in minutes to hours.',
    icon: 'area-offline',
    category: 'area',
    defaultSize: area,
    group: true,
  },
} satisfies Record<NodeKind, KindInfo>;

// A Set, not `key in NODE_KIND_INFO`: 'constructor' or '__proto__' must never pass as a kind.
const nodeKindSet: ReadonlySet<string> = new Set(NODE_KINDS);

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && nodeKindSet.has(value);
}

export function isGroupKind(kind: NodeKind): boolean {
  return NODE_KIND_INFO[kind].group;
}

export const GROUP_KINDS: readonly NodeKind[] = NODE_KINDS.filter(isGroupKind);

export const EDGE_KINDS = ['request', 'data', 'training'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface EdgeKindInfo {
  label: string;
  description: string;
  /** Line pattern the UI draws, so the three flows stay distinguishable without colour. */
  line: 'solid' | 'dashed' | 'dotted';
}

export const EDGE_KIND_INFO = {
  request: {
    label: 'Request path',
    description: 'A synchronous call made while the user waits.',
    line: 'solid',
  },
  data: {
    label: 'Data flow',
    description: 'Events, logs or features moving between systems, usually asynchronously.',
    line: 'dashed',
  },
  training: {
    label: 'Training flow',
    description: 'Datasets and models moving through training, evaluation and deployment.',
    line: 'dotted',
  },
} satisfies Record<EdgeKind, EdgeKindInfo>;

export const DEFAULT_EDGE_KIND: EdgeKind = 'data';

const edgeKindSet: ReadonlySet<string> = new Set(EDGE_KINDS);

export function isEdgeKind(value: unknown): value is EdgeKind {
  return typeof value === 'string' && edgeKindSet.has(value);
}
