import { describe, expect, it } from 'vitest';
import { classifyCeremonyError } from './classifyCeremonyError';

const named = (name: string, code?: string) => Object.assign(new Error('x'), { name }, code === undefined ? {} : { code });

describe('classifyCeremonyError', () => {
  it('tells a key already registered, a cancel and a timeout apart', () => {
    expect(classifyCeremonyError(named('InvalidStateError', 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'), 800)).toBe('already-registered');
    expect(classifyCeremonyError(named('NotAllowedError'), 2_000)).toBe('cancelled');
    expect(classifyCeremonyError(named('NotAllowedError'), 60_100)).toBe('timeout');
    expect(classifyCeremonyError(named('AbortError', 'ERROR_CEREMONY_ABORTED'), 100)).toBe('cancelled');
    expect(classifyCeremonyError(named('SecurityError', 'ERROR_INVALID_DOMAIN'), 10)).toBe('unsupported');
    expect(classifyCeremonyError(new Error('boom'), 10)).toBe('other');
    expect(classifyCeremonyError(undefined, 10)).toBe('other');
  });
});
