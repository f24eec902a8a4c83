import type { Migration } from './types';

/**
 * The night desk: the pool of pre-registered temporary cards, each temporary issuance (with the
 * main badge it suspended and the desk time it took), the badge office's regularization queue,
 * HR leaver reviews (due D+7) and mass-leaver holds waiting for confirmation.
 */
export const createNightDesk: Migration = {
  version: 180,
  name: 'create-night-desk',
  up(db) {
    db.exec(`
      CREATE TABLE temporary_pool (
        identifier TEXT PRIMARY KEY CHECK (length(identifier) > 0),
        card_type TEXT NOT NULL,
        label TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('available', 'issued', 'returned', 'lost')),
        registered_by TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE temporary_issuances (
        id TEXT PRIMARY KEY,
        mie_id TEXT NOT NULL UNIQUE REFERENCES mie(id),
        identity_id TEXT NOT NULL REFERENCES identities(id),
        card_identifier TEXT NOT NULL REFERENCES temporary_pool(identifier),
        reason TEXT NOT NULL CHECK (reason IN ('newcomer', 'forgotten-card')),
        suspended_mie_ids_json TEXT NOT NULL DEFAULT '[]',
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        desk_seconds REAL,
        interactions INTEGER,
        closed_at TEXT,
        closed_reason TEXT CHECK (closed_reason IN ('returned', 'expired', 'revoked')),
        card_back_at TEXT
      ) STRICT;
      CREATE INDEX temporary_issuances_open ON temporary_issuances(ends_at) WHERE closed_at IS NULL;

      CREATE TABLE regularization_tasks (
        id TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL REFERENCES identities(id),
        issuance_id TEXT NOT NULL REFERENCES temporary_issuances(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'revoked')),
        created_at TEXT NOT NULL,
        hr_identity_id TEXT REFERENCES identities(id),
        resolved_by TEXT,
        resolved_at TEXT,
        reason TEXT
      ) STRICT;

      CREATE TABLE leaver_reviews (
        id TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL REFERENCES identities(id),
        trigger TEXT NOT NULL CHECK (trigger IN ('import', 'departure', 'schedule')),
        hr_end_date TEXT NOT NULL,
        suspended_mie_ids_json TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'revoked', 'restored')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT,
        reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX leaver_reviews_one_open ON leaver_reviews(identity_id) WHERE status = 'open';

      CREATE TABLE leaver_holds (
        id TEXT PRIMARY KEY,
        trigger TEXT NOT NULL CHECK (trigger IN ('import', 'departure', 'schedule')),
        identities_json TEXT NOT NULL,
        affected INTEGER NOT NULL,
        population INTEGER NOT NULL,
        max_share REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('held', 'applied', 'dismissed')),
        created_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
    `);
  },
};
