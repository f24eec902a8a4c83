import type { Migration } from './types';

/**
 * A daily snapshot of every dashboard figure, for the trends (7, 30, 365 days): one row per day
 * (the day's first start, then replaced after each import or reconciliation) and one value per
 * figure and day, keyed so that a figure's series is one index range.
 */
export const createIndicatorSnapshots: Migration = {
  version: 360,
  name: 'create-indicator-snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE indicator_snapshots (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        taken_at TEXT NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('start', 'change', 'manual')),
        -- The import runs and reconciliation the figures were computed after.
        directory_stamp TEXT NOT NULL
      ) STRICT;

      CREATE TABLE indicator_snapshot_values (
        figure_key TEXT NOT NULL CHECK (length(figure_key) > 0),
        day TEXT NOT NULL REFERENCES indicator_snapshots(day) ON DELETE CASCADE,
        value REAL,
        PRIMARY KEY (figure_key, day)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX indicator_snapshot_values_day ON indicator_snapshot_values(day);
    `);
  },
};
