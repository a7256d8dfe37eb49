import type { Metadata } from 'next';
import Link from 'next/link';
import { PracticeIndex } from '@/components/practice/PracticeIndex';
import { PracticeProvider } from '@/components/practice/PracticeProvider';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Practice',
  description:
    'Design-it-yourself exercises for every step of each case study, graded item by item with reasons.',
};

export default function PracticePage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Practice</h1>
        <p>
          Design each case study yourself, one framework step at a time: choose objectives and
          metrics, estimate the numbers, order and match, write and self-grade, and draw the
          architecture. Every answer is graded with the reason, and missed items come back in{' '}
          <Link href="/review/">review</Link>.
        </p>
      </section>
      <PracticeProvider>
        <PracticeIndex />
      </PracticeProvider>
    </div>
  );
}
