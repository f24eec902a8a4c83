import { useCallback, useEffect, useState } from 'react';
import type { ScimSyncStatusView } from '../../../../shared/api/scim.contract';
import { useDesk } from '../../desk/DeskContext';

/**
 * The IAM link's status, pushed by the core after each outbox round and refreshed on session and
 * means changes. No timer: a call is an act that would keep an idle session awake.
 */
export function useScimStatus(): { status: ScimSyncStatusView | null; refresh: () => void } {
  const client = useDesk();
  const [status, setStatus] = useState<ScimSyncStatusView | null>(null);
  const refresh = useCallback(() => {
    client.api.getScimStatus({}).then(setStatus, () => setStatus(null));
  }, [client]);
  useEffect(() => {
    refresh();
    const offs = [client.on('scimStatusChanged', setStatus), client.on('deskSessionChanged', refresh), client.on('mieChanged', refresh)];
    return () => {
      for (const off of offs) off();
    };
  }, [client, refresh]);
  return { status, refresh };
}
