'use client';

import { useState } from 'react';
import { ByodPanel } from '@/components/case-studies/video-recs/ByodPanel';
import { RetrainPanel, type ClickEvent } from '@/components/case-studies/video-recs/RetrainPanel';
import styles from './engine.module.css';

const WORLD_SEED = 1;
const CATALOGUE = 10_000;

/**
 * The video page's retraining and bring-your-own-data panels, usable here before the live feed
 * exists: clicks are logged by hand (user and video ids of the seed-1, 10k-video world).
 */
export function VideoRecsLab() {
  const [clicks, setClicks] = useState<ClickEvent[]>([]);
  const [user, setUser] = useState(0);
  const [video, setVideo] = useState(0);
  const [activated, setActivated] = useState<string | null>(null);
  const add = () =>
    setClicks((c) => [...c, { userId: user, videoId: video, position: 0, time: Date.now() }]);
  return (
    <>
      <section className={styles.panel} aria-labelledby="clicks-title" data-testid="lab-clicks">
        <h2 id="clicks-title">Log clicks for the retraining</h2>
        <p>
          On the video page your clicks on the feed are logged; here you can log one by hand: a user
          of the world (0–4,999) watched a video (0–9,999).
        </p>
        <div className={styles.row}>
          <label>
            User{' '}
            <input
              type="number"
              min={0}
              max={4999}
              value={user}
              onChange={(e) => setUser(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              className={styles.number}
              data-testid="click-user"
            />
          </label>
          <label>
            Video{' '}
            <input
              type="number"
              min={0}
              max={9999}
              value={video}
              onChange={(e) => setVideo(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              className={styles.number}
              data-testid="click-video"
            />
          </label>
          <button type="button" className="button" onClick={add} data-testid="click-add">
            Log click
          </button>
          <button type="button" className="button" onClick={() => setClicks([])}>
            Clear clicks
          </button>
        </div>
        {activated && (
          <p role="status" className={styles.ok}>
            The feed would now load {activated}.
          </p>
        )}
      </section>
      <RetrainPanel
        seed={WORLD_SEED}
        catalogueSize={CATALOGUE}
        clicks={clicks}
        onActivated={setActivated}
      />
      <ByodPanel />
    </>
  );
}
