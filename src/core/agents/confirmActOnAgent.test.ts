import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared/api/dispatch';
import { simulatedLoginCardId } from '../cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../cards/createCardService';
import { openDeskCore, type DeskCore } from '../desk/openDeskCore';

let core: DeskCore;
let dataDir: string;
const agentsOf = (role: string) =>
  core.db.prepare('SELECT i.id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = ? AND a.active = 1 ORDER BY i.id').all(role) as { id: string; rpps: string | null }[];
const contextFor = (connectionId: string): CallContext => ({ connectionId, transport: 'browser' });
function logIn(connectionId: string, agent: { id: string }): CallContext {
  core.sessions.open(connectionId, { agentIdentityId: agent.id, method: 'cps' });
  return contextFor(connectionId);
}
async function depart(context: CallContext, identityId: string, secondAgent?: { reader: string; pin: string }) {
  return core.dispatch('recordImmediateDeparture', { identityId, reason: 'fin de mission', ...(secondAgent === undefined ? {} : { secondAgent }) }, context);
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-agent-acts-'));
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, logger: { info: () => {}, error: () => {} } });
}, 60_000);
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('acts on desk agents (issue 15, row 4)', () => {
  it('the night desk cannot declare an agent departed nor suspend their means', async () => {
    const night = logIn('night', agentsOf('night-desk')[0]!);
    const admin = agentsOf('admin')[0]!;
    expect(await depart(night, admin.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { rule: 'act-on-agent-role' } } });
    // An agent's staff card (the demo binds one to each agent without RPPS).
    const mie = core.db.prepare("SELECT m.id FROM mie m JOIN agents a ON a.identity_id = m.identity_id WHERE m.status = 'active' AND a.role <> 'night-desk' LIMIT 1").get() as { id: string };
    expect(await core.dispatch('changeMieStatus', { mieId: mie.id, action: 'suspend', reason: 'test' }, night)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { rule: 'act-on-agent-role' } } });
    expect((core.db.prepare('SELECT status FROM mie WHERE id = ?').get(mie.id) as { status: string }).status).toBe('active');
    expect((core.db.prepare('SELECT status FROM identities WHERE id = ?').get(admin.id) as { status: string }).status).not.toBe('leaving');
  });

  it('the badge office needs a second agent’s card and PIN, then the departure is journaled with both', async () => {
    const [office, colleague] = agentsOf('badge-office');
    const target = agentsOf('night-desk')[0]!;
    const context = logIn('office', office!);
    expect(await depart(context, target.id)).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED', details: { rule: 'second-agent-required' } } });
    const confirmer = colleague ?? agentsOf('admin')[0]!;
    await core.cards.insertSimulatedCard(simulatedReaderNames.contact, simulatedLoginCardId({ identityId: confirmer.id, rpps: confirmer.rpps }));
    expect(await depart(context, target.id, { reader: simulatedReaderNames.contact, pin: '9999' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { rule: 'second-agent-pin' } } });
    expect(await depart(context, target.id, { reader: simulatedReaderNames.contact, pin: '1234' })).toMatchObject({ ok: true });
    const confirmed = core.db.prepare("SELECT after_json FROM journal WHERE action = 'agent-act.confirmed' AND subject_id = ?").get(target.id) as { after_json: string };
    expect(JSON.parse(confirmed.after_json)).toMatchObject({ method: 'recordImmediateDeparture', confirmedBy: confirmer.id });
  });

  it('a person who is not an agent departs without four eyes', async () => {
    const context = logIn('office-2', agentsOf('badge-office')[0]!);
    const person = core.db.prepare("SELECT id FROM identities WHERE id NOT IN (SELECT identity_id FROM agents) AND status = 'active' LIMIT 1").get() as { id: string };
    expect(await depart(context, person.id)).toMatchObject({ ok: true });
  });

  it('never locks out the last active administrator, even with four eyes', async () => {
    const admins = agentsOf('admin');
    const last = admins[0]!;
    core.db.prepare("UPDATE agents SET active = 0 WHERE role = 'admin' AND identity_id <> ?").run(last.id);
    const context = logIn('office-3', agentsOf('badge-office')[0]!);
    const refused = await depart(context, last.id, { reader: simulatedReaderNames.contact, pin: '1234' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { rule: 'last-admin' } } });
    expect(JSON.stringify(refused)).toContain('dernier administrateur actif');
  });
});
