/** The attributes every source is mapped to before reconciliation. */
export const canonicalAttributeNames = [
  'rpps',
  'hrId',
  'adId',
  'birthName',
  'lastName',
  'firstName',
  'fullName',
  'birthDate',
  'sex',
  'profession',
  'service',
  'email',
  'contractType',
  'startDate',
  'endDate',
  'enabled',
  /** Last sign-in, ISO date (AD `lastLogonTimestamp`/`lastLogon` FILETIME, or an application column). */
  'lastLogin',
  /** FINESS of the site (établissement géographique) the record belongs to. */
  'site',
] as const;

export type CanonicalAttributeName = (typeof canonicalAttributeNames)[number];

export type CanonicalAttributes = Partial<
  Record<Exclude<CanonicalAttributeName, 'enabled'>, string> & { enabled: boolean }
>;

export type SourceRole = 'register' | 'hr' | 'directory' | 'application';
