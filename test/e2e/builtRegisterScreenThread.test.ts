import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../src/core/import/importSources';
import { screenRegister } from '../../src/core/reconcile/screenRegister';
import { readLocalRecords } from '../../src/core/reconcile/readLocalRecords';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { defaultMatchingConfig } from '../../src/shared/matching/matchingConfig';
import { generateSyntheticHospital } from '../support/generateSyntheticHospital';
import { writeReconcileFixtures } from '../support/writeReconcileFixtures';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('the built register-screen thread', () => {
  // The Electron app looks for it next to its main bundle, under this name: the build must make it.
  it('runs from out/main/runRegisterScreenThread.js on an encrypted store and screens shares of the register', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-built-screen-'));
    const hospital = generateSyntheticHospital({ seed: 12, employees: 200, externalRegisterPerEmployee: 8 });
    const configPath = writeReconcileFixtures(hospital, join(dir, 'files'));
    const parsed = parseSourcesConfig({ configPath, text: readFileSync(configPath, 'utf8') });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const db = openDatabase({ path: join(dir, 'guichet.db'), key: Buffer.alloc(32, 3) });
    try {
      await importSources(db, { config: parsed.config, clock: { now: () => new Date('2026-11-29T08:00:00Z') } });
      const { records } = readLocalRecords(db);
      const input = { config: defaultMatchingConfig, establishmentFiness: hospital.establishmentFiness };
      const alone = screenRegister(db, records, input, { threadFrom: Number.POSITIVE_INFINITY });
      const helped = screenRegister(db, records, input, { threadFrom: 0, entry: pathToFileURL(join(projectRoot, 'out', 'main', 'runRegisterScreenThread.js')), silenceMs: 20_000, awaitHelper: true });
      expect(helped.threads).toBe(2);
      expect(helped.ids).toEqual(alone.ids);
      expect(helped.ids.length).toBeGreaterThan(50);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
