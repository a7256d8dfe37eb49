import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { SelfCheckCard } from './SelfCheckCard';

/** Markers: the lesson author writes them inside <SelfCheck>, which takes them apart. */
export function Choice({ children }: { correct?: boolean; children: ReactNode }) {
  return <>{children}</>;
}
export function Hint({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
export function Answer({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

type Part = ReactElement<{ children?: ReactNode; correct?: boolean }>;

/** A choice long enough to wrap is parsed as a paragraph; a label may only hold inline content. */
function inline(content: ReactNode): ReactNode {
  const only = Children.toArray(content).filter((c) => !(typeof c === 'string' && !c.trim()));
  const first = only[0];
  if (only.length === 1 && isValidElement<{ children?: ReactNode }>(first) && first.type === 'p')
    return first.props.children;
  return content;
}

/** Children with paragraphs that only wrap inline markers unwrapped, so markers are found either way. */
function flatten(children: ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  Children.forEach(children, (child) => {
    if (isValidElement<{ children?: ReactNode }>(child) && child.type === 'p') {
      const inner = Children.toArray(child.props.children);
      const markers = inner.filter(
        (c) => isValidElement(c) && (c.type === Choice || c.type === Hint || c.type === Answer),
      );
      const rest = inner.filter(
        (c) => !markers.includes(c) && !(typeof c === 'string' && !c.trim()),
      );
      if (markers.length > 0 && rest.length === 0) {
        out.push(...markers);
        return;
      }
    }
    out.push(child);
  });
  return out;
}

/**
 * A self-check question. Runs on the server, where the marker components can be told apart,
 * and hands the pieces to the interactive card.
 */
export function SelfCheck({
  id,
  lesson,
  children,
}: {
  id: string;
  lesson: string;
  children: ReactNode;
}) {
  const question: ReactNode[] = [];
  const choices: { content: ReactNode; correct: boolean }[] = [];
  let hint: ReactNode = null;
  let answer: ReactNode = null;
  for (const child of flatten(children)) {
    if (!isValidElement(child)) {
      if (typeof child === 'string' && !child.trim()) continue;
      question.push(child);
      continue;
    }
    const part = child as Part;
    if (part.type === Choice)
      choices.push({ content: inline(part.props.children), correct: part.props.correct === true });
    else if (part.type === Hint) hint = part.props.children;
    else if (part.type === Answer) answer = part.props.children;
    else question.push(part);
  }
  if (answer === null)
    throw new Error(`MLSD-003: <SelfCheck id="${id}"> in ${lesson} has no <Answer>.`);
  return (
    <SelfCheckCard
      lesson={lesson}
      id={id}
      question={question}
      choices={choices}
      hint={hint}
      answer={answer}
    />
  );
}
