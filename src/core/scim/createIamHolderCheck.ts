import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { GUICHET_USER_EXTENSION, type ScimIdentificationMeans } from '../../shared/scim/guichetUserExtension';
import { createScimClient, type ScimFetch } from './createScimClient';
import { scimString } from './deliverScimItem';
import { readScimSettings, type ScimSettings } from './scimSettings';

export type IamHolderCheck = (request: { identityId: string; value: string }) => Promise<void>;

/**
 * Before a desk binds a card, asks the IAM who holds it (another desk of the GHT may have bound it
 * to someone else): a live binding to another person is refused, naming the holder. When the IAM
 * does not answer within a few seconds the desk binds anyway (the desk works offline) and its
 * outbox meets the IAM's uniqueness check later: a conflict then becomes a dead letter in the work
 * queue, never a silent overwrite.
 */
export function createIamHolderCheck({
  db,
  fetch,
  readToken = (settings) => process.env[settings.tokenEnv] ?? null,
  timeoutMs = 3_000,
}: {
  db: Database.Database;
  fetch?: ScimFetch;
  readToken?: (settings: ScimSettings) => string | null;
  timeoutMs?: number;
}): IamHolderCheck {
  return async ({ identityId, value }) => {
    const settings = readScimSettings(db);
    if (settings === null || !settings.checkBeforeBind) return;
    const token = readToken(settings);
    if (token === null) return;
    const client = createScimClient({ url: settings.url, token, timeoutMs, ...(fetch === undefined ? {} : { fetch }) });
    let users: Record<string, unknown>[];
    try {
      const reply = await client.request('GET', `/Users?filter=${encodeURIComponent(`${GUICHET_USER_EXTENSION}:identificationMeans.value eq ${scimString(value)}`)}&count=5`);
      if (reply.status !== 200) return;
      users = (reply.body?.Resources as Record<string, unknown>[] | undefined) ?? [];
    } catch {
      return;
    }
    const person = db.prepare('SELECT i.hr_id AS hrId, i.rpps, u.scim_id AS scimId FROM identities i LEFT JOIN scim_users u ON u.identity_id = i.id WHERE i.id = ?').get(identityId) as
      | { hrId: string | null; rpps: string | null; scimId: string | null }
      | undefined;
    for (const user of users) {
      const extension = (user[GUICHET_USER_EXTENSION] ?? {}) as { identificationMeans?: ScimIdentificationMeans[]; rpps?: string; hrId?: string };
      const held = extension.identificationMeans?.find((means) => means.value === value);
      if (held === undefined || (held.status !== 'active' && held.status !== 'suspended')) continue;
      const samePerson =
        person !== undefined &&
        ((person.scimId !== null && person.scimId === user.id) ||
          (person.hrId !== null && (person.hrId === user.externalId || person.hrId === extension.hrId)) ||
          (person.rpps !== null && person.rpps === extension.rpps));
      if (samePerson) continue;
      const name = user.name as { familyName?: string; givenName?: string } | undefined;
      const holder = [name?.familyName?.toUpperCase(), name?.givenName].filter(Boolean).join(' ') || String(user.userName);
      throw new DeskError(
        'CONFLICT',
        {
          fr: `Cette carte est déjà liée dans l’IAM de l’établissement à ${holder} (compte ${String(user.userName)}, statut ${held.status === 'active' ? 'active' : 'suspendue'}) : elle ne peut pas être liée à une autre personne. Faites-la d’abord retirer à son titulaire.`,
          en: `This card is already bound in the establishment’s IAM to ${holder} (account ${String(user.userName)}, ${held.status}): it cannot be bound to another person. Have it withdrawn from its holder first.`,
        },
        { rule: 'iam-holder', holder, userName: String(user.userName) },
      );
    }
  };
}
