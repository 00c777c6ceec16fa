import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Said before the teller tries to finish: this branch wants a suggestion outcome first. */
export function OutcomeRequiredNote() {
  const { t } = useTranslation();
  return (
    <Alert type="warning" showIcon data-testid="outcome-required" title={t('counter.outcomeRequired')} />
  );
}
