import { Button, Card, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '@shared/api/types';
import { formatFen } from '@shared/money';
import { NextTierLine } from '../../components/CustomerCard';
import { TierBadge } from '../../components/TierBadge';
import { LinkedEntity } from './LinkedEntity';
import { ProfileFacts } from './ProfileFacts';

interface Props {
  c: CustomerProfile;
  onOpenLinked: (id: string) => void;
  onComplaint: () => void;
}

/** The first glance: who, which tier, how far to the next one, and what the branch knows about them. */
export function ProfileHeader({ c, onOpenLinked, onComplaint }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="customer-card"
      className="profile-header"
      title={
        <Space wrap size={8}>
          <span className="profile-header__name" data-testid="customer-name">
            {c.name}
          </span>
          {/* Tiers (纵向分层) grade individuals by AUM; an enterprise is graded strategic / key / general. */}
          {c.kind === 'corporate' ? (
            c.corporateGrade && (
              <Tag
                color={
                  c.corporateGrade === 'strategic' ? 'red' : c.corporateGrade === 'key' ? 'orange' : 'default'
                }
                data-testid="corporate-grade"
                style={{ fontSize: 14, padding: '2px 10px' }}
              >
                {t(`grade.${c.corporateGrade}`)}
              </Tag>
            )
          ) : (
            <TierBadge tier={c.tier} />
          )}
          <Tag>{c.kind === 'corporate' ? t('customer.corporate') : t('customer.individual')}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary" data-testid="customer-no">
            {c.customerNo}
          </Typography.Text>
          <Button size="small" onClick={onComplaint} data-testid="new-complaint">
            {t('profile.newComplaint')}
          </Button>
        </Space>
      }
    >
      <div className="profile-header__money">
        <Statistic title={t('customer.aum')} value={formatFen(c.aumFen)} />
        {c.kind === 'individual' && <NextTierLine tier={c.tier} />}
      </div>
      <ProfileFacts c={c} />
      {c.linked && <LinkedEntity linked={c.linked} onOpen={onOpenLinked} />}
    </Card>
  );
}
