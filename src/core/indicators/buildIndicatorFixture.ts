import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { openDatabase } from '../store/openDatabase';

/** The fixture's "now": 3 December 2026, 10:00 UTC. */
export const fixtureClock: Clock = { now: () => new Date('2026-12-03T10:00:00Z') };

/**
 * A small establishment written row by row, whose every figure the tests work out by hand:
 * sources (register, HR, AD, an application), identities with their links, means and their
 * history, leaver reviews and night-desk issuances. Kept beside the tests that read it.
 */
export function buildIndicatorFixture(): Database.Database {
  const db = openDatabase({ path: ':memory:' });
  const at = '2026-11-23T08:00:00Z';
  db.exec(`
    INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'Annuaire Santé'), ('sirh', 'csv', 'hr', 'SIRH'),
      ('ad', 'ldif', 'directory', 'AD'), ('dpi', 'csv', 'application', 'DPI');
    INSERT INTO import_runs (id, source_id, started_at, finished_at, status) VALUES (1, 'sirh', '2026-11-01T08:00:00Z', '2026-11-01T08:01:00Z', 'succeeded'),
      (2, 'ad', '${at}', '2026-11-23T08:01:00Z', 'succeeded');
    INSERT INTO settings (key, value_json) VALUES ('establishment', '{"name":"Hôpital Fixture","finess":["750000001"]}');
  `);
  const identity = db.prepare(
    `INSERT INTO identities (id, last_name, first_name, rpps, hr_id, profession, hr_end_date, status, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '${at}', '${at}')`,
  );
  identity.run('p1', 'MARTIN', 'Anne', 'R1', 'H1', 'Médecin', null, 'active');
  identity.run('p2', 'DURAND', 'Paul', null, 'H2', 'Infirmier', null, 'active');
  identity.run('p3', 'PETIT', 'Léa', null, 'H3', 'Secrétaire médicale', null, 'active');
  identity.run('p4', 'ROUX', 'Marc', 'R4', 'H4', 'Pharmacien', '2026-11-20', 'left');
  identity.run('p5', 'BLANC', 'Julie', 'R5', 'H5', 'Infirmière', null, 'active');
  identity.run('p6', 'NUIT', 'Ines', null, null, null, null, 'temporary');
  identity.run('p7', 'FAURE', 'Luc', null, 'H7', 'Agent administratif', '2026-11-01', 'left');
  identity.run('p8', 'NOEL', 'Eva', null, 'H8', 'Agent administratif', '2026-10-10', 'left');
  identity.run('p9', 'LEROY', 'Guy', null, 'H9', 'Agent administratif', '2026-11-25', 'left');

  const record = db.prepare(
    `INSERT INTO source_records (id, source_id, record_key, raw_json, attributes_json, rpps, last_name, first_name, present, first_run_id, updated_at)
     VALUES (?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, '${at}')`,
  );
  const link = db.prepare(`INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at) VALUES (?, ?, ?, ?, ?, '${at}')`);
  // HR anchors.
  [['p1', 'H1'], ['p2', 'H2'], ['p3', 'H3'], ['p4', 'H4'], ['p5', 'H5'], ['p7', 'H7'], ['p8', 'H8'], ['p9', 'H9']].forEach(([id, hrId], index) => {
    record.run(100 + index, 'sirh', hrId, JSON.stringify({ hrId }), null, null, null, 1, 1);
    link.run(100 + index, id, 'hr-reference', 100, 'automatic');
  });
  // The register: R1 and R5 confirmed, R9 someone elsewhere, R8 removed by the last import.
  record.run(200, 'rpps', 'R1', '{"rpps":"R1"}', 'R1', 'MARTIN', 'Anne', 1, null);
  record.run(201, 'rpps', 'R5', '{"rpps":"R5"}', 'R5', 'BLANC', 'Julie', 1, null);
  record.run(202, 'rpps', 'R9', '{"rpps":"R9"}', 'R9', 'AUTRE', 'Jean', 1, null);
  record.run(203, 'rpps', 'R8', '{"rpps":"R8"}', 'R8', 'ANCIEN', 'Jean', 0, null);
  link.run(200, 'p1', 'R1', 100, 'automatic');
  link.run(201, 'p5', 'points', 70, 'validated');
  // Active Directory.
  const ad = (id: number, key: string, attributes: object, lastName: string | null, firstName: string | null) => record.run(id, 'ad', key, JSON.stringify({ adId: key, ...attributes }), null, lastName, firstName, 1, 2);
  ad(300, 'amartin', { lastName: 'MARTIN', firstName: 'Anne', enabled: true, lastLogin: '2026-01-01' }, 'MARTIN', 'Anne');
  ad(301, 'pdurand', { lastName: 'DURAND', firstName: 'Paul', enabled: true, lastLogin: '2026-11-30T07:12:00Z' }, 'DURAND', 'Paul');
  ad(302, 'lpetit', { lastName: 'PETIT', firstName: 'Léa', enabled: true }, 'PETIT', 'Léa');
  ad(303, 'lpetit2', { lastName: 'PETIT', firstName: 'Lea', enabled: true }, 'PETIT', 'Lea');
  ad(304, 'mroux', { lastName: 'ROUX', firstName: 'Marc', lastLogin: '2026-08-01T12:00:00Z' }, 'ROUX', 'Marc');
  ad(305, 'svc_backup', { enabled: true, lastLogin: '2025-06-01' }, null, null);
  ad(306, 'jdoe', { lastName: 'DOE', firstName: 'John', enabled: false, lastLogin: '2025-01-01' }, 'DOE', 'John');
  ad(307, 'admin.x', { lastName: 'X', firstName: 'Admin', enabled: true }, 'X', 'Admin');
  link.run(300, 'p1', 'points', 90, 'automatic');
  link.run(301, 'p2', 'points', 70, 'pending');
  link.run(302, 'p3', 'points', 90, 'validated');
  link.run(303, 'p3', 'points', 80, 'automatic');
  link.run(304, 'p4', 'points', 95, 'automatic');
  // The patient record application.
  record.run(400, 'dpi', 'amartin.001', JSON.stringify({ lastName: 'MARTIN', firstName: 'Anne', rpps: 'R1', lastLogin: '2026-11-01' }), 'R1', 'MARTIN', 'Anne', 1, null);
  record.run(401, 'dpi', 'zz', '{}', null, null, null, 1, null);
  link.run(400, 'p1', 'R1', 100, 'automatic');

  const mie = db.prepare(
    `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, valid_until, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', ?, 'agent', '2026-01-01T00:00:00Z', 'agent', ?)`,
  );
  mie.run('m1cps', 'cps', 'CPS1', 'p1', 'active', '2027-06-01T00:00:00Z', '2026-01-01T00:00:00Z');
  mie.run('m1fido', 'fido', 'cred-1', 'p1', 'active', null, '2026-01-01T00:00:00Z');
  mie.run('m1fido2', 'fido', 'cred-2', 'p1', 'active', null, '2026-01-01T00:00:00Z');
  mie.run('m2badge', 'badge', 'B2', 'p2', 'active', '2026-12-20T00:00:00Z', '2026-01-01T00:00:00Z');
  mie.run('m2old', 'badge', 'B2OLD', 'p2', 'lost', null, '2026-12-01T09:00:00Z');
  mie.run('m3badge', 'badge', 'B3', 'p3', 'suspended', null, '2026-01-01T00:00:00Z');
  mie.run('m3old', 'badge', 'B3OLD', 'p3', 'stolen', null, '2026-11-28T09:00:00Z');
  mie.run('m3fido', 'fido', 'cred-3', 'p3', 'active', null, '2026-01-01T00:00:00Z');
  mie.run('m4badge', 'badge', 'B4', 'p4', 'active', null, '2026-01-01T00:00:00Z');
  mie.run('m7badge', 'badge', 'B7', 'p7', 'suspended', null, '2026-11-03T12:00:00Z');
  mie.run('m7cps', 'cps', 'CPS7', 'p7', 'expired', null, '2026-11-01T06:00:00Z');
  mie.run('m8badge', 'badge', 'B8', 'p8', 'suspended', null, '2026-10-20T00:00:00Z');
  mie.run('m9badge', 'badge', 'B9', 'p9', 'returned', null, '2026-11-20T00:00:00Z');
  mie.run('t1', 'temporary-badge', 'T1', 'p6', 'active', '2026-12-03T15:00:00Z', '2026-12-03T02:00:00Z');
  mie.run('t2', 'temporary-badge', 'T2', 'p2', 'expired', '2026-12-01T08:00:00Z', '2026-12-01T08:00:00Z');
  mie.run('t3', 'temporary-badge', 'T3', 'p5', 'returned', '2026-11-20T12:00:00Z', '2026-11-20T09:00:00Z');
  mie.run('t4', 'temporary-badge', 'T4', 'p3', 'returned', '2026-10-01T12:00:00Z', '2026-10-01T09:00:00Z');
  const history = db.prepare(`INSERT INTO mie_history (mie_id, identity_id, action, from_status, to_status, agent_id, desk, at) VALUES (?, ?, ?, ?, ?, 'agent', 'desk', ?)`);
  history.run('m2old', 'p2', 'declare-lost', 'active', 'lost', '2026-12-01T09:00:00Z');
  history.run('m3old', 'p3', 'declare-stolen', 'active', 'stolen', '2026-11-28T09:00:00Z');
  history.run('m7badge', 'p7', 'suspend', 'active', 'suspended', '2026-11-03T12:00:00Z');
  history.run('m7cps', 'p7', 'expire', 'active', 'expired', '2026-11-01T06:00:00Z');
  history.run('m8badge', 'p8', 'suspend', 'active', 'suspended', '2026-10-20T00:00:00Z');
  history.run('m9badge', 'p9', 'return', 'active', 'returned', '2026-11-20T00:00:00Z');

  db.exec(`
    INSERT INTO fido_sponsorships (id, sponsor_id, enrollee_id, agent_id, sponsor_method, sponsor_means, document_type, document_last_chars, status, created_at)
      VALUES ('s1', 'p3', 'p1', 'agent', 'fido', 'cred-3', 'CNI', '1234', 'active', '2026-06-01T00:00:00Z');
    INSERT INTO fido_credentials (credential_id, identity_id, mie_id, status, role, sponsorship_id, rp_id, public_key, sign_count, aaguid, device_type, backed_up,
                                  attestation_format, attestation_result, label, enrolled_by, enrolled_at)
    VALUES ('cred-1', 'p1', 'm1fido', 'active', 'primary', NULL, 'localhost', x'01', 0, 'a', 'singleDevice', 0, 'none', 'none', 'Clé 1', 'agent', '2026-06-01'),
           ('cred-2', 'p1', 'm1fido2', 'active', 'backup', 's1', 'localhost', x'01', 0, 'a', 'singleDevice', 0, 'none', 'none', 'Clé 2', 'agent', '2026-06-01'),
           ('cred-3', 'p3', 'm3fido', 'active', 'primary', NULL, 'localhost', x'01', 0, 'a', 'singleDevice', 0, 'none', 'none', 'Clé 3', 'agent', '2026-06-01');

    INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at) VALUES
      ('l4', 'p4', 'import', '2026-11-20', '[]', '2026-11-27', 'open', 'system', '2026-11-20T08:00:00Z'),
      ('l7', 'p7', 'import', '2026-11-01', '[]', '2026-11-08', 'revoked', 'system', '2026-11-01T08:00:00Z'),
      ('l9', 'p9', 'import', '2026-11-25', '[]', '2026-12-05', 'open', 'system', '2026-11-28T08:00:00Z');

    INSERT INTO temporary_pool (identifier, card_type, label, state, registered_by, registered_at, updated_at) VALUES
      ('T1', 'DESFIRE', 'Nuit-01', 'issued', 'agent', '2026-01-01', '2026-01-01'), ('T2', 'DESFIRE', 'Nuit-02', 'issued', 'agent', '2026-01-01', '2026-01-01'),
      ('T3', 'DESFIRE', 'Nuit-03', 'returned', 'agent', '2026-01-01', '2026-01-01'), ('T4', 'DESFIRE', 'Nuit-04', 'returned', 'agent', '2026-01-01', '2026-01-01');
    INSERT INTO temporary_issuances (id, mie_id, identity_id, card_identifier, reason, issued_by, issued_at, ends_at, desk_seconds, closed_at, closed_reason, card_back_at) VALUES
      ('i1', 't1', 'p6', 'T1', 'newcomer', 'agent', '2026-12-03T02:00:00Z', '2026-12-03T15:00:00Z', 120, NULL, NULL, NULL),
      ('i2', 't2', 'p2', 'T2', 'forgotten-card', 'agent', '2026-11-30T23:00:00Z', '2026-12-01T08:00:00Z', 300, '2026-12-01T08:00:00Z', 'expired', NULL),
      ('i3', 't3', 'p5', 'T3', 'forgotten-card', 'agent', '2026-11-20T01:00:00Z', '2026-11-20T12:00:00Z', 1200, '2026-11-20T09:00:00Z', 'returned', '2026-11-20T09:00:00Z'),
      ('i4', 't4', 'p3', 'T4', 'forgotten-card', 'agent', '2026-10-01T01:00:00Z', '2026-10-01T12:00:00Z', 60, '2026-10-01T09:00:00Z', 'returned', '2026-10-01T09:00:00Z');
    INSERT INTO regularization_tasks (id, identity_id, issuance_id, status, created_at) VALUES ('r1', 'p6', 'i1', 'open', '2026-12-03T02:00:00Z'),
      ('r4', 'p3', 'i4', 'confirmed', '2026-10-01T02:00:00Z');
  `);
  return db;
}
