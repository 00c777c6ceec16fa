import { Alert, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useNow } from '../../hooks/useNow';
import { formatDateTime } from '../../lib/branchTime';
import { useCounters, useStaff, type StaffView } from './api';
import { CountersPanel } from '../../widgets/counters/CountersPanel';
import { DisplaysPanel } from './DisplaysPanel';
import { PadsPanel } from '../../widgets/feedback/PadsPanel';
import { TerminalsPanel } from './TerminalsPanel';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffModal } from './StaffModal';
import '../../widgets/counters/staff-text';

const ROLE_COLOR: Record<string, string> = { admin: 'red', manager: 'volcano', rm: 'gold', lobby: 'blue' };

/** 员工与窗口: the branch manager keeps the staff list and the counters. */
export default function StaffScreen() {
  const { t } = useTranslation();
  return (
    <div data-testid="staff-screen">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('staff.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('staff.subtitle')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'staff', label: t('staff.tabs.staff'), children: <StaffList /> },
          { key: 'counters', label: t('staff.tabs.counters'), children: <CountersPanel /> },
          { key: 'displays', label: t('staff.tabs.displays'), children: <DisplaysPanel /> },
          { key: 'pads', label: t('feedback.pads.tab'), children: <PadsPanel /> },
          { key: 'terminals', label: t('terminals.tab'), children: <TerminalsPanel /> },
        ]}
      />
    </div>
  );
}

function StaffList() {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const counters = useCounters();
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffView | null>(null);
  const counterName = (id: string | null) => {
    if (!id) return '';
    const c = counters.data?.find((x) => x.id === id);
    return c ? `${c.number} · ${c.name}` : id;
  };
  const now = useNow(30_000);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')} data-testid="staff-add">
        {t('staff.add')}
      </Button>
      {staff.error && <Alert type="error" showIcon title={messageOf(staff.error, i18n.language)} />}
      <Table<StaffView>
        rowKey="id"
        size="middle"
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="staff-table"
        onRow={(s) => ({ 'data-testid': `staff-row-${s.username}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('staff.username'), dataIndex: 'username' },
          { title: t('staff.displayName'), dataIndex: 'displayName' },
          {
            title: t('staff.role'),
            dataIndex: 'role',
            render: (r: string) => <Tag color={ROLE_COLOR[r]}>{t(`role.${r}`)}</Tag>,
          },
          {
            title: t('staff.counter'),
            dataIndex: 'counterId',
            render: (id: string | null) => counterName(id),
          },
          {
            title: t('staff.active'),
            render: (_: unknown, s) => (
              <Space size={4}>
                {s.active ? <Tag color="green">{t('staff.enabled')}</Tag> : <Tag>{t('staff.disabled')}</Tag>}
                {now !== null && s.lockedUntil !== null && s.lockedUntil > now && (
                  <Tag color="red">{t('staff.lockedUntil', { time: formatDateTime(s.lockedUntil) })}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 200,
            render: (_: unknown, s) => (
              <Space>
                <Button size="small" onClick={() => setEditing(s)} data-testid={`staff-edit-${s.username}`}>
                  {t('staff.edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setResetting(s)}
                  data-testid={`staff-reset-${s.username}`}
                >
                  {t('staff.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <StaffModal staff={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />}
    </Space>
  );
}
