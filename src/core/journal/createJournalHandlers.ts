import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { isoDay, type Clock } from '../clock';
import { checkLeaverInvariant } from '../leavers/checkLeaverInvariant';
import { appendJournalEntry } from './appendJournalEntry';
import { exportJournalLinesCsv, exportJournalLinesPdf } from './exportJournalEntries';
import { journalKeyRegistry } from './journalKeyRegistry';
import { readJournalAnchors } from './readJournalAnchors';
import { searchJournalEntries } from './searchJournalEntries';
import { verifyJournal } from './verifyJournal';

type JournalMethod = 'searchJournal' | 'verifyJournalIntegrity' | 'exportJournal';

/** Exports hold at most this many entries (a PDF of 5 000 lines is some 150 pages). */
export const journalExportLimit = 5000;

/** The auditor's journal methods; the contract declares `journal.read`, the dispatcher checks it. */
export function createJournalHandlers({ db, clock, anchorPath }: { db: Database.Database; clock: Clock; anchorPath: string }): Pick<DeskHandlers, JournalMethod> {
  const establishment = () => {
    const json = db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").pluck().get() as string | undefined;
    return json === undefined ? 'Guichet' : ((JSON.parse(json) as { name?: string }).name ?? 'Guichet');
  };
  return {
    searchJournal: ({ filters, limit, beforeSeq }) => searchJournalEntries(db, { filters, limit, beforeSeq }),
    verifyJournalIntegrity: (_input, { actor }) => {
      const key = journalKeyRegistry.keyOf(db);
      const anchors = readJournalAnchors(anchorPath);
      const result = anchors.ok ? verifyJournal(db, { key, anchors: anchors.anchors }) : { ok: false as const, entries: 0, firstBadEntry: 0, reason: 'anchor-forged' as const, message: anchors.message };
      const leavers = checkLeaverInvariant(db, { now: clock.now() });
      appendJournalEntry(db, clock, { actor, action: 'journal.verify', subject: { type: 'journal', id: 'journal' }, after: { ok: result.ok, entries: result.entries, leaversOk: leavers.ok } });
      return {
        ok: result.ok,
        entries: result.entries,
        firstBadEntry: result.ok ? null : result.firstBadEntry,
        reason: result.ok ? null : result.reason,
        message: result.ok ? null : result.message,
        keyed: key !== null,
        leavers: { ok: leavers.ok, held: leavers.held, violations: leavers.violations.map(({ identityId, name, hrEndDate }) => ({ identityId, name, hrEndDate })) },
      };
    },
    exportJournal: async ({ filters, format, language }, { actor }) => {
      const { entries, total } = searchJournalEntries(db, { filters, limit: journalExportLimit });
      appendJournalEntry(db, clock, { actor, action: 'journal.export', subject: { type: 'journal', id: 'journal' }, after: { format, filters, entries: entries.length, total } });
      const name = `journal-guichet-${isoDay(clock.now())}`;
      if (format === 'csv') return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(exportJournalLinesCsv(entries, language), 'utf8').toString('base64') };
      const pdf = await exportJournalLinesPdf(entries, { filters, total, generatedAt: clock.now().toISOString(), establishment: establishment(), language });
      return { fileName: `${name}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    },
  };
}
