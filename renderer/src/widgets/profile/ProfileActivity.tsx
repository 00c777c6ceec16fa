import { Alert, App, Card, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useActivity, useCloseFollowUp } from '../../api/visit';
import { ComplaintRows } from './ComplaintRows';
import { FollowUpRows } from './FollowUpRows';
import { OutcomeRows } from './OutcomeRows';
import { VisitRows } from './VisitRows';

/** Open follow-ups and complaints, the last visits and suggestion outcomes. */
export function ProfileActivity({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const activity = useActivity(customerId);
  const close = useCloseFollowUp();
  const a = activity.data;
  const openComplaints = a?.complaints.filter((c) => c.status !== 'resolved').length ?? 0;
  return (
    <Card size="small" className="profile-activity" data-testid="customer-activity">
      {activity.error ? (
        <Alert type="warning" showIcon title={messageOf(activity.error, i18n.language)} />
      ) : !a ? (
        <Spin />
      ) : (
        <Tabs
          size="small"
          tabBarGutter={20}
          items={[
            {
              key: 'followUps',
              label: t('profile.tabs.followUps', { count: a.followUps.length }),
              children: (
                <FollowUpRows
                  rows={a.followUps}
                  busy={close.isPending}
                  onDone={(f) =>
                    close.mutate(
                      { id: f.id, customerId, status: 'done' },
                      { onError: (e) => void message.error(messageOf(e, i18n.language)) },
                    )
                  }
                />
              ),
            },
            {
              key: 'complaints',
              label: t('profile.tabs.complaints', { count: openComplaints }),
              children: <ComplaintRows rows={a.complaints} />,
            },
            { key: 'visits', label: t('profile.tabs.visits'), children: <VisitRows rows={a.visits} /> },
            {
              key: 'outcomes',
              label: t('profile.tabs.outcomes'),
              children: <OutcomeRows rows={a.outcomes} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
