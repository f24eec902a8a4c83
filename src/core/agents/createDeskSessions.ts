import type Database from 'better-sqlite3';
import type { AgentRole, DeskAct, DeskAgentView, DeskSessionLockReason, DeskSessionView } from '../../shared/api/enrollment.contract';
import type { ActingAgent } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { createLoginGuard, type LoginGuard } from './createLoginGuard';
import { deskPermissions } from './deskPermissions';

export interface OpenSessionRequest {
  agentIdentityId: string;
  /** How the caller authenticated the agent: CPS + PIN (here) or a FIDO2 assertion (issue 7). */
  method: 'cps' | 'fido';
  /** The reader holding the agent's card: pulling that card locks the desk. */
  reader?: string | null;
}

/**
 * The agents' desk sessions, one per connection (window or WebSocket). The core checks the
 * session and the role on every act (`requireAct`); the UI only mirrors it.
 */
export interface DeskSessions {
  /** Opens (or unlocks) the session of `connectionId` for an agent the caller has authenticated. */
  open(connectionId: string, request: OpenSessionRequest): DeskSessionView;
  view(connectionId: string): DeskSessionView;
  /** The acting agent, when the session is open and the role allows `act`; counts as activity. */
  requireAct(connectionId: string, act: DeskAct): ActingAgent;
  /** The acting agent, when the session is open (any role); counts as activity. */
  requireSession(connectionId: string): ActingAgent;
  close(connectionId: string): DeskSessionView;
  /** Locks every session whose agent card was in `reader`. */
  lockOnCardRemoved(reader: string): void;
  /** Journals a refused login (wrong PIN…) against the agent the card names. */
  recordRefusedLogin(agentIdentityId: string, reason: string): void;
  /** True when the connection has an open, unlocked session (no side effect: never locks). */
  hasOpenSession(connectionId: string): boolean;
  /** The reader holding the card of the connection's session (open or locked). */
  readerOf(connectionId: string): string | null;
  /** The connection is gone (window closed, socket dropped): its session closes. */
  forget(connectionId: string): void;
  /** PIN attempts: reader ownership and rate limits (see createLoginGuard). */
  login: LoginGuard;
}

export interface DeskSessionsOptions {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  /** Workstation name written in the journal. */
  deskName: string;
  /** Lock after this long without an act (default 5 minutes). */
  idleLockMs?: number;
  /** The desk's agent reader: where a connection without a session may try a PIN (default: any). */
  isAgentReader?: (reader: string) => boolean;
}

interface Session {
  agent: DeskAgentView;
  method: 'cps' | 'fido';
  reader: string | null;
  openedAt: Date;
  lastActivityAt: Date;
  lockReason: DeskSessionLockReason | null;
}

export function createDeskSessions({ db, clock, events, deskName, idleLockMs = 5 * 60_000, isAgentReader = () => true }: DeskSessionsOptions): DeskSessions {
  const sessions = new Map<string, Session>();
  const login = createLoginGuard({ clock, isAgentReader });
  events.subscribe((event, payload) => {
    if (event === 'cardInserted') login.noteInsertion((payload as { reader: string }).reader);
  });

  const actorOf = (session: Session): ActingAgent => ({ agentId: session.agent.identityId, agentName: session.agent.name, desk: deskName, role: session.agent.role });

  function lock(session: Session, reason: DeskSessionLockReason): void {
    if (session.lockReason !== null) return;
    session.lockReason = reason;
    appendJournalEntry(db, clock, { actor: actorOf(session), action: 'session.lock', subject: { type: 'agent', id: session.agent.identityId }, after: { reason } });
    events.emit('deskSessionChanged', { reason });
  }

  function current(connectionId: string): Session | undefined {
    const session = sessions.get(connectionId);
    if (session !== undefined && session.lockReason === null && clock.now().getTime() - session.lastActivityAt.getTime() >= idleLockMs) {
      lock(session, 'inactivity');
    }
    return session;
  }

  /** The open, unlocked session of the connection, or UNAUTHENTICATED saying why. */
  function openSessionOf(connectionId: string, act: DeskAct | null): Session {
    const session = current(connectionId);
    if (session === undefined || session.lockReason !== null) {
      throw new DeskError(
        'UNAUTHENTICATED',
        session === undefined
          ? { fr: 'Identifiez-vous avec votre carte CPS et votre code pour agir.', en: 'Log in with your CPS card and PIN to act.' }
          : { fr: 'Le guichet est verrouillé : identifiez-vous à nouveau.', en: 'The desk is locked: log in again.' },
        { act, lockReason: session?.lockReason ?? null },
      );
    }
    return session;
  }

  function toView(session: Session | undefined): DeskSessionView {
    return {
      state: session === undefined ? 'none' : session.lockReason === null ? 'open' : 'locked',
      agent: session?.agent ?? null,
      method: session?.method ?? null,
      agentReader: session?.reader ?? null,
      openedAt: session?.openedAt.toISOString() ?? null,
      lockReason: session?.lockReason ?? null,
      idleLockSeconds: Math.round(idleLockMs / 1000),
      allowedActs: session === undefined || session.lockReason !== null ? [] : [...deskPermissions[session.agent.role]],
    };
  }

  return {
    open(connectionId, { agentIdentityId, method, reader = null }) {
      const agent = readAgent(db, agentIdentityId);
      const previous = sessions.get(connectionId);
      const now = clock.now();
      const unlocking = previous !== undefined && previous.agent.identityId === agent.identityId;
      const session: Session = { agent, method, reader, openedAt: unlocking ? previous.openedAt : now, lastActivityAt: now, lockReason: null };
      db.transaction(() => {
        if (previous !== undefined && !unlocking) {
          appendJournalEntry(db, clock, { actor: actorOf(previous), action: 'session.close', subject: { type: 'agent', id: previous.agent.identityId }, after: { reason: 'another agent logged in' } });
        }
        appendJournalEntry(db, clock, {
          actor: actorOf(session),
          action: unlocking ? 'session.unlock' : 'session.open',
          subject: { type: 'agent', id: agent.identityId },
          after: { role: agent.role, method },
        });
      }).immediate();
      sessions.set(connectionId, session);
      events.emit('deskSessionChanged', { reason: 'opened' });
      return toView(session);
    },
    view: (connectionId) => toView(current(connectionId)),
    requireAct(connectionId, act) {
      const session = openSessionOf(connectionId, act);
      if (!deskPermissions[session.agent.role].includes(act)) {
        throw new DeskError(
          'FORBIDDEN',
          { fr: `Le rôle « ${session.agent.role} » ne permet pas l’action « ${act} ».`, en: `The role "${session.agent.role}" does not allow "${act}".` },
          { act, role: session.agent.role },
        );
      }
      session.lastActivityAt = clock.now();
      return actorOf(session);
    },
    requireSession(connectionId) {
      const session = openSessionOf(connectionId, null);
      session.lastActivityAt = clock.now();
      return actorOf(session);
    },
    close(connectionId) {
      const session = sessions.get(connectionId);
      if (session !== undefined) {
        appendJournalEntry(db, clock, { actor: actorOf(session), action: 'session.close', subject: { type: 'agent', id: session.agent.identityId } });
        sessions.delete(connectionId);
        events.emit('deskSessionChanged', { reason: 'closed' });
      }
      return toView(undefined);
    },
    lockOnCardRemoved(reader) {
      for (const session of sessions.values()) if (session.reader === reader) lock(session, 'card-removed');
    },
    hasOpenSession(connectionId) {
      const session = sessions.get(connectionId);
      return session !== undefined && session.lockReason === null && clock.now().getTime() - session.lastActivityAt.getTime() < idleLockMs;
    },
    readerOf: (connectionId) => sessions.get(connectionId)?.reader ?? null,
    forget(connectionId) {
      const session = sessions.get(connectionId);
      if (session === undefined) return;
      sessions.delete(connectionId);
      appendJournalEntry(db, clock, { actor: actorOf(session), action: 'session.close', subject: { type: 'agent', id: session.agent.identityId }, after: { reason: 'connection closed' } });
    },
    login,
    recordRefusedLogin(agentIdentityId, reason) {
      const agent = readAgent(db, agentIdentityId);
      appendJournalEntry(db, clock, {
        actor: { agentId: agent.identityId, agentName: agent.name, desk: deskName },
        action: 'session.refused',
        subject: { type: 'agent', id: agent.identityId },
        after: { reason },
      });
    },
  };
}

/** An active desk agent, or FORBIDDEN naming the person. */
export function readAgent(db: Database.Database, identityId: string): DeskAgentView {
  const row = db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, a.role, a.active, i.status
         FROM identities i LEFT JOIN agents a ON a.identity_id = i.id WHERE i.id = ?`,
    )
    .get(identityId) as { id: string; name: string; role: AgentRole | null; active: number | null; status: string } | undefined;
  if (row?.role === null || row?.role === undefined || row.active !== 1 || row.status === 'left') {
    const name = row?.name ?? identityId;
    throw new DeskError(
      'FORBIDDEN',
      { fr: `${name} n’est pas un agent habilité du guichet.`, en: `${name} is not an authorized desk agent.` },
      { identityId },
    );
  }
  return { identityId: row.id, name: row.name, role: row.role };
}
