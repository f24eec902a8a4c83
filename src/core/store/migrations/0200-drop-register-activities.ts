import type { Migration } from './types';

/**
 * Register records no longer repeat their activities in `attributes_json`: they are read from the
 * extract rows kept as raw (`{"lines": [...]}`), which halves what an import of the national
 * register writes. Stored records lose the copy here, so that the next import of the same extract
 * finds them unchanged. (A record whose raw form has no rows comes from an early development build;
 * the next import rewrites it.)
 */
export const dropRegisterActivities: Migration = {
  version: 200,
  name: 'drop-register-activities',
  up(db) {
    db.exec(`
      UPDATE source_records SET attributes_json = json_remove(attributes_json, '$.activities')
       WHERE source_id IN (SELECT id FROM sources WHERE kind = 'rpps-extract')
         AND json_type(attributes_json, '$.activities') IS NOT NULL
         AND json_type(raw_json, '$.lines') = 'array';
    `);
  },
};
