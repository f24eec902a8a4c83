import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import type { ImportProgress } from '../import/importSources';
import { readSourcesConfig } from '../sources/readSourcesConfig';
import type { SourcesConfig } from '../sources/parseSourcesConfig';
import { createKeyFileProvider } from '../store/createKeyFileProvider';
import { openProtectedStore } from '../store/openProtectedStore';
import { runImportJob } from './runImportJob';
import { runReconcileJob } from './runReconcileJob';
import { startJobWorker } from './startJobWorker';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'sources');
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };
let work: string;
let db: Database.Database;
let config: SourcesConfig;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'guichet-jobs-'));
  cpSync(fixtures, join(work, 'sources'), { recursive: true });
  const parsed = await readSourcesConfig(join(work, 'sources', 'sources.json'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  config = parsed.config;
  const dataDir = join(work, 'data');
  db = openProtectedStore({ dataDir, path: join(dataDir, 'guichet.sqlite'), keyProvider: createKeyFileProvider({ path: join(dataDir, 'guichet.key') }) });
});
afterAll(() => {
  db.close();
  rmSync(work, { recursive: true, force: true });
});

describe('runImportJob', () => {
  it('imports on a job thread into the encrypted store the desk has open, with progress and the desk clock', async () => {
    const progress: ImportProgress[] = [];
    const report = await runImportJob(db, { config, force: false, clock, onProgress: (event) => progress.push(event) });
    expect(report.sources.rpps).toMatchObject({ read: 5, imported: 4, rejected: 1, added: 3, refused: false });
    // M0004's impossible birth date (31/02) is dropped with a warning; the person is kept.
    expect(report.sources.sirh).toMatchObject({ read: 4, added: 4, warned: 1 });
    expect(report.errors.map((error) => error.source)).toEqual(['rpps', 'dpi']);
    expect(progress.filter((event) => event.phase === 'done').map((event) => event.sourceId)).toEqual(['rpps', 'sirh', 'ad', 'dpi']);
    // The desk's own connection sees what the thread committed, stamped with the desk's clock.
    expect(db.prepare('SELECT COUNT(*) FROM source_records').pluck().get()).toBe(11);
    // (The thread's clock keeps the desk clock's offset from the system clock, and runs from there.)
    for (const startedAt of db.prepare('SELECT started_at FROM import_runs').pluck().all() as string[]) {
      expect(startedAt >= '2026-11-30T09:00:00.000Z' && startedAt < '2026-11-30T09:01:00.000Z').toBe(true);
    }
  });

  it('refuses a second import of the same store while one runs, and brings a DeskError back in French', async () => {
    const first = runImportJob(db, { config, force: false, clock });
    await expect(runImportJob(db, { config, force: false, clock })).rejects.toMatchObject({ code: 'CONFLICT' });
    await first;
    const unknown = await runImportJob(db, { config, force: false, clock, only: ['paie'] }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(DeskError);
    expect((unknown as DeskError).localized.fr).toBe('Source(s) inconnue(s) : paie.');
  });
});

describe('runReconcileJob', () => {
  it('reconciles on a job thread; the desk reads the links it wrote', async () => {
    const { report } = await runReconcileJob(db, { clock });
    expect(report.identities).toBeGreaterThan(0);
    expect(report.identities).toBe(db.prepare('SELECT COUNT(*) FROM identities').pluck().get());
  });
});

describe('startJobWorker', () => {
  it('rejects with a French error when the thread dies without a result', async () => {
    const entry = join(work, 'dies.mjs');
    writeFileSync(entry, 'process.exit(3);\n');
    const job = startJobWorker({ request: { kind: 'reconcile' }, dbPath: join(work, 'none.sqlite'), keyHex: null, clockOffsetMs: 0 }, { entry: pathToFileURL(entry) });
    const failure = await job.result.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).localized.fr).toContain('s’est arrêtée sans résultat (code 3)');
  });
});
