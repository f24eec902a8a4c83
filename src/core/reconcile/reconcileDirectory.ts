import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import { defaultMatchingConfig, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { isoDay, type Clock } from '../clock';
import { writeReconciledDirectory, type ReconciledIdentity, type ReconciledLink } from '../identities/writeReconciledDirectory';
import { readRegisterActivities } from '../import/readRegisterActivities';
import { countNameFrequencies } from './countNameFrequencies';
import { createRegisterEntryFilter } from './createRegisterEntryFilter';
import { createRegisterPrescreen } from './createRegisterPrescreen';
import { reconcileRecords, recordRef, type HumanDecision, type LinkDecision, type OrphanReason, type ReconcileRecord } from './reconcileRecords';

export interface ReconciledRow {
  sourceId: string;
  role: SourceRole;
  key: string;
  /** The register entry's RPPS number (register records only). */
  rpps: string | null;
  identityId: string | null;
  decision: LinkDecision;
  score: number;
}

export interface ReconcileReport {
  finishedAt: string;
  records: number;
  identities: number;
  /** source → decision → count (register entries: only those linked). */
  perSource: Record<string, Partial<Record<LinkDecision, number>>>;
  /** Share of non-register records linked automatically. */
  automaticRate: number;
  reviewCount: number;
  /** Identities with a health profession (TRE_G15) that carry an RPPS number. */
  healthProfessionalsAlignedToRpps: number;
  orphans: Partial<Record<OrphanReason, number>>;
  candidatePairs: number;
  timingsMs: Record<string, number>;
}

export interface ReconcileDirectoryResult {
  report: ReconcileReport;
  /** Every non-register record, and the register entries linked to an identity. */
  rows: ReconciledRow[];
  orphans: { sourceId: string; key: string; reason: OrphanReason }[];
}

/** FINESS numbers of a register entry: the sites and legal entities of its activities. */
function finessOf(rawJson: string): string[] {
  const found = new Set<string>();
  for (const activity of readRegisterActivities(rawJson)) for (const finess of [activity.finessSite, activity.finessEj]) if (finess !== '') found.add(finess);
  return [...found];
}

/** The configuration stored in settings (`reconciliation.config`) over the defaults: tuning without code. */
export function readMatchingConfig(db: Database.Database): MatchingConfig {
  const row = db.prepare("SELECT value_json AS value FROM settings WHERE key = 'reconciliation.config'").get() as { value: string } | undefined;
  if (row === undefined) return defaultMatchingConfig;
  const stored = JSON.parse(row.value) as Partial<MatchingConfig>;
  return { ...defaultMatchingConfig, ...stored, points: { ...defaultMatchingConfig.points, ...stored.points } };
}

const decisionColumn: Record<LinkDecision, 'automatic' | 'pending' | null> = { auto: 'automatic', review: 'pending', none: null };

/**
 * Reconciles every present source record in the database and rewrites identities and their
 * explained links in one transaction. Identity ids are stable: an identity keeps the id it had
 * when anchored on the same HR record; human decisions (`reconcile_decisions`) win.
 */
export function reconcileDirectory(db: Database.Database, { clock, config = readMatchingConfig(db) }: { clock: Clock; config?: MatchingConfig }): ReconcileDirectoryResult {
  const started = performance.now();
  const now = clock.now().toISOString();
  const today = isoDay(clock.now());
  const establishment = db.prepare("SELECT value_json AS value FROM settings WHERE key = 'establishment'").get() as { value: string } | undefined;
  const establishmentFiness = establishment === undefined ? [] : ((JSON.parse(establishment.value) as { finess?: string[] }).finess ?? []);

  const previousAnchors = db
    .prepare(
      `SELECT r.source_id || '/' || r.record_key AS ref, l.identity_id AS identityId
         FROM identity_links l JOIN source_records r ON r.id = l.record_id WHERE l.rule = 'hr-reference'`,
    )
    .all() as { ref: string; identityId: string }[];
  const identityIdOfAnchor = new Map(previousAnchors.map((row) => [row.ref, row.identityId]));
  const anchorOfIdentityId = new Map(previousAnchors.map((row) => [row.identityId, row.ref]));
  const storedDecisions = db
    .prepare('SELECT source_id AS sourceId, record_key AS key, identity_id AS identityId, decision, decided_by AS decidedBy, decided_at AS decidedAt FROM reconcile_decisions')
    .all() as { sourceId: string; key: string; identityId: string; decision: 'accept' | 'reject'; decidedBy: string; decidedAt: string }[];
  const decisions: HumanDecision[] = storedDecisions.flatMap((row) => {
    const anchor = anchorOfIdentityId.get(row.identityId);
    return anchor === undefined ? [] : [{ record: `${row.sourceId}/${row.key}`, anchor, decision: row.decision }];
  });
  const acceptedBy = new Map(storedDecisions.filter((row) => row.decision === 'accept').map((row) => [`${row.sourceId}/${row.key}`, row]));

  // Local records first; then the national register, streamed: an entry is kept only when some
  // identity may claim it (or a human decided on it) — two million entries are never held at once.
  const recordIds: number[] = [];
  const records: ReconcileRecord[] = [];
  const localRows = db
    .prepare(
      `SELECT r.id, r.source_id, s.role, r.record_key, r.attributes_json
         FROM source_records r JOIN sources s ON s.id = r.source_id
        WHERE r.present = 1 AND s.role <> 'register' ORDER BY r.id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, string, SourceRole, string, string]>;
  for (const [id, sourceId, role, key, json] of localRows) {
    recordIds.push(id);
    records.push({ sourceId, role, key, attributes: JSON.parse(json) as CanonicalAttributes });
  }
  const screenStart = performance.now();
  // The seed table's filter also keeps out entries whose RPPS contradicts the identity's: the
  // calibrated weights can rate such a disagreement low (HR exports carry wrong RPPS), and an entry
  // kept only for that let a namesake's register entry link (outside hospital A, seed 2).
  const claimable = createRegisterEntryFilter({ records, config, establishmentFiness });
  const prescreen = createRegisterPrescreen({ records, config, establishmentFiness });
  const decided = new Set(storedDecisions.map((row) => `${row.sourceId}/${row.key}`));
  // The table in its own order (+source_id: not through the index, which would need a sort of millions).
  // SQLite looks for the establishment's FINESS as a whole field of the rows as imported: the rows
  // let go never become JavaScript strings (two million of them at a national scale). Any column
  // may hold the number; finessOf then reads the FINESS columns of the rows kept.
  const atEstablishment = establishmentFiness.length === 0 ? '0' : establishmentFiness.map(() => 'instr(r.raw_json, ?) > 0').join(' OR ');
  const registerRows = db
    .prepare(
      `SELECT r.id, r.rpps, r.last_name, r.first_name, ${atEstablishment} FROM source_records r
        WHERE r.present = 1 AND +r.source_id IN (SELECT id FROM sources WHERE role = 'register') ORDER BY r.id`,
    )
    .raw(true)
    .iterate(...establishmentFiness.map((finess) => `|${finess}|`)) as IterableIterator<[number, string | null, string | null, string | null, number]>;
  const registerRow = db.prepare('SELECT source_id, record_key, attributes_json, raw_json FROM source_records WHERE id = ?').raw(true);
  const decidedIds = new Set(
    (db.prepare('SELECT r.id FROM reconcile_decisions d JOIN source_records r ON r.source_id = d.source_id AND r.record_key = d.record_key').pluck().all() as number[]),
  );
  let registerEntries = 0;
  // Name frequencies over the whole register (term-frequency adjustment): raw spellings, folded once each later.
  const registerLastNames = new Map<string, number>();
  const registerFirstNames = new Map<string, number>();
  for (const [id, rpps, lastName, firstName, here] of registerRows) {
    registerEntries += 1;
    if (lastName !== null) registerLastNames.set(lastName, (registerLastNames.get(lastName) ?? 0) + 1);
    if (firstName !== null) registerFirstNames.set(firstName, (registerFirstNames.get(firstName) ?? 0) + 1);
    // Most of the national register is let go on its plain columns.
    if (prescreen !== null && !prescreen({ rpps, lastName, firstName, atEstablishment: here === 1 }) && !decidedIds.has(id)) continue;
    const [sourceId, key, json, rawJson] = registerRow.get(id) as [string, string, string, string];
    const entry: ReconcileRecord = { sourceId, role: 'register', key, attributes: JSON.parse(json) as CanonicalAttributes, finess: finessOf(rawJson) };
    if (!claimable(entry) && !decided.has(recordRef(entry))) continue;
    recordIds.push(id);
    records.push(entry);
  }
  const screenMs = Math.round(performance.now() - screenStart);

  const nameFrequencies = countNameFrequencies(
    records.flatMap((record) => (record.role === 'register' ? [] : [[record.attributes.lastName ?? record.attributes.birthName, record.attributes.firstName] as const])),
    { lastNames: registerLastNames, firstNames: registerFirstNames, population: registerEntries },
  );
  const result = reconcileRecords({ records, config, establishmentFiness, decisions, today, nameFrequencies });

  const writeStart = performance.now();
  const identityIds = result.identities.map((identity) => identityIdOfAnchor.get(recordRef(records[identity.anchor]!)) ?? randomUUID());
  const reconciledIdentities: ReconciledIdentity[] = result.identities.map((identity, index) => {
    const a = records[identity.anchor]!.attributes;
    const linked = (role: SourceRole) =>
      identity.members.map((member) => records[member]!).find((member, position) => member.role === role && result.links[identity.members[position]!]!.decision === 'auto');
    const account = linked('directory')?.attributes;
    return {
      id: identityIds[index]!,
      lastName: a.lastName ?? a.birthName ?? a.fullName ?? '',
      birthName: a.birthName ?? null,
      firstName: a.firstName ?? '',
      birthDate: a.birthDate ?? null,
      sex: a.sex ?? null,
      rpps: linked('register')?.key ?? a.rpps ?? null,
      hrId: a.hrId ?? null,
      adId: account?.adId ?? null,
      profession: a.profession ?? null,
      service: a.service ?? null,
      email: a.email ?? account?.email ?? null,
      endDate: a.endDate ?? null,
    };
  });
  const priorWeight = result.model?.priorWeight ?? null;
  // One link at a time, its explanation serialized as it is written and then let go: two hundred
  // thousand explanations are never all held as strings next to their objects.
  function* reconciledLinks(): Generator<ReconciledLink> {
    for (let index = 0; index < result.links.length; index += 1) {
      const link = result.links[index];
      if (link === undefined) continue;
      const column = decisionColumn[link.decision];
      if (link.identity === null || column === null) continue;
      const human = link.validated ? acceptedBy.get(recordRef(records[index]!)) : undefined;
      const evidenceJson = JSON.stringify(link.evidence);
      link.evidence = [];
      yield {
        record_id: recordIds[index]!,
        identity_id: identityIds[link.identity]!,
        rule: link.rule,
        score: link.score,
        decision: human !== undefined ? 'validated' : column,
        evidence_json: evidenceJson,
        validated_by: human?.decidedBy ?? null,
        validated_at: human?.decidedAt ?? null,
        created_at: now,
        probability: link.probability,
        prior_weight: link.probability === null ? null : priorWeight,
      };
    }
  }
  db.transaction(() => {
    // The identity store writes identities and links, keeping every desk decision.
    writeReconciledDirectory(db, clock, { identities: reconciledIdentities, links: reconciledLinks() });
    db.prepare('INSERT INTO match_models (estimated_at, scoring, model_json) VALUES (?, ?, ?)').run(now, config.scoring, JSON.stringify(result.model));
    // Only the last few estimates are worth keeping beside the journal.
    db.prepare('DELETE FROM match_models WHERE id NOT IN (SELECT id FROM match_models ORDER BY id DESC LIMIT 20)').run();
  })();
  const writeMs = Math.round(performance.now() - writeStart);

  // Register entries no identity claimed are left out: two million rows that say nothing.
  const rows: ReconciledRow[] = [];
  result.links.forEach((link, index) => {
    const record = records[index]!;
    if (link === undefined || (record.role === 'register' && link.identity === null)) return;
    rows.push({
      sourceId: record.sourceId,
      role: record.role,
      key: record.key,
      rpps: record.role === 'register' ? (record.attributes.rpps ?? null) : null,
      identityId: link.identity === null ? null : identityIds[link.identity]!,
      decision: link.decision,
      score: link.score,
    });
  });
  const perSource: ReconcileReport['perSource'] = {};
  for (const row of rows) {
    const counts = (perSource[row.sourceId] ??= {});
    counts[row.decision] = (counts[row.decision] ?? 0) + 1;
  }
  const accounts = rows.filter((row) => row.role !== 'register' && row.role !== 'hr');
  const orphanCounts: ReconcileReport['orphans'] = {};
  for (const orphan of result.orphans) orphanCounts[orphan.reason] = (orphanCounts[orphan.reason] ?? 0) + 1;
  const health = result.identities.filter((identity) => identity.features.profession !== null);
  const report: ReconcileReport = {
    finishedAt: clock.now().toISOString(),
    records: records.length - records.filter((record) => record.role === 'register').length + registerEntries,
    identities: result.identities.length,
    perSource,
    automaticRate: accounts.length === 0 ? 0 : accounts.filter((row) => row.decision === 'auto').length / accounts.length,
    reviewCount: rows.filter((row) => row.decision === 'review').length,
    healthProfessionalsAlignedToRpps: health.length === 0 ? 0 : health.filter((identity) => identity.features.rpps !== null).length / health.length,
    orphans: orphanCounts,
    candidatePairs: result.stats.candidatePairs,
    // registerScreen: the register streamed, parsed and screened (its entries no identity may claim are let go).
    timingsMs: {
      read: Math.round(writeStart - started) - screenMs - Object.values(result.stats.timingsMs).reduce((a, b) => a + b, 0),
      registerScreen: screenMs,
      ...result.stats.timingsMs,
      write: writeMs,
    },
  };
  db.prepare("INSERT OR REPLACE INTO settings (key, value_json) VALUES ('reconciliation.lastRun', ?)").run(JSON.stringify(report));
  return {
    report,
    rows,
    orphans: result.orphans.map((orphan) => ({ sourceId: records[orphan.record]!.sourceId, key: records[orphan.record]!.key, reason: orphan.reason })),
  };
}
