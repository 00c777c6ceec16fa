import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '@shared/api/types';

/** 公私联动: the enterprise a private client runs, or the person behind an enterprise, one click away. */
export function LinkedEntity({
  linked,
  onOpen,
}: {
  linked: NonNullable<CustomerProfile['linked']>;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="profile-linked" data-testid="linked-entity">
      <Typography.Text type="secondary">
        {linked.kind === 'corporate' ? t('profile.linkedEnterprise') : t('profile.linkedPerson')}
      </Typography.Text>
      <Button type="link" onClick={() => onOpen(linked.id)} data-testid="linked-open">
        <strong>{linked.name}</strong>
        <span className="profile-linked__no">{linked.customerNo}</span>
        {t('profile.openLinked')} →
      </Button>
    </div>
  );
}
