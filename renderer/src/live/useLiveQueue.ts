import { useEffect, useEffectEvent, useState } from 'react';
import type { LiveMessage, QueueSnapshot } from '@shared/api/queue';
import { api } from '../api/client';
import { liveUrl, reconnectDelay } from './backoff';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

// Ticket changes come in bursts (a call is a ticket change plus a call); one refetch covers the burst.
const REFETCH_DEBOUNCE_MS = 120;

/** Keep the newer of two snapshots: an HTTP refetch and a hello can cross on the wire. */
const newer = (prev: QueueSnapshot | null, next: QueueSnapshot) =>
  !prev || next.at >= prev.at ? next : prev;

/**
 * The branch queue, live: the snapshot from `snapshotPath`, then the WebSocket feed. A hello (also after every
 * reconnect) replaces the snapshot; a call is added to the recent calls at once; ticket and counter changes
 * refetch the snapshot, so waiting counts and estimates are always the server's.
 */
export function useLiveQueue(
  snapshotPath: '/api/display' | '/api/queues',
  onMessage?: (m: LiveMessage) => void,
): { snapshot: QueueSnapshot | null; status: LiveStatus } {
  const [snapshot, setSnapshot] = useState<QueueSnapshot | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const notify = useEffectEvent((m: LiveMessage) => onMessage?.(m));

  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;

    const refetch = () => {
      api<QueueSnapshot>('GET', snapshotPath)
        .then((s) => {
          if (!stopped) setSnapshot((prev) => newer(prev, s));
        })
        .catch(() => {
          // The socket's reconnect resyncs; a failed refetch needs no banner of its own.
        });
    };
    const scheduleRefetch = () => {
      clearTimeout(refetchTimer);
      refetchTimer = setTimeout(refetch, REFETCH_DEBOUNCE_MS);
    };

    const connect = () => {
      const ws = new WebSocket(liveUrl(window.location));
      socket = ws;
      ws.onopen = () => {
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
        if (m.type === 'hello') setSnapshot((prev) => newer(prev, m.snapshot));
        else if (m.type === 'call')
          setSnapshot((prev) => prev && { ...prev, recentCalls: [m, ...prev.recentCalls].slice(0, 10) });
        if (m.type === 'ticket' || m.type === 'counters' || m.type === 'call') scheduleRefetch();
        notify(m);
      };
      ws.onclose = () => {
        if (stopped || socket !== ws) return;
        setStatus('reconnecting');
        retryTimer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };

    refetch();
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(refetchTimer);
      socket?.close();
    };
  }, [snapshotPath]);

  return { snapshot, status };
}
