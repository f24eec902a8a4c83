import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { deskTimeZone, isoDay, type Clock } from '../clock';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import type { IamHolderCheck } from '../scim/createIamHolderCheck';
import { readPulledMeansHolder } from '../scim/readPulledMeansHolder';
import type { DeskSessions } from '../agents/createDeskSessions';
import { confirmWithSecondAgent } from '../agents/confirmWithSecondAgent';
import { openSessionWithCps } from '../agents/openSessionWithCps';
import { resumeLeaverMie } from '../leavers/resumeLeaverMie';
import type { EventHub } from '../desk/createEventHub';
import { readPersonSummaries } from '../directory/readPersonSummaries';
import { dayBefore } from '../leavers/dayBefore';
import { readDepartures } from '../leavers/readDepartures';
import { readOpenLeaverReview } from '../leavers/readOpenLeaverReview';
import { exportJournalCsv } from '../journal/exportJournalCsv';
import { readJournalEntries } from '../journal/readJournalEntries';
import { verifyJournal } from '../journal/verifyJournal';
import { checkLeaverInvariant } from '../leavers/checkLeaverInvariant';
import { createIssuanceReceipt } from '../receipts/createIssuanceReceipt';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { bindMie } from './bindMie';
import { readCardTypePolicy, writeCardTypePolicy } from './cardTypePolicySettings';
import { changeMieStatus, readMieOrFail } from './changeMieStatus';
import { describeCardMie } from './describeCardMie';
import { expireOverdueMies } from './expireOverdueMies';
import { readMieHistory } from './readMieHistory';
import { readMies } from './readMies';
import { replaceMie } from './replaceMie';
import { scoreCardCandidates } from './scoreCardCandidates';
import { formatDayInWords } from '../../shared/text/formatDates';

export interface EnrollmentDependencies {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  sessions: DeskSessions;
  cards: CardAccess;
  /** Asks the hospital's IAM whether someone else holds the card (SCIM); refuses by throwing. */
  checkIamHolder?: IamHolderCheck;
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
  | 'getReceipt'
  | 'getCardTypePolicy'
  | 'updateCardTypePolicy';

/** The enrollment desk's methods: every act checks the session and the role first. */
export function createEnrollmentHandlers({ db, clock, events, sessions, cards, checkIamHolder }: EnrollmentDependencies): Pick<DeskHandlers, EnrollmentMethod> {
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
  // A means ends with the contract when HR knows its end (and a CPS no later than the card itself).
  const defaultValidUntil = (identityId: string, cardNotAfter: string | null): string | null => {
    const contractEnd = readDepartures(db, { onOrBefore: '9999-12-31', identityId })[0]?.endDate ?? null;
    const cardEnd = cardNotAfter?.slice(0, 10) ?? null;
    if (contractEnd === null || cardEnd === null) return contractEnd ?? cardEnd;
    return contractEnd < cardEnd ? contractEnd : cardEnd;
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
      const iamHolder = binding === null ? readPulledMeansHolder(db, card.identifier) : null;
      return { card, binding, rppsHolder, candidates, iamHolder };
    },

    getPersonEnrollment: ({ identityId }) => {
      expireOverdueMies(db, clock);
      const [person] = readPersonSummaries(db, [identityId]);
      if (person === undefined) {
        throw new DeskError('NOT_FOUND', { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` }, { identityId });
      }
      const departure = readDepartures(db, { onOrBefore: dayBefore(clock.now()), identityId })[0] ?? null;
      const leaverReview = readOpenLeaverReview(db, identityId);
      // The end date that counts: the departure once passed, else the earliest known (directory or HR record).
      const hrEndDate = departure?.endDate ?? readDepartures(db, { onOrBefore: '9999-12-31', identityId })[0]?.endDate ?? null;
      return {
        person,
        hrEndDate,
        ineligibleReason: departure !== null ? 'left' : leaverReview !== null ? 'leaver-review' : null,
        leaverReview,
        mies: readMies(db, { identityId }),
        history: readMieHistory(db, { identityId }),
      };
    },

    bindCard: async ({ identityId, reader, additional, confirmPairing, validUntil, label }, { actor }) => {
      const card = describeCardMie(cardIn(reader));
      await checkIamHolder?.({ identityId, value: card.identifier });
      if (card.cps !== null && card.cps.notAfter < clock.now().toISOString()) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          { fr: `Cette carte CPS a expiré le ${formatDayInWords(card.cps.notAfter, 'fr', { timeZone: deskTimeZone })} : elle ne peut pas être remise.`, en: `This CPS expired on ${formatDayInWords(card.cps.notAfter, 'en', { timeZone: deskTimeZone })}: it cannot be issued.` },
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
          validUntil: validUntil ?? defaultValidUntil(identityId, card.cps?.notAfter ?? null),
          label: label ?? null,
        }),
      );
    },

    changeMieStatus: async ({ mieId, action, reason, secondAgent }, { actor }) => {
      if (action === 'resume' && secondAgent !== undefined) {
        // Reactivating a leaver's means: an exception, with a reason and a second agent in person.
        if (reason === undefined || reason.length < 3) {
          throw new DeskError('INVALID_ARGUMENT', { fr: 'Indiquez le motif de la réactivation (3 caractères au moins).', en: 'Give the reason for resuming (at least 3 characters).' }, { field: 'reason', rule: 'reason-required' });
        }
        const confirmedBy = await confirmWithSecondAgent({ db, cards, actor, secondAgent, act: { fr: 'la réactivation du moyen d’une personne partie', en: 'resuming a leaver’s means' } });
        return announce(resumeLeaverMie(db, clock, { actor, confirmedBy, mieId, reason }));
      }
      return announce(changeMieStatus(db, clock, { actor, mieId, action, reason }));
    },

    replaceMie: async ({ mieId, reader, reason, validUntil }, { actor }) => {
      const old = readMieOrFail(db, mieId);
      const card = describeCardMie(cardIn(reader));
      await checkIamHolder?.({ identityId: old.identityId, value: card.identifier });
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
      return { ...verifyJournal(db), leavers: checkLeaverInvariant(db, { now: clock.now() }) };
    },
    exportJournalCsv: () => {
      return { fileName: `journal-guichet-${isoDay(clock.now())}.csv`, csv: exportJournalCsv(db) };
    },
    getCardTypePolicy: () => readCardTypePolicy(db),
    updateCardTypePolicy: (policy, { actor }) => {
      return db.transaction(() => {
        const before = readCardTypePolicy(db);
        writeCardTypePolicy(db, policy);
        appendJournalEntry(db, clock, { actor, action: 'settings.card-type-policy', subject: { type: 'settings', id: 'cardTypePolicy' }, before, after: policy });
        return readCardTypePolicy(db);
      }).immediate();
    },
    getReceipt: ({ mieId }) => {
      return createIssuanceReceipt(db, mieId);
    },
  };
}
