import type Database from 'better-sqlite3';
import type { MieView } from '../../shared/api/enrollment.contract';
import { toScimMeans } from '../../shared/scim/toScimMeans';
import type { Clock } from '../clock';
import { readScimSettings } from './scimSettings';

/**
 * Puts one act on a means in the outbox, inside the act's own transaction: the act and the duty to
 * tell the IAM are written together or not at all. Nothing when no IAM is configured.
 */
export function enqueueScimChange(db: Database.Database, clock: Clock, { act, mie, desk }: { act: string; mie: MieView; desk: string }): void {
  if (readScimSettings(db) === null) return;
  const establishment = db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").pluck().get() as string | undefined;
  const site = establishment === undefined ? undefined : (JSON.parse(establishment) as { finess?: string[] }).finess?.[0];
  const now = clock.now().toISOString();
  db.prepare('INSERT INTO scim_outbox (identity_id, mie_id, act, means_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    mie.identityId,
    mie.id,
    act,
    JSON.stringify(toScimMeans(mie, { desk, site })),
    now,
    now,
  );
}
