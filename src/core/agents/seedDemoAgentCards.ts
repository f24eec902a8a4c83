import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { bindMie } from '../enrollment/bindMie';

/**
 * The serial of a demo agent's staff card (CPE: a CPS without RPPS), derived from their identity
 * so the simulated-readers catalog can offer the very card bound here.
 */
export function demoAgentCardSerial(identityId: string): string {
  return createHash('sha256').update(`cpe:${identityId}`).digest().subarray(0, 5).toString('hex').toUpperCase();
}

/**
 * Demo directory only: binds a staff card to each demo agent who has no RPPS (agents with an RPPS
 * log in with the CPS of that RPPS), as the badge office's administrator would have done.
 */
export function seedDemoAgentCards(db: Database.Database, clock: Clock): void {
  const agents = db
    .prepare("SELECT a.identity_id AS id FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.active = 1 AND i.rpps IS NULL")
    .all() as { id: string }[];
  for (const agent of agents) {
    bindMie(db, clock, {
      actor: { agentId: null, agentName: 'installation de démonstration', desk: 'installation' },
      identityId: agent.id,
      kind: 'cps',
      identifier: demoAgentCardSerial(agent.id),
      cardRpps: null,
      cardType: 'CPS4',
      label: 'Carte de personnel d’établissement (démonstration)',
    });
  }
}
