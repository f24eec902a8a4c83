import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { NightDeskChangeReason, NightDeskSettings } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { CardAccess } from '../agents/CardAccess';
import { confirmWithSecondAgent } from '../agents/confirmWithSecondAgent';
import { readMies } from '../enrollment/readMies';
import type { EventHub } from '../desk/createEventHub';
import { describeCardMie } from '../enrollment/describeCardMie';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { recordImmediateDeparture } from '../leavers/recordImmediateDeparture';
import { resolveLeaverHold } from '../leavers/resolveLeaverHold';
import { resolveLeaverReview } from '../leavers/resolveLeaverReview';
import { declarePoolCardLost } from '../pool/declarePoolCardLost';
import { registerPoolCard } from '../pool/registerPoolCard';
import { confirmRegularization } from './confirmRegularization';
import { issueTemporaryCard } from './issueTemporaryCard';
import { readNightDeskCard } from './readNightDeskCard';
import { readNightDeskOverview } from './readNightDeskOverview';
import { readNightDeskSettings, writeNightDeskSettings } from './nightDeskSettings';
import { returnTemporaryCard } from './returnTemporaryCard';
import { revokeRegularization } from './revokeRegularization';
import { searchNightDeskCandidates } from './searchNightDeskCandidates';

export interface NightDeskDependencies {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  cards: CardAccess;
}

type NightDeskMethod =
  | 'getNightDeskOverview'
  | 'updateNightDeskSettings'
  | 'searchNightDeskCandidates'
  | 'readNightDeskCard'
  | 'registerPoolCard'
  | 'declarePoolCardLost'
  | 'issueTemporaryCard'
  | 'returnTemporaryCard'
  | 'confirmRegularization'
  | 'revokeRegularization'
  | 'recordImmediateDeparture'
  | 'resolveLeaverReview'
  | 'resolveLeaverHold';

/**
 * The night desk's methods. Issuing, returning and pool work need `mie.bind-temporary` (night desk,
 * badge office); settling regularizations, leaver reviews and holds needs `mie.resume` (badge office).
 */
export function createNightDeskHandlers({ db, clock, events, cards }: NightDeskDependencies): Pick<DeskHandlers, NightDeskMethod> {
  const presented = (reader: string) => {
    const card = cards.readCard(reader);
    if (card === null) {
      throw new DeskError('NOT_FOUND', { fr: `Aucune carte lue dans le lecteur « ${reader} ».`, en: `No card read in the reader "${reader}".` }, { reader });
    }
    return describeCardMie(card);
  };
  const changed = <T>(reason: NightDeskChangeReason, value: T): T => {
    events.emit('nightDeskChanged', { reason });
    return value;
  };

  return {
    getNightDeskOverview: () => {
      return readNightDeskOverview(db, clock);
    },
    updateNightDeskSettings: (input, { actor }) => {
      try {
        new Intl.DateTimeFormat('fr-FR', { timeZone: input.timeZone });
      } catch {
        throw new DeskError('INVALID_ARGUMENT', { fr: `Fuseau horaire inconnu : « ${input.timeZone} » (attendu par ex. Europe/Paris).`, en: `Unknown time zone "${input.timeZone}" (expected e.g. Europe/Paris).` }, { field: 'timeZone' });
      }
      const settings: NightDeskSettings = { ...input, shiftChanges: [...new Set(input.shiftChanges)].sort() };
      db.transaction(() => {
        appendJournalEntry(db, clock, { actor, action: 'nightdesk.settings', before: readNightDeskSettings(db), after: settings });
        writeNightDeskSettings(db, settings);
      }).immediate();
      return changed('settings', settings);
    },
    searchNightDeskCandidates: (input) => {
      return searchNightDeskCandidates(db, input);
    },
    readNightDeskCard: ({ reader }) => {
      return readNightDeskCard(db, presented(reader));
    },
    registerPoolCard: ({ reader, label }, { actor }) => {
      return changed('pool', registerPoolCard(db, clock, { actor, card: presented(reader), label }));
    },
    declarePoolCardLost: ({ identifier, reason }, { actor }) => {
      return changed('pool', declarePoolCardLost(db, clock, { actor, identifier, reason }));
    },
    issueTemporaryCard: ({ holder, cardIdentifier, endsAt, timing }, { actor }) => {
      const result = issueTemporaryCard(db, clock, { actor, settings: readNightDeskSettings(db), holder, cardIdentifier, endsAt, timing });
      events.emit('mieChanged', { mieId: result.mie.id, identityId: result.mie.identityId, status: result.mie.status });
      return changed('issued', result);
    },
    returnTemporaryCard: ({ cardIdentifier }, { actor }) => {
      return changed('returned', returnTemporaryCard(db, clock, { actor, cardIdentifier }));
    },
    confirmRegularization: ({ taskId, hrIdentityId }, { actor }) => {
      return changed('regularization', confirmRegularization(db, clock, { actor, taskId, hrIdentityId }));
    },
    revokeRegularization: ({ taskId, reason }, { actor }) => {
      return changed('regularization', revokeRegularization(db, clock, { actor, taskId, reason }));
    },
    recordImmediateDeparture: ({ identityId, reason }, { actor }) => {
      return changed('leavers', recordImmediateDeparture(db, clock, { actor, identityId, reason }));
    },
    resolveLeaverReview: async (input, { actor }) => {
      const review =
        input.decision === 'revoke'
          ? resolveLeaverReview(db, clock, { actor, reviewId: input.reviewId, decision: 'revoke', reason: input.reason })
          : resolveLeaverReview(db, clock, {
              actor,
              reviewId: input.reviewId,
              decision: 'restore',
              reason: input.reason,
              newEndDate: input.newEndDate,
              confirmedBy: await confirmWithSecondAgent({ db, cards, actor, secondAgent: input.secondAgent, act: { fr: 'l’exception au départ', en: 'the leaver exception' } }),
            });
      for (const mie of readMies(db, { identityId: review.identityId })) events.emit('mieChanged', { mieId: mie.id, identityId: mie.identityId, status: mie.status });
      return changed('leavers', review);
    },
    resolveLeaverHold: ({ holdId, decision }, { actor }) => {
      return changed('leavers', resolveLeaverHold(db, clock, { actor, holdId, decision }));
    },
  };
}
