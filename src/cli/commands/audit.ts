import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { exportJournalCsv } from '../../core/journal/exportJournalCsv';
import { locateJournalFiles } from '../../core/journal/locateJournalFiles';
import { readJournalAnchors } from '../../core/journal/readJournalAnchors';
import { verifyJournal } from '../../core/journal/verifyJournal';
import { checkLeaverInvariant } from '../../core/leavers/checkLeaverInvariant';
import { writeJournalAnchor } from '../../core/journal/writeJournalAnchor';
import { systemClock } from '../../core/clock';
import { openStoreFile } from '../../core/store/openStoreFile';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { parseOptions } from '../parseOptions';

/** The journal is read as found on disk: read-only, no migration, no demo directory created. */
function openJournalDatabase(path: string): Database.Database {
  if (!existsSync(path)) throw new CliUsageError(`Expected a Guichet database at ${path}, but there is no such file`);
  // Encrypted with the key file beside it (or GUICHET_KEY_FILE); a clear store of an older Guichet is read as it is.
  return openStoreFile({ path, readonly: true });
}

/** The journal key beside the store, read only (never created here); null when absent. */
function readJournalKey(keyPath: string): Buffer | null {
  try {
    const key = readFileSync(keyPath);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

export const command: CliCommand = {
  name: 'audit',
  summary: 'Check the journal’s hash chain, HMACs and anchors (verify) or export it as CSV with an anchor (export)',
  usage: 'audit verify [--anchor FILE] [--db PATH | --data-dir DIR]  |  audit export [--out FILE] [--db PATH | --data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      anchor: { type: 'string' },
    });
    const [action, ...extra] = positionals;
    if ((action !== 'verify' && action !== 'export') || extra.length > 0) {
      throw new CliUsageError(`Expected "audit verify" or "audit export", got "audit ${positionals.join(' ')}"`);
    }
    const path = values.db ?? join(values['data-dir'] ?? resolveUserDataDir(), 'guichet.sqlite');
    const db = openJournalDatabase(path);
    const files = locateJournalFiles(path);
    const key = readJournalKey(files.keyPath);
    try {
      if (action === 'export') {
        const csv = exportJournalCsv(db);
        // Each export anchors the journal outside the store: beside it, and beside the export file.
        const anchor = writeJournalAnchor(db, systemClock, files.anchorPath, key);
        if (values.out === undefined) io.out(csv.trimEnd());
        else {
          writeFileSync(values.out, csv, 'utf8');
          writeFileSync(`${values.out}.anchor`, `${JSON.stringify(anchor)}\n`, 'utf8');
        }
        return 0;
      }
      const anchorFile = values.anchor ?? files.anchorPath;
      if (values.anchor !== undefined && !existsSync(values.anchor)) throw new CliUsageError(`Expected an anchor file at ${values.anchor}, but there is no such file`);
      const anchors = readJournalAnchors(anchorFile);
      if (!anchors.ok) {
        io.out(JSON.stringify({ ok: false, entries: 0, firstBadEntry: 0, reason: 'anchor-forged', message: anchors.message }));
        io.err(`anchor file ${anchorFile} is damaged: ${anchors.message}`);
        return 1;
      }
      const result = verifyJournal(db, { key, anchors: anchors.anchors });
      // The store's own invariant beside the journal's: no departed person holds an active means.
      const leavers = checkLeaverInvariant(db, { now: systemClock.now() });
      io.out(JSON.stringify({ ...result, leavers }));
      if (!result.ok) io.err(`journal check failed at entry ${result.firstBadEntry}: ${result.message}`);
      if (key === null) io.err(`no journal key at ${files.keyPath}: HMACs not checked (hash chain and anchors only)`);
      if (!leavers.ok) io.err(`leaver invariant broken: ${leavers.violations.map((violation) => `${violation.name} (fin RH ${violation.hrEndDate})`).join(', ')}`);
      return result.ok && leavers.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
