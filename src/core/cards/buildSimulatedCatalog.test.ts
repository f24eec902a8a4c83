import { describe, expect, it } from 'vitest';
import { seedDemoAgentCards } from '../agents/seedDemoAgentCards';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { scoreCardCandidates } from '../enrollment/scoreCardCandidates';
import { openDatabase } from '../store/openDatabase';
import { buildSimulatedCatalog } from './buildSimulatedCatalog';

const clock = { now: () => new Date('2026-12-03T09:00:00Z') };

describe('the demo card box', () => {
  const db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-12-03' }), clock);
  seedDemoAgentCards(db, clock);
  const catalog = buildSimulatedCatalog(db, clock);

  it('holds CPS cards of professionals the directory does not link by RPPS yet, whose holder comes first among the candidates', async () => {
    const unlinked = catalog.filter((card) => card.id.startsWith('cps-unlinked:'));
    expect(unlinked).toHaveLength(6);
    for (const card of unlinked) {
      const person = db.prepare('SELECT rpps, last_name, first_name, profession FROM identities WHERE id = ?').get(card.identityId) as { rpps: string | null; last_name: string; first_name: string; profession: string };
      expect(person.rpps).toBeNull();
      expect(card.label).toContain('RPPS pas encore dans l’annuaire');
      const [best] = scoreCardCandidates(db, { rpps: '98000000000', lastName: person.last_name.toUpperCase(), firstName: person.first_name.toUpperCase(), profession: person.profession });
      expect(best?.person.identityId).toBe(card.identityId);
    }
    // The card itself carries an RPPS that no one in the directory holds.
    const virtual = await unlinked[0]!.create();
    expect(virtual).toBeDefined();
    expect(buildSimulatedCatalog(db, clock).filter((card) => card.id.startsWith('cps-unlinked:')).map((card) => card.id)).toEqual(unlinked.map((card) => card.id));
  });

  it('labels every agent card with its role', () => {
    const agents = db.prepare('SELECT identity_id AS id, role FROM agents WHERE active = 1').all() as { id: string; role: string }[];
    expect(agents.length).toBeGreaterThan(0);
    const words: Record<string, string> = { 'badge-office': 'bureau des badges', 'night-desk': 'guichet de nuit', auditor: 'auditeur', admin: 'administrateur' };
    for (const agent of agents) {
      const card = catalog.find((entry) => entry.identityId === agent.id && entry.interface === 'contact' && !entry.id.startsWith('cps-unlinked:'));
      expect(card, agent.id).toMatchObject({ agentRole: agent.role });
      expect(card!.label).toContain(words[agent.role]);
    }
    expect(catalog.filter((card) => card.agentRole === null && card.interface === 'contact').every((card) => !/agent|auditeur|administrateur/.test(card.label))).toBe(true);
  });
});
