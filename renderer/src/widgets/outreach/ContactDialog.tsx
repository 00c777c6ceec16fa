import { Alert, Form, Input, Modal, Select, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachRuleKey } from '@shared/outreach/config';
import { messageOf } from '../../api/client';
import { useLogContact, useOutreachConfig } from '../../api/outreach';
import { useBilingual } from '../../lib/bilingual';
import { branchDate, onBranchDay } from '../../lib/due';
import './text';

interface Values {
  channel: string;
  result: string;
  rule: OutreachRuleKey | '';
  churnReason?: string;
  note?: string;
  nextStep?: string;
  nextAt?: string;
}

/** Logs one contact: channel, result, note (masked by the server), next step and date; churn contacts give why. */
export function ContactDialog(props: {
  customerId: string;
  customerName: string;
  rule: OutreachRuleKey | null;
  rules: OutreachRuleKey[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const cfg = useOutreachConfig().data;
  const log = useLogContact();
  const [form] = Form.useForm<Values>();
  const [openedAt] = useState(() => Date.now());
  const rule = Form.useWatch('rule', form);
  const opts = (list: { key: string; zh: string; en: string }[] | undefined) =>
    (list ?? []).map((o) => ({ value: o.key, label: bi(o) }));
  const submit = (v: Values) => {
    log.mutate(
      {
        customerId: props.customerId,
        body: {
          channel: v.channel,
          result: v.result,
          rule: v.rule || null,
          churnReason: v.churnReason ?? null,
          ...(v.note ? { note: v.note } : {}),
          ...(v.nextStep ? { nextStep: v.nextStep } : {}),
          nextAt: v.nextAt ? onBranchDay(openedAt, v.nextAt) : null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('outreach.dialog.saved'));
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('outreach.dialog.title', { name: props.customerName })}
      okText={t('outreach.dialog.save')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={log.isPending}
      destroyOnHidden
      data-testid="contact-dialog"
    >
      {log.error && <Alert type="error" showIcon title={messageOf(log.error, i18n.language)} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'phone', result: 'reached', rule: props.rule ?? '' }}
      >
        <Form.Item name="channel" label={t('outreach.dialog.channel')} rules={[{ required: true }]}>
          <Select options={opts(cfg?.channels)} data-testid="contact-channel" />
        </Form.Item>
        <Form.Item name="result" label={t('outreach.dialog.result')} rules={[{ required: true }]}>
          <Select options={opts(cfg?.results)} data-testid="contact-result" />
        </Form.Item>
        <Form.Item name="rule" label={t('outreach.dialog.rule')}>
          <Select
            options={[
              { value: '', label: t('outreach.dialog.noRule') },
              ...props.rules.map((r) => ({ value: r, label: t(`outreach.rules.${r}`) })),
            ]}
          />
        </Form.Item>
        {rule === 'churnRisk' && (
          <Form.Item name="churnReason" label={t('outreach.dialog.churnReason')}>
            <Select options={opts(cfg?.churnReasons)} data-testid="contact-churn-reason" allowClear />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('outreach.dialog.note')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('outreach.dialog.notePlaceholder')}
            data-testid="contact-note"
          />
        </Form.Item>
        <Form.Item name="nextStep" label={t('outreach.dialog.nextStep')}>
          <Input maxLength={200} data-testid="contact-next-step" />
        </Form.Item>
        <Form.Item name="nextAt" label={t('outreach.dialog.nextAt')}>
          <Input type="date" min={branchDate(openedAt + 86_400_000)} data-testid="contact-next-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
