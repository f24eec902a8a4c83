import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import type { Actor } from '../journal/journalTypes';
import { runLeaverCheck, type LeaverTrigger } from '../leavers/runLeaverCheck';
import { expireTemporaryCards } from './expireTemporaryCards';
import { readNightDeskSettings } from './nightDeskSettings';

export interface NightDeskChecks {
  /** Expires due temporary cards and suspends leavers' MIE now (also run at start and on every tick). */
  runNow(trigger?: LeaverTrigger): void;
  stop(): void;
}

export interface StartNightDeskChecksOptions {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  /** Workstation name: scheduled acts are journaled as the system at this desk. */
  deskName: string;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Temporary cards must expire at their end time even if the desk was closed then: the check runs
 * at start, then every `intervalMs` (one minute by default), with the injected clock. The same tick
 * catches HR end dates that have just been reached.
 */
export function startNightDeskChecks({ db, clock, events, deskName, intervalMs = 60_000, onError = () => {} }: StartNightDeskChecksOptions): NightDeskChecks {
  const system: Actor = { agentId: null, agentName: null, desk: deskName };
  const runNow = (trigger: LeaverTrigger = 'schedule') => {
    try {
      const expired = expireTemporaryCards(db, clock, { actor: system });
      if (expired > 0) events.emit('nightDeskChanged', { reason: 'expired' });
      const leavers = runLeaverCheck(db, clock, { actor: system, trigger, maxShare: readNightDeskSettings(db).massLeaverShare });
      if (leavers.outcome !== 'nothing') events.emit('nightDeskChanged', { reason: 'leavers' });
    } catch (error) {
      onError(error);
    }
  };
  runNow();
  const timer = setInterval(runNow, intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
