import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { buildSearchText, dateSearchForms } from '../directory/buildSearchText';
import { identityStatusFromEndDate } from '../directory/identityStatus';
import type { Actor } from '../journal/journalTypes';
import { deferSearchWords } from './deferSearchWords';
import { deskLinkRules } from './linkRecordToIdentity';
import { mergeIdentityInto } from './mergeIdentityInto';

/** One identity as the engine reconciled it from its sources (identifiers are candidates: the store settles who keeps them). */
export interface ReconciledIdentity {
  id: string;
  lastName: string;
  birthName: string | null;
  firstName: string;
  birthDate: string | null;
  sex: string | null;
  rpps: string | null;
  hrId: string | null;
  adId: string | null;
  profession: string | null;
  service: string | null;
  email: string | null;
  /** The HR end date. */
  endDate: string | null;
}

/** A proposal's other possible person, as `identity_link_alternatives` columns. */
export interface ReconciledAlternative {
  identity_id: string;
  score: number;
  probability: number | null;
  evidence_json: string;
}

/**
 * One explained link, as `identity_links` columns (the engine owns which columns it explains), and,
 * for a proposal, the other people it may be.
 */
export type ReconciledLink = { record_id: number; identity_id: string; decision: string; alternatives?: readonly ReconciledAlternative[] } & Record<
  string,
  string | number | null | readonly ReconciledAlternative[] | undefined
>;

export interface WriteReconciledDirectoryResult {
  /** Identities no longer anchored whose former HR record now belongs to another identity. */
  merged: number;
  /** Night-desk temporary identities kept as they are (live temporary badge or open regularization). */
  keptTemporary: number;
  markedLeft: number;
  removed: number;
}

interface DeskFact {
  identity_id: string;
  fact: 'rpps' | 'departure' | 'end-date';
  value: string | null;
  hr_value_seen: string | null;
}

/** The link columns a run writes (besides record_id). */
const linkColumns = ['identity_id', 'rule', 'score', 'decision', 'evidence_json', 'validated_by', 'validated_at', 'probability', 'prior_weight', 'created_at'] as const;

type LinkRow = (string | number | null)[];

/**
 * One link's columns (created_at aside) as a short string: the explanation by its length and an
 * FNV-1a fingerprint, so that the previous run's two hundred thousand explanations are never held.
 */
function digestOf(values: LinkRow): string {
  let digest = '';
  for (const value of values) {
    if (typeof value === 'string' && value.length > 64) {
      let hash = 0x811c9dc5;
      for (let index = 0; index < value.length; index += 1) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
      digest += `${value.length}#${hash >>> 0}\u0000`;
    } else digest += `${value === null ? '\u0001' : String(value)}\u0000`;
  }
  return digest;
}

/** The identity columns a run writes (besides id and timestamps). */
const writtenColumns = [
  'last_name',
  'birth_name',
  'first_name',
  'birth_date',
  'sex',
  'rpps',
  'hr_id',
  'ad_id',
  'profession',
  'service',
  'email',
  'hr_end_date',
  'status',
  'search_text',
] as const;

type IdentityRow = { id: string } & Record<(typeof writtenColumns)[number], string | null>;

const reconciliation: Actor = { agentId: null, agentName: null, desk: 'réconciliation' };

/**
 * The write phase of a reconciliation run, in one transaction: identities and links are rewritten
 * from the sources, but what the desk decided is never erased —
 * - an RPPS paired at the desk stays with its person and is given to no one else;
 * - a desk departure can only be brought earlier by HR; a corrected end date holds while HR still
 *   says the value the agent overrode;
 * - links made at the desk (night-desk register holder) survive unless the engine links the record
 *   for sure; accepted and rejected links are obeyed by the engine (`reconcile_decisions`);
 * - an identity no longer anchored on an HR record: merged (means moved, journaled) when its former
 *   HR record now belongs to another identity; kept untouched when it is a temporary person with a
 *   live temporary badge or an open regularization; marked left when it holds means or anything
 *   else names it; removed otherwise.
 */
export function writeReconciledDirectory(
  db: Database.Database,
  clock: Clock,
  // Links may come one at a time (a generator): a national run's explanations are never all held at once.
  { identities, links }: { identities: readonly ReconciledIdentity[]; links: Iterable<ReconciledLink> },
): WriteReconciledDirectoryResult {
  const now = clock.now().toISOString();
  const today = isoDay(clock.now());
  // IMMEDIATE (a savepoint inside a caller's transaction): it reads the previous run before writing.
  return db.transaction((): WriteReconciledDirectoryResult =>
    // A first run writes every identity: their search words are rebuilt once at the end, not identity by identity.
    deferSearchWords(db, () => writeDirectory(db, clock, { identities, links, now, today })),
  ).immediate();
}

function writeDirectory(
  db: Database.Database,
  clock: Clock,
  { identities, links, now, today }: { identities: readonly ReconciledIdentity[]; links: Iterable<ReconciledLink>; now: string; today: string },
): WriteReconciledDirectoryResult {
  const previousAnchor = new Map(
    (db.prepare("SELECT identity_id AS identityId, record_id AS recordId FROM identity_links WHERE rule = 'hr-reference'").all() as { identityId: string; recordId: number }[]).map((row) => [
      row.identityId,
      row.recordId,
    ]),
  );
  const deskLinks = db
    .prepare(`SELECT record_id AS recordId, identity_id AS identityId FROM identity_links WHERE rule IN (${deskLinkRules.map(() => '?').join(', ')})`)
    .all(...deskLinkRules) as { recordId: number; identityId: string }[];
  const facts = db.prepare('SELECT identity_id, fact, value, hr_value_seen FROM identity_desk_facts').all() as DeskFact[];
  const factsByIdentity = new Map<string, DeskFact[]>();
  for (const fact of facts) factsByIdentity.set(fact.identity_id, [...(factsByIdentity.get(fact.identity_id) ?? []), fact]);
  const factOf = (identityId: string, fact: DeskFact['fact']) => factsByIdentity.get(identityId)?.find((row) => row.fact === fact);
  const deskRppsHolder = new Map(facts.filter((fact) => fact.fact === 'rpps').map((fact) => [fact.value!, fact.identity_id]));

  db.prepare('DELETE FROM identity_link_alternatives').run();
  // What the previous run wrote, one digest per record: a daily run rewrites only the links that changed.
  const previousLinks = new Map<number, string>();
  for (const row of db.prepare(`SELECT record_id, ${linkColumns.filter((column) => column !== 'created_at').join(', ')} FROM identity_links`).raw(true).iterate() as IterableIterator<LinkRow>) {
    previousLinks.set(row[0] as number, digestOf(row.slice(1)));
  }
  // Only what changed is written: a daily run rewrites a handful of the establishment's people,
  // and an unchanged person keeps the time of their last real change.
  const existing = new Map(
    (db.prepare(`SELECT id, ${writtenColumns.join(', ')} FROM identities`).all() as IdentityRow[]).map((row) => [row.id, row]),
  );
  const dropEndDateFact = db.prepare("DELETE FROM identity_desk_facts WHERE identity_id = ? AND fact = 'end-date'");
  const usedRpps = new Set<string>(deskRppsHolder.keys());
  const usedHrIds = new Set<string>();
  const rows: IdentityRow[] = [];
  for (const identity of identities) {
    const deskRpps = factOf(identity.id, 'rpps')?.value ?? null;
    const rpps = deskRpps ?? (identity.rpps !== null && !usedRpps.has(identity.rpps) ? identity.rpps : null);
    if (rpps !== null) usedRpps.add(rpps);
    const hrId = identity.hrId !== null && !usedHrIds.has(identity.hrId) ? identity.hrId : null;
    if (hrId !== null) usedHrIds.add(hrId);
    let endDate = identity.endDate;
    const departure = factOf(identity.id, 'departure')?.value ?? null;
    if (departure !== null && (endDate === null || departure < endDate)) endDate = departure;
    const correction = factOf(identity.id, 'end-date');
    if (correction !== undefined) {
      if ((identity.endDate ?? null) === (correction.hr_value_seen ?? null)) endDate = correction.value;
      else dropEndDateFact.run(identity.id); // HR changed its mind since: HR speaks again.
    }
    rows.push({
      id: identity.id,
      last_name: identity.lastName,
      birth_name: identity.birthName,
      first_name: identity.firstName,
      birth_date: identity.birthDate,
      sex: identity.sex,
      rpps,
      hr_id: hrId,
      ad_id: identity.adId,
      profession: identity.profession,
      service: identity.service,
      email: identity.email,
      hr_end_date: endDate,
      status: identityStatusFromEndDate(endDate, today),
      search_text: buildSearchText([identity.lastName, identity.birthName, identity.firstName, rpps, identity.hrId, identity.adId, ...dateSearchForms(identity.birthDate)]),
    });
  }
  // Identifiers move between identities across runs: those whose RPPS or matricule changes (people
  // no longer anchored included) let go of them first, so that UNIQUE checks see the new state only —
  // except an RPPS the desk paired, which stays where the desk put it.
  const letGo = db.prepare("UPDATE identities SET hr_id = NULL, rpps = (SELECT f.value FROM identity_desk_facts f WHERE f.identity_id = identities.id AND f.fact = 'rpps') WHERE id = ?");
  const anchoredIds = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    const before = existing.get(row.id);
    if (before !== undefined && (before.rpps !== row.rpps || before.hr_id !== row.hr_id)) letGo.run(row.id);
  }
  for (const [id, before] of existing) {
    if (anchoredIds.has(id) || (before.hr_id === null && before.rpps === (factOf(id, 'rpps')?.value ?? null))) continue;
    letGo.run(id);
  }
  const upsert = db.prepare(
    `INSERT INTO identities (id, ${writtenColumns.join(', ')}, created_at, updated_at)
     VALUES (@id, ${writtenColumns.map((column) => `@${column}`).join(', ')}, @now, @now)
     ON CONFLICT(id) DO UPDATE SET ${writtenColumns.map((column) => `${column} = excluded.${column}`).join(', ')}, updated_at = excluded.updated_at`,
  );
  for (const row of rows) {
    const before = existing.get(row.id);
    if (before !== undefined && writtenColumns.every((column) => before[column] === row[column])) continue;
    upsert.run({ ...row, now });
  }

  const upsertLink = db.prepare(
    `INSERT INTO identity_links (record_id, ${linkColumns.join(', ')}) VALUES (?, ${linkColumns.map(() => '?').join(', ')})
     ON CONFLICT (record_id) DO UPDATE SET ${linkColumns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
  );
  const deleteLink = db.prepare('DELETE FROM identity_links WHERE record_id = ?');
  const insertAlternative = db.prepare(
    'INSERT INTO identity_link_alternatives (record_id, identity_id, score, probability, evidence_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const identityExists = db.prepare('SELECT 1 FROM identities WHERE id = ?').pluck();
  // A desk link (still naming a person here) yields only to a sure link of the engine; a proposal does not displace it.
  const deskLinkRecords = new Set(deskLinks.filter((link) => identityExists.get(link.identityId) !== undefined).map((link) => link.recordId));
  const sureOwner = new Map<number, string>();
  const written = new Set<number>();
  for (const { alternatives, ...link } of links) {
    written.add(link.record_id);
    if (link.decision === 'automatic' || link.decision === 'validated') sureOwner.set(link.record_id, link.identity_id);
    else if (deskLinkRecords.has(link.record_id)) continue;
    const values = linkColumns.map((column) => (column === 'created_at' ? (link.created_at ?? now) : (link[column] ?? null))) as (string | number | null)[];
    const previous = previousLinks.get(link.record_id);
    if (previous === undefined || previous !== digestOf(values.filter((_, index) => linkColumns[index] !== 'created_at'))) upsertLink.run(link.record_id, ...values);
    for (const alternative of alternatives ?? []) {
      if (alternative.identity_id !== link.identity_id) insertAlternative.run(link.record_id, alternative.identity_id, alternative.score, alternative.probability, alternative.evidence_json);
    }
  }
  // Links of the previous run the engine did not write again go, except the desk's.
  for (const recordId of previousLinks.keys()) if (!written.has(recordId) && !deskLinkRecords.has(recordId)) deleteLink.run(recordId);

  const anchored = new Set(identities.map((identity) => identity.id));
  const stale = (db.prepare('SELECT id, status FROM identities').all() as { id: string; status: string }[]).filter((row) => !anchored.has(row.id));
  const livesAtNightDesk = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM mie WHERE identity_id = @id AND kind = 'temporary-badge' AND status IN ('active', 'suspended'))
           OR EXISTS (SELECT 1 FROM regularization_tasks WHERE identity_id = @id AND status = 'open')`,
    )
    .pluck();
  const holdsMeans = db.prepare('SELECT EXISTS (SELECT 1 FROM mie WHERE identity_id = ?)').pluck();
  const [savepoint, drop, release, rollback, markLeft] = [
    'SAVEPOINT drop_identity',
    'DELETE FROM identities WHERE id = ?',
    'RELEASE drop_identity',
    'ROLLBACK TO drop_identity',
    "UPDATE identities SET status = 'left', updated_at = ? WHERE id = ? AND status <> 'left'",
  ].map((sql) => db.prepare(sql)) as [Database.Statement, Database.Statement, Database.Statement, Database.Statement, Database.Statement];
  const result: WriteReconciledDirectoryResult = { merged: 0, keptTemporary: 0, markedLeft: 0, removed: 0 };
  for (const { id, status } of stale) {
    const formerAnchor = previousAnchor.get(id);
    const owner = formerAnchor === undefined ? undefined : sureOwner.get(formerAnchor);
    if (owner !== undefined && owner !== id && anchored.has(owner)) {
      mergeIdentityInto(db, clock, { actor: reconciliation, fromId: id, intoId: owner, reason: 'dossier RH rattaché à une autre identité' });
      result.merged += 1;
      continue;
    }
    if (status === 'temporary' && livesAtNightDesk.get({ id }) === 1) {
      result.keptTemporary += 1;
      continue;
    }
    if (holdsMeans.get(id) === 1 || factsByIdentity.has(id)) {
      result.markedLeft += markLeft.run(now, id).changes;
      continue;
    }
    try {
      savepoint.run();
      drop.run(id);
      release.run();
      result.removed += 1;
    } catch {
      // Something else still names this identity (an agent, a queue): it stays, closed.
      rollback.run();
      release.run();
      result.markedLeft += markLeft.run(now, id).changes;
    }
  }
  return result;
}
