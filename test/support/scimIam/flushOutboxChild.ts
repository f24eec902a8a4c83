import { createScimOutbox } from '../../../src/core/scim/createScimOutbox';
import { openDatabase } from '../../../src/core/store/openDatabase';

/**
 * A desk process that only flushes its IAM outbox (the kill -9 test stops it mid-flush):
 * `npx tsx test/support/scimIam/flushOutboxChild.ts STORE`. Prints `flushing` when it starts.
 */
const db = openDatabase({ path: process.argv[2]! });
const outbox = createScimOutbox({ db, clock: { now: () => new Date() }, concurrency: 1 });
console.log('flushing');
await outbox.flush();
console.log('flushed');
db.close();
