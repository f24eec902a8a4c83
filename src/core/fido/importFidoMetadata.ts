import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MetadataBLOBPayloadEntry } from '@simplewebauthn/server';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readLatestStatus } from './readLatestStatus';
import { verifyMetadataBlob } from './verifyMetadataBlob';

export interface ImportFidoMetadataRequest {
  actor: Actor;
  kind: 'mds-blob' | 'statements';
  content: string;
  trustAnchors: string[];
}

type StatementEntry = Pick<MetadataBLOBPayloadEntry, 'aaguid' | 'statusReports'> & {
  metadataStatement?: { description?: string; attestationRootCertificates?: string[]; aaguid?: string };
  description?: string;
  attestationRootCertificates?: string[];
};

/**
 * Loads offline FIDO metadata:
 * - an MDS3 BLOB (verified chain and signature, `no` must increase) replaces the BLOB entries;
 * - a statements file (JSON array of MDS entries or bare metadata statements) adds or updates
 *   local entries but never overrides an entry from a verified BLOB.
 * Bad input is refused whole; nothing already imported is lost.
 */
export async function importFidoMetadata(db: Database.Database, clock: Clock, { actor, kind, content, trustAnchors }: ImportFidoMetadataRequest): Promise<{ entries: number }> {
  const refuse = (fr: string, en: string, details: Record<string, unknown> = {}) => new DeskError('INVALID_ARGUMENT', { fr, en }, { rule: 'fido-metadata', ...details });
  let entries: StatementEntry[];
  let blobNumber: number | null = null;
  let nextUpdate: string | null = null;
  if (kind === 'mds-blob') {
    const verification = await verifyMetadataBlob(content, trustAnchors);
    if (!verification.ok) throw refuse(`BLOB de métadonnées FIDO refusé : ${verification.reason}.`, `FIDO metadata BLOB refused: ${verification.reason}.`);
    const last = db.prepare("SELECT MAX(blob_number) AS no FROM fido_metadata_imports WHERE kind = 'mds-blob'").get() as { no: number | null };
    if (last.no !== null && verification.payload.no <= last.no) {
      throw refuse(
        `Ce BLOB porte le numéro ${verification.payload.no}, déjà importé ou plus ancien que le n° ${last.no}.`,
        `This BLOB has number ${verification.payload.no}, not newer than the imported number ${last.no}.`,
        { blobNumber: verification.payload.no, lastBlobNumber: last.no },
      );
    }
    entries = verification.payload.entries as StatementEntry[];
    blobNumber = verification.payload.no;
    nextUpdate = verification.payload.nextUpdate;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      throw refuse(`Fichier de déclarations illisible : JSON attendu (${(error as Error).message}).`, `Unreadable statements file: expected JSON (${(error as Error).message}).`);
    }
    if (!Array.isArray(parsed)) throw refuse('Fichier de déclarations : un tableau JSON était attendu.', 'Statements file: expected a JSON array.');
    entries = parsed as StatementEntry[];
  }
  const rows = entries.flatMap((entry, index) => {
    const aaguid = (entry.aaguid ?? entry.metadataStatement?.aaguid)?.toLowerCase();
    if (aaguid === undefined) return []; // U2F/UAF entries are identified otherwise: not FIDO2 keys.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(aaguid)) {
      throw refuse(`Entrée ${index + 1} : AAGUID « ${aaguid} » invalide (format 8-4-4-4-12 attendu).`, `Entry ${index + 1}: invalid AAGUID "${aaguid}" (expected 8-4-4-4-12).`, { index });
    }
    const description = entry.metadataStatement?.description ?? entry.description;
    if (typeof description !== 'string' || description.trim() === '') {
      throw refuse(`Entrée ${index + 1} (${aaguid}) : nom du modèle (description) manquant.`, `Entry ${index + 1} (${aaguid}): model name (description) missing.`, { index });
    }
    const status = readLatestStatus(entry);
    const roots = entry.metadataStatement?.attestationRootCertificates ?? entry.attestationRootCertificates ?? [];
    return [{ aaguid, description: description.trim(), status: status?.status ?? null, statusDate: status?.effectiveDate ?? null, roots: JSON.stringify(roots) }];
  });

  db.transaction(() => {
    const now = clock.now().toISOString();
    const importId = db
      .prepare('INSERT INTO fido_metadata_imports (kind, blob_number, next_update, entries, sha256, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(kind, blobNumber, nextUpdate, rows.length, createHash('sha256').update(content).digest('hex'), actor.agentId ?? 'system', now).lastInsertRowid;
    if (kind === 'mds-blob') db.prepare("DELETE FROM fido_metadata WHERE source = 'mds-blob'").run();
    const upsert = db.prepare(
      `INSERT INTO fido_metadata (aaguid, description, status, status_date, root_certificates_json, source, import_id)
       VALUES (@aaguid, @description, @status, @statusDate, @roots, @source, @importId)
       ON CONFLICT (aaguid) DO UPDATE SET description = excluded.description, status = excluded.status, status_date = excluded.status_date,
         root_certificates_json = excluded.root_certificates_json, source = excluded.source, import_id = excluded.import_id
       WHERE excluded.source = 'mds-blob' OR fido_metadata.source = 'statements'`,
    );
    for (const row of rows) upsert.run({ ...row, source: kind, importId });
    appendJournalEntry(db, clock, { actor, action: 'fido.metadata.import', subject: { type: 'fido-metadata', id: String(importId) }, after: { kind, blobNumber, nextUpdate, entries: rows.length } });
  }).immediate();
  return { entries: rows.length };
}
