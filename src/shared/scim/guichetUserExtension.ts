/**
 * The Guichet extension of the SCIM User (RFC 7643 §3.3): every identification means (MIE) bound
 * at a desk, published to the hospital's IAM. Pure data shared by the desk's SCIM client, its
 * optional service provider, the `scim` import source and the test IAM.
 */
export const GUICHET_USER_EXTENSION = 'urn:ietf:params:scim:schemas:extension:guichet:2.0:User';
export const SCIM_CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export const SCIM_MEANS_TYPES = ['cps', 'cpe', 'badge', 'fido', 'temporary'] as const;
export type ScimMeansType = (typeof SCIM_MEANS_TYPES)[number];

export const SCIM_MEANS_STATUSES = ['active', 'suspended', 'lost', 'stolen', 'revoked', 'expired'] as const;
export type ScimMeansStatus = (typeof SCIM_MEANS_STATUSES)[number];

/** One value of `identificationMeans`; `value` is unique server-wide (a card is held by one person). */
export interface ScimIdentificationMeans {
  type: ScimMeansType;
  /** CPS serial, card UID (hex, upper case) or FIDO credential id (base64url). */
  value: string;
  model?: string | undefined;
  status: ScimMeansStatus;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  boundAt?: string | undefined;
  /** Agent id (and desk) that bound it, e.g. `agent-12@desk-urgences`. */
  boundBy?: string | undefined;
  /** FINESS of the site where it was bound. */
  site?: string | undefined;
}

/** Reconciliation state of the person as the desk knows it. */
export const SCIM_RECONCILIATION_STATES = ['reconciled', 'review', 'unreconciled', 'temporary', 'left'] as const;
export type ScimReconciliationState = (typeof SCIM_RECONCILIATION_STATES)[number];

export interface GuichetUserExtension {
  identificationMeans?: ScimIdentificationMeans[];
  rpps?: string | undefined;
  hrId?: string | undefined;
  reconciliationState?: ScimReconciliationState | undefined;
}

interface ScimAttributeDefinition {
  name: string;
  type: 'string' | 'complex' | 'dateTime' | 'boolean' | 'integer';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: readonly string[];
  subAttributes?: ScimAttributeDefinition[];
}

function attribute(
  name: string,
  type: ScimAttributeDefinition['type'],
  description: string,
  extra: Partial<ScimAttributeDefinition> = {},
): ScimAttributeDefinition {
  return { name, type, multiValued: false, description, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...extra };
}

/** The schema resource served at `/Schemas/<urn>` (RFC 7643 §7). */
export const guichetUserExtensionSchema = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: GUICHET_USER_EXTENSION,
  name: 'GuichetUser',
  description: 'Identification means (CPS, badges, FIDO keys, temporary cards) bound at a Guichet desk, and the person’s reconciliation state',
  attributes: [
    attribute('identificationMeans', 'complex', 'Identification means held by the person', {
      multiValued: true,
      subAttributes: [
        attribute('type', 'string', 'cps, cpe, badge, fido or temporary', { required: true, canonicalValues: SCIM_MEANS_TYPES }),
        attribute('value', 'string', 'CPS serial, card UID or FIDO credential id; unique server-wide', { required: true, caseExact: true, uniqueness: 'server' }),
        attribute('model', 'string', 'Card model or authenticator description'),
        attribute('status', 'string', 'active, suspended, lost, stolen, revoked or expired', { required: true, canonicalValues: SCIM_MEANS_STATUSES }),
        attribute('validFrom', 'dateTime', 'Start of validity'),
        attribute('validUntil', 'dateTime', 'End of validity'),
        attribute('boundAt', 'dateTime', 'When the means was bound'),
        attribute('boundBy', 'string', 'Agent and desk that bound it'),
        attribute('site', 'string', 'FINESS of the site where it was bound'),
      ],
    }),
    attribute('rpps', 'string', 'RPPS number (11 digits), register-confirmed', { caseExact: true }),
    attribute('hrId', 'string', 'HR matricule (normalised)', { caseExact: true }),
    attribute('reconciliationState', 'string', 'reconciled, review, unreconciled, temporary or left', { canonicalValues: SCIM_RECONCILIATION_STATES }),
  ],
  meta: { resourceType: 'Schema', location: `/Schemas/${GUICHET_USER_EXTENSION}` },
} as const;
