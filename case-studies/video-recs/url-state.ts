/**
 * The live page's whole state as URL query parameters, so any state is a shareable link:
 *
 *   ?seed=1&size=10k&user=42&k=500&search=exact&ranker=dcn&wc=1&ww=1&div=0.2
 *   ?user=new&interests=Drama,Comedy&lang=es
 *
 * Parsing never throws: a bad value falls back to its default and adds a notice saying what
 * was wrong, so a mangled link still opens the page.
 */
import { CONTROL_LIMITS, DEFAULT_CONTROLS, type FeedControls, type FeedUser } from './pipeline';
import { CATALOGUE_SIZES, type CatalogueSize } from './serving';
import { GENRES, LANGUAGES } from './world';

export interface PageState {
  seed: number;
  size: CatalogueSize;
  user: FeedUser;
  controls: FeedControls;
}

const SIZE_NAMES: Record<CatalogueSize, string> = {
  10_000: '10k',
  100_000: '100k',
  1_000_000: '1m',
};

export const DEFAULT_NEW_USER: Extract<FeedUser, { kind: 'new' }> = {
  kind: 'new',
  interests: [GENRES.indexOf('Comedy')],
  language: 0,
  country: 0,
  device: 0,
  ageBand: 2,
};

export const DEFAULT_STATE: PageState = {
  seed: 1,
  size: 10_000,
  user: { kind: 'known', user: 0 },
  controls: DEFAULT_CONTROLS,
};

type Get = (name: string) => string | null;

function intParam(get: Get, name: string, min: number, max: number, d: number, notices: string[]) {
  const raw = get(name);
  if (raw === null) return d;
  const x = Number(raw);
  if (!Number.isInteger(x) || x < min || x > max) {
    notices.push(
      `"${name}=${raw.slice(0, 40)}" is not a whole number from ${min} to ${max}; using ${d}.`,
    );
    return d;
  }
  return x;
}

function numParam(
  get: Get,
  name: string,
  limits: { min: number; max: number },
  d: number,
  notices: string[],
) {
  const raw = get(name);
  if (raw === null) return d;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || x < limits.min || x > limits.max) {
    notices.push(
      `"${name}=${raw.slice(0, 40)}" is not a number from ${limits.min} to ${limits.max}; using ${d}.`,
    );
    return d;
  }
  return x;
}

function choice<T extends string>(
  get: Get,
  name: string,
  options: readonly T[],
  d: T,
  notices: string[],
): T {
  const raw = get(name);
  if (raw === null) return d;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notices.push(`"${name}=${raw.slice(0, 40)}" is not one of ${options.join(', ')}; using ${d}.`);
  return d;
}

function parseUser(get: Get, notices: string[]): FeedUser {
  const raw = get('user');
  if (raw !== 'new') {
    return { kind: 'known', user: intParam(get, 'user', 0, 9_999_999, 0, notices) };
  }
  const names = (get('interests') ?? '').split(',').filter(Boolean);
  const interests = names
    .map((n) => GENRES.indexOf(n as (typeof GENRES)[number]))
    .filter((g) => g >= 0);
  if (interests.length < names.length)
    notices.push(`Some interests are not known genres and were left out.`);
  const langName = get('lang');
  const language =
    langName === null ? 0 : LANGUAGES.indexOf(langName as (typeof LANGUAGES)[number]);
  if (language < 0)
    notices.push(`"lang=${langName!.slice(0, 20)}" is not a known language; using en.`);
  if (interests.length === 0) notices.push('A new user needs at least one interest; using Comedy.');
  return {
    ...DEFAULT_NEW_USER,
    interests: interests.length ? interests : DEFAULT_NEW_USER.interests,
    language: Math.max(0, language),
  };
}

/** The state a query string describes, and what in it was wrong. */
export function parsePageState(query: string): { state: PageState; notices: string[] } {
  const params = new URLSearchParams(query);
  const get: Get = (name) => params.get(name);
  const notices: string[] = [];
  const sizeName = choice(get, 'size', Object.values(SIZE_NAMES), '10k', notices);
  const size = CATALOGUE_SIZES.find((s) => SIZE_NAMES[s] === sizeName) ?? 10_000;
  const d = DEFAULT_CONTROLS;
  const state: PageState = {
    seed: intParam(get, 'seed', 0, 2 ** 31 - 1, DEFAULT_STATE.seed, notices),
    size,
    user: parseUser(get, notices),
    controls: {
      candidates: intParam(
        get,
        'k',
        CONTROL_LIMITS.candidates.min,
        CONTROL_LIMITS.candidates.max,
        d.candidates,
        notices,
      ),
      search: choice(get, 'search', ['exact', 'ivf'] as const, d.search, notices),
      ranker: choice(get, 'ranker', ['dcn', 'logreg', 'none'] as const, d.ranker, notices),
      clickWeight: numParam(get, 'wc', CONTROL_LIMITS.clickWeight, d.clickWeight, notices),
      watchWeight: numParam(get, 'ww', CONTROL_LIMITS.watchWeight, d.watchWeight, notices),
      diversity: numParam(get, 'div', CONTROL_LIMITS.diversity, d.diversity, notices),
    },
  };
  return { state, notices };
}

/** The query string (without '?') for a state; parsePageState(toQuery(s)) gives s back. */
export function toQuery(s: PageState): string {
  const p = new URLSearchParams();
  p.set('seed', String(s.seed));
  p.set('size', SIZE_NAMES[s.size]);
  if (s.user.kind === 'known') p.set('user', String(s.user.user));
  else {
    p.set('user', 'new');
    p.set('interests', s.user.interests.map((g) => GENRES[g]).join(','));
    p.set('lang', LANGUAGES[s.user.language] ?? 'en');
  }
  p.set('k', String(s.controls.candidates));
  p.set('search', s.controls.search);
  p.set('ranker', s.controls.ranker);
  p.set('wc', String(s.controls.clickWeight));
  p.set('ww', String(s.controls.watchWeight));
  p.set('div', String(s.controls.diversity));
  return p.toString();
}
