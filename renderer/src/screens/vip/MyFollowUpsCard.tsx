import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { useFollowUps } from '../../api/visit';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../hooks/useNow';
import { useFollowUpSubject } from '../../widgets/profile/FollowUpRows';

const SHOWN = 6;

/** The RM's own open follow-ups, soonest first; the full list is one click away. */
export function MyFollowUpsCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useFollowUps({ all: false, status: 'open' });
  const now = useNow(60_000);
  const subject = useFollowUpSubject();
  const rows = list.data ?? [];
  return (
    <Card
      size="small"
      title={t('followUps.myDue')}
      data-testid="my-follow-ups"
      extra={
        <Button type="link" size="small" onClick={() => void navigate('/follow-ups')}>
          {t('followUps.viewAll')}
        </Button>
      }
    >
      {list.error ? (
        <Alert type="warning" showIcon title={messageOf(list.error, i18n.language)} />
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{t('followUps.empty')}</Typography.Text>
      ) : (
        <ul className="vip-list">
          {rows.slice(0, SHOWN).map((f) => (
            <li key={f.id}>
              <span className="vip-list__who">
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => void navigate(`/customers/${encodeURIComponent(f.customerId)}`)}
                >
                  {f.customerName}
                </Button>
                <div className="vip-list__linked">
                  {subject(f)}
                  {/* Masked here; the full number is revealed, with a reason, on the follow-up list. */}
                  {f.phoneMasked && (
                    <span className="vip-list__phone" data-testid="follow-up-phone">
                      {' · '}
                      {f.phoneMasked}
                    </span>
                  )}
                </div>
              </span>
              {now !== null && <DueTag at={f.dueAt} now={now} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
