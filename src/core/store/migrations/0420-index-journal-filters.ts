import type { Migration } from './types';

/**
 * The journal screen filters by act, by agent and by date over a journal that grows by every
 * read of personal data: each filter gets an index that also yields the newest entries first.
 */
export const indexJournalFilters: Migration = {
  version: 420,
  name: 'index-journal-filters',
  up(db) {
    db.exec(`
      CREATE INDEX journal_action ON journal(action, seq);
      CREATE INDEX journal_agent ON journal(agent_id, seq);
      CREATE INDEX journal_at ON journal(at);
    `);
  },
};
