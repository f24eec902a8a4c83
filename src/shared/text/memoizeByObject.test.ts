import { describe, expect, it } from 'vitest';
import { memoizeByObject } from './memoizeByObject';

describe('memoizeByObject', () => {
  it('computes once per object, not per equal content', () => {
    const computed: (readonly string[])[] = [];
    const joined = memoizeByObject((names: readonly string[]) => {
      computed.push(names);
      return names.join(' ');
    });
    const first = Object.freeze(['JEAN', 'PIERRE']);
    const same = Object.freeze(['JEAN', 'PIERRE']);
    expect([joined(first), joined(first), joined(same)]).toEqual(['JEAN PIERRE', 'JEAN PIERRE', 'JEAN PIERRE']);
    expect(computed).toEqual([first, same]);
    expect(computed[0]).toBe(first);
  });

  it('remembers a false answer too', () => {
    let calls = 0;
    const isEmpty = memoizeByObject((list: readonly number[]) => {
      calls += 1;
      return list.length === 0;
    });
    const list = [1];
    expect([isEmpty(list), isEmpty(list)]).toEqual([false, false]);
    expect(calls).toBe(1);
  });
});
