import type { Migration } from './types';

/** Desk agents are identities with a role; the role is checked by the core on every act. */
export const createAgents: Migration = {
  version: 20,
  name: 'create-agents',
  up(db) {
    db.exec(`
      CREATE TABLE agents (
        identity_id TEXT PRIMARY KEY REFERENCES identities(id),
        role TEXT NOT NULL CHECK (role IN ('badge-office', 'night-desk', 'auditor', 'admin')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
