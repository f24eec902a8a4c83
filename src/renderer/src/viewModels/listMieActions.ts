import {
  mieStatusActions,
  mieTransitions,
  replaceableStatuses,
  type DeskAct,
  type MieStatusAction,
  type MieView,
} from '../../../shared/api/enrollment.contract';

export type MieActionId = MieStatusAction | 'replace' | 'receipt';

/**
 * The buttons to offer on one MIE: acts its status allows and the agent's role permits (the core
 * checks both again). Nothing on the agent's own MIE; the receipt whenever receipts are allowed.
 */
export function listMieActions(mie: MieView, allowedActs: readonly DeskAct[], agentIdentityId: string | null): MieActionId[] {
  const actions: MieActionId[] = [];
  if (mie.identityId !== agentIdentityId) {
    for (const action of mieStatusActions) {
      if (mieTransitions[action].from.includes(mie.status) && allowedActs.includes(`mie.${action}`)) actions.push(action);
    }
    if (mie.kind !== 'fido' && replaceableStatuses.includes(mie.status) && allowedActs.includes('mie.replace')) actions.push('replace');
  }
  if (allowedActs.includes('receipt.read')) actions.push('receipt');
  return actions;
}
