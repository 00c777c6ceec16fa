import { Alert, Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import './plan-text';
import './plan.css';

/** Tomorrow's counter plan (applied from the staffing what-if), where the manager keeps the counters. */
export function TomorrowPlan() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const info = useIntents();
  const plan = useQuery({
    queryKey: ['staffing', 'tomorrow'],
    queryFn: () => call(routes.staffing.tomorrow),
  });
  const p = plan.data?.plan ?? null;
  const queueKeys = p ? [...new Set(p.intervals.flatMap((iv) => Object.keys(iv.counters)))] : [];
  const label = (k: string) => {
    const q = info.data?.queues.find((x) => x.key === k);
    return q ? bi(q) : k;
  };
  return (
    <Card
      size="small"
      title={t('counterPlan.title', { date: plan.data?.date ?? '' })}
      extra={
        p ? (
          <Typography.Text type="secondary">
            {t('counterPlan.fromVersion', { version: plan.data?.version })}
          </Typography.Text>
        ) : null
      }
      data-testid="tomorrow-plan"
    >
      {plan.error && <Alert type="error" showIcon title={messageOf(plan.error, i18n.language)} />}
      {plan.data && !p && (
        <Typography.Text type="secondary">
          {t('counterPlan.none')} <Link to="/staffing">{t('counterPlan.open')}</Link>
        </Typography.Text>
      )}
      {p && (
        <div style={{ overflowX: 'auto' }}>
          <table className="tomorrow-plan" data-testid="tomorrow-plan-table">
            <thead>
              <tr>
                <th>{t('counterPlan.queue')}</th>
                {p.intervals.map((iv) => (
                  <th key={iv.start}>{iv.start}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {queueKeys.map((k) => (
                <tr key={k}>
                  <th>{label(k)}</th>
                  {p.intervals.map((iv) => (
                    <td key={iv.start}>{iv.counters[k] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
