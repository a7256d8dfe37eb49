'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  LATENCY_BUDGET_MS,
  type ClickEvent,
  type FeedItem,
  type FeedMetrics,
  type FeedResult,
} from '@/case-studies/video-recs/pipeline';
import { CATALOGUE_SIZES, type CatalogueSize } from '@/case-studies/video-recs/serving';
import { parsePageState, toQuery, type PageState } from '@/case-studies/video-recs/url-state';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { ProgressLine } from '@/components/engine/ProgressLine';
import { LatencyWaterfall } from '@/components/case-studies/shared/LatencyWaterfall';
import { ClickLog } from './ClickLog';
import { ControlsPanel } from './ControlsPanel';
import { FeedCancelled, type FeedClient } from './feed-client';
import type { InferenceEngine } from './feed-protocol';
import { FeedList } from './FeedList';

import { useFeedWorker } from './useFeedWorker';
import { UserPicker } from './UserPicker';
import styles from './video.module.css';

// The charts (uPlot) and the diagram (React Flow) load after the feed's own code, so they do
// not delay the first feed.
const MetricsPanel = dynamic(() => import('./MetricsPanel').then((m) => m.MetricsPanel), {
  ssr: false,
  loading: () => <p>Loading the charts…</p>,
});
// Retraining and bring-your-own-data panels load TF.js only when they are used; their code
// loads after the feed's.
const RetrainPanel = dynamic(() => import('./RetrainPanel').then((m) => m.RetrainPanel), {
  ssr: false,
  loading: () => <p>Loading the retraining panel…</p>,
});
const ByodPanel = dynamic(() => import('./ByodPanel').then((m) => m.ByodPanel), {
  ssr: false,
  loading: () => <p>Loading the bring-your-own-data panel…</p>,
});
const StageDiagram = dynamic(() => import('./StageDiagram').then((m) => m.StageDiagram), {
  ssr: false,
  loading: () => <p>Loading the diagram…</p>,
});

const SIZE_LABEL: Record<CatalogueSize, string> = {
  10_000: '10k videos',
  100_000: '100k videos',
  1_000_000: '1M videos',
};

/** Timing hooks for scripts/bench-feed.ts, registered only with ?bench=1. */
function useBenchHook(
  enabled: boolean,
  client: FeedClient | null,
  ready: boolean,
  state: PageState,
) {
  useEffect(() => {
    if (!enabled || !client || !ready) return;
    const w = window as unknown as { __feedBench?: unknown };
    w.__feedBench = async (runs: number) => {
      const roundTrip: number[] = [];
      const pipeline: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = await client.feed(state.user, state.controls);
        roundTrip.push(performance.now() - t0);
        pipeline.push(r.totalMs);
      }
      return { roundTrip, pipeline };
    };
    return () => {
      delete w.__feedBench;
    };
  }, [enabled, client, ready, state]);
}

export function VideoRecsLab() {
  const params = useSearchParams();
  // The URL is read once, on arrival; afterwards the page writes it.
  const [initial] = useState(() => parsePageState(params.toString()));
  const [state, setState] = useState<PageState>(initial.state);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const provider = (
    ['wasm', 'webgpu'].includes(params.get('provider') ?? '') ? params.get('provider') : 'auto'
  ) as ProviderChoice;
  const engine: InferenceEngine = params.get('engine') === 'tfjs' ? 'tfjs' : 'onnx';
  const [reloadKey, setReloadKey] = useState(0);
  const { client, ready, progress, error } = useFeedWorker(
    state.seed,
    state.size,
    provider,
    reloadKey,
    engine,
  );
  const [feed, setFeed] = useState<FeedResult | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);
  const [metrics, setMetrics] = useState<{ now: FeedMetrics | null; before: FeedMetrics | null }>({
    now: null,
    before: null,
  });
  const [metricsPending, setMetricsPending] = useState(false);
  const [clicks, setClicks] = useState<ClickEvent[]>([]);
  const [titles] = useState(() => new Map<number, string>());
  const [seedDraft, setSeedDraft] = useState(String(initial.state.seed));
  useBenchHook(params.get('bench') === '1', client, ready !== null, state);

  useEffect(() => {
    window.history.replaceState(window.history.state, '', `?${toQuery(state)}`);
  }, [state]);

  // A user id beyond this world's users (e.g. from a link made for a bigger world) falls back.
  useEffect(() => {
    if (!ready || state.user.kind !== 'known' || state.user.user < ready.users) return;
    const t = setTimeout(() => {
      setNotices((n) => [
        ...n,
        `User ${state.user.kind === 'known' ? state.user.user : ''} does not exist here (${ready.users} users); showing user 0.`,
      ]);
      setState((s) => ({ ...s, user: { kind: 'known', user: 0 } }));
    }, 0);
    return () => clearTimeout(t);
  }, [ready, state.user]);

  const feedKey = useRef(0);
  useEffect(() => {
    if (!client || !ready) return;
    if (state.user.kind === 'known' && state.user.user >= ready.users) return;
    const mine = ++feedKey.current;
    client
      .feed(state.user, state.controls)
      .then((r) => {
        if (mine !== feedKey.current) return;
        for (const it of r.items) titles.set(it.video, it.title);
        setFeed(r);
        setFeedError(null);
      })
      .catch((e: Error) => mine === feedKey.current && setFeedError(e.message));
  }, [client, ready, state.user, state.controls, titles]);

  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    // Sliders fire many changes: measure once they rest.
    const t = setTimeout(() => {
      setMetricsPending(true);
      client
        .metrics(state.controls)
        .then((m) => {
          if (!live) return;
          setMetrics((prev) => ({ now: m, before: prev.now }));
          setMetricsPending(false);
        })
        .catch((e: Error) => {
          if (live && !(e instanceof FeedCancelled)) {
            setMetricsPending(false);
            setFeedError(e.message);
          }
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, ready, state.controls]);

  const onVideoClick = useCallback(
    (it: FeedItem) =>
      setClicks((c) => [
        ...c,
        {
          userId: state.user.kind === 'known' ? state.user.user : -1,
          videoId: it.video,
          position: it.position,
          time: Date.now(),
        },
      ]),
    [state.user],
  );
  const clickedHere = useMemo(
    () =>
      new Set(
        clicks
          .filter((c) =>
            state.user.kind === 'known' ? c.userId === state.user.user : c.userId < 0,
          )
          .map((c) => c.videoId),
      ),
    [clicks, state.user],
  );
  const onActivated = useCallback(() => setReloadKey((k) => k + 1), []);

  const applySeed = () => {
    const s = Number(seedDraft);
    if (Number.isInteger(s) && s >= 0 && s < 2 ** 31) setState((st) => ({ ...st, seed: s }));
    else
      setNotices((n) => [
        ...n,
        `Seed "${seedDraft.slice(0, 20)}" is not a whole number ≥ 0; kept ${state.seed}.`,
      ]);
  };

  return (
    <div className={styles.lab}>
      {notices.length > 0 && (
        <div className={styles.notice} role="status" data-testid="url-notices">
          <p>Some settings in the link were not usable, so defaults are shown instead:</p>
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
          <label className={styles.field}>
            <span>Catalogue</span>
            <select
              value={state.size}
              data-testid="catalogue-size"
              onChange={(e) =>
                setState((s) => ({ ...s, size: Number(e.target.value) as CatalogueSize }))
              }
            >
              {CATALOGUE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {SIZE_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {ready && (
          <p className={styles.muted} data-testid="system-info">
            {ready.videos.toLocaleString('en')} videos, {ready.users.toLocaleString('en')} users,
            serving day {ready.day}; two-tower {ready.modelVersion}; models on{' '}
            <strong data-testid="provider">{ready.provider}</strong>.{' '}
            {ready.providerReason.replace(/\.$/, '')}. Loaded in{' '}
            {Object.entries(ready.loadMs)
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
              .join(', ')}
            .
          </p>
        )}
        {!ready && !error && (
          <ProgressLine
            name="Loading the system"
            label={progress?.label ?? 'Starting the feed worker'}
            fraction={progress?.fraction ?? 0}
          />
        )}
        {ready && progress && progress.fraction < 1 && (
          <ProgressLine
            name="Building the index"
            label={progress.label}
            fraction={progress.fraction}
          />
        )}
        {error && (
          <p className={styles.error} role="alert">
            The system could not start: {error}
          </p>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="whose">
        <h2 id="whose">Whose feed</h2>
        <UserPicker
          user={state.user}
          users={ready?.users ?? 1}
          suggested={ready?.suggested ?? []}
          onChange={(user) => setState((s) => ({ ...s, user }))}
        />
      </section>

      <section className={styles.panel} aria-labelledby="what-if">
        <h2 id="what-if">What if</h2>
        <ControlsPanel
          controls={state.controls}
          onChange={(controls) => setState((s) => ({ ...s, controls }))}
          ivfLabel={
            ready
              ? `approximate (IVF, ${ready.nprobe} of ${ready.nlist} lists)`
              : 'approximate (IVF)'
          }
        />
      </section>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="feed-title">
          <h2 id="feed-title">The feed</h2>
          {feedError && (
            <p className={styles.error} role="alert">
              {feedError}
            </p>
          )}
          {feed ? (
            <FeedList items={feed.items} clicked={clickedHere} onClick={onVideoClick} />
          ) : (
            <p className={styles.muted}>Waiting for the first feed…</p>
          )}
        </section>
        <div className={styles.side}>
          <section className={styles.panel} aria-labelledby="latency">
            <h2 id="latency">Latency</h2>
            {feed ? (
              <LatencyWaterfall
                timings={feed.timings}
                budgetMs={LATENCY_BUDGET_MS}
                provider={ready?.provider}
              />
            ) : (
              <p className={styles.muted}>No request yet.</p>
            )}
          </section>
          <section className={styles.panel} aria-labelledby="offline">
            <h2 id="offline">Offline metrics</h2>
            <MetricsPanel
              metrics={metrics.now}
              previous={metrics.before}
              pending={metricsPending}
            />
          </section>
          <section className={styles.panel} aria-labelledby="clicks">
            <h2 id="clicks">Click log ({clicks.length})</h2>
            <ClickLog clicks={clicks} titles={titles} />
            <p className={styles.muted}>
              Kept for this visit only; the retraining panel learns from it.
            </p>
          </section>
        </div>
      </div>

      <section className={styles.panel} aria-labelledby="reference">
        <h2 id="reference">The reference architecture, live</h2>
        <StageDiagram feed={feed} />
      </section>

      {/* Activating a version reloads the registry's active two-tower and re-indexes. */}
      <RetrainPanel
        seed={state.seed}
        catalogueSize={state.size}
        clicks={clicks}
        onActivated={onActivated}
      />
      <ByodPanel />
    </div>
  );
}
