import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AD_CLICK_CASE } from '@/case-studies/ad-click/case';
import { AdClickLab } from '@/components/case-studies/ad-click/AdClickLab';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Ad click prediction: the live ads system',
  description:
    'An ads ranking system running in your browser: targeting, embedding retrieval, DCN-V2 / MLP / LR pCTR with calibration, a second- or first-price auction, offline metrics and a simulated A/B test.',
};

export default function AdClickPage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>{AD_CLICK_CASE.title}</h1>
        <p>
          {AD_CLICK_CASE.prompt} Below, the system runs in your browser on a generated world: ads
          are targeted and retrieved for a request, a click model (DCN-V2, an MLP or logistic
          regression) predicts each one&apos;s click probability, calibration turns it into a
          price-worthy probability, and an auction places the winners in the feed. Change the
          request, the model or the auction and watch the winners, the prices and the metrics move.
        </p>
      </section>
      <Suspense fallback={<p>Loading…</p>}>
        <AdClickLab />
      </Suspense>
    </div>
  );
}
