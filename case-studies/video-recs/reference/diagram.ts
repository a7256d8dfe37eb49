/**
 * The reference architecture of the video recommendation case as a diagram in the lib/diagram
 * format: two-stage retrieval and ranking on the request path, the event log feeding streaming
 * and batch features, and the training loop through the model registry. Pure data.
 *
 * The shape (`ReferenceArchitecture`) is the same in every case study's reference/diagram.ts
 * (structurally identical, like case.ts): a valid `Diagram` plus, outside it, the framework step
 * each node belongs to. The diagram format has no field for that, so `stages` maps node ids to
 * lib/framework step ids; a case page can link a clicked node to its step.
 */
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, NodeKind } from '@/lib/diagram';
import type { StepId } from '@/lib/framework/steps';

export interface ReferenceArchitecture {
  caseId: string;
  title: string;
  summary: string;
  diagram: Diagram;
  stages: Readonly<Record<string, StepId>>;
}

const SIZE = { width: 200, height: 72 };
const cell = (col: number, row: number) => ({ x: 40 + col * 260, y: 70 + row * 120 });

function node(
  id: string,
  kind: NodeKind,
  label: string,
  notes: string,
  position: { x: number; y: number },
  parentId?: string,
): DiagramNode {
  const n: DiagramNode = { id, kind, label, notes, position, size: { ...SIZE } };
  if (parentId) n.parentId = parentId;
  return n;
}

function edge(source: string, target: string, kind: EdgeKind, label: string): DiagramEdge {
  return { id: `${source}--${target}`, source, target, kind, label };
}

const nodes: DiagramNode[] = [
  {
    id: 'online',
    kind: 'online-area',
    label: 'Online: the home-feed request (< 200 ms)',
    notes: '',
    position: { x: 0, y: 0 },
    size: { width: 1080, height: 450 },
  },
  {
    id: 'offline',
    kind: 'offline-area',
    label: 'Offline: data and training (minutes to hours)',
    notes: '',
    position: { x: 0, y: 540 },
    size: { width: 1340, height: 330 },
  },
  node(
    'client',
    'client',
    'Mobile / web app',
    'Asks for the home feed; logs impressions, clicks and watch time.',
    { x: -280, y: 190 },
  ),
  node(
    'ab',
    'experiment-service',
    'A/B assignment',
    'Puts each user in a variant; the launch decision compares watch time per variant.',
    cell(0, 0),
    'online',
  ),
  node(
    'gateway',
    'api-gateway',
    'API gateway',
    'Authenticates, rate-limits and fans the request out.',
    cell(0, 1),
    'online',
  ),
  node(
    'cache',
    'prediction-cache',
    'Feed cache',
    'Precomputed feeds: the fallback when a stage is slow or down.',
    cell(0, 2),
    'online',
  ),
  node(
    'user-tower',
    'embedding-service',
    'User tower',
    'Encodes the user and context into one vector per request.',
    cell(1, 0),
    'online',
  ),
  node(
    'candidates',
    'candidate-generation',
    'Candidate generation',
    'Two-tower retrieval plus subscriptions and trending: ~1,000 videos.',
    cell(1, 1),
    'online',
  ),
  node(
    'ann',
    'ann-index',
    'ANN index',
    'Nearest video embeddings (HNSW/IVF) over the catalogue in < 10 ms.',
    cell(2, 0),
    'online',
  ),
  node(
    'ranking',
    'ranking-service',
    'Ranking service',
    'Multi-task model: P(click) and expected watch time for each candidate.',
    cell(2, 1),
    'online',
  ),
  node(
    'features-online',
    'feature-store-online',
    'Online feature store',
    'User history and fresh video counters, read by key at request time.',
    cell(2, 2),
    'online',
  ),
  node(
    'reranker',
    're-ranker',
    'Re-ranker / policy',
    'Filters watched and unsafe videos; diversity, freshness, creator cap.',
    cell(3, 1),
    'online',
  ),
  node(
    'events',
    'event-log',
    'Event stream',
    'Impressions, clicks, watch time, likes and skips, in order (e.g. Kafka).',
    cell(0, 0),
    'offline',
  ),
  node(
    'streaming',
    'stream-processing',
    'Stream processing',
    'Near-real-time counters: recent watches, video CTR in the last hour.',
    cell(1, 0),
    'offline',
  ),
  node(
    'warehouse',
    'data-lake',
    'Data warehouse',
    'Raw events and daily snapshots, kept for training and analysis.',
    cell(0, 1),
    'offline',
  ),
  node(
    'etl',
    'batch-processing',
    'ETL / batch jobs',
    'Joins impressions with outcomes into labelled examples; daily aggregates.',
    cell(1, 1),
    'offline',
  ),
  node(
    'features-batch',
    'feature-store-batch',
    'Batch feature store',
    'Point-in-time-correct features for training, synced to the online store.',
    cell(2, 1),
    'offline',
  ),
  node(
    'training',
    'training-pipeline',
    'Training pipeline',
    'Trains the two-tower model and the ranker; recall@k and NDCG gate promotion.',
    cell(3, 1),
    'offline',
  ),
  node(
    'registry',
    'model-registry',
    'Model registry',
    'Versioned models with metrics and lineage; serving pulls the approved one.',
    cell(4, 1),
    'offline',
  ),
  node(
    'monitoring',
    'monitoring',
    'Monitoring',
    'Latency, errors, feature drift, watch time per variant; pages on regressions.',
    { x: 1180, y: 330 },
  ),
];

const edges: DiagramEdge[] = [
  edge('client', 'gateway', 'request', 'home feed request'),
  edge('gateway', 'ab', 'request', 'variant?'),
  edge('gateway', 'candidates', 'request', 'user + context'),
  edge('gateway', 'cache', 'request', 'fallback feed'),
  edge('candidates', 'user-tower', 'request', 'embed user'),
  edge('candidates', 'ann', 'request', 'nearest videos'),
  edge('candidates', 'ranking', 'request', '~1,000 candidates'),
  edge('ranking', 'features-online', 'request', 'features'),
  edge('ranking', 'reranker', 'request', 'scored list'),
  edge('client', 'events', 'data', 'impressions, clicks, watch time'),
  edge('ranking', 'events', 'data', 'served features + scores'),
  edge('events', 'streaming', 'data', 'events'),
  edge('streaming', 'features-online', 'data', 'fresh counters'),
  edge('events', 'warehouse', 'data', 'raw events'),
  edge('warehouse', 'etl', 'data', ''),
  edge('etl', 'features-batch', 'data', 'daily features'),
  edge('features-batch', 'features-online', 'data', 'sync'),
  edge('ranking', 'monitoring', 'data', 'latency, scores'),
  edge('events', 'monitoring', 'data', 'watch time by variant'),
  edge('etl', 'training', 'training', 'labelled examples'),
  edge('features-batch', 'training', 'training', 'features'),
  edge('training', 'registry', 'training', 'models + metrics'),
  edge('registry', 'ranking', 'training', 'ranker'),
  edge('registry', 'user-tower', 'training', 'user tower'),
  edge('training', 'ann', 'training', 'video embeddings'),
  edge('monitoring', 'training', 'training', 'retrain on drift'),
];

export const VIDEO_RECS_REFERENCE: ReferenceArchitecture = {
  caseId: 'video-recs',
  title: 'Video recommendation: reference architecture',
  summary:
    'A home feed in two stages: cheap retrieval narrows millions of videos to about a thousand, a multi-task ranker orders them, and a policy layer shapes the final list. Every impression is logged with the features it was served with, so training data matches serving.',
  diagram: {
    id: 'reference-video-recs',
    title: 'Video recommendation (reference)',
    nodes,
    edges,
    viewport: { x: 0, y: 0, zoom: 1 },
  },
  stages: {
    client: 'clarify',
    ab: 'evaluate',
    gateway: 'serve',
    cache: 'serve',
    'user-tower': 'model',
    candidates: 'model',
    ann: 'serve',
    ranking: 'model',
    'features-online': 'data',
    reranker: 'serve',
    events: 'data',
    streaming: 'data',
    warehouse: 'data',
    etl: 'data',
    'features-batch': 'data',
    training: 'model',
    registry: 'serve',
    monitoring: 'monitor',
  },
};
