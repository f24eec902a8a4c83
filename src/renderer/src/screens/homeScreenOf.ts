import type { AgentRole } from '../../../shared/api/deskActs';

/**
 * The screen an agent lands on after logging in, when they had not picked one yet: the badge
 * office and admins open on the Tableau de bord (as card-management consoles do), auditors on the
 * journal they audit, the night desk goes straight to its work.
 */
const homeScreens: Record<AgentRole, string> = {
  'badge-office': 'dashboard',
  admin: 'dashboard',
  auditor: 'journal',
  'night-desk': 'nightdesk',
};

export function homeScreenOf(role: AgentRole): string {
  return homeScreens[role];
}
