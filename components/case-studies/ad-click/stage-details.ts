import type { StageDetail } from '@/components/case-studies/shared/StageDiagram';
import type { AdServeResult } from './ad-protocol';

/** Reference diagram nodes (case-studies/ad-click/reference/diagram.ts) → pipeline stages. */
export const AD_STAGES_OF: Record<string, string[]> = {
  campaigns: ['targeting'],
  retrieval: ['targeting', 'retrieval'],
  'features-online': ['features'],
  ranking: ['ranking', 'calibration'],
  auction: ['auction'],
};

const pct = (p: number) => `${(100 * p).toFixed(2)}%`;

/** Inputs, outputs and latency of each stage of one served ad request, in words. */
export function adStageDetails(r: AdServeResult): Record<string, StageDetail> {
  const ms = Object.fromEntries(r.timings.map((t) => [t.stage, t.ms]));
  const n = r.candidates.length;
  const top = [...r.candidates].sort((a, b) => b.pCalibrated - a.pCalibrated)[0];
  const q = r.request;
  const w = r.auction.winners;
  return {
    targeting: {
      inputs: `user ${q.user} (${r.user.age}, ${r.user.gender}, ${r.user.country}); every ad's launch day, targeting and budget left on day ${q.day}`,
      outputs: `${r.targeted} ads target this user and can still spend today`,
      ms: ms.targeting ?? 0,
    },
    retrieval: {
      inputs: `the user's embedding (age segment × category lifts + interests) and the ${r.targeted} targeted ads' embeddings`,
      outputs: `the ${n} ads with the highest inner product`,
      ms: ms.retrieval ?? 0,
    },
    features: {
      inputs: `${n} (user, ad, context) rows: hour ${q.hour}, device, placement; counters and historical CTRs as of day ${q.day}`,
      outputs: `the ${r.ranker.label} input table (${n} rows), slot fixed at 1`,
      ms: ms.features ?? 0,
    },
    ranking: {
      inputs: `the feature table, one ONNX run (${r.ranker.label}, ${r.ranker.version})`,
      outputs: `${n} raw pCTRs${top ? `; highest raw ${pct(top.pRaw)}` : ''}`,
      ms: ms.ranking ?? 0,
    },
    calibration: {
      inputs: `${n} raw pCTRs; mode "${r.calibration}" (trained at negative rate ${r.ranker.negativeRate})`,
      outputs: `${n} calibrated pCTRs${top ? `; highest ${pct(top.pCalibrated)}` : ''}`,
      ms: ms.calibration ?? 0,
    },
    auction: {
      inputs: `${n} bids × calibrated pCTRs; reserve $${r.auction.reserve.toFixed(2)}, ${r.auction.rule}-price`,
      outputs: `${w.length} winner${w.length === 1 ? '' : 's'}${w.length ? `: ${w.map((x) => `ad ${x.candidate.id} pays $${x.pricePerClick.toFixed(3)}/click`).join(', ')}` : ''}`,
      ms: ms.auction ?? 0,
    },
  };
}
