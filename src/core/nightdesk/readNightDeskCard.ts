import type Database from 'better-sqlite3';
import type { PresentedCardView } from '../../shared/api/enrollment.contract';
import type { NightDeskCardRead } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import { readPoolCardOrFail } from '../pool/readPoolCards';
import { registerCandidateColumns, toPersonCandidate, toRegisterCandidate, type RegisterCandidateRow } from './searchNightDeskCandidates';

/**
 * What a tapped card means at the night desk: a CPS names the person (from the directory, or from
 * the register extract for an interim professional); a badge must be a card of the temporary pool.
 */
export function readNightDeskCard(db: Database.Database, card: PresentedCardView): NightDeskCardRead {
  if (card.cps === null) return { kind: 'pool-card', card: readPoolCardOrFail(db, card.identifier) };
  const rpps = card.cps.rpps;
  const known = rpps === null ? undefined : (db.prepare('SELECT id FROM identities WHERE rpps = ?').get(rpps) as { id: string } | undefined);
  if (known !== undefined) return { kind: 'person', candidate: toPersonCandidate(db, known.id)! };
  const record =
    rpps === null
      ? undefined
      : (db
          .prepare(`SELECT ${registerCandidateColumns} FROM source_records r JOIN sources s ON s.id = r.source_id WHERE s.role = 'register' AND r.rpps = ? LIMIT 1`)
          .get(rpps) as RegisterCandidateRow | undefined);
  if (record === undefined) {
    throw new DeskError(
      'NOT_FOUND',
      {
        fr: `${card.cps.firstName} ${card.cps.lastName} (RPPS ${rpps ?? 'absent'}) n’est ni dans l’annuaire ni dans l’extrait RPPS : saisissez nom, prénom et date de naissance.`,
        en: `${card.cps.firstName} ${card.cps.lastName} (RPPS ${rpps ?? 'none'}) is neither in the directory nor in the RPPS extract: type name, first name and birth date.`,
      },
      { rule: 'unknown-professional', rpps },
    );
  }
  return { kind: 'person', candidate: toRegisterCandidate(record) };
}
