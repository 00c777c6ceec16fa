import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/api/types';
import { useMe } from '../auth';

/** A screen for some roles only. The server refuses the data anyway; this says so instead of an empty screen. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data && roles.includes(me.data.role)) return <>{children}</>;
  return <Result status="403" title={t('denied.title')} subTitle={t('denied.body')} data-testid="denied" />;
}
