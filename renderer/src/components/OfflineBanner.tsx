import { Alert, Button, Progress, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/sync/api';
import { useDismissNotice, useSyncStatus } from '../api/sync';
import { useMe } from '../auth';
import { useNow } from '../hooks/useNow';
import { HeadOfficeBanner } from './HeadOfficeBanner';
import { BackupBanner } from './BackupBanner';
import { localeOf } from '../i18n/locale';

/** How long the "back online, N events went up" line stays. */
const RECONNECT_SHOWN_MS = 60_000;

function time(at: number | null, lang: string): string {
  return at === null ? '—' : new Date(at).toLocaleTimeString(localeOf(lang));
}

function blockRanges(s: SyncStatus): string {
  return s.blocks
    .filter((b) => b.next !== null)
    .map((b) => `${b.prefix}${b.next}–${b.prefix}${b.end}`)
    .join('，');
}

/**
 * 离线模式: on a counter terminal that has lost the branch server, a banner that cannot be missed, saying what
 * still works and how much is waiting to go up; then the reconnect's progress and how many events went up.
 * Merge notices for this counter (e.g. a ticket another counter called first) show on every terminal screen.
 */
export function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const sync = useSyncStatus(!!me.data);
  const dismiss = useDismissNotice();
  const now = useNow(5_000);
  const s = sync.data;
  if (!s) return null;
  const counterId = me.data?.counterId ?? localStorage.getItem('counterId');
  const notices = s.notices.filter((n) => !counterId || !n.counterId || n.counterId === counterId);
  const lang = i18n.language;
  const recent = s.lastReconnect && now !== null && now - s.lastReconnect.at < RECONNECT_SHOWN_MS;

  const seesSystem = me.data?.role === 'manager' || me.data?.role === 'admin';

  return (
    <div data-testid="sync-banners">
      {seesSystem && s.headOffice && <HeadOfficeBanner link={s.headOffice} />}
      {seesSystem && s.backup && <BackupBanner alert={s.backup} />}
      {s.phase === 'offline' && (
        <Alert
          type="error"
          banner
          showIcon
          data-testid="offline-banner"
          title={
            <strong style={{ fontSize: 18 }}>{t(s.notEnrolled ? 'sync.notEnrolled' : 'sync.offline')}</strong>
          }
          description={
            <Space orientation="vertical" size={2}>
              {/* Not a network fault: nothing will sync until someone enrolls the terminal again, so say how. */}
              {s.notEnrolled ? (
                <span data-testid="not-enrolled">{t('sync.notEnrolledBody', { count: s.pending })}</span>
              ) : (
                <span>{t('sync.offlineBody', { since: time(s.offlineSince, lang), count: s.pending })}</span>
              )}
              {s.blocks.length > 0 && <span>{t('sync.numbers', { ranges: blockRanges(s) })}</span>}
            </Space>
          }
        />
      )}
      {s.phase === 'snapshot' &&
        // Cut from the hub before the first download finished: say so, or the desk shows "downloading" for ever.
        (s.online || s.offlineSince === null ? (
          <Alert type="info" banner showIcon data-testid="snapshot-banner" title={t('sync.snapshot')} />
        ) : (
          <Alert
            type="error"
            banner
            showIcon
            data-testid="snapshot-offline-banner"
            title={t('sync.snapshotOffline', { since: time(s.offlineSince, lang) })}
          />
        ))}
      {s.progress && s.phase !== 'offline' && (
        <Alert
          type="info"
          banner
          data-testid="sync-progress"
          title={t('sync.syncing', {
            step: t(`sync.step.${s.progress.step}`),
            done: s.progress.done,
            total: s.progress.total ?? '?',
          })}
          description={
            s.progress.total ? (
              <Progress
                percent={Math.min(100, Math.round((100 * s.progress.done) / s.progress.total))}
                size="small"
              />
            ) : null
          }
        />
      )}
      {s.phase !== 'offline' && recent && s.lastReconnect && (
        <Alert
          type="success"
          banner
          showIcon
          data-testid="reconnected-banner"
          title={t('sync.reconnected', { count: s.lastReconnect.pushed })}
        />
      )}
      {notices.map((n) => (
        <Alert
          key={n.id}
          type="warning"
          banner
          showIcon
          data-testid="sync-notice"
          title={t('sync.notice')}
          description={lang.startsWith('zh') ? n.zh : n.en}
          action={
            <Button size="small" onClick={() => dismiss.mutate(n.id)}>
              {t('sync.dismiss')}
            </Button>
          }
        />
      ))}
    </div>
  );
}

/** For the queue panel: while offline, say what this counter cannot know. */
export function OfflineQueueNote() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const sync = useSyncStatus(!!me.data);
  if (sync.data?.phase !== 'offline') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="queue-offline-note"
      title={t('sync.queueOffline', { at: time(sync.data.lastSyncAt, i18n.language) })}
    />
  );
}
