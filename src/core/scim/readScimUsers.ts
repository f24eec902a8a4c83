import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MieKind, MieStatus } from '../../shared/api/enrollment.contract';
import { GUICHET_USER_EXTENSION, SCIM_CORE_USER, type GuichetUserExtension, type ScimReconciliationState } from '../../shared/scim/guichetUserExtension';
import { toScimMeans } from '../../shared/scim/toScimMeans';

/** A person of the desk as a SCIM User (RFC 7643 §4.1) with the Guichet extension. */
export interface DeskScimUser {
  schemas: string[];
  id: string;
  userName: string;
  externalId?: string;
  name: { familyName: string; givenName: string; formatted: string };
  emails?: { value: string; type: 'work'; primary: true }[];
  active: boolean;
  meta: { resourceType: 'User'; created: string; lastModified: string; version: string };
  [GUICHET_USER_EXTENSION]: GuichetUserExtension;
}

interface IdentityRow {
  id: string;
  last_name: string;
  first_name: string;
  rpps: string | null;
  hr_id: string | null;
  ad_id: string | null;
  email: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  automatic: number;
  pending: number;
}

interface MieRow {
  id: string;
  identity_id: string;
  kind: MieKind;
  identifier: string;
  status: MieStatus;
  valid_from: string;
  valid_until: string | null;
  label: string | null;
  card_type: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

function stateOf(row: IdentityRow): ScimReconciliationState {
  if (row.status === 'left') return 'left';
  if (row.status === 'temporary') return 'temporary';
  if (row.pending > 0) return 'review';
  return row.automatic > 0 ? 'reconciled' : 'unreconciled';
}

/**
 * The desk's people as SCIM Users, for the read-only service provider: names, account, matricule,
 * RPPS, reconciliation state and every identification means the desk bound (with its status).
 * `meta.version` is a weak ETag that changes when the person or one of their means changes;
 * `meta.lastModified` is the latest of those changes. `only` restricts to one person.
 */
export function readScimUsers(db: Database.Database, { desk, only }: { desk: string; only?: string }): DeskScimUser[] {
  const establishment = db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").pluck().get() as string | undefined;
  const site = establishment === undefined ? undefined : (JSON.parse(establishment) as { finess?: string[] }).finess?.[0];
  const identities = db
    .prepare(
      `SELECT i.id, i.last_name, i.first_name, i.rpps, i.hr_id, i.ad_id, i.email, i.status, i.created_at, i.updated_at,
              (SELECT COUNT(*) FROM identity_links l WHERE l.identity_id = i.id AND l.rule <> 'hr-reference' AND l.decision IN ('automatic', 'validated')) AS automatic,
              (SELECT COUNT(*) FROM identity_links l WHERE l.identity_id = i.id AND l.decision = 'pending') AS pending
         FROM identities i ${only === undefined ? '' : 'WHERE i.id = @only'} ORDER BY i.id`,
    )
    .all(only === undefined ? {} : { only }) as IdentityRow[];
  const means = db
    .prepare(
      `SELECT id, identity_id, kind, identifier, status, valid_from, valid_until, label, card_type, created_by, created_at, updated_at
         FROM mie ${only === undefined ? '' : 'WHERE identity_id = @only'} ORDER BY created_at, rowid`,
    )
    .all(only === undefined ? {} : { only }) as MieRow[];
  const meansOf = new Map<string, MieRow[]>();
  for (const row of means) {
    const list = meansOf.get(row.identity_id) ?? [];
    list.push(row);
    meansOf.set(row.identity_id, list);
  }
  return identities.map((row) => {
    const held = meansOf.get(row.id) ?? [];
    const lastModified = held.reduce((latest, mie) => (mie.updated_at > latest ? mie.updated_at : latest), row.updated_at);
    const version = createHash('sha256')
      .update(JSON.stringify([row, held.map((mie) => [mie.id, mie.status, mie.updated_at])]))
      .digest('base64url')
      .slice(0, 16);
    const extension: GuichetUserExtension = {
      reconciliationState: stateOf(row),
      ...(row.rpps === null ? {} : { rpps: row.rpps }),
      ...(row.hr_id === null ? {} : { hrId: row.hr_id }),
      identificationMeans: held.map((mie) =>
        toScimMeans(
          {
            id: mie.id, kind: mie.kind, identifier: mie.identifier, identityId: mie.identity_id, holderName: '', status: mie.status, validFrom: mie.valid_from, validUntil: mie.valid_until,
            label: mie.label, cardType: mie.card_type, additional: false, replacesMieId: null, createdBy: mie.created_by, createdAt: mie.created_at, updatedAt: mie.updated_at,
          },
          { desk, site },
        ),
      ),
    };
    return {
      schemas: [SCIM_CORE_USER, GUICHET_USER_EXTENSION],
      id: row.id,
      // The account people log in with where known, else the matricule, else the desk's id.
      userName: row.ad_id ?? row.hr_id ?? row.id,
      ...(row.hr_id === null ? {} : { externalId: row.hr_id }),
      name: { familyName: row.last_name, givenName: row.first_name, formatted: `${row.first_name} ${row.last_name}`.trim() },
      ...(row.email === null ? {} : { emails: [{ value: row.email, type: 'work' as const, primary: true as const }] }),
      active: row.status !== 'left',
      meta: { resourceType: 'User', created: row.created_at, lastModified, version: `W/"${version}"` },
      [GUICHET_USER_EXTENSION]: extension,
    };
  });
}
