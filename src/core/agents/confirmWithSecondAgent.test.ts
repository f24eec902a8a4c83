import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { ActingAgent } from '../../shared/api/dispatch';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { openDatabase } from '../store/openDatabase';
import { seedDemoAgentCards } from './seedDemoAgentCards';
import type { CardAccess } from './CardAccess';
import { confirmWithSecondAgent } from './confirmWithSecondAgent';

const clock = { now: () => new Date('2026-11-29T10:00:00Z') };
let db: Database.Database;
const agents: Record<string, { id: string; rpps: string | null; serial: string | null; name: string }> = {};
/** reader → the agent whose CPS is in it. */
const inserted = new Map<string, { rpps: string | null; serial: string | null }>();
const pinTries: string[] = [];
const cards: CardAccess = {
  readCard: (reader) => {
    const agent = inserted.get(reader);
    return agent === undefined
      ? null
      : { reader, type: 'CPS3', uid: null, desfire: null, cps: { idNat: `8${agent.rpps ?? '0'}`, rpps: agent.rpps, lastName: 'X', firstName: 'Y', profession: '10', serial: agent.serial ?? 'none', notAfter: '2030-01-01' } };
  },
  verifyPin: async (reader, pin) => {
    pinTries.push(reader);
    return pin === '1234' ? { ok: true, triesLeft: 3 } : { ok: false, reason: 'WRONG_PIN', triesLeft: 2 };
  },
};

beforeAll(() => {
  db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
  seedDemoAgentCards(db, clock);
  const rows = db
    .prepare(
      `SELECT a.identity_id AS id, a.role, i.rpps, i.first_name || ' ' || i.last_name AS name,
              (SELECT identifier FROM mie WHERE identity_id = a.identity_id AND kind = 'cps' AND status = 'active') AS serial
         FROM agents a JOIN identities i ON i.id = a.identity_id`,
    )
    .all() as { id: string; role: string; rpps: string | null; serial: string | null; name: string }[];
  for (const row of rows) agents[row.role] ??= row;
});
afterAll(() => db.close());

const act = { fr: 'la réactivation', en: 'the reactivation' };
const actorOf = (role: string): ActingAgent => ({ agentId: agents[role]!.id, agentName: agents[role]!.name, desk: 'poste-1', role: role as ActingAgent['role'] });

async function refusal(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('confirmWithSecondAgent', () => {
  it('needs the second agent, their card, another person, a confirming role and the right PIN', async () => {
    expect(Object.keys(agents)).toEqual(expect.arrayContaining(['badge-office', 'admin', 'night-desk']));
    const actor = actorOf('badge-office');
    expect((await refusal(confirmWithSecondAgent({ db, cards, actor, secondAgent: undefined, act }))).details).toMatchObject({ rule: 'second-agent-required' });
    expect((await refusal(confirmWithSecondAgent({ db, cards, actor, secondAgent: { reader: 'r2', pin: '1234' }, act }))).details).toMatchObject({ rule: 'second-agent-card' });
    inserted.set('r2', agents['badge-office']!);
    expect((await refusal(confirmWithSecondAgent({ db, cards, actor, secondAgent: { reader: 'r2', pin: '1234' }, act }))).details).toMatchObject({ rule: 'second-agent-same' });
    inserted.set('r2', agents['night-desk']!);
    expect((await refusal(confirmWithSecondAgent({ db, cards, actor, secondAgent: { reader: 'r2', pin: '1234' }, act }))).details).toMatchObject({ rule: 'second-agent-role' });
    expect(pinTries).toEqual([]);
    inserted.set('r2', agents.admin!);
    expect((await refusal(confirmWithSecondAgent({ db, cards, actor, secondAgent: { reader: 'r2', pin: '0000' }, act }))).details).toMatchObject({ rule: 'second-agent-pin' });
    const second = await confirmWithSecondAgent({ db, cards, actor, secondAgent: { reader: 'r2', pin: '1234' }, act });
    expect(second).toMatchObject({ agentId: agents.admin!.id, role: 'admin', desk: 'poste-1' });
  });
});
