import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import type { DeskSessions } from '../agents/createDeskSessions';
import { createEventHub } from '../desk/createEventHub';
import { openDatabase } from '../store/openDatabase';
import { createSourcesHandlers } from './createSourcesHandlers';

const clock = { now: () => new Date('2026-11-29T09:00:00Z') };
/** Only the connection "agent" holds a session allowed to import. */
const sessions = {
  requireAct(connectionId: string) {
    if (connectionId !== 'agent') throw new DeskError('UNAUTHENTICATED', { fr: 'Identifiez-vous.', en: 'Log in.' });
    return { agentId: 'a1', deskName: 'desk' };
  },
} as unknown as DeskSessions;

describe('createSourcesHandlers', () => {
  it('closes the runs a dead process left running, and gives the values read only to a session allowed to import', async () => {
    const db = openDatabase({ path: ':memory:' });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    db.prepare("INSERT INTO import_runs (id, source_id, started_at, status) VALUES (1, 'sirh', '2026-11-29T08:00:00Z', 'running')").run();
    db.prepare("INSERT INTO import_rejections (run_id, line, reason, field, detail, value) VALUES (1, 4, 'duplicate-key', 'MATRICULE', '2', 'M0001')").run();
    db.prepare("INSERT INTO import_warnings (run_id, line, field, reason, detail, value) VALUES (1, 5, 'DATE_NAISSANCE', 'impossible-date', 'DD/MM/YYYY', '31/02/1975')").run();

    const handlers = createSourcesHandlers({ db, clock, events: createEventHub(), sessions, configPath: '/nonexistent/sources.json' });
    expect(db.prepare('SELECT status FROM import_runs WHERE id = 1').get()).toEqual({ status: 'interrupted' });
    const overview = await handlers.listSources({}, { connectionId: 'x', transport: 'browser' });
    expect(overview.sources[0]!.lastRun).toMatchObject({ status: 'interrupted', finishedAt: '2026-11-29T09:00:00.000Z' });

    const asAgent = { connectionId: 'agent', transport: 'browser' } as const;
    const anonymous = { connectionId: 'nobody', transport: 'browser' } as const;
    expect(await handlers.listRejectedLines({ runId: 1, limit: 10 }, asAgent)).toEqual([{ line: 4, reason: 'duplicate-key', field: 'MATRICULE', detail: '2', value: 'M0001' }]);
    expect(await handlers.listRejectedLines({ runId: 1, limit: 10 }, anonymous)).toEqual([{ line: 4, reason: 'duplicate-key', field: 'MATRICULE', detail: '2', value: null }]);
    expect(await handlers.listImportWarnings({ runId: 1, limit: 10 }, asAgent)).toEqual([{ line: 5, reason: 'impossible-date', field: 'DATE_NAISSANCE', detail: 'DD/MM/YYYY', value: '31/02/1975' }]);
    expect(await handlers.listImportWarnings({ runId: 1, limit: 10 }, anonymous)).toEqual([{ line: 5, reason: 'impossible-date', field: 'DATE_NAISSANCE', detail: 'DD/MM/YYYY', value: null }]);
    db.close();
  });
});
