import { useCallback, useEffect, useState } from 'react';
import type { NightDeskOverview } from '../../../../shared/api/nightdesk.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';

/** The night desk's lists, refreshed on night-desk and MIE events and every 30 s (expiry runs in the core). */
export function useNightDeskOverview(language: string): { overview: NightDeskOverview | null; error: string | null; refresh: () => void } {
  const client = useDesk();
  const [overview, setOverview] = useState<NightDeskOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    client.api.getNightDeskOverview({}).then(
      (next) => {
        setOverview(next);
        setError(null);
      },
      (reason: unknown) => setError(describeError(reason, language)),
    );
  }, [client, language]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 30_000);
    const offs = [client.on('nightDeskChanged', refresh), client.on('mieChanged', refresh)];
    return () => {
      clearInterval(timer);
      for (const off of offs) off();
    };
  }, [client, refresh]);
  return { overview, error, refresh };
}
