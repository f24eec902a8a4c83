import type { Migration } from './types';

/**
 * Calibrated scoring: each link keeps its match probability and the prior it started from (the
 * explanation's waterfall: prior, then each field's weight, then the probability), and each run's
 * estimated Fellegi–Sunter model (m, u and weight per field and level) is kept for the desk and audits.
 */
export const addLinkProbability: Migration = {
  version: 240,
  name: 'add-link-probability',
  up(db) {
    db.exec(`
      ALTER TABLE identity_links ADD COLUMN probability REAL;
      ALTER TABLE identity_links ADD COLUMN prior_weight REAL;
      CREATE TABLE match_models (
        id INTEGER PRIMARY KEY,
        estimated_at TEXT NOT NULL,
        scoring TEXT NOT NULL CHECK (scoring IN ('calibrated', 'seed-points')),
        model_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
