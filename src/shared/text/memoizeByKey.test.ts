import { describe, expect, it } from 'vitest';
import { memoizeByKey } from './memoizeByKey';

describe('memoizeByKey', () => {
  it('computes each key once, and starts over past its bound', () => {
    const computed: string[] = [];
    const upper = memoizeByKey((key) => {
      computed.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    upper('c'); // the third key empties the memory
    upper('a');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
