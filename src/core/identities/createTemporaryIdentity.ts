import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { buildSearchText, dateSearchForms } from '../directory/buildSearchText';
import type { Actor } from '../journal/journalTypes';
import { deciderOf } from './deciderOf';

export interface TemporaryPerson {
  lastName: string;
  firstName: string;
  birthDate: string | null;
  rpps: string | null;
  profession: string | null;
}

/**
 * A night-desk `temporary` identity (no HR record yet). Its RPPS, when the register gave one, is a
 * desk fact: reconciliation does not hand it to anyone else until the badge office regularizes.
 */
export function createTemporaryIdentity(db: Database.Database, clock: Clock, { actor, person }: { actor: Actor; person: TemporaryPerson }): string {
  const id = randomUUID();
  const now = clock.now().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, birth_date, rpps, profession, status, search_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'temporary', ?, ?, ?)`,
    ).run(id, person.lastName, person.firstName, person.birthDate, person.rpps, person.profession, buildSearchText([person.lastName, person.firstName, person.rpps, ...dateSearchForms(person.birthDate)]), now, now);
    if (person.rpps !== null) {
      db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES (?, 'rpps', ?, ?, ?)").run(id, person.rpps, deciderOf(actor), now);
    }
  }).immediate();
  return id;
}
