'use client';

import { useEffect, useState } from 'react';
import {
  DEFAULT_CONTROLS,
  LATENCY_BUDGET_MS,
  type ClickEvent,
  type FeedControls,
  type FeedItem,
  type FeedMetrics,
  type FeedResult,
  type RankerChoice,
} from '@/case-studies/video-recs/pipeline';
import { ProgressLine } from '@/components/engine/ProgressLine';
import { LatencyWaterfall } from '@/components/case-studies/shared/LatencyWaterfall';
import { ClickLog } from './ClickLog';
import { FeedCancelled, FeedClient } from './feed-client';
import type { ReadyInfo } from './feed-protocol';
import { FeedList } from './FeedList';
import { MetricsPanel } from './MetricsPanel';
import styles from './video.module.css';

/**
 * Compact lesson widgets over one shared feed worker (seed 1, 10k videos): however many of them
 * a lesson places, the world is generated and embedded once.
 */
interface System {
  client: FeedClient;
  ready: Promise<ReadyInfo>;
  progress: { label: string; fraction: number };
  listeners: Set<() => void>;
}

let shared: System | null = null;

function system(): System {
  if (!shared) {
    const listeners = new Set<() => void>();
    const s: System = {
      client: new FeedClient((label, fraction) => {
        s.progress = { label, fraction };
        for (const l of listeners) l();
      }),
      ready: Promise.resolve(null as unknown as ReadyInfo),
      progress: { label: 'Starting the feed worker', fraction: 0 },
      listeners,
    };
    s.ready = s.client.load(1, 10_000, 'auto');
    shared = s;
  }
  return shared;
}

function useSystem() {
  const [sys] = useState(() => (typeof window === 'undefined' ? null : system()));
  const [ready, setReady] = useState<ReadyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState(sys?.progress ?? null);
  useEffect(() => {
    if (!sys) return;
    let live = true;
    const onProgress = () => live && setProgress({ ...sys.progress });
    sys.listeners.add(onProgress);
    sys.ready.then((r) => live && setReady(r)).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
      sys.listeners.delete(onProgress);
    };
  }, [sys]);
  return { client: sys?.client ?? null, ready, error, progress };
}

function Loading({ s }: { s: ReturnType<typeof useSystem> }) {
  if (s.error)
    return (
      <p className={styles.error} role="alert">
        The system could not start: {s.error}
      </p>
    );
  return (
    <ProgressLine
      name="Loading the video system"
      label={s.progress?.label ?? 'Starting'}
      fraction={s.progress?.fraction ?? 0}
    />
  );
}

function useFeed(
  client: FeedClient | null,
  ready: ReadyInfo | null,
  controls: FeedControls,
  nonce = 0,
) {
  const [feed, setFeed] = useState<FeedResult | null>(null);
  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    const user = ready.suggested[0]?.id ?? 0;
    client
      .feed({ kind: 'known', user }, controls)
      .then((r) => live && setFeed(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, ready, controls, nonce]);
  return feed;
}

const RANKERS: [RankerChoice, string][] = [
  ['dcn', 'DCN-V2'],
  ['logreg', 'logistic regression'],
  ['none', 'no ranker'],
];

/** Offline metrics of the live system on held-out users, per ranker. */
export function VideoRecsMetricsWidget() {
  const s = useSystem();
  const [ranker, setRanker] = useState<RankerChoice>('dcn');
  const [metrics, setMetrics] = useState<{ now: FeedMetrics | null; before: FeedMetrics | null }>({
    now: null,
    before: null,
  });
  const [pending, setPending] = useState(false);
  const { client, ready } = s;
  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    const t = setTimeout(() => {
      setPending(true);
      client
        .metrics({ ...DEFAULT_CONTROLS, ranker })
        .then((m) => {
          if (!live) return;
          setMetrics((p) => ({ now: m, before: p.now }));
          setPending(false);
        })
        .catch((e: Error) => live && !(e instanceof FeedCancelled) && setPending(false));
    }, 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, ready, ranker]);
  if (!ready) return <Loading s={s} />;
  return (
    <div className={styles.panel} data-testid="widget-video-recs-metrics">
      <label className={styles.field}>
        <span>Ranker</span>
        <select value={ranker} onChange={(e) => setRanker(e.target.value as RankerChoice)}>
          {RANKERS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <MetricsPanel metrics={metrics.now} previous={metrics.before} pending={pending} compact />
    </div>
  );
}

/** One feed request's stages against the 200 ms budget; serve again to see the spread. */
export function VideoRecsWaterfallWidget() {
  const s = useSystem();
  const [nonce, setNonce] = useState(0);
  const feed = useFeed(s.client, s.ready, DEFAULT_CONTROLS, nonce);
  if (!s.ready) return <Loading s={s} />;
  return (
    <div className={styles.panel} data-testid="widget-video-recs-waterfall">
      {feed ? (
        <LatencyWaterfall
          timings={feed.timings}
          budgetMs={LATENCY_BUDGET_MS}
          provider={s.ready.provider}
        />
      ) : (
        <p className={styles.muted}>Serving…</p>
      )}
      <button type="button" className="button" onClick={() => setNonce((n) => n + 1)}>
        Serve the feed again
      </button>
    </div>
  );
}

/** A short feed to click, and the interaction log the clicks go to. */
export function VideoRecsClickLogWidget() {
  const s = useSystem();
  const feed = useFeed(s.client, s.ready, DEFAULT_CONTROLS);
  const [clicks, setClicks] = useState<ClickEvent[]>([]);
  const [titles] = useState(() => new Map<number, string>());
  if (!s.ready) return <Loading s={s} />;
  const items = feed?.items.slice(0, 5) ?? [];
  const onClick = (it: FeedItem) => {
    titles.set(it.video, it.title);
    setClicks((c) => [
      ...c,
      {
        userId: s.ready!.suggested[0]?.id ?? 0,
        videoId: it.video,
        position: it.position,
        time: Date.now(),
      },
    ]);
  };
  return (
    <div className={styles.panel} data-testid="widget-video-recs-click-log">
      <FeedList
        items={items}
        clicked={new Set(clicks.map((c) => c.videoId))}
        onClick={onClick}
        compact
      />
      <ClickLog clicks={clicks} titles={titles} />
    </div>
  );
}
