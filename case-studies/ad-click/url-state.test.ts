import { describe, expect, it } from 'vitest';
import { DEFAULT_AD_STATE, adPageQuery, parseAdPageState } from './url-state';

describe('ad page URL state', () => {
  it('round-trips every setting', () => {
    const state = {
      seed: 7,
      user: 42,
      day: 4,
      hour: 9,
      device: 2,
      placement: 3,
      controls: {
        ranker: 'lr' as const,
        calibration: 'downsampling' as const,
        reserve: 0.4,
        pricing: 'first' as const,
        slots: 2,
        candidates: 250,
      },
    };
    const back = parseAdPageState(adPageQuery(state));
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(state);
    expect(adPageQuery(state)).toContain('device=desktop');
    expect(adPageQuery(state)).toContain('placement=right_column');
  });

  it('an empty query gives the defaults without notices', () => {
    expect(parseAdPageState('')).toEqual({ state: DEFAULT_AD_STATE, notices: [] });
  });

  it('bad values fall back, each with a notice that names it', () => {
    const { state, notices } = parseAdPageState(
      'seed=-3&user=abc&day=0&hour=24&device=fax&ranker=gbdt&cal=isotonic&reserve=9&pricing=third&slots=0&k=1.5',
    );
    expect(state).toEqual(DEFAULT_AD_STATE);
    expect(notices).toHaveLength(11);
    for (const name of ['seed', 'user', 'day', 'hour', 'device', 'ranker', 'cal', 'reserve']) {
      expect(notices.some((n) => n.startsWith(`"${name}=`))).toBe(true);
    }
  });

  it('keeps the good values of a partly bad link', () => {
    const { state, notices } = parseAdPageState('ranker=mlp&reserve=&slots=4');
    expect(state.controls.ranker).toBe('mlp');
    expect(state.controls.slots).toBe(4);
    expect(state.controls.reserve).toBe(DEFAULT_AD_STATE.controls.reserve);
    expect(notices).toHaveLength(1);
  });
});
