import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@shared/customer/consent';
import { messageOf } from '../../api/client';
import { useConsentSlip } from '../../api/prospects';
import { formatDateTime } from '../../lib/branchTime';
import '../../widgets/prospects/text';
import '../../widgets/slip/slip.css';
import './consent-print.css';

const isPurpose = (v: string | null): v is ConsentPurpose =>
  v !== null && (CONSENT_PURPOSES as readonly string[]).includes(v);

/**
 * /consent/slips/:id/print — a recorded grant or withdrawal: the exact words of the text version the customer read,
 * in Chinese and English, with the choice, scope, time, how and who recorded it. /consent/print?purpose= — the text
 * in force, for the customer to read before deciding. Prints itself once loaded unless `?noprint=1`.
 */
export default function ConsentPrintScreen() {
  const { i18n } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose');
  const slip = useConsentSlip({ eventId: id ?? null, purpose: isPurpose(purpose) ? purpose : null });
  const printed = useRef(false);
  // Both languages on paper whatever the screen's language: the customer reads the one they prefer.
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const both = (key: string) => `${zh(key)} ${en(key)}`;

  useEffect(() => {
    if (!slip.data || printed.current || params.get('noprint') === '1') return;
    const timer = setTimeout(() => {
      printed.current = true;
      window.print();
    }, 300);
    return () => clearTimeout(timer);
  }, [slip.data, params]);

  if (slip.error) {
    return (
      <Alert type="error" showIcon title={messageOf(slip.error, i18n.language)} style={{ margin: 24 }} />
    );
  }
  if (!slip.data) return <Spin style={{ margin: 64 }} />;
  const s = slip.data;
  const e = s.event;
  const row = (key: string, value: string, testId?: string) => (
    <div>
      <span>{both(key)}</span>
      <strong data-testid={testId}>{value}</strong>
    </div>
  );

  return (
    <>
      <div className="slip consent-slip" data-testid="consent-slip">
        <div className="slip__branch">{s.branchName}</div>
        <div className="consent-slip__heading">
          {zh('consentSlip.heading')}
          <small>{en('consentSlip.heading')}</small>
        </div>
        <div className="consent-slip__title">
          {s.title.zh}
          <small>{s.title.en}</small>
        </div>
        <p className="consent-slip__text" lang="zh-CN" data-testid="consent-slip-zh">
          {s.text.zh}
        </p>
        <p className="consent-slip__text" lang="en" data-testid="consent-slip-en">
          {s.text.en}
        </p>
        <div className="slip__rows consent-slip__rows">
          {row('consentSlip.version', s.version, 'consent-slip-version')}
          {e && (
            <>
              {row(
                'consentSlip.subject',
                [e.subject.name, e.subject.customerNo ?? e.subject.phoneMasked].filter(Boolean).join(' · '),
                'consent-slip-subject',
              )}
              {row(
                'consentSlip.decision',
                `${zh(e.granted ? 'consentSlip.granted' : 'consentSlip.withdrawn')} ${en(
                  e.granted ? 'consentSlip.granted' : 'consentSlip.withdrawn',
                )}`,
                'consent-slip-decision',
              )}
              {e.scope && row('consentSlip.scope', `${e.scope.zh} ${e.scope.en}`)}
              {row('consentSlip.at', formatDateTime(e.at), 'consent-slip-at')}
              {row(
                'consentSlip.channel',
                `${zh(`consentSlip.channels.${e.channel}`)} ${en(`consentSlip.channels.${e.channel}`)}`,
              )}
              {row('consentSlip.staff', e.staffName ?? '—', 'consent-slip-staff')}
            </>
          )}
        </div>
        {!e && <div className="consent-slip__blank">{both('consentSlip.blank')}</div>}
        <div className="consent-slip__sign">{both('consentSlip.signature')}</div>
      </div>
      <div className="slip-actions">
        <Button type="primary" size="large" onClick={() => window.print()}>
          {both('consentSlip.print')}
        </Button>
      </div>
    </>
  );
}
