import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/api/queue';
import type { TicketEventType } from '@shared/queue/events';
import { messageOf } from '../../api/client';
import { callNext, patchCounter, ticketEvent } from '../../api/queue';
import { pickLang } from '../../lib/bilingual';

type EventType = Exclude<TicketEventType, 'issue' | 'identify'>;

/** Counter actions; each answers with a toast, and a refused one (409) with the server's reason. */
export function useCounterActions(counterId: string | null) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fail = (err: unknown) => void message.error(messageOf(err, i18n.language));
  const keep = (view: TicketView | null) => {
    if (view) qc.setQueryData(['ticket', view.id], view);
  };

  const call = useMutation({
    mutationFn: () => callNext(counterId ?? ''),
    onSuccess: (r) => {
      keep(r.ticket);
      if (!r.ticket && r.message) void message.info(pickLang(r.message, i18n.language));
    },
    onError: fail,
  });
  const event = useMutation({
    mutationFn: (a: { id: string; type: EventType; payload?: Record<string, unknown> }) =>
      ticketEvent(a.id, a.type, a.type === 'requeue' ? null : counterId, a.payload),
    onSuccess: keep,
    onError: fail,
  });
  const counter = useMutation({
    mutationFn: (patch: Parameters<typeof patchCounter>[1]) => patchCounter(counterId ?? '', patch),
    onError: fail,
  });

  return {
    call,
    event,
    counter,
    busy: call.isPending || event.isPending,
    act: (id: string, type: EventType, payload?: Record<string, unknown>, onDone?: () => void) =>
      event.mutate({ id, type, ...(payload ? { payload } : {}) }, { onSuccess: () => onDone?.() }),
  };
}
