import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { openDatabase } from '../store/openDatabase';
import { getPerson } from './getPerson';
import { searchPeople } from './searchPeople';

const hospital = generateDemoHospital();
let db: Database.Database;
beforeAll(() => {
  db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, hospital, { now: () => new Date('2026-11-29T08:00:00Z') });
});
afterAll(() => db.close());

const accented = hospital.people.find((p) => /[éèêëïçœ]/i.test(p.lastName) && p.lastName === p.birthName)!;
const withRpps = hospital.people.find((p) => p.rpps !== null)!;

describe('searchPeople', () => {
  it('finds by last name without accents and in any case', () => {
    const folded = accented.lastName.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/gi, 'oe').toLowerCase();
    const results = searchPeople(db, { query: `${folded} ${accented.firstName.toUpperCase()}` });
    expect(results.map((r) => r.hrId)).toContain(accented.hrId);
    expect(results.every((r) => r.firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').includes(
      accented.firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/[- ]/)[0]!,
    ))).toBe(true);
  });

  it('finds by RPPS and by matricule, exact identifier first', () => {
    expect(searchPeople(db, { query: withRpps.rpps! })[0]?.hrId).toBe(withRpps.hrId);
    expect(searchPeople(db, { query: accented.hrId })[0]?.hrId).toBe(accented.hrId);
  });

  it('finds a married woman by her birth name', () => {
    const married = hospital.people.find((p) => p.birthName !== p.lastName)!;
    const hits = searchPeople(db, { query: `${married.birthName} ${married.firstName}` });
    expect(hits.map((r) => r.hrId)).toContain(married.hrId);
  });

  it('treats LIKE wildcards as text and respects the limit', () => {
    expect(searchPeople(db, { query: '%' })).toEqual([]);
    expect(searchPeople(db, { query: 'a', limit: 3 })).toHaveLength(3);
  });

  it('narrows by status, service, profession and the means held, each checked against the store', () => {
    const query = 'a';
    const broad = (filters: Parameters<typeof searchPeople>[1]['filters']) => searchPeople(db, { query, limit: 500, filters });
    const statusOf = db.prepare('SELECT status, service, profession FROM identities WHERE id = ?');
    const all = broad(undefined);
    expect(all.length).toBeGreaterThan(20);
    const someone = statusOf.get(all.find((person) => (statusOf.get(person.identityId) as { service: string | null }).service !== null)!.identityId) as { status: string; service: string; profession: string | null };
    for (const person of broad({ status: 'active' })) expect((statusOf.get(person.identityId) as { status: string }).status).toBe('active');
    const inService = broad({ service: someone.service.toLowerCase() });
    expect(inService.length).toBeGreaterThan(0);
    for (const person of inService) expect((statusOf.get(person.identityId) as { service: string }).service).toBe(someone.service);
    db.prepare("INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES ('m-filter', 'fido', 'cred-filter', ?, 'suspended', '2026-01-01', 't', '2026-01-01', 't', '2026-01-01')").run(all[0]!.identityId);
    expect(broad({ meansKind: 'fido', meansStatus: 'suspended' }).map((person) => person.identityId)).toEqual([all[0]!.identityId]);
    db.prepare("INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES ('m-active', 'badge', 'B-filter', ?, 'active', '2026-01-01', 't', '2026-01-01', 't', '2026-01-01')").run(all[1]!.identityId);
    const withoutMeans = broad({ meansKind: 'none' });
    expect(withoutMeans.map((person) => person.identityId)).not.toContain(all[1]!.identityId);
    const holdsActive = db.prepare("SELECT 1 FROM mie WHERE identity_id = ? AND status = 'active'");
    for (const person of withoutMeans) expect(holdsActive.get(person.identityId)).toBeUndefined();
    expect(withoutMeans.length).toBeLessThan(all.length);
  });

  it('returns the linked source records of a person', () => {
    const [hit] = searchPeople(db, { query: withRpps.rpps! });
    const person = getPerson(db, hit!.identityId);
    expect(person.records.map((r) => r.sourceId)).toContain('rpps');
    expect(person.records.map((r) => r.sourceId)).toContain('sirh');
    expect(() => getPerson(db, 'nobody')).toThrow(/No person/);
  });
});
