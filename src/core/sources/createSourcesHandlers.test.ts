import { describe, expect, it } from 'vitest';
import { sourcesMethods } from '../../shared/api/sources.contract';
import { createEventHub } from '../desk/createEventHub';
import { openDatabase } from '../store/openDatabase';
import { createSourcesHandlers } from './createSourcesHandlers';

const clock = { now: () => new Date('2026-11-29T09:00:00Z') };
const agent = { connectionId: 'agent', transport: 'browser', actor: { agentId: 'a1', agentName: 'Agent', desk: 'desk', role: 'badge-office' } } as const;

describe('createSourcesHandlers', () => {
  it('closes the runs a dead process left running, and lists rejected lines and warnings with the values read apart', async () => {
    const db = openDatabase({ path: ':memory:' });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    db.prepare("INSERT INTO import_runs (id, source_id, started_at, status) VALUES (1, 'sirh', '2026-11-29T08:00:00Z', 'running')").run();
    db.prepare("INSERT INTO import_rejections (run_id, line, reason, field, detail, value) VALUES (1, 4, 'duplicate-key', 'MATRICULE', '2', 'M0001')").run();
    db.prepare("INSERT INTO import_warnings (run_id, line, field, reason, detail, value) VALUES (1, 5, 'DATE_NAISSANCE', 'impossible-date', 'DD/MM/YYYY', '31/02/1975')").run();

    const handlers = createSourcesHandlers({ db, clock, events: createEventHub(), configPath: '/nonexistent/sources.json' });
    expect(db.prepare('SELECT status FROM import_runs WHERE id = 1').get()).toEqual({ status: 'interrupted' });
    const overview = await handlers.listSources({}, agent);
    expect(overview.sources[0]!.lastRun).toMatchObject({ status: 'interrupted', finishedAt: '2026-11-29T09:00:00.000Z' });

    expect(await handlers.listRejectedLines({ runId: 1, limit: 10 }, agent)).toEqual([{ line: 4, reason: 'duplicate-key', field: 'MATRICULE', detail: '2', value: 'M0001' }]);
    expect(await handlers.listImportWarnings({ runId: 1, limit: 10 }, agent)).toEqual([{ line: 5, reason: 'impossible-date', field: 'DATE_NAISSANCE', detail: 'DD/MM/YYYY', value: '31/02/1975' }]);
    db.close();
  });

  it('declares the values read as personal data for a session allowed to import', () => {
    for (const method of [sourcesMethods.listRejectedLines, sourcesMethods.listImportWarnings]) {
      expect(method).toMatchObject({ access: 'sources.import', personalData: true });
    }
  });
});
