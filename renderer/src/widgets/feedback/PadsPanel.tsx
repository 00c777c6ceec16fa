import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PadView } from '@shared/api/feedback';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { useCounters } from '../../api/queue';
import { formatDateTime } from '../../lib/branchTime';
import './text';

const KEY = ['feedback-pads'] as const;

/** Satisfaction pads (评价器): one per counter, each opened with its own token, shown once, revocable. */
export function PadsPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => call(routes.feedback.pads) });
  const [adding, setAdding] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => call(routes.feedback.revokePad, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const err = list.error ?? revoke.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('feedback.pads.hint')}
      </Typography.Paragraph>
      <Button type="primary" onClick={() => setAdding(true)} data-testid="pad-add">
        {t('feedback.pads.add')}
      </Button>
      {err && <Alert type="error" showIcon title={messageOf(err, i18n.language)} />}
      <Table<PadView>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="pads-table"
        columns={[
          { title: t('feedback.pads.counter'), dataIndex: 'counterName' },
          { title: t('feedback.pads.name'), dataIndex: 'name' },
          {
            title: t('feedback.pads.lastSeen'),
            dataIndex: 'lastSeenAt',
            render: (ms: number | null) => (ms === null ? t('feedback.pads.never') : formatDateTime(ms)),
          },
          {
            title: '',
            width: 120,
            render: (_: unknown, p) => (
              <Popconfirm
                title={t('feedback.pads.revokeConfirm', { name: p.name })}
                okText={t('feedback.pads.revoke')}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutate(p.id)}
              >
                <Button size="small" danger>
                  {t('feedback.pads.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && <AddPad onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AddPad({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const counters = useCounters();
  const [counterId, setCounterId] = useState<string | undefined>(undefined);
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () =>
      call(routes.feedback.createPad, { body: { counterId: counterId ?? '', name: name.trim() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const url = create.data ? `${window.location.origin}${create.data.path}` : null;
  const ready = !!counterId && !!name.trim();
  return (
    <Modal
      open
      title={t('feedback.pads.add')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        url ? (
          <Button type="primary" onClick={onClose}>
            {t('feedback.pads.done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!ready}
              loading={create.isPending}
              onClick={() => create.mutate()}
              data-testid="pad-create"
            >
              {t('feedback.pads.create')}
            </Button>
          </Space>
        )
      }
    >
      {url ? (
        <>
          <Alert type="warning" showIcon title={t('feedback.pads.once')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable={{ text: url }} code data-testid="pad-url">
            {url}
          </Typography.Paragraph>
        </>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            placeholder={t('feedback.pads.counter')}
            value={counterId}
            onChange={(v: string) => {
              setCounterId(v);
              const c = counters.data?.find((x) => x.id === v);
              if (c && !name.trim())
                setName(`${c.name}${i18n.language.startsWith('zh') ? '评价器' : ' pad'}`);
            }}
            options={(counters.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="pad-counter"
          />
          <Input
            value={name}
            maxLength={40}
            placeholder={t('feedback.pads.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            data-testid="pad-name"
          />
        </Space>
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
