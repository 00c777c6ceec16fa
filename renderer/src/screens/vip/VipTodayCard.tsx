import { Alert, Button, Card, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useVipToday } from '../../api/vip';
import { TierBadge } from '../../components/TierBadge';
import { formatTime } from '../../lib/branchTime';
import { ProfileDrawer } from '../../widgets/profile/ProfilePanel';

const ORDER: Record<string, number> = { serving: 0, called: 1, held: 2, waiting: 3 };

/** 今日贵宾室客户: who is here or was here today, so the RM can read a waiting client's profile before calling. */
export function VipTodayCard({ liveAt }: { liveAt: number }) {
  const { t, i18n } = useTranslation();
  const today = useVipToday();
  const qc = useQueryClient();
  // The live queue moved (a call, an arrival, a finish): the list follows at once, not at the next poll.
  useEffect(() => void qc.invalidateQueries({ queryKey: ['vip-today'] }), [liveAt, qc]);
  const [open, setOpen] = useState<string | null>(null);
  const rows = [...(today.data?.tickets ?? [])].sort(
    (a, b) =>
      (ORDER[a.ticket.status] ?? 9) - (ORDER[b.ticket.status] ?? 9) ||
      a.ticket.arrivedAt - b.ticket.arrivedAt,
  );
  return (
    <Card size="small" title={t('vip.today')} data-testid="vip-today">
      {today.error ? (
        <Alert type="warning" showIcon title={messageOf(today.error, i18n.language)} />
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{t('vip.none')}</Typography.Text>
      ) : (
        <ul className="vip-list">
          {rows.map(({ ticket, customer }) => (
            <li key={ticket.id} data-testid={`vip-ticket-${ticket.displayNo}`}>
              <strong className="vip-list__no">{ticket.displayNo}</strong>
              <span className="vip-list__who">
                {customer ? (
                  <>
                    <span className="vip-list__name">{customer.name}</span> <TierBadge tier={customer.tier} />
                    {customer.linkedName && (
                      <div className="vip-list__linked">{t('vip.linked', { name: customer.linkedName })}</div>
                    )}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('vip.anonymous')}</Typography.Text>
                )}
              </span>
              <span className="vip-list__state">
                <Tag
                  color={
                    ticket.status === 'waiting' ? 'gold' : ticket.status === 'done' ? 'default' : 'green'
                  }
                >
                  {t(`counter.status.${ticket.status}`)}
                </Tag>
                <Typography.Text type="secondary">{formatTime(ticket.arrivedAt)}</Typography.Text>
              </span>
              {customer && (
                <Button size="small" onClick={() => setOpen(customer.id)}>
                  {t('vip.openProfile')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && <ProfileDrawer customerId={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
