import { useCallback, useEffect, useState } from 'react';
import type { DeskAct, DeskSessionView } from '../../../../shared/api/enrollment.contract';
import { useDesk } from '../../desk/DeskContext';

/**
 * This window's desk session, kept fresh on session events and by a light poll (the core locks an
 * idle session lazily; polling does not count as activity).
 */
export function useDeskSession(pollMs = 10_000): { session: DeskSessionView | null; refresh: () => void } {
  const client = useDesk();
  const [session, setSession] = useState<DeskSessionView | null>(null);
  const refresh = useCallback(() => {
    client.api.getDeskSession({}).then(setSession, () => setSession(null));
  }, [client]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, pollMs);
    const offSession = client.on('deskSessionChanged', refresh);
    const offCard = client.on('cardRemoved', refresh);
    return () => {
      clearInterval(timer);
      offSession();
      offCard();
    };
  }, [client, refresh, pollMs]);
  return { session, refresh };
}

/** Whether this window's session is open and its role allows `act` (the core checks it again). */
export function sessionAllows(session: DeskSessionView | null, act: DeskAct): boolean {
  return session?.state === 'open' && session.allowedActs.includes(act);
}
