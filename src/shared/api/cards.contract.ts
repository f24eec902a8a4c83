import { z } from 'zod';
import type { CardInfo, CardReadError } from '../cards/cardTypes';
import { defineEvent, defineMethod } from './defineContract';
import type { AgentRole } from './deskActs';

/**
 * `ready`: PC/SC answers. `unavailable`: no smart-card service (pcscd absent or restarting) —
 * the desk shows "service carte à puce indisponible" and retries by itself. `disabled`: the desk
 * runs simulated readers only.
 */
export type CardServiceStatus = 'starting' | 'ready' | 'unavailable' | 'disabled';

export type ReaderKind = 'pcsc' | 'simulated';

export interface ReaderView {
  name: string;
  kind: ReaderKind;
  /** Which cards fit: simulated readers are either contact (CPS) or contactless (badges). */
  accepts: 'contact' | 'contactless' | 'any';
  /** `reading` between the card's arrival and its decoded event. */
  state: 'empty' | 'reading' | 'present' | 'error';
  card: CardInfo | null;
  error: CardReadError | null;
  /** Simulated readers only: id of the virtual card inserted. */
  simulatedCardId: string | null;
}

export interface CardReadersState {
  service: { status: CardServiceStatus; detail: string | null };
  readers: ReaderView[];
}

/** A virtual card of the simulated-readers catalog (demo people's CPS and badges, test cards). */
/** What a simulated card's label adds to its model and holder, shown through a label in each language. */
export type SimulatedCardNote = 'rpps-not-in-directory' | 'random-uid' | 'old-badge' | 'parking-badge' | 'visitor-ticket';

export interface SimulatedCardView {
  id: string;
  /** The label in French (CLI and logs); the desk composes its own from `model`, `holderName` and `note`. */
  label: string;
  /** The card's model as printed on it (a name, the same in every language): "CPS4", "CPE", "Badge DESFire EV2"… */
  model: string;
  note: SimulatedCardNote | null;
  type: CardInfo['type'];
  interface: 'contact' | 'contactless';
  /** The demo person it belongs to, when any. */
  identityId: string | null;
  holderName: string | null;
  /** The desk role this card logs in with (demo agents' cards), else null. */
  agentRole: AgentRole | null;
}

export type PinVerification =
  | { ok: true; triesLeft: number | null }
  | { ok: false; reason: 'WRONG_PIN'; triesLeft: number }
  | { ok: false; reason: 'PIN_BLOCKED' };

const readerName = z.string().trim().min(1, 'reader name is empty').max(200);

export const cardsMethods = {
  /**
   * Public so the login screen sees a card in the agent reader; without a session identities are
   * redacted (only the agent reader's CPS holder name stays). The simulated card box exists only
   * in demo mode; without a session it lists agents' cards only and insertion/removal is limited
   * to the agent reader (the core's cards handlers enforce this documented exception).
   */
  listCardReaders: defineMethod<CardReadersState>()(z.object({}).strict(), { access: 'public' }),
  listSimulatedCards: defineMethod<SimulatedCardView[]>()(
    z.object({ query: z.string().trim().max(100).default('') }).strict(),
    { access: 'public' },
  ),
  insertSimulatedCard: defineMethod<ReaderView>()(
    z.object({ reader: readerName, cardId: z.string().trim().min(1).max(100) }).strict(),
    { access: 'public' },
  ),
  removeSimulatedCard: defineMethod<ReaderView>()(z.object({ reader: readerName }).strict(), { access: 'public' }),
};

export const cardsEvents = {
  readerChanged: defineEvent<{ reader: ReaderView; state: 'attached' | 'detached' | 'updated' }>(),
  cardServiceChanged: defineEvent<CardReadersState['service']>(),
  cardInserted: defineEvent<CardInfo>(),
  cardRemoved: defineEvent<{ reader: string }>(),
  cardReadFailed: defineEvent<CardReadError>(),
};
