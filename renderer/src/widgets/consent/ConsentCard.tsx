import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose } from '@shared/customer/consent';
import { useConsent, useConsentTexts } from '../../api/consent';
import { openConsentSlip } from '../../api/prospects';
import { useBilingual } from '../../lib/bilingual';
import { formatDate } from '../../lib/branchTime';
import { ConsentDialog } from './ConsentDialog';
import './text';
import '../prospects/text';

/**
 * On every profile (Step 15): consent per purpose — given or withdrawn, scope, date, channel and who recorded it —
 * and a button to record a grant or withdrawal with the customer present.
 */
export function ConsentCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const view = useConsent(customerId).data;
  const texts = useConsentTexts().data;
  const [open, setOpen] = useState<ConsentPurpose | null>(null);
  if (!view || !texts) return null;
  return (
    <Card size="small" title={t('consent.title')} data-testid="consent-card">
      <ul className="consent-list">
        {view.purposes.map((p) => {
          const words = texts.purposes[p.purpose];
          const scope = p.event ? words.scopes.find((s) => s.key === p.event?.scope) : undefined;
          return (
            <li key={p.purpose} data-testid={`consent-${p.purpose}`}>
              <div className="consent-list__head">
                <strong>{bi(words.title)}</strong>
                <Tag color={p.granted ? 'green' : 'default'} data-testid="consent-state">
                  {p.granted
                    ? t('consent.granted')
                    : p.event
                      ? t('consent.withdrawn')
                      : t('consent.notGiven')}
                </Tag>
                <Button
                  size="small"
                  data-testid={`consent-record-${p.purpose}`}
                  onClick={() => setOpen(p.purpose)}
                >
                  {t('consent.record')}
                </Button>
              </div>
              <Typography.Text type="secondary" className="consent-list__by">
                {p.event
                  ? `${scope ? bi(scope.label) + ' · ' : ''}${t('consent.by', {
                      date: formatDate(p.event.at),
                      channel: t(`consent.channels.${p.event.channel}`),
                      staff: p.staffName ?? '—',
                    })}`
                  : p.source === 'import'
                    ? t('consent.fromImport')
                    : t('consent.byDefault')}
              </Typography.Text>
              {p.event && (
                <Button
                  size="small"
                  type="link"
                  data-testid={`consent-slip-${p.purpose}`}
                  onClick={() => p.event && openConsentSlip({ eventId: p.event.id })}
                >
                  {t('prospects.printSlip')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {open && (
        <ConsentDialog
          customerId={customerId}
          purpose={open}
          current={view.purposes.find((p) => p.purpose === open)?.granted ?? false}
          texts={texts}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
