import {
  CONTROL_LIMITS,
  type FeedControls,
  type RankerChoice,
  type SearchChoice,
} from '@/case-studies/video-recs/pipeline';
import styles from './video.module.css';

const CANDIDATE_CHOICES = [50, 100, 200, 500, 1000];

function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  testId: string;
}) {
  return (
    <label className={styles.field}>
      <span>
        {label}: <strong>{value}</strong>
      </span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** The what-if controls: each change serves the feed again and recomputes the metrics. */
export function ControlsPanel({
  controls,
  onChange,
  ivfLabel,
}: {
  controls: FeedControls;
  onChange: (c: FeedControls) => void;
  ivfLabel: string;
}) {
  const set = <K extends keyof FeedControls>(key: K, value: FeedControls[K]) =>
    onChange({ ...controls, [key]: value });
  const candidates = CANDIDATE_CHOICES.includes(controls.candidates)
    ? CANDIDATE_CHOICES
    : [...CANDIDATE_CHOICES, controls.candidates].sort((a, b) => a - b);
  return (
    <div className={styles.row}>
      <label className={styles.field}>
        <span>Candidates retrieved</span>
        <select
          value={controls.candidates}
          data-testid="control-candidates"
          onChange={(e) => set('candidates', Number(e.target.value))}
        >
          {candidates.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={styles.fieldset}>
        <legend>Search</legend>
        {(
          [
            ['exact', 'exact'],
            ['ivf', ivfLabel],
          ] as [SearchChoice, string][]
        ).map(([v, label]) => (
          <label key={v}>
            <input
              type="radio"
              name="search"
              value={v}
              checked={controls.search === v}
              onChange={() => set('search', v)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Ranker</legend>
        {(
          [
            ['dcn', 'DCN-V2'],
            ['logreg', 'logistic regression'],
            ['none', 'none'],
          ] as [RankerChoice, string][]
        ).map(([v, label]) => (
          <label key={v}>
            <input
              type="radio"
              name="ranker"
              value={v}
              checked={controls.ranker === v}
              onChange={() => set('ranker', v)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <Slider
        label="Click weight a"
        value={controls.clickWeight}
        {...CONTROL_LIMITS.clickWeight}
        step={0.25}
        onChange={(v) => set('clickWeight', v)}
        testId="control-click-weight"
      />
      <Slider
        label="Watch weight b"
        value={controls.watchWeight}
        {...CONTROL_LIMITS.watchWeight}
        step={0.25}
        onChange={(v) => set('watchWeight', v)}
        testId="control-watch-weight"
      />
      <Slider
        label="Diversity"
        value={controls.diversity}
        {...CONTROL_LIMITS.diversity}
        step={0.05}
        onChange={(v) => set('diversity', v)}
        testId="control-diversity"
      />
      <p className={styles.muted}>
        Final score = P(click)<sup>a</sup> · E[watch seconds | click]<sup>b</sup>; a = b = 1 is
        expected watch time. Logistic regression has no watch head, so b does not apply to it.
      </p>
    </div>
  );
}
