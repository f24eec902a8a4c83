import { describe, expect, it } from 'vitest';
import { generateSyntheticHospital } from '../../../test/support/generateSyntheticHospital';
import { defaultMatchingConfig } from '../../shared/matching/matchingConfig';
import { createRegisterEntryFilter } from './createRegisterEntryFilter';
import { createRegisterPrescreen } from './createRegisterPrescreen';

describe('createRegisterPrescreen', () => {
  const hospital = generateSyntheticHospital({ seed: 11, employees: 800, externalRegisterPerEmployee: 8 });
  const local = hospital.records.filter((record) => record.role !== 'register');
  const register = hospital.records.filter((record) => record.role === 'register');
  const rowOf = (record: (typeof register)[number]) => ({
    rpps: record.attributes.rpps ?? null,
    lastName: record.attributes.lastName ?? null,
    firstName: record.attributes.firstName ?? null,
    atEstablishment: (record.finess ?? []).some((finess) => hospital.establishmentFiness.includes(finess)),
  });

  it('lets through every register entry an identity may claim, and few others', () => {
    const prescreen = createRegisterPrescreen({ records: local, establishmentFiness: hospital.establishmentFiness });
    expect(prescreen).not.toBeNull();
    const claimable = createRegisterEntryFilter({ records: local, establishmentFiness: hospital.establishmentFiness });
    const claimed = register.filter((record) => claimable(record));
    expect(claimed.length).toBeGreaterThan(100);
    expect(claimed.filter((record) => !prescreen!(rowOf(record)))).toEqual([]);
    const passed = register.filter((record) => prescreen!(rowOf(record)));
    expect(passed.length).toBeLessThan(register.length / 2);
  });

  it('gives up (every row parsed) when a rule lets names match loosely', () => {
    const loose = { ...defaultMatchingConfig, reviewRules: [...defaultMatchingConfig.reviewRules, { name: 'same-surname', exact: ['lastName' as const] }] };
    expect(createRegisterPrescreen({ records: local, config: loose, establishmentFiness: hospital.establishmentFiness })).toBeNull();
  });
});
