import { describe, expect, it } from 'vitest';
import { isStoreBusy } from './isStoreBusy';

describe('isStoreBusy', () => {
  it('knows the locked store by its code, extended codes included, and nothing else', () => {
    const withCode = (code: unknown) => Object.assign(new Error('database is locked'), { code });
    expect(isStoreBusy(withCode('SQLITE_BUSY'))).toBe(true);
    expect(isStoreBusy(withCode('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isStoreBusy(withCode('SQLITE_CONSTRAINT'))).toBe(false);
    expect(isStoreBusy(withCode(5))).toBe(false);
    expect(isStoreBusy(new Error('database is locked'))).toBe(false);
    expect(isStoreBusy(null)).toBe(false);
    expect(isStoreBusy('SQLITE_BUSY')).toBe(false);
  });
});
