import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VIDEO_RECS_CASE } from '@/case-studies/video-recs/case';
import { VideoRecsLab } from '@/components/case-studies/video-recs/VideoRecsLab';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Video recommendations: the live feed',
  description:
    'A two-stage video recommender running in your browser: two-tower retrieval, a multi-task DCN-V2 ranker, re-ranking, latency per stage and offline metrics.',
};

export default function VideoRecsPage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>{VIDEO_RECS_CASE.title}</h1>
        <p>
          {VIDEO_RECS_CASE.prompt} Below, the system runs in your browser on a generated world: the
          two-tower retrieves candidates from the catalogue, a multi-task DCN-V2 predicts the click
          and the watch time, and a re-ranker shapes the 20 videos you see. Change anything and
          watch the feed, the latency and the metrics move.
        </p>
      </section>
      <Suspense fallback={<p>Loading…</p>}>
        <VideoRecsLab />
      </Suspense>
    </div>
  );
}
