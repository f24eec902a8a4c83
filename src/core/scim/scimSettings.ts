import type Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * How this desk reaches the hospital's IAM. The bearer token is never stored here: it comes from
 * the environment variable named by `tokenEnv` (or the OS keychain in the Electron shell).
 */
export const scimSettingsSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(500),
    tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).max(100).default('GUICHET_SCIM_TOKEN'),
    /** Create a User the IAM does not know (POST); off: the item waits, shown to the admin. */
    allowCreate: z.boolean().default(false),
    /** Ask the IAM who holds a card before binding it. */
    checkBeforeBind: z.boolean().default(true),
  })
  .strict();
export type ScimSettings = z.infer<typeof scimSettingsSchema>;

const key = 'scim';

export function readScimSettings(db: Database.Database): ScimSettings | null {
  const json = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (json === undefined) return null;
  const parsed = scimSettingsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function saveScimSettings(db: Database.Database, settings: ScimSettings | null): void {
  if (settings === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(key, JSON.stringify(scimSettingsSchema.parse(settings)));
}
