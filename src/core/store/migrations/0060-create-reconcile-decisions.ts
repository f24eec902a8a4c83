import type { Migration } from './types';

/**
 * Human decisions on proposed links, kept apart from `identity_links` (which every run rebuilds):
 * an accepted or rejected link survives re-imports and re-runs, and wins over the engine.
 * Records are named by source and key, identities by their stable id.
 */
export const createReconcileDecisions: Migration = {
  version: 60,
  name: 'create-reconcile-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE reconcile_decisions (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL,
        record_key TEXT NOT NULL,
        identity_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        UNIQUE (source_id, record_key, identity_id)
      ) STRICT;
      CREATE INDEX reconcile_decisions_record ON reconcile_decisions(source_id, record_key);
    `);
  },
};
