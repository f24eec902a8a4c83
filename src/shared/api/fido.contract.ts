import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';
import type { MieStatus } from './enrollment.contract';

export type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON };

export const fidoKeyRoles = ['primary', 'backup'] as const;
export type FidoKeyRole = (typeof fidoKeyRoles)[number];

/** How far the attestation vouches for the model: `trusted` chains to the model's metadata roots. */
export type AttestationResult = 'trusted' | 'unverified' | 'self' | 'none';

/** Revoking a key says why: its MIE moves to lost, stolen or returned. */
export const fidoRevocations = ['declare-lost', 'declare-stolen', 'return'] as const;
export type FidoRevocation = (typeof fidoRevocations)[number];

export interface FidoKeyView {
  credentialId: string;
  identityId: string;
  /** `pending` until the test authentication succeeds. */
  state: 'pending' | 'active' | 'revoked';
  mieId: string | null;
  mieStatus: MieStatus | null;
  role: FidoKeyRole;
  label: string;
  serial: string | null;
  aaguid: string;
  model: string | null;
  certification: string | null;
  attestationFormat: string;
  attestation: AttestationResult;
  transports: string[];
  backedUp: boolean;
  signCount: number;
  enrolledBy: string;
  enrolledAt: string;
  lastUsedAt: string | null;
  sponsorshipId: string | null;
  sponsorName: string | null;
}

export interface SponsorshipView {
  id: string;
  sponsorId: string;
  sponsorName: string;
  enrolleeId: string;
  enrolleeName: string;
  agentId: string;
  documentType: string;
  documentLastChars: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
}

export interface PersonFidoKeys {
  keys: FidoKeyView[];
  /** Sponsorships where the person is the enrollee or the sponsor. */
  sponsorships: SponsorshipView[];
}

/** Something the agent should know but that does not block the key (unknown model, stale metadata). */
export interface FidoWarning {
  code: 'unknown-model' | 'metadata-stale' | 'no-metadata' | 'attestation-unverified';
  message: { fr: string; en: string };
}

export interface FidoRegistrationStarted {
  options: PublicKeyCredentialCreationOptionsJSON;
  rpId: string;
}

export interface FidoRegistrationChecked {
  key: FidoKeyView;
  warnings: FidoWarning[];
  /** The test authentication the key must pass before it becomes active. */
  testOptions: PublicKeyCredentialRequestOptionsJSON;
}

export interface SponsorCheckStarted {
  sponsorId: string;
  sponsorName: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

export interface SponsorVerified {
  sponsorId: string;
  sponsorName: string;
  enrolleeId: string;
  method: 'fido' | 'cps';
  verifiedAt: string;
}

export interface FidoMetadataStatus {
  rpId: string;
  entries: number;
  lastImport: {
    kind: 'mds-blob' | 'statements';
    blobNumber: number | null;
    nextUpdate: string | null;
    entries: number;
    importedAt: string;
  } | null;
  /** The BLOB's `nextUpdate` has passed: refresh it (keys are still accepted). */
  stale: boolean;
  allowList: string[] | null;
  /** Where the WebAuthn ceremony runs: the desk page itself, or the app's RP-origin window. */
  ceremony: 'renderer' | 'rp-origin-window';
}

const id = z.string().trim().min(1).max(128);
const jsonObject = z.record(z.string(), z.unknown());
const credentialResponse = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: jsonObject,
    clientExtensionResults: jsonObject.default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .passthrough();
const credentialMessage = 'expected a WebAuthn credential response (id, rawId, type "public-key", response)';
const registrationResponse = z.custom<RegistrationResponseJSON>((value) => credentialResponse.safeParse(value).success, credentialMessage);
const authenticationResponse = z.custom<AuthenticationResponseJSON>((value) => credentialResponse.safeParse(value).success, credentialMessage);

export const identityDocumentSchema = z
  .object({
    type: z.enum(['cni', 'passport', 'residence-permit', 'driving-licence', 'professional-card']),
    lastChars: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{2,8}$/, 'expected the last 2 to 8 letters or digits of the document number'),
  })
  .strict();
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;

export const fidoMethods = {
  listFidoKeys: defineMethod<PersonFidoKeys>()(z.object({ identityId: id }).strict(), { access: 'mie.read' }),
  /** A sponsor (parrain) about to vouch for `enrolleeId`: checks the sponsor rules, asks for their key. */
  startSponsorCheck: defineMethod<SponsorCheckStarted>()(z.object({ enrolleeId: id, sponsorId: id }).strict(), { access: 'mie.bind' }),
  finishSponsorCheck: defineMethod<SponsorVerified>()(z.object({ response: authenticationResponse }).strict(), { access: 'mie.bind' }),
  /** The sponsor authenticates with their own CPS in `reader` and its PIN, instead of a FIDO key. */
  verifySponsorWithCps: defineMethod<SponsorVerified>()(
    z.object({ enrolleeId: id, sponsorId: id, reader: z.string().trim().min(1).max(200), pin: z.string().regex(/^\d{4,8}$/, 'expected a PIN of 4 to 8 digits') }).strict(),
    { access: 'mie.bind' },
  ),
  startFidoRegistration: defineMethod<FidoRegistrationStarted>()(
    z
      .object({
        identityId: id,
        role: z.enum(fidoKeyRoles),
        label: z.string().trim().min(1, 'a label is required to tell keys apart').max(60),
        serial: z.string().trim().max(40).optional(),
        /** Backup keys: the identity document the agent checked. */
        document: identityDocumentSchema.optional(),
      })
      .strict(),
    { access: 'mie.bind' },
  ),
  finishFidoRegistration: defineMethod<FidoRegistrationChecked>()(z.object({ response: registrationResponse }).strict(), { access: 'mie.bind' }),
  finishFidoKeyTest: defineMethod<FidoKeyView>()(z.object({ response: authenticationResponse }).strict(), { access: 'mie.bind' }),
  /** "Tester la clé": one active key authenticates again, any time after its enrollment (journaled). */
  startFidoKeyRecheck: defineMethod<PublicKeyCredentialRequestOptionsJSON>()(z.object({ credentialId: id.max(1024) }).strict(), { access: 'mie.bind' }),
  finishFidoKeyRecheck: defineMethod<FidoKeyView>()(z.object({ response: authenticationResponse }).strict(), { access: 'mie.bind' }),
  revokeFidoKey: defineMethod<FidoKeyView>()(
    z.object({ credentialId: id.max(1024), action: z.enum(fidoRevocations), reason: z.string().trim().max(500).optional() }).strict(),
    { access: 'session', actFor: ({ action }) => `mie.${action}` },
  ),
  revokeSponsorship: defineMethod<{ sponsorship: SponsorshipView; revokedKeys: number }>()(
    z.object({ sponsorshipId: id, reason: z.string().trim().min(1, 'say why the sponsorship is revoked').max(500) }).strict(),
    { access: 'mie.expire' },
  ),
  /**
   * Electron with a non-localhost RP ID: the app runs, in its RP-origin window, a ceremony the
   * desk issued (start registration, its key test, a sponsor check), named by its challenge.
   */
  runFidoCeremony: defineMethod<RegistrationResponseJSON | AuthenticationResponseJSON>()(z.object({ challenge: z.string().min(16).max(512) }).strict(), { access: 'mie.bind' }),
  getFidoMetadataStatus: defineMethod<FidoMetadataStatus>()(z.object({}).strict(), { access: 'mie.read' }),
  importFidoMetadata: defineMethod<FidoMetadataStatus>()(
    z
      .object({
        kind: z.enum(['mds-blob', 'statements']),
        /** The BLOB (a JWT) or the statements file (JSON), as text. */
        content: z.string().min(2).max(50_000_000),
      })
      .strict(),
    { access: 'mie.bind' },
  ),
};

export const fidoEvents = {
  fidoKeysChanged: defineEvent<{ identityId: string }>(),
};
