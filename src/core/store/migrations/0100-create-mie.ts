import type { Migration } from './types';

/**
 * Identification means (MIE) bound to people: CPS cards (by card serial), badges (by UID or
 * on-card application id), FIDO2 keys (by credential id) and temporary badges. A card identifier
 * is live (active or suspended) for one person at most; every status change is kept in
 * `mie_history`.
 */
export const createMie: Migration = {
  version: 100,
  name: 'create-mie',
  up(db) {
    db.exec(`
      CREATE TABLE mie (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('cps', 'badge', 'fido', 'temporary-badge')),
        identifier TEXT NOT NULL CHECK (length(identifier) > 0),
        identity_id TEXT NOT NULL REFERENCES identities(id),
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'lost', 'stolen', 'replaced', 'returned', 'expired')),
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
      CREATE UNIQUE INDEX mie_live_identifier ON mie(kind, identifier) WHERE status IN ('active', 'suspended');
      CREATE INDEX mie_identifier ON mie(identifier);
      CREATE INDEX mie_identity ON mie(identity_id);

      CREATE TABLE mie_history (
        id INTEGER PRIMARY KEY,
        mie_id TEXT NOT NULL REFERENCES mie(id),
        identity_id TEXT NOT NULL REFERENCES identities(id),
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT,
        agent_id TEXT NOT NULL,
        desk TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mie_history_mie ON mie_history(mie_id);
      CREATE INDEX mie_history_identity ON mie_history(identity_id);
    `);
  },
};
