import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../auth';
import { SessionLock } from '../lock/SessionLock';

export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  // The lock sits beside the screen, not around it: locking and unlocking never remount the screen.
  if (me.isPending)
    return (
      <>
        <Spin style={{ margin: 64 }} />
        <SessionLock />
      </>
    );
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <>
      {children}
      <SessionLock />
    </>
  );
}
