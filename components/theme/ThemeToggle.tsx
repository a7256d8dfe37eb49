'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { THEME_KEY } from './theme-script';

type Choice = 'light' | 'dark' | 'system';
const NEXT: Record<Choice, Choice> = { system: 'light', light: 'dark', dark: 'system' };
const NAME: Record<Choice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };
const ICON: Record<Choice, string> = { system: '◐', light: '☀', dark: '☾' };
const CHANGED = 'mlsd-lab:theme-changed';

function readChoice(): Choice {
  try {
    const c = localStorage.getItem(THEME_KEY);
    return c === 'light' || c === 'dark' ? c : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function apply(choice: Choice) {
  const dark =
    choice === 'dark' ||
    (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Cycles auto → light → dark; the choice is remembered, and 'auto' follows the OS live. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as Choice);

  useEffect(() => {
    apply(choice);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply(readChoice());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [choice]);

  const cycle = () => {
    const next = NEXT[choice];
    try {
      if (next === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage unavailable (private mode): the theme still changes for this visit.
      apply(next);
    }
    window.dispatchEvent(new Event(CHANGED));
  };

  return (
    <button
      type="button"
      className="button"
      onClick={cycle}
      aria-label={`Theme: ${NAME[choice]}. Change theme`}
      title={`Theme: ${NAME[choice]}`}
      data-testid="theme-toggle"
      data-choice={choice}
    >
      <span aria-hidden="true">{ICON[choice]}</span>
      <span className="theme-label">{NAME[choice]}</span>
    </button>
  );
}
