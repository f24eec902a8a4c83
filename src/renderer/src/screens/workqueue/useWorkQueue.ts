import { useCallback, useEffect, useState } from 'react';
import type { WorkQueue } from '../../../../shared/api/workqueue.contract';
import { useDesk } from '../../desk/DeskContext';

/**
 * The badge office's work queue, refreshed on every change that can add or settle an item. No
 * timer: a read is an act that keeps the session awake (and, personal data, is journaled), so a
 * poll would defeat the idle lock. Null without a session allowed to read it.
 */
export function useWorkQueue(): { queue: WorkQueue | null; refresh: () => void } {
  const client = useDesk();
  const [queue, setQueue] = useState<WorkQueue | null>(null);
  const refresh = useCallback(() => {
    client.api.getWorkQueue({}).then(setQueue, () => setQueue(null));
  }, [client]);
  useEffect(() => {
    refresh();
    const offs = [client.on('nightDeskChanged', refresh), client.on('mieChanged', refresh), client.on('deskSessionChanged', refresh), client.on('directoryChanged', refresh), client.on('scimStatusChanged', refresh)];
    return () => {
      for (const off of offs) off();
    };
  }, [client, refresh]);
  return { queue, refresh };
}
