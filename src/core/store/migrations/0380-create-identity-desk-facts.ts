import type { Migration } from './types';

/**
 * What the desk decided about an identity, kept apart from the columns a reconciliation run
 * rewrites from the sources: an RPPS paired at the desk (CPS confirmation, night-desk register
 * holder), an immediate departure, a corrected HR end date (with the HR value the agent
 * overrode, so a later HR change wins again). The identity store re-applies them after every run.
 */
export const createIdentityDeskFacts: Migration = {
  version: 380,
  name: 'create-identity-desk-facts',
  up(db) {
    db.exec(`
      CREATE TABLE identity_desk_facts (
        identity_id TEXT NOT NULL REFERENCES identities(id),
        fact TEXT NOT NULL CHECK (fact IN ('rpps', 'departure', 'end-date')),
        value TEXT,
        hr_value_seen TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (identity_id, fact),
        CHECK (fact = 'end-date' OR value IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX identity_desk_facts_rpps ON identity_desk_facts(value) WHERE fact = 'rpps';
    `);
  },
};
