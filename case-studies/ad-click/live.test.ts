import { describe, expect, it } from 'vitest';
import { plattFromParams } from '@/lib/calibration';
import { createRng } from '@/lib/random';
import { adCalibration } from './calibration';
import {
  abServe,
  calibrationFor,
  fitHeldOutPlatt,
  modelMetrics,
  randomRequest,
  sampleRows,
  thinPoints,
  trueRequestProbabilities,
} from './live';
import { downsampledProbability } from './features';
import { generateWorld, rowsOfDays } from './world';

const world = generateWorld({
  seed: 5,
  days: 3,
  impressionsPerDay: 20_000,
  numUsers: 1_000,
  numAds: 200,
});

describe('ad live: the truth of unlogged requests', () => {
  it('equals the logged pClick for a logged impression', () => {
    const L = world.impressions;
    for (const i of [3, 4_000, 31_234]) {
      const request = {
        user: L.user[i]!,
        day: L.day[i]!,
        hour: L.hour[i]!,
        device: L.device[i]!,
        placement: L.placement[i]!,
      };
      const p = trueRequestProbabilities(world, request, [L.ad[i]!, 0], L.position[i]!);
      expect(p[0]).toBeCloseTo(L.pClick[i]!, 6);
      expect(p[1]).toBeGreaterThan(0);
    }
  });

  it('a lower slot is less likely to be clicked (position bias)', () => {
    const r = randomRequest(world.users.count, createRng(1), 2);
    const top = trueRequestProbabilities(world, r, [1, 2, 3], 1);
    const low = trueRequestProbabilities(world, r, [1, 2, 3], 8);
    for (let k = 0; k < 3; k++) expect(low[k]!).toBeLessThan(top[k]!);
  });
});

describe('ad live: calibration modes', () => {
  const shipped = adCalibration(0.1, plattFromParams(1.2, -0.3));
  it('none is the raw score, downsampling undoes the negative rate, platt applies the fit', () => {
    const p = 0.2;
    expect(calibrationFor('none', shipped, null).apply(p)).toBeCloseTo(p, 7);
    const q = calibrationFor('downsampling', shipped, null).apply(p);
    expect(downsampledProbability(q, 0.1)).toBeCloseTo(p, 6);
    const platt = plattFromParams(0.5, 0);
    expect(calibrationFor('platt', shipped, platt).apply(p)).toBeCloseTo(platt.apply(q), 6);
    expect(() => calibrationFor('platt', shipped, null)).toThrow(/not fitted/);
  });

  it('Platt on the held-out day fixes a model that overpredicts', () => {
    const rng = createRng(3);
    const n = 20_000;
    const truth = Float32Array.from({ length: n }, () => 0.01 + 0.05 * rng.next());
    const labels = Uint8Array.from(truth, (p) => (rng.next() < p ? 1 : 0));
    // A model trained at negative rate 0.1 without the correction overpredicts a lot.
    const raw = Float32Array.from(truth, (q) => downsampledProbability(q, 0.1));
    const before = modelMetrics(labels, raw);
    const fitted = fitHeldOutPlatt(raw, labels, 0.1);
    const after = modelMetrics(labels, adCalibration(0.1, fitted).applyAll(raw));
    expect(before.ece).toBeGreaterThan(0.1);
    expect(after.ece).toBeLessThan(0.01);
    expect(after.auc).toBeCloseTo(before.auc, 6);
  });
});

describe('ad live: metrics', () => {
  it('computes AUC, log loss, NE and curves that match the Bayes reference ordering', () => {
    const rows = rowsOfDays(world, [2]);
    const labels = Uint8Array.from(rows, (i) => world.impressions.click[i]!);
    const truth = Float32Array.from(rows, (i) => world.impressions.pClick[i]!);
    const constant = new Float32Array(rows.length).fill(world.stats.ctr);
    const bayes = modelMetrics(labels, truth);
    const flat = modelMetrics(labels, constant);
    expect(bayes.auc).toBeGreaterThan(0.65);
    expect(flat.auc).toBeCloseTo(0.5, 6);
    expect(bayes.normalizedEntropy).toBeLessThan(flat.normalizedEntropy);
    expect(bayes.roc.length).toBeLessThanOrEqual(150);
    expect(bayes.roc[0]).toEqual({ x: 0, y: 0 });
    expect(bayes.roc.at(-1)).toEqual({ x: 1, y: 1 });
    expect(bayes.reliability).toHaveLength(10);
  });

  it('thins curves keeping both ends', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i }));
    const t = thinPoints(pts, 10);
    expect(t).toHaveLength(10);
    expect(t[0]).toEqual(pts[0]);
    expect(t.at(-1)).toEqual(pts.at(-1));
  });

  it('samples rows in order, seeded, without repeats', () => {
    const rows = Int32Array.from({ length: 1000 }, (_, i) => i * 2);
    const a = sampleRows(rows, 100, createRng(9));
    expect(a).toHaveLength(100);
    expect(Array.from(a)).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(100);
    expect(Array.from(sampleRows(rows, 100, createRng(9)))).toEqual(Array.from(a));
    expect(sampleRows(rows, 5000, createRng(9))).toBe(rows);
  });
});

describe('ad live: one A/B request', () => {
  const base = {
    ads: Int32Array.from([10, 11, 12]),
    pTrue: Float32Array.from([0.01, 0.05, 0.02]),
    bids: Float32Array.from([1, 1, 1]),
    advertisers: Int32Array.from([1, 2, 3]),
  };
  it('the arm whose pCTR ranks the truly best ad first earns its true click rate', () => {
    const good = abServe(
      { ...base, pCtr: Float32Array.from([0.01, 0.05, 0.02]) },
      {
        reserve: 0.05,
        rule: 'second',
      },
    );
    const bad = abServe(
      { ...base, pCtr: Float32Array.from([0.06, 0.01, 0.02]) },
      {
        reserve: 0.05,
        rule: 'second',
      },
    );
    expect(good.ad).toBe(11);
    expect(good.pClick).toBeCloseTo(0.05, 6);
    expect(bad.ad).toBe(10);
    expect(bad.pClick).toBeCloseTo(0.01, 6);
    // Second price: the runner-up's eCPM over the winner's pCTR.
    expect(good.pricePerClick).toBeCloseTo(0.02 / 0.05, 6);
  });

  it('no ad above the reserve serves nothing', () => {
    const r = abServe(
      { ...base, pCtr: Float32Array.from([0.01, 0.05, 0.02]) },
      {
        reserve: 2,
        rule: 'first',
      },
    );
    expect(r).toEqual({ pClick: 0, pricePerClick: 0, ad: -1 });
  });
});
