import { Col, Form, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

const num = { style: { width: '100%' } } as const;

/** The hub's daily database copy in 常规 (shared/backup/schedule.ts, shared/backup/space.ts). */
export function BackupFields() {
  const { t } = useTranslation();
  return (
    <>
      <Col span={12}>
        <Form.Item
          name={['branch', 'backupHour']}
          label={t('settings.field.backupHour')}
          extra={t('settings.field.backupHourHint')}
        >
          <InputNumber {...num} min={0} max={23} data-testid="field-backupHour" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={['branch', 'backupEnabled']}
          label={t('settings.field.backupEnabled')}
          valuePropName="checked"
        >
          <Switch data-testid="field-backupEnabled" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={['branch', 'backupKeep']} label={t('settings.field.backupKeep')}>
          <InputNumber {...num} min={1} max={90} data-testid="field-backupKeep" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={['branch', 'backupMinFreeMb']}
          label={t('settings.field.backupMinFreeMb')}
          extra={t('settings.field.backupMinFreeMbHint')}
        >
          <InputNumber {...num} min={0} max={1_000_000} step={512} data-testid="field-backupMinFreeMb" />
        </Form.Item>
      </Col>
    </>
  );
}
