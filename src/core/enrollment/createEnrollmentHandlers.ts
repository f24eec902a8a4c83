import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import type { DeskSessions } from '../agents/createDeskSessions';
import { openSessionWithCps } from '../agents/openSessionWithCps';
import type { EventHub } from '../desk/createEventHub';
import { readPersonSummaries } from '../directory/readPersonSummaries';
import { exportJournalCsv } from '../journal/exportJournalCsv';
import { readJournalEntries } from '../journal/readJournalEntries';
import { verifyJournal } from '../journal/verifyJournal';
import { createIssuanceReceipt } from '../receipts/createIssuanceReceipt';
import { bindMie } from './bindMie';
import { changeMieStatus, readMieOrFail } from './changeMieStatus';
import { describeCardMie } from './describeCardMie';
import { expireOverdueMies } from './expireOverdueMies';
import { readMieHistory } from './readMieHistory';
import { readMies } from './readMies';
import { replaceMie } from './replaceMie';
import { scoreCardCandidates } from './scoreCardCandidates';

export interface EnrollmentDependencies {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  sessions: DeskSessions;
  cards: CardAccess;
}

type EnrollmentMethod =
  | 'getDeskSession'
  | 'openDeskSession'
  | 'closeDeskSession'
  | 'lookUpCard'
  | 'getPersonEnrollment'
  | 'bindCard'
  | 'changeMieStatus'
  | 'replaceMie'
  | 'getMieHistory'
  | 'listJournal'
  | 'verifyJournal'
  | 'exportJournalCsv'
  | 'getReceipt';

/** The enrollment desk's methods: every act checks the session and the role first. */
export function createEnrollmentHandlers({ db, clock, events, sessions, cards }: EnrollmentDependencies): Pick<DeskHandlers, EnrollmentMethod> {
  const cardIn = (reader: string): PresentedCard => {
    const card = cards.readCard(reader);
    if (card === null) {
      throw new DeskError('NOT_FOUND', { fr: `Aucune carte lue dans le lecteur « ${reader} ».`, en: `No card read in the reader "${reader}".` }, { reader });
    }
    return card;
  };
  const announce = (mie: MieView): MieView => {
    events.emit('mieChanged', { mieId: mie.id, identityId: mie.identityId, status: mie.status });
    return mie;
  };
  // Validity ends with the day: what a desk shows is brought up to date before it is read.
  expireOverdueMies(db, clock);

  return {
    getDeskSession: (_input, { connectionId }) => sessions.view(connectionId),
    openDeskSession: (input, { connectionId }) => openSessionWithCps({ db, clock, sessions, cards }, connectionId, input),
    closeDeskSession: (_input, { connectionId }) => sessions.close(connectionId),

    lookUpCard: ({ reader }) => {
      expireOverdueMies(db, clock);
      const card = describeCardMie(cardIn(reader));
      const binding = readMies(db, { card: { kind: card.kind, identifier: card.identifier } }).find((m) => m.status === 'active' || m.status === 'suspended') ?? null;
      const rpps = card.cps?.rpps ?? null;
      const holderRow = rpps === null ? undefined : (db.prepare('SELECT id FROM identities WHERE rpps = ?').get(rpps) as { id: string } | undefined);
      const rppsHolder = holderRow === undefined ? null : (readPersonSummaries(db, [holderRow.id])[0] ?? null);
      const candidates = card.cps !== null && rppsHolder === null && binding === null ? scoreCardCandidates(db, card.cps) : [];
      return { card, binding, rppsHolder, candidates };
    },

    getPersonEnrollment: ({ identityId }) => {
      expireOverdueMies(db, clock);
      const [person] = readPersonSummaries(db, [identityId]);
      if (person === undefined) {
        throw new DeskError('NOT_FOUND', { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` }, { identityId });
      }
      const { hr_end_date: hrEndDate } = db.prepare('SELECT hr_end_date FROM identities WHERE id = ?').get(identityId) as { hr_end_date: string | null };
      const left = person.status === 'left' || (hrEndDate !== null && hrEndDate < isoDay(clock.now()));
      return {
        person,
        hrEndDate,
        ineligibleReason: left ? 'left' : null,
        mies: readMies(db, { identityId }),
        history: readMieHistory(db, { identityId }),
      };
    },

    bindCard: ({ identityId, reader, additional, confirmPairing, validUntil, label }, { actor }) => {
      const card = describeCardMie(cardIn(reader));
      if (card.cps !== null && card.cps.notAfter < clock.now().toISOString()) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          { fr: `Cette carte CPS a expiré le ${card.cps.notAfter.slice(0, 10)} : elle ne peut pas être remise.`, en: `This CPS expired on ${card.cps.notAfter.slice(0, 10)}: it cannot be issued.` },
          { rule: 'card-expired', notAfter: card.cps.notAfter },
        );
      }
      return announce(
        bindMie(db, clock, {
          actor,
          identityId,
          kind: card.kind,
          identifier: card.identifier,
          cardRpps: card.cps?.rpps ?? null,
          cardType: card.cardType,
          confirmPairing,
          additional,
          validUntil: validUntil ?? (card.cps === null ? null : card.cps.notAfter.slice(0, 10)),
          label: label ?? null,
        }),
      );
    },

    changeMieStatus: ({ mieId, action, reason }, { actor }) => {
      return announce(changeMieStatus(db, clock, { actor, mieId, action, reason }));
    },

    replaceMie: ({ mieId, reader, reason, validUntil }, { actor }) => {
      const old = readMieOrFail(db, mieId);
      const card = describeCardMie(cardIn(reader));
      if (card.kind !== old.kind) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          { fr: `Le remplaçant doit être du même type (${old.kind}) ; la carte présentée est de type ${card.kind}.`, en: `The replacement must be of the same kind (${old.kind}); the card presented is a ${card.kind}.` },
          { rule: 'replacement-kind', expected: old.kind, actual: card.kind },
        );
      }
      const replacement = replaceMie(db, clock, {
        actor,
        mieId,
        identifier: card.identifier,
        cardRpps: card.cps?.rpps ?? null,
        cardType: card.cardType,
        validUntil: validUntil ?? (card.cps === null ? null : card.cps.notAfter.slice(0, 10)),
        reason,
      });
      announce(readMieOrFail(db, mieId));
      return announce(replacement);
    },

    getMieHistory: ({ mieId }) => {
      return readMieHistory(db, { mieId: readMieOrFail(db, mieId).id });
    },

    listJournal: ({ limit }) => {
      return readJournalEntries(db, { newestFirst: true, limit }).map((e) => ({
        seq: e.seq,
        at: e.at,
        agentName: e.agentName,
        desk: e.desk,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        before: e.beforeJson,
        after: e.afterJson,
        hash: e.hash,
      }));
    },
    verifyJournal: () => {
      return verifyJournal(db);
    },
    exportJournalCsv: () => {
      return { fileName: `journal-guichet-${isoDay(clock.now())}.csv`, csv: exportJournalCsv(db) };
    },
    getReceipt: ({ mieId }) => {
      return createIssuanceReceipt(db, mieId);
    },
  };
}
