import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '@shared/api/types';
import { mayReveal } from '@shared/customer/pii-view';
import { useMe } from '../../auth';
import { MaskedValue } from './MaskedValue';

/** The age for roles that may reveal, else the ten-year band the server sent (never a birth date). */
function ageText(c: CustomerProfile, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (c.age !== null) return t('profile.age', { count: c.age });
  if (!c.ageBand) return '—';
  return c.ageBand.to === null
    ? t('profile.ageBandOpen', { from: c.ageBand.from })
    : t('profile.ageBand', { from: c.ageBand.from, to: c.ageBand.to });
}

/** Who the customer is: masked identifiers and the segmentation lenses (DOMAIN §1). */
export function ProfileFacts({ c }: { c: CustomerProfile }) {
  const { t } = useTranslation();
  const me = useMe();
  const canReveal = mayReveal(me.data?.role);
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
            children: ageText(c, t),
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
