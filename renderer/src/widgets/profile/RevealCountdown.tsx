import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/useNow';

/** "14 秒后隐藏": mounted only while a value is revealed, so masked fields do not tick. */
export function RevealCountdown({ until }: { until: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (now === null) return null;
  return (
    <Typography.Text type="secondary">
      {t('profile.revealCountdown', { count: Math.max(0, Math.ceil((until - now) / 1000)) })}
    </Typography.Text>
  );
}
