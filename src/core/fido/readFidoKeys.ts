import type Database from 'better-sqlite3';
import type { FidoKeyView } from '../../shared/api/fido.contract';
import type { MieStatus } from '../../shared/api/enrollment.contract';

interface KeyRow {
  credential_id: string;
  identity_id: string;
  status: 'pending' | 'active';
  mie_id: string | null;
  mie_status: MieStatus | null;
  role: FidoKeyView['role'];
  label: string;
  serial: string | null;
  aaguid: string;
  model: string | null;
  certification: string | null;
  attestation_format: string;
  attestation_result: FidoKeyView['attestation'];
  transports_json: string;
  backed_up: number;
  sign_count: number;
  enrolled_by: string;
  enrolled_at: string;
  last_used_at: string | null;
  sponsorship_id: string | null;
  sponsor_name: string | null;
}

/** FIDO keys of one person, or one key, newest first; a key is usable while its MIE is active. */
export function readFidoKeys(db: Database.Database, filter: { identityId: string } | { credentialId: string } | { sponsorshipId: string }): FidoKeyView[] {
  const [column, value] =
    'identityId' in filter ? ['c.identity_id', filter.identityId] : 'credentialId' in filter ? ['c.credential_id', filter.credentialId] : ['c.sponsorship_id', filter.sponsorshipId];
  const rows = db
    .prepare(
      `SELECT c.*, m.status AS mie_status, sp.first_name || ' ' || sp.last_name AS sponsor_name
         FROM fido_credentials c
         LEFT JOIN mie m ON m.id = c.mie_id
         LEFT JOIN fido_sponsorships s ON s.id = c.sponsorship_id
         LEFT JOIN identities sp ON sp.id = s.sponsor_id
        WHERE ${column} = ?
        ORDER BY c.enrolled_at DESC, c.credential_id`,
    )
    .all(value) as KeyRow[];
  return rows.map((row) => ({
    credentialId: row.credential_id,
    identityId: row.identity_id,
    state: row.status === 'pending' ? 'pending' : row.mie_status === 'active' || row.mie_status === 'suspended' ? 'active' : 'revoked',
    mieId: row.mie_id,
    mieStatus: row.mie_status,
    role: row.role,
    label: row.label,
    serial: row.serial,
    aaguid: row.aaguid,
    model: row.model,
    certification: row.certification,
    attestationFormat: row.attestation_format,
    attestation: row.attestation_result,
    transports: JSON.parse(row.transports_json) as string[],
    backedUp: row.backed_up === 1,
    signCount: row.sign_count,
    enrolledBy: row.enrolled_by,
    enrolledAt: row.enrolled_at,
    lastUsedAt: row.last_used_at,
    sponsorshipId: row.sponsorship_id,
    sponsorName: row.sponsor_name,
  }));
}
