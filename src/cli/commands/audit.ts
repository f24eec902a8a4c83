import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { exportJournalCsv } from '../../core/journal/exportJournalCsv';
import { verifyJournal } from '../../core/journal/verifyJournal';
import { openStoreFile } from '../../core/store/openStoreFile';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { parseOptions } from '../parseOptions';

/** The journal is read as found on disk: read-only, no migration, no demo directory created. */
function openJournalDatabase(db: string | undefined, dataDir: string | undefined): Database.Database {
  const path = db ?? join(dataDir ?? resolveUserDataDir(), 'guichet.sqlite');
  if (!existsSync(path)) throw new CliUsageError(`Expected a Guichet database at ${path}, but there is no such file`);
  // Encrypted with the key file beside it (or GUICHET_KEY_FILE); a clear store of an older Guichet is read as it is.
  return openStoreFile({ path, readonly: true });
}

export const command: CliCommand = {
  name: 'audit',
  summary: 'Check the journal’s hash chain (verify) or export it as CSV (export)',
  usage: 'audit verify [--db PATH | --data-dir DIR]  |  audit export [--out FILE] [--db PATH | --data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
    });
    const [action, ...extra] = positionals;
    if ((action !== 'verify' && action !== 'export') || extra.length > 0) {
      throw new CliUsageError(`Expected "audit verify" or "audit export", got "audit ${positionals.join(' ')}"`);
    }
    const db = openJournalDatabase(values.db, values['data-dir']);
    try {
      if (action === 'export') {
        const csv = exportJournalCsv(db);
        if (values.out === undefined) io.out(csv.trimEnd());
        else writeFileSync(values.out, csv, 'utf8');
        return 0;
      }
      const result = verifyJournal(db);
      io.out(JSON.stringify(result));
      if (!result.ok) io.err(`journal check failed at entry ${result.firstBadEntry}: ${result.message}`);
      return result.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
