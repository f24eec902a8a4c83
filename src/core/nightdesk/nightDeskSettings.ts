import type Database from 'better-sqlite3';
import type { NightDeskSettings } from '../../shared/api/nightdesk.contract';

/** Secure defaults: shifts change at 7:00, 14:00 and 21:00 (Paris), one hour of margin, 72 h at most. */
export const defaultNightDeskSettings: NightDeskSettings = {
  shiftChanges: ['07:00', '14:00', '21:00'],
  marginMinutes: 60,
  maxHours: 72,
  timeZone: 'Europe/Paris',
  massLeaverShare: 0.05,
};

const settingsKey = 'nightDesk';

/** The stored settings over the defaults (a key missing from storage keeps its default). */
export function readNightDeskSettings(db: Database.Database): NightDeskSettings {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(settingsKey) as { value_json: string } | undefined;
  return row === undefined ? defaultNightDeskSettings : { ...defaultNightDeskSettings, ...(JSON.parse(row.value_json) as Partial<NightDeskSettings>) };
}

export function writeNightDeskSettings(db: Database.Database, settings: NightDeskSettings): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)').run(settingsKey, JSON.stringify(settings));
}
