import type { Metadata } from 'next';
import { CaseStudyCards } from '@/components/cases/CaseStudyCards';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Case studies',
  description:
    'Each case study walks the seven steps for one product and runs the system in your browser.',
};

export default function CaseStudiesPage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Case studies</h1>
        <p>
          Each case study is a lesson that walks the seven steps for one product, and beside it the
          system itself, trained and served in your browser: change a design choice and measure what
          it does to quality and latency.
        </p>
      </section>
      <CaseStudyCards />
    </div>
  );
}
