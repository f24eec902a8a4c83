import type Database from 'better-sqlite3';
import { dayBefore } from './dayBefore';
import { readDepartures } from './readDepartures';

export interface LeaverInvariantViolation {
  identityId: string;
  name: string;
  /** The HR end date passed, with no exception. */
  hrEndDate: string;
  /** Their MIE still active. */
  activeMieIds: string[];
}

export interface LeaverInvariantResult {
  /** No departed person holds an active MIE (people in a mass-leaver run held for a decision excepted). */
  ok: boolean;
  violations: LeaverInvariantViolation[];
  /** Departed people with active means in a mass-leaver run waiting for an agent's decision. */
  held: number;
}

/**
 * The leaver invariant, for `audit verify` and the tests: nobody whose HR end date has passed
 * (directory or HR record, no exception confirmed by two agents) still holds an active MIE.
 * Reads only (works on a database opened read-only). A run held for confirmation (mass leavers)
 * is reported apart: its people wait for an agent's decision, which the work queue shows.
 */
export function checkLeaverInvariant(db: Database.Database, { now }: { now: Date }): LeaverInvariantResult {
  const departed = readDepartures(db, { onOrBefore: dayBefore(now), withActiveMie: true });
  const pending = new Set(
    (db.prepare("SELECT identities_json FROM leaver_holds WHERE status = 'held'").all() as { identities_json: string }[]).flatMap(({ identities_json }) =>
      (JSON.parse(identities_json) as { identityId: string; hrEndDate: string }[]).map((entry) => `${entry.identityId}/${entry.hrEndDate}`),
    ),
  );
  const activeMies = db.prepare("SELECT id FROM mie WHERE identity_id = ? AND status = 'active' ORDER BY id");
  const violations: LeaverInvariantViolation[] = [];
  let held = 0;
  for (const person of departed) {
    if (pending.has(`${person.identityId}/${person.endDate}`)) {
      held += 1;
      continue;
    }
    violations.push({ identityId: person.identityId, name: person.name, hrEndDate: person.endDate, activeMieIds: (activeMies.all(person.identityId) as { id: string }[]).map((row) => row.id) });
  }
  return { ok: violations.length === 0, violations, held };
}
