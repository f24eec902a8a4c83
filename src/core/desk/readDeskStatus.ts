import type Database from 'better-sqlite3';
import type { DeskStatus } from '../../shared/api/status.contract';

function readSetting<T>(db: Database.Database, key: string, fallback: T): T {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row === undefined ? fallback : (JSON.parse(row.value_json) as T);
}

export function readDeskStatus(
  db: Database.Database,
  { appVersion, transport, mode, setupNeeded }: { appVersion: string; transport: DeskStatus['transport']; mode: DeskStatus['mode']; setupNeeded: boolean },
): DeskStatus {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    appVersion,
    transport,
    establishmentName: readSetting(db, 'establishment', { name: 'Guichet' }).name,
    demoDirectory: readSetting(db, 'demoDirectory', false),
    mode,
    setupNeeded,
    counts: { identities: count('identities'), sourceRecords: count('source_records'), sources: count('sources') },
  };
}
