import { beforeAll, describe, expect, it } from 'vitest';
import {
  CROSS_AXES,
  CROSS_NAMES,
  HIDDEN_INTERACTIONS,
  NUM_FORMATS,
  NUM_HOUR_PARTS,
  bayesOptimal,
  crossLifts,
  generateWorld,
  logLoss,
  rocAuc,
  rowsOfDays,
  trueClickProbability,
  type AdWorld,
  type CellLift,
} from './world';
import { measureGeneration } from './world.node.js';

const SMALL = { seed: 7, days: 3, impressionsPerDay: 5_000, numUsers: 2_000, numAds: 300 };

function cell(lifts: CellLift[], cross: (typeof CROSS_NAMES)[number], r: string, c: string) {
  const [rows, cols] = CROSS_AXES[cross];
  const found = lifts.find((x) => rows[x.row] === r && cols[x.col] === c);
  if (!found) throw new Error(`no cell ${r} × ${c}`);
  return found;
}

describe('ad-click world: determinism', () => {
  it('same seed, same world; another seed, another world', () => {
    const a = generateWorld(SMALL);
    const b = generateWorld(SMALL);
    const c = generateWorld({ ...SMALL, seed: 8 });
    for (const k of ['user', 'ad', 'hour', 'position', 'click', 'pClick', 'cost'] as const) {
      expect(same(b.impressions[k], a.impressions[k]), k).toBe(true);
    }
    expect(same(b.truth.userBias, a.truth.userBias)).toBe(true);
    expect(same(b.ads.bid, a.ads.bid)).toBe(true);
    expect(b.truth.bias).toBe(a.truth.bias);
    expect(same(c.impressions.ad, a.impressions.ad)).toBe(false);
  });

  it('rows are in time order and dayStart indexes the days', () => {
    const w = generateWorld(SMALL);
    const L = w.impressions;
    expect(L.dayStart[0]).toBe(0);
    expect(L.dayStart[SMALL.days]).toBe(L.count);
    let ordered = true;
    for (let i = 1; i < L.count; i++) {
      ordered &&= L.day[i]! * 24 + L.hour[i]! >= L.day[i - 1]! * 24 + L.hour[i - 1]!;
    }
    expect(ordered).toBe(true);
    for (let d = 0; d < SMALL.days; d++) {
      const rows = rowsOfDays(w, [d]);
      expect(rows.length).toBe(L.dayStart[d + 1]! - L.dayStart[d]!);
      expect(rows.every((i) => L.day[i] === d)).toBe(true);
    }
  });
});

describe('ad-click world: metrics on hand-made cases', () => {
  it('rocAuc and logLoss', () => {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0.5, 0.5, 0.2], [1, 0, 0])).toBeCloseTo(0.75, 12); // the tie counts ½
    expect(rocAuc([0.3, 0.6], [1, 1])).toBeNaN();
    // With rows: scores per slice row, labels per log row.
    expect(rocAuc([0.8, 0.1], [1, 0, 0, 1], [3, 1])).toBe(1);
    expect(logLoss([0.5, 0.9], [1, 0])).toBeCloseTo((Math.log(2) + Math.log(10)) / 2, 12);
  });

  it('bayesOptimal scores the true probabilities against the clicks', () => {
    const w = generateWorld({ seed: 1, days: 1, impressionsPerDay: 4, numUsers: 10, numAds: 5 });
    expect(w.impressions.count).toBe(4);
    w.impressions.pClick.set([0.1, 0.4, 0.35, 0.8]);
    w.impressions.click.set([0, 0, 1, 1]);
    const m = bayesOptimal(w);
    expect(m.auc).toBeCloseTo(0.75, 6);
    const ll = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
    expect(m.logLoss).toBeCloseTo(ll, 6);
    expect(m.ctr).toBe(0.5);
    expect(m.meanPredicted).toBeCloseTo(0.4125, 6);
    expect(m.normalizedEntropy).toBeCloseTo(ll / Math.log(2), 6);
  });
});

describe('ad-click world: the default world', () => {
  let w: AdWorld;
  let test: Int32Array;
  beforeAll(() => {
    const cost = measureGeneration({ seed: 1 });
    w = cost.world;
    console.info(
      `ad-click default world: ${cost.ms.toFixed(0)} ms, typed arrays ${(cost.typedArrayBytes / 1e6).toFixed(1)} MB, process +${(cost.processBytes / 1e6).toFixed(1)} MB`,
    );
    test = rowsOfDays(w, [w.options.days - 1]);
  }, 120_000);

  it('has the advertised size, CTR and cost', () => {
    expect(w.stats.impressions).toBeGreaterThan(300_000);
    expect(w.stats.impressions).toBeLessThan(2_000_000);
    expect(w.stats.ctr).toBeGreaterThan(0.01);
    expect(w.stats.ctr).toBeLessThan(0.03);
    expect(w.stats.bytes).toBeLessThan(40e6);
    expect(w.stats.exploredShare).toBeGreaterThan(0.01);
    expect(w.stats.budgetExhaustions).toBeGreaterThan(0);
    console.info('ad-click default world', w.stats);
  });

  it('logs the true probability of each impression', () => {
    for (let i = 0; i < w.impressions.count; i += 9_973) {
      expect(w.impressions.pClick[i]).toBeCloseTo(trueClickProbability(w, i), 6);
    }
  });

  it('Bayes-optimal AUC on the test day lands in 0.75–0.85 and is calibrated', () => {
    const m = bayesOptimal(w, test);
    console.info('ad-click Bayes-optimal on the test day', m);
    expect(m.auc).toBeGreaterThan(0.75);
    expect(m.auc).toBeLessThan(0.85);
    expect(m.meanPredicted / m.ctr).toBeGreaterThan(0.9);
    expect(m.meanPredicted / m.ctr).toBeLessThan(1.1);
    expect(m.normalizedEntropy).toBeLessThan(0.95);
  });

  it('plants crosses that the marginals cannot explain', () => {
    const age = crossLifts(w, 'ageCategory');
    expect(cell(age, 'ageCategory', '18-24', 'gaming').lift).toBeGreaterThan(1.4);
    expect(cell(age, 'ageCategory', '65+', 'insurance').lift).toBeGreaterThan(1.6);
    expect(cell(age, 'ageCategory', '18-24', 'insurance').lift).toBeLessThan(0.5);
    const dev = crossLifts(w, 'deviceFormat');
    expect(cell(dev, 'deviceFormat', 'desktop', 'text').lift).toBeGreaterThan(1.6);
    // The three-way device × format × hour term spreads each cell over the hours (its average
    // over hours is zero in logit, not in probability), which pulls lifts towards 1 a little.
    expect(cell(dev, 'deviceFormat', 'desktop', 'video').lift).toBeLessThan(0.8);
    const hour = crossLifts(w, 'hourPlacement');
    expect(cell(hour, 'hourPlacement', 'night', 'reels').lift).toBeGreaterThan(1.3);
    expect(cell(hour, 'hourPlacement', 'morning', 'reels').lift).toBeLessThan(0.75);
    const interest = crossLifts(w, 'interestCategory');
    for (const x of interest.filter((x) => x.row === x.col)) expect(x.lift).toBeGreaterThan(1.3);
    const off = interest.filter((x) => x.row !== x.col);
    expect(off.reduce((s, x) => s + x.lift, 0) / off.length).toBeLessThan(1);

    // Across all well-populated cells, the observed log-lift follows the planted logit.
    for (const cross of CROSS_NAMES) {
      const cells = crossLifts(w, cross).filter((x) => x.impressions >= 3_000);
      const xs = cells.map((x) => x.planted);
      const ys = cells.map((x) => Math.log(x.lift));
      expect(correlation(xs, ys), cross).toBeGreaterThan(0.6);
    }
  });

  it('the crosses are worth AUC a crossless model cannot reach', () => {
    const full = bayesOptimal(w, test);
    for (const cross of CROSS_NAMES) {
      expect(bayesOptimal(w, test, { without: [cross] }).auc).toBeLessThan(full.auc - 0.003);
    }
    expect(bayesOptimal(w, test, { without: CROSS_NAMES }).auc).toBeLessThan(full.auc - 0.03);
  });

  it('plants hidden interactions no pairwise cross can hold, worth AUC', () => {
    // Every two-way margin of the three-way term is zero.
    const t = w.truth.deviceFormatHour;
    const at = (d: number, f: number, h: number) => t[(d * NUM_FORMATS + f) * NUM_HOUR_PARTS + h]!;
    let maxMargin = 0;
    let maxCell = 0;
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 4; b++) {
        let df = 0;
        let dh = 0;
        let fh = 0;
        for (let k = 0; k < 4; k++) {
          df += at(a, b, k);
          dh += at(a, k, b);
          fh += at(k, a, b);
          maxCell = Math.max(maxCell, Math.abs(at(a, b, k)));
        }
        maxMargin = Math.max(maxMargin, Math.abs(df), Math.abs(dh), Math.abs(fh));
      }
    }
    expect(maxMargin).toBeLessThan(1e-12);
    expect(maxCell).toBeGreaterThan(0.5);
    const full = bayesOptimal(w, test);
    for (const h of HIDDEN_INTERACTIONS) {
      expect(bayesOptimal(w, test, { without: [h] }).auc, h).toBeLessThan(full.auc - 0.003);
    }
    expect(bayesOptimal(w, test, { without: HIDDEN_INTERACTIONS }).auc).toBeLessThan(
      full.auc - 0.02,
    );
  });

  it('shows position bias', () => {
    const L = w.impressions;
    const imps = new Float64Array(31);
    const clicks = new Float64Array(31);
    for (let i = 0; i < L.count; i++) {
      if (L.placement[i] !== 0) continue;
      imps[L.position[i]!]!++;
      clicks[L.position[i]!]! += L.click[i]!;
    }
    const ctr = (lo: number, hi: number): number => {
      let c = 0;
      let n = 0;
      for (let p = lo; p <= hi; p++) {
        c += clicks[p]!;
        n += imps[p]!;
      }
      return c / n;
    };
    expect(ctr(1, 1)).toBeGreaterThan(2 * ctr(8, 30));
    for (let p = 1; p < 5; p++) expect(ctr(p, p)).toBeGreaterThan(ctr(p + 1, p + 1));
  });

  it('drifts: an oracle frozen on an older day scores worse on the last day', () => {
    const last = w.options.days - 1;
    const exact = bayesOptimal(w, test).logLoss;
    const yesterday = bayesOptimal(w, test, { asOfDay: last - 1 }).logLoss;
    const weekOld = bayesOptimal(w, test, { asOfDay: 0 }).logLoss;
    expect(yesterday).toBeGreaterThan(exact);
    expect(weekOld).toBeGreaterThan(yesterday);
    expect(weekOld / exact).toBeGreaterThan(1.01);
  });
});

describe('ad-click world: switches', () => {
  it('crossStrength 0 removes a cross; positionBias 0 removes position bias', () => {
    const w = generateWorld({
      seed: 3,
      days: 2,
      impressionsPerDay: 60_000,
      crossStrength: { ageCategory: 0 },
      positionBias: 0,
    });
    expect(w.truth.ageCategory.every((v) => v === 0)).toBe(true);
    expect(cell(crossLifts(w, 'ageCategory'), 'ageCategory', '18-24', 'gaming').lift).toBeLessThan(
      1.25,
    );
    let maxDiff = 0;
    for (let i = 0; i < 1000; i++) {
      const d = trueClickProbability(w, i) - trueClickProbability(w, i, { ignorePosition: true });
      maxDiff = Math.max(maxDiff, Math.abs(d));
    }
    expect(maxDiff).toBeLessThan(1e-12);
  });

  it('hiddenStrength 0 removes the hidden interactions; userEffectSd sets the user effect', () => {
    const w = generateWorld({
      seed: 3,
      days: 1,
      impressionsPerDay: 5_000,
      numUsers: 4_000,
      hiddenStrength: { deviceFormatHour: 0, activityFormat: 0 },
      userEffectSd: 0.8,
    });
    expect(w.truth.deviceFormatHour.every((v) => v === 0)).toBe(true);
    expect(w.truth.activityFormat.every((v) => v === 0)).toBe(true);
    const ub = w.truth.userBias;
    const sd = Math.sqrt(ub.reduce((s, v) => s + v * v, 0) / ub.length);
    expect(sd).toBeGreaterThan(0.75);
    expect(sd).toBeLessThan(0.85);
  });

  it('rejects bad options', () => {
    expect(() => generateWorld({ seed: 1, days: 0 })).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, targetCtr: 0.9 })).toThrow(RangeError);
    const tiny = generateWorld({ seed: 1, days: 2, impressionsPerDay: 10, numUsers: 20 });
    expect(() => rowsOfDays(tiny, [5])).toThrow(RangeError);
  });
});

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
