import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BackupAlert } from '@shared/backup/schedule';
import './backup-banner-text';

/**
 * For the manager and the admin, on every screen: the last database copy failed, or the newest is days old. A hub
 * that breaks or is lost is only as recoverable as its newest copy, and nobody opens the backups screen to check.
 */
export function BackupBanner({ alert }: { alert: BackupAlert }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const failed = alert.kind === 'failed';
  const at = failed
    ? new Date(alert.at).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB')
    : '';
  return (
    <Alert
      type={failed ? 'error' : 'warning'}
      banner
      showIcon
      data-testid="backup-banner"
      style={{ marginBottom: 12 }}
      title={failed ? t('backupAlert.failed') : t('backupAlert.stale', { days: alert.days })}
      description={
        failed
          ? t('backupAlert.failedBody', { at, message: alert.message })
          : t('backupAlert.staleBody', { day: alert.newestDay })
      }
      action={
        <Button size="small" onClick={() => void navigate('/backups')}>
          {t('backupAlert.open')}
        </Button>
      }
    />
  );
}
