import type { Migration } from './types';

/**
 * FIDO2 security keys and what vouches for them:
 * - `fido_credentials`: one WebAuthn credential per row, `pending` until its test authentication
 *   succeeds, then `active` and bound to a MIE (whose status says whether it is still usable);
 * - `fido_challenges`: single-use, expiring ceremony challenges, tied to the desk connection;
 * - `fido_metadata` + `fido_metadata_imports`: the offline FIDO metadata (AAGUID → model, status);
 * - `fido_sponsorships`: a colleague vouching in person for a backup key (parrainage).
 */
export const createFido: Migration = {
  version: 150,
  name: 'create-fido',
  up(db) {
    db.exec(`
      CREATE TABLE fido_sponsorships (
        id TEXT PRIMARY KEY,
        sponsor_id TEXT NOT NULL REFERENCES identities(id),
        enrollee_id TEXT NOT NULL REFERENCES identities(id),
        agent_id TEXT NOT NULL,
        sponsor_method TEXT NOT NULL CHECK (sponsor_method IN ('fido', 'cps')),
        -- The credential id of the sponsor's FIDO key, or the serial of their CPS.
        sponsor_means TEXT NOT NULL,
        document_type TEXT NOT NULL CHECK (length(document_type) > 0),
        document_last_chars TEXT NOT NULL CHECK (length(document_last_chars) BETWEEN 2 AND 8),
        status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        revoke_reason TEXT,
        CHECK (sponsor_id <> enrollee_id)
      ) STRICT;
      CREATE INDEX fido_sponsorships_sponsor ON fido_sponsorships(sponsor_id, created_at);

      CREATE TABLE fido_credentials (
        credential_id TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL REFERENCES identities(id),
        mie_id TEXT UNIQUE REFERENCES mie(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
        role TEXT NOT NULL CHECK (role IN ('primary', 'backup')),
        sponsorship_id TEXT REFERENCES fido_sponsorships(id),
        rp_id TEXT NOT NULL,
        public_key BLOB NOT NULL,
        sign_count INTEGER NOT NULL CHECK (sign_count >= 0),
        aaguid TEXT NOT NULL,
        transports_json TEXT NOT NULL DEFAULT '[]',
        device_type TEXT NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
        backed_up INTEGER NOT NULL CHECK (backed_up IN (0, 1)),
        attestation_format TEXT NOT NULL,
        attestation_result TEXT NOT NULL CHECK (attestation_result IN ('trusted', 'unverified', 'self', 'none')),
        model TEXT,
        certification TEXT,
        label TEXT NOT NULL CHECK (length(label) > 0),
        serial TEXT,
        enrolled_by TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        last_used_at TEXT,
        CHECK (role = 'primary' OR sponsorship_id IS NOT NULL OR status = 'pending')
      ) STRICT;
      CREATE INDEX fido_credentials_identity ON fido_credentials(identity_id);

      CREATE TABLE fido_challenges (
        challenge TEXT PRIMARY KEY,
        connection_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'key-test', 'sponsor')),
        identity_id TEXT NOT NULL,
        context_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fido_metadata (
        aaguid TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        status TEXT,
        status_date TEXT,
        root_certificates_json TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL CHECK (source IN ('mds-blob', 'statements')),
        import_id INTEGER NOT NULL REFERENCES fido_metadata_imports(id)
      ) STRICT;

      CREATE TABLE fido_metadata_imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('mds-blob', 'statements')),
        blob_number INTEGER,
        next_update TEXT,
        entries INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
