import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HeadOfficeLink } from '@shared/sync/headoffice-link';
import './headoffice-banner-text';
import { localeOf } from '../i18n/locale';

function when(at: number | null, lang: string, never: string): string {
  return at === null ? never : new Date(at).toLocaleString(localeOf(lang));
}

/**
 * For the manager and the admin, on every screen: the hub's link to the head office is failing and changes have
 * waited past the branch's limit, or there is no link and the journal keeps growing (settings → 常规 sets both
 * limits). Nothing is shown while the link works.
 */
export function HeadOfficeBanner({ link }: { link: HeadOfficeLink }) {
  const { t, i18n } = useTranslation();
  if (link.level === 'ok') return null;
  const lang = i18n.language;
  const count = link.pending.toLocaleString(localeOf(lang));
  const never = t('hoLink.never');
  const behind = link.level === 'behind';
  return (
    <Alert
      type={behind ? 'error' : 'warning'}
      banner
      showIcon
      data-testid="headoffice-banner"
      style={{ marginBottom: 12 }}
      title={t(behind ? 'hoLink.behind' : 'hoLink.unconfigured')}
      description={
        behind
          ? t('hoLink.behindBody', {
              count,
              hours: link.waitedHours,
              last: when(link.lastPushAt, lang, never),
              error: link.lastError ?? '',
            })
          : t('hoLink.unconfiguredBody', { count, since: when(link.oldestPendingAt, lang, never) })
      }
    />
  );
}
