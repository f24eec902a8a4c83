import type { Migration } from './types';

/**
 * What the desk owes the hospital's IAM: one row per act on a means, written in the act's own
 * transaction (a durable outbox), sent in order per person, kept until the IAM took it; and the
 * IAM's User each identity maps to, with the version last seen (for `If-Match`).
 */
export const createScimOutbox: Migration = {
  version: 400,
  name: 'create-scim-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE scim_outbox (
        id INTEGER PRIMARY KEY,
        identity_id TEXT NOT NULL,
        mie_id TEXT,
        act TEXT NOT NULL,
        means_json TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_status INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        closed_by TEXT,
        close_reason TEXT
      ) STRICT;
      CREATE INDEX scim_outbox_open ON scim_outbox(identity_id, id) WHERE state IN ('pending', 'dead');
      CREATE INDEX scim_outbox_due ON scim_outbox(next_attempt_at, id) WHERE state = 'pending';
      CREATE TABLE scim_users (
        identity_id TEXT PRIMARY KEY,
        scim_id TEXT NOT NULL,
        version TEXT,
        synced_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
