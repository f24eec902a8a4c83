import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { temporaryHolderSchema } from '../../shared/api/nightdesk.contract';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { readRegisterActivities } from '../import/readRegisterActivities';
import { createTemporaryIdentity } from '../identities/createTemporaryIdentity';
import { linkRecordToIdentity } from '../identities/linkRecordToIdentity';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { formatDayInWords } from '../../shared/text/formatDates';

export type TemporaryHolder = z.output<typeof temporaryHolderSchema>;

/** "MARIE-CLAIRE" → "Marie-Claire": the register spells first names in capitals. */
function capitalizeFirstName(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
}

/**
 * The identity that receives the card: an existing person, the person already holding the
 * register's RPPS, or a new `temporary` identity (RPPS and profession from the register extract,
 * or typed name, first name and birth date). A typed person already in the directory is refused
 * with their name, so the desk picks them instead of creating a duplicate.
 */
export function resolveTemporaryHolder(db: Database.Database, clock: Clock, actor: Actor, holder: TemporaryHolder): string {
  if (holder.source === 'person') return holder.identityId;
  const create = (person: { lastName: string; firstName: string; birthDate: string | null; rpps: string | null; profession: string | null }): string => {
    const id = createTemporaryIdentity(db, clock, { actor, person });
    appendJournalEntry(db, clock, { actor, action: 'identity.create-temporary', subject: { type: 'identity', id }, after: person });
    return id;
  };

  if (holder.source === 'register') {
    const known = db.prepare('SELECT id FROM identities WHERE rpps = ?').get(holder.rpps) as { id: string } | undefined;
    if (known !== undefined) return known.id;
    const record = db
      .prepare("SELECT r.id, r.attributes_json, r.raw_json FROM source_records r JOIN sources s ON s.id = r.source_id WHERE s.role = 'register' AND r.rpps = ? AND r.present = 1 LIMIT 1")
      .get(holder.rpps) as { id: number; attributes_json: string; raw_json: string } | undefined;
    if (record === undefined) {
      throw new DeskError('NOT_FOUND', { fr: `Le RPPS ${holder.rpps} n’est pas dans l’extrait du répertoire.`, en: `RPPS ${holder.rpps} is not in the register extract.` }, { rpps: holder.rpps });
    }
    const attributes = JSON.parse(record.attributes_json) as CanonicalAttributes;
    const id = create({
      lastName: attributes.lastName ?? '',
      firstName: capitalizeFirstName(attributes.firstName ?? ''),
      birthDate: null,
      rpps: holder.rpps,
      profession: readRegisterActivities(record.raw_json)[0]?.professionLabel || attributes.profession || null,
    });
    linkRecordToIdentity(db, clock, { actor, recordId: record.id, identityId: id, rule: 'night-desk-temporary', evidence: [{ field: 'rpps', outcome: 'identical' }] });
    return id;
  }

  const lastName = holder.lastName.toUpperCase();
  const twin = db
    .prepare('SELECT id, first_name, last_name FROM identities WHERE upper(last_name) = ? AND lower(first_name) = lower(?) AND birth_date = ?')
    .get(lastName, holder.firstName, holder.birthDate) as { id: string; first_name: string; last_name: string } | undefined;
  if (twin !== undefined) {
    throw new DeskError(
      'CONFLICT',
      { fr: `${twin.first_name} ${twin.last_name}, né(e) le ${formatDayInWords(holder.birthDate, 'fr')}, est déjà dans l’annuaire : choisissez cette personne.`, en: `${twin.first_name} ${twin.last_name}, born on ${formatDayInWords(holder.birthDate, 'en')}, is already in the directory: pick that person.` },
      { rule: 'already-in-directory', identityId: twin.id },
    );
  }
  return create({ lastName, firstName: holder.firstName, birthDate: holder.birthDate, rpps: null, profession: null });
}
