import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parsePageState, toQuery, type PageState } from './url-state';
import { GENRES } from './world';

describe('page state in the URL', () => {
  it('round-trips a known user and a new user', () => {
    const known: PageState = {
      seed: 7,
      size: 100_000,
      user: { kind: 'known', user: 42 },
      controls: {
        candidates: 200,
        search: 'ivf',
        ranker: 'logreg',
        clickWeight: 0.5,
        watchWeight: 2,
        diversity: 0.35,
      },
    };
    expect(parsePageState(toQuery(known))).toEqual({ state: known, notices: [] });
    const fresh: PageState = {
      ...DEFAULT_STATE,
      user: {
        kind: 'new',
        interests: [GENRES.indexOf('Drama'), GENRES.indexOf('Horror')],
        language: 1,
        country: 0,
        device: 0,
        ageBand: 2,
      },
    };
    const q = toQuery(fresh);
    expect(q).toContain('interests=Drama%2CHorror');
    expect(parsePageState(q).state).toEqual(fresh);
  });

  it('falls back on bad values with a notice for each, never throwing', () => {
    const { state, notices } = parsePageState(
      '?seed=-3&size=5m&user=abc&k=1e9&search=fast&ranker=gbdt&wc=NaN&ww=&div=2',
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices).toHaveLength(9);
    expect(notices[0]).toContain('"size=5m"');
    const cold = parsePageState('user=new&interests=Nope&lang=xx');
    expect(cold.state.user).toMatchObject({ kind: 'new', interests: [GENRES.indexOf('Comedy')] });
    expect(cold.notices.join(' ')).toContain('not known genres');
    expect(parsePageState('').notices).toEqual([]);
  });
});
