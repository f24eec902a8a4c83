import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-11-29T00:00:00Z';

describe('migration 0150 create-fido', () => {
  it('adds FIDO tables on top of the MIE schema, with a mandatory label and no self-sponsorship', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 140 });
    const insertIdentity = db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at)
       VALUES (?, 'MARTIN', 'Léa', 'active', 'martin lea', ?, ?)`,
    );
    insertIdentity.run('id-1', now, now);
    insertIdentity.run('id-2', now, now);
    for (const migration of migrations.filter((m) => m.version === 150)) migration.up(db);
    const insertCredential = db.prepare(
      `INSERT INTO fido_credentials (credential_id, identity_id, status, role, rp_id, public_key, sign_count, aaguid, device_type, backed_up,
                                     attestation_format, attestation_result, label, enrolled_by, enrolled_at)
       VALUES (?, 'id-1', 'pending', 'primary', 'localhost', x'01', 0, '00000000-0000-0000-0000-000000000000', 'singleDevice', 0, 'none', 'none', ?, 'agent', ?)`,
    );
    insertCredential.run('cred-1', 'Clé bleue', now);
    expect(() => insertCredential.run('cred-2', '', now)).toThrow(/CHECK/);
    const insertSponsorship = db.prepare(
      `INSERT INTO fido_sponsorships (id, sponsor_id, enrollee_id, agent_id, sponsor_method, sponsor_means, document_type, document_last_chars, status, created_at)
       VALUES (?, ?, ?, 'agent', 'fido', 'cred-1', 'CNI', '1234', 'active', ?)`,
    );
    insertSponsorship.run('s-1', 'id-1', 'id-2', now);
    expect(() => insertSponsorship.run('s-2', 'id-2', 'id-2', now)).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM fido_credentials').get()).toEqual({ n: 1 });
    db.close();
  });
});
