import type { Migration } from './types';

/**
 * The reconciled directory: what each source said (raw + canonical attributes), the consolidated
 * identities, the explained links between them, and the import runs that brought the records.
 */
export const createDirectory: Migration = {
  version: 10,
  name: 'create-directory',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('register', 'hr', 'directory', 'application')),
        label TEXT NOT NULL,
        config_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'held')),
        stats_json TEXT NOT NULL DEFAULT '{}',
        error TEXT
      ) STRICT;

      CREATE TABLE source_records (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        record_key TEXT NOT NULL,
        raw_json TEXT NOT NULL,
        attributes_json TEXT NOT NULL,
        rpps TEXT,
        hr_id TEXT,
        ad_id TEXT,
        last_name TEXT,
        first_name TEXT,
        birth_date TEXT,
        search_text TEXT NOT NULL DEFAULT '',
        present INTEGER NOT NULL DEFAULT 1,
        first_run_id INTEGER REFERENCES import_runs(id),
        last_run_id INTEGER REFERENCES import_runs(id),
        updated_at TEXT NOT NULL,
        UNIQUE (source_id, record_key)
      ) STRICT;
      CREATE INDEX source_records_rpps ON source_records(rpps) WHERE rpps IS NOT NULL;
      CREATE INDEX source_records_hr_id ON source_records(hr_id) WHERE hr_id IS NOT NULL;
      CREATE INDEX source_records_ad_id ON source_records(ad_id) WHERE ad_id IS NOT NULL;

      CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        last_name TEXT NOT NULL,
        birth_name TEXT,
        first_name TEXT NOT NULL,
        birth_date TEXT,
        sex TEXT,
        rpps TEXT UNIQUE,
        hr_id TEXT UNIQUE,
        ad_id TEXT,
        profession TEXT,
        service TEXT,
        email TEXT,
        hr_end_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'leaving', 'left', 'temporary')),
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE identity_links (
        record_id INTEGER PRIMARY KEY REFERENCES source_records(id) ON DELETE CASCADE,
        identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        score REAL NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('automatic', 'validated', 'pending', 'rejected')),
        evidence_json TEXT NOT NULL DEFAULT '[]',
        validated_by TEXT,
        validated_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX identity_links_identity ON identity_links(identity_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
