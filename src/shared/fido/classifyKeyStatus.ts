/** MDS3 status reports that mean a key model must not be accepted any more. */
const refusedStatuses = new Set([
  'REVOKED',
  'USER_VERIFICATION_BYPASS',
  'ATTESTATION_KEY_COMPROMISE',
  'USER_KEY_REMOTE_COMPROMISE',
  'USER_KEY_PHYSICAL_COMPROMISE',
]);

export type KeyStatusClass = 'certified' | 'not-certified' | 'refused' | 'unknown';

/** What an MDS3 status report means for the desk: refuse, certified, or neither. */
export function classifyKeyStatus(status: string | null): KeyStatusClass {
  if (status === null) return 'unknown';
  if (refusedStatuses.has(status) || status.endsWith('_COMPROMISE')) return 'refused';
  if (status.startsWith('FIDO_CERTIFIED')) return 'certified';
  return 'not-certified';
}
