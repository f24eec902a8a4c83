import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import type { PresentedCard } from './CardAccess';
import { createLoginGuard, type LoginAttempt } from './createLoginGuard';

const card: PresentedCard = { reader: 'agent', type: 'CPS4', uid: null, desfire: null, cps: { idNat: '810001', rpps: '10001', lastName: 'MÉNARD', firstName: 'Agnès', profession: '10', serial: 'S1', notAfter: '2030-01-01', pinTriesLeft: 3 } };
const ruleOf = (action: () => void): string | null => {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof DeskError ? String(error.details?.rule) : 'unexpected';
  }
};

describe('createLoginGuard', () => {
  let now = 0;
  const guard = createLoginGuard({ clock: { now: () => new Date(now) }, isAgentReader: (reader) => reader === 'agent', cooldownMs: 60_000 });
  const attempt = (connectionId: string, reader = 'agent'): LoginAttempt => ({ connectionId, reader, card: { ...card, reader }, sessionReader: null, authenticated: false });

  it('refuses a reader that is not the agent reader (nor the session’s own)', () => {
    expect(ruleOf(() => guard.checkAttempt(attempt('a', 'customer')))).toBe('not-agent-reader');
    expect(ruleOf(() => guard.checkAttempt({ ...attempt('a', 'customer'), sessionReader: 'customer' }))).toBeNull();
  });

  it('gives a connection without a session 2 wrong PINs, then a wait; the last try needs the card inserted again', () => {
    guard.noteInsertion('agent');
    now += 1;
    guard.checkAttempt(attempt('a'));
    guard.recordResult(attempt('a'), { ok: false, reason: 'WRONG_PIN', triesLeft: 2 });
    guard.checkAttempt(attempt('a'));
    guard.recordResult(attempt('a'), { ok: false, reason: 'WRONG_PIN', triesLeft: 1 });
    expect(ruleOf(() => guard.checkAttempt(attempt('a')))).toBe('login-cooldown');
    expect(ruleOf(() => guard.checkAttempt(attempt('b')))).toBe('last-try-needs-reinsertion');
    now += 61_000;
    expect(ruleOf(() => guard.checkAttempt(attempt('a')))).toBe('last-try-needs-reinsertion');
    guard.noteInsertion('agent');
    expect(ruleOf(() => guard.checkAttempt(attempt('b')))).toBeNull();
    guard.recordResult(attempt('b'), { ok: true, triesLeft: null });
    expect(ruleOf(() => guard.checkAttempt(attempt('c')))).toBeNull();
  });

  it('does not throttle a connection with an open session (unlocking its own card)', () => {
    expect(ruleOf(() => guard.checkAttempt({ ...attempt('a'), authenticated: true }))).toBeNull();
  });
});
