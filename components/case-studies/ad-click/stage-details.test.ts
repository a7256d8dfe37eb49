import { describe, expect, it } from 'vitest';
import { plattFromParams } from '@/lib/calibration';
import { adCalibration } from '@/case-studies/ad-click/calibration';
import { historyAsOf } from '@/case-studies/ad-click/features';
import { createAdServing, serveAdRequest, type AdRanker } from '@/case-studies/ad-click/pipeline';
import { AD_CLICK_REFERENCE } from '@/case-studies/ad-click/reference/diagram';
import { generateWorld } from '@/case-studies/ad-click/world';
import type { AdServeResult } from './ad-protocol';
import { AD_STAGES_OF, adStageDetails } from './stage-details';

const world = generateWorld({
  seed: 3,
  days: 3,
  impressionsPerDay: 10_000,
  numUsers: 800,
  numAds: 150,
});

/** A real ranker without ONNX: a constant pCTR, so the auction is decided by the bids. */
const flat: AdRanker = {
  kind: 'lr',
  groups: ['ad', 'context'],
  score: (input) => new Float32Array(input.data.rows.length).fill(0.02),
  calibration: adCalibration(1, plattFromParams(1, 0)),
};

describe('ad stage details', () => {
  it('describes every timed stage of a served request, with its latency', async () => {
    const serving = createAdServing(world, historyAsOf(world, 2), 2);
    let t = 0;
    const r = await serveAdRequest(
      serving,
      { user: 5, day: 2, hour: 8, device: 0, placement: 1 },
      flat,
      { retrieve: 20, now: () => (t += 2), auction: { slots: 2, reserve: 0.05 } },
    );
    const served: AdServeResult = {
      ...r,
      ranker: { kind: 'lr', label: 'Logistic regression', version: 'shipped', negativeRate: 1 },
      calibration: 'downsampling',
      ads: {},
      user: { age: '25-34', gender: 'female', country: 'US', interests: [] },
    };
    const details = adStageDetails(served);
    for (const timing of r.timings) {
      expect(details[timing.stage], timing.stage).toBeDefined();
      expect(details[timing.stage]!.ms).toBe(timing.ms);
    }
    expect(details.retrieval!.outputs).toContain(`${r.candidates.length} ads`);
    expect(details.auction!.outputs).toContain('2 winners');
    expect(details.calibration!.inputs).toContain('"downsampling"');
  });

  it('maps only nodes of the reference diagram, each to timed stages', () => {
    const ids = new Set(AD_CLICK_REFERENCE.diagram.nodes.map((n) => n.id));
    const stages = ['targeting', 'retrieval', 'features', 'ranking', 'calibration', 'auction'];
    for (const [node, list] of Object.entries(AD_STAGES_OF)) {
      expect(ids.has(node), node).toBe(true);
      for (const s of list) expect(stages).toContain(s);
    }
    expect(new Set(Object.values(AD_STAGES_OF).flat())).toEqual(new Set(stages));
  });
});
