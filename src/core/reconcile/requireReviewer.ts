import { DeskError } from '../../shared/api/errors';
import type { DeskSessions } from '../agents/createDeskSessions';

const reviewerRoles = new Set(['badge-office', 'admin']);

/** Who decides a proposed link: an open desk session of a badge-office agent or an admin. */
export function requireReviewer(sessions: DeskSessions, connectionId: string): string {
  const session = sessions.view(connectionId);
  if (session.state !== 'open' || session.agent === null) {
    throw new DeskError(
      'UNAUTHENTICATED',
      { fr: 'Identifiez-vous avec votre carte CPS et votre code pour valider ou rejeter un rapprochement.', en: 'Log in with your CPS card and PIN to accept or reject a link.' },
      { state: session.state },
    );
  }
  if (!reviewerRoles.has(session.agent.role)) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: `Le rôle « ${session.agent.role} » ne permet pas de valider un rapprochement (bureau des badges ou administrateur).`, en: `The role "${session.agent.role}" cannot decide links (badge office or admin expected).` },
      { role: session.agent.role },
    );
  }
  return `${session.agent.name} (${session.agent.identityId})`;
}
