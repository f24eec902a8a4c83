import type Database from 'better-sqlite3';
import type { CardTypePolicy } from '../../shared/api/cardPolicy';

/**
 * Secure defaults: staff badges are DESFire (or Classic 4K); a MIFARE Classic 1K (broken Crypto1,
 * easily cloned) needs an explicit allowance; Ultralight and Mini are visitor tickets. The night
 * desk's temporary cards may be any of them: they live 72 hours at most.
 */
export const defaultCardTypePolicy: CardTypePolicy = {
  staffBadge: ['DESFIRE', 'MIFARE_CLASSIC_4K'],
  temporaryBadge: ['DESFIRE', 'MIFARE_CLASSIC_4K', 'MIFARE_CLASSIC_1K', 'MIFARE_MINI', 'MIFARE_ULTRALIGHT'],
  visitorTicket: ['MIFARE_ULTRALIGHT', 'MIFARE_MINI'],
};

const settingsKey = 'cardTypePolicy';

/** The stored policy over the defaults (a list missing from storage keeps its default). */
export function readCardTypePolicy(db: Database.Database): CardTypePolicy {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(settingsKey) as { value_json: string } | undefined;
  return row === undefined ? defaultCardTypePolicy : { ...defaultCardTypePolicy, ...(JSON.parse(row.value_json) as Partial<CardTypePolicy>) };
}

export function writeCardTypePolicy(db: Database.Database, policy: CardTypePolicy): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)').run(settingsKey, JSON.stringify(policy));
}
