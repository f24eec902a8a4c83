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

  it('returns the linked source records of a person', () => {
    const [hit] = searchPeople(db, { query: withRpps.rpps! });
    const person = getPerson(db, hit!.identityId);
    expect(person.records.map((r) => r.sourceId)).toContain('rpps');
    expect(person.records.map((r) => r.sourceId)).toContain('sirh');
    expect(() => getPerson(db, 'nobody')).toThrow(/No person/);
  });
});
