'use client';

import { useEffect, useRef, useState } from 'react';
import {
  CALIBRATION_LABELS,
  CALIBRATION_MODES,
  RANKERS,
  RANKER_LABELS,
  type CalibrationMode,
} from '@/case-studies/ad-click/live';
import type { ModelKind } from '@/case-studies/ad-click/features';
import { sampleSizePerArm, type AbSnapshot } from '@/lib/abtest';
import type { PriceRule } from '@/lib/auction';
import { LineChart } from '@/components/charts/LineChart';
import { ProgressLine } from '@/components/engine/ProgressLine';
import type { AdClient } from './ad-client';
import type { AbArm } from './ad-protocol';
import styles from './ad.module.css';

const STEP = 100;
const pct = (x: number, d = 2) => (Number.isFinite(x) ? `${(100 * x).toFixed(d)}%` : '—');
const usd = (x: number) => (Number.isFinite(x) ? `$${x.toFixed(2)}` : '—');
const armLabel = (a: AbArm) => `${RANKER_LABELS[a.ranker]}, ${a.calibration}`;

type Status = 'idle' | 'running' | 'paused' | 'done';

function ArmPicker({
  name,
  arm,
  onChange,
  disabled,
}: {
  name: 'A' | 'B';
  arm: AbArm;
  onChange: (a: AbArm) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className={styles.row} style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>Arm {name}</legend>
      <label className={styles.field}>
        <span>Ranker</span>
        <select
          value={arm.ranker}
          disabled={disabled}
          data-testid={`ab-${name}-ranker`}
          onChange={(e) => onChange({ ...arm, ranker: e.target.value as ModelKind })}
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
          value={arm.calibration}
          disabled={disabled}
          data-testid={`ab-${name}-calibration`}
          onChange={(e) => onChange({ ...arm, calibration: e.target.value as CalibrationMode })}
        >
          {CALIBRATION_MODES.map((m) => (
            <option key={m} value={m}>
              {CALIBRATION_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/**
 * A simulated online A/B test (lib/abtest) run in the ad worker: two arms serve a seeded
 * population of requests, one ad slot each; clicks come from the world's true click probability
 * of the ad each arm's auction placed. CTR, revenue per 1000 requests and the interval of the
 * difference accrue as it runs; the sample size for a chosen MDE and power says how long it
 * should have run.
 */
export function AbTestPanel({
  client,
  seed,
  reserve,
  rule,
}: {
  client: AdClient | null;
  seed: number;
  reserve: number;
  rule: PriceRule;
}) {
  const [A, setA] = useState<AbArm>({ ranker: 'lr', calibration: 'platt' });
  const [B, setB] = useState<AbArm>({ ranker: 'dcn', calibration: 'platt' });
  const [total, setTotal] = useState(2000);
  const [mde, setMde] = useState(10);
  const [power, setPower] = useState(0.8);
  const [status, setStatus] = useState<Status>('idle');
  const [history, setHistory] = useState<AbSnapshot[]>([]);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const last = history.at(-1);

  useEffect(() => () => void (running.current = false), []);

  const loop = async (target: number, from: AbSnapshot | undefined) => {
    if (!client) return;
    running.current = true;
    setStatus('running');
    let done = from?.requests ?? 0;
    try {
      while (running.current && done < target) {
        const snap = await client.abStep(Math.min(STEP, target - done));
        done = snap.requests;
        setHistory((h) => [...h, snap]);
      }
      setStatus(done >= target ? 'done' : 'paused');
    } catch (e) {
      setError((e as Error).message);
      setStatus('paused');
    }
    running.current = false;
  };

  const start = async () => {
    if (!client) return;
    setError(null);
    setHistory([]);
    try {
      const first = await client.abCreate({ seed, A, B, reserve, rule, candidates: 50 });
      setHistory([first]);
      await loop(total, first);
    } catch (e) {
      setError((e as Error).message);
      setStatus('idle');
    }
  };

  const baseline = last && last.A.impressions > 0 && last.A.ctr > 0 ? last.A.ctr : 0.02;
  let needed: number | null = null;
  try {
    needed = sampleSizePerArm({ baseline, relativeMde: mde / 100, power });
  } catch {
    needed = null;
  }
  // The first snapshot (no requests yet) has no rates: plot from the first step on.
  const plotted = history.filter((s) => s.A.impressions > 0 && s.B.impressions > 0);
  const xs = plotted.map((s) => s.requests);
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  const busy = status === 'running';
  return (
    <div className={styles.side} data-testid="ab-panel">
      <div className={styles.row}>
        <ArmPicker name="A" arm={A} onChange={setA} disabled={busy || status === 'paused'} />
        <ArmPicker name="B" arm={B} onChange={setB} disabled={busy || status === 'paused'} />
        <label className={styles.field}>
          <span>Requests</span>
          <input
            type="number"
            min={STEP}
            max={20000}
            step={STEP}
            value={total}
            disabled={busy}
            data-testid="ab-total"
            onChange={(e) => {
              const x = Math.round(Number(e.target.value));
              if (Number.isFinite(x)) setTotal(Math.min(20000, Math.max(STEP, x)));
            }}
          />
        </label>
      </div>
      <div className={styles.row}>
        {(status === 'idle' || status === 'done') && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void start()}
            disabled={!client}
            data-testid="ab-start"
          >
            {status === 'done' ? 'Run again' : 'Start the test'}
          </button>
        )}
        {status === 'running' && (
          <button
            type="button"
            className="button"
            onClick={() => (running.current = false)}
            data-testid="ab-pause"
          >
            Pause
          </button>
        )}
        {status === 'paused' && (
          <>
            <button
              type="button"
              className="button"
              onClick={() => void loop(total, last)}
              data-testid="ab-resume"
            >
              Resume
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setStatus('done')}
              data-testid="ab-stop"
            >
              Stop here
            </button>
          </>
        )}
        <span className={styles.muted}>
          Seed {seed}; reserve ${reserve.toFixed(2)}, {rule}-price, 50 candidates, one ad slot per
          request.
        </span>
      </div>
      {(busy || status === 'paused') && (
        <ProgressLine
          name="A/B test"
          label={`${last?.requests ?? 0} of ${total} requests${status === 'paused' ? ' (paused)' : ''}`}
          fraction={(last?.requests ?? 0) / total}
        />
      )}
      {error && (
        <p className={styles.error} role="alert">
          The A/B test stopped: {error}
        </p>
      )}
      {last && last.requests > 0 && (
        <>
          <div className={styles.metrics} data-testid="ab-results">
            <div className={styles.metric}>
              A: {armLabel(A)}
              <strong>CTR {pct(last.A.ctr)}</strong>
              RPM {usd(last.A.rpm)} · {last.A.impressions} requests
            </div>
            <div className={styles.metric}>
              B: {armLabel(B)}
              <strong>CTR {pct(last.B.ctr)}</strong>
              RPM {usd(last.B.rpm)} · {last.B.impressions} requests
            </div>
            <div className={styles.metric}>
              CTR B − A (95% CI)
              <strong data-testid="ab-ctr-diff">{pct(last.ctrDiff.diff)}</strong>[
              {pct(last.ctrDiff.lower)}, {pct(last.ctrDiff.upper)}], p ={' '}
              {Number.isFinite(last.ctrDiff.pValue) ? last.ctrDiff.pValue.toFixed(3) : '—'}
            </div>
            <div className={styles.metric}>
              Revenue / 1000 requests, B − A<strong>{usd(1000 * last.revenueDiff.diff)}</strong>[
              {usd(1000 * last.revenueDiff.lower)}, {usd(1000 * last.revenueDiff.upper)}]
            </div>
          </div>
          <div className={styles.charts}>
            <LineChart
              title="CTR difference B − A with its 95% interval"
              summary={`After ${last.requests} requests, CTR(B) − CTR(A) = ${pct(last.ctrDiff.diff)}, interval ${pct(last.ctrDiff.lower)} to ${pct(last.ctrDiff.upper)}.`}
              series={[
                { label: 'B − A', x: xs, y: plotted.map((s) => finite(s.ctrDiff.diff)) },
                {
                  label: 'lower',
                  x: xs,
                  y: plotted.map((s) => finite(s.ctrDiff.lower)),
                  dashed: true,
                },
                {
                  label: 'upper',
                  x: xs,
                  y: plotted.map((s) => finite(s.ctrDiff.upper)),
                  dashed: true,
                },
                { label: 'no difference', x: [0, Math.max(1, ...xs)], y: [0, 0], dashed: true },
              ]}
              xLabel="requests"
              yLabel="CTR difference"
              height={220}
              testId="ab-ctr-chart"
            />
            <LineChart
              title="Revenue per 1000 requests"
              summary={`A earns ${usd(last.A.rpm)} and B ${usd(last.B.rpm)} per 1000 requests so far.`}
              series={[
                {
                  label: 'A',
                  x: xs,
                  y: plotted.map((s) => finite(s.A.rpm)),
                },
                {
                  label: 'B',
                  x: xs,
                  y: plotted.map((s) => finite(s.B.rpm)),
                },
              ]}
              xLabel="requests"
              yLabel="$ per 1000"
              height={220}
              testId="ab-rpm-chart"
            />
          </div>
        </>
      )}
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Smallest lift worth detecting (MDE, %)</span>
          <input
            type="number"
            min={1}
            max={100}
            value={mde}
            data-testid="ab-mde"
            onChange={(e) => {
              const x = Number(e.target.value);
              if (Number.isFinite(x) && x >= 1 && x <= 100) setMde(x);
            }}
          />
        </label>
        <label className={styles.field}>
          <span>Power</span>
          <select value={power} onChange={(e) => setPower(Number(e.target.value))}>
            <option value={0.8}>80%</option>
            <option value={0.9}>90%</option>
          </select>
        </label>
        <p className={styles.muted} data-testid="ab-sample-size">
          {needed !== null
            ? `To detect a ${mde}% relative CTR lift from a baseline of ${pct(baseline)} at 5% significance and ${Math.round(power * 100)}% power: ${needed.toLocaleString('en')} requests per arm${last && last.requests > 0 ? ` (this run has ${Math.min(last.A.impressions, last.B.impressions).toLocaleString('en')})` : ''}.`
            : 'That lift is out of range for this baseline.'}
        </p>
      </div>
    </div>
  );
}
