'use client';

import {
  CALIBRATION_LABELS,
  CALIBRATION_MODES,
  CONTROL_LIMITS,
  RANKERS,
  RANKER_LABELS,
  type CalibrationMode,
  type LiveControls,
} from '@/case-studies/ad-click/live';
import type { ModelKind } from '@/case-studies/ad-click/features';
import type { PriceRule } from '@/lib/auction';
import styles from './ad.module.css';

/**
 * The what-ifs that recompute live in the worker: the ranker, the calibration, the auction's
 * reserve, pricing rule and slots, and how many candidates retrieval keeps.
 */
export function AuctionControls({
  controls,
  onChange,
}: {
  controls: LiveControls;
  onChange: (c: LiveControls) => void;
}) {
  const set = <K extends keyof LiveControls>(k: K, v: LiveControls[K]) =>
    onChange({ ...controls, [k]: v });
  const L = CONTROL_LIMITS;
  const clampNum = (raw: string, lim: { min: number; max: number }, int: boolean) => {
    const x = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(x)) return null;
    const c = Math.min(lim.max, Math.max(lim.min, x));
    return int ? Math.round(c) : c;
  };
  return (
    <div className={styles.row}>
      <label className={styles.field}>
        <span>Ranker</span>
        <select
          value={controls.ranker}
          data-testid="ranker"
          onChange={(e) => set('ranker', e.target.value as ModelKind)}
        >
          {RANKERS.map((r) => (
            <option key={r} value={r}>
              {RANKER_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Calibration</span>
        <select
          value={controls.calibration}
          data-testid="calibration"
          onChange={(e) => set('calibration', e.target.value as CalibrationMode)}
        >
          {CALIBRATION_MODES.map((m) => (
            <option key={m} value={m}>
              {CALIBRATION_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Reserve ($/click)</span>
        <input
          type="number"
          min={L.reserve.min}
          max={L.reserve.max}
          step={0.05}
          value={controls.reserve}
          data-testid="reserve"
          onChange={(e) => {
            const v = clampNum(e.target.value, L.reserve, false);
            if (v !== null) set('reserve', v);
          }}
        />
      </label>
      <label className={styles.field}>
        <span>Pricing</span>
        <select
          value={controls.pricing}
          data-testid="pricing"
          onChange={(e) => set('pricing', e.target.value as PriceRule)}
        >
          <option value="second">second price (GSP)</option>
          <option value="first">first price</option>
        </select>
      </label>
      <label className={styles.field}>
        <span>Ad slots</span>
        <input
          type="number"
          min={L.slots.min}
          max={L.slots.max}
          value={controls.slots}
          data-testid="slots"
          onChange={(e) => {
            const v = clampNum(e.target.value, L.slots, true);
            if (v !== null) set('slots', v);
          }}
        />
      </label>
      <label className={styles.field}>
        <span>Candidates retrieved</span>
        <input
          type="number"
          min={L.candidates.min}
          max={L.candidates.max}
          value={controls.candidates}
          data-testid="candidates"
          onChange={(e) => {
            const v = clampNum(e.target.value, L.candidates, true);
            if (v !== null) set('candidates', v);
          }}
        />
      </label>
    </div>
  );
}
