import { describe, expect, it } from 'vitest';
import { lintLines } from '../../../test/support/lintLines';

const code = [
  "import type Database from 'better-sqlite3';",
  'export const write = (db: Database.Database) => db.transaction(() => 1)();',
  'export const writeNow = (db: Database.Database) => db.transaction(() => 1).immediate();',
  'export const read = (db: Database.Database) => db.transaction(() => 1).deferred();',
].join('\n');

const unsaidLines = (filePath: string) => lintLines(code, filePath, 'Say when this transaction takes the write lock');

describe('the transaction mode lint rule', () => {
  it('refuses a transaction that does not say when it takes the write lock, in the identity store too, not in tests', async () => {
    expect(await unsaidLines('src/core/enrollment/anyAct.ts')).toEqual([2]);
    expect(await unsaidLines('src/core/identities/anyWriter.ts')).toEqual([2]);
    expect(await unsaidLines('src/core/enrollment/anyAct.test.ts')).toEqual([]);
  }, 60_000);
});
