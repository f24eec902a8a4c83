import type Database from 'better-sqlite3';
import type { SourcesConfig } from '../sources/parseSourcesConfig';

/** The establishment (name, FINESS numbers) goes to the settings, where reconciliation reads it. */
export function saveEstablishment(db: Database.Database, establishment: SourcesConfig['establishment']): void {
  db.prepare("INSERT INTO settings (key, value_json) VALUES ('establishment', ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json").run(
    JSON.stringify(establishment),
  );
}
