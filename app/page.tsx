import Link from 'next/link';
import { loadNav } from '@/lib/content/load';
import { readingOrder } from '@/lib/content/nav';
import { INTERVIEW_MINUTES, STEPS } from '@/lib/framework/steps';
import { CaseStudyCards } from '@/components/cases/CaseStudyCards';
import { ContinueCard } from '@/components/home/ContinueCard';
import styles from '@/components/home/home.module.css';

export default function HomePage() {
  const lessons = readingOrder(loadNav());
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Practise the ML system design interview on systems that really run</h1>
        <p>
          MLSD Lab teaches the seven-step framework interviewers expect, then lets you open up real
          recommenders and classifiers — trained, served and measured in your browser — to see why
          each design choice matters.
        </p>
        <div className={styles.actions}>
          <Link className="button button-primary" href="/learn/overview/">
            Start with the interview overview
          </Link>
          <Link className="button" href="/learn/">
            Browse all lessons
          </Link>
        </div>
      </section>

      <ContinueCard lessons={lessons} />

      <section className={styles.section} aria-labelledby="framework">
        <h2 id="framework">The 7-step framework</h2>
        <p className={styles.lead}>
          One lesson per step, each with what to cover, questions to ask, common mistakes and
          self-checks — and the minutes it gets in a {INTERVIEW_MINUTES}-minute interview.
        </p>
        <ol className={styles.grid}>
          {STEPS.map((s) => (
            <li key={s.id}>
              <Link className={styles.card} href={`/learn/${s.lesson}/`}>
                <span className={styles.cardTop}>
                  <span className={styles.stepNumber}>Step {s.number}</span>
                  <span>{s.minutes} min</span>
                </span>
                <h3>{s.title}</h3>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <section className={styles.section} aria-labelledby="case-studies">
        <h2 id="case-studies">Case studies</h2>
        <p className={styles.lead}>
          Each case study walks the seven steps for one product and runs the system itself in your
          browser: retrieval, ranking, re-ranking, live metrics and latency.
        </p>
        <CaseStudyCards />
      </section>

      <section className={styles.section} aria-labelledby="engine">
        <h2 id="engine">Under the hood</h2>
        <p className={styles.lead}>
          The case studies run on one engine: TensorFlow.js trains, models are exported to ONNX, and
          onnxruntime-web serves them in a worker. The <Link href="/lab/engine/">engine room</Link>{' '}
          shows which execution provider your browser uses, checks exported models against the
          originals, lets you train, register and serve a retriever, and benchmarks it all on your
          machine.
        </p>
      </section>

      <section className={styles.section} aria-labelledby="practice">
        <h2 id="practice">Practice</h2>
        <p className={styles.lead}>
          <Link href="/practice/">Design-it-yourself exercises</Link> for every step of each case
          study: choose the objective, label, loss and metrics, estimate the traffic and storage,
          order and match, write and self-grade against a rubric, and draw the architecture — every
          answer graded with the reason. Missed items come back in{' '}
          <Link href="/review/">review</Link> on a spaced-repetition schedule, and{' '}
          <Link href="/progress/">your progress</Link> shows it all. Draw freely in the{' '}
          <Link href="/diagrams/">diagram editor</Link>, with the case studies&apos; reference
          designs as templates. When you are ready, run a timed{' '}
          <Link href="/mock/">mock interview</Link> with a scripted interviewer and grade yourself
          against the reference.
        </p>
      </section>
    </div>
  );
}
