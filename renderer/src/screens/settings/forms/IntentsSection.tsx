import { Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { FormSection } from '../FormSection';
import { cell, ListTable, noNull, num, useLang } from './common';

const PATH = ['triage', 'intents'];

/**
 * 业务种类: each business the lobby can pick, where it can be done (the channel, and so the queue and its ticket
 * prefix), whether it is self-serviceable or corporate-only, and its usual minutes (the wait estimate's prior).
 */
export function IntentsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A channel is shown with the queue it feeds: "柜台 → 个人业务 A".
  const channels = config.triage.channels.map((c) => {
    const q = config.queue.queues.find((x) => x.key === c.queue);
    return { value: c.key, label: q ? `${c[lang]} → ${q[lang]} ${q.prefix}` : c[lang] };
  });
  return (
    <FormSection
      id="intents"
      title={t('settings.sections.intents')}
      hint={t('settings.f.intentsHint')}
      paths={['triage.intents']}
      config={config}
    >
      {() => (
        <ListTable
          name={PATH}
          testId="intents"
          reorder
          minRows={1}
          scrollX={1100}
          addLabel={t('settings.f.addIntent')}
          newItem={() => ({
            key: '',
            zh: '',
            en: '',
            channels: ['counter'],
            selfServiceable: false,
            corporateOnly: false,
            minutes: 10,
          })}
          columns={[
            {
              title: t('settings.f.key'),
              width: 150,
              render: (f) => (
                <Form.Item name={[f.name, 'key']} {...cell}>
                  <Input data-testid={`intent-key-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.f.nameZh'),
              width: 140,
              render: (f) => (
                <Form.Item name={[f.name, 'zh']} {...cell}>
                  <Input data-testid={`intent-zh-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.f.nameEn'),
              width: 180,
              render: (f) => (
                <Form.Item name={[f.name, 'en']} {...cell}>
                  <Input />
                </Form.Item>
              ),
            },
            {
              title: (
                <>
                  {t('settings.f.channelsQueue')}
                  <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                    {' '}
                    {t('settings.f.channelsQueueHint')}
                  </Typography.Text>
                </>
              ),
              render: (f) => (
                <Form.Item name={[f.name, 'channels']} {...cell}>
                  <Select
                    mode="multiple"
                    options={channels}
                    optionFilterProp="label"
                    data-testid={`intent-channels-${f.name}`}
                  />
                </Form.Item>
              ),
            },
            {
              title: t('settings.f.selfServiceable'),
              width: 80,
              render: (f) => (
                <Form.Item name={[f.name, 'selfServiceable']} valuePropName="checked" {...cell}>
                  <Switch size="small" />
                </Form.Item>
              ),
            },
            {
              title: t('settings.f.corporateOnly'),
              width: 80,
              render: (f) => (
                <Form.Item name={[f.name, 'corporateOnly']} valuePropName="checked" {...cell}>
                  <Switch size="small" data-testid={`intent-corporate-${f.name}`} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.f.minutes'),
              width: 100,
              render: (f) => (
                <Form.Item name={[f.name, 'minutes']} normalize={noNull} {...cell}>
                  <InputNumber {...num} min={0} />
                </Form.Item>
              ),
            },
          ]}
        />
      )}
    </FormSection>
  );
}
