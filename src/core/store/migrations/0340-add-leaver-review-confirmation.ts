import type { Migration } from './types';

/**
 * A leaver review settled by an exception (the person keeps their means despite the HR end date)
 * names the second agent who confirmed it in person (four eyes), and ends when a departure is
 * later recorded at the desk (`superseded_at`): the exception no longer covers that person.
 */
export const addLeaverReviewConfirmation: Migration = {
  version: 340,
  name: 'add-leaver-review-confirmation',
  up(db) {
    db.exec('ALTER TABLE leaver_reviews ADD COLUMN confirmed_by TEXT; ALTER TABLE leaver_reviews ADD COLUMN superseded_at TEXT;');
  },
};
