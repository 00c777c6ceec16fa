import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CORPORATE_GRADES, CUSTOMER_KINDS, SEGMENTS } from '@shared/customer/enums';
import { TRIAGE_FLAGS, type TriageRule } from '@shared/triage/config';
import { RULE_VOCAB, ruleSentence, type Lang, type RuleNames } from '@shared/triage/rule-text';
import { FormSection } from './FormSection';

const PATH = ['triage', 'rules'] as const;
/** A cleared multi-select is "no condition", not an empty list (the schema wants at least one member). */
const noEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);
/** Tri-state selects: "any" stands for an absent condition. */
const ANY = '__any';
const anyIn = (v: unknown) => ({ value: v === undefined ? ANY : v });
const anyOut = (v: unknown) => (v === ANY ? undefined : v);
const flagOut = (e: { target: { checked: boolean } }) => (e.target.checked ? true : undefined);

interface Props {
  config: RulesConfig;
}

/**
 * 分流规则 as readable rows: each rule reads as a sentence ("当 客户层级 ∈ {高端客户, 私行客户} 且 业务 ∈ {理财咨询} →
 * 优先 贵宾室…"), with on/off, move up/down, edit and remove; a new rule is added at the end.
 */
export function RulesSection({ config }: Props) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="rules"
      title={t('settings.sections.rules')}
      hint={t('settings.rules.hint')}
      paths={['triage.rules']}
      config={config}
    >
      {(form) => <RuleList form={form} config={config} />}
    </FormSection>
  );
}

function RuleList({ form, config }: { form: FormInstance; config: RulesConfig }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const names: RuleNames = { tiers: config.customer.tiers, triage: config.triage };
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Form.List name={[...PATH]}>
      {(fields, { add, remove, move }) => (
        <div style={{ maxWidth: 1200 }} data-testid="rule-list">
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              data-testid={`rule-row-${i}`}
              styles={{ body: { padding: '8px 12px' } }}
            >
              <Row gutter={8} align="middle" wrap={false}>
                <Col flex="36px">
                  <Typography.Text type="secondary">{i + 1}</Typography.Text>
                </Col>
                <Col flex="56px">
                  <Form.Item name={[f.name, 'enabled']} valuePropName="checked" noStyle>
                    <Switch size="small" data-testid={`rule-enabled-${i}`} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const r = form.getFieldValue([...PATH, f.name]) as TriageRule | undefined;
                      if (!r) return null;
                      return (
                        <Typography.Text
                          type={r.enabled === false ? 'secondary' : undefined}
                          delete={r.enabled === false}
                          data-testid={`rule-text-${i}`}
                        >
                          {ruleSentence(
                            { ...r, reason: { zh: r.reason?.zh ?? '', en: r.reason?.en ?? '' } },
                            names,
                            lang,
                          )}
                        </Typography.Text>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Space size={2}>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="up">
                      ↑
                    </Button>
                    <Button
                      size="small"
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label="down"
                      data-testid={`rule-down-${i}`}
                    >
                      ↓
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setOpen(open === i ? null : i)}
                      data-testid={`rule-edit-${i}`}
                    >
                      {open === i ? t('settings.rules.close') : t('settings.rules.edit')}
                    </Button>
                    <Button size="small" danger type="text" onClick={() => remove(f.name)}>
                      {t('settings.remove')}
                    </Button>
                  </Space>
                </Col>
              </Row>
              {open === i && <RuleEditor name={f.name} config={config} lang={lang} />}
            </Card>
          ))}
          <Button
            data-testid="rule-add"
            onClick={() => {
              add({
                id: `rule-${fields.length + 1}`,
                enabled: true,
                conditions: {},
                effect: {},
                reason: { zh: '', en: '' },
              });
              setOpen(fields.length);
            }}
          >
            {t('settings.rules.add')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            <Tag>{t('settings.rules.orderTag')}</Tag>
            {t('settings.rules.order')}
          </Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}

function RuleEditor({ name, config, lang }: { name: number; config: RulesConfig; lang: Lang }) {
  const { t } = useTranslation();
  const words = (w: Record<string, { zh: string; en: string }>, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: w[k]?.[lang] ?? k }));
  const tiers = config.customer.tiers.map((b) => ({ value: b.key, label: b[lang] }));
  const intents = config.triage.intents.map((x) => ({ value: x.key, label: x[lang] }));
  const channels = config.triage.channels.map((c) => ({ value: c.key, label: c[lang] }));
  const priorities = config.triage.priorities.map((p) => ({ value: p.level, label: p[lang] }));
  const any = { value: ANY, label: t('settings.rules.any') };
  const multi = (field: string, label: string, options: { value: string; label: string }[]) => (
    <Col span={8}>
      <Form.Item name={[name, 'conditions', field]} label={label} normalize={noEmpty}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={options}
          data-testid={`cond-${field}`}
        />
      </Form.Item>
    </Col>
  );
  const cw = (k: string) => t(`settings.rules.c.${k}`);
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 8 }} data-testid="rule-editor">
      <Typography.Text strong>{t('settings.rules.when')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 4 }}>
        <Col span={8}>
          <Form.Item
            name={[name, 'conditions', 'customer']}
            label={cw('customer')}
            getValueProps={anyIn}
            normalize={anyOut}
          >
            <Select
              options={[
                any,
                { value: 'known', label: t('settings.rules.known') },
                { value: 'anonymous', label: t('settings.rules.anonymous') },
              ]}
            />
          </Form.Item>
        </Col>
        {multi('kinds', cw('kinds'), words(RULE_VOCAB.kinds, CUSTOMER_KINDS))}
        {multi('notKinds', cw('notKinds'), words(RULE_VOCAB.kinds, CUSTOMER_KINDS))}
        {multi('tiers', cw('tiers'), tiers)}
        {multi('notTiers', cw('notTiers'), tiers)}
        {multi('intents', cw('intents'), intents)}
        {multi('segments', cw('segments'), words(RULE_VOCAB.segments, SEGMENTS))}
        {multi('corporateGrades', cw('corporateGrades'), words(RULE_VOCAB.grades, CORPORATE_GRADES))}
        {multi('flags', cw('flags'), words(RULE_VOCAB.flags, TRIAGE_FLAGS))}
        {multi('notFlags', cw('notFlags'), words(RULE_VOCAB.flags, TRIAGE_FLAGS))}
        {(['allSelfServiceable', 'anyCorporateOnly'] as const).map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={[name, 'conditions', k]} label={cw(k)} getValueProps={anyIn} normalize={anyOut}>
              <Select
                options={[
                  any,
                  { value: true, label: t('settings.rules.yes') },
                  { value: false, label: t('settings.rules.no') },
                ]}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong>{t('settings.rules.then')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 4 }}>
        <Col span={8}>
          <Form.Item
            name={[name, 'effect', 'prefer']}
            label={cw('prefer')}
            getValueProps={anyIn}
            normalize={anyOut}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={[{ value: ANY, label: t('settings.rules.none') }, ...channels]}
              data-testid="effect-prefer"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={[name, 'effect', 'priority']}
            label={cw('priority')}
            getValueProps={anyIn}
            normalize={anyOut}
          >
            <Select
              options={[{ value: ANY, label: t('settings.rules.none') }, ...priorities]}
              data-testid="effect-priority"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={[name, 'effect', 'forbid']} label={cw('forbid')} normalize={noEmpty}>
            <Select mode="multiple" allowClear optionFilterProp="label" options={channels} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Space size="large">
            {(['care', 'review', 'stop'] as const).map((k) => (
              <Form.Item
                key={k}
                name={[name, 'effect', k]}
                valuePropName="checked"
                getValueFromEvent={flagOut}
                noStyle
              >
                <Checkbox>{cw(k)}</Checkbox>
              </Form.Item>
            ))}
          </Space>
        </Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={6}>
          <Form.Item name={[name, 'id']} label={cw('id')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name={[name, 'reason', 'zh']} label={cw('reasonZh')}>
            <Input maxLength={200} data-testid="reason-zh" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name={[name, 'reason', 'en']} label={cw('reasonEn')}>
            <Input maxLength={200} data-testid="reason-en" />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
