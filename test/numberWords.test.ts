import { describe, expect, it } from 'vitest';
import { numberWordsToDigits } from '../src/agent/offline/numberWords.js';

describe('amounts written in words', () => {
  it('turns amounts into digits', () => {
    expect(numberWordsToDigits('two hundred and fifty euros')).toBe('250 euros');
    expect(numberWordsToDigits('yours for a grand')).toBe('yours for 1000');
    expect(numberWordsToDigits('two grand, no less')).toBe('2000, no less');
    expect(numberWordsToDigits('fifty euros')).toBe('50 euros');
  });

  it('leaves words that name no amount as the seller wrote them', () => {
    for (const text of [
      'Steinway grand piano',
      'Xbox One S with a controller',
      'a sofa and a chair',
      'Thousand Island',
    ])
      expect(numberWordsToDigits(text)).toBe(text);
  });
});
