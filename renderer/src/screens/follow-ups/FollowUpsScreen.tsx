import { Alert, App, Button, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FollowUpView } from '@shared/api/visit';
import { messageOf } from '../../api/client';
import { useCloseFollowUp, useFollowUps, type FollowUpStatus } from '../../api/visit';
import { useMe } from '../../auth';
import { DueTag } from '../../components/DueTag';
import { useHotkeys } from '../../hooks/useHotkeys';
import { useNow } from '../../hooks/useNow';
import { mayReveal } from '@shared/customer/pii-view';
import { DialogScope, useDialogScope } from '../../widgets/profile/dialogScope';
import { useFollowUpSubject } from '../../widgets/profile/FollowUpRows';
import { MaskedValue } from '../../widgets/profile/MaskedValue';
import { ProspectList } from '../../widgets/prospects/ProspectList';
import { DoneDialog } from './DoneDialog';
import './text';
import '../../widgets/profile/profile.css';
import '../../widgets/work-list.css';

const STATUSES: FollowUpStatus[] = ['open', 'done', 'all'];
const SEE_ALL = new Set(['manager', 'admin']);

/** 定期回访: my follow-ups by due date, overdue first in red; a manager sees everyone's. ↑↓ Enter D. */
export default function FollowUpsScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canSeeAll = SEE_ALL.has(me.data?.role ?? '');
  const [all, setAll] = useState<boolean | null>(null);
  const everyone = all ?? canSeeAll;
  const [status, setStatus] = useState<FollowUpStatus>('open');
  const list = useFollowUps({ all: everyone, status });
  const close = useCloseFollowUp();
  const now = useNow(60_000);
  const subject = useFollowUpSubject();
  const [selected, setSelected] = useState(0);
  const [closing, setClosing] = useState<FollowUpView | null>(null);
  const rows = list.data ?? [];
  const current = rows[Math.min(selected, rows.length - 1)];
  const overdue = rows.filter((f) => f.overdue).length;
  // A reveal dialog has the keyboard: Enter there gives the reason, it does not open the row.
  const dialogs = useDialogScope();
  const canReveal = mayReveal(me.data?.role);

  const open = (f: FollowUpView) => void navigate(`/customers/${encodeURIComponent(f.customerId)}`);
  useHotkeys(
    {
      ArrowDown: () => setSelected((i) => Math.min(i + 1, rows.length - 1)),
      ArrowUp: () => setSelected((i) => Math.max(i - 1, 0)),
      Enter: () => current && open(current),
      d: () => current?.status === 'open' && setClosing(current),
      D: () => current?.status === 'open' && setClosing(current),
    },
    closing === null && !dialogs.anyOpen,
  );

  const columns: ColumnsType<FollowUpView> = [
    {
      key: 'due',
      title: t('followUps.due'),
      width: 210,
      render: (_, f) => (now === null ? null : <DueTag at={f.dueAt} now={now} done={f.status !== 'open'} />),
    },
    {
      key: 'customer',
      title: t('followUps.customer'),
      render: (_, f) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => open(f)}>
          <strong>{f.customerName}</strong>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {f.customerNo}
          </Typography.Text>
        </Button>
      ),
    },
    {
      key: 'phone',
      title: t('followUpsContact.phone'),
      width: 190,
      render: (_, f) => (
        <MaskedValue
          key={f.customerId}
          customerId={f.customerId}
          field="phone"
          label={`${f.customerName} ${t('followUpsContact.phone')}`}
          masked={f.phoneMasked}
          canReveal={canReveal}
        />
      ),
    },
    { key: 'item', title: t('followUps.item'), render: (_, f) => subject(f) },
    ...(everyone ? [{ key: 'assignee', title: t('followUps.assignee'), dataIndex: 'assigneeName' }] : []),
    { key: 'note', title: t('followUps.note'), dataIndex: 'note', ellipsis: true },
    {
      key: 'actions',
      title: t('followUps.actions'),
      width: 200,
      render: (_, f) =>
        f.status === 'open' ? (
          <Button size="small" onClick={() => setClosing(f)} data-testid="follow-up-done">
            {t('followUps.done')}
            {f.id === current?.id && <kbd className="key">D</kbd>}
          </Button>
        ) : (
          t(`followUps.status.${f.status}`)
        ),
    },
  ];

  return (
    <div className="follow-ups" data-testid="follow-ups">
      <div className="follow-ups__bar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('followUps.title')}
        </Typography.Title>
        {canSeeAll && (
          <Segmented
            value={everyone ? 'all' : 'mine'}
            onChange={(v) => setAll(v === 'all')}
            options={[
              { value: 'mine', label: t('followUps.mine') },
              { value: 'all', label: t('followUps.all') },
            ]}
          />
        )}
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as FollowUpStatus)}
          options={STATUSES.map((s) => ({ value: s, label: t(`followUps.status.${s}`) }))}
          data-testid="follow-up-status"
        />
        <Space className="follow-ups__count">
          {status === 'open' && (
            <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>
              {t('followUps.openCount', { count: rows.length, overdue })}
            </Typography.Text>
          )}
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={messageOf(list.error, i18n.language)} />}
      <DialogScope.Provider value={dialogs.report}>
        <Table
          size="middle"
          rowKey="id"
          loading={list.isLoading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('followUps.empty') }}
          data-testid="follow-ups-table"
          rowClassName={(f, i) =>
            [i === selected && 'follow-ups__row--selected', f.overdue && 'follow-ups__row--overdue']
              .filter(Boolean)
              .join(' ')
          }
          onRow={(_, i) => ({ onClick: () => setSelected(i ?? 0) })}
        />
      </DialogScope.Provider>
      <Typography.Text type="secondary">{t('followUps.keys')}</Typography.Text>
      <ProspectList everyone={everyone} />
      {closing && (
        <DoneDialog
          name={closing.customerName}
          busy={close.isPending}
          onCancel={() => setClosing(null)}
          onConfirm={(note) =>
            close.mutate(
              { id: closing.id, customerId: closing.customerId, status: 'done', ...(note ? { note } : {}) },
              {
                onSuccess: () => setClosing(null),
                onError: (e) => void message.error(messageOf(e, i18n.language)),
              },
            )
          }
        />
      )}
    </div>
  );
}
