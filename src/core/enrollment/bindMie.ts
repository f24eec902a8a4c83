import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MieKind, MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { formatDayInWords } from '../../shared/text/formatDates';
import { deskTimeZone, isoDay, type Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { assertCardTypeAllowed } from './assertCardTypeAllowed';
import { assertMayReceiveMie } from './assertMayReceiveMie';
import { readMies } from './readMies';
import { recordMieChange } from './recordMieChange';
import { pairRppsAtDesk } from '../identities/pairRppsAtDesk';

export interface BindMieRequest {
  actor: Actor;
  identityId: string;
  kind: MieKind;
  /** CPS serial, badge UID or on-card application id, FIDO credential id. */
  identifier: string;
  /** For a CPS: the RPPS read from the card (null for a CPS without one, e.g. a CPE). */
  cardRpps?: string | null;
  /** Link the card's RPPS to a person who has none yet (the agent confirmed the pairing). */
  confirmPairing?: boolean;
  /** Allow a second active badge (the agent marked it explicitly). */
  additional?: boolean;
  validUntil?: string | null;
  label?: string | null;
  cardType?: string | null;
  /** The MIE this one replaces (set by `replaceMie`). */
  replacesMieId?: string | null;
  /** Journal verb; `mie.bind` unless a caller (replacement, night desk) says otherwise. */
  action?: string;
}

/** Badge-like kinds: one active per person unless marked additional. */
const badgeKinds: readonly MieKind[] = ['badge', 'temporary-badge'];

/**
 * Binds an identification means to a person, enforcing the binding rules:
 * - a card identifier is live for one person only (refused with the current holder's name);
 *   a card declared lost, stolen or replaced stays revoked, a returned one can be issued again;
 * - one active badge per person unless `additional`;
 * - a CPS binds only to the person whose RPPS is the card's, or pairs it after confirmation
 *   (a staff card without RPPS, CPE, carries nothing to match);
 * - nobody whose HR end date has passed receives a MIE; an agent never binds to themselves;
 * - a badge's model must be allowed for that use (card-type policy); a validity end in the past is refused.
 * The MIE, its history row and the journal entry are written in one transaction.
 */
export function bindMie(db: Database.Database, clock: Clock, request: BindMieRequest): MieView {
  return db.transaction((): MieView => {
    const person = assertMayReceiveMie(db, clock, request.actor, request.identityId);
    assertCardTypeAllowed(db, { kind: request.kind, cardType: request.cardType });
    const today = isoDay(clock.now());
    if (request.validUntil !== undefined && request.validUntil !== null && request.validUntil.slice(0, 10) < today) {
      throw new DeskError(
        'INVALID_ARGUMENT',
        {
          fr: `La fin de validité demandée (${formatDayInWords(request.validUntil, 'fr', { timeZone: deskTimeZone })}) est déjà passée : choisissez une date à partir d’aujourd’hui.`,
          en: `The requested end of validity (${formatDayInWords(request.validUntil, 'en', { timeZone: deskTimeZone })}) has already passed: choose a date from today on.`,
        },
        { rule: 'valid-until-past', field: 'validUntil', validUntil: request.validUntil },
      );
    }
    const personName = `${person.first_name} ${person.last_name}`;
    const [latest] = readMies(db, { card: { kind: request.kind, identifier: request.identifier } });
    if (latest !== undefined) assertCardFree(latest, request.identityId);
    if (badgeKinds.includes(request.kind) && request.additional !== true) {
      const active = readMies(db, { identityId: request.identityId }).find((m) => badgeKinds.includes(m.kind) && m.status === 'active' && m.id !== request.replacesMieId);
      if (active !== undefined) {
        throw new DeskError(
          'CONFLICT',
          {
            fr: `${personName} a déjà un badge actif (${active.identifier}) : cochez « second badge » pour en remettre un autre.`,
            en: `${personName} already has an active badge (${active.identifier}): tick "second badge" to issue another one.`,
          },
          { rule: 'one-active-badge', activeMieId: active.id },
        );
      }
    }
    if (request.kind === 'cps') pairCpsRpps(db, clock, request, person);

    const now = clock.now().toISOString();
    const id = randomUUID();
    db.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, valid_until, label, card_type, additional,
                        replaces_mie_id, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      request.kind,
      request.identifier,
      request.identityId,
      now,
      request.validUntil ?? null,
      request.label ?? null,
      request.cardType ?? null,
      request.additional === true ? 1 : 0,
      request.replacesMieId ?? null,
      request.actor.agentId ?? 'system',
      now,
      request.actor.agentId ?? 'system',
      now,
    );
    const [mie] = readMies(db, { mieId: id });
    recordMieChange(db, clock, { actor: request.actor, action: request.action ?? 'mie.bind', before: null, after: mie! });
    return mie!;
  }).immediate();
}

function assertCardFree(latest: MieView, identityId: string): void {
  if (latest.status === 'active' || latest.status === 'suspended') {
    const samePerson = latest.identityId === identityId;
    throw new DeskError(
      'CONFLICT',
      samePerson
        ? { fr: `Cette carte est déjà liée à ${latest.holderName}.`, en: `This card is already bound to ${latest.holderName}.` }
        : {
            fr: `Cette carte est déjà liée à ${latest.holderName} : une carte ne peut appartenir qu’à une seule personne.`,
            en: `This card is already bound to ${latest.holderName}: a card belongs to one person only.`,
          },
      { rule: 'card-already-bound', holderName: latest.holderName, holderId: latest.identityId, mieId: latest.id },
    );
  }
  if (latest.status === 'lost' || latest.status === 'stolen' || latest.status === 'replaced') {
    throw new DeskError(
      'CONFLICT',
      {
        fr: `Cette carte a été révoquée (${latest.status === 'lost' ? 'perdue' : latest.status === 'stolen' ? 'volée' : 'remplacée'}) : elle ne peut plus être remise.`,
        en: `This card was revoked (${latest.status}): it cannot be issued again.`,
      },
      { rule: 'card-revoked', mieId: latest.id, status: latest.status },
    );
  }
}

function pairCpsRpps(
  db: Database.Database,
  clock: Clock,
  request: BindMieRequest,
  person: { id: string; rpps: string | null; first_name: string; last_name: string },
): void {
  const cardRpps = request.cardRpps ?? null;
  const name = `${person.first_name} ${person.last_name}`;
  // A card without RPPS (establishment staff card, CPE) identifies no professional: nothing to match.
  if (cardRpps === null || person.rpps === cardRpps) return;
  if (person.rpps !== null) {
    throw new DeskError(
      'CONFLICT',
      { fr: `La carte porte le RPPS ${cardRpps}, mais ${name} a le RPPS ${person.rpps}.`, en: `The card carries RPPS ${cardRpps}, but ${name} has RPPS ${person.rpps}.` },
      { rule: 'cps-rpps-mismatch', cardRpps, personRpps: person.rpps },
    );
  }
  const owner = db.prepare('SELECT id, first_name || \' \' || last_name AS name FROM identities WHERE rpps = ?').get(cardRpps) as
    | { id: string; name: string }
    | undefined;
  if (owner !== undefined) {
    throw new DeskError(
      'CONFLICT',
      { fr: `Le RPPS ${cardRpps} est déjà celui de ${owner.name}.`, en: `RPPS ${cardRpps} already belongs to ${owner.name}.` },
      { rule: 'rpps-already-linked', holderId: owner.id, holderName: owner.name },
    );
  }
  if (request.confirmPairing !== true) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `Le RPPS ${cardRpps} n’est connu pour personne : confirmez qu’il s’agit bien de ${name} pour l’associer.`,
        en: `RPPS ${cardRpps} is not known locally: confirm this is ${name} to pair it.`,
      },
      { rule: 'pairing-needs-confirmation', cardRpps },
    );
  }
  pairRppsAtDesk(db, clock, { actor: request.actor, identityId: person.id, rpps: cardRpps });
  appendJournalEntry(db, clock, {
    actor: request.actor,
    action: 'identity.pair-rpps',
    subject: { type: 'identity', id: person.id },
    before: { rpps: null },
    after: { rpps: cardRpps },
  });
}
