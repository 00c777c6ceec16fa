import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { defaultCustomerConfig } from '@shared/customer/config';
import { TIER_KEYS } from '@shared/customer/tier';
import { CHANNELS } from '@shared/triage/channel';
import { FormSection } from './FormSection';
import { BackupFields } from './forms/BackupFields';
import { CustomerNoField } from './forms/CustomerNoField';
import { YuanInput } from './YuanInput';

interface SectionProps {
  config: RulesConfig;
}

const num = { style: { width: '100%' } } as const;

/** What the general form saves (SettingsScreen keys its remount by the same list). */
export const GENERAL_PATHS = ['branch', 'customer.elderlyAge', 'customer.customerNoPattern'] as const;

export function GeneralSection({ config }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection id="general" title={t('settings.sections.general')} paths={GENERAL_PATHS} config={config}>
      {() => (
        <Row gutter={16} style={{ maxWidth: 900 }}>
          <Col span={12}>
            <Form.Item name={['branch', 'name']} label={t('settings.field.branchName')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['branch', 'code']} label={t('settings.field.branchCode')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['customer', 'elderlyAge']}
              label={t('settings.field.elderlyAge')}
              extra={t('settings.field.elderlyAgeHint')}
            >
              <InputNumber {...num} data-testid="field-elderlyAge" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['branch', 'vipRoomCapacity']} label={t('settings.field.vipRoomCapacity')}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['branch', 'importConfirmSeconds']}
              label={t('settings.field.importConfirmSeconds')}
              extra={t('settings.field.importConfirmSecondsHint')}
            >
              <InputNumber {...num} min={0} data-testid="field-importConfirmSeconds" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['branch', 'headOfficeLagHours']}
              label={t('settings.field.headOfficeLagHours')}
              extra={t('settings.field.headOfficeLagHoursHint')}
            >
              <InputNumber {...num} min={1} data-testid="field-headOfficeLagHours" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['branch', 'journalWarnRows']}
              label={t('settings.field.journalWarnRows')}
              extra={t('settings.field.journalWarnRowsHint')}
            >
              <InputNumber {...num} min={1000} step={10000} data-testid="field-journalWarnRows" />
            </Form.Item>
          </Col>
          <BackupFields />
          <Col span={24}>
            <CustomerNoField />
          </Col>
        </Row>
      )}
    </FormSection>
  );
}

export function SecuritySection({ config }: SectionProps) {
  const { t } = useTranslation();
  const fields = [
    ['idleLockMinutes', t('settings.field.idleLockHint')],
    ['sessionHours', undefined],
    ['maxFailedLogins', undefined],
    ['lockoutMinutes', undefined],
    ['passwordAttemptsPerMinute', undefined],
    ['revealsPerWindow', undefined],
    ['revealWindowMinutes', undefined],
  ] as const;
  return (
    <FormSection id="security" title={t('settings.sections.security')} paths={['security']} config={config}>
      {() => (
        <Row gutter={16} style={{ maxWidth: 900 }}>
          {fields.map(([key, extra]) => (
            <Col span={12} key={key}>
              <Form.Item name={['security', key]} label={t(`settings.field.${key}`)} extra={extra}>
                <InputNumber {...num} data-testid={`field-${key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
    </FormSection>
  );
}

/** The tier keys by their usual names (the names of a band are its own fields beside). */
function tierOptions(en: boolean) {
  return TIER_KEYS.map((k) => {
    const d = defaultCustomerConfig.tiers.find((b) => b.key === k);
    return { value: k, label: d ? (en ? d.en : d.zh) : k };
  });
}

export function TiersSection({ config }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <FormSection
      id="tiers"
      title={t('settings.sections.tiers')}
      hint={t('settings.hints.tiers')}
      paths={['customer.tiers']}
      config={config}
    >
      {() => (
        <Form.List name={['customer', 'tiers']}>
          {(fields, { add, remove }) => (
            <div style={{ maxWidth: 960 }}>
              <Row gutter={12} style={{ fontWeight: 600, marginBottom: 8 }}>
                <Col span={5}>{t('settings.field.tierKey')}</Col>
                <Col span={5}>{t('settings.field.tierZh')}</Col>
                <Col span={5}>{t('settings.field.tierEn')}</Col>
                <Col span={6}>{t('settings.field.minYuan')}</Col>
              </Row>
              {fields.map((f) => (
                <Row gutter={12} key={f.key} data-testid={`tier-row-${f.name}`}>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'key']}>
                      <Select options={tierOptions(i18n.language.startsWith('en'))} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'zh']}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'en']}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'minFen']}>
                      <YuanInput data-testid={`tier-min-${f.name}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Button danger type="text" onClick={() => remove(f.name)}>
                      {t('settings.remove')}
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button
                onClick={() => add({ key: undefined, zh: '', en: '', minFen: null })}
                disabled={fields.length >= TIER_KEYS.length}
              >
                {t('settings.addBand')}
              </Button>
            </div>
          )}
        </Form.List>
      )}
    </FormSection>
  );
}

export function LifecycleSection({ config }: SectionProps) {
  const { t } = useTranslation();
  const keys = ['newWithinDays', 'activeWithinDays', 'lowFrequencyWithinDays', 'dormantWithinDays'] as const;
  return (
    <FormSection
      id="lifecycle"
      title={t('settings.sections.lifecycle')}
      hint={t('settings.hints.lifecycle')}
      paths={['customer.lifecycle']}
      config={config}
    >
      {() => (
        <Row gutter={16} style={{ maxWidth: 900 }}>
          {keys.map((k) => (
            <Col span={12} key={k}>
              <Form.Item name={['customer', 'lifecycle', k]} label={t(`settings.field.${k}`)}>
                <InputNumber {...num} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
    </FormSection>
  );
}

export function QueuesSection({ config }: SectionProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <FormSection
      id="queues"
      title={t('settings.sections.queues')}
      hint={t('settings.hints.queues')}
      paths={['queue.queues', 'queue.noShowRequeueLimit', 'queue.wait']}
      config={config}
    >
      {() => (
        <>
          <Form.List name={['queue', 'queues']}>
            {(fields, { add, remove }) => (
              <div style={{ maxWidth: 1100 }}>
                <Row gutter={8} style={{ fontWeight: 600, marginBottom: 8 }}>
                  <Col span={4}>{t('settings.field.queueKey')}</Col>
                  <Col span={3}>{t('settings.field.prefix')}</Col>
                  <Col span={4}>{t('settings.field.channel')}</Col>
                  <Col span={4}>{t('settings.field.queueZh')}</Col>
                  <Col span={4}>{t('settings.field.queueEn')}</Col>
                  <Col span={3}>{t('settings.field.serviceMinutes')}</Col>
                </Row>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} data-testid={`queue-row-${f.name}`}>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'key']}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'prefix']}>
                        <Input maxLength={2} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'channel']}>
                        <Select
                          options={CHANNELS.map((c) => ({
                            value: c,
                            label: config.triage.channels.find((x) => x.key === c)?.[en ? 'en' : 'zh'] ?? c,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'zh']}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'en']}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'defaultServiceMinutes']}>
                        <InputNumber {...num} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button danger type="text" onClick={() => remove(f.name)}>
                        {t('settings.remove')}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button
                  onClick={() =>
                    add({ key: '', prefix: '', channel: 'counter', zh: '', en: '', defaultServiceMinutes: 8 })
                  }
                >
                  {t('settings.addQueue')}
                </Button>
              </div>
            )}
          </Form.List>
          <Row gutter={16} style={{ maxWidth: 1100, marginTop: 24 }}>
            <Col span={6}>
              <Form.Item
                name={['queue', 'noShowRequeueLimit']}
                label={t('settings.field.noShowRequeueLimit')}
              >
                <InputNumber {...num} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['queue', 'wait', 'recentWindow']} label={t('settings.field.waitWindow')}>
                <InputNumber {...num} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['queue', 'wait', 'minSamples']} label={t('settings.field.waitMinSamples')}>
                <InputNumber {...num} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['queue', 'wait', 'method']} label={t('settings.field.waitMethod')}>
                <Select
                  options={[
                    { value: 'median', label: t('settings.field.median') },
                    { value: 'trimmed_mean', label: t('settings.field.trimmedMean') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['queue', 'wait', 'trimFraction']} label={t('settings.field.trimFraction')}>
                <InputNumber {...num} step={0.05} />
              </Form.Item>
            </Col>
          </Row>
          {/* The wait estimate's prior and floor (shared/queue/wait.ts). */}
          <Row gutter={16} style={{ maxWidth: 1100 }}>
            <Col span={6}>
              <Form.Item name={['queue', 'wait', 'priorWeight']} label={t('settings.field.priorWeight')}>
                <InputNumber {...num} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['queue', 'wait', 'floorFraction']} label={t('settings.field.floorFraction')}>
                <InputNumber {...num} step={0.05} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['queue', 'wait', 'residualShare']} label={t('settings.field.residualShare')}>
                <InputNumber {...num} step={0.05} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </FormSection>
  );
}

export function AgingSection({ config }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="aging"
      title={t('settings.sections.aging')}
      hint={t('settings.hints.aging')}
      paths={['queue.aging']}
      config={config}
    >
      {() => (
        <Space size="large" align="start" wrap>
          <Form.Item
            name={['queue', 'aging', 'promoteAfterMinutes']}
            label={t('settings.field.promoteAfterMinutes')}
          >
            <InputNumber style={{ width: 220 }} />
          </Form.Item>
        </Space>
      )}
    </FormSection>
  );
}
