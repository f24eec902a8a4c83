import type Database from 'better-sqlite3';
import { openDatabase } from '../../src/core/store/openDatabase';

/** Fixtures of the identity store's unit tests: rows written directly, as a past run left them. */
export const fixtureNow = '2026-12-03T09:00:00.000Z';
export const fixtureClock = { now: () => new Date(fixtureNow) };
export const fixtureActor = { agentId: 'agent-1', agentName: 'MARTIN Claire', desk: 'bureau-badges' };

export function openFixtureDatabase(): Database.Database {
  const db = openDatabase({ path: ':memory:' });
  db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH'), ('rpps', 'csv', 'register', 'RPPS'), ('ad', 'ldif', 'directory', 'AD')").run();
  return db;
}

export function insertIdentity(
  db: Database.Database,
  row: { id: string; lastName?: string; firstName?: string; status?: string; rpps?: string | null; hrId?: string | null; hrEndDate?: string | null },
): void {
  db.prepare(
    `INSERT INTO identities (id, last_name, first_name, rpps, hr_id, hr_end_date, status, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.lastName ?? 'DURAND', row.firstName ?? 'Inès', row.rpps ?? null, row.hrId ?? null, row.hrEndDate ?? null, row.status ?? 'active', `${(row.lastName ?? 'durand').toLowerCase()} ines`, fixtureNow, fixtureNow);
}

/** A present source record; returns its id. */
export function insertRecord(db: Database.Database, row: { sourceId: string; key: string; attributes?: Record<string, string>; rpps?: string | null; adId?: string | null }): number {
  return Number(
    db
      .prepare(`INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, ad_id, updated_at) VALUES (?, ?, '{}', ?, ?, ?, ?)`)
      .run(row.sourceId, row.key, JSON.stringify(row.attributes ?? {}), row.rpps ?? null, row.adId ?? null, fixtureNow).lastInsertRowid,
  );
}

export function insertLink(db: Database.Database, row: { recordId: number; identityId: string; rule?: string; decision?: string }): void {
  db.prepare(`INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at) VALUES (?, ?, ?, 90, ?, ?)`).run(
    row.recordId,
    row.identityId,
    row.rule ?? 'hr-reference',
    row.decision ?? 'automatic',
    fixtureNow,
  );
}

export function insertMie(db: Database.Database, row: { id: string; identityId: string; kind?: string; identifier?: string; status?: string }): void {
  db.prepare(
    `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'agent-1', ?, 'agent-1', ?)`,
  ).run(row.id, row.kind ?? 'badge', row.identifier ?? `04${row.id}`, row.identityId, row.status ?? 'active', fixtureNow, fixtureNow, fixtureNow);
  db.prepare(`INSERT INTO mie_history (mie_id, identity_id, action, to_status, agent_id, desk, at) VALUES (?, ?, 'mie.bind', ?, 'agent-1', 'bureau-badges', ?)`).run(row.id, row.identityId, row.status ?? 'active', fixtureNow);
}

export function factsOf(db: Database.Database, identityId: string): { fact: string; value: string | null; hr_value_seen: string | null }[] {
  return db.prepare('SELECT fact, value, hr_value_seen FROM identity_desk_facts WHERE identity_id = ? ORDER BY fact').all(identityId) as never;
}
