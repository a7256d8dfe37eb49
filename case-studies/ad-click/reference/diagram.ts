/**
 * The reference architecture of the ad click prediction case as a diagram in the lib/diagram
 * format: eligible ads scored by a calibrated pCTR model inside the auction's latency budget,
 * clicks joined to impressions as they arrive, and a model retrained every hour. Pure data.
 *
 * Same shape as every case study's reference/diagram.ts (see case-studies/video-recs): a valid
 * `Diagram` plus `stages`, the lib/framework step of each node, kept outside the diagram because
 * the format has no field for it.
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
    label: 'Online: one auction per ad slot (< 100 ms)',
    notes: '',
    position: { x: 0, y: 0 },
    size: { width: 1080, height: 450 },
  },
  {
    id: 'offline',
    kind: 'offline-area',
    label: 'Offline: logs, labels and hourly training',
    notes: '',
    position: { x: 0, y: 540 },
    size: { width: 1340, height: 330 },
  },
  node(
    'client',
    'client',
    'Social app feed',
    'Requests an ad for a slot; logs impressions and clicks.',
    { x: -280, y: 190 },
  ),
  node(
    'ab',
    'experiment-service',
    'A/B service',
    'Variants by user; revenue, CTR and user-experience guardrails decide.',
    cell(0, 0),
    'online',
  ),
  node(
    'gateway',
    'api-gateway',
    'Ad request API',
    'Authenticates and passes user, context and slot to ad selection.',
    cell(0, 1),
    'online',
  ),
  node(
    'campaigns',
    'database',
    'Campaigns & budgets',
    'Bids, targeting, creatives, daily budgets and spend so far.',
    cell(1, 0),
    'online',
  ),
  node(
    'retrieval',
    'candidate-generation',
    'Ad retrieval',
    'Eligible ads: targeting, budget left, frequency caps; ~1,000 per request.',
    cell(1, 1),
    'online',
  ),
  node(
    'cache',
    'prediction-cache',
    'pCTR cache',
    'Recent predictions for repeated (user, ad) pairs within a session.',
    cell(2, 0),
    'online',
  ),
  node(
    'ranking',
    'ranking-service',
    'pCTR model (DCN)',
    'Calibrated P(click) for every eligible ad, in < 20 ms.',
    cell(2, 1),
    'online',
  ),
  node(
    'features-online',
    'feature-store-online',
    'Online feature store',
    'User and ad counters (CTR in the last hour), hashed crosses.',
    cell(2, 2),
    'online',
  ),
  node(
    'auction',
    're-ranker',
    'Auction & pacing',
    'Ranks by bid × pCTR, applies reserve prices, pacing and ad-load policy.',
    cell(3, 1),
    'online',
  ),
  node(
    'events',
    'event-log',
    'Impression & click log',
    'Every impression with the features it was scored with; clicks arrive later.',
    cell(0, 0),
    'offline',
  ),
  node(
    'joiner',
    'stream-processing',
    'Click joiner',
    'Joins clicks to impressions within the attribution window; fresh counters.',
    cell(1, 0),
    'offline',
  ),
  node(
    'warehouse',
    'data-lake',
    'Data warehouse',
    'Labelled impressions kept for training, analysis and billing audits.',
    cell(0, 1),
    'offline',
  ),
  node(
    'etl',
    'batch-processing',
    'Training-data ETL',
    'Downsamples negatives, deduplicates, builds point-in-time features.',
    cell(1, 1),
    'offline',
  ),
  node(
    'features-batch',
    'feature-store-batch',
    'Batch feature store',
    'Historical aggregates per user, ad and advertiser; synced online.',
    cell(2, 1),
    'offline',
  ),
  node(
    'training',
    'training-pipeline',
    'Continual training',
    'Warm-starts every hour; recalibrates after downsampling; gates on log loss.',
    cell(3, 1),
    'offline',
  ),
  node(
    'registry',
    'model-registry',
    'Model registry',
    'Versions with log loss and calibration; the approved one is served.',
    cell(4, 1),
    'offline',
  ),
  node(
    'monitoring',
    'monitoring',
    'Monitoring',
    'Calibration (predicted vs observed CTR), drift, spend and revenue.',
    { x: 1180, y: 330 },
  ),
];

const edges: DiagramEdge[] = [
  edge('client', 'gateway', 'request', 'ad slot request'),
  edge('gateway', 'ab', 'request', 'variant?'),
  edge('gateway', 'retrieval', 'request', 'user, context, slot'),
  edge('retrieval', 'campaigns', 'request', 'eligible campaigns'),
  edge('retrieval', 'ranking', 'request', '~1,000 ads'),
  edge('ranking', 'cache', 'request', 'lookup'),
  edge('ranking', 'features-online', 'request', 'features'),
  edge('ranking', 'auction', 'request', 'pCTR per ad'),
  edge('client', 'events', 'data', 'impressions, clicks'),
  edge('ranking', 'events', 'data', 'served features + pCTR'),
  edge('auction', 'campaigns', 'data', 'spend'),
  edge('events', 'joiner', 'data', 'events'),
  edge('joiner', 'features-online', 'data', 'fresh CTR counters'),
  edge('joiner', 'warehouse', 'data', 'labelled impressions'),
  edge('warehouse', 'etl', 'data', ''),
  edge('etl', 'features-batch', 'data', 'aggregates'),
  edge('features-batch', 'features-online', 'data', 'sync'),
  edge('events', 'monitoring', 'data', 'observed CTR'),
  edge('ranking', 'monitoring', 'data', 'pCTR distribution'),
  edge('etl', 'training', 'training', 'training set'),
  edge('features-batch', 'training', 'training', 'features'),
  edge('training', 'registry', 'training', 'model + metrics'),
  edge('registry', 'ranking', 'training', 'hourly model'),
  edge('monitoring', 'training', 'training', 'recalibrate on drift'),
];

export const AD_CLICK_REFERENCE: ReferenceArchitecture = {
  caseId: 'ad-click',
  title: 'Ad click prediction: reference architecture',
  summary:
    'Every ad slot runs an auction: eligible ads are retrieved, a calibrated pCTR model scores them and the auction ranks by bid × pCTR. Clicks are joined to the impressions they came from, and the model is retrained every hour because ads and users drift fast.',
  diagram: {
    id: 'reference-ad-click',
    title: 'Ad click prediction (reference)',
    nodes,
    edges,
    viewport: { x: 0, y: 0, zoom: 1 },
  },
  stages: {
    client: 'clarify',
    ab: 'evaluate',
    gateway: 'serve',
    campaigns: 'data',
    retrieval: 'serve',
    cache: 'serve',
    ranking: 'model',
    'features-online': 'data',
    auction: 'serve',
    events: 'data',
    joiner: 'data',
    warehouse: 'data',
    etl: 'data',
    'features-batch': 'data',
    training: 'model',
    registry: 'serve',
    monitoring: 'monitor',
  },
};
