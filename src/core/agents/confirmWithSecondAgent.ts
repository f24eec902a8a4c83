import type Database from 'better-sqlite3';
import type { ActingAgent } from '../../shared/api/dispatch';
import type { AgentRole } from '../../shared/api/deskActs';
import { DeskError } from '../../shared/api/errors';
import { confirmingRoles, type SecondAgentInput } from '../../shared/api/secondAgent';
import type { CardAccess } from './CardAccess';
import { readAgent } from './createDeskSessions';
import { findCpsAgent } from './findCpsAgent';

export interface ConfirmWithSecondAgentOptions {
  db: Database.Database;
  cards: CardAccess;
  /** The agent who asked for the act: the confirmation must come from someone else. */
  actor: ActingAgent;
  secondAgent: SecondAgentInput | undefined;
  /** What is being confirmed, for the messages (e.g. « la réactivation »). */
  act: { fr: string; en: string };
  allowedRoles?: readonly AgentRole[];
}

/**
 * Four eyes at the desk: a second agent, present in person, confirms with their own CPS and PIN.
 * Returns that agent (to be journaled beside the actor), or refuses saying what is missing.
 */
export async function confirmWithSecondAgent({ db, cards, actor, secondAgent, act, allowedRoles = confirmingRoles }: ConfirmWithSecondAgentOptions): Promise<ActingAgent> {
  if (secondAgent === undefined) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: `${capitalize(act.fr)} demande la confirmation d’un second agent (sa carte CPS et son code).`, en: `${capitalize(act.en)} needs a second agent's confirmation (their CPS and PIN).` },
      { rule: 'second-agent-required' },
    );
  }
  const card = cards.readCard(secondAgent.reader);
  if (card?.cps === null || card?.cps === undefined) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: `Le second agent doit insérer sa carte CPS dans le lecteur « ${secondAgent.reader} ».`, en: `The second agent must insert their CPS in the reader "${secondAgent.reader}".` },
      { rule: 'second-agent-card', reader: secondAgent.reader },
    );
  }
  const agentId = findCpsAgent(db, card.cps);
  if (agentId === null) {
    throw new DeskError('FORBIDDEN', { fr: 'Cette carte n’est celle d’aucun agent du guichet.', en: 'This card belongs to no desk agent.' }, { rule: 'second-agent-unknown' });
  }
  if (agentId === actor.agentId) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: `${capitalize(act.fr)} doit être confirmée par un autre agent que vous.`, en: `${capitalize(act.en)} must be confirmed by another agent than you.` },
      { rule: 'second-agent-same' },
    );
  }
  const agent = readAgent(db, agentId);
  if (!allowedRoles.includes(agent.role)) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: `${agent.name} ne peut pas confirmer ${act.fr} avec son rôle.`, en: `${agent.name} cannot confirm ${act.en} with their role.` },
      { rule: 'second-agent-role', role: agent.role },
    );
  }
  const check = await cards.verifyPin(secondAgent.reader, secondAgent.pin);
  if (!check.ok) {
    throw new DeskError(
      'UNAUTHENTICATED',
      check.reason === 'PIN_BLOCKED'
        ? { fr: 'Code du second agent bloqué.', en: 'The second agent’s PIN is blocked.' }
        : { fr: `Code du second agent erroné : ${check.triesLeft} essai(s) restant(s).`, en: `Wrong PIN for the second agent: ${check.triesLeft} tries left.` },
      { rule: 'second-agent-pin', reason: check.reason },
    );
  }
  return { agentId: agent.identityId, agentName: agent.name, desk: actor.desk, role: agent.role };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
