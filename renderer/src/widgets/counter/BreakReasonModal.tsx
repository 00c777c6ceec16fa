import { Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BREAK_REASONS, type BreakReason } from '@shared/metrics/config';
import './break-text';

/** Starting a break asks why (lunch, training, meeting, other): the dashboard shows it and counts shrinkage. */
export function BreakReasonModal({
  open,
  onPick,
  onCancel,
}: {
  open: boolean;
  onPick: (r: BreakReason) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('breakReason.title')} onCancel={onCancel} footer={null} destroyOnHidden>
      <Typography.Paragraph>{t('breakReason.hint')}</Typography.Paragraph>
      <Space wrap>
        {BREAK_REASONS.map((r, i) => (
          <Button
            key={r}
            size="large"
            autoFocus={i === 0}
            onClick={() => onPick(r)}
            data-testid={`break-reason-${r}`}
          >
            {i + 1}. {t(`breakReason.${r}`)}
          </Button>
        ))}
      </Space>
    </Modal>
  );
}
