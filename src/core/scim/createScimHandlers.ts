import type { DeskHandlers } from '../../shared/api/dispatch';
import type { ScimOutbox } from './createScimOutbox';

type ScimMethod = 'getScimStatus' | 'listScimOutbox' | 'retryScimItem' | 'discardScimItem';

/** The IAM link's methods; the contract declares `iam.sync` (admins) for the outbox, the dispatcher checks it. */
export function createScimHandlers({ outbox }: { outbox: ScimOutbox }): Pick<DeskHandlers, ScimMethod> {
  return {
    getScimStatus: () => outbox.status(),
    listScimOutbox: ({ state, limit }) => outbox.list({ state, limit }),
    retryScimItem: ({ id }, { actor }) => outbox.retry(id, actor),
    discardScimItem: ({ id, reason }, { actor }) => outbox.discard(id, reason, actor),
  };
}
