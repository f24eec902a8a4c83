import type Database from 'better-sqlite3';
import type { DeskMethodName } from '../../shared/api/contract';
import type { ActingAgent, CallContext } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { SecondAgentInput } from '../../shared/api/secondAgent';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { CardAccess } from './CardAccess';
import { confirmWithSecondAgent } from './confirmWithSecondAgent';

/** MIE acts that take a means away from its holder. */
const meansRemovingActions = new Set(['suspend', 'declare-lost', 'declare-stolen', 'return', 'expire']);
const badgeOfficeRoles = new Set(['badge-office', 'admin']);

export interface ActOnAgentRequest {
  method: DeskMethodName;
  input: unknown;
  context: CallContext;
  actor: ActingAgent | null;
}

/**
 * Acts on a desk agent (their departure, or suspending, declaring lost or stolen, returning or
 * expiring one of their means) could lock the desk's own staff out: only the badge office (or an
 * admin) may do them, with a second agent confirming in person (four eyes), and never on the last
 * active administrator. Any other act passes untouched. The command line (the local operator who
 * holds the store) skips the four eyes, not the last-admin rule.
 */
export async function confirmActOnAgent({ db, clock, cards }: { db: Database.Database; clock: Clock; cards: CardAccess }, { method, input, context, actor }: ActOnAgentRequest): Promise<void> {
  if (actor === null) return;
  const target = agentTargetOf(db, method, input);
  if (target === null) return;
  const act = method === 'recordImmediateDeparture' ? { fr: 'le départ d’un agent du guichet', en: 'an agent’s departure' } : { fr: 'le retrait d’un moyen d’un agent du guichet', en: 'taking an agent’s means away' };
  if (!badgeOfficeRoles.has(actor.role)) {
    throw new DeskError(
      'FORBIDDEN',
      {
        fr: `${target.name} est un agent du guichet : son départ ou la suspension de ses moyens relève du bureau des badges, avec un second agent.`,
        en: `${target.name} is a desk agent: their departure or the suspension of their means belongs to the badge office, with a second agent.`,
      },
      { rule: 'act-on-agent-role', role: actor.role },
    );
  }
  if (target.role === 'admin') {
    const otherAdmins = (db.prepare("SELECT COUNT(*) AS n FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'admin' AND a.active = 1 AND i.status <> 'left' AND a.identity_id <> ?").get(target.identityId) as { n: number }).n;
    if (otherAdmins === 0) {
      throw new DeskError(
        'FORBIDDEN',
        {
          fr: `${target.name} est le dernier administrateur actif du guichet : nommez d’abord un autre administrateur, sinon plus personne ne pourra administrer le guichet.`,
          en: `${target.name} is the desk's last active administrator: name another administrator first, or nobody could administer the desk any more.`,
        },
        { rule: 'last-admin', identityId: target.identityId },
      );
    }
  }
  if (context.transport === 'cli') return;
  const secondAgent = (input as { secondAgent?: SecondAgentInput }).secondAgent;
  const confirmer = await confirmWithSecondAgent({ db, cards, actor, secondAgent, act });
  if (confirmer.agentId === target.identityId) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: `${target.name} ne peut pas confirmer un acte sur ses propres moyens.`, en: `${target.name} cannot confirm an act on their own means.` },
      { rule: 'second-agent-is-target' },
    );
  }
  appendJournalEntry(db, clock, {
    actor,
    action: 'agent-act.confirmed',
    subject: { type: 'agent', id: target.identityId },
    after: { method, confirmedBy: confirmer.agentId, confirmedByName: confirmer.agentName, confirmedByRole: confirmer.role },
  });
}

function agentTargetOf(db: Database.Database, method: DeskMethodName, input: unknown): { identityId: string; name: string; role: string } | null {
  const fields = (input ?? {}) as { identityId?: unknown; mieId?: unknown; action?: unknown };
  let identityId: string | null = null;
  if (method === 'recordImmediateDeparture' && typeof fields.identityId === 'string') identityId = fields.identityId;
  if (method === 'changeMieStatus' && typeof fields.mieId === 'string' && typeof fields.action === 'string' && meansRemovingActions.has(fields.action)) {
    identityId = (db.prepare('SELECT identity_id AS id FROM mie WHERE id = ?').get(fields.mieId) as { id: string } | undefined)?.id ?? null;
  }
  if (identityId === null) return null;
  const agent = db
    .prepare("SELECT a.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, a.role FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.identity_id = ? AND a.active = 1")
    .get(identityId) as { identityId: string; name: string; role: string } | undefined;
  return agent ?? null;
}
