import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import { call } from '../../api/client';
import { isUnder } from './paths';
import './text-origin';

/**
 * "总行下发 / From head office" or "本行调整 / Local override" on a settings section, from what the head office last
 * sent for the settings the section edits (GET /api/settings/origin); nothing when it never sent any of them.
 */
export function OriginTag({ paths }: { paths: readonly string[] }) {
  const { t } = useTranslation();
  // Under ['settings']: a save or rollback invalidates it with the rules.
  const q = useQuery({ queryKey: ['settings', 'origin'], queryFn: () => call(routes.settings.origin) });
  const mine = (q.data?.settings ?? []).filter((s) =>
    paths.some((p) => isUnder(s.path, p) || isUnder(p, s.path)),
  );
  if (mine.length === 0) return null;
  const override = mine.some((s) => s.origin === 'override');
  const mandatory = mine.some((s) => s.mandatory);
  return (
    <Tooltip title={t('settingsOrigin.help')}>
      <Tag color={override ? 'orange' : 'blue'} data-testid="origin-tag">
        {t(override ? 'settingsOrigin.override' : 'settingsOrigin.headoffice')}
        {!override && mandatory ? t('settingsOrigin.mandatory') : ''}
      </Tag>
    </Tooltip>
  );
}
