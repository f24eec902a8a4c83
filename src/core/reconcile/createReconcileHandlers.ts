import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { decideReviewProposal } from './decideReviewProposal';
import { listReviewProposals } from './listReviewProposals';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { reconcileDirectory } from './reconcileDirectory';

export interface ReconcileHandlersOptions {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
}

export function createReconcileHandlers({ db, clock, events }: ReconcileHandlersOptions): Pick<DeskHandlers, 'listReviewProposals' | 'decideReviewProposal' | 'runReconciliation'> {
  return {
    listReviewProposals: (input) => listReviewProposals(db, input),
    decideReviewProposal: (input, context) => {
      const result = decideReviewProposal(db, { ...input, clock, actor: context.actor });
      events.emit('reviewQueueChanged', result);
      return result;
    },
    runReconciliation: (_input, context) => {
      // Rewrites every automatic link of the directory: an agent's act, journaled with what it found.
      const { actor } = context;
      const { report } = reconcileDirectory(db, { clock });
      appendJournalEntry(db, clock, {
        actor,
        action: 'directory.reconcile',
        after: { identities: report.identities, automaticRate: report.automaticRate, reviewCount: report.reviewCount },
      });
      events.emit('reviewQueueChanged', { remaining: report.reviewCount });
      return report;
    },
  };
}
