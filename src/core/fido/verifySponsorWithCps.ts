import { DeskError } from '../../shared/api/errors';
import type { CardAccess } from '../agents/CardAccess';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { assertSponsorEligible } from './assertSponsorEligible';
import type { FidoDependencies, VerifiedSponsor } from './FidoDependencies';

/**
 * The sponsor authenticates with their own CPS and PIN instead of a FIDO key: the card in `reader`
 * must be the sponsor's (their RPPS, or a CPS bound to them as an active MIE) and the card itself
 * checks the PIN (a refusal is journaled; the PIN never is).
 */
export async function verifySponsorWithCps(
  deps: FidoDependencies & { cards: CardAccess },
  { actor, sponsorId, enrolleeId, reader, pin }: { actor: Actor; sponsorId: string; enrolleeId: string; reader: string; pin: string },
): Promise<VerifiedSponsor> {
  const { db, clock, settings, cards } = deps;
  const { sponsorName } = assertSponsorEligible(db, clock, settings, { actor, sponsorId, enrolleeId });
  const cps = cards.readCard(reader)?.cps ?? null;
  if (cps === null) {
    throw new DeskError('PRECONDITION_FAILED', { fr: `Le parrain doit insérer sa carte CPS dans le lecteur « ${reader} ».`, en: `The sponsor must insert their CPS in the reader "${reader}".` }, { rule: 'cps-expected', reader });
  }
  const owned = db
    .prepare(
      `SELECT 1 FROM identities WHERE id = @sponsorId AND @rpps IS NOT NULL AND rpps = @rpps
       UNION ALL SELECT 1 FROM mie WHERE identity_id = @sponsorId AND kind = 'cps' AND identifier = @serial AND status = 'active'`,
    )
    .get({ sponsorId, rpps: cps.rpps, serial: cps.serial });
  if (owned === undefined) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: `La carte présentée (${cps.firstName} ${cps.lastName}) n’est pas celle de ${sponsorName}.`, en: `The card presented (${cps.firstName} ${cps.lastName}) is not ${sponsorName}'s.` },
      { rule: 'sponsor-card-mismatch' },
    );
  }
  const check = await cards.verifyPin(reader, pin);
  if (!check.ok) {
    appendJournalEntry(db, clock, { actor, action: 'fido.sponsor-refused', subject: { type: 'identity', id: sponsorId }, after: { method: 'cps', reason: check.reason } });
    throw new DeskError(
      'UNAUTHENTICATED',
      check.reason === 'PIN_BLOCKED'
        ? { fr: 'Code de la carte CPS du parrain bloqué.', en: 'The sponsor’s CPS PIN is blocked.' }
        : { fr: `Code erroné : ${check.triesLeft} essai(s) restant(s).`, en: `Wrong PIN: ${check.triesLeft} tr${check.triesLeft === 1 ? 'y' : 'ies'} left.` },
      { rule: 'sponsor-pin', reason: check.reason },
    );
  }
  appendJournalEntry(db, clock, { actor, action: 'fido.sponsor-authenticated', subject: { type: 'identity', id: sponsorId }, after: { sponsorId, enrolleeId, method: 'cps', means: cps.serial } });
  return { sponsorId, sponsorName, enrolleeId, method: 'cps', means: cps.serial, agentId: actor.agentId, verifiedAt: clock.now().toISOString() };
}
