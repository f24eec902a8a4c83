import { describe, expect, it } from 'vitest';
import { generateSyntheticHospital } from '../../../test/support/generateSyntheticHospital';
import { countNameFrequencies } from './countNameFrequencies';
import { createRegisterEntryFilter } from './createRegisterEntryFilter';
import { reconcileRecords } from './reconcileRecords';

describe('createRegisterEntryFilter', () => {
  it('keeps exactly the register entries the engine links, and reconciling only those gives the same links', { timeout: 60_000 }, () => {
    const hospital = generateSyntheticHospital({ seed: 5, employees: 600, externalRegisterPerEmployee: 5 });
    const today = '2026-11-29';
    // Name frequencies come from the whole register in both runs (reconcileDirectory counts them while it streams it).
    const nameFrequencies = countNameFrequencies(hospital.records.map((record) => [record.attributes.lastName, record.attributes.firstName] as const));
    const all = reconcileRecords({ records: hospital.records, establishmentFiness: hospital.establishmentFiness, today, nameFrequencies });
    const local = hospital.records.filter((record) => record.role !== 'register');
    const claimable = createRegisterEntryFilter({ records: local, establishmentFiness: hospital.establishmentFiness });
    const kept = hospital.records.filter((record) => record.role === 'register' && claimable(record));
    const register = hospital.records.filter((record) => record.role === 'register');
    expect(kept.length).toBeLessThan(register.length / 2);
    // Every register entry the engine linked passes the filter.
    const linked = new Set(hospital.records.flatMap((record, index) => (record.role === 'register' && all.links[index]?.identity != null ? [record.key] : [])));
    expect(kept.filter((record) => linked.has(record.key)).length).toBe(linked.size);

    const screened = reconcileRecords({ records: [...local, ...kept], establishmentFiness: hospital.establishmentFiness, today, nameFrequencies });
    const linksBy = (records: typeof hospital.records, result: typeof all) =>
      new Map(records.flatMap((record, index) => {
        const link = result.links[index];
        return link === undefined || link.identity === null ? [] : [[`${record.sourceId}/${record.key}`, `${records[result.identities[link.identity]!.anchor]!.key} ${link.decision} ${link.score}`]];
      }));
    expect(linksBy([...local, ...kept], screened)).toEqual(linksBy(hospital.records, all));
  });
});
