import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { buildSearchText, dateSearchForms } from '../directory/buildSearchText';
import { identityStatusFromEndDate } from '../directory/identityStatus';
import type { DemoHospital } from './generateDemoHospital';

/**
 * Fills an empty database with the demo hospital. Identities come from HR (the reference for who
 * works here); other records are attached only through shared identifiers (matricule, RPPS), so
 * name-only look-alikes stay unlinked until the reconciliation engine reviews them.
 */
export function seedDemoDirectory(db: Database.Database, hospital: DemoHospital, clock: Clock): void {
  const now = clock.now().toISOString();
  const today = isoDay(clock.now());
  db.transaction(() => {
    const insertSource = db.prepare('INSERT INTO sources (id, kind, role, label) VALUES (?, ?, ?, ?)');
    for (const source of hospital.sources) insertSource.run(source.id, source.kind, source.role, source.label);

    const insertRecord = db.prepare(
      `INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, hr_id, ad_id,
                                   last_name, first_name, birth_date, search_text, updated_at)
       VALUES (@sourceId, @recordKey, @raw, @attributes, @rpps, @hrId, @adId, @lastName, @firstName, @birthDate, @searchText, @now)`,
    );
    const recordIds = new Map<string, number>();
    for (const record of hospital.records) {
      const a = record.attributes;
      const result = insertRecord.run({
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
      recordIds.set(`${record.sourceId}/${record.recordKey}`, Number(result.lastInsertRowid));
    }

    const insertIdentity = db.prepare(
      `INSERT INTO identities (id, last_name, birth_name, first_name, birth_date, sex, rpps, hr_id, ad_id,
                               profession, service, email, hr_end_date, status, search_text, created_at, updated_at)
       VALUES (@id, @lastName, @birthName, @firstName, @birthDate, @sex, @rpps, @hrId, @adId,
               @profession, @service, @email, @endDate, @status, @searchText, @now, @now)`,
    );
    const insertLink = db.prepare(
      `INSERT INTO identity_links (record_id, identity_id, rule, score, decision, evidence_json, created_at)
       VALUES (?, ?, ?, 100, 'automatic', ?, ?)`,
    );
    const identityByHrId = new Map<string, string>();
    const identityByRpps = new Map<string, string>();
    for (const record of hospital.records.filter((r) => r.sourceId === 'sirh')) {
      const a = record.attributes;
      const person = hospital.people.find((p) => p.hrId === a.hrId)!;
      const id = randomUUID();
      insertIdentity.run({
        id,
        lastName: a.lastName ?? '',
        birthName: a.birthName ?? null,
        firstName: a.firstName ?? '',
        birthDate: a.birthDate ?? null,
        sex: a.sex ?? null,
        rpps: a.rpps ?? null,
        hrId: a.hrId ?? null,
        adId: person.adId,
        profession: a.profession ?? null,
        service: a.service ?? null,
        email: person.email,
        endDate: a.endDate ?? null,
        status: identityStatusFromEndDate(a.endDate, today),
        searchText: buildSearchText([a.lastName, a.birthName, a.firstName, a.rpps, a.hrId, person.adId, ...dateSearchForms(a.birthDate)]),
        now,
      });
      insertLink.run(recordIds.get(`sirh/${record.recordKey}`), id, 'hr-reference', JSON.stringify([{ field: 'hrId', outcome: 'reference' }]), now);
      identityByHrId.set(a.hrId!, id);
      if (a.rpps !== undefined) identityByRpps.set(a.rpps, id);
    }
    for (const record of hospital.records.filter((r) => r.sourceId !== 'sirh')) {
      const a = record.attributes;
      const byHrId = a.hrId === undefined ? undefined : identityByHrId.get(a.hrId);
      const byRpps = a.rpps === undefined ? undefined : identityByRpps.get(a.rpps);
      const identityId = byHrId ?? byRpps;
      if (identityId === undefined) continue;
      const field = byHrId !== undefined ? 'hrId' : 'rpps';
      insertLink.run(
        recordIds.get(`${record.sourceId}/${record.recordKey}`),
        identityId,
        `same-${field === 'hrId' ? 'hr-id' : 'rpps'}`,
        JSON.stringify([{ field, outcome: 'identical' }]),
        now,
      );
    }

    const insertAgent = db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES (?, ?, ?)");
    for (const agent of hospital.agents) insertAgent.run(identityByHrId.get(agent.hrId), agent.role, now);

    const setSetting = db.prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)');
    setSetting.run('establishment', JSON.stringify(hospital.establishment));
    setSetting.run('demoDirectory', 'true');
  })();
}
