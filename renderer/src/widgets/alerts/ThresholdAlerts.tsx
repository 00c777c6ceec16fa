import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import type { AlertList } from '@shared/api/dashboard';
import type { LiveMessage } from '@shared/api/queue';
import { routes } from '@shared/api/routes';
import { call } from '../../api/client';
import { useBilingual } from '../../lib/bilingual';
import { useLiveQueue } from '../../live/useLiveQueue';

const KEY = ['threshold-alerts'] as const;

/**
 * The branch's threshold alerts (wait, service, idle with queue, queue length) on the lobby manager's screen:
 * read once, then replaced by every `alerts` message the live feed pushes.
 */
export function ThresholdAlerts() {
  const qc = useQueryClient();
  const bi = useBilingual();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => call(routes.dashboard.alerts),
    refetchInterval: 60_000,
  });
  useLiveQueue('queues', (m: LiveMessage) => {
    if (m.type === 'alerts') qc.setQueryData<AlertList>(KEY, { at: m.at, alerts: m.alerts });
    // A push sent before the feed (re)connected was missed: read them again once it is up.
    else if (m.type === 'hello') void qc.invalidateQueries({ queryKey: KEY });
  });
  const alerts = q.data?.alerts ?? [];
  if (alerts.length === 0) return null;
  return (
    // A whole row of the lobby's two-column grid, above the work, like the feedback alerts.
    <Space
      orientation="vertical"
      style={{ width: '100%', marginBottom: 8, gridColumn: '1 / -1' }}
      data-testid="threshold-alerts"
    >
      {alerts.map((a) => (
        <Alert key={a.key} type="warning" showIcon title={bi(a.text)} banner />
      ))}
    </Space>
  );
}
