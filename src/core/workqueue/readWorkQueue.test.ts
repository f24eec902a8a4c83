import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { readWorkQueue, rppsConflictsSql } from './readWorkQueue';

const clock = { now: () => new Date('2026-12-04T08:00:00Z') };

function storeWithPairing(hrGivesRppsTo: 'paired' | 'other' | 'nobody') {
  const db = openDatabase({ path: ':memory:' });
  db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
  db.prepare("INSERT INTO import_runs (source_id, started_at, finished_at, status) VALUES ('sirh', '2026-12-01T06:00:00Z', '2026-12-01T06:01:00Z', 'succeeded')").run();
  const person = db.prepare(
    "INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, ?, ?, 'active', '', '2026-12-01', '2026-12-01')",
  );
  person.run('id-anne', 'KERBRAT', 'Anne');
  person.run('id-paul', 'MORVAN', 'Paul');
  const record = db.prepare(
    "INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, hr_id, last_name, first_name, first_run_id, updated_at) VALUES ('sirh', ?, '{}', '{}', ?, ?, ?, ?, 1, '2026-12-01')",
  );
  const anneRecord = record.run('M1', hrGivesRppsTo === 'paired' ? '10100000009' : null, 'M1', 'KERBRAT', 'Anne').lastInsertRowid;
  const paulRecord = record.run('M2', hrGivesRppsTo === 'other' ? '10100000009' : null, 'M2', 'MORVAN', 'Paul').lastInsertRowid;
  const anchor = db.prepare("INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at) VALUES (?, ?, 'hr-reference', 100, 'automatic', '2026-12-01')");
  anchor.run(anneRecord, 'id-anne');
  anchor.run(paulRecord, 'id-paul');
  // The agent paired Anne's CPS at the desk.
  db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES ('id-anne', 'rpps', '10100000009', 'agent-1', '2026-12-02T10:00:00Z')").run();
  return db;
}

describe('readWorkQueue', () => {
  it('lists an RPPS paired at the desk that HR gives to somebody else, on the paired person', () => {
    const db = storeWithPairing('other');
    const queue = readWorkQueue(db, clock);
    expect(queue.counts['rpps-conflict']).toBe(1);
    expect(queue.items.find((item) => item.kind === 'rpps-conflict')).toMatchObject({
      identityId: 'id-anne',
      personName: 'Anne KERBRAT',
      facts: { rpps: '10100000009', hrHolder: 'Paul MORVAN', hrRecord: 'sirh/M2' },
      screen: 'desk',
    });
    db.close();
  });

  it('goes from the desk pairings to the records, never through the whole register', () => {
    const db = storeWithPairing('other');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${rppsConflictsSql}`).all() as { detail: string }[]).map((row) => row.detail);
    expect(plan.some((detail) => /^SCAN r\b/.test(detail))).toBe(false);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX source_records_rpps/));
    db.close();
  });

  it('says nothing when HR agrees with the desk or does not know the number', () => {
    for (const case_ of ['paired', 'nobody'] as const) {
      const db = storeWithPairing(case_);
      expect(readWorkQueue(db, clock).counts['rpps-conflict']).toBe(0);
      db.close();
    }
  });
});
