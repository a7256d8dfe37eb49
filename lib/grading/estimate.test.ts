import { describe, expect, it } from 'vitest';
import { parseEstimate } from './estimate';

describe('parseEstimate', () => {
  it.each([
    ['69000', 69_000],
    ['69,000', 69_000],
    ['69 000', 69_000],
    ['6.9e4', 69_000],
    ['69k', 69_000],
    ['2.27B', 2.27e9],
    ['1.5', 1.5],
    ['.5', 0.5],
  ])('reads %s', (text, value) => expect(parseEstimate(text)).toBeCloseTo(value, 6));

  it.each(['', 'abc', '1.2.3', '12 ms', '1e999'])('refuses %j', (text) =>
    expect(parseEstimate(text)).toBeNull(),
  );
});
