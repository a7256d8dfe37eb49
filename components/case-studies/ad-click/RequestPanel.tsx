'use client';

import { useState } from 'react';
import { DEVICES, PLACEMENTS } from '@/case-studies/ad-click/world';
import type { AdPageState } from '@/case-studies/ad-click/url-state';
import styles from './ad.module.css';

type Request = Pick<AdPageState, 'user' | 'day' | 'hour' | 'device' | 'placement'>;

export interface RequestPanelProps {
  value: Request;
  users: number;
  days: { min: number; max: number };
  onChange: (r: Request) => void;
  onRandom: () => void;
}

/** Who asks for an ad, when and where: the request the system serves. */
export function RequestPanel({ value, users, days, onChange, onRandom }: RequestPanelProps) {
  const [userDraft, setUserDraft] = useState(String(value.user));
  const [userError, setUserError] = useState<string | null>(null);
  const [shown, setShown] = useState(value.user);
  // The user may change from outside (randomize, a fallback): show it in the box.
  if (shown !== value.user) {
    setShown(value.user);
    setUserDraft(String(value.user));
  }
  const applyUser = (raw: string) => {
    setUserDraft(raw);
    const u = Number(raw);
    if (raw.trim() !== '' && Number.isInteger(u) && u >= 0 && u < users) {
      setUserError(null);
      onChange({ ...value, user: u });
    } else setUserError(`User must be a whole number from 0 to ${users - 1}.`);
  };
  const num = (k: 'day' | 'hour' | 'device' | 'placement') => (v: string) =>
    onChange({ ...value, [k]: Number(v) });
  return (
    <div className={styles.row}>
      <label className={styles.field}>
        <span>User</span>
        <input
          type="number"
          min={0}
          max={users - 1}
          value={userDraft}
          data-testid="user"
          aria-invalid={userError !== null}
          aria-describedby={userError ? 'user-error' : undefined}
          onChange={(e) => applyUser(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span>Day</span>
        <select value={value.day} data-testid="day" onChange={(e) => num('day')(e.target.value)}>
          {Array.from({ length: days.max - days.min + 1 }, (_, i) => days.min + i).map((d) => (
            <option key={d} value={d}>
              day {d}
              {d === days.max ? ' (test day)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Hour</span>
        <select value={value.hour} data-testid="hour" onChange={(e) => num('hour')(e.target.value)}>
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, '0')}:00
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Device</span>
        <select
          value={value.device}
          data-testid="device"
          onChange={(e) => num('device')(e.target.value)}
        >
          {DEVICES.map((d, i) => (
            <option key={d} value={i}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Placement</span>
        <select
          value={value.placement}
          data-testid="placement"
          onChange={(e) => num('placement')(e.target.value)}
        >
          {PLACEMENTS.map((p, i) => (
            <option key={p} value={i}>
              {p.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={onRandom} data-testid="randomize">
        Random request
      </button>
      {userError && (
        <p id="user-error" className={styles.error} role="alert">
          {userError}
        </p>
      )}
    </div>
  );
}
