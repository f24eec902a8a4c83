import { describe, expect, it } from 'vitest';
import { checkEnrollmentForm } from './checkEnrollmentForm';

describe('checkEnrollmentForm', () => {
  it('needs only a label for a primary key', () => {
    expect(checkEnrollmentForm({ role: 'primary', label: '  ', sponsorVerified: false, documentLastChars: '' })).toEqual(['fido.form.labelMissing']);
    expect(checkEnrollmentForm({ role: 'primary', label: 'Clé bleue', sponsorVerified: false, documentLastChars: '' })).toEqual([]);
  });
  it('needs a verified sponsor and the identity document for a backup key', () => {
    expect(checkEnrollmentForm({ role: 'backup', label: 'Secours', sponsorVerified: false, documentLastChars: 'x' })).toEqual(['fido.form.sponsorMissing', 'fido.form.documentMissing']);
    expect(checkEnrollmentForm({ role: 'backup', label: 'Secours', sponsorVerified: true, documentLastChars: 'AB12' })).toEqual([]);
  });
});
