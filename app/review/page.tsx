import type { Metadata } from 'next';
import { PracticeProvider } from '@/components/practice/PracticeProvider';
import { ReviewSession } from '@/components/review/ReviewSession';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Review',
  description:
    'Missed exercise items come back on a spaced-repetition schedule, each linked to its lesson.',
};

export default function ReviewPage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Review</h1>
        <p>
          The items you missed in practice, brought back on a spaced-repetition schedule (FSRS).
          Rate how well you remembered each one: the better you knew it, the longer until it
          returns.
        </p>
      </section>
      <PracticeProvider>
        <ReviewSession />
      </PracticeProvider>
    </div>
  );
}
