import { deskActs, type AgentRole, type DeskAct } from '../../shared/api/enrollment.contract';

/**
 * What each role may do, checked by the core on every call. The night desk handles emergencies
 * (temporary badges, suspending or declaring a card lost at night) but not regular issuance;
 * auditors only read; admins can do everything.
 */
const everyAct: readonly DeskAct[] = deskActs;

export const deskPermissions: Record<AgentRole, readonly DeskAct[]> = {
  'badge-office': everyAct.filter((act) => act !== 'journal.read' && act !== 'iam.sync'),
  'night-desk': ['directory.read', 'mie.bind-temporary', 'mie.suspend', 'mie.declare-lost', 'mie.declare-stolen', 'mie.read', 'receipt.read'],
  auditor: ['directory.read', 'mie.read', 'receipt.read', 'journal.read', 'indicators.read'],
  admin: everyAct,
};
