import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { withPageCache } from './withPageCache';

const cacheSize = (db: Database.Database) => db.pragma('cache_size', { simple: true }) as number;

describe('withPageCache', () => {
  it('raises the page cache for the work only, and restores it even when the work fails', () => {
    const db = new Database(':memory:');
    const before = cacheSize(db);
    expect(withPageCache(db, 64, () => cacheSize(db))).toBe(-65_536);
    expect(cacheSize(db)).toBe(before);
    expect(() =>
      withPageCache(db, 64, () => {
        throw new Error('échec');
      }),
    ).toThrow('échec');
    expect(cacheSize(db)).toBe(before);
    db.close();
  });

  it('keeps a larger setting of the caller, in KiB or in pages', () => {
    const db = new Database(':memory:');
    db.pragma('cache_size = -131072');
    expect(withPageCache(db, 64, () => cacheSize(db))).toBe(-131_072);
    db.pragma('cache_size = 40000');
    expect(withPageCache(db, 64, () => cacheSize(db))).toBe(40_000);
    db.pragma('cache_size = 1000');
    expect(withPageCache(db, 64, () => cacheSize(db))).toBe(-65_536);
    expect(cacheSize(db)).toBe(1000);
    db.close();
  });

  it('works inside a transaction (the setting is the connection’s, not the transaction’s)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    const inside = db.transaction(() => withPageCache(db, 64, () => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      return cacheSize(db);
    }))();
    expect(inside).toBe(-65_536);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    db.close();
  });
});
