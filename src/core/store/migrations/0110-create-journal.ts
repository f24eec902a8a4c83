import type { Migration } from './types';

/**
 * The append-only journal of every act. Each entry carries the hash of the previous one
 * (`audit verify` recomputes the chain); `journal_head` remembers the last entry so a truncated
 * tail is detected too. The triggers refuse UPDATE and DELETE through the application; the hash
 * chain is what proves nobody went around them.
 */
export const createJournal: Migration = {
  version: 110,
  name: 'create-journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        agent_id TEXT,
        agent_name TEXT,
        desk TEXT NOT NULL,
        action TEXT NOT NULL,
        subject_type TEXT,
        subject_id TEXT,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journal_subject ON journal(subject_type, subject_id);

      CREATE TABLE journal_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        entries INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: entries cannot be modified'); END;
      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: entries cannot be deleted'); END;
      CREATE TRIGGER journal_head_no_delete BEFORE DELETE ON journal_head
      BEGIN SELECT RAISE(ABORT, 'journal head cannot be deleted'); END;
    `);
  },
};
