import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRelationship } from '../../api/outreach';
import { useBilingual } from '../../lib/bilingual';
import { formatDate } from '../../lib/branchTime';
import './text';

/** On every profile: the owning RM and backup, contact marks, today's list reasons, the last contacts. */
export function RelationshipCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const r = useRelationship(customerId).data;
  if (!r) return null;
  return (
    <Card size="small" title={t('outreach.card.title')} data-testid="relationship-card">
      <div data-testid="owner-line">
        {r.owner ? (
          <>
            {t('outreach.card.owner')}：<strong>{r.owner.owner.name}</strong>
            {r.owner.backup && (
              <Typography.Text type="secondary">
                {' '}
                · {t('outreach.card.backup')}：{r.owner.backup.name}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type={r.valuable ? 'warning' : 'secondary'}>
            {r.valuable ? t('outreach.card.unowned') : t('outreach.card.notValuable')}
          </Typography.Text>
        )}
      </div>
      <div style={{ marginTop: 6 }}>
        {r.marks.doNotContact && <Tag color="red">{t('outreach.card.doNotContact')}</Tag>}
        {!r.marks.marketingConsent && <Tag>{t('outreach.card.noConsent')}</Tag>}
        {r.marks.highRisk && <Tag color="volcano">{t('outreach.card.highRisk')}</Tag>}
        {r.hits.map((h) => (
          <Tag key={h.rule} color={h.overdue ? 'red' : 'blue'} title={bi(h.reason)}>
            {t(`outreach.rules.${h.rule}`)}
          </Tag>
        ))}
      </div>
      {r.contacts.length > 0 && (
        <ul className="vip-list" style={{ marginTop: 6 }}>
          {r.contacts.slice(0, 3).map((c) => (
            <li key={c.id}>
              <span>
                {formatDate(c.at)} · {c.staff.name} · {c.channel}/{c.result}
                {c.note ? ` · ${c.note}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
