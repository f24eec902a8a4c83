import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { readJournalEntries } from '../journal/readJournalEntries';
import { verifyJournal } from '../journal/verifyJournal';
import { openDatabase } from '../store/openDatabase';
import { bindMie } from './bindMie';
import { defaultCardTypePolicy, writeCardTypePolicy } from './cardTypePolicySettings';
import { changeMieStatus } from './changeMieStatus';
import { expireOverdueMies } from './expireOverdueMies';
import { readMieHistory } from './readMieHistory';
import { readMies } from './readMies';
import { replaceMie } from './replaceMie';

const clock = { now: () => new Date('2026-11-29T09:00:00Z') };
const actor = { agentId: 'agent', agentName: 'Agnès MÉNARD', desk: 'guichet-1' };

function addPerson(db: Database.Database, id: string, lastName: string, extra: { rpps?: string; endDate?: string; status?: string } = {}): void {
  db.prepare(
    `INSERT INTO identities (id, last_name, first_name, rpps, hr_end_date, status, search_text, created_at, updated_at)
     VALUES (?, ?, 'Léa', ?, ?, ?, ?, '2026-01-01', '2026-01-01')`,
  ).run(id, lastName, extra.rpps ?? null, extra.endDate ?? null, extra.status ?? 'active', lastName.toLowerCase());
}

function refusal(action: () => unknown): { code: string; details: Record<string, unknown> | undefined; fr: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof DeskError) return { code: error.code, details: error.details, fr: error.localized.fr };
    throw error;
  }
  throw new Error('Expected the act to be refused');
}

describe('enrollment core', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = openDatabase({ path: ':memory:' });
    addPerson(db, 'agent', 'MÉNARD');
    addPerson(db, 'martin', 'MARTIN', { rpps: '10001234567' });
    addPerson(db, 'durand', 'DURAND');
    addPerson(db, 'leaver', 'PARTI', { endDate: '2026-10-31', status: 'active' });
  });
  afterEach(() => db.close());

  const badge = (identityId: string, identifier: string, more: { additional?: boolean } = {}) =>
    bindMie(db, clock, { actor, identityId, kind: 'badge', identifier, cardType: 'DESFIRE', ...more });

  it('binds a badge with its history and journal entry', () => {
    const mie = badge('durand', '04A1B2C3D4');
    expect(mie).toMatchObject({ status: 'active', holderName: 'Léa DURAND', kind: 'badge', identifier: '04A1B2C3D4' });
    expect(readMieHistory(db, { identityId: 'durand' })).toMatchObject([{ action: 'mie.bind', fromStatus: null, toStatus: 'active', agentName: 'Léa MÉNARD' }]);
    expect(readJournalEntries(db).map((e) => e.action)).toEqual(['mie.bind']);
  });

  it('refuses the same card for a second person, naming the holder', () => {
    badge('durand', '04A1B2C3D4');
    const refused = refusal(() => badge('martin', '04A1B2C3D4'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details).toMatchObject({ rule: 'card-already-bound', holderName: 'Léa DURAND' });
    expect(refused.fr).toContain('Léa DURAND');
    expect(readMies(db, { identityId: 'martin' })).toEqual([]);
  });

  it('allows one active badge per person unless marked additional', () => {
    badge('durand', '04A1B2C3D4');
    expect(refusal(() => badge('durand', '04FFFFFFFF')).details).toMatchObject({ rule: 'one-active-badge' });
    expect(badge('durand', '04FFFFFFFF', { additional: true }).additional).toBe(true);
  });

  it('refuses leavers and the agent’s own MIE', () => {
    expect(refusal(() => badge('leaver', '04A1B2C3D4')).details).toMatchObject({ rule: 'leaver' });
    expect(refusal(() => badge('agent', '04A1B2C3D4'))).toMatchObject({ code: 'FORBIDDEN', details: { rule: 'own-mie' } });
    const mie = bindMie(db, clock, { actor: { ...actor, agentId: 'someone-else' }, identityId: 'agent', kind: 'badge', identifier: '04AAAA' });
    expect(refusal(() => changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend' })).code).toBe('FORBIDDEN');
  });

  it('applies the card-type policy: Ultralight is a visitor ticket, Classic 1K only once allowed', () => {
    const typed = (identifier: string, cardType: string, kind: 'badge' | 'temporary-badge' = 'badge') => () => bindMie(db, clock, { actor, identityId: 'martin', kind, identifier, cardType, additional: true });
    expect(refusal(typed('04UL', 'MIFARE_ULTRALIGHT'))).toMatchObject({ code: 'PRECONDITION_FAILED', details: { rule: 'card-type-policy', visitorTicket: true } });
    expect(refusal(typed('04UL', 'MIFARE_ULTRALIGHT')).fr).toContain('ticket visiteur');
    expect(refusal(typed('04C1', 'MIFARE_CLASSIC_1K')).details).toMatchObject({ rule: 'card-type-policy', visitorTicket: false });
    expect(typed('04UL', 'MIFARE_ULTRALIGHT', 'temporary-badge')().status).toBe('active');
    writeCardTypePolicy(db, { ...defaultCardTypePolicy, staffBadge: ['DESFIRE', 'MIFARE_CLASSIC_1K'] });
    expect(typed('04C1', 'MIFARE_CLASSIC_1K')().status).toBe('active');
    writeCardTypePolicy(db, defaultCardTypePolicy);
    for (const mie of readMies(db, { identityId: 'martin' })) db.prepare('DELETE FROM mie_history WHERE mie_id = ?').run(mie.id);
    db.prepare("DELETE FROM mie WHERE identity_id = 'martin'").run();
  });

  it('binds a CPS only to the matching RPPS, or pairs after confirmation', () => {
    const cps = (identityId: string, cardRpps: string, confirmPairing = false) =>
      bindMie(db, clock, { actor, identityId, kind: 'cps', identifier: 'A1B2C3D4E5', cardRpps, confirmPairing });
    expect(refusal(() => cps('martin', '10009999999')).details).toMatchObject({ rule: 'cps-rpps-mismatch' });
    expect(refusal(() => cps('durand', '10001234567')).details).toMatchObject({ rule: 'rpps-already-linked' });
    expect(refusal(() => cps('durand', '10007654321')).details).toMatchObject({ rule: 'pairing-needs-confirmation' });
    expect(cps('durand', '10007654321', true).status).toBe('active');
    expect(db.prepare("SELECT rpps FROM identities WHERE id = 'durand'").get()).toEqual({ rpps: '10007654321' });
    expect(readJournalEntries(db).map((e) => e.action)).toEqual(['identity.pair-rpps', 'mie.bind']);
    const again = bindMie(db, clock, { actor, identityId: 'martin', kind: 'cps', identifier: 'FFFFFFFFFF', cardRpps: '10001234567' });
    expect(again.status).toBe('active');
  });

  it('walks the lifecycle and refuses impossible transitions', () => {
    const mie = badge('durand', '04A1B2C3D4');
    expect(changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend', reason: 'congé' }).status).toBe('suspended');
    expect(refusal(() => changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend' })).details).toMatchObject({ rule: 'transition' });
    expect(changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'resume' }).status).toBe('active');
    expect(changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'return' }).status).toBe('returned');
    // A returned badge can be issued again, to someone else.
    expect(badge('martin', '04A1B2C3D4').holderName).toBe('Léa MARTIN');
    expect(readMieHistory(db, { mieId: mie.id }).map((h) => h.toStatus)).toEqual(['active', 'suspended', 'active', 'returned']);
  });

  it('replaces a lost badge in one transaction and keeps the lost one revoked', () => {
    const mie = badge('durand', '04A1B2C3D4');
    changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'declare-lost', reason: 'perdu au self' });
    const replacement = replaceMie(db, clock, { actor, mieId: mie.id, identifier: '04NEWNEW' });
    expect(replacement).toMatchObject({ status: 'active', replacesMieId: mie.id, identityId: 'durand' });
    expect(readMies(db, { mieId: mie.id })[0]!.status).toBe('lost');
    expect(refusal(() => badge('martin', '04A1B2C3D4')).details).toMatchObject({ rule: 'card-revoked' });
  });

  it('replacing an active badge revokes it, and a refused new card leaves the old one active', () => {
    const mie = badge('durand', '04A1B2C3D4');
    badge('martin', '04MARTIN');
    expect(refusal(() => replaceMie(db, clock, { actor, mieId: mie.id, identifier: '04MARTIN' })).details).toMatchObject({ rule: 'card-already-bound' });
    expect(readMies(db, { mieId: mie.id })[0]!.status).toBe('active');
    replaceMie(db, clock, { actor, mieId: mie.id, identifier: '04NEWNEW' });
    expect(readMies(db, { mieId: mie.id })[0]!.status).toBe('replaced');
    expect(readMies(db, { identityId: 'durand' }).filter((m) => m.status === 'active').map((m) => m.identifier)).toEqual(['04NEWNEW']);
    expect(verifyJournal(db)).toEqual({ ok: true, entries: readJournalEntries(db).length });
  });

  it('expires MIE whose validity has ended, as the system, and only those', () => {
    expect(refusal(() => bindMie(db, clock, { actor, identityId: 'durand', kind: 'badge', identifier: '04OLD', validUntil: '2026-11-28' })).details).toMatchObject({ rule: 'valid-until-past' });
    const old = bindMie(db, clock, { actor, identityId: 'durand', kind: 'badge', identifier: '04OLD', validUntil: '2026-11-29' });
    const current = bindMie(db, clock, { actor, identityId: 'martin', kind: 'badge', identifier: '04NOW', validUntil: '2026-11-29' });
    const temporary = bindMie(db, clock, { actor, identityId: 'martin', kind: 'temporary-badge', identifier: 'T-01', validUntil: '2026-11-29', additional: true });
    // A day went by for these two.
    db.prepare("UPDATE mie SET valid_until = '2026-11-28' WHERE id IN (?, ?)").run(old.id, temporary.id);
    expect(expireOverdueMies(db, clock)).toBe(1);
    expect(readMies(db, { mieId: temporary.id })[0]!.status).toBe('active');
    expect(readMies(db, { mieId: old.id })[0]!.status).toBe('expired');
    expect(readMies(db, { mieId: current.id })[0]!.status).toBe('active');
    expect(readMieHistory(db, { mieId: old.id }).at(-1)).toMatchObject({ action: 'mie.expire', agentName: 'system', reason: 'fin de validité' });
    expect(expireOverdueMies(db, clock)).toBe(0);
  });
});
