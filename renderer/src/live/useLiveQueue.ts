import { useEffect, useEffectEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveMessage, QueueSnapshot } from '@shared/api/queue';
import { routes } from '@shared/api/routes';
import { call } from '../api/client';
import { applyLive, newer } from './apply';
import { liveUrl, reconnectDelay } from './backoff';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

/**
 * The safety net under the feed: the whole board is fetched again this often (and on every reconnect), so a
 * message lost or misapplied is corrected within the interval.
 */
const RESYNC_MS = 30_000;

/** The lobby display's board (ticket numbers only, display token on the LAN) or the staff's. */
export type LiveSource = 'display' | 'queues';

export const liveQueueKey = (source: LiveSource) => ['live-queue', source] as const;

/**
 * The branch queue, live: the snapshot from GET /api/display or /api/queues in the query cache, then the
 * WebSocket feed applied to it (live/apply.ts): a hello replaces it, a call joins the recent calls at once, a
 * ticket or counter change brings what it changed. A periodic resync and a resync on reconnect are the safety net.
 */
export function useLiveQueue(
  source: LiveSource,
  onMessage?: (m: LiveMessage) => void,
): { snapshot: QueueSnapshot | null; status: LiveStatus } {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const notify = useEffectEvent((m: LiveMessage) => onMessage?.(m));
  const key = liveQueueKey(source);

  const query = useQuery({
    queryKey: key,
    // An HTTP answer and the feed can cross on the wire: the newer board wins.
    queryFn: async () => newer(qc.getQueryData<QueueSnapshot>(key), await call(routes.queue[source])),
    refetchInterval: RESYNC_MS,
    refetchIntervalInBackground: true,
  });

  useEffect(() => {
    const k = liveQueueKey(source);
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const ws = new WebSocket(liveUrl(window.location));
      socket = ws;
      ws.onopen = () => {
        // After a reconnect the hello brings the board; the resync covers an HTTP-only change in between.
        if (attempt > 0) void qc.invalidateQueries({ queryKey: k });
        attempt = 0;
        setStatus('open');
      };
      ws.onmessage = (ev) => {
        let m: LiveMessage;
        try {
          m = JSON.parse(String(ev.data)) as LiveMessage;
        } catch {
          return;
        }
        qc.setQueryData<QueueSnapshot>(k, (prev) => applyLive(prev, m) ?? undefined);
        notify(m);
      };
      ws.onclose = () => {
        if (stopped || socket !== ws) return;
        setStatus('reconnecting');
        retryTimer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      socket?.close();
    };
  }, [source, qc]);

  return { snapshot: query.data ?? null, status };
}
