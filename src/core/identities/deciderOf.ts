import type { Actor } from '../journal/journalTypes';

/** Who a desk fact names as its author: the agent, or the desk for the system and the command line. */
export function deciderOf(actor: Actor): string {
  return actor.agentId ?? (actor.agentName === null ? actor.desk : `${actor.agentName} (${actor.desk})`);
}
