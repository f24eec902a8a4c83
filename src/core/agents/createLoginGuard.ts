import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { PinCheck, PresentedCard } from './CardAccess';

export interface LoginGuard {
  /**
   * Before a PIN goes to the card: refuses a reader the connection does not own, a connection that
   * failed too often, and the last try of a card from a connection without a session unless the
   * card was inserted again since its last wrong PIN (someone is physically at the reader).
   */
  checkAttempt(attempt: LoginAttempt): void;
  /** After the card answered: counts wrong PINs per connection and per card; a success clears them. */
  recordResult(attempt: LoginAttempt, check: PinCheck): void;
  /** A card was decoded in `reader` (a fresh insertion restores the last try). */
  noteInsertion(reader: string): void;
}

export interface LoginAttempt {
  connectionId: string;
  reader: string;
  card: PresentedCard;
  /** The reader of the connection's own session (open or locked), if any. */
  sessionReader: string | null;
  /** The connection has an open, unlocked session. */
  authenticated: boolean;
}

export interface LoginGuardOptions {
  clock: Clock;
  /** The desk's agent reader (where an agent's own card sits); see resolveAgentReader. */
  isAgentReader: (reader: string) => boolean;
  /** Wrong PINs a connection without session may type before it has to wait. */
  wrongPinsPerConnection?: number;
  /** How long such a connection waits. */
  cooldownMs?: number;
}

interface CardState {
  triesLeft: number;
  lastWrongAt: number;
}

/**
 * Keeps anonymous connections from blocking an agent's card: a real CPS blocks after 3 wrong
 * PINs, so a connection that holds the token but no session gets 2 tries, then waits; and the
 * card's last try needs the card pulled and inserted again, which a remote caller cannot do.
 */
export function createLoginGuard({ clock, isAgentReader, wrongPinsPerConnection = 2, cooldownMs = 60_000 }: LoginGuardOptions): LoginGuard {
  const wrongByConnection = new Map<string, { count: number; lastAt: number }>();
  const cards = new Map<string, CardState>();
  const insertedAt = new Map<string, number>();
  const cardKey = (card: PresentedCard) => `${card.cps?.idNat ?? ''}/${card.cps?.serial ?? card.uid ?? ''}`;
  const now = () => clock.now().getTime();

  return {
    checkAttempt({ connectionId, reader, card, sessionReader, authenticated }) {
      if (reader !== sessionReader && !isAgentReader(reader)) {
        throw new DeskError(
          'FORBIDDEN',
          { fr: `Le lecteur « ${reader} » n’est pas le lecteur agent de ce poste : insérez votre carte dans le lecteur agent.`, en: `The reader "${reader}" is not this desk's agent reader: insert your card in the agent reader.` },
          { rule: 'not-agent-reader', reader },
        );
      }
      if (authenticated) return;
      const wrong = wrongByConnection.get(connectionId);
      if (wrong !== undefined && wrong.count >= wrongPinsPerConnection && now() - wrong.lastAt < cooldownMs) {
        const seconds = Math.ceil((cooldownMs - (now() - wrong.lastAt)) / 1000);
        throw new DeskError(
          'UNAVAILABLE',
          { fr: `Trop de codes erronés depuis cette fenêtre : réessayez dans ${seconds} s.`, en: `Too many wrong PINs from this window: try again in ${seconds} s.` },
          { rule: 'login-cooldown', retryInSeconds: seconds },
        );
      }
      const state = cards.get(cardKey(card));
      const triesLeft = state?.triesLeft ?? card.cps?.pinTriesLeft ?? null;
      const insertion = insertedAt.get(reader);
      const reinserted = insertion !== undefined && insertion > (state?.lastWrongAt ?? Number.NEGATIVE_INFINITY);
      if (triesLeft !== null && triesLeft <= 1 && !reinserted) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          {
            fr: 'Il ne reste qu’un essai avant le blocage de cette carte : retirez-la puis réinsérez-la avant de taper le code.',
            en: 'One try is left before this card blocks: pull it out and insert it again before typing the PIN.',
          },
          { rule: 'last-try-needs-reinsertion' },
        );
      }
    },
    recordResult({ connectionId, card }, check) {
      const key = cardKey(card);
      if (check.ok) {
        wrongByConnection.delete(connectionId);
        cards.delete(key);
        return;
      }
      const at = now();
      const wrong = wrongByConnection.get(connectionId);
      wrongByConnection.set(connectionId, { count: (wrong !== undefined && at - wrong.lastAt < cooldownMs * 10 ? wrong.count : 0) + 1, lastAt: at });
      cards.set(key, { triesLeft: check.reason === 'WRONG_PIN' ? check.triesLeft : 0, lastWrongAt: at });
    },
    noteInsertion(reader) {
      insertedAt.set(reader, now());
    },
  };
}
