/** Who an agent is at the desk; each role allows a set of acts (`src/core/agents/deskPermissions.ts`). */
export const agentRoles = ['badge-office', 'night-desk', 'auditor', 'admin'] as const;
export type AgentRole = (typeof agentRoles)[number];

/**
 * Everything a desk method can require of the caller's role. Each contract method declares one of
 * these (or `public` / `session`) and the dispatcher checks it before any handler runs.
 */
export const deskActs = [
  'directory.read',
  'mie.bind',
  'mie.bind-temporary',
  'mie.suspend',
  'mie.resume',
  'mie.declare-lost',
  'mie.declare-stolen',
  'mie.return',
  'mie.expire',
  'mie.revoke',
  'mie.replace',
  'mie.read',
  'receipt.read',
  'journal.read',
  'sources.import',
  'directory.review',
  'directory.reconcile',
  'indicators.read',
  'iam.sync',
] as const;
export type DeskAct = (typeof deskActs)[number];
