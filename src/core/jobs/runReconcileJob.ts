import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { reconcileDirectory, type ReconcileReport } from '../reconcile/reconcileDirectory';
import { runStoreJob } from './runStoreJob';

const runningFiles = new Set<string>();

/**
 * Reconciles the directory off the desk's thread (see `runImportJob`): a worker thread on the same
 * database file and key; in memory (tests) it runs here. Only the report comes back.
 */
export async function runReconcileJob(db: Database.Database, { clock, entry }: { clock: Clock; entry?: URL }): Promise<{ report: ReconcileReport }> {
  if (db.memory) return { report: reconcileDirectory(db, { clock }).report };
  if (runningFiles.has(db.name)) throw new DeskError('CONFLICT', { fr: 'Un rapprochement est déjà en cours.', en: 'A reconciliation is already running.' });
  runningFiles.add(db.name);
  try {
    const result = await runStoreJob(db, { kind: 'reconcile' }, { clock, entry });
    return { report: result.report };
  } finally {
    runningFiles.delete(db.name);
  }
}
