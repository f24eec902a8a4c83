import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type DeskHandlers } from '../../shared/api/dispatch';
import type { IndicatorDashboard, IndicatorItems, IndicatorReportFile } from '../../shared/api/indicators.contract';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { createEventHub } from '../desk/createEventHub';
import { buildIndicatorFixture, fixtureClock } from './buildIndicatorFixture';
import { createIndicatorsHandlers } from './createIndicatorsHandlers';

type Reply<T> = { ok: boolean; value: T; error?: { code: string; message: { fr: string } } };
let db: Database.Database;
let call: <T>(connectionId: string, method: string, input: unknown) => Promise<Reply<T>>;

beforeEach(() => {
  db = buildIndicatorFixture();
  const insertAgent = db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES (?, ?, '2026-01-01T00:00:00Z')");
  insertAgent.run('p1', 'badge-office');
  insertAgent.run('p3', 'auditor');
  insertAgent.run('p5', 'night-desk');
  const sessions = createDeskSessions({ db, clock: fixtureClock, events: createEventHub(), deskName: 'bureau', idleLockMs: 3_600_000 });
  sessions.open('office', { agentIdentityId: 'p1', method: 'cps' });
  sessions.open('auditor', { agentIdentityId: 'p3', method: 'cps' });
  sessions.open('night', { agentIdentityId: 'p5', method: 'cps' });
  const dispatch = createDispatcher(createIndicatorsHandlers({ db, clock: fixtureClock, snapshotIntervalMs: 3_600_000 }) as DeskHandlers, {
    guard: createDispatchGuard({ db, clock: fixtureClock, sessions, deskName: 'bureau' }),
  });
  call = (connectionId, method, input) => dispatch(method, input, { connectionId, transport: 'browser' }) as never;
});
afterEach(() => db.close());

describe('indicator methods through the dispatcher', () => {
  it('serve the badge office and the auditor, not the night desk nor a window without a session', async () => {
    expect((await call<IndicatorDashboard>('office', 'getDashboard', {})).value.figures.find((figure) => figure.key === 'orphanAccounts:ad')?.value).toBe(5);
    expect((await call<IndicatorDashboard>('auditor', 'getDashboard', { periodDays: 7 })).value.periodDays).toBe(7);
    expect((await call('night', 'getDashboard', {})).error?.code).toBe('FORBIDDEN');
    expect((await call('nobody', 'listIndicatorItems', { key: 'orphanAccounts:ad' })).error?.code).toBe('UNAUTHENTICATED');
  });

  it('journal who listed the people behind a figure', async () => {
    const items = await call<IndicatorItems>('auditor', 'listIndicatorItems', { key: 'departedHoldingMeans' });
    expect(items.value.items.map((item) => item.name)).toEqual(['Marc ROUX']);
    const entry = db.prepare("SELECT agent_id AS agentId, after_json AS after FROM journal WHERE action = 'personal-data.read' ORDER BY seq DESC LIMIT 1").get() as { agentId: string; after: string };
    expect(entry.agentId).toBe('p3');
    expect(JSON.parse(entry.after)).toMatchObject({ method: 'listIndicatorItems' });
  });

  it('export the CSV of the series, and refuse a range that ends before it starts', async () => {
    await new Promise((resolve) => setTimeout(resolve, 10)); // the first snapshot runs right after the start
    const csv = await call<IndicatorReportFile>('office', 'exportIndicatorReport', { format: 'csv', from: '2026-12-01', to: '2026-12-03' });
    expect(csv.value).toMatchObject({ fileName: 'indicateurs-2026-12-01-2026-12-03.csv', mimeType: 'text/csv' });
    expect(Buffer.from(csv.value.base64, 'base64').toString('utf8')).toContain('2026-12-03,orphanAccounts:ad,Comptes orphelins AD,count,5');
    const refused = await call('office', 'exportIndicatorReport', { format: 'pdf', from: '2026-12-03', to: '2026-12-01' });
    expect(refused.error?.code).toBe('INVALID_ARGUMENT');
    expect(refused.error?.message.fr).toContain('from');
  });
});
