import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { ActingAgent, DispatchGuard } from '../../shared/api/dispatch';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { JournalEntryInput } from '../journal/journalTypes';
import type { CardAccess } from './CardAccess';
import { confirmActOnAgent } from './confirmActOnAgent';
import type { DeskSessions } from './createDeskSessions';

export interface DispatchGuardOptions {
  db: Database.Database;
  clock: Clock;
  sessions: DeskSessions;
  deskName: string;
  /** The second agent's card for four-eyes acts on agents (confirmActOnAgent); without it those checks are off (handler unit tests). */
  cards?: CardAccess;
  /** Where reads of personal data are journaled (the desk: a deferred journal that never waits on a job's write lock). */
  recordRead?: (entry: JournalEntryInput) => void;
}

/** Input fields that say whom a read of personal data was about (never secrets such as PINs). */
const subjectFields = ['identityId', 'query', 'reader', 'mieId', 'recordId'] as const;

/**
 * The dispatcher's one access check: each method's declared access is enforced here, before any
 * handler runs. The command line is the local operator of the store (it holds the database file
 * already), so it acts as an administrator named after the OS user. Reads of personal data are
 * journaled with whom they were about.
 */
export function createDispatchGuard({ db, clock, sessions, deskName, cards, recordRead = (entry) => appendJournalEntry(db, clock, entry) }: DispatchGuardOptions): DispatchGuard {
  const cliOperator = (): ActingAgent => ({ agentId: null, agentName: `cli:${safeUserName()}`, desk: deskName, role: 'admin' });
  const guard: DispatchGuard = {
    authorize({ method, access, personalData, input, context }) {
      if (access === 'public') return null;
      const actor =
        context.transport === 'cli' ? cliOperator() : access === 'session' ? sessions.requireSession(context.connectionId) : sessions.requireAct(context.connectionId, access);
      if (personalData) {
        const about = Object.fromEntries(subjectFields.flatMap((field) => (isRecord(input) && typeof input[field] === 'string' ? [[field, input[field]]] : [])));
        const identityId = typeof about.identityId === 'string' ? about.identityId : null;
        recordRead({
          actor,
          action: 'personal-data.read',
          ...(identityId === null ? {} : { subject: { type: 'identity', id: identityId } }),
          after: { method, ...about },
        });
      }
      return actor;
    },
  };
  if (cards !== undefined) guard.confirm = (request) => confirmActOnAgent({ db, clock, cards }, request);
  return guard;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
