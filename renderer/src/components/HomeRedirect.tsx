import { Navigate } from 'react-router';
import { useMe } from '../auth';
import { homeFor } from './nav';

/** `/`: each role starts on its own screen. */
export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homeFor(me.data?.role)} replace />;
}
