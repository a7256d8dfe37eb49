'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { WidgetName } from '@/lib/content/components';
import { WIDGET_LOADERS } from '@/components/widgets/registry';
import styles from './mdx.module.css';

type State =
  | { kind: 'waiting' }
  | { kind: 'loading' }
  | { kind: 'ready'; Widget: ComponentType }
  | { kind: 'failed'; message: string };

/**
 * A live widget in a lesson. Its code loads only when the slot comes near the viewport, behind
 * a placeholder of the same height so the page neither waits nor jumps.
 */
export function LiveWidget({
  name,
  height,
  caption,
}: {
  name: WidgetName;
  height: number | string;
  caption?: string;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'waiting' });
  const px = Number(height);

  useEffect(() => {
    const el = slot.current;
    if (!el || state.kind !== 'waiting') return;
    const load = () => {
      setState({ kind: 'loading' });
      WIDGET_LOADERS[name]()
        .then((Widget) => setState({ kind: 'ready', Widget }))
        .catch((error: unknown) =>
          setState({
            kind: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
        );
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          load();
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [name, state.kind]);

  return (
    <figure className={styles.widget} data-testid={`widget-${name}`} data-state={state.kind}>
      <div ref={slot} className={styles.widgetSlot} style={{ minHeight: px }}>
        {state.kind === 'ready' ? (
          <state.Widget />
        ) : state.kind === 'failed' ? (
          <div className={styles.widgetPlaceholder} role="alert">
            <p>This widget could not load ({state.message}).</p>
            <button type="button" className="button" onClick={() => setState({ kind: 'waiting' })}>
              Try again
            </button>
          </div>
        ) : (
          <div className={styles.widgetPlaceholder} aria-busy="true">
            Loading the live widget…
          </div>
        )}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
