import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveMessage } from '@shared/api/queue';
import { routes } from '@shared/api/routes';
import { call } from '../../api/client';
import { useLiveQueue } from '../../live/useLiveQueue';

const KEY = ['dashboard-live'] as const;
/** A burst of events (a call, a start, a finish in a second) costs one refetch. */
const DEBOUNCE_MS = 600;

/**
 * Today's dashboard: fetched once, then fetched again a moment after the live feed says the board changed
 * (debounced), never on a timer of its own; the feed's periodic resync is the safety net.
 */
export function useDashboard() {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const query = useQuery({ queryKey: KEY, queryFn: () => call(routes.dashboard.live) });
  const onMessage = (m: LiveMessage) => {
    if (m.type === 'hello' || m.type === 'sync' || m.type === 'notice') return;
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: KEY });
    }, DEBOUNCE_MS);
  };
  const { status } = useLiveQueue('queues', onMessage);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { ...query, status };
}
