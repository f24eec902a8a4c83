import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { SourceRole } from '../../shared/directory/canonicalAttributes';
import { defaultMatchingConfig, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { isoDay, type Clock } from '../clock';
import { withPageCache } from '../store/withPageCache';
import { withStatementJournalsInMemory } from '../store/withStatementJournalsInMemory';
import { writeReconciledDirectory, type ReconciledIdentity, type ReconciledLink, type WriteReconciledDirectoryResult } from '../identities/writeReconciledDirectory';
import { collectGarbage } from '../jobs/collectGarbage';
import { countNameFrequencies } from './countNameFrequencies';
import { screenRegister } from './screenRegister';
import { readLocalRecords } from './readLocalRecords';
import { reconcileRecords, recordRef, type HumanDecision, type LinkDecision, type OrphanReason } from './reconcileRecords';

export interface ReconciledRow {
  sourceId: string;
  role: SourceRole;
  key: string;
  /** The register entry's RPPS number (register records only). */
  rpps: string | null;
  identityId: string | null;
  decision: LinkDecision;
  score: number;
  /** A proposal's other possible people (namesakes within the guard's margin), best first. */
  alternativeIdentityIds?: string[];
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
  /** What the identity store did with identities no HR record anchors any more. */
  identityStore: WriteReconciledDirectoryResult;
  timingsMs: Record<string, number>;
}

export interface ReconcileDirectoryResult {
  report: ReconcileReport;
  /** Every non-register record, and the register entries linked to an identity. */
  rows: ReconciledRow[];
  orphans: { sourceId: string; key: string; reason: OrphanReason }[];
}

/** The configuration stored in settings (`reconciliation.config`) over the defaults: tuning without code. */
export function readMatchingConfig(db: Database.Database): MatchingConfig {
  const row = db.prepare("SELECT value_json AS value FROM settings WHERE key = 'reconciliation.config'").get() as { value: string } | undefined;
  if (row === undefined) return defaultMatchingConfig;
  const stored = JSON.parse(row.value) as Partial<MatchingConfig>;
  return { ...defaultMatchingConfig, ...stored, points: { ...defaultMatchingConfig.points, ...stored.points } };
}

/** The sources declared with `recordsPerPerson: "several"` at their last import. */
function readSeveralRecordsPerPerson(db: Database.Database): Set<string> {
  const rows = db.prepare('SELECT id, config_json FROM sources').raw(true).all() as [string, string][];
  return new Set(rows.filter(([, json]) => (JSON.parse(json) as { recordsPerPerson?: string }).recordsPerPerson === 'several').map(([id]) => id));
}

/** Page cache of the write phase (see withPageCache); given back once written. */
const writePageCacheMebibytes = 64;

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
  const { ids: recordIds, records } = readLocalRecords(db);
  const screenStart = performance.now();
  const screened = screenRegister(db, records, { config, establishmentFiness });
  // One at a time: a spread of hundreds of thousands of arguments overflows the stack.
  for (const id of screened.ids) recordIds.push(id);
  for (const entry of screened.entries) records.push(entry);
  const registerEntries = screened.rows;
  const registerLastNames = screened.lastNames;
  const registerFirstNames = screened.firstNames;
  const screenMs = Math.round(performance.now() - screenStart);

  const nameFrequencies = countNameFrequencies(
    records.flatMap((record) => (record.role === 'register' ? [] : [[record.attributes.lastName ?? record.attributes.birthName, record.attributes.firstName] as const])),
    { lastNames: registerLastNames, firstNames: registerFirstNames, population: registerEntries },
  );
  // The screen's and each phase's garbage collected before the next phase grows the heap.
  collectGarbage();
  const result = reconcileRecords({ records, config, establishmentFiness, decisions, today, nameFrequencies, onPhaseEnd: collectGarbage, severalRecordsPerPerson: readSeveralRecordsPerPerson(db) });

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
      const alternatives = link.alternatives?.map((alternative) => {
        const written = {
          identity_id: identityIds[alternative.identity]!,
          score: alternative.score,
          probability: alternative.probability,
          evidence_json: JSON.stringify(alternative.evidence),
        };
        alternative.evidence = [];
        return written;
      });
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
        ...(alternatives === undefined ? {} : { alternatives }),
      };
    }
  }
  let identityStore: WriteReconciledDirectoryResult | undefined;
  // IMMEDIATE: the write phase reads the previous run's rows before it writes; a deferred transaction
  // would fail at its first write ("database is locked", no retry) if the desk committed meanwhile.
  // Statement journals in memory: on file they cost a temporary file per statement (half the write).
  // A larger page cache: the links and search words go into their indexes at random places.
  withStatementJournalsInMemory(db, () =>
    withPageCache(db, writePageCacheMebibytes, () =>
      db.transaction(() => {
        // The identity store writes identities and links, keeping every desk decision.
        identityStore = writeReconciledDirectory(db, clock, { identities: reconciledIdentities, links: reconciledLinks() });
        db.prepare('INSERT INTO match_models (estimated_at, scoring, model_json) VALUES (?, ?, ?)').run(now, config.scoring, JSON.stringify(result.model));
        // Only the last few estimates are worth keeping beside the journal.
        db.prepare('DELETE FROM match_models WHERE id NOT IN (SELECT id FROM match_models ORDER BY id DESC LIMIT 20)').run();
      }).immediate(),
    ),
  );
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
      ...(link.alternatives === undefined ? {} : { alternativeIdentityIds: link.alternatives.map((alternative) => identityIds[alternative.identity]!) }),
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
    identityStore: identityStore!,
    // registerScreen: the register streamed, parsed and screened (its entries no identity may claim are let go).
    timingsMs: {
      read: Math.round(screenStart - started),
      registerScreen: screenMs,
      registerScreenThreads: screened.threads,
      registerScreenHelperShares: screened.helperShares,
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
