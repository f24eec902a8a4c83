import type { FidoKeyRole } from '../../../../shared/api/fido.contract';

export interface EnrollmentForm {
  role: FidoKeyRole;
  label: string;
  sponsorVerified: boolean;
  documentLastChars: string;
}

/** The i18n keys of what still blocks the enrollment, in the order the agent fills the form. */
export function checkEnrollmentForm({ role, label, sponsorVerified, documentLastChars }: EnrollmentForm): string[] {
  const problems: string[] = [];
  if (label.trim() === '') problems.push('fido.form.labelMissing');
  if (role === 'backup') {
    if (!sponsorVerified) problems.push('fido.form.sponsorMissing');
    if (!/^[A-Za-z0-9]{2,8}$/.test(documentLastChars.trim())) problems.push('fido.form.documentMissing');
  }
  return problems;
}
