import { Alert, App, Button, Checkbox, Input, Modal, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProspectView } from '@shared/prospect/api';
import { messageOf } from '../../api/client';
import { useConsentTexts } from '../../api/consent';
import { openConsentSlip, useCreateProspect } from '../../api/prospects';
import { useIntents } from '../../api/queue';
import { useAssignees } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';
import '../consent/text';
import './text';
import './prospects.css';

const RM_ROLES = new Set(['rm', 'manager']);

/**
 * 留下联系方式: a walk-in who is not a customer reads the consent text (on screen or printed) and, only if they agree,
 * leaves a name and mobile number for an RM to call back. Nothing is sent without the agreement ticked.
 */
export function ProspectDialog({ intent, onClose }: { intent: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const bi = useBilingual();
  const texts = useConsentTexts().data;
  const intents = useIntents().data?.intents ?? [];
  const rms = (useAssignees().data ?? []).filter((a) => RM_ROLES.has(a.role));
  const create = useCreateProspect();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [what, setWhat] = useState<string | undefined>(intent ?? undefined);
  const [rm, setRm] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [scope, setScope] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<ProspectView | null>(null);
  const words = texts?.purposes.marketing;
  const scopeKey = scope ?? words?.scopes[0]?.key ?? 'all';

  const save = () => {
    if (!texts || !agreed) return;
    create.mutate(
      {
        name,
        phone,
        ...(what ? { intent: what } : {}),
        ...(rm ? { assigneeId: rm } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        consent: { granted: true, scope: scopeKey, channel: 'counter', textVersion: texts.version },
      },
      {
        onSuccess: (p) => {
          setSaved(p);
          void message.success(t('prospects.saved', { name: p.name, phone: p.phoneMasked ?? '' }));
        },
      },
    );
  };

  if (saved) {
    return (
      <Modal open title={t('prospects.title')} onCancel={onClose} footer={null} width={560}>
        <Result
          status="success"
          title={t('prospects.saved', { name: saved.name, phone: saved.phoneMasked ?? '' })}
          subTitle={saved.customer ? t('prospects.linked', { no: saved.customer.customerNo }) : undefined}
          extra={[
            <Button
              key="slip"
              type="primary"
              data-testid="prospect-print-slip"
              onClick={() => saved.consent && openConsentSlip({ eventId: saved.consent.eventId })}
            >
              {t('prospects.printSlip')}
            </Button>,
            <Button key="done" onClick={onClose} data-testid="prospect-done">
              {t('prospects.done')}
            </Button>,
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('prospects.title')}
      okText={t('prospects.save')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{
        disabled: !agreed || !texts,
        ...({ 'data-testid': 'prospect-save' } as Record<string, string>),
      }}
      width={680}
    >
      <div className="prospect-form" data-testid="prospect-dialog">
        <Typography.Text type="secondary">{t('prospects.hint')}</Typography.Text>
        <div className="prospect-form__row">
          <label className="prospect-form__field">
            <span>{t('prospects.name')}</span>
            <Input
              value={name}
              maxLength={40}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              data-testid="prospect-name"
            />
          </label>
          <label className="prospect-form__field">
            <span>{t('prospects.phone')}</span>
            <Input
              value={phone}
              maxLength={20}
              inputMode="tel"
              onChange={(e) => setPhone(e.target.value)}
              data-testid="prospect-phone"
            />
          </label>
        </div>
        <div className="prospect-form__row">
          <label className="prospect-form__field">
            <span>{t('prospects.intent')}</span>
            <Select
              allowClear
              value={what}
              onChange={setWhat}
              options={intents.map((x) => ({
                value: x.key,
                label: i18n.language.startsWith('zh') ? x.zh : x.en,
              }))}
            />
          </label>
          <label className="prospect-form__field">
            <span>{t('prospects.rm')}</span>
            <Select
              allowClear
              value={rm}
              placeholder={t('prospects.rmAny')}
              onChange={setRm}
              options={rms.map((a) => ({ value: a.id, label: a.displayName }))}
              data-testid="prospect-rm"
            />
          </label>
        </div>
        <label className="prospect-form__field">
          <span>{t('prospects.note')}</span>
          <Input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </label>
        {words && texts && (
          <>
            <Typography.Text type="secondary">{t('prospects.readText')}</Typography.Text>
            <blockquote className="consent-text" data-testid="prospect-consent-text">
              <strong>{bi(words.title)}</strong>
              <div>{bi(words.text)}</div>
              <div className="consent-text__version">
                {t('consent.textVersion', { version: texts.version })}
              </div>
            </blockquote>
            <Space wrap>
              <Select
                value={scopeKey}
                onChange={setScope}
                style={{ minWidth: 200 }}
                options={words.scopes.map((s) => ({ value: s.key, label: bi(s.label) }))}
              />
              <Button
                onClick={() => openConsentSlip({ purpose: 'marketing' })}
                data-testid="prospect-print-text"
              >
                {t('prospects.printText')}
              </Button>
            </Space>
          </>
        )}
        <Checkbox
          checked={agreed}
          onChange={(e) => setAgreed(e.target.checked)}
          data-testid="prospect-agreed"
        >
          {t('prospects.agreed')}
        </Checkbox>
        {!agreed && <Typography.Text type="secondary">{t('prospects.agreeFirst')}</Typography.Text>}
        {create.error && (
          <Alert
            type="error"
            showIcon
            title={messageOf(create.error, i18n.language)}
            data-testid="prospect-error"
          />
        )}
      </div>
    </Modal>
  );
}
