import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorTicket } from '@shared/api/floor';
import { STATUS_LABELS } from '@shared/queue/events';
import { messageOf } from '../../api/client';
import { cancelTicket, floorKey, moveTicket, reprintTicket, selfServed, useFloor } from '../../api/floor';
import { useIntents } from '../../api/queue';
import { CustomerBadge } from '../../components/CustomerBadge';
import { useHotkeys } from '../../hooks/useHotkeys';
import { pickLang } from '../../lib/bilingual';
import { placeLabel } from '../../lib/place';
import { openTicketPrint } from '../../lib/ticket-print';
import { useLiveQueue } from '../../live/useLiveQueue';
import { FloorDialog } from './FloorDialog';
import { FloorSummary } from './FloorSummary';
import './floor.css';
import './text';

type Act = 'reprint' | 'cancel' | 'move' | 'selfServed';

/** Waits worth a look: the lobby manager goes over to whoever has waited this long. */
const LONG_WAIT_MIN = 30;
const WARN_WAIT_MIN = 15;

/**
 * 大堂现场: today's open tickets, the longest wait on top, live from the push feed. The lobby manager reprints,
 * cancels or moves a ticket (with a reason), and closes self-service tickets, which no counter calls.
 * Keyboard: ↑ ↓ select a row; P, X, M, S act on it.
 */
export default function FloorScreen() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const info = useIntents();
  const floor = useFloor();
  // Any ticket or board change on the feed: the floor list is fetched again (it carries names the feed does not).
  const live = useLiveQueue('queues', (m) => {
    if (m.type === 'ticket' || m.type === 'snapshot' || m.type === 'hello') {
      void qc.invalidateQueries({ queryKey: floorKey });
    }
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'cancel' | 'move'; ticket: FloorTicket } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const rows = floor.data?.tickets ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? rows[0] ?? null;
  const queueName = (key: string) => {
    const q = info.data?.queues.find((x) => x.key === key);
    return q ? pickLang(q, i18n.language) : key;
  };

  const act = useMutation({
    mutationFn: async (a: { kind: Act; ticket: FloorTicket; reason?: string; toQueue?: string | null }) => {
      const id = a.ticket.id;
      if (a.kind === 'reprint') {
        await reprintTicket(id);
        openTicketPrint(id);
      } else if (a.kind === 'cancel') await cancelTicket(id, a.reason ?? '');
      else if (a.kind === 'move') await moveTicket(id, a.toQueue ?? '', a.reason ?? '');
      else await selfServed(id);
      return a;
    },
    onSuccess: (a) => {
      setDialog(null);
      setDone(t(`floor.done.${a.kind}`, { no: a.ticket.displayNo, queue: queueName(a.toQueue ?? '') }));
      void qc.invalidateQueries({ queryKey: floorKey });
    },
  });

  const start = (kind: Act, ticket: FloorTicket | null = selected) => {
    if (!ticket || act.isPending) return;
    act.reset();
    setSelectedId(ticket.id);
    if (kind === 'cancel' || kind === 'move') {
      if (kind === 'move' && ticket.status !== 'waiting') return;
      setDialog({ kind, ticket });
    } else if (kind === 'selfServed' && !canSelfServe(ticket)) setDone(t('floor.notSelf'));
    else act.mutate({ kind, ticket });
  };
  const moveSelection = (delta: number) => {
    if (rows.length === 0) return;
    const i = selected ? rows.findIndex((r) => r.id === selected.id) : -1;
    const next = rows[Math.min(rows.length - 1, Math.max(0, i + delta))];
    if (next) setSelectedId(next.id);
  };
  const keys = {
    ArrowDown: () => moveSelection(1),
    ArrowUp: () => moveSelection(-1),
    p: () => start('reprint'),
    x: () => start('cancel'),
    m: () => start('move'),
    s: () => start('selfServed'),
  };
  useHotkeys({ ...keys, P: keys.p, X: keys.x, M: keys.m, S: keys.s }, dialog === null);

  if (info.error || floor.error) {
    return <Alert type="error" showIcon title={messageOf(info.error ?? floor.error, i18n.language)} />;
  }
  if (!info.data || !floor.data) return <Spin style={{ margin: 64 }} />;
  const intents = info.data;

  return (
    <div className="floor" data-testid="floor">
      <div className="floor__head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('floor.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('floor.subtitle')}</Typography.Text>
        </div>
        <FloorSummary rows={rows} queues={live.snapshot?.queues} queueName={queueName} />
      </div>
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          title={done}
          data-testid="floor-done"
          onClose={() => setDone(null)}
        />
      )}
      {act.error && !dialog && (
        <Alert type="error" showIcon title={messageOf(act.error, i18n.language)} data-testid="floor-error" />
      )}
      <Card size="small" className="floor__card">
        <Table<FloorTicket>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('floor.empty') }}
          data-testid="floor-table"
          rowClassName={(r) => (r.id === selected?.id ? 'floor__row floor__row--selected' : 'floor__row')}
          onRow={(r) => ({ onClick: () => setSelectedId(r.id), 'data-testid': `floor-row-${r.displayNo}` })}
          columns={[
            {
              title: t('floor.col.number'),
              dataIndex: 'displayNo',
              render: (no: string) => <span className="floor__number">{no}</span>,
            },
            {
              title: t('floor.col.customer'),
              render: (_: unknown, r) =>
                r.customer ? (
                  <Space size={6} wrap={false}>
                    <span className="floor__name">{r.customer.name}</span>
                    <CustomerBadge c={r.customer} />
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('floor.walkIn')}</Typography.Text>
                ),
            },
            {
              title: t('floor.col.services'),
              render: (_: unknown, r) =>
                r.services
                  .map((k) => {
                    const it = intents.intents.find((x) => x.key === k);
                    return it ? pickLang(it, i18n.language) : k;
                  })
                  .join(i18n.language === 'en' ? ', ' : '、'),
            },
            {
              title: t('floor.col.place'),
              render: (_: unknown, r) => (
                <span className="cap floor__place">
                  {placeLabel(
                    intents.channels.find((c) => c.key === r.channel),
                    intents.queues.find((q) => q.key === r.queue),
                    i18n.language,
                  ) || r.queue}
                </span>
              ),
            },
            {
              title: t('floor.col.status'),
              render: (_: unknown, r) => {
                const status = pickLang(STATUS_LABELS[r.status], i18n.language);
                return r.counterName && r.status !== 'waiting'
                  ? t('floor.atCounter', { status, counter: r.counterName })
                  : status;
              },
            },
            {
              title: t('floor.col.waited'),
              dataIndex: 'waitedMinutes',
              render: (m: number) => (
                <Tag
                  color={m >= LONG_WAIT_MIN ? 'red' : m >= WARN_WAIT_MIN ? 'orange' : undefined}
                  className="floor__waited"
                  data-testid="floor-waited"
                >
                  {t('floor.minutes', { count: m })}
                </Tag>
              ),
            },
            {
              title: t('floor.col.actions'),
              render: (_: unknown, r) => (
                // On a tablet the buttons wrap in their cell instead of leaving the screen.
                <Space size={4} wrap>
                  <Button size="small" onClick={() => start('reprint', r)} data-testid="floor-reprint">
                    {t('floor.reprint')} <kbd className="key">P</kbd>
                  </Button>
                  <Button size="small" danger onClick={() => start('cancel', r)} data-testid="floor-cancel">
                    {t('floor.cancel')} <kbd className="key">X</kbd>
                  </Button>
                  {r.status === 'waiting' && (
                    <Button size="small" onClick={() => start('move', r)} data-testid="floor-move">
                      {t('floor.move')} <kbd className="key">M</kbd>
                    </Button>
                  )}
                  {canSelfServe(r) && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => start('selfServed', r)}
                      data-testid="floor-self-served"
                    >
                      {t('floor.selfServed')} <kbd className="key key--light">S</kbd>
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Text className="floor__keys">{t('floor.keys')}</Typography.Text>
      {dialog && (
        <FloorDialog
          kind={dialog.kind}
          ticket={dialog.ticket}
          queues={intents.queues}
          busy={act.isPending}
          error={act.error ? messageOf(act.error, i18n.language) : null}
          onCancel={() => setDialog(null)}
          onSubmit={(reason, toQueue) =>
            act.mutate({ kind: dialog.kind, ticket: dialog.ticket, reason, toQueue })
          }
        />
      )}
    </div>
  );
}

/** A self-service ticket not yet closed: the lobby marks it served at self-service. */
function canSelfServe(t: FloorTicket): boolean {
  return t.selfService && (t.status === 'waiting' || t.status === 'called' || t.status === 'serving');
}
