'use client';

import type { PracticeItem } from '@/lib/grading/exercise';
import { seededShuffle } from '@/lib/grading/shuffle';
import type { Answer } from '@/lib/grading/types';
import { ChoiceInput } from './inputs/ChoiceInput';
import { MatchInput } from './inputs/MatchInput';
import { NumberInput } from './inputs/NumberInput';
import { OrderInput } from './inputs/OrderInput';
import { RubricInput } from './inputs/RubricInput';

/** The order an ordering task starts in: shuffled, the same on every visit. */
export function initialOrder(item: Extract<PracticeItem, { type: 'order' }>): string[] {
  return seededShuffle(
    item.steps.map((s) => s.id),
    item.id,
  );
}

export function ItemInput({
  item,
  answer,
  note,
  disabled,
  onAnswer,
  onNote,
}: {
  item: PracticeItem;
  answer: Answer | undefined;
  note: string;
  disabled: boolean;
  onAnswer: (a: Answer) => void;
  onNote: (text: string) => void;
}) {
  switch (item.type) {
    case 'choice':
      return (
        <ChoiceInput
          item={item}
          selected={answer?.type === 'choice' ? answer.selected : []}
          disabled={disabled}
          onChange={(selected) => onAnswer({ type: 'choice', selected })}
        />
      );
    case 'order':
      return (
        <OrderInput
          item={item}
          order={answer?.type === 'order' ? answer.order : initialOrder(item)}
          disabled={disabled}
          onChange={(order) => onAnswer({ type: 'order', order })}
        />
      );
    case 'match':
      return (
        <MatchInput
          item={item}
          pairs={answer?.type === 'match' ? answer.pairs : {}}
          disabled={disabled}
          onChange={(pairs) => onAnswer({ type: 'match', pairs })}
        />
      );
    case 'number':
      return (
        <NumberInput
          item={item}
          value={answer?.type === 'number' ? answer.value : undefined}
          disabled={disabled}
          onChange={(value) => onAnswer({ type: 'number', value })}
        />
      );
    case 'rubric':
      return (
        <RubricInput
          item={item}
          checked={answer?.type === 'rubric' ? answer.checked : undefined}
          note={note}
          disabled={disabled}
          onCheck={(checked) => onAnswer({ type: 'rubric', checked })}
          onNote={onNote}
        />
      );
  }
}
