import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const code = [
  "import type Database from 'better-sqlite3';",
  'export const write = (db: Database.Database) => db.transaction(() => 1)();',
  'export const writeNow = (db: Database.Database) => db.transaction(() => 1).immediate();',
  'export const read = (db: Database.Database) => db.transaction(() => 1).deferred();',
].join('\n');

async function unsaidLines(filePath: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(`${code}\n`, { filePath });
  return result!.messages.filter((message) => message.message.startsWith('Say when this transaction takes the write lock')).map((message) => message.line);
}

describe('the transaction mode lint rule', () => {
  it('refuses a transaction that does not say when it takes the write lock, in the identity store too, not in tests', async () => {
    expect(await unsaidLines('src/core/enrollment/anyAct.ts')).toEqual([2]);
    expect(await unsaidLines('src/core/identities/anyWriter.ts')).toEqual([2]);
    expect(await unsaidLines('src/core/enrollment/anyAct.test.ts')).toEqual([]);
  }, 60_000);
});
