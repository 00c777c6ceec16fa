import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQueryInput, AuditRowView } from '@shared/api/audit';
import { routes } from '@shared/api/routes';
import { scrubPii } from '@shared/customer/mask';
import { call, messageOf } from '../../api/client';
import { BRANCH_TIME_ZONE, formatDateTime, formatTimeSec, formatDate } from '../../lib/branchTime';
import { useStaff } from '../../api/staff';
import { actionLabel, AUDIT_ACTIONS, AUDIT_PREFIXES } from './actions';
import { detailParts } from './detail';
import { rangeQuery } from './range';
import './text';

const PAGE = 50;
const ACTION_FORMAT = /^[a-z0-9_.]+\*?$/;

interface Filter {
  action: string;
  staffId: string | null;
  targetId: string;
  from: string;
  to: string;
}
const EMPTY: Filter = { action: '', staffId: null, targetId: '', from: '', to: '' };

function query(f: Filter, cursor: string | null): AuditQueryInput | null {
  const range = rangeQuery(f.from, f.to, BRANCH_TIME_ZONE);
  if ('invalid' in range) return null;
  return {
    limit: PAGE,
    action: f.action.trim() || undefined,
    staffId: f.staffId ?? undefined,
    targetId: f.targetId.trim() || undefined,
    from: range.from,
    to: range.to,
    cursor: cursor ?? undefined,
  };
}

/** 审计日志: the branch manager filters the append-only audit trail. Values are masked. */
export default function AuditScreen() {
  const { t, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const staff = useStaff();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  // Cursors of the pages seen so far: [null (first page), cursor of page 2, …].
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const qs = query(applied, cursors[page] ?? null);
  const rows = useQuery({
    queryKey: ['audit', qs],
    queryFn: () => call(routes.audit.list, { query: qs ?? {} }),
    enabled: qs !== null,
    placeholderData: keepPreviousData,
  });
  const badRange = 'invalid' in rangeQuery(draft.from, draft.to, BRANCH_TIME_ZONE);
  const badAction = draft.action.trim() !== '' && !ACTION_FORMAT.test(draft.action.trim());
  const search = () => {
    if (badRange || badAction) return;
    setApplied(draft);
    setCursors([null]);
  };
  const actionOptions = [
    ...Object.entries(AUDIT_PREFIXES).map(([value, l]) => ({
      value,
      label: `${value}  ${zh ? l.zh : l.en}`,
    })),
    ...Object.keys(AUDIT_ACTIONS).map((value) => ({ value, label: `${value}  ${actionLabel(value, zh)}` })),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-screen">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Form layout="inline" onFinish={search} style={{ rowGap: 12 }}>
          <Form.Item label={t('audit.action')} validateStatus={badAction ? 'error' : undefined}>
            <AutoComplete
              style={{ width: 280 }}
              value={draft.action}
              options={actionOptions}
              onChange={(v: string) => setDraft({ ...draft, action: v })}
              filterOption={(input, o) =>
                String(o?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
              placeholder={t('audit.actionPlaceholder')}
              allowClear
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item label={t('audit.staff')}>
            <Select
              style={{ width: 200 }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={draft.staffId}
              onChange={(v: string | undefined) => setDraft({ ...draft, staffId: v ?? null })}
              placeholder={t('audit.staffPlaceholder')}
              loading={staff.isPending}
              options={(staff.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.displayName}（${s.username}）`,
              }))}
              data-testid="audit-staff"
            />
          </Form.Item>
          <Form.Item label={t('audit.target')}>
            <Input
              style={{ width: 240 }}
              value={draft.targetId}
              onChange={(e) => setDraft({ ...draft, targetId: e.target.value })}
              placeholder={t('audit.targetPlaceholder')}
              allowClear
              data-testid="audit-target"
            />
          </Form.Item>
          <Form.Item
            label={`${t('audit.from')} / ${t('audit.to')}`}
            validateStatus={badRange ? 'error' : undefined}
          >
            <Space>
              <Input
                type="date"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
                style={{ width: 160 }}
                data-testid="audit-from"
              />
              <span>—</span>
              <Input
                type="date"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                style={{ width: 160 }}
                data-testid="audit-to"
              />
            </Space>
          </Form.Item>
          <Form.Item>
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                disabled={badRange || badAction}
                data-testid="audit-search"
              >
                {t('audit.search')}
              </Button>
              <Button
                onClick={() => {
                  setDraft(EMPTY);
                  setApplied(EMPTY);
                  setCursors([null]);
                }}
              >
                {t('audit.clear')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {badRange && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('audit.badRange')} />}
      </Card>
      {rows.error && <Alert type="error" showIcon title={messageOf(rows.error, i18n.language)} />}
      <Table<AuditRowView>
        rowKey="id"
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-table"
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: (ms: number) => `${formatDate(ms)} ${formatTimeSec(ms)}`,
          },
          {
            title: t('audit.staff'),
            dataIndex: 'staffName',
            width: 120,
            render: (n: string | null) => n ?? t('audit.system'),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 180,
            render: (a: string) => (
              <Space orientation="vertical" size={0}>
                <span>{actionLabel(a, zh)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="audit-action-code">
                  {a}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('audit.target'),
            width: 220,
            render: (_: unknown, r) =>
              r.targetId ? (
                <Typography.Text copyable={{ text: r.targetId }} style={{ fontSize: 12 }}>
                  {r.targetType ? <Tag>{r.targetType}</Tag> : null}
                  {r.targetId.length > 12 ? `${r.targetId.slice(0, 8)}…` : r.targetId}
                </Typography.Text>
              ) : null,
          },
          {
            title: t('audit.reason'),
            dataIndex: 'reason',
            width: 200,
            render: (r: string | null) => (r ? scrubPii(r) : ''),
          },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => (
              <span style={{ fontSize: 12 }}>
                {detailParts(d, formatDateTime).map((p) => (
                  <span key={p.key} style={{ marginRight: 12 }}>
                    <Typography.Text type="secondary">{p.key}:</Typography.Text> {p.value}
                  </span>
                ))}
              </span>
            ),
          },
        ]}
      />
      <Space>
        <Button
          disabled={page === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
          data-testid="audit-prev"
        >
          {t('audit.prev')}
        </Button>
        <Typography.Text>{t('audit.page', { page: page + 1 })}</Typography.Text>
        <Button
          disabled={!rows.data?.nextCursor}
          onClick={() => rows.data?.nextCursor && setCursors([...cursors, rows.data.nextCursor])}
          data-testid="audit-next"
        >
          {t('audit.next')}
        </Button>
      </Space>
    </Space>
  );
}
