'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { decodeShareFragment, type Diagram } from '@/lib/diagram';
import { DiagramViewer } from '../DiagramViewer';
import { useLibraryApi } from '../library/LibraryProvider';
import { referenceById } from '../references';
import { diagramHref } from './use-import';
import styles from './screens.module.css';

/** Copies a diagram into the library as a new one and opens it; never touches existing ones. */
function useSaveCopy() {
  const library = useLibraryApi();
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' });
  const save = async (
    diagram: Diagram,
    title: string,
    noticeTitle: string,
    lines: string[] = [],
  ) => {
    setState({ busy: true, error: '' });
    const outcome = await library
      .getState()
      .create({ ...diagram, title }, { title: noticeTitle, lines });
    if (!outcome.ok) {
      setState({ busy: false, error: outcome.message });
      return;
    }
    router.push(diagramHref(outcome.id));
  };
  return { ...state, save };
}

/** A diagram opened from a share link: read-only until the learner saves a copy. */
export function SharedScreen({ fragment }: { fragment: string }) {
  const result = useMemo(() => decodeShareFragment(fragment), [fragment]);
  const copy = useSaveCopy();
  if (!result.ok)
    return (
      <div className={styles.centered} data-testid="shared-error">
        <h1>This link could not be opened</h1>
        <p role="alert">{result.error.message}</p>
        <Link href="/diagrams/">Go to your diagrams</Link>
      </div>
    );
  const { diagram, problems } = result;
  return (
    <div className={styles.readScreen} data-testid="shared-view">
      <header className={styles.readHeader}>
        <div>
          <p className={styles.eyebrow}>Shared diagram · read-only</p>
          <h1 data-testid="shared-title">{diagram.title}</h1>
          <p className={styles.muted}>
            It came inside the link and is shown as it is: nothing is saved, and none of your
            diagrams is changed, unless you save a copy.
          </p>
        </div>
        <div className={styles.actions}>
          <button
            type="button"
            className="button button-primary"
            disabled={copy.busy}
            onClick={() =>
              void copy.save(
                diagram,
                diagram.title,
                'Saved a copy of the shared diagram.',
                problems,
              )
            }
            data-testid="save-copy"
          >
            Save a copy
          </button>
          <Link href="/diagrams/" className="button">
            My diagrams
          </Link>
        </div>
      </header>
      {copy.error && (
        <p role="alert" className={styles.error}>
          {copy.error}
        </p>
      )}
      {problems.length > 0 && (
        <div className={styles.problems} role="status" data-testid="shared-problems">
          <p>Parts of this link had to be repaired or left out:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <DiagramViewer diagram={diagram} className={styles.readCanvas} />
    </div>
  );
}

/** A reference architecture: read-only, with "Use as template" to start an editable copy. */
export function ReferenceScreen({ caseId }: { caseId: string }) {
  const reference = referenceById(caseId);
  const copy = useSaveCopy();
  if (!reference)
    return (
      <div className={styles.centered}>
        <h1>No such reference diagram</h1>
        <Link href="/diagrams/">See the reference diagrams</Link>
      </div>
    );
  return (
    <div className={styles.readScreen} data-testid="reference-view">
      <header className={styles.readHeader}>
        <div>
          <p className={styles.eyebrow}>Reference architecture · read-only</p>
          <h1>{reference.title}</h1>
          <p className={styles.muted}>{reference.summary}</p>
        </div>
        <div className={styles.actions}>
          <button
            type="button"
            className="button button-primary"
            disabled={copy.busy}
            onClick={() =>
              void copy.save(
                reference.diagram,
                `My ${reference.diagram.title.replace(/\s*\(reference\)$/, '')} design`,
                `Started from the ${reference.title.split(':')[0]} reference. Change anything: the reference stays as it was.`,
              )
            }
            data-testid="use-template"
          >
            Use as template
          </button>
          <Link href="/diagrams/" className="button">
            My diagrams
          </Link>
        </div>
      </header>
      {copy.error && (
        <p role="alert" className={styles.error}>
          {copy.error}
        </p>
      )}
      <DiagramViewer diagram={reference.diagram} className={styles.readCanvas} />
    </div>
  );
}
