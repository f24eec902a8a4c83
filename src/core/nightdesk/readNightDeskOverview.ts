import type Database from 'better-sqlite3';
import type { NightDeskOverview } from '../../shared/api/nightdesk.contract';
import type { Clock } from '../clock';
import { readLeaverHolds, readLeaverReviews } from '../leavers/readLeaverQueues';
import { readPoolCards } from '../pool/readPoolCards';
import { computeTemporaryEnd } from './computeTemporaryEnd';
import { readNightDeskSettings } from './nightDeskSettings';
import { readRegularizationTasks } from './readRegularizationTasks';
import { readTemporaryIssuances } from './readTemporaryIssuances';

/** Everything the night-desk screen shows, in one read. */
export function readNightDeskOverview(db: Database.Database, clock: Clock): NightDeskOverview {
  const now = clock.now();
  const settings = readNightDeskSettings(db);
  const { defaultEnd, latestEnd } = computeTemporaryEnd(now, settings);
  return {
    now: now.toISOString(),
    settings,
    defaultEnd: defaultEnd.toISOString(),
    latestEnd: latestEnd.toISOString(),
    pool: readPoolCards(db),
    open: readTemporaryIssuances(db, { open: true }),
    overdue: readTemporaryIssuances(db, { overdue: true }),
    regularizations: readRegularizationTasks(db).map(({ status: _status, ...task }) => task),
    leaverReviews: readLeaverReviews(db).map(({ status: _status, ...review }) => review),
    leaverHolds: readLeaverHolds(db).map(({ status: _status, identityIds: _ids, ...hold }) => hold),
  };
}
