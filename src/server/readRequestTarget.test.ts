import { describe, expect, it } from 'vitest';
import { readRequestTarget } from './readRequestTarget';

describe('readRequestTarget', () => {
  it('decodes an ordinary path and its query', () => {
    expect(readRequestTarget('/assets/a%20b.js?x=1')).toMatchObject({ pathname: '/assets/a b.js' });
    expect(readRequestTarget('/?token=abc')?.searchParams.get('token')).toBe('abc');
  });

  it('refuses, without throwing, what crashed browser mode: bad escapes, overlong UTF-8, scheme-relative, NUL', () => {
    for (const target of ['/%', '/%c0%ae', '/%E0%A4%A', '//', '//evil.example/x', '/%00', '*', 'http://evil.example/', '', undefined, `/${'a'.repeat(9000)}`]) {
      expect(readRequestTarget(target), String(target)).toBeNull();
    }
  });
});
