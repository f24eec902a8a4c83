import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { DeskSessions } from '../agents/createDeskSessions';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { decideReviewProposal } from './decideReviewProposal';
import { listReviewProposals } from './listReviewProposals';
import { reconcileDirectory } from './reconcileDirectory';
import { requireReviewer } from './requireReviewer';

export interface ReconcileHandlersOptions {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  sessions: DeskSessions;
}

export function createReconcileHandlers({ db, clock, events, sessions }: ReconcileHandlersOptions): Pick<DeskHandlers, 'listReviewProposals' | 'decideReviewProposal' | 'runReconciliation'> {
  return {
    listReviewProposals: (input) => listReviewProposals(db, input),
    decideReviewProposal: (input, context) => {
      const result = decideReviewProposal(db, { ...input, clock, decidedBy: requireReviewer(sessions, context.connectionId) });
      events.emit('reviewQueueChanged', result);
      return result;
    },
    runReconciliation: () => {
      const { report } = reconcileDirectory(db, { clock });
      events.emit('reviewQueueChanged', { remaining: report.reviewCount });
      return report;
    },
  };
}
