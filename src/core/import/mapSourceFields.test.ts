import { describe, expect, it } from 'vitest';
import { mapSourceFields, type FieldMapping } from './mapSourceFields';

const mapOne = (row: Record<string, string>, mapping: Omit<FieldMapping, 'key'>) => mapSourceFields((name) => row[name], { key: 'id', ...mapping }, 7);

describe('mapSourceFields', () => {
  it('reads FILETIME logins, treating 0 and the largest value as never, without a warning', () => {
    const fields = { lastLogin: 'lastLogonTimestamp' } as const;
    expect(mapOne({ id: 'a', lastLogonTimestamp: '134380809000000000' }, { fields })).toMatchObject({ ok: true, attributes: { lastLogin: '2026-11-02' }, warnings: [] });
    expect(mapOne({ id: 'a', lastLogonTimestamp: '0' }, { fields })).toMatchObject({ ok: true, attributes: {}, warnings: [] });
    expect(mapOne({ id: 'a', lastLogonTimestamp: '9223372036854775807' }, { fields })).toMatchObject({ ok: true, attributes: {}, warnings: [] });
    expect(mapOne({ id: 'a', lastLogonTimestamp: '2026-11-02T08:15:00Z' }, { fields })).toMatchObject({ ok: true, attributes: { lastLogin: '2026-11-02' } });
  });

  it('reads a compact timestamp (DICOM, LDAP generalized time) as its date, whatever the declared layout', () => {
    const fields = { lastLogin: 'derniere' } as const;
    expect(mapOne({ id: 'a', derniere: '20261130074213' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ attributes: { lastLogin: '2026-11-30' }, warnings: [] });
    expect(mapOne({ id: 'a', derniere: '20261130074213.0Z' }, { fields })).toMatchObject({ attributes: { lastLogin: '2026-11-30' }, warnings: [] });
    expect(mapOne({ id: 'a', derniere: '20261331074213' }, { fields })).toMatchObject({ attributes: {}, warnings: [{ reason: 'invalid-last-login' }] });
  });

  it('tells an unparseable date from an impossible one, accepts one-digit days and months in day-first layouts', () => {
    const fields = { birthDate: 'naissance' } as const;
    expect(mapOne({ id: 'a', naissance: '1/3/1980' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ attributes: { birthDate: '1980-03-01' } });
    expect(mapOne({ id: 'a', naissance: '30/02/1980' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ warnings: [{ line: 7, reason: 'impossible-date', field: 'naissance' }] });
    expect(mapOne({ id: 'a', naissance: '01/01/0001' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ warnings: [{ reason: 'impossible-date' }] });
    expect(mapOne({ id: 'a', naissance: '1980-03-01' }, { fields, dateFormat: 'DD.MM.YYYY' })).toMatchObject({ warnings: [{ reason: 'unparseable-date', detail: 'DD.MM.YYYY' }] });
  });

  it('reads a date written as a date-time by its day, in any layout', () => {
    const fields = { birthDate: 'naissance', endDate: 'sortie' } as const;
    expect(mapOne({ id: 'a', naissance: '1980-03-01 00:00:00', sortie: '2026-06-30T00:00:00.000Z' }, { fields })).toMatchObject({ attributes: { birthDate: '1980-03-01', endDate: '2026-06-30' }, warnings: [] });
    expect(mapOne({ id: 'a', naissance: '01/03/1980 00:00' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ attributes: { birthDate: '1980-03-01' }, warnings: [] });
    // 01/01/1900, HR software's "unknown", is no birth date (elsewhere it is a date like any other).
    expect(mapOne({ id: 'a', naissance: '01/01/1900', sortie: '01/01/1900' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ attributes: { endDate: '1900-01-01' }, warnings: [{ reason: 'placeholder-date', field: 'naissance', value: '01/01/1900' }] });
    expect(mapOne({ id: 'a', naissance: '02/01/1900' }, { fields, dateFormat: 'DD/MM/YYYY' })).toMatchObject({ attributes: { birthDate: '1900-01-02' }, warnings: [] });
    // A time alone, or a date the layout does not read, is still no date.
    expect(mapOne({ id: 'a', naissance: '00:00:00' }, { fields })).toMatchObject({ attributes: {}, warnings: [{ reason: 'unparseable-date' }] });
    expect(mapOne({ id: 'a', naissance: '01/03/1980 00:00' }, { fields })).toMatchObject({ attributes: {}, warnings: [{ reason: 'unparseable-date' }] });
  });

  it('maps coded values exactly then ignoring case; sex and enabled fall back to the built-in codes', () => {
    const fields = { sex: { column: 'civ', map: { 'M.': 'M', Mme: 'F' } }, enabled: { column: 'actif', map: { A: 'oui', I: 'non' } } } as const;
    expect(mapOne({ id: 'a', civ: 'MME', actif: 'a' }, { fields })).toMatchObject({ attributes: { sex: 'F', enabled: true }, warnings: [] });
    expect(mapOne({ id: 'a', civ: '2', actif: 'I' }, { fields })).toMatchObject({ attributes: { sex: 'F', enabled: false }, warnings: [] });
    expect(mapOne({ id: 'a', civ: 'X', actif: 'Z' }, { fields })).toMatchObject({ attributes: {}, warnings: [{ reason: 'unknown-code', field: 'civ', value: 'X' }, { reason: 'unknown-code', field: 'actif', value: 'Z' }] });
  });

  it('reads the usual spellings of sex and civility without a map', () => {
    const fields = { sex: 'civ' } as const;
    for (const [value, sex] of [['Mme.', 'F'], ['Mademoiselle', 'F'], ['Mlle.', 'F'], ['Fém', 'F'], ['Mr.', 'M'], ['Masc', 'M'], ['Homme', 'M']] as const) {
      expect(mapOne({ id: 'a', civ: value }, { fields })).toMatchObject({ attributes: { sex }, warnings: [] });
    }
    expect(mapOne({ id: 'a', civ: 'X' }, { fields })).toMatchObject({ attributes: {}, warnings: [{ reason: 'unknown-code' }] });
  });

  it('rejects a row only for its key: missing, or holding undecodable bytes', () => {
    expect(mapOne({ id: ' ' }, { fields: { hrId: 'id' } })).toEqual({ ok: false, rejection: { line: 7, reason: 'missing-key', field: 'id' } });
    expect(mapOne({ id: 'M\uFFFD1' }, { fields: { hrId: 'id' } })).toEqual({ ok: false, rejection: { line: 7, reason: 'undecodable-bytes', field: 'id' } });
  });

  it('keeps the sex a column gives over a civility found in the full name', () => {
    const result = mapOne({ id: 'a', nom: 'Mme DUPONT Camille', sexe: 'M' }, { fields: { fullName: 'nom', sex: 'sexe' } });
    expect(result).toMatchObject({ attributes: { lastName: 'DUPONT', firstName: 'Camille', sex: 'M', fullName: 'Mme DUPONT Camille' } });
  });
});
