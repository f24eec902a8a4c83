import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';

const plan = (db: ReturnType<typeof openDatabase>, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');

describe('migration 0420 index-journal-filters', () => {
  it('finds the newest entries of an act, of an agent, and of a day range by index', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(plan(db, "SELECT seq FROM journal WHERE action IN ('mie.bind', 'mie.suspend') ORDER BY seq DESC LIMIT 100")).toContain('journal_action');
    expect(plan(db, "SELECT seq FROM journal WHERE agent_id = 'a' ORDER BY seq DESC LIMIT 100")).toContain('journal_agent');
    expect(plan(db, "SELECT seq FROM journal WHERE at >= '2026-12-01' AND at < '2026-12-02'")).toContain('journal_at');
    db.close();
  });
});
