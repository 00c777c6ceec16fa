import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProspectView } from '@shared/prospect/api';
import { mayReveal } from '@shared/customer/pii-view';
import { messageOf } from '../../api/client';
import { useConsentTexts } from '../../api/consent';
import { openConsentSlip, useCloseProspect, useProspects, useWithdrawProspect } from '../../api/prospects';
import { useIntents } from '../../api/queue';
import { useMe } from '../../auth';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../hooks/useNow';
import { formatDate } from '../../lib/branchTime';
import { MaskedValue } from '../profile/MaskedValue';
import './text';
import './prospects.css';

const RM_ROLES = new Set(['rm', 'manager', 'admin']);
const SEES_ALL = new Set(['manager', 'admin']);

/**
 * 潜在客户跟进 (Step 15): the walk-ins who left a name and phone with consent, for the RM to call back — theirs and
 * the unassigned (a manager: everyone's). The phone is masked; 显示 asks a reason and is audited.
 */
export function ProspectList({ everyone }: { everyone: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const myRole = useMe().data?.role;
  const role = myRole ?? '';
  const canReveal = mayReveal(myRole);
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useProspects({ all: everyone && SEES_ALL.has(role), status, enabled: RM_ROLES.has(role) });
  const close = useCloseProspect();
  const withdraw = useWithdrawProspect();
  const texts = useConsentTexts().data;
  const intents = useIntents().data?.intents ?? [];
  const now = useNow(60_000);
  if (!RM_ROLES.has(role)) return null;
  const rows = list.data?.prospects ?? [];
  const intentLabel = (k: string | null) => {
    const x = intents.find((i) => i.key === k);
    return x ? `${i18n.language.startsWith('zh') ? x.zh : x.en} · ` : '';
  };
  const fail = (e: unknown) => void message.error(messageOf(e, i18n.language));

  const columns: ColumnsType<ProspectView> = [
    {
      key: 'due',
      title: t('prospects.due'),
      width: 170,
      render: (_, p) => (now === null ? null : <DueTag at={p.dueAt} now={now} done={p.status !== 'open'} />),
    },
    {
      key: 'person',
      title: t('prospects.person'),
      width: 260,
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <strong data-testid="prospect-row-name">{p.name}</strong>
          <Typography.Text type="secondary">
            {intentLabel(p.intent)}
            {t('prospects.created')} {formatDate(p.createdAt)}
            {p.createdByName ? ` · ${p.createdByName}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'phone',
      title: t('prospects.phone'),
      width: 190,
      render: (_, p) => (
        <MaskedValue
          key={p.id}
          customerId={p.id}
          prospect
          field="phone"
          label={`${p.name} ${t('prospects.revealLabel')}`}
          masked={p.phoneMasked}
          canReveal={canReveal}
        />
      ),
    },
    ...(everyone
      ? [
          {
            key: 'assignee',
            title: t('prospects.assignee'),
            render: (_: unknown, p: ProspectView) => p.assigneeName ?? t('prospects.unassigned'),
          },
        ]
      : []),
    { key: 'note', title: t('followUps.note'), dataIndex: 'note', width: 180, ellipsis: true },
    {
      key: 'status',
      title: t('followUps.actions'),
      width: 300,
      render: (_, p) => (
        <Space wrap size={4}>
          {p.status === 'open' ? (
            <>
              <Button
                size="small"
                type="primary"
                data-testid="prospect-contacted"
                onClick={() => close.mutate({ id: p.id, status: 'contacted' }, { onError: fail })}
              >
                {t('prospects.contacted')}
              </Button>
              <Button
                size="small"
                onClick={() => close.mutate({ id: p.id, status: 'closed' }, { onError: fail })}
              >
                {t('prospects.close')}
              </Button>
            </>
          ) : (
            <Tag data-testid="prospect-status">{t(`prospects.status.${p.status}`)}</Tag>
          )}
          {p.customer && (
            <Button
              size="small"
              type="link"
              onClick={() => void navigate(`/customers/${encodeURIComponent(p.customer?.id ?? '')}`)}
            >
              {t('prospects.customerLink', { no: p.customer.customerNo })}
            </Button>
          )}
          {p.consent && (
            <Button
              size="small"
              type="link"
              onClick={() => p.consent && openConsentSlip({ eventId: p.consent.eventId })}
            >
              {t('prospects.slip')}
            </Button>
          )}
          {p.status !== 'withdrawn' && texts && (
            <Popconfirm
              title={t('prospects.withdrawConfirm')}
              onConfirm={() =>
                withdraw.mutate(
                  { id: p.id, textVersion: texts.version },
                  { onSuccess: () => void message.success(t('prospects.withdrawn')), onError: fail },
                )
              }
            >
              <Button size="small" type="link" danger>
                {t('prospects.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <section className="prospect-list" data-testid="prospect-list">
      <div className="prospect-list__bar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('prospects.listTitle')}
        </Typography.Title>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'all')}
          options={[
            { value: 'open', label: t('prospects.status.open') },
            { value: 'all', label: t('followUps.status.all') },
          ]}
        />
      </div>
      {list.error && <Alert type="error" showIcon title={messageOf(list.error, i18n.language)} />}
      <Table
        size="middle"
        rowKey="id"
        loading={list.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('prospects.listEmpty') }}
        rowClassName={(p) => (p.overdue ? 'follow-ups__row--overdue' : '')}
        // A tablet in portrait scrolls the table sideways rather than squeezing a name into one character a line.
        scroll={{ x: 1080 }}
        data-testid="prospect-table"
      />
    </section>
  );
}
