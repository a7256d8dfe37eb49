'use client';

import { useId } from 'react';
import { DEFAULT_GROUPS, FEATURE_GROUPS, type ModelKind } from '@/case-studies/ad-click/features';
import {
  BROWSER_WINDOW_DAYS,
  MAX_CROSS_LAYERS,
  daysLabel,
  trainingWindow,
  type AdVariantSpec,
  type TrainWindow,
} from '@/case-studies/ad-click/variant';
import { DEFAULT_WORLD_OPTIONS } from '@/case-studies/ad-click/world';
import styles from '@/components/engine/engine.module.css';
import ad from './adtrain.module.css';

/** Shares of negatives the slider offers: a log-like scale, since 2% and 5% differ as much as 50% and 100%. */
export const RATES = [0.02, 0.05, 0.1, 0.2, 0.5, 1] as const;

const RANKERS: { id: ModelKind; label: string }[] = [
  { id: 'dcn', label: 'DCN-V2' },
  { id: 'mlp', label: 'MLP' },
  { id: 'lr', label: 'Logistic regression' },
];

const windowText = (w: TrainWindow) =>
  daysLabel(trainingWindow(DEFAULT_WORLD_OPTIONS.days, w, BROWSER_WINDOW_DAYS));

const pct = (r: number) => `${+(r * 100).toFixed(1)}%`;

/** The what-if controls of one ranker variant; every change goes through onChange. */
export function VariantControls({
  spec,
  onChange,
  disabled,
}: {
  spec: AdVariantSpec;
  onChange: (spec: AdVariantSpec) => void;
  disabled: boolean;
}) {
  const windowName = useId();
  const set = (patch: Partial<AdVariantSpec>) => onChange({ ...spec, ...patch });
  const rateIndex = Math.max(
    0,
    RATES.findIndex((r) => r >= spec.downsampleRate),
  );
  const groups = DEFAULT_GROUPS[spec.ranker];
  return (
    <fieldset className={ad.controls} disabled={disabled}>
      <legend>Variant</legend>
      <div className={styles.row}>
        <label>
          Ranker{' '}
          <select
            value={spec.ranker}
            onChange={(e) => set({ ranker: e.target.value as ModelKind, drop: [] })}
            data-testid="adtrain-ranker"
          >
            {RANKERS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cross layers{' '}
          <select
            value={spec.crossLayers}
            disabled={spec.ranker !== 'dcn'}
            onChange={(e) => set({ crossLayers: Number(e.target.value) })}
            data-testid="adtrain-cross-layers"
          >
            {Array.from({ length: MAX_CROSS_LAYERS + 1 }, (_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {spec.ranker !== 'dcn' && <small>(DCN-V2 only)</small>}
      </div>
      <fieldset className={ad.groups}>
        <legend>Feature groups (untick to leave one out)</legend>
        {FEATURE_GROUPS.filter((g) => groups.includes(g.id)).map((g) => (
          <label key={g.id} title={g.description}>
            <input
              type="checkbox"
              checked={!spec.drop.includes(g.id)}
              onChange={(e) =>
                set({
                  drop: e.target.checked
                    ? spec.drop.filter((d) => d !== g.id)
                    : [...spec.drop, g.id],
                })
              }
              data-testid={`adtrain-group-${g.id}`}
            />{' '}
            {g.label}
          </label>
        ))}
      </fieldset>
      <div className={styles.row}>
        <label>
          Negatives kept{' '}
          <input
            type="range"
            min={0}
            max={RATES.length - 1}
            step={1}
            value={rateIndex}
            aria-valuetext={`${pct(RATES[rateIndex]!)} of negatives kept`}
            onChange={(e) => set({ downsampleRate: RATES[Number(e.target.value)]! })}
            data-testid="adtrain-rate"
          />{' '}
          <output>{pct(spec.downsampleRate)}</output>
        </label>
        <label>
          <input
            type="checkbox"
            checked={spec.recalibrate}
            onChange={(e) => set({ recalibrate: e.target.checked })}
            data-testid="adtrain-recalibrate"
          />{' '}
          Re-calibrate (undo downsampling, then Platt on the calibration day)
        </label>
      </div>
      <fieldset className={ad.groups}>
        <legend>Training days</legend>
        {(['older', 'latest'] as const).map((w) => (
          <label key={w}>
            <input
              type="radio"
              name={windowName}
              value={w}
              checked={spec.window === w}
              onChange={() => set({ window: w })}
              data-testid={`adtrain-window-${w}`}
            />{' '}
            {w === 'older' ? 'Older' : 'Latest'} ({windowText(w)})
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
