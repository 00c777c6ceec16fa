import { Button, notification } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { OwnerAlert } from '@shared/api/outreach';
import { messageOf } from '../../api/client';
import { useTakeTicket } from '../../api/outreach';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import { liveUrl, reconnectDelay } from '../../live/backoff';
import './text';

/** The staff member's own feed (/api/alerts): the owner hears at once when their customer is identified in the lobby. */
function useOwnerAlerts(enabled: boolean, onAlert: (a: OwnerAlert) => void): void {
  const notify = useEffectEvent(onAlert);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const url = liveUrl(window.location).replace(/\/api\/live$/, '/api/alerts');
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
      };
      ws.onmessage = (ev) => {
        try {
          const a = JSON.parse(String(ev.data)) as OwnerAlert;
          if (a.type === 'owner_alert') notify(a);
        } catch {
          // Not an alert: ignored.
        }
      };
      ws.onclose = () => {
        if (stopped || socket !== ws) return;
        retry = setTimeout(connect, reconnectDelay(attempt++));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [enabled]);
}

/**
 * In-app notification for owners (RM, manager): who arrived, the ticket and the visit's services, and
 * "我来接待" to call the ticket to one's own desk. The VIP screen's arrivals card lists the same.
 */
export function OwnerAlertHost({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const qc = useQueryClient();
  const take = useTakeTicket();
  const intents = useIntents().data?.intents ?? [];
  const label = (k: string) => {
    const i = intents.find((x) => x.key === k);
    return i ? bi(i) : k;
  };
  const [api, holder] = notification.useNotification();
  useOwnerAlerts(enabled, (a) => {
    void qc.invalidateQueries({ queryKey: ['arrivals'] });
    const key = `owner-${a.ticket.id}`;
    api.info({
      key,
      duration: 0,
      title: t('outreach.alert.title', { name: a.customer.name }),
      description: (
        <span data-testid="owner-alert">
          {t('outreach.alert.body', {
            tier: bi(a.customer.tierLabel),
            no: a.ticket.displayNo,
            services: a.services.map(label).join('、'),
          })}
        </span>
      ),
      actions: (
        <Button
          type="primary"
          data-testid="owner-alert-take"
          onClick={() =>
            take.mutate(a.ticket.id, {
              onSuccess: () => {
                api.destroy(key);
                api.success({ title: t('outreach.alert.taken', { no: a.ticket.displayNo }) });
              },
              onError: (e) => api.error({ title: messageOf(e, i18n.language) }),
            })
          }
        >
          {t('outreach.alert.take')}
        </Button>
      ),
    });
  });
  return holder;
}
