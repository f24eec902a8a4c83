import type Database from 'better-sqlite3';

export interface KeyModel {
  aaguid: string;
  description: string;
  /** Latest status report (`FIDO_CERTIFIED_L1`, `REVOKED`, `ATTESTATION_KEY_COMPROMISE`…), if any. */
  status: string | null;
  rootCertificates: string[];
  source: 'mds-blob' | 'statements';
}

/** The model the offline metadata knows for an AAGUID, or null. */
export function lookUpKeyModel(db: Database.Database, aaguid: string): KeyModel | null {
  const row = db.prepare('SELECT aaguid, description, status, root_certificates_json, source FROM fido_metadata WHERE aaguid = ?').get(aaguid.toLowerCase()) as
    | { aaguid: string; description: string; status: string | null; root_certificates_json: string; source: KeyModel['source'] }
    | undefined;
  return row === undefined
    ? null
    : { aaguid: row.aaguid, description: row.description, status: row.status, rootCertificates: JSON.parse(row.root_certificates_json) as string[], source: row.source };
}
