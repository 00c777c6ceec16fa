import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackAlert } from '@shared/api/feedback';
import type { LiveMessage } from '@shared/api/queue';
import { routes } from '@shared/api/routes';
import { call } from '../../api/client';
import { liveUrl, reconnectDelay } from '../../live/backoff';
import { formatTime } from '../../lib/branchTime';
import './text';

const KEY = ['feedback-alerts'] as const;
/** The safety net under the live feed: the list is read again this often. */
const RESYNC_MS = 30_000;
const SEEN = 'feedback-alerts-seen';

function seenIds(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(SEEN) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The live feed's messages, one socket per mounted widget (reconnects with back-off). */
function useLiveMessages(onMessage: (m: LiveMessage) => void): void {
  const notify = useEffectEvent(onMessage);
  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const ws = new WebSocket(liveUrl(window.location));
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
      };
      ws.onmessage = (ev) => {
        try {
          notify(JSON.parse(String(ev.data)) as LiveMessage);
        } catch {
          // Not JSON: ignored.
        }
      };
      ws.onclose = () => {
        if (stopped || socket !== ws) return;
        timer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, []);
}

/**
 * A low satisfaction score, told to the lobby manager at once (live feed) so the customer can be met before they
 * leave; each stays until dismissed here. The list of the last hours is the safety net under the feed.
 */
export function FeedbackAlerts() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [seen, setSeen] = useState<string[]>(seenIds);
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => call(routes.feedback.alerts),
    refetchInterval: RESYNC_MS,
  });
  useLiveMessages((m) => {
    if (m.type !== 'feedback') return;
    qc.setQueryData<{ alerts: FeedbackAlert[] }>(KEY, (prev) => ({
      alerts: [m.alert, ...(prev?.alerts ?? []).filter((a) => a.id !== m.alert.id)],
    }));
  });
  const dismiss = (id: string) => {
    const next = [...seen, id].slice(-200);
    localStorage.setItem(SEEN, JSON.stringify(next));
    setSeen(next);
  };
  const open = (list.data?.alerts ?? []).filter((a) => !seen.includes(a.id));
  if (open.length === 0) return null;
  return (
    // Spans the lobby's two columns.
    <div className="feedback-alerts" style={{ gridColumn: '1 / -1' }} data-testid="feedback-alerts">
      {open.map((a) => (
        <Alert
          key={a.id}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="feedback-alert"
          title={`${formatTime(a.at)}  ${t('feedback.alertTitle', { answer: t(`feedback.answers.${a.answer}`), no: a.displayNo })}`}
          description={t('feedback.alertBody', {
            counter: a.counterName ?? '',
            staff: a.staffName ? ` · ${a.staffName}` : '',
            what: a.action === 'follow_up' ? t('feedback.followUp') : t('feedback.complaint'),
          })}
          action={
            <Button size="small" onClick={() => dismiss(a.id)} data-testid="feedback-alert-dismiss">
              {t('feedback.dismiss')}
            </Button>
          }
        />
      ))}
    </div>
  );
}
