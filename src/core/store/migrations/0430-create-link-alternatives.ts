import type { Migration } from './types';

/**
 * A proposed link's other possible people: when the homonym guard holds a record back between
 * namesakes, the reviewer sees each of them (with the evidence for that pair) and may choose one.
 * Rebuilt with the links at each run, and cleared with its link by the identity store (no foreign
 * key on identity_links: a run empties that table at once, which a child table would slow down).
 */
export const createLinkAlternatives: Migration = {
  version: 430,
  name: 'create-link-alternatives',
  up(db) {
    db.exec(`
      CREATE TABLE identity_link_alternatives (
        record_id INTEGER NOT NULL REFERENCES source_records(id) ON DELETE CASCADE,
        identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        probability REAL,
        evidence_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (record_id, identity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX identity_link_alternatives_identity ON identity_link_alternatives(identity_id);
    `);
  },
};
