import { describe, expect, it } from 'vitest';
import { charsPerLine, fitLines, fitText } from './fit-text';

describe('text that fits in a node', () => {
  it('keeps short text and shortens long text with an ellipsis', () => {
    expect(fitText('Ranking service', 20)).toBe('Ranking service');
    expect(fitText('Candidate generation service', 12)).toBe('Candidate g…');
    expect(fitText('two\n lines', 20)).toBe('two lines');
    expect(fitText('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('keeps lines of a note within the box', () => {
    expect(fitLines('a\nb', 10, 3)).toBe('a\nb');
    expect(fitLines('abcdefghij', 4, 2)).toBe('abcd\nefg…');
    expect(fitLines('1\n2\n3\n4', 10, 2)).toBe('1\n2…');
  });

  it('counts fewer characters in narrower nodes', () => {
    expect(charsPerLine(180, 13)).toBeLessThan(charsPerLine(240, 13));
    expect(charsPerLine(10, 13)).toBe(4);
  });
});
