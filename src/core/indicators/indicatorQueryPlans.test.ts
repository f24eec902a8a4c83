import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndicatorFixture, fixtureClock } from './buildIndicatorFixture';
import { listIndicatorItems } from './listIndicatorItems';
import { measureIndicators } from './measureIndicators';
import { readIndicatorSeries } from './readIndicatorSeries';

let db: Database.Database;
const statements: { sql: string; args: unknown[] }[] = [];

/** Records every statement the dashboard runs, with its arguments, to explain it afterwards. */
function recordStatements(target: Database.Database): void {
  const prepare = target.prepare.bind(target);
  target.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        statements.push({ sql, args });
        return original(...args);
      };
    }
    return statement;
  }) as typeof target.prepare;
}

const planOf = (sql: string, args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail);

beforeEach(() => {
  db = buildIndicatorFixture();
  statements.length = 0;
});
afterEach(() => db.close());

// The register holds 2.23 M rows: no figure may walk source_records, only reach its rows through
// an index (source, RPPS) or from a link. SQLite plans without statistics here, as in the desk.
describe('query plans of the dashboard', () => {
  it('never scans source_records, and reaches it by index or primary key', () => {
    const explain = db.prepare.bind(db);
    recordStatements(db);
    const dashboard = measureIndicators(db, { clock: fixtureClock });
    for (const figure of dashboard.figures) if (figure.listable) listIndicatorItems(db, { clock: fixtureClock, key: figure.key });
    readIndicatorSeries(db, { figures: dashboard.figures, keys: ['orphanAccounts:ad'], from: '2026-01-01', to: '2026-12-31' });
    db.prepare = explain;
    const touchingRecords = [...new Map(statements.map((statement) => [statement.sql, statement])).values()].filter((statement) => /source_records/.test(statement.sql));
    expect(touchingRecords.length).toBeGreaterThan(5);
    for (const { sql, args } of touchingRecords) {
      const plan = planOf(sql, args);
      if (process.env.SHOW_PLANS) console.log(sql.slice(0, 90), plan);
      expect(plan.filter((line) => /^SCAN (r|source_records)\b/.test(line)), `${sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });

  it('counts register links from the links, not from the register, and reads series by primary key', () => {
    const linked = planOf(
      `SELECT COUNT(*) FROM identity_links l CROSS JOIN source_records r ON r.id = l.record_id
        WHERE r.source_id = ? AND r.present = 1 AND l.decision IN ('automatic', 'validated') AND l.rule <> 'hr-reference'`,
      ['rpps'],
    ).join('\n');
    expect(linked).toMatch(/SCAN l\b/);
    // Each link finds its record by rowid (the primary key, or the present-records index that carries it): never a scan of r.
    expect(linked).toMatch(/SEARCH r USING (INTEGER PRIMARY KEY \(rowid=\?\)|COVERING INDEX \w+ \(.*rowid=\?\))/);
    expect(linked).not.toMatch(/SCAN r\b/);
    const series = planOf('SELECT day, value FROM indicator_snapshot_values WHERE figure_key = ? AND day BETWEEN ? AND ?', ['rppsAlignment', '2026-01-01', '2026-12-31']).join('\n');
    expect(series).toMatch(/SEARCH indicator_snapshot_values USING PRIMARY KEY \(figure_key=\? AND day>\? AND day<\?\)/);
  });
});
