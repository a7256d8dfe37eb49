/**
 * The live ad page's state as URL query parameters, so any state is a shareable link:
 *
 *   ?seed=1&user=42&day=6&hour=20&device=android&placement=feed
 *    &ranker=dcn&cal=platt&reserve=0.05&pricing=second&slots=3&k=100
 *
 * Parsing never throws: a bad value falls back to its default and adds a notice saying what was
 * wrong, so a mangled link still opens the page. Users beyond the world's size are checked by
 * the page once the world is known.
 */
import {
  CALIBRATION_MODES,
  CONTROL_LIMITS,
  DEFAULT_CONTROLS,
  PRICE_RULES,
  RANKERS,
  type LiveControls,
} from './live';
import { DEFAULT_WORLD_OPTIONS, DEVICES, PLACEMENTS } from './world';

export interface AdPageState {
  seed: number;
  user: number;
  day: number;
  hour: number;
  device: number;
  placement: number;
  controls: LiveControls;
}

const LAST_DAY = DEFAULT_WORLD_OPTIONS.days - 1;

export const DEFAULT_AD_STATE: AdPageState = {
  seed: 1,
  user: 0,
  day: LAST_DAY,
  hour: 20,
  device: 1,
  placement: 0,
  controls: DEFAULT_CONTROLS,
};

type Get = (name: string) => string | null;

function intParam(get: Get, name: string, min: number, max: number, d: number, notes: string[]) {
  const raw = get(name);
  if (raw === null) return d;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(x) || x < min || x > max) {
    notes.push(
      `"${name}=${raw.slice(0, 40)}" is not a whole number from ${min} to ${max}; using ${d}.`,
    );
    return d;
  }
  return x;
}

function numParam(get: Get, name: string, min: number, max: number, d: number, notes: string[]) {
  const raw = get(name);
  if (raw === null) return d;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || x < min || x > max) {
    notes.push(`"${name}=${raw.slice(0, 40)}" is not a number from ${min} to ${max}; using ${d}.`);
    return d;
  }
  return x;
}

function choice<T extends string>(
  get: Get,
  name: string,
  options: readonly T[],
  d: T,
  notes: string[],
): T {
  const raw = get(name);
  if (raw === null) return d;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notes.push(`"${name}=${raw.slice(0, 40)}" is not one of ${options.join(', ')}; using ${d}.`);
  return d;
}

/** Index of a named value (device, placement) in its list. */
function named(
  get: Get,
  name: string,
  names: readonly string[],
  d: number,
  notes: string[],
): number {
  return names.indexOf(choice(get, name, names, names[d]!, notes));
}

export function parseAdPageState(query: string): { state: AdPageState; notices: string[] } {
  const params = new URLSearchParams(query);
  const get: Get = (n) => params.get(n);
  const notes: string[] = [];
  const d = DEFAULT_AD_STATE;
  const c = DEFAULT_CONTROLS;
  const L = CONTROL_LIMITS;
  const state: AdPageState = {
    seed: intParam(get, 'seed', 0, 2 ** 31 - 1, d.seed, notes),
    user: intParam(get, 'user', 0, 10_000_000, d.user, notes),
    day: intParam(get, 'day', 1, LAST_DAY, d.day, notes),
    hour: intParam(get, 'hour', 0, 23, d.hour, notes),
    device: named(get, 'device', DEVICES, d.device, notes),
    placement: named(get, 'placement', PLACEMENTS, d.placement, notes),
    controls: {
      ranker: choice(get, 'ranker', RANKERS, c.ranker, notes),
      calibration: choice(get, 'cal', CALIBRATION_MODES, c.calibration, notes),
      reserve: numParam(get, 'reserve', L.reserve.min, L.reserve.max, c.reserve, notes),
      pricing: choice(get, 'pricing', PRICE_RULES, c.pricing, notes),
      slots: intParam(get, 'slots', L.slots.min, L.slots.max, c.slots, notes),
      candidates: intParam(get, 'k', L.candidates.min, L.candidates.max, c.candidates, notes),
    },
  };
  return { state, notices: notes };
}

export function adPageQuery(s: AdPageState): string {
  const q = new URLSearchParams({
    seed: String(s.seed),
    user: String(s.user),
    day: String(s.day),
    hour: String(s.hour),
    device: DEVICES[s.device] ?? DEVICES[0],
    placement: PLACEMENTS[s.placement] ?? PLACEMENTS[0],
    ranker: s.controls.ranker,
    cal: s.controls.calibration,
    reserve: String(s.controls.reserve),
    pricing: s.controls.pricing,
    slots: String(s.controls.slots),
    k: String(s.controls.candidates),
  });
  return q.toString();
}
