import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import type { TerminalDeviceView } from '@shared/sync/api';
import { ApiFailure, call, messageOf } from '../../api/client';
import { formatDateTime } from '../../lib/branchTime';
import { ReasonModal } from '../../components/ReasonModal';
import './terminals-text';

const KEY = ['sync-devices'];

/** 柜台终端: the counter PCs enrolled at this hub, and revoking a lost, stolen or retired one. */
export function TerminalsPanel() {
  const { t, i18n } = useTranslation();
  // Read when the tab opens, not polled: the counts scan the hub's journal.
  const list = useQuery({ queryKey: KEY, queryFn: () => call(routes.sync.devices) });
  const [revoking, setRevoking] = useState<TerminalDeviceView | null>(null);
  // On a terminal the route answers not_hub: that is where they are managed, not a failure.
  const elsewhere = list.error instanceof ApiFailure && list.error.code === 'not_hub';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('terminals.hint')}
      </Typography.Paragraph>
      {list.error && (
        <Alert type={elsewhere ? 'info' : 'error'} showIcon title={messageOf(list.error, i18n.language)} />
      )}
      <Table<TerminalDeviceView>
        rowKey="deviceId"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="terminals-table"
        onRow={(d) => ({ 'data-testid': `terminal-row-${d.deviceId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('terminals.name'),
            render: (_: unknown, d) => (
              <Space orientation="vertical" size={0}>
                <span>{d.name}</span>
                {d.name !== d.deviceId && <Typography.Text type="secondary">{d.deviceId}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('terminals.enrolledBy'),
            dataIndex: 'enrolledBy',
            render: (n: string | null) => n ?? '—',
          },
          // On a tablet in portrait the table keeps what a revoke needs: which PC, whose, when last heard of.
          {
            title: t('terminals.enrolledAt'),
            dataIndex: 'enrolledAt',
            responsive: ['lg'],
            render: (ms: number) => formatDateTime(ms),
          },
          {
            title: t('terminals.lastSeenAt'),
            dataIndex: 'lastSeenAt',
            render: (ms: number | null) => (ms === null ? t('terminals.never') : formatDateTime(ms)),
          },
          { title: t('terminals.pushed'), dataIndex: 'pushed', align: 'right', responsive: ['lg'] },
          {
            title: t('terminals.status'),
            render: (_: unknown, d) =>
              d.revokedAt === null ? (
                <Tag color="green">{t('terminals.active')}</Tag>
              ) : (
                <Tag>{t('terminals.revokedAt', { time: formatDateTime(d.revokedAt) })}</Tag>
              ),
          },
          {
            title: '',
            width: 110,
            render: (_: unknown, d) =>
              d.revokedAt === null && (
                <Button
                  size="small"
                  danger
                  onClick={() => setRevoking(d)}
                  data-testid={`terminal-revoke-${d.deviceId}`}
                >
                  {t('terminals.revoke')}
                </Button>
              ),
          },
        ]}
      />
      {revoking && <RevokeDialog device={revoking} onClose={() => setRevoking(null)} />}
    </Space>
  );
}

/** 停用…: what revoking means, and the reason, which goes to the audit trail. */
function RevokeDialog({ device, onClose }: { device: TerminalDeviceView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: (reason: string) =>
      call(routes.sync.revokeDevice, { params: { id: device.deviceId }, body: { reason } }),
    onSuccess: (d) => {
      void message.success(t('terminals.revoked', { name: d.name }));
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
  });
  return (
    <ReasonModal
      title={t('terminals.revokeTitle', { name: device.name })}
      means={t('terminals.revokeMeans')}
      okText={t('terminals.revokeOk')}
      cancelText={t('terminals.cancel')}
      placeholder={t('terminals.reason')}
      pending={revoke.isPending}
      error={revoke.error}
      testId="terminal-revoke"
      onOk={(reason) => revoke.mutate(reason)}
      onCancel={onClose}
    />
  );
}
