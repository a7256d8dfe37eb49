import type { FeedItem } from '@/case-studies/video-recs/pipeline';
import styles from './video.module.css';

const pct = (p: number | null) => (p === null ? '—' : `${(p * 100).toFixed(1)}%`);
const secs = (s: number | null) =>
  s === null ? '—' : s >= 90 ? `${(s / 60).toFixed(1)} min` : `${Math.round(s)} s`;
const duration = (s: number) =>
  s >= 3600
    ? `${(s / 3600).toFixed(1)} h`
    : s >= 60
      ? `${Math.round(s / 60)} min`
      : `${Math.round(s)} s`;

/**
 * The served feed: each video is a button (a click logs an interaction) showing its retrieval
 * score, the ranker's heads, the final score and why the pipeline put it there.
 */
export function FeedList({
  items,
  clicked,
  onClick,
  compact = false,
}: {
  items: readonly FeedItem[];
  clicked: ReadonlySet<number>;
  onClick: (item: FeedItem) => void;
  compact?: boolean;
}) {
  return (
    <ol className={styles.feed} data-testid="feed" aria-label="Recommended videos">
      {items.map((it) => (
        <li key={it.video}>
          <button
            type="button"
            className={`${styles.video} ${clicked.has(it.video) ? styles.clicked : ''}`}
            onClick={() => onClick(it)}
            aria-pressed={clicked.has(it.video)}
            data-testid="feed-video"
            data-video={it.video}
          >
            <span className={styles.position}>{it.position + 1}</span>
            <span>
              <span className={styles.title}>{it.title}</span>{' '}
              <span className={styles.muted}>
                {it.genre} · {it.creator} · {duration(it.durationSec)}
              </span>
              <span className={styles.scores}>
                <span>retrieval {it.retrievalScore.toFixed(3)}</span>
                <span>P(click) {pct(it.pClick)}</span>
                <span>E[watch|click] {secs(it.watchSec)}</span>
                <span>final {it.finalScore.toPrecision(3)}</span>
              </span>
              {!compact && (
                <ul className={styles.reasons} aria-label="Why it is here">
                  {it.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
