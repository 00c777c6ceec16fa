import { Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CONSENT_PURPOSES } from '@shared/customer/consent';
import { FormSection } from '../FormSection';
import { cell, ListTable, useLang } from './common';

/**
 * 授权文本: what the customer reads before agreeing, per purpose, with the scopes they may choose. A change of
 * words needs a new text version: every recorded consent names the version the customer read.
 */
export function ConsentSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <FormSection
      id="consent"
      title={t('settings.sections.consent')}
      hint={t('settings.f.consentHint')}
      paths={['consent']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1100 }}>
          <Row>
            <Col span={8}>
              <Form.Item
                name={['consent', 'version']}
                label={t('settings.f.cs.version')}
                extra={t('settings.f.cs.versionHint')}
              >
                <Input maxLength={40} data-testid="consent-version" />
              </Form.Item>
            </Col>
          </Row>
          {CONSENT_PURPOSES.filter((p) => config.consent.purposes[p] !== undefined).map((p) => (
            <Card
              key={p}
              size="small"
              style={{ marginBottom: 12 }}
              title={config.consent.purposes[p]?.title[lang]}
            >
              <Row gutter={16}>
                {(['zh', 'en'] as const).map((l) => (
                  <Col span={12} key={l}>
                    <Form.Item
                      name={['consent', 'purposes', p, 'title', l]}
                      label={t(`settings.f.cs.title_${l}`)}
                    >
                      <Input maxLength={l === 'zh' ? 200 : 300} />
                    </Form.Item>
                    <Form.Item
                      name={['consent', 'purposes', p, 'text', l]}
                      label={t(`settings.f.cs.text_${l}`)}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 3, maxRows: 6 }}
                        maxLength={l === 'zh' ? 200 : 300}
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <ListTable
                name={['consent', 'purposes', p, 'scopes']}
                testId={`consent-scopes-${p}`}
                minRows={1}
                maxRows={10}
                addLabel={t('settings.f.cs.addScope')}
                newItem={() => ({ key: '', label: { zh: '', en: '' } })}
                columns={[
                  {
                    title: t('settings.f.key'),
                    width: 170,
                    render: (f) => (
                      <Form.Item name={[f.name, 'key']} {...cell}>
                        <Input />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('settings.f.cs.scopeZh'),
                    render: (f) => (
                      <Form.Item name={[f.name, 'label', 'zh']} {...cell}>
                        <Input />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('settings.f.cs.scopeEn'),
                    render: (f) => (
                      <Form.Item name={[f.name, 'label', 'en']} {...cell}>
                        <Input />
                      </Form.Item>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </div>
      )}
    </FormSection>
  );
}
