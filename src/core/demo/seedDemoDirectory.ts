import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { buildSearchText } from '../directory/buildSearchText';
import { reconcileDirectory } from '../reconcile/reconcileDirectory';
import type { DemoHospital } from './generateDemoHospital';

/**
 * Fills an empty database with the demo hospital: its source records, then the reconciliation
 * engine builds the identities (anchored on HR) and their explained links; doubtful links wait in
 * the review queue.
 */
export function seedDemoDirectory(db: Database.Database, hospital: DemoHospital, clock: Clock): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    const insertSource = db.prepare('INSERT INTO sources (id, kind, role, label) VALUES (?, ?, ?, ?)');
    for (const source of hospital.sources) insertSource.run(source.id, source.kind, source.role, source.label);

    const insertRecord = db.prepare(
      `INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, hr_id, ad_id,
                                   last_name, first_name, birth_date, search_text, updated_at)
       VALUES (@sourceId, @recordKey, @raw, @attributes, @rpps, @hrId, @adId, @lastName, @firstName, @birthDate, @searchText, @now)`,
    );
    for (const record of hospital.records) {
      const a = record.attributes;
      insertRecord.run({
        sourceId: record.sourceId,
        recordKey: record.recordKey,
        raw: JSON.stringify(record.raw),
        attributes: JSON.stringify(a),
        rpps: a.rpps ?? null,
        hrId: a.hrId ?? null,
        adId: a.adId ?? null,
        lastName: a.lastName ?? null,
        firstName: a.firstName ?? null,
        birthDate: a.birthDate ?? null,
        searchText: buildSearchText([a.lastName, a.birthName, a.firstName, a.rpps, a.hrId, a.adId]),
        now,
      });
    }

    const setSetting = db.prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)');
    setSetting.run('establishment', JSON.stringify(hospital.establishment));
    setSetting.run('demoDirectory', 'true');

    // Identities come from the reconciliation engine, exactly as for a real establishment.
    reconcileDirectory(db, { clock });
    const identityOfHrId = db.prepare('SELECT id FROM identities WHERE hr_id = ?').pluck();
    const insertAgent = db.prepare('INSERT INTO agents (identity_id, role, created_at) VALUES (?, ?, ?)');
    for (const agent of hospital.agents) insertAgent.run(identityOfHrId.get(agent.hrId), agent.role, now);
  })();
}
