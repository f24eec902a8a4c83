import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { NightDeskSettings, TemporaryIssueResult } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { assertMayReceiveMie } from '../enrollment/assertMayReceiveMie';
import { bindMie } from '../enrollment/bindMie';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readPoolCardOrFail } from '../pool/readPoolCards';
import { computeTemporaryEnd } from './computeTemporaryEnd';
import { readTemporaryIssuances } from './readTemporaryIssuances';
import { resolveTemporaryHolder, type TemporaryHolder } from './resolveTemporaryHolder';
import { formatDateTimeInWords } from '../../shared/text/formatDates';

export interface IssueTemporaryCardRequest {
  actor: Actor;
  settings: NightDeskSettings;
  holder: TemporaryHolder;
  cardIdentifier: string;
  /** Defaults to the end of the current shift plus the margin. */
  endsAt?: string | undefined;
  /** Measured by the screen from its first action. */
  timing?: { startedAt: string; interactions: number } | undefined;
}

/**
 * Issues a card of the pool as a temporary MIE, in one transaction: resolves or creates the
 * holder, suspends their active badge when they forgot it, binds the temporary badge until the
 * end time (hard maximum enforced), records the desk time and queues a temporary identity for
 * regularization by the badge office.
 */
export function issueTemporaryCard(db: Database.Database, clock: Clock, request: IssueTemporaryCardRequest): TemporaryIssueResult {
  return db.transaction((): TemporaryIssueResult => {
    const { actor } = request;
    const card = readPoolCardOrFail(db, request.cardIdentifier);
    if (card.state !== 'available' && card.state !== 'returned') {
      throw new DeskError(
        'CONFLICT',
        { fr: `La carte ${card.label} n’est pas disponible (${card.state === 'issued' ? `remise à ${card.holderName ?? '?'}` : 'perdue'}).`, en: `Card ${card.label} is not available (${card.state}).` },
        { rule: 'pool-card-unavailable', state: card.state },
      );
    }
    const now = clock.now();
    const { defaultEnd, latestEnd } = computeTemporaryEnd(now, request.settings);
    const endsAt = request.endsAt === undefined ? defaultEnd : new Date(request.endsAt);
    if (endsAt.getTime() <= now.getTime()) {
      throw new DeskError('INVALID_ARGUMENT', { fr: 'La fin de validité doit être dans le futur.', en: 'The end of validity must be in the future.' }, { endsAt: endsAt.toISOString() });
    }
    if (endsAt.getTime() > latestEnd.getTime()) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        { fr: `Une carte temporaire vaut au plus ${request.settings.maxHours} h : fin au plus tard le ${formatDateTimeInWords(latestEnd, 'fr', { timeZone: request.settings.timeZone })}.`, en: `A temporary card lasts ${request.settings.maxHours} h at most: end by ${formatDateTimeInWords(latestEnd, 'en', { timeZone: request.settings.timeZone })}.` },
        { rule: 'temporary-max', latestEnd: latestEnd.toISOString() },
      );
    }

    const identityId = resolveTemporaryHolder(db, clock, actor, request.holder);
    assertMayReceiveMie(db, clock, actor, identityId);
    const forgotten = readMies(db, { identityId }).filter((mie) => mie.status === 'active' && (mie.kind === 'badge' || mie.kind === 'temporary-badge'));
    if (forgotten.some((mie) => mie.kind === 'temporary-badge')) {
      throw new DeskError('CONFLICT', { fr: 'Cette personne a déjà une carte temporaire en cours : reprenez-la d’abord.', en: 'This person already holds a temporary card: take it back first.' }, { rule: 'one-temporary-card' });
    }
    for (const badge of forgotten) changeMieStatus(db, clock, { actor, mieId: badge.id, action: 'suspend', reason: `badge oublié — carte temporaire ${card.label}` });

    const mie = bindMie(db, clock, {
      actor,
      identityId,
      kind: 'temporary-badge',
      identifier: card.identifier,
      cardType: card.cardType,
      label: card.label,
      validUntil: endsAt.toISOString(),
      action: 'mie.bind-temporary',
    });
    const issuanceId = randomUUID();
    const deskSeconds = request.timing === undefined ? null : Math.max(0, (now.getTime() - new Date(request.timing.startedAt).getTime()) / 1000);
    const suspendedMieIds = forgotten.map((badge) => badge.id);
    db.prepare(
      `INSERT INTO temporary_issuances (id, mie_id, identity_id, card_identifier, reason, suspended_mie_ids_json, issued_by, issued_at, ends_at, desk_seconds, interactions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      issuanceId,
      mie.id,
      identityId,
      card.identifier,
      forgotten.length > 0 ? 'forgotten-card' : 'newcomer',
      JSON.stringify(suspendedMieIds),
      actor.agentId ?? 'system',
      now.toISOString(),
      endsAt.toISOString(),
      deskSeconds,
      request.timing?.interactions ?? null,
    );
    db.prepare("UPDATE temporary_pool SET state = 'issued', updated_at = ? WHERE identifier = ?").run(now.toISOString(), card.identifier);
    const { status } = db.prepare('SELECT status FROM identities WHERE id = ?').get(identityId) as { status: string };
    if (status === 'temporary' && db.prepare("SELECT 1 FROM regularization_tasks WHERE identity_id = ? AND status = 'open'").get(identityId) === undefined) {
      db.prepare("INSERT INTO regularization_tasks (id, identity_id, issuance_id, status, created_at) VALUES (?, ?, ?, 'open', ?)").run(randomUUID(), identityId, issuanceId, now.toISOString());
    }
    appendJournalEntry(db, clock, {
      actor,
      action: 'temporary.issue',
      subject: { type: 'temporary-issuance', id: issuanceId },
      after: { mieId: mie.id, card: card.label, endsAt: endsAt.toISOString(), suspendedMieIds, deskSeconds, interactions: request.timing?.interactions ?? null },
    });
    return { issuance: readTemporaryIssuances(db, { id: issuanceId })[0]!, mie: readMies(db, { mieId: mie.id })[0]!, suspendedMieIds };
  }).immediate();
}
