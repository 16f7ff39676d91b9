import { describe, expect, it } from 'vitest';
import { correctTypos } from '../src/agent/offline/spelling.js';

describe('typo tolerance of the offline model', () => {
  it('reads common misspellings of item words', () => {
    expect(correctTypos('sellling my nintedo swich')).toBe('selling my nintendo switch');
    expect(correctTypos('coffe machine')).toBe('coffee machine');
  });

  it('leaves real words alone, even one letter from a short known word', () => {
    for (const text of ['solid oak dining table', 'times like these', 'a chain for the bike'])
      expect(correctTypos(text)).toBe(text);
  });
});
