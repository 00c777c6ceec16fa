import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ComplaintView } from '@shared/api/visit';
import { messageOf } from '../../api/client';
import { useComplaints, useUpdateComplaint } from '../../api/visit';
import { useMe } from '../../auth';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../hooks/useNow';
import { formatDateTime } from '../../lib/branchTime';
import { ComplaintDialog } from '../../widgets/profile/ComplaintDialog';
import { HandleDialog } from './HandleDialog';
import { FeedbackFiguresTable } from '../../widgets/feedback/FeedbackFiguresTable';
import { useCategoryLabel } from '../../widgets/profile/useCategoryLabel';
import '../../widgets/work-list.css';

/** Who may work on complaints (the server's rule for PATCH /api/complaints/:id). */
const HANDLERS = new Set(['lobby', 'manager', 'admin']);
/** Who sees the satisfaction figures (GET /api/feedback/figures). */
const FIGURES = new Set(['manager', 'admin']);

/** 客户投诉: open complaints by deadline (overdue in red), resolution entry, walk-in complaints. */
export default function ComplaintsScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canHandle = HANDLERS.has(me.data?.role ?? '');
  const list = useComplaints();
  const update = useUpdateComplaint();
  const category = useCategoryLabel();
  const now = useNow(60_000);
  const [handling, setHandling] = useState<ComplaintView | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<ComplaintView> = [
    {
      key: 'deadline',
      title: t('complaints.deadline'),
      width: 210,
      render: (_, c) =>
        now === null ? null : <DueTag at={c.deadlineAt} now={now} done={c.status === 'resolved'} />,
    },
    { key: 'category', title: t('complaints.category'), width: 160, render: (_, c) => category(c.category) },
    {
      key: 'customer',
      title: t('complaints.customer'),
      width: 140,
      render: (_, c) =>
        c.customerId ? (
          <Button
            type="link"
            style={{ padding: 0 }}
            onClick={() => void navigate(`/customers/${encodeURIComponent(c.customerId ?? '')}`)}
          >
            {c.customerName}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('complaints.anonymous')}</Typography.Text>
        ),
    },
    {
      key: 'description',
      title: t('complaints.description'),
      render: (_, c) => (
        <>
          {c.displayNo && <Tag>{c.displayNo}</Tag>}
          {c.description}
        </>
      ),
    },
    {
      key: 'status',
      title: t('complaints.statusTitle'),
      width: 100,
      render: (_, c) => (
        <Tag color={c.status === 'in_progress' ? 'blue' : 'gold'}>{t(`complaints.status.${c.status}`)}</Tag>
      ),
    },
    {
      key: 'created',
      title: t('complaints.createdBy'),
      width: 170,
      render: (_, c) => (
        <>
          <div>{c.createdByName ?? '—'}</div>
          <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
        </>
      ),
    },
    ...(canHandle
      ? [
          {
            key: 'actions',
            title: '',
            width: 90,
            render: (_: unknown, c: ComplaintView) => (
              <Button size="small" onClick={() => setHandling(c)} data-testid="complaint-handle">
                {t('complaints.handle')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="follow-ups" data-testid="complaints">
      <div className="follow-ups__bar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('complaints.title')}
        </Typography.Title>
        <Button onClick={() => setCreating(true)} data-testid="complaint-new-anonymous">
          {t('complaints.newAnonymous')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={messageOf(list.error, i18n.language)} />}
      <Table
        rowKey="id"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('complaints.empty') }}
        rowClassName={(c) => (c.overdue ? 'follow-ups__row--overdue' : '')}
        data-testid="complaints-table"
      />
      {FIGURES.has(me.data?.role ?? '') && <FeedbackFiguresTable />}
      {handling && (
        <HandleDialog
          complaint={handling}
          busy={update.isPending}
          onCancel={() => setHandling(null)}
          onConfirm={(c) =>
            update.mutate(
              { id: handling.id, customerId: handling.customerId, ...c },
              {
                onSuccess: () => setHandling(null),
                onError: (e) => void message.error(messageOf(e, i18n.language)),
              },
            )
          }
        />
      )}
      {creating && (
        <ComplaintDialog
          customerId={null}
          customerName={null}
          ticketId={null}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
