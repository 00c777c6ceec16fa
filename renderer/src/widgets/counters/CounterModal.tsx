import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { CHANNELS, type Channel } from '@shared/triage/channel';
import { call, messageOf } from '../../api/client';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import type { CounterView } from '@shared/api/queue';

interface Values {
  number: number;
  name: string;
  channel: Channel;
  queues: string[];
  corporateOnly: boolean;
}

/** Add a counter, or change its channel, the queues it calls from, and whether it is corporate-only. */
export function CounterModal({ counter, onClose }: { counter: CounterView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const info = useIntents();
  const m = useMutation({
    mutationFn: (v: Values) =>
      counter
        ? call(routes.queue.updateCounter, {
            params: { id: counter.id },
            body: { name: v.name, channel: v.channel, queues: v.queues, corporateOnly: v.corporateOnly },
          })
        : call(routes.queue.createCounter, { body: v }),
    onSuccess: async (_r, v) => {
      await qc.invalidateQueries({ queryKey: ['counters'] });
      void message.success(counter ? t('counters.updated') : t('counters.created', { name: v.name }));
      onClose();
    },
  });
  const channelLabel = (c: string) => {
    const conf = info.data?.channels.find((x) => x.key === c);
    return conf ? bi(conf) : c;
  };
  const required = { required: true, message: t('staff.required') };
  return (
    <Modal
      open
      title={counter ? t('counters.editTitle', { name: counter.name }) : t('counters.createTitle')}
      okText={t('staff.save')}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'counter-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={counter ?? { channel: 'counter', queues: [], corporateOnly: false }}
        onFinish={(v) => m.mutate(v)}
      >
        {!counter && (
          <Form.Item name="number" label={t('counters.number')} rules={[required]}>
            <InputNumber min={1} max={999} precision={0} autoFocus data-testid="counter-number" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('counters.name')} rules={[required, { max: 40 }]}>
          <Input data-testid="counter-name" />
        </Form.Item>
        <Form.Item name="channel" label={t('counters.channel')} rules={[required]}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))} />
        </Form.Item>
        <Form.Item name="queues" label={t('counters.queues')} rules={[required]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={info.isPending}
            options={(info.data?.queues ?? []).map((q) => ({
              value: q.key,
              label: `${q.prefix} · ${bi(q)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="corporateOnly" label={t('counters.corporateOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {m.error && <Alert type="error" showIcon title={messageOf(m.error, i18n.language)} />}
    </Modal>
  );
}
