import type Database from 'better-sqlite3';
import type { AuthenticatorTransport, WebAuthnCredential } from '@simplewebauthn/server';

/** A person's keys that can authenticate now: tested (active) and with an active MIE. */
export function readUsableCredentials(db: Database.Database, identityId: string): WebAuthnCredential[] {
  const rows = db
    .prepare(
      `SELECT c.credential_id, c.public_key, c.sign_count, c.transports_json FROM fido_credentials c JOIN mie m ON m.id = c.mie_id
        WHERE c.identity_id = ? AND c.status = 'active' AND m.status = 'active'`,
    )
    .all(identityId) as { credential_id: string; public_key: Buffer; sign_count: number; transports_json: string }[];
  return rows.map((row) => ({
    id: row.credential_id,
    publicKey: new Uint8Array(row.public_key),
    counter: row.sign_count,
    transports: JSON.parse(row.transports_json) as AuthenticatorTransport[],
  }));
}
