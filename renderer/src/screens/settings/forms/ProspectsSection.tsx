import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CONSENT_PURPOSES } from '@shared/customer/consent';
import { FormSection } from '../FormSection';
import { num, useLang } from './common';
import './text-more';

/**
 * 潜在客户回访 (Step 15 walk-in prospects): how many days the RM has to call a walk-in back, and which consent the
 * walk-in reads. Its own section: the consent form's fields keep their places.
 */
export function ProspectsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const purposes = CONSENT_PURPOSES.filter((p) => config.consent.purposes[p] !== undefined).map((p) => ({
    value: p,
    label: config.consent.purposes[p]?.title[lang] ?? p,
  }));
  return (
    <FormSection
      id="prospects"
      title={t('settings.sections.prospects')}
      hint={t('settings.pr.hint')}
      paths={['prospects']}
      config={config}
    >
      {() => (
        <Row gutter={16} style={{ maxWidth: 900 }}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['prospects', 'followUpDays']}
              label={t('settings.pr.followUpDays')}
              extra={t('settings.pr.followUpDaysHint')}
            >
              <InputNumber
                {...num}
                min={0}
                max={30}
                addonAfter={t('settings.f.days')}
                data-testid="prospects-followUpDays"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['prospects', 'purpose']}
              label={t('settings.pr.purpose')}
              extra={t('settings.pr.purposeHint')}
            >
              <Select options={purposes} data-testid="prospects-purpose" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormSection>
  );
}
