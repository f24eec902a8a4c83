import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyntheticHospital } from '../../../test/support/generateSyntheticHospital';
import { writeReconcileFixtures } from '../../../test/support/writeReconcileFixtures';
import { importSources } from '../import/importSources';
import { parseSourcesConfig } from '../sources/parseSourcesConfig';
import { openDatabase } from '../store/openDatabase';
import { defaultMatchingConfig } from '../../shared/matching/matchingConfig';
import { readRegisterFiness } from '../import/readRegisterFiness';
import { createRegisterScreen, readRegisterBounds, registerSliceSql } from './createRegisterScreen';
import { screenRegister } from './screenRegister';
import { readLocalRecords } from './readLocalRecords';

const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
const dir = mkdtempSync(join(tmpdir(), 'guichet-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeHospital() {
  const hospital = generateSyntheticHospital({ seed: 11, employees: 300, externalRegisterPerEmployee: 8 });
  const configPath = writeReconcileFixtures(hospital, join(dir, 'files'));
  const parsed = parseSourcesConfig({ configPath, text: (await import('node:fs')).readFileSync(configPath, 'utf8') });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // A key: the helper thread must open the encrypted store with it.
  const db = openDatabase({ path: join(dir, 'guichet.db'), key: Buffer.alloc(32, 7) });
  await importSources(db, { config: parsed.config, clock });
  return { db, establishmentFiness: hospital.establishmentFiness };
}

describe('screenRegister', () => {
  it('gives with a helper thread exactly what one thread gives, in row order', { timeout: 60_000 }, async () => {
    const { db, establishmentFiness } = await storeHospital();
    try {
      const { records } = readLocalRecords(db);
      const input = { config: defaultMatchingConfig, establishmentFiness };
      const alone = screenRegister(db, records, input, { threadFrom: Number.POSITIVE_INFINITY });
      const helped = screenRegister(db, records, input, { threadFrom: 0, awaitHelper: true });
      expect(alone.threads).toBe(1);
      expect(helped.threads).toBe(2);
      expect(alone.rows).toBeGreaterThan(1000);
      expect(alone.ids.length).toBeGreaterThan(100);
      expect(helped.ids).toEqual(alone.ids);
      expect(helped.entries).toEqual(alone.entries);
      expect(helped.rows).toBe(alone.rows);
      expect(new Map([...helped.lastNames].sort())).toEqual(new Map([...alone.lastNames].sort()));
      expect(new Map([...helped.firstNames].sort())).toEqual(new Map([...alone.firstNames].sort()));

      // A helper that fails (here: a script that throws) is given up and its half screened here.
      const broken = join(dir, 'broken.mjs');
      writeFileSync(broken, "throw new Error('no thread today');\n");
      const fallback = screenRegister(db, records, input, { threadFrom: 0, entry: new URL(`file://${broken}`), silenceMs: 2_000, awaitHelper: true });
      expect(fallback.threads).toBe(1);
      expect(fallback.ids).toEqual(alone.ids);
    } finally {
      db.close();
    }
  });

  it('reads the register in slices of rows: any width gives the same entries and name counts, odd names included', { timeout: 60_000 }, async () => {
    const { db, establishmentFiness } = await storeHospital();
    try {
      // Names JSON must escape, and a control character, survive the slices.
      const odd = db.prepare(
        `INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, last_name, first_name, finess, updated_at)
         SELECT source_id, '10101010106', raw_json, attributes_json, '10101010106', ?, ?, finess, updated_at FROM source_records WHERE source_id = (SELECT id FROM sources WHERE role = 'register') LIMIT 1`,
      );
      odd.run('O"NEIL\\\u001f', 'ÉLO\u00efSE');
      const { records } = readLocalRecords(db);
      const input = { config: defaultMatchingConfig, establishmentFiness };
      const whole = createRegisterScreen(db, records, input)(null);
      const sliced = createRegisterScreen(db, records, input, { sliceWidth: 7 });
      expect(whole.lastNames.get('O"NEIL\\\u001f')).toBe(1);
      expect(whole.firstNames.get('ÉLO\u00efSE')).toBe(1);
      for (const screened of [sliced(null), sliced({ from: 0, to: Number.MAX_SAFE_INTEGER })]) {
        expect(screened.ids).toEqual(whole.ids);
        expect(screened.entries).toEqual(whole.entries);
        expect(screened.rows).toBe(whole.rows);
        expect(screened.lastNames).toEqual(whole.lastNames);
        expect(screened.firstNames).toEqual(whole.firstNames);
      }
      expect(whole.ids.length).toBeGreaterThan(100);
      // Each entry's FINESS numbers, kept apart at import, are those of its extract rows.
      const rawOf = db.prepare('SELECT raw_json FROM source_records WHERE id = ?').pluck();
      whole.ids.forEach((id, index) => expect(whole.entries[index]!.finess).toEqual(readRegisterFiness(rawOf.get(id) as string)));
      expect(whole.entries.some((entry) => (entry.finess ?? []).some((finess) => establishmentFiness.includes(finess)))).toBe(true);
      // The slices come through the index of present register rows, never from the table.
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${registerSliceSql(establishmentFiness.length)}`).all(...establishmentFiness.map((f) => `|${f}|`), 0, 1) as { detail: string }[]).map((row) => row.detail);
      expect(plan).toContainEqual(expect.stringMatching(/^SEARCH r USING COVERING INDEX source_records_register_present \(source_id=\? AND id>\? AND id<\?\)/));
      const [first, last] = db.prepare("SELECT min(id), max(id) FROM source_records WHERE source_id IN (SELECT id FROM sources WHERE role = 'register')").raw(true).get() as [number, number];
      expect(readRegisterBounds(db)).toEqual({ from: first, to: last + 1 });
      // Walked to past the local records imported before it.
      expect(db.prepare("SELECT COUNT(*) FROM source_records WHERE id < ? AND source_id NOT IN (SELECT id FROM sources WHERE role = 'register')").pluck().get(first)).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
