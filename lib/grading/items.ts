import type {
  Answer,
  ChoiceItem,
  ExerciseItem,
  Grade,
  Line,
  MatchItem,
  NumberItem,
  OrderItem,
  RubricItem,
} from './types';

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

function gradeChoice(item: ChoiceItem, selected: readonly string[]): Grade {
  const chosen = new Set(selected);
  const lines: Line[] = [];
  if (!item.multiple) {
    const pick = item.options.find((o) => chosen.has(o.id));
    if (!pick) return { score: 0, lines: [{ ok: false, text: 'No option chosen.' }] };
    const right = item.options.find((o) => o.correct)!;
    lines.push({
      ok: pick.correct,
      text: pick.correct
        ? `Right: “${pick.text}”. ${pick.why}`
        : `Not this one: “${pick.text}”. ${pick.why}`,
    });
    if (!pick.correct)
      lines.push({ ok: false, text: `The answer is “${right.text}”: ${right.why}` });
    return { score: pick.correct ? 1 : 0, lines };
  }
  // Several answers: each option is a true/false call, so guessing everything scores half.
  let good = 0;
  for (const o of item.options) {
    const ok = chosen.has(o.id) === o.correct;
    if (ok) good++;
    if (!ok || chosen.has(o.id))
      lines.push({ ok, text: `${o.correct ? 'Include' : 'Leave out'} “${o.text}”: ${o.why}` });
  }
  return { score: ratio(good, item.options.length), lines };
}

function gradeOrder(item: OrderItem, order: readonly string[]): Grade {
  const pos = new Map(order.map((id, i) => [id, i]));
  const ids = item.steps.map((s) => s.id);
  if (ids.some((id) => !pos.has(id)))
    return { score: 0, lines: [{ ok: false, text: 'Place every step before checking.' }] };
  let concordant = 0;
  let pairs = 0;
  const lines: Line[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      pairs++;
      if (pos.get(ids[i]!)! < pos.get(ids[j]!)!) concordant++;
    }
  item.steps.forEach((s, i) => {
    const at = pos.get(s.id)!;
    lines.push({
      ok: at === i,
      text:
        at === i
          ? `“${s.text}” is in place (${i + 1}).`
          : `“${s.text}” belongs at position ${i + 1}, not ${at + 1}.`,
    });
  });
  lines.push({ ok: concordant === pairs, text: item.explanation });
  return { score: ratio(concordant, pairs), lines };
}

function gradeMatch(item: MatchItem, pairs: Readonly<Record<string, string>>): Grade {
  let good = 0;
  const lines = item.pairs.map((p) => {
    const ok = pairs[p.left] === p.right;
    if (ok) good++;
    return {
      ok,
      text: ok
        ? `${p.left} → ${p.right}: ${p.why}`
        : `${p.left} goes with ${p.right}${pairs[p.left] ? `, not ${pairs[p.left]}` : ''}: ${p.why}`,
    };
  });
  return { score: ratio(good, item.pairs.length), lines };
}

function gradeNumber(item: NumberItem, value: number): Grade {
  if (!Number.isFinite(value)) return { score: 0, lines: [{ ok: false, text: 'Enter a number.' }] };
  const off = Math.abs(value - item.answer) / Math.abs(item.answer);
  const score = off <= item.tolerance ? 1 : off <= item.partial ? 0.5 : 0;
  const verdict =
    score === 1
      ? 'Within tolerance'
      : score === 0.5
        ? 'In the right range but loose'
        : 'Too far off';
  const fmt = (x: number) => x.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  return {
    score,
    lines: [
      {
        ok: score === 1,
        text: `${verdict}: you said ${fmt(value)} ${item.unit}; about ${fmt(item.answer)} ${item.unit} is expected (full marks within ±${Math.round(item.tolerance * 100)}%, half within ±${Math.round(item.partial * 100)}%).`,
      },
      { ok: true, text: item.working },
    ],
  };
}

function gradeRubric(item: RubricItem, checked: readonly string[]): Grade {
  const have = new Set(checked);
  const lines = item.points.map((p) => ({
    ok: have.has(p.id),
    text: `${have.has(p.id) ? 'Covered' : 'Missing'}: ${p.text}`,
  }));
  return { score: ratio(lines.filter((l) => l.ok).length, lines.length), lines };
}

/** Grades one answer; an answer of the wrong type scores 0 with a reason rather than throwing. */
export function gradeItem(item: ExerciseItem, answer: Answer): Grade {
  if (answer.type !== item.type)
    return { score: 0, lines: [{ ok: false, text: 'This answer does not fit the question.' }] };
  switch (item.type) {
    case 'choice':
      return gradeChoice(item, (answer as Extract<Answer, { type: 'choice' }>).selected);
    case 'order':
      return gradeOrder(item, (answer as Extract<Answer, { type: 'order' }>).order);
    case 'match':
      return gradeMatch(item, (answer as Extract<Answer, { type: 'match' }>).pairs);
    case 'number':
      return gradeNumber(item, (answer as Extract<Answer, { type: 'number' }>).value);
    case 'rubric':
      return gradeRubric(item, (answer as Extract<Answer, { type: 'rubric' }>).checked);
  }
}

/** The answer that earns full marks: used by tests ("the reference scores 100%") and "reveal". */
export function referenceAnswer(item: ExerciseItem): Answer {
  switch (item.type) {
    case 'choice':
      return { type: 'choice', selected: item.options.filter((o) => o.correct).map((o) => o.id) };
    case 'order':
      return { type: 'order', order: item.steps.map((s) => s.id) };
    case 'match':
      return { type: 'match', pairs: Object.fromEntries(item.pairs.map((p) => [p.left, p.right])) };
    case 'number':
      return { type: 'number', value: item.answer };
    case 'rubric':
      return { type: 'rubric', checked: item.points.map((p) => p.id) };
  }
}
