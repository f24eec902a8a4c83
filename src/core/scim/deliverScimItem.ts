import { GUICHET_USER_EXTENSION, SCIM_CORE_USER, SCIM_PATCH_OP, type ScimIdentificationMeans } from '../../shared/scim/guichetUserExtension';
import { describeScimError, type ScimClient, type ScimReply } from './createScimClient';

export interface ScimPerson {
  identityId: string;
  hrId: string | null;
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
}

export interface KnownScimUser {
  scimId: string;
  version: string | null;
}

export type ScimDeliveryOutcome =
  | { kind: 'sent'; user: KnownScimUser; status: number }
  | { kind: 'retry'; delayMs: number | null; status: number | null; error: string; forgetUser?: boolean }
  | { kind: 'dead'; status: number; error: string; conflict: boolean }
  | { kind: 'unknown-user'; error: string };

/** A string in a SCIM filter (RFC 7644 §3.4.2.2: JSON string syntax). */
export const scimString = (value: string): string => JSON.stringify(value);

const meansPath = `${GUICHET_USER_EXTENSION}:identificationMeans`;
const meansOf = (user: Record<string, unknown>): ScimIdentificationMeans[] =>
  ((user[GUICHET_USER_EXTENSION] as { identificationMeans?: ScimIdentificationMeans[] } | undefined)?.identificationMeans ?? []);

/** The reply of a failed request, as the outbox should treat it (RFC 7644 §3.12 and docs/scim.md). */
function classify(reply: ScimReply): ScimDeliveryOutcome {
  const error = describeScimError(reply);
  if (reply.status === 409) return { kind: 'dead', status: 409, error, conflict: true };
  if (reply.status === 429 || reply.status === 503) return { kind: 'retry', delayMs: reply.retryAfterMs, status: reply.status, error };
  if (reply.status >= 500) return { kind: 'retry', delayMs: null, status: reply.status, error };
  return { kind: 'dead', status: reply.status, error, conflict: false };
}

async function findUser(client: ScimClient, person: ScimPerson): Promise<{ user: Record<string, unknown> | null; etag: string | null } | ScimDeliveryOutcome> {
  const filters = [
    person.hrId === null ? null : `externalId eq ${scimString(person.hrId)}`,
    person.hrId === null ? null : `${GUICHET_USER_EXTENSION}:hrId eq ${scimString(person.hrId)}`,
    person.rpps === null ? null : `${GUICHET_USER_EXTENSION}:rpps eq ${scimString(person.rpps)}`,
  ].filter((filter): filter is string => filter !== null);
  for (const filter of filters) {
    const reply = await client.request('GET', `/Users?filter=${encodeURIComponent(filter)}&count=2`);
    if (reply.status !== 200) return classify(reply);
    const found = (reply.body?.Resources as Record<string, unknown>[] | undefined) ?? [];
    if (found.length > 1) return { kind: 'dead', status: 200, error: `Plusieurs utilisateurs de l’IAM répondent à ${filter} : à départager dans l’IAM.`, conflict: true };
    if (found.length === 1) return { user: found[0]!, etag: null };
  }
  return { user: null, etag: null };
}

async function createUser(client: ScimClient, person: ScimPerson, means: ScimIdentificationMeans): Promise<ScimDeliveryOutcome> {
  const reply = await client.request('POST', '/Users', {
    body: {
      schemas: [SCIM_CORE_USER, GUICHET_USER_EXTENSION],
      userName: person.hrId ?? person.rpps ?? person.identityId,
      ...(person.hrId === null ? {} : { externalId: person.hrId }),
      name: { familyName: person.lastName ?? '', givenName: person.firstName ?? '' },
      [GUICHET_USER_EXTENSION]: { identificationMeans: [means], ...(person.rpps === null ? {} : { rpps: person.rpps }), ...(person.hrId === null ? {} : { hrId: person.hrId }) },
    },
  });
  if (reply.status !== 201 && reply.status !== 200) return classify(reply);
  return { kind: 'sent', status: reply.status, user: { scimId: String(reply.body?.id), version: reply.etag ?? ((reply.body?.meta as { version?: string } | undefined)?.version ?? null) } };
}

/** The operations that bring the User's copy of this means to what the desk holds (none: already there). */
export function planMeansPatch(current: readonly ScimIdentificationMeans[], means: ScimIdentificationMeans): { op: 'add' | 'replace'; path: string; value: unknown }[] {
  const existing = current.find((candidate) => candidate.value === means.value);
  if (existing === undefined) return [{ op: 'add', path: meansPath, value: [means] }];
  return (Object.keys(means) as (keyof ScimIdentificationMeans)[])
    .filter((key) => key !== 'value' && existing[key] !== means[key])
    .map((key) => ({ op: 'replace', path: `${meansPath}[value eq ${scimString(means.value)}].${key}`, value: means[key] }));
}

/**
 * Tells the IAM one act on a means: finds the person's User (known id, else externalId/hrId/RPPS),
 * creates it only when allowed, then PATCHes the means with explicit paths under `If-Match`; a
 * stale version (412) is read again and re-applied. Idempotent: a means already as the desk holds
 * it sends nothing.
 */
export async function deliverScimItem({
  client,
  person,
  means,
  knownUser,
  allowCreate,
}: {
  client: ScimClient;
  person: ScimPerson;
  means: ScimIdentificationMeans;
  knownUser: KnownScimUser | null;
  allowCreate: boolean;
}): Promise<ScimDeliveryOutcome> {
  let known = knownUser;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    let user: Record<string, unknown> | null = null;
    let etag: string | null = null;
    if (known !== null) {
      const reply = await client.request('GET', `/Users/${encodeURIComponent(known.scimId)}`);
      // 404: the User went away in the IAM; look the person up again.
      if (reply.status !== 200 && reply.status !== 404) return classify(reply);
      if (reply.status === 200) ({ body: user, etag } = reply);
    }
    if (user === null) {
      const found = await findUser(client, person);
      if ('kind' in found) return found;
      if (found.user === null) {
        if (allowCreate) return createUser(client, person, means);
        return { kind: 'unknown-user', error: 'Utilisateur inconnu de l’IAM (ni matricule ni RPPS trouvés) ; la création par le guichet est désactivée.' };
      }
      user = found.user;
    }
    const scimId = String(user.id);
    const version = etag ?? ((user.meta as { version?: string } | undefined)?.version ?? null);
    const operations = planMeansPatch(meansOf(user), means);
    if (operations.length === 0) return { kind: 'sent', status: 200, user: { scimId, version } };
    const reply = await client.request('PATCH', `/Users/${encodeURIComponent(scimId)}`, { body: { schemas: [SCIM_PATCH_OP], Operations: operations }, ifMatch: version });
    if (reply.status === 200 || reply.status === 204) {
      return { kind: 'sent', status: reply.status, user: { scimId, version: reply.etag ?? ((reply.body?.meta as { version?: string } | undefined)?.version ?? null) } };
    }
    // Someone changed the User meanwhile (412) or the IAM wants a version (428): read it again.
    if (reply.status === 412 || reply.status === 428) {
      known = { scimId, version: null };
      continue;
    }
    if (reply.status === 404) return { kind: 'retry', delayMs: 0, status: 404, error: describeScimError(reply), forgetUser: true };
    return classify(reply);
  }
  return { kind: 'retry', delayMs: null, status: 412, error: 'Le compte IAM change sans cesse (412 répétés) : nouvel essai plus tard.' };
}
