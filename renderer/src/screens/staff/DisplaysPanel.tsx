import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import type { DisplayView } from '@shared/api/security';
import { call, messageOf } from '../../api/client';
import { formatDateTime } from '../../lib/branchTime';
import { DisplayAddresses } from './DisplayAddresses';

/** Lobby TVs on the branch LAN: each opens the display with its own read-only token, shown once, revocable. */
export function DisplaysPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['displays'],
    queryFn: () => call(routes.displays.list),
  });
  const [adding, setAdding] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => call(routes.displays.revoke, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['displays'] }),
  });
  const err = list.error ?? revoke.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('displays.hint')}
      </Typography.Paragraph>
      <Button type="primary" onClick={() => setAdding(true)} data-testid="display-add">
        {t('displays.add')}
      </Button>
      {err && <Alert type="error" showIcon title={messageOf(err, i18n.language)} />}
      <Table<DisplayView>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="displays-table"
        columns={[
          { title: t('displays.name'), dataIndex: 'name' },
          {
            title: t('displays.createdAt'),
            dataIndex: 'createdAt',
            render: (ms: number) => formatDateTime(ms),
          },
          {
            title: t('displays.lastSeenAt'),
            dataIndex: 'lastSeenAt',
            render: (ms: number | null) => (ms === null ? t('displays.never') : formatDateTime(ms)),
          },
          {
            title: '',
            width: 120,
            render: (_: unknown, d) => (
              <Popconfirm
                title={t('displays.revokeConfirm', { name: d.name })}
                okText={t('displays.revoke')}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutate(d.id)}
              >
                <Button size="small" danger>
                  {t('displays.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && <AddDisplay onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AddDisplay({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => call(routes.displays.create, { body: { name: name.trim() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['displays'] }),
  });
  const created = create.data ?? null;
  const url = created ? `${window.location.origin}${created.path}` : null;
  return (
    <Modal
      open
      title={t('displays.add')}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      footer={
        url ? (
          <Button type="primary" onClick={onClose}>
            {t('displays.done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!name.trim()}
              loading={create.isPending}
              onClick={() => create.mutate()}
              data-testid="display-create"
            >
              {t('displays.create')}
            </Button>
          </Space>
        )
      }
    >
      {created && url ? (
        <DisplayAddresses here={url} lan={created.lan} lanUrls={created.lanUrls} />
      ) : (
        <Input
          autoFocus
          value={name}
          maxLength={40}
          placeholder={t('displays.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && create.mutate()}
          data-testid="display-name"
        />
      )}
      {create.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={messageOf(create.error, i18n.language)}
        />
      )}
    </Modal>
  );
}
