import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../src/core/import/importSources';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { normalizeForSearch } from '../../src/shared/text/normalizeForSearch';

const outside = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'outside');
const clock = { now: () => new Date('2026-11-29T08:00:00Z') };

interface Truth {
  people: { personId: string; birthName: string; usageName: string | null; firstName: string }[];
  records: { sourceId: string; key: string; personId: string | null }[];
}

/**
 * The samples written by the outside generators (issue 14), from their own sources.json, through
 * the importers: every row a record, no source refused, and full names split into the surname the
 * truth knows.
 */
describe.each(readdirSync(outside).filter((name) => !name.startsWith('.')))('outside sample %s', (sample) => {
  it('imports every row as a record and splits full names into the true surname', async () => {
    const configPath = join(outside, sample, 'sources.json');
    const parsed = parseSourcesConfig({ text: readFileSync(configPath, 'utf8'), configPath });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const db = openDatabase({ path: ':memory:' });
    try {
      const report = await importSources(db, { config: parsed.config, clock });
      expect(report.ok).toBe(true);
      expect(report.errors).toEqual([]);
      for (const result of Object.values(report.sources)) expect(result.imported, result.sourceId).toBe(result.read);

      const truth = JSON.parse(readFileSync(join(outside, sample, 'truth.json'), 'utf8')) as Truth;
      const people = new Map(truth.people.map((person) => [person.personId, person]));
      const personOf = new Map(truth.records.map((record) => [`${record.sourceId}\u0000${record.key}`, record.personId]));
      const split = db.prepare("SELECT source_id AS sourceId, record_key AS key, last_name AS lastName FROM source_records WHERE json_extract(attributes_json, '$.fullName') IS NOT NULL").all() as { sourceId: string; key: string; lastName: string | null }[];
      let right = 0;
      const wrong: string[] = [];
      for (const record of split) {
        const person = people.get(personOf.get(`${record.sourceId}\u0000${record.key}`) ?? '');
        if (person === undefined) continue;
        const surnames = [person.birthName, person.usageName].filter((name): name is string => name !== null).map(normalizeForSearch);
        const read = normalizeForSearch(record.lastName ?? '');
        if (read !== '' && surnames.some((surname) => surname === read || surname.split(' ').includes(read) || read.split(' ').every((word) => surname.includes(word)))) right += 1;
        else wrong.push(`${record.sourceId}:${record.key} ${record.lastName}`);
      }
      expect(split.length).toBeGreaterThan(0);
      expect(right / (right + wrong.length), wrong.slice(0, 5).join('; ')).toBeGreaterThanOrEqual(0.98);
    } finally {
      db.close();
    }
  });
});
