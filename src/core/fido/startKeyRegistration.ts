import { generateRegistrationOptions } from '@simplewebauthn/server';
import type { FidoKeyRole, FidoRegistrationStarted, IdentityDocument } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import { assertMayReceiveMie } from '../enrollment/assertMayReceiveMie';
import type { Actor } from '../journal/journalTypes';
import type { FidoDependencies, PendingSponsorship, VerifiedSponsor } from './FidoDependencies';
import { readUsableCredentials } from './readUsableCredentials';
import { storeChallenge } from './storeChallenge';

export interface StartKeyRegistrationRequest {
  actor: Actor;
  connectionId: string;
  identityId: string;
  role: FidoKeyRole;
  label: string;
  serial?: string | undefined;
  document?: IdentityDocument | undefined;
  /** The sponsor verified at this desk, for a backup key. */
  sponsor: VerifiedSponsor | null;
}

export interface RegistrationContext {
  role: FidoKeyRole;
  label: string;
  serial: string | null;
  sponsorship: PendingSponsorship | null;
}

/**
 * Creation options for a new key of `identityId`. A first key is the primary one; any further
 * key is a backup that needs a sponsor verified at this desk and the identity document checked.
 */
export async function startKeyRegistration(deps: FidoDependencies, request: StartKeyRegistrationRequest): Promise<FidoRegistrationStarted> {
  const { db, clock, settings } = deps;
  const person = assertMayReceiveMie(db, clock, request.actor, request.identityId);
  const existing = readUsableCredentials(db, request.identityId);
  let sponsorship: PendingSponsorship | null = null;
  if (request.role === 'primary' && existing.length > 0) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `${person.first_name} ${person.last_name} a déjà une clé active : une clé supplémentaire est une clé de secours, avec parrain.`,
        en: `${person.first_name} ${person.last_name} already has an active key: a further key is a backup key, with a sponsor.`,
      },
      { rule: 'primary-exists' },
    );
  }
  if (request.role === 'backup') {
    const sponsor = request.sponsor;
    if (sponsor === null || sponsor.enrolleeId !== request.identityId || sponsor.agentId !== request.actor.agentId) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        { fr: 'Une clé de secours exige qu’un parrain s’authentifie d’abord à ce guichet avec sa propre clé.', en: 'A backup key needs a sponsor to authenticate first at this desk with their own key.' },
        { rule: 'sponsor-required' },
      );
    }
    if (request.document === undefined) {
      throw new DeskError(
        'INVALID_ARGUMENT',
        { fr: 'Indiquez la pièce d’identité vérifiée (type et derniers caractères).', en: 'Give the identity document checked (type and last characters).' },
        { rule: 'document-required' },
      );
    }
    sponsorship = { sponsorId: sponsor.sponsorId, method: sponsor.method, means: sponsor.means, document: { type: request.document.type, lastChars: request.document.lastChars.toUpperCase() } };
  }
  const allKeys = db.prepare("SELECT credential_id AS id, transports_json FROM fido_credentials WHERE identity_id = ? AND status = 'active'").all(request.identityId) as {
    id: string;
    transports_json: string;
  }[];
  const options = await generateRegistrationOptions({
    rpName: settings.rpName,
    rpID: settings.rpId,
    userName: `${person.first_name} ${person.last_name}`,
    userDisplayName: `${person.first_name} ${person.last_name} — ${request.label}`,
    userID: new TextEncoder().encode(request.identityId),
    attestationType: 'direct',
    // The same physical key must not be enrolled twice for the person.
    excludeCredentials: allKeys.map((key) => ({ id: key.id, transports: JSON.parse(key.transports_json) as never })),
    authenticatorSelection: { authenticatorAttachment: 'cross-platform', residentKey: 'preferred', userVerification: 'preferred' },
    timeout: settings.challengeTtlMs,
  });
  storeChallenge<RegistrationContext>(db, clock, settings.challengeTtlMs, {
    challenge: options.challenge,
    connectionId: request.connectionId,
    purpose: 'registration',
    identityId: request.identityId,
    context: { role: request.role, label: request.label, serial: request.serial ?? null, sponsorship },
  });
  return { options, rpId: settings.rpId };
}
