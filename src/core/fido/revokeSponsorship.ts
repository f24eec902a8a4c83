import type Database from 'better-sqlite3';
import type { SponsorshipView } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readFidoKeys } from './readFidoKeys';
import { readSponsorships } from './readSponsorships';

/** Revokes a sponsorship and, in the same transaction, every key it produced (their MIE expire). */
export function revokeSponsorship(
  db: Database.Database,
  clock: Clock,
  { actor, sponsorshipId, reason }: { actor: Actor; sponsorshipId: string; reason: string },
): { sponsorship: SponsorshipView; revokedKeys: number } {
  return db.transaction(() => {
    const [sponsorship] = readSponsorships(db, { sponsorshipId });
    if (sponsorship === undefined) throw new DeskError('NOT_FOUND', { fr: 'Parrainage inconnu.', en: 'Unknown sponsorship.' }, { sponsorshipId });
    if (sponsorship.status === 'revoked') {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Ce parrainage est déjà révoqué.', en: 'This sponsorship is already revoked.' }, { rule: 'already-revoked' });
    }
    const live = readFidoKeys(db, { sponsorshipId }).filter((key) => key.state === 'active');
    for (const key of live) changeMieStatus(db, clock, { actor, mieId: key.mieId!, action: 'expire', reason: `parrainage révoqué : ${reason}` });
    const now = clock.now().toISOString();
    db.prepare("UPDATE fido_sponsorships SET status = 'revoked', revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?").run(now, actor.agentId ?? 'system', reason, sponsorshipId);
    appendJournalEntry(db, clock, {
      actor,
      action: 'fido.sponsorship.revoke',
      subject: { type: 'fido-sponsorship', id: sponsorshipId },
      before: { status: 'active' },
      after: { status: 'revoked', reason, revokedKeys: live.map((key) => key.credentialId) },
    });
    return { sponsorship: readSponsorships(db, { sponsorshipId })[0]!, revokedKeys: live.length };
  }).immediate();
}
