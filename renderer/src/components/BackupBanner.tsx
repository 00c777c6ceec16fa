import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BackupAlert } from '@shared/backup/schedule';
import './backup-banner-text';
import { localeOf } from '../i18n/locale';

/**
 * For the manager and the admin, on every screen: the last database copy failed, or the newest is days old (a hub
 * that breaks or is lost is only as recoverable as its newest copy, and nobody opens the backups screen to check), or
 * a restore waits for the next start (whoever restarts the PC should know the database will be replaced).
 */
export function BackupBanner({ alert }: { alert: BackupAlert }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const when = (ms: number) => new Date(ms).toLocaleString(localeOf(i18n.language));
  const words =
    alert.kind === 'failed'
      ? {
          title: t('backupAlert.failed'),
          body: t('backupAlert.failedBody', { at: when(alert.at), message: alert.message }),
        }
      : alert.kind === 'stale'
        ? {
            title: t('backupAlert.stale', { days: alert.days }),
            body: t('backupAlert.staleBody', { day: alert.newestDay }),
          }
        : {
            title: t('backupAlert.restore', { name: alert.name }),
            body: t('backupAlert.restoreBody', { at: when(alert.requestedAt) }),
          };
  return (
    <Alert
      type={alert.kind === 'failed' ? 'error' : 'warning'}
      banner
      showIcon
      data-testid="backup-banner"
      style={{ marginBottom: 12 }}
      title={words.title}
      description={words.body}
      action={
        <Button size="small" onClick={() => void navigate('/backups')}>
          {t('backupAlert.open')}
        </Button>
      }
    />
  );
}
