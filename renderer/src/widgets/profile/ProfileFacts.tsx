import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '@shared/api/types';
import { useMe } from '../../auth';
import { MaskedValue } from './MaskedValue';

const REVEAL_ROLES = new Set(['teller', 'rm', 'manager']);

/** Who the customer is: masked identifiers and the segmentation lenses (DOMAIN §1). */
export function ProfileFacts({ c }: { c: CustomerProfile }) {
  const { t } = useTranslation();
  const me = useMe();
  const canReveal = REVEAL_ROLES.has(me.data?.role ?? '');
  const corporate = c.kind === 'corporate';
  const items = [
    corporate
      ? { key: 'credit', label: t('customer.creditCode'), children: c.creditCode ?? '—' }
      : {
          key: 'id',
          label: t('customer.idNo'),
          children: (
            <MaskedValue
              key={c.id}
              customerId={c.id}
              field="id"
              label={t('customer.idNo')}
              masked={c.idMasked}
              canReveal={canReveal}
            />
          ),
        },
    {
      key: 'phone',
      label: t('customer.phone'),
      children: (
        <MaskedValue
          key={c.id}
          customerId={c.id}
          field="phone"
          label={t('customer.phone')}
          masked={c.phoneMasked}
          canReveal={canReveal}
        />
      ),
    },
    {
      key: 'segments',
      label: t('customer.segments'),
      children: c.segments.length === 0 ? '—' : c.segments.map((s) => <Tag key={s}>{t(`segment.${s}`)}</Tag>),
    },
    {
      key: 'lifecycle',
      label: t('profile.lifecycle'),
      children: <span data-testid="lifecycle">{t(`lifecycle.${c.lifecycle}`)}</span>,
    },
    {
      key: 'relationship',
      label: t('profile.relationship'),
      children: t(`relationship.${c.relationshipType}`),
    },
    ...(corporate
      ? []
      : [
          {
            key: 'risk',
            label: t('profile.risk'),
            children: c.riskLevel ? t('profile.riskLevel', { level: c.riskLevel }) : t('profile.riskNone'),
          },
          {
            key: 'age',
            label: t('customer.age'),
            children: c.age === null ? '—' : t('profile.age', { count: c.age }),
          },
        ]),
    {
      key: 'consent',
      label: t('profile.consent'),
      children: c.marketingConsent ? (
        t('profile.consentYes')
      ) : (
        <Tag color="orange" data-testid="no-consent">
          {t('profile.consentNo')}
        </Tag>
      ),
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />;
}
