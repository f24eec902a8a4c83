import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { ScimOutboxItemView, ScimSyncStatusView } from '../../shared/api/scim.contract';
import type { ScimIdentificationMeans } from '../../shared/scim/guichetUserExtension';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { createScimClient, type ScimClient, type ScimFetch } from './createScimClient';
import { deliverScimItem, type KnownScimUser, type ScimDeliveryOutcome, type ScimPerson } from './deliverScimItem';
import { readScimSettings, type ScimSettings } from './scimSettings';

/** The outbox's rows and the link's status, as the contract shows them. */
export type ScimOutboxItem = ScimOutboxItemView;
export type ScimSyncStatus = ScimSyncStatusView;

export interface ScimOutbox {
  /** Sends what is due, in order per person; resolves when this round is done. */
  flush(): Promise<{ sent: number; retried: number; dead: number; waiting: number }>;
  /** Starts the background rounds (and one right after each act). */
  start(intervalMs?: number): void;
  stop(): void;
  /** An act was just written: flush soon. */
  kick(): void;
  status(): ScimSyncStatus;
  list(filter: { state?: ScimOutboxItem['state'] | 'open'; limit?: number }): ScimOutboxItem[];
  retry(id: number, actor: Actor): ScimOutboxItem;
  discard(id: number, reason: string, actor: Actor): ScimOutboxItem;
}

interface OutboxRow {
  id: number;
  identity_id: string;
  mie_id: string | null;
  act: string;
  means_json: string;
  state: ScimOutboxItem['state'];
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  holder: string | null;
}

const maxBackoffMs = 5 * 60_000;
const unknownUserDelayMs = 15 * 60_000;

/** Exponential backoff with jitter: 1–2 s, 2–4 s … up to 5 min. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(maxBackoffMs, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + random()));
}

const toItem = (row: OutboxRow): ScimOutboxItem => ({
  id: row.id,
  identityId: row.identity_id,
  holderName: row.holder ?? row.identity_id,
  mieId: row.mie_id,
  act: row.act,
  means: JSON.parse(row.means_json) as ScimIdentificationMeans,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

const selectItem = `SELECT o.*, i.last_name || ' ' || i.first_name AS holder FROM scim_outbox o LEFT JOIN identities i ON i.id = o.identity_id`;

/**
 * The desk's side of the IAM outbox (the only writer of `scim_outbox` and `scim_users`): rounds
 * that take each person's oldest open item when it is due, deliver it, and record the outcome.
 * At least once (an item is marked sent only after the IAM answered), ordered per person (a
 * person's later items wait while an earlier one is pending or dead), idempotent on the IAM side.
 */
export function createScimOutbox({
  db,
  clock,
  fetch,
  readToken = (settings) => process.env[settings.tokenEnv] ?? null,
  onChange = () => {},
  onError = () => {},
  concurrency = 4,
}: {
  db: Database.Database;
  clock: Clock;
  fetch?: ScimFetch;
  readToken?: (settings: ScimSettings) => string | null;
  onChange?: (status: ScimSyncStatus) => void;
  onError?: (error: unknown) => void;
  concurrency?: number;
}): ScimOutbox {
  let connected: boolean | null = null;
  let lastContactAt: string | null = null;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let kicked: NodeJS.Timeout | null = null;
  let running: Promise<{ sent: number; retried: number; dead: number; waiting: number }> | null = null;

  const countState = db.prepare("SELECT SUM(state = 'pending') AS pending, SUM(state = 'dead') AS dead FROM scim_outbox WHERE state IN ('pending', 'dead')");
  const dueHeads = db.prepare(
    `SELECT o.*, NULL AS holder FROM scim_outbox o
      WHERE o.state = 'pending' AND o.next_attempt_at <= ?
        AND o.id = (SELECT MIN(id) FROM scim_outbox f WHERE f.identity_id = o.identity_id AND f.state IN ('pending', 'dead'))
      ORDER BY o.next_attempt_at, o.id LIMIT 200`,
  );
  const readPerson = db.prepare('SELECT id AS identityId, hr_id AS hrId, rpps, last_name AS lastName, first_name AS firstName FROM identities WHERE id = ?');
  const readKnownUser = db.prepare('SELECT scim_id AS scimId, version FROM scim_users WHERE identity_id = ?');

  const status = (): ScimSyncStatus => {
    const counts = countState.get() as { pending: number | null; dead: number | null };
    return { configured: readScimSettings(db) !== null, connected, pending: counts.pending ?? 0, failed: counts.dead ?? 0, lastContactAt, lastError };
  };

  const record = (row: OutboxRow, outcome: ScimDeliveryOutcome): void => {
    const now = clock.now();
    const iso = now.toISOString();
    db.transaction(() => {
      if (outcome.kind === 'sent') {
        db.prepare("UPDATE scim_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_status = ?, last_error = NULL WHERE id = ?").run(iso, outcome.status, row.id);
        db.prepare('INSERT INTO scim_users (identity_id, scim_id, version, synced_at) VALUES (?, ?, ?, ?) ON CONFLICT(identity_id) DO UPDATE SET scim_id = excluded.scim_id, version = excluded.version, synced_at = excluded.synced_at').run(
          row.identity_id,
          outcome.user.scimId,
          outcome.user.version,
          iso,
        );
        return;
      }
      if (outcome.kind === 'dead') {
        db.prepare("UPDATE scim_outbox SET state = 'dead', attempts = attempts + 1, last_status = ?, last_error = ? WHERE id = ?").run(outcome.status, outcome.error, row.id);
        appendJournalEntry(db, clock, {
          actor: { agentId: null, agentName: 'IAM', desk: 'scim' },
          action: 'scim.dead-letter',
          subject: { type: 'identity', id: row.identity_id },
          before: null,
          after: { outboxId: row.id, act: row.act, value: (JSON.parse(row.means_json) as ScimIdentificationMeans).value, status: outcome.status, error: outcome.error, conflict: outcome.conflict },
        });
        return;
      }
      if (outcome.kind === 'retry' && outcome.forgetUser === true) db.prepare('DELETE FROM scim_users WHERE identity_id = ?').run(row.identity_id);
      const delay = outcome.kind === 'unknown-user' ? unknownUserDelayMs : (outcome.delayMs ?? backoffMs(row.attempts + 1));
      db.prepare('UPDATE scim_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ? WHERE id = ?').run(
        new Date(now.getTime() + delay).toISOString(),
        outcome.kind === 'retry' ? outcome.status : null,
        outcome.error,
        row.id,
      );
    }).immediate();
  };

  const deliver = async (client: ScimClient, settings: ScimSettings, row: OutboxRow): Promise<ScimDeliveryOutcome> => {
    const person = readPerson.get(row.identity_id) as ScimPerson | undefined;
    if (person === undefined) return { kind: 'dead', status: 0, error: `Identité ${row.identity_id} absente de l’annuaire du guichet.`, conflict: false };
    try {
      const outcome = await deliverScimItem({
        client,
        person,
        means: JSON.parse(row.means_json) as ScimIdentificationMeans,
        knownUser: (readKnownUser.get(row.identity_id) as KnownScimUser | undefined) ?? null,
        allowCreate: settings.allowCreate,
      });
      connected = true;
      lastContactAt = clock.now().toISOString();
      lastError = outcome.kind === 'sent' ? null : outcome.error;
      return outcome;
    } catch (error) {
      connected = false;
      lastError = `IAM injoignable : ${(error as Error).message}`;
      return { kind: 'retry', delayMs: null, status: null, error: lastError };
    }
  };

  const round = async () => {
    const totals = { sent: 0, retried: 0, dead: 0, waiting: 0 };
    const settings = readScimSettings(db);
    if (settings === null || !db.open) return totals;
    const token = readToken(settings);
    if (token === null) {
      lastError = `Jeton de l’IAM absent (variable ${settings.tokenEnv}).`;
      return totals;
    }
    const client = createScimClient({ url: settings.url, token, ...(fetch === undefined ? {} : { fetch }) });
    // Each pass sends the heads of every person's queue; a sent head lets the person's next item go in the next pass.
    for (let pass = 0; pass < 1000; pass += 1) {
      if (!db.open) break;
      const heads = dueHeads.all(clock.now().toISOString()) as OutboxRow[];
      if (heads.length === 0) break;
      let progressed = false;
      for (let start = 0; start < heads.length; start += concurrency) {
        const batch = heads.slice(start, start + concurrency);
        const outcomes = await Promise.all(batch.map((row) => deliver(client, settings, row)));
        if (!db.open) break;
        batch.forEach((row, index) => {
          const outcome = outcomes[index]!;
          record(row, outcome);
          if (outcome.kind === 'sent') {
            totals.sent += 1;
            progressed = true;
          } else if (outcome.kind === 'dead') totals.dead += 1;
          else if (outcome.kind === 'unknown-user') totals.waiting += 1;
          else totals.retried += 1;
        });
      }
      if (!progressed) break;
    }
    return totals;
  };

  const flush = () => {
    running ??= round()
      .catch((error: unknown) => {
        onError(error);
        return { sent: 0, retried: 0, dead: 0, waiting: 0 };
      })
      .finally(() => {
        running = null;
        if (db.open) onChange(status());
      });
    return running;
  };

  const readItem = (id: number): ScimOutboxItem => {
    const row = db.prepare(`${selectItem} WHERE o.id = ?`).get(id) as OutboxRow | undefined;
    if (row === undefined) throw new DeskError('NOT_FOUND', { fr: `Élément ${id} absent de la file vers l’IAM.`, en: `Item ${id} is not in the IAM outbox.` });
    return toItem(row);
  };

  return {
    flush,
    start(intervalMs = 15_000) {
      if (timer !== null) return;
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
      void flush();
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      if (kicked !== null) clearTimeout(kicked);
      timer = null;
      kicked = null;
    },
    kick() {
      if (kicked !== null || readScimSettings(db) === null) return;
      kicked = setTimeout(() => {
        kicked = null;
        void flush();
      }, 50);
      kicked.unref();
    },
    status,
    list({ state = 'open', limit = 200 }) {
      const where = state === 'open' ? "o.state IN ('pending', 'dead')" : 'o.state = ?';
      const rows = db.prepare(`${selectItem} WHERE ${where} ORDER BY o.id DESC LIMIT ?`).all(...(state === 'open' ? [] : [state]), Math.min(1000, limit)) as OutboxRow[];
      return rows.map(toItem);
    },
    retry(id, actor) {
      const item = readItem(id);
      if (item.state !== 'dead' && item.state !== 'pending') throw new DeskError('CONFLICT', { fr: 'Seul un élément en attente ou en échec peut être renvoyé.', en: 'Only a pending or failed item can be retried.' });
      db.transaction(() => {
        db.prepare("UPDATE scim_outbox SET state = 'pending', next_attempt_at = ? WHERE id = ?").run(clock.now().toISOString(), id);
        appendJournalEntry(db, clock, { actor, action: 'scim.retry', subject: { type: 'identity', id: item.identityId }, before: { state: item.state, error: item.lastError }, after: { outboxId: id, state: 'pending' } });
      }).immediate();
      this.kick();
      return readItem(id);
    },
    discard(id, reason, actor) {
      const item = readItem(id);
      if (item.state !== 'dead' && item.state !== 'pending') throw new DeskError('CONFLICT', { fr: 'Seul un élément en attente ou en échec peut être abandonné.', en: 'Only a pending or failed item can be discarded.' });
      db.transaction(() => {
        db.prepare("UPDATE scim_outbox SET state = 'discarded', closed_by = ?, close_reason = ? WHERE id = ?").run(actor.agentId ?? 'system', reason, id);
        appendJournalEntry(db, clock, { actor, action: 'scim.discard', subject: { type: 'identity', id: item.identityId }, before: { state: item.state, error: item.lastError }, after: { outboxId: id, state: 'discarded', reason } });
      }).immediate();
      onChange(status());
      this.kick();
      return readItem(id);
    },
  };
}
