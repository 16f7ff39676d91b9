import { describe, expect, it } from 'vitest';
import { counted } from '../src/web/client/dom.js';

describe('a count on the pages', () => {
  it.each([
    [0, 'model call', '0 model calls'],
    [1, 'model call', '1 model call'],
    [2, 'model call', '2 model calls'],
    [1, 'token', '1 token'],
    [1500, 'token', '1500 tokens'],
  ])('%i %s reads "%s"', (n, noun, expected) => {
    expect(counted(n, noun)).toBe(expected);
  });

  it('takes an irregular plural', () => {
    expect(counted(2, 'reply', 'replies')).toBe('2 replies');
    expect(counted(1, 'reply', 'replies')).toBe('1 reply');
  });
});
