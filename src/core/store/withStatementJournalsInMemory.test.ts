import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase';
import { withStatementJournalsInMemory } from './withStatementJournalsInMemory';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function openFile() {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-temp-store-'));
  dirs.push(dir);
  return openDatabase({ path: join(dir, 'guichet.db') });
}
const tempStore = (db: ReturnType<typeof openFile>) => db.pragma('temp_store', { simple: true });

describe('withStatementJournalsInMemory', () => {
  it('keeps temporary storage in memory during the work only', () => {
    const db = openFile();
    expect(tempStore(db)).toBe(0);
    expect(withStatementJournalsInMemory(db, () => tempStore(db))).toBe(2);
    expect(tempStore(db)).toBe(0);
    expect(() => withStatementJournalsInMemory(db, () => {
      throw new Error('échec');
    })).toThrow('échec');
    expect(tempStore(db)).toBe(0);
    db.close();
  });

  it('leaves an import’s staging table where it is, and a caller’s transaction alone', () => {
    const db = openFile();
    db.exec('CREATE TEMP TABLE import_stage (record_key TEXT)');
    db.prepare("INSERT INTO temp.import_stage VALUES ('k1')").run();
    expect(withStatementJournalsInMemory(db, () => tempStore(db))).toBe(0);
    expect(db.prepare('SELECT count(*) FROM temp.import_stage').pluck().get()).toBe(1);
    db.exec('DROP TABLE temp.import_stage');
    expect(db.transaction(() => withStatementJournalsInMemory(db, () => tempStore(db)))()).toBe(0);
    db.close();
  });
});
