'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { exportProgress, importProgress, mergeProgress } from '@/lib/progress/transfer';
import { useProgress } from '@/components/progress/ProgressProvider';
import { downloadText } from '@/components/progress/download';
import styles from './dashboard.module.css';

interface LessonInfo {
  slug: string;
  title: string;
  selfChecks: string[];
}

const GOOD = new Set(['correct', 'got-it']);

/** Lessons done, self-check results per lesson, and a way to export or import progress. */
export function Dashboard({ lessons }: { lessons: LessonInfo[] }) {
  const progress = useProgress((s) => s.progress);
  const loaded = useProgress((s) => s.load.kind !== 'loading');
  const replace = useProgress((s) => s.replace);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const done = lessons.filter((l) => progress.lessons[l.slug]).length;
  const totalChecks = lessons.reduce((n, l) => n + l.selfChecks.length, 0);
  const answers = lessons.flatMap((l) =>
    l.selfChecks.map((id) => progress.selfChecks[`${l.slug}/${id}`]).filter((a) => a !== undefined),
  );
  const good = answers.filter((a) => GOOD.has(a.result)).length;
  const pct = (n: number, d: number) => Math.round((100 * n) / Math.max(1, d));

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = importProgress(await file.text());
    if (!result.ok) return setMessage({ kind: 'error', text: result.message });
    replace(mergeProgress(progress, result.progress));
    const dropped = result.dropped.length
      ? ` ${result.dropped.length} damaged entries were skipped.`
      : '';
    setMessage({
      kind: 'ok',
      text: `Imported and merged ${Object.keys(result.progress.lessons).length} lessons and ${Object.keys(result.progress.selfChecks).length} self-check answers.${dropped}`,
    });
  };

  return (
    <div className={styles.dashboard} aria-busy={!loaded} data-testid="dashboard">
      <div className={styles.stats}>
        <Stat
          label="Lessons done"
          value={`${done} / ${lessons.length}`}
          pct={pct(done, lessons.length)}
          testId="stat-lessons"
        />
        <Stat
          label="Self-checks answered"
          value={`${answers.length} / ${totalChecks}`}
          pct={pct(answers.length, totalChecks)}
          testId="stat-checks"
        />
        <Stat
          label="Answered well"
          value={`${good} / ${answers.length}`}
          pct={pct(good, answers.length)}
          testId="stat-good"
        />
      </div>

      <table className={styles.table}>
        <caption className="visually-hidden">Progress by lesson</caption>
        <thead>
          <tr>
            <th scope="col">Lesson</th>
            <th scope="col">Status</th>
            <th scope="col">Self-checks</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((l) => {
            const results = l.selfChecks.map(
              (id) => progress.selfChecks[`${l.slug}/${id}`]?.result,
            );
            const missed = results.filter((r) => r === 'missed' || r === 'incorrect').length;
            return (
              <tr key={l.slug} data-testid={`row-${l.slug}`}>
                <th scope="row">
                  <Link href={`/learn/${l.slug}/`}>{l.title}</Link>
                </th>
                <td>
                  {progress.lessons[l.slug] ? (
                    <span className="badge badge-ok">✓ Done</span>
                  ) : (
                    <span className="badge">Not yet</span>
                  )}
                </td>
                <td>
                  {results.filter(Boolean).length} of {l.selfChecks.length} answered
                  {missed > 0 && <span className={styles.missed}> · {missed} to revisit</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <section className={styles.transfer} aria-label="Back up or move your progress">
        <h2>Back up or move your progress</h2>
        <div className={styles.buttons}>
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadText('mlsd-lab-progress.json', exportProgress(progress, new Date()))
            }
          >
            Download progress
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Import a progress file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) =>
              void onImport(e.target.files?.[0]).finally(() => (e.target.value = ''))
            }
            data-testid="import-input"
          />
        </div>
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? styles.error : styles.ok}
          >
            {message.text}
          </p>
        )}
      </section>
    </div>
  );
}

export function Stat({
  label,
  value,
  pct,
  testId,
}: {
  label: string;
  value: string;
  pct: number;
  testId: string;
}) {
  return (
    <div className={styles.stat} data-testid={testId}>
      <span className={styles.statLabel}>{label}</span>
      <span className={styles.statValue}>{value}</span>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
