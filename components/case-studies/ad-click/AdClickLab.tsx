'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { randomRequest, RANKER_LABELS } from '@/case-studies/ad-click/live';
import { AD_CLICK_REFERENCE } from '@/case-studies/ad-click/reference/diagram';
import { adPageQuery, parseAdPageState, type AdPageState } from '@/case-studies/ad-click/url-state';
import {
  variantFromParams,
  variantToParams,
  type AdVariantSpec,
} from '@/case-studies/ad-click/variant';
import { createRng } from '@/lib/random';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { LatencyWaterfall } from '@/components/case-studies/shared/LatencyWaterfall';
import { ProgressLine } from '@/components/engine/ProgressLine';
import type { AdClient } from './ad-client';
import type { AdMetricsResult, AdServeResult } from './ad-protocol';
import { AuctionControls } from './AuctionControls';
import { CandidateTable, FeedSlots } from './AuctionView';
import { RequestPanel } from './RequestPanel';
import { AD_STAGES_OF, adStageDetails } from './stage-details';
import { useAdWorker } from './useAdWorker';
import styles from './ad.module.css';

// Charts (uPlot) and the diagram (React Flow) load after the request's own code.
const AdMetricsPanel = dynamic(() => import('./AdMetricsPanel').then((m) => m.AdMetricsPanel), {
  ssr: false,
  loading: () => <p>Loading the charts…</p>,
});
// Training loads TF.js, so its panel's code comes after the serving page's.
const AdTrainingPanels = dynamic(
  () => import('./AdTrainingPanels').then((m) => m.AdTrainingPanels),
  { ssr: false, loading: () => <p>Loading the training panel…</p> },
);
const AbTestPanel = dynamic(() => import('./AbTestPanel').then((m) => m.AbTestPanel), {
  ssr: false,
  loading: () => <p>Loading the A/B test…</p>,
});
const StageDiagram = dynamic(
  () => import('@/components/case-studies/shared/StageDiagram').then((m) => m.StageDiagram),
  { ssr: false, loading: () => <p>Loading the diagram…</p> },
);

/** Timing hooks for scripts/bench-ads.ts, registered only with ?bench=1. */
function useBenchHook(enabled: boolean, client: AdClient | null, ready: boolean, s: AdPageState) {
  useEffect(() => {
    if (!enabled || !client || !ready) return;
    const w = window as unknown as { __adBench?: unknown };
    w.__adBench = (runs: number, candidates: number) =>
      client.bench(
        { user: s.user, day: s.day, hour: s.hour, device: s.device, placement: s.placement },
        runs,
        candidates,
      );
    return () => {
      delete w.__adBench;
    };
  }, [enabled, client, ready, s]);
}

export function AdClickLab() {
  const params = useSearchParams();
  // The URL is read once, on arrival; afterwards the page writes it.
  const [initial] = useState(() => parseAdPageState(params.toString()));
  const [state, setState] = useState<AdPageState>(initial.state);
  // The training panel's variant lives in the URL too, under its own keys (v…).
  const [variant] = useState(() => variantFromParams((k) => params.get(k)));
  const [variantQuery, setVariantQuery] = useState(() => variantToParams(variant.spec));
  const [notices, setNotices] = useState<string[]>([...initial.notices, ...variant.notices]);
  const provider = (
    ['wasm', 'webgpu'].includes(params.get('provider') ?? '') ? params.get('provider') : 'auto'
  ) as ProviderChoice;
  const [reloadKey, setReloadKey] = useState(0);
  const { client, ready, progress, error } = useAdWorker(state.seed, provider, reloadKey);
  const [result, setResult] = useState<AdServeResult | null>(null);
  const [serveError, setServeError] = useState<string | null>(null);
  const [metrics, setMetrics] = useState<AdMetricsResult | null>(null);
  const [metricsPending, setMetricsPending] = useState(false);
  const [seedDraft, setSeedDraft] = useState(String(initial.state.seed));
  const [randomCount, setRandomCount] = useState(0);
  useBenchHook(params.get('bench') === '1', client, ready !== null, state);

  useEffect(() => {
    const query = [adPageQuery(state), new URLSearchParams(variantQuery).toString()];
    window.history.replaceState(window.history.state, '', `?${query.filter(Boolean).join('&')}`);
  }, [state, variantQuery]);
  const onSpecChange = useCallback(
    (spec: AdVariantSpec) => setVariantQuery(variantToParams(spec)),
    [],
  );

  // A user beyond this world's users (a link made for another world) falls back, with a notice.
  useEffect(() => {
    if (!ready || state.user < ready.users) return;
    const t = setTimeout(() => {
      setNotices((n) => [
        ...n,
        `User ${state.user} does not exist here (${ready.users} users); showing user 0.`,
      ]);
      setState((s) => ({ ...s, user: 0 }));
    }, 0);
    return () => clearTimeout(t);
  }, [ready, state.user]);

  const request = useMemo(
    () => ({
      user: state.user,
      day: state.day,
      hour: state.hour,
      device: state.device,
      placement: state.placement,
    }),
    [state.user, state.day, state.hour, state.device, state.placement],
  );

  const serveKey = useRef(0);
  useEffect(() => {
    if (!client || !ready || request.user >= ready.users) return;
    const mine = ++serveKey.current;
    client
      .serve(request, state.controls)
      .then((r) => {
        if (mine !== serveKey.current) return;
        setResult(r);
        setServeError(null);
      })
      .catch((e: Error) => mine === serveKey.current && setServeError(e.message));
  }, [client, ready, request, state.controls]);

  const calibration = state.controls.calibration;
  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    const t = setTimeout(() => {
      setMetricsPending(true);
      client
        .metrics(calibration)
        .then((m) => live && setMetrics(m))
        .catch((e: Error) => live && setServeError(e.message))
        .finally(() => live && setMetricsPending(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, ready, calibration]);

  const onActivated = useCallback(() => setReloadKey((k) => k + 1), []);

  const randomize = () => {
    if (!ready) return;
    const rng = createRng(state.seed * 7919 + randomCount + 1);
    setRandomCount((c) => c + 1);
    const r = randomRequest(ready.users, rng, state.day);
    setState((s) => ({
      ...s,
      user: r.user,
      hour: r.hour,
      device: r.device,
      placement: r.placement,
    }));
  };

  const applySeed = () => {
    const s = Number(seedDraft);
    if (seedDraft.trim() !== '' && Number.isInteger(s) && s >= 0 && s < 2 ** 31)
      setState((st) => ({ ...st, seed: s }));
    else
      setNotices((n) => [
        ...n,
        `Seed "${seedDraft.slice(0, 20)}" is not a whole number ≥ 0; kept ${state.seed}.`,
      ]);
  };

  const details = useMemo(() => (result ? adStageDetails(result) : null), [result]);

  return (
    <div className={styles.lab}>
      {notices.length > 0 && (
        <div className={styles.notice} role="status" data-testid="url-notices">
          <p>Some settings were not usable, so defaults are shown instead:</p>
          <ul>
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => setNotices([])}>
            Dismiss
          </button>
        </div>
      )}

      <section className={styles.panel} aria-labelledby="system">
        <h2 id="system">The system</h2>
        <div className={styles.row}>
          <label className={styles.field}>
            <span>World seed</span>
            <input
              type="number"
              min={0}
              value={seedDraft}
              data-testid="seed"
              onChange={(e) => setSeedDraft(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && applySeed()}
            />
          </label>
          <button type="button" className="button" onClick={applySeed}>
            Regenerate
          </button>
        </div>
        {ready && (
          <p className={styles.muted} data-testid="system-info">
            {ready.users.toLocaleString('en')} users, {ready.ads} ads, {ready.days} simulated days
            (test day {ready.testDay}); rankers{' '}
            {ready.rankers
              .map((r) => `${r.label} (${r.version === 'shipped' ? 'shipped' : r.version})`)
              .join(', ')}{' '}
            on <strong data-testid="provider">{ready.provider}</strong>.{' '}
            {ready.providerReason.replace(/\.$/, '')}. Loaded in{' '}
            {Object.entries(ready.loadMs)
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
              .join(', ')}
            .
          </p>
        )}
        {ready?.registryNote && (
          <p className={styles.notice} role="status">
            {ready.registryNote}
          </p>
        )}
        {!ready && !error && (
          <ProgressLine
            name="Loading the ad system"
            label={progress?.label ?? 'Starting the ad worker'}
            fraction={progress?.fraction ?? 0}
          />
        )}
        {error && (
          <p className={styles.error} role="alert">
            {ready ? error : `The ad system could not start: ${error}`}
          </p>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="request">
        <h2 id="request">The ad request</h2>
        <RequestPanel
          value={request}
          users={ready?.users ?? 10_000}
          days={{ min: 1, max: ready?.testDay ?? state.day }}
          onChange={(r) => setState((s) => ({ ...s, ...r }))}
          onRandom={randomize}
        />
        {result && (
          <p className={styles.muted} data-testid="user-profile">
            User {result.request.user}: {result.user.age}, {result.user.gender},{' '}
            {result.user.country}; interests {result.user.interests.join(', ') || 'none declared'}.
          </p>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="what-if">
        <h2 id="what-if">What if</h2>
        <AuctionControls
          controls={state.controls}
          onChange={(controls) => setState((s) => ({ ...s, controls }))}
        />
      </section>

      {serveError && (
        <p className={styles.error} role="alert">
          {serveError}
        </p>
      )}

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="auction">
          <h2 id="auction">Candidates and the auction</h2>
          {result ? (
            <CandidateTable result={result} />
          ) : (
            <p className={styles.muted}>Waiting for the first request…</p>
          )}
        </section>
        <div className={styles.side}>
          <section className={styles.panel} aria-labelledby="feed">
            <h2 id="feed">The feed</h2>
            {result ? (
              <>
                <p className={styles.muted} data-testid="served-by">
                  Ranked by {RANKER_LABELS[result.ranker.kind]} ({result.ranker.version}),
                  calibration “{result.calibration}”.
                </p>
                <FeedSlots result={result} />
              </>
            ) : (
              <p className={styles.muted}>No request yet.</p>
            )}
          </section>
          <section className={styles.panel} aria-labelledby="latency">
            <h2 id="latency">Latency</h2>
            {result ? (
              <LatencyWaterfall
                timings={result.timings}
                budgetMs={ready?.latencyBudgetMs ?? 100}
                provider={ready?.provider}
              />
            ) : (
              <p className={styles.muted}>No request yet.</p>
            )}
          </section>
        </div>
      </div>

      <section className={styles.panel} aria-labelledby="offline">
        <h2 id="offline">Offline metrics: every ranker on the held-out day</h2>
        <AdMetricsPanel metrics={metrics} pending={metricsPending} />
      </section>

      <section className={styles.panel} aria-labelledby="abtest">
        <h2 id="abtest">A simulated online A/B test</h2>
        <AbTestPanel
          client={ready ? client : null}
          seed={state.seed}
          reserve={state.controls.reserve}
          rule={state.controls.pricing}
        />
      </section>

      <section className={styles.panel} aria-labelledby="reference">
        <h2 id="reference">The reference architecture, live</h2>
        <StageDiagram
          diagram={AD_CLICK_REFERENCE.diagram}
          stagesOf={AD_STAGES_OF}
          details={details}
          hint="Click a node on the request path (campaigns, ad retrieval, online feature store, pCTR model, auction) to see that stage of the current request."
        />
      </section>

      {/* Activating a version reloads the worker's ranker from the registry's active
          'ad-click-ranker' version (part 'ranker'). */}
      <AdTrainingPanels
        seed={state.seed}
        onActivated={onActivated}
        initialSpec={variant.spec}
        onSpecChange={onSpecChange}
      />
    </div>
  );
}
