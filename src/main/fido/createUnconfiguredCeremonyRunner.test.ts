import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { createUnconfiguredCeremonyRunner } from './createUnconfiguredCeremonyRunner';

describe('createUnconfiguredCeremonyRunner', () => {
  it('refuses every ceremony with a French message naming the setting', async () => {
    const failure = await createUnconfiguredCeremonyRunner()
      .run({ kind: 'register', options: { challenge: 'c' } as never })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).code).toBe('PRECONDITION_FAILED');
    expect((failure as DeskError).localized.fr).toMatch(/GUICHET_FIDO_RP_ID/);
    expect((failure as DeskError).details).toEqual({ rule: 'rp-id-not-configured' });
  });
});
