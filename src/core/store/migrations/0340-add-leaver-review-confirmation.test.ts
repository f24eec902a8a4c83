import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-12-03T08:00:00Z';

describe('migration 0340 add-leaver-review-confirmation', () => {
  it('adds who confirmed an exception and when it was superseded, empty for the reviews already there', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 330 });
    db.prepare(`INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('p-1', 'DURAND', 'Inès', 'left', 'durand ines', ?, ?)`).run(now, now);
    const insertReview = db.prepare(
      `INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at) VALUES (?, 'p-1', 'import', '2026-12-02', '[]', '2026-12-10', ?, 'system', ?)`,
    );
    insertReview.run('l-1', 'restored', now);
    for (const migration of migrations.filter((m) => m.version === 340)) migration.up(db);
    expect(db.prepare('SELECT confirmed_by, superseded_at FROM leaver_reviews').get()).toEqual({ confirmed_by: null, superseded_at: null });
    insertReview.run('l-2', 'open', now);
    db.prepare("UPDATE leaver_reviews SET status = 'restored', confirmed_by = 'agent-2' WHERE id = 'l-2'").run();
    expect(db.prepare("SELECT confirmed_by FROM leaver_reviews WHERE id = 'l-2'").get()).toEqual({ confirmed_by: 'agent-2' });
    db.close();
  });
});
