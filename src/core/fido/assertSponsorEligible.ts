import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import type { FidoSettings } from './FidoSettings';

/**
 * The sponsor rules (parrainage): a different person from the enrollee and from the agent, active,
 * not leaving within `sponsorLeavingDays`, holding an active MIE, and within the quota of
 * sponsorships per period. Returns the sponsor's name.
 */
export function assertSponsorEligible(
  db: Database.Database,
  clock: Clock,
  settings: Pick<FidoSettings, 'sponsorQuota' | 'sponsorLeavingDays'>,
  { actor, sponsorId, enrolleeId }: { actor: Actor; sponsorId: string; enrolleeId: string },
): { sponsorName: string } {
  const refuse = (rule: string, fr: string, en: string, details: Record<string, unknown> = {}) => new DeskError('PRECONDITION_FAILED', { fr, en }, { rule, ...details });
  if (sponsorId === enrolleeId) {
    throw refuse('sponsor-is-enrollee', 'Le parrain doit être une autre personne que celle qui reçoit la clé.', 'The sponsor must be someone other than the person receiving the key.');
  }
  if (sponsorId === actor.agentId) {
    throw refuse('sponsor-is-agent', 'L’agent du guichet ne peut pas être aussi le parrain : il faut un témoin distinct.', 'The desk agent cannot also be the sponsor: a separate witness is needed.');
  }
  const sponsor = db.prepare('SELECT first_name || \' \' || last_name AS name, status, hr_end_date FROM identities WHERE id = ?').get(sponsorId) as
    | { name: string; status: string; hr_end_date: string | null }
    | undefined;
  if (sponsor === undefined) throw new DeskError('NOT_FOUND', { fr: `Aucune personne n’a l’identifiant ${sponsorId}.`, en: `No person has the id ${sponsorId}.` }, { sponsorId });
  const now = clock.now();
  const horizon = isoDay(new Date(now.getTime() + settings.sponsorLeavingDays * 86_400_000));
  if (sponsor.status !== 'active' && sponsor.status !== 'leaving') {
    throw refuse('sponsor-not-active', `${sponsor.name} n’est pas un personnel actif (statut « ${sponsor.status} ») : parrainage impossible.`, `${sponsor.name} is not active staff (status "${sponsor.status}"): cannot sponsor.`);
  }
  if (sponsor.status === 'leaving' || (sponsor.hr_end_date !== null && sponsor.hr_end_date <= horizon)) {
    throw refuse(
      'sponsor-leaving',
      `${sponsor.name} quitte l’établissement (fin RH : ${sponsor.hr_end_date ?? 'annoncée'}, moins de ${settings.sponsorLeavingDays} jours) : un partant ne peut pas parrainer.`,
      `${sponsor.name} is leaving (HR end date: ${sponsor.hr_end_date ?? 'announced'}, within ${settings.sponsorLeavingDays} days): a leaver cannot sponsor.`,
      { hrEndDate: sponsor.hr_end_date },
    );
  }
  const activeMie = db.prepare("SELECT COUNT(*) AS n FROM mie WHERE identity_id = ? AND status = 'active'").get(sponsorId) as { n: number };
  if (activeMie.n === 0) {
    throw refuse('sponsor-without-mie', `${sponsor.name} n’a aucun moyen d’identification actif : parrainage impossible.`, `${sponsor.name} holds no active identification means: cannot sponsor.`);
  }
  const since = new Date(now.getTime() - settings.sponsorQuota.days * 86_400_000).toISOString();
  const recent = db.prepare('SELECT COUNT(*) AS n FROM fido_sponsorships WHERE sponsor_id = ? AND created_at >= ?').get(sponsorId, since) as { n: number };
  if (recent.n >= settings.sponsorQuota.count) {
    throw refuse(
      'sponsor-quota',
      `${sponsor.name} a déjà parrainé ${recent.n} clé(s) en ${settings.sponsorQuota.days} jours (maximum ${settings.sponsorQuota.count}).`,
      `${sponsor.name} already sponsored ${recent.n} key(s) in ${settings.sponsorQuota.days} days (at most ${settings.sponsorQuota.count}).`,
      { count: recent.n, quota: settings.sponsorQuota },
    );
  }
  return { sponsorName: sponsor.name };
}
