import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { Clock } from '../clock';
import { readWorkQueue } from './readWorkQueue';

/** The "À traiter" work queue of the badge office. */
export function createWorkQueueHandlers({ db, clock }: { db: Database.Database; clock: Clock }): Pick<DeskHandlers, 'getWorkQueue'> {
  return {
    getWorkQueue: () => readWorkQueue(db, clock),
  };
}
