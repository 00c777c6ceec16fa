import { Alert, Button, Card, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../api/client';
import { useArrivals, useTakeTicket } from '../../api/outreach';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import './text';

/** On the VIP screen: the RM's own customers in the branch now, with 我来接待 for a waiting ticket. */
export function ArrivalsCard({ liveAt }: { liveAt: number }) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const list = useArrivals();
  const take = useTakeTicket();
  const intents = useIntents().data?.intents ?? [];
  const rows = list.data?.arrivals ?? [];
  const qc = useQueryClient();
  // A ticket changed on the board (called, finished): who is still here may have changed.
  useEffect(() => void qc.invalidateQueries({ queryKey: ['arrivals'] }), [liveAt, qc]);
  return (
    <Card size="small" title={t('outreach.arrivals.title')} data-testid="my-arrivals">
      {take.error && <Alert type="error" showIcon title={messageOf(take.error, i18n.language)} />}
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('outreach.arrivals.empty')}</Typography.Text>
      ) : (
        <ul className="vip-list">
          {rows.map((a) => (
            <li key={a.ticket.id}>
              <span className="vip-list__who">
                <strong>{a.ticket.displayNo}</strong> {a.customer.name}{' '}
                <Tag color="magenta">{bi(a.customer.tierLabel)}</Tag>
                <div className="vip-list__linked">
                  {a.services
                    .map((s) => {
                      const i = intents.find((x) => x.key === s);
                      return i ? bi(i) : s;
                    })
                    .join('、')}
                </div>
              </span>
              {a.ticket.status === 'waiting' && (
                <Button size="small" type="primary" onClick={() => take.mutate(a.ticket.id)}>
                  {t('outreach.alert.take')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
