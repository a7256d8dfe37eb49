import type { ClickEvent } from '@/case-studies/video-recs/pipeline';
import styles from './video.module.css';

/** The interactions logged on this page, newest first: what the next retraining learns from. */
export function ClickLog({
  clicks,
  titles,
}: {
  clicks: readonly ClickEvent[];
  titles: ReadonlyMap<number, string>;
}) {
  if (clicks.length === 0)
    return (
      <p className={styles.muted} data-testid="click-log">
        No clicks yet. Click a video in the feed to log an interaction.
      </p>
    );
  return (
    // A scrolling box must be reachable by keyboard to be scrolled without a mouse.
    <div
      className={styles.logScroll}
      data-testid="click-log"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label="Click log"
    >
      <table className={styles.log}>
        <caption className="visually-hidden">Logged clicks, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Video</th>
            <th scope="col">Slot</th>
          </tr>
        </thead>
        <tbody>
          {[...clicks].reverse().map((c, i) => (
            <tr key={clicks.length - i}>
              <td>{new Date(c.time).toLocaleTimeString('en-GB')}</td>
              <td>{c.userId < 0 ? 'new user' : c.userId}</td>
              <td>{titles.get(c.videoId) ?? `#${c.videoId}`}</td>
              <td>{c.position + 1}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
