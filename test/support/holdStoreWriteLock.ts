/**
 * Holds the store's write lock from another process, as an import or a reconciliation does while
 * it writes its results: `tsx holdStoreWriteLock.ts <db path> <key hex | -> <milliseconds>`.
 * Prints "locked" once the lock is held, and "released" when it lets go (nothing is written).
 */
import { openDatabase } from '../../src/core/store/openDatabase';

const [path, keyHex, milliseconds] = process.argv.slice(2);
const db = openDatabase({ path: path!, key: keyHex === undefined || keyHex === '-' ? null : Buffer.from(keyHex, 'hex') });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('ROLLBACK');
  db.close();
  process.stdout.write('released\n');
}, Number(milliseconds));
