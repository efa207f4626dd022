import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract';
import { useController } from '../../state/context';

/** Pending changes grow as the user writes; the status is asked for again this often. */
const REFRESH_MS = 15_000;

/** The sync status, from the core's events and a slow refresh (for the pending count). */
export function useSyncStatus(): SyncStatus | null {
  const { client } = useController();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void client.request('sync.status', {}).then(
        (s) => live && setStatus(s),
        () => undefined,
      );
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const off = client.on('sync.statusChanged', (s) => setStatus(s));
    return () => {
      live = false;
      clearInterval(timer);
      off();
    };
  }, [client]);
  return status;
}
