import { describe, expect, it } from 'vitest';
import { classifyKeyStatus } from './classifyKeyStatus';

describe('classifyKeyStatus', () => {
  it('refuses revoked and compromised models, including compromise kinds added later', () => {
    for (const status of ['REVOKED', 'ATTESTATION_KEY_COMPROMISE', 'USER_KEY_PHYSICAL_COMPROMISE', 'USER_VERIFICATION_BYPASS', 'FUTURE_KIND_COMPROMISE']) {
      expect(classifyKeyStatus(status)).toBe('refused');
    }
  });
  it('tells certified levels from other statuses and from no status', () => {
    expect(classifyKeyStatus('FIDO_CERTIFIED_L2')).toBe('certified');
    expect(classifyKeyStatus('FIDO_CERTIFIED')).toBe('certified');
    expect(classifyKeyStatus('NOT_FIDO_CERTIFIED')).toBe('not-certified');
    expect(classifyKeyStatus('UPDATE_AVAILABLE')).toBe('not-certified');
    expect(classifyKeyStatus(null)).toBe('unknown');
  });
});
