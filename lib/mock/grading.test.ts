import { describe, expect, it } from 'vitest';
import { bandFor, averageLevel, DIMENSION_IDS, type Grades, type Level } from './grading';

const all = (l: Level): Grades => Object.fromEntries(DIMENSION_IDS.map((d) => [d, l]));

describe('bandFor', () => {
  it('waits for every dimension', () => {
    expect(bandFor({ navigation: 4 })).toBeNull();
    expect(averageLevel({})).toBeNull();
  });

  it('maps uniform levels to the bands of the rule', () => {
    expect(bandFor(all(4))).toBe('strong-hire');
    expect(bandFor(all(3))).toBe('hire');
    expect(bandFor(all(2))).toBe('lean-no-hire');
    expect(bandFor(all(1))).toBe('no-hire');
  });

  it('needs no level below 3 for strong hire and none below 2 for hire', () => {
    expect(bandFor({ ...all(4), communication: 2 })).toBe('hire'); // avg 3.6, min 2
    expect(bandFor({ ...all(4), data: 2, modelling: 2 })).toBe('hire'); // avg 3.2, min 2
    expect(bandFor({ ...all(3), data: 2, modelling: 2 })).toBe('lean-hire'); // avg 2.6
  });

  it('caps at lean no hire when any level is 1', () => {
    expect(bandFor({ ...all(4), modelling: 1 })).toBe('lean-no-hire'); // avg 3.4
    expect(bandFor({ ...all(3), data: 2 })).toBe('lean-hire'); // avg 2.8
  });
});
