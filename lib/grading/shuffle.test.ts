import { describe, expect, it } from 'vitest';
import { seededShuffle } from './shuffle';

describe('seededShuffle', () => {
  it('is stable per key, keeps every element, and never returns the original order', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(seededShuffle(items, 'funnel')).toEqual(seededShuffle(items, 'funnel'));
    for (let k = 0; k < 200; k++) {
      const out = seededShuffle(items, `key-${k}`);
      expect([...out].sort()).toEqual(items);
      expect(out).not.toEqual(items);
    }
    expect(seededShuffle(['x', 'y'], 'two')).toEqual(['y', 'x']);
  });
});
