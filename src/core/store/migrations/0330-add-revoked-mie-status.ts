import type { Migration } from './types';

/**
 * A MIE can end as `revoked`: the badge office confirmed that its holder has left. Like lost,
 * stolen and replaced, a revoked card is never issued again.
 *
 * SQLite cannot change a CHECK in place, and foreign keys stay on while migrations run (one
 * transaction), so the table is rebuilt under deferred foreign keys: the rows of `mie_history`,
 * `fido_credentials` and `temporary_issuances` find their parent again when the rows are copied
 * back, before the commit checks them.
 */
export const addRevokedMieStatus: Migration = {
  version: 330,
  name: 'add-revoked-mie-status',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE mie_before_0330 AS SELECT * FROM mie;
      DROP TABLE mie;
      CREATE TABLE mie (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('cps', 'badge', 'fido', 'temporary-badge')),
        identifier TEXT NOT NULL CHECK (length(identifier) > 0),
        identity_id TEXT NOT NULL REFERENCES identities(id),
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'lost', 'stolen', 'replaced', 'returned', 'expired', 'revoked')),
        valid_from TEXT NOT NULL,
        valid_until TEXT,
        label TEXT,
        card_type TEXT,
        additional INTEGER NOT NULL DEFAULT 0 CHECK (additional IN (0, 1)),
        replaces_mie_id TEXT REFERENCES mie(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO mie SELECT * FROM mie_before_0330;
      DROP TABLE mie_before_0330;
      CREATE UNIQUE INDEX mie_live_identifier ON mie(kind, identifier) WHERE status IN ('active', 'suspended');
      CREATE INDEX mie_identifier ON mie(identifier);
      CREATE INDEX mie_identity ON mie(identity_id);
    `);
  },
};
