import { describe, expect, it } from 'vitest';
import { labelService } from '../../shared/directory/serviceLabels';
import { isValidRpps } from '../../shared/identifiers/rpps';
import { generateDemoHospital } from './generateDemoHospital';

describe('generateDemoHospital', () => {
  const hospital = generateDemoHospital();

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDemoHospital()).toEqual(hospital);
    expect(generateDemoHospital({ seed: 1 }).people[0]).not.toEqual(hospital.people[0]);
  });

  it('has a few hundred people with unique matricules, logins and valid RPPS numbers', () => {
    expect(hospital.people.length).toBeGreaterThanOrEqual(300);
    expect(new Set(hospital.people.map((p) => p.hrId)).size).toBe(hospital.people.length);
    const rpps = hospital.records.filter((r) => r.sourceId === 'rpps').map((r) => r.recordKey);
    expect(new Set(rpps).size).toBe(rpps.length);
    expect(rpps.every(isValidRpps)).toBe(true);
    const logins = hospital.records.filter((r) => r.sourceId === 'ad').map((r) => r.recordKey);
    expect(new Set(logins).size).toBe(logins.length);
  });

  it('contains what real sources contain: orphans, homonyms, accents, married names', () => {
    const hrIds = new Set(hospital.people.map((p) => p.hrId));
    const ad = hospital.records.filter((r) => r.sourceId === 'ad');
    const adIdsOfStaff = new Set(hospital.people.map((p) => p.adId));
    const orphanShare = ad.filter((r) => !adIdsOfStaff.has(r.recordKey)).length / ad.length;
    expect(orphanShare).toBeGreaterThan(0.12);
    expect(orphanShare).toBeLessThan(0.25);
    expect(ad.every((r) => r.attributes.hrId === undefined || hrIds.has(r.attributes.hrId))).toBe(true);
    const register = hospital.records.filter((r) => r.sourceId === 'rpps');
    const names = register.map((r) => `${r.attributes.lastName}|${r.attributes.firstName}`);
    expect(new Set(names).size).toBeLessThan(names.length);
    expect(hospital.people.some((p) => /[éèëçœ]/i.test(p.lastName + p.firstName))).toBe(true);
    expect(hospital.people.some((p) => p.birthName !== p.lastName)).toBe(true);
  });

  it('carries only service codes the desk has a label for (no raw code reaches a screen)', () => {
    const codes = new Set(hospital.records.flatMap((record) => (typeof record.attributes.service === 'string' ? [record.attributes.service] : [])));
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(labelService(code, 'fr'), code).not.toMatch(/code/);
  });

  it('names agents for every desk role', () => {
    expect(new Set(hospital.agents.map((a) => a.role))).toEqual(
      new Set(['badge-office', 'night-desk', 'auditor', 'admin']),
    );
  });
});
