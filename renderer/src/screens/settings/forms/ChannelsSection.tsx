import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { SEGMENTS } from '@shared/customer/enums';
import { CHANNELS } from '@shared/triage/channel';
import { FormSection } from '../FormSection';
import { cell, keyOptions, ListTable, num, useLang } from './common';

const PATHS = [
  'triage.channels',
  'triage.priorities',
  'triage.fallbackOrder',
  'triage.elderlySegments',
  'triage.staffedChannels',
] as const;

/**
 * 渠道与优先级: which queue (and so which ticket prefix) each channel feeds, the priority classes, the default
 * order of channels after the rules, and who counts as elderly by segment.
 */
export function ChannelsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queues = config.queue.queues.map((q) => ({ value: q.key, label: `${q[lang]}（${q.prefix}）` }));
  const channelNames = keyOptions(
    CHANNELS,
    (k) => config.triage.channels.find((c) => c.key === k)?.[lang] ?? k,
  );
  return (
    <FormSection
      id="channels"
      title={t('settings.sections.channels')}
      hint={t('settings.f.channelsHint')}
      paths={PATHS}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1100 }}>
          <Typography.Title level={5}>{t('settings.f.channelList')}</Typography.Title>
          <ListTable
            name={['triage', 'channels']}
            testId="channels"
            minRows={1}
            maxRows={CHANNELS.length}
            addLabel={t('settings.f.addChannel')}
            newItem={() => ({ key: undefined, zh: '', en: '', queue: undefined })}
            columns={[
              {
                title: t('settings.f.channel'),
                width: 160,
                render: (f) => (
                  <Form.Item name={[f.name, 'key']} {...cell}>
                    <Select optionFilterProp="label" options={channelNames} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.nameZh'),
                render: (f) => (
                  <Form.Item name={[f.name, 'zh']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.nameEn'),
                render: (f) => (
                  <Form.Item name={[f.name, 'en']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.queue'),
                width: 220,
                render: (f) => (
                  <Form.Item name={[f.name, 'queue']} {...cell}>
                    <Select
                      optionFilterProp="label"
                      options={queues}
                      data-testid={`channel-queue-${f.name}`}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('settings.f.priorities')}
          </Typography.Title>
          <ListTable
            name={['triage', 'priorities']}
            testId="priorities"
            minRows={1}
            addLabel={t('settings.f.addPriority')}
            newItem={() => ({ level: undefined, key: '', zh: '', en: '' })}
            columns={[
              {
                title: t('settings.f.level'),
                width: 150,
                render: (f) => (
                  <Form.Item name={[f.name, 'level']} {...cell}>
                    <InputNumber {...num} min={0} max={9} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.key'),
                width: 140,
                render: (f) => (
                  <Form.Item name={[f.name, 'key']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.nameZh'),
                render: (f) => (
                  <Form.Item name={[f.name, 'zh']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.nameEn'),
                render: (f) => (
                  <Form.Item name={[f.name, 'en']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Row gutter={16} style={{ marginTop: 24 }}>
            <Col span={12}>
              <Form.Item
                name={['triage', 'fallbackOrder']}
                label={t('settings.f.fallbackOrder')}
                extra={t('settings.f.fallbackOrderHint')}
              >
                <Select optionFilterProp="label" mode="multiple" options={channelNames} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={['triage', 'staffedChannels']}
                label={t('settings.f.staffedChannels')}
                extra={t('settings.f.staffedChannelsHint')}
              >
                <Select optionFilterProp="label" mode="multiple" options={channelNames} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['triage', 'elderlySegments']} label={t('settings.f.elderlySegments')}>
                <Select
                  optionFilterProp="label"
                  mode="multiple"
                  options={keyOptions(SEGMENTS, (s) => t(`segment.${s}`))}
                />
              </Form.Item>
            </Col>
          </Row>
        </div>
      )}
    </FormSection>
  );
}
