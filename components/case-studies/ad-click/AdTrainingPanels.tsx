'use client';

import { useRef, useState } from 'react';
import {
  AD_MODELS_BASE,
  AD_RANKER_MODEL,
  registerAndServe,
  variantVersion,
} from '@/case-studies/ad-click/serving';
import type { AdVariantResult } from '@/case-studies/ad-click/retrain';
import { DEFAULT_VARIANT, checkVariant, type AdVariantSpec } from '@/case-studies/ad-click/variant';
import type { ModelVersion } from '@/lib/registry/types';
import { LossCurve } from '@/components/engine/LossCurve';
import { ProgressLine } from '@/components/engine/ProgressLine';
import { useLabWorker } from '@/components/engine/useLabWorker';
import styles from '@/components/engine/engine.module.css';
import { AdRankerVersions } from './AdRankerVersions';
import type { AdTrainRequest, AdTrainResult } from './adtrain.worker';
import { useRankerRegistry } from './useRankerRegistry';
import { VariantComparison, type SavedRun } from './VariantComparison';
import { VariantControls } from './VariantControls';

export interface AdTrainingPanelsProps {
  /** The ad world's seed (the page's). */
  seed: number;
  /** Called with the registry id of the version that now serves ads. */
  onActivated: (versionId: string) => void;
  /** The variant to start from (e.g. variantFromParams of the page's URL). */
  initialSpec?: AdVariantSpec;
  /** Every change of the variant (e.g. to keep it in the URL with variantToParams). */
  onSpecChange?: (spec: AdVariantSpec) => void;
}

type Message = { kind: 'ok' | 'error'; text: string };

const trainWorker = () =>
  new Worker(new URL('./adtrain.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ad-click-train',
  });

/**
 * Training what-ifs for the ad ranker: pick a variant, train it in a worker (progress, loss
 * curve, cancel), compare it with the shipped DCN-V2 and the earlier variants of this visit on
 * the test day, save it as a version in this browser and serve it, or switch back.
 */
export function AdTrainingPanels({
  seed,
  onActivated,
  initialSpec = DEFAULT_VARIANT,
  onSpecChange,
}: AdTrainingPanelsProps) {
  const { registry, versions, active, problem, refresh } = useRankerRegistry();
  const [spec, setSpecState] = useState<AdVariantSpec>(initialSpec);
  const setSpec = (next: AdVariantSpec) => {
    setSpecState(next);
    onSpecChange?.(next);
  };
  const [modelSeed, setModelSeed] = useState(1);
  const [runs, setRuns] = useState<AdVariantResult[]>([]);
  const [saved, setSaved] = useState<(SavedRun | undefined)[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const { state, start, cancel } = useLabWorker<AdTrainResult, AdTrainRequest>(trainWorker);
  // The shipped ranker's test-day scores do not depend on the variant: score them once a world.
  const shippedScores = useRef<{ seed: number; scores: Float32Array } | null>(null);
  const checked = checkVariant(spec);
  const running = state.kind === 'running';
  // Variants of another world are not comparable with this one's shipped figures.
  const visible = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.worldSeed === seed);

  const train = () => {
    if (!checked.ok) return;
    setMessage(null);
    const cached = shippedScores.current?.seed === seed ? shippedScores.current.scores : undefined;
    const req: AdTrainRequest = {
      seed,
      modelSeed,
      spec: checked.value,
      shippedBase: AD_MODELS_BASE,
      ...(cached ? { shippedScores: cached } : {}),
    };
    start(req, ({ shippedScores: scores, ...r }) => {
      shippedScores.current = { seed: r.worldSeed, scores };
      setRuns((prev) => [...prev, r]);
    });
  };

  const announce = async (v: ModelVersion, text: string) => {
    await refresh();
    setMessage({ kind: 'ok', text });
    onActivated(v.id);
  };
  const serve = async (v: ModelVersion, text: string) => {
    await registry!.setActive(AD_RANKER_MODEL, v.id);
    await announce(v, text);
  };

  const act = async (what: () => Promise<void>, failure: string) => {
    if (!registry) return;
    setBusy(true);
    try {
      await what();
    } catch (error) {
      setMessage({ kind: 'error', text: `${failure}: ${(error as Error).message}` });
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const save = (index: number) =>
    act(async () => {
      const r = runs[index]!;
      const shipped = versions.find((v) => v.source === 'shipped') ?? null;
      const v = await registerAndServe(registry!, variantVersion(r, shipped?.id ?? null), r.onnx);
      setSaved((prev) =>
        Object.assign([...prev], { [index]: { versionId: v.id, version: v.version } }),
      );
      await announce(v, `Saved as version ${v.version} in this browser; it now serves ads.`);
    }, 'The variant was trained but not saved or served (it is still on this page: free space by deleting an old version, then press Save and serve again)');

  const use = (v: ModelVersion) =>
    act(
      () =>
        serve(
          v,
          `Version ${v.version} ${v.source === 'shipped' ? '(shipped) ' : ''}now serves ads.`,
        ),
      `Version ${v.version} could not be chosen`,
    );

  const remove = (v: ModelVersion) =>
    act(async () => {
      await registry!.remove(v.id);
      setSaved((prev) => prev.map((s) => (s?.versionId === v.id ? undefined : s)));
      await refresh();
      setMessage({ kind: 'ok', text: `Version ${v.version} deleted.` });
    }, `Version ${v.version} could not be deleted`);

  return (
    <>
      <section
        className={styles.panel}
        aria-labelledby="adtrain-title"
        data-testid="adtrain"
        data-state={state.kind}
      >
        <h2 id="adtrain-title">Ad ranker: what if we trained it differently?</h2>
        <p>
          Trains one variant of the click model here, in a worker, on two days of the ad world (seed{' '}
          {seed}) with a fixed budget of 200,000 example-passes, then scores the test day beside the
          shipped DCN-V2 and the world&apos;s true click probabilities. A run takes about 20–60
          seconds on a 2-core laptop.
        </p>
        <VariantControls spec={spec} onChange={setSpec} disabled={running} />
        {!checked.ok && (
          <p className={styles.errorText} role="alert" data-testid="adtrain-invalid">
            {checked.message}
          </p>
        )}
        <div className={styles.row}>
          <label>
            Training seed{' '}
            <input
              type="number"
              min={0}
              max={1e6}
              value={modelSeed}
              onChange={(e) => setModelSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              className={styles.number}
              disabled={running}
              data-testid="adtrain-seed"
            />
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={running || !checked.ok}
            onClick={train}
            data-testid="adtrain-start"
          >
            Train this variant
          </button>
          {running && (
            <button type="button" className="button" onClick={cancel} data-testid="adtrain-cancel">
              Cancel
            </button>
          )}
        </div>
        {running && (
          <ProgressLine name="Training progress" label={state.label} fraction={state.fraction} />
        )}
        {(running || state.kind === 'done') && (
          <LossCurve
            losses={state.losses}
            valLosses={state.valLosses}
            label="Training loss of this variant"
            testId="adtrain-loss"
          />
        )}
        {state.kind === 'done' && (
          <p role="status" data-testid="adtrain-done">
            Trained in {state.result.seconds.total.toFixed(0)} s with TF.js on its {state.backend}{' '}
            backend.
          </p>
        )}
        {state.kind === 'cancelled' && (
          <p role="status" data-testid="adtrain-cancelled">
            Training cancelled; nothing was saved.
          </p>
        )}
        {state.kind === 'failed' && (
          <p className={styles.errorText} role="alert" data-testid="adtrain-error">
            Training stopped: {state.message}. Your saved versions are unchanged; try again.
          </p>
        )}
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? styles.errorText : styles.ok}
            data-testid="adtrain-message"
          >
            {message.text}
          </p>
        )}
        <VariantComparison
          runs={visible.map(({ r }) => r)}
          saved={visible.map(({ i }) => saved[i])}
          onSave={(k) => void save(visible[k]!.i)}
          saving={busy || !registry}
        />
      </section>
      <section
        className={styles.panel}
        aria-labelledby="adtrain-versions-title"
        data-testid="adtrain-versions-panel"
      >
        <h2 id="adtrain-versions-title">Ad ranker: versions and serving</h2>
        <p>
          The shipped DCN-V2 is version 1; variants you save follow. The serving one is what the ad
          system ranks with; switch back at any time.
        </p>
        {problem && (
          <p className={styles.errorText} role="alert">
            {problem}
          </p>
        )}
        <AdRankerVersions
          versions={versions}
          active={active}
          busy={busy}
          onUse={(v) => void use(v)}
          onRemove={(v) => void remove(v)}
        />
      </section>
    </>
  );
}
