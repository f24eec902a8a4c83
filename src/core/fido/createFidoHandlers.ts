import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { CardAccess } from '../agents/CardAccess';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import type { FidoCeremonyRequest, FidoCeremonyRunner } from './FidoCeremonyRunner';
import type { FidoDependencies, VerifiedSponsor } from './FidoDependencies';
import type { FidoSettings } from './FidoSettings';
import { finishKeyRegistration } from './finishKeyRegistration';
import { finishKeyTest } from './finishKeyTest';
import { finishKeyRecheck } from './finishKeyRecheck';
import { finishSponsorCheck } from './finishSponsorCheck';
import { importFidoMetadata } from './importFidoMetadata';
import { readFidoKeys } from './readFidoKeys';
import { readFidoMetadataStatus } from './readFidoMetadataStatus';
import { readSponsorships } from './readSponsorships';
import { revokeFidoKey } from './revokeFidoKey';
import { revokeSponsorship } from './revokeSponsorship';
import { startKeyRegistration } from './startKeyRegistration';
import { startKeyRecheck } from './startKeyRecheck';
import { startSponsorCheck } from './startSponsorCheck';
import { verifySponsorWithCps } from './verifySponsorWithCps';

export interface FidoHandlerOptions {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  cards: CardAccess;
  settings: FidoSettings;
  /** Set by the Electron app when the ceremony must run on the RP's origin (see README). */
  ceremonyRunner?: FidoCeremonyRunner | undefined;
}

type FidoMethod =
  | 'listFidoKeys'
  | 'startSponsorCheck'
  | 'finishSponsorCheck'
  | 'verifySponsorWithCps'
  | 'startFidoRegistration'
  | 'finishFidoRegistration'
  | 'finishFidoKeyTest'
  | 'startFidoKeyRecheck'
  | 'finishFidoKeyRecheck'
  | 'revokeFidoKey'
  | 'revokeSponsorship'
  | 'runFidoCeremony'
  | 'getFidoMetadataStatus'
  | 'importFidoMetadata';

/** FIDO2 keys and sponsorship at the desk; every act checks the agent's session and role. */
export function createFidoHandlers({ db, clock, events, cards, settings, ceremonyRunner }: FidoHandlerOptions): Pick<DeskHandlers, FidoMethod> {
  const deps: FidoDependencies = { db, clock, settings };
  const ceremony = ceremonyRunner === undefined ? 'renderer' : 'rp-origin-window';
  // A sponsor verified in this desk session vouches for one key, for a short while.
  const verifiedSponsors = new Map<string, VerifiedSponsor>();
  const sponsorOf = (connectionId: string): VerifiedSponsor | null => {
    const sponsor = verifiedSponsors.get(connectionId);
    if (sponsor === undefined || clock.now().getTime() - Date.parse(sponsor.verifiedAt) > settings.challengeTtlMs) return null;
    return sponsor;
  };
  const remember = (connectionId: string, sponsor: VerifiedSponsor) => {
    verifiedSponsors.set(connectionId, sponsor);
    return { sponsorId: sponsor.sponsorId, sponsorName: sponsor.sponsorName, enrolleeId: sponsor.enrolleeId, method: sponsor.method, verifiedAt: sponsor.verifiedAt };
  };
  const changed = (identityId: string) => events.emit('fidoKeysChanged', { identityId });
  // The ceremonies this desk issued, by challenge: the RP-origin window runs these options and no
  // others (the renderer names a ceremony, it cannot hand the window options of its own).
  const issued = new Map<string, { connectionId: string; request: FidoCeremonyRequest; issuedAt: number }>();
  const issue = <Started>(connectionId: string, request: FidoCeremonyRequest, started: Started): Started => {
    const now = clock.now().getTime();
    for (const [challenge, entry] of issued) if (now - entry.issuedAt > settings.challengeTtlMs) issued.delete(challenge);
    issued.set(request.options.challenge, { connectionId, request, issuedAt: now });
    return started;
  };

  return {
    listFidoKeys: ({ identityId }) => {
      return { keys: readFidoKeys(db, { identityId }), sponsorships: readSponsorships(db, { identityId }) };
    },
    startFidoKeyRecheck: async ({ credentialId }, { connectionId }) => {
      const options = await startKeyRecheck(deps, { connectionId, credentialId });
      return issue(connectionId, { kind: 'authenticate', options }, options);
    },
    finishFidoKeyRecheck: async ({ response }, { actor, connectionId }) => {
      const key = await finishKeyRecheck(deps, { actor, connectionId, response });
      changed(key.identityId);
      return key;
    },
    startSponsorCheck: async ({ enrolleeId, sponsorId }, { actor, connectionId }) => {
      verifiedSponsors.delete(connectionId);
      const started = await startSponsorCheck(deps, { actor, connectionId, sponsorId, enrolleeId });
      return issue(connectionId, { kind: 'authenticate', options: started.options }, started);
    },
    finishSponsorCheck: async ({ response }, { actor, connectionId }) => {
      return remember(connectionId, await finishSponsorCheck(deps, { actor, connectionId, response }));
    },
    verifySponsorWithCps: async ({ enrolleeId, sponsorId, reader, pin }, { actor, connectionId }) => {
      verifiedSponsors.delete(connectionId);
      return remember(connectionId, await verifySponsorWithCps({ ...deps, cards }, { actor, sponsorId, enrolleeId, reader, pin }));
    },
    startFidoRegistration: async ({ identityId, role, label, serial, document }, { actor, connectionId }) => {
      const started = await startKeyRegistration(deps, { actor, connectionId, identityId, role, label, serial, document, sponsor: sponsorOf(connectionId) });
      return issue(connectionId, { kind: 'register', options: started.options }, started);
    },
    finishFidoRegistration: async ({ response }, { actor, connectionId }) => {
      const checked = await finishKeyRegistration(deps, { actor, connectionId, response });
      changed(checked.key.identityId);
      return issue(connectionId, { kind: 'authenticate', options: checked.testOptions }, checked);
    },
    finishFidoKeyTest: async ({ response }, { actor, connectionId }) => {
      const key = await finishKeyTest(deps, { actor, connectionId, response });
      if (key.role === 'backup') verifiedSponsors.delete(connectionId);
      changed(key.identityId);
      return key;
    },
    revokeFidoKey: ({ credentialId, action, reason }, { actor }) => {
      const key = revokeFidoKey(db, clock, { actor, credentialId, action, reason });
      changed(key.identityId);
      return key;
    },
    revokeSponsorship: ({ sponsorshipId, reason }, { actor }) => {
      const result = revokeSponsorship(db, clock, { actor, sponsorshipId, reason });
      changed(result.sponsorship.enrolleeId);
      return result;
    },
    runFidoCeremony: ({ challenge }, { connectionId }) => {
      if (ceremonyRunner === undefined) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          { fr: 'Ce guichet fait la cérémonie FIDO dans sa propre page.', en: 'This desk runs the FIDO ceremony in its own page.' },
          { rule: 'no-ceremony-runner' },
        );
      }
      const entry = issued.get(challenge);
      if (entry === undefined || entry.connectionId !== connectionId || clock.now().getTime() - entry.issuedAt > settings.challengeTtlMs) {
        throw new DeskError(
          'NOT_FOUND',
          { fr: 'Aucune opération de clé en cours à ce guichet sous cet identifiant : recommencez.', en: 'No key operation in progress at this desk under this id: start again.' },
          { rule: 'unknown-ceremony' },
        );
      }
      issued.delete(challenge);
      return ceremonyRunner.run(entry.request);
    },
    getFidoMetadataStatus: () => {
      return readFidoMetadataStatus(db, clock, settings, ceremony);
    },
    importFidoMetadata: async ({ kind, content }, { actor }) => {
      if (actor.agentId === null) throw new DeskError('UNAUTHENTICATED');
      await importFidoMetadata(db, clock, { actor, kind, content, trustAnchors: settings.mdsTrustAnchors });
      return readFidoMetadataStatus(db, clock, settings, ceremony);
    },
  };
}
