import { Alert, Button, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type Segment } from '@shared/customer/enums';
import type { TierKey } from '@shared/customer/tier';
import { formatFen } from '@shared/money';
import { messageOf } from '../../api/client';
import { useAssignOwners, useOwnerCandidates, useUnowned } from '../../api/outreach';
import { useBilingual } from '../../lib/bilingual';

/** The manager's side of ownership: unowned valuable customers, assigned one by one or in bulk by tier / segment. */
export function UnownedPanel() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const list = useUnowned(true);
  const assign = useAssignOwners();
  const [selected, setSelected] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const [backupId, setBackupId] = useState<string | undefined>();
  const [tier, setTier] = useState<TierKey | undefined>();
  const [segment, setSegment] = useState<Segment | undefined>();
  const rms = useOwnerCandidates().map((s) => ({ value: s.id, label: s.displayName }));
  const done = (r: { assigned: number }) => {
    void message.success(t('outreach.unowned.assigned', { n: r.assigned }));
    setSelected([]);
  };
  const base = { ownerId: ownerId ?? '', backupId: backupId ?? null };
  return (
    <>
      <Typography.Paragraph>{t('outreach.unowned.hint', { n: list.data?.total ?? 0 })}</Typography.Paragraph>
      {assign.error && <Alert type="error" showIcon title={messageOf(assign.error, i18n.language)} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          placeholder={t('outreach.unowned.owner')}
          options={rms}
          value={ownerId}
          onChange={setOwnerId}
          data-testid="owner-select"
        />
        <Select
          style={{ width: 180 }}
          placeholder={t('outreach.unowned.backup')}
          options={rms.filter((r) => r.value !== ownerId)}
          value={backupId}
          onChange={setBackupId}
          allowClear
        />
        <Button
          type="primary"
          disabled={!ownerId || selected.length === 0}
          onClick={() => assign.mutate({ ...base, customerIds: selected }, { onSuccess: done })}
          data-testid="assign-selected"
        >
          {t('outreach.unowned.selected', { n: selected.length })}
        </Button>
        <Select
          style={{ width: 150 }}
          placeholder={t('outreach.unowned.byTier')}
          allowClear
          value={tier}
          onChange={setTier}
          options={(['private', 'high'] as const).map((k) => ({ value: k, label: t(`outreach.tiers.${k}`) }))}
        />
        <Select
          style={{ width: 150 }}
          placeholder={t('outreach.unowned.bySegment')}
          allowClear
          value={segment}
          onChange={setSegment}
          options={SEGMENTS.map((k) => ({ value: k, label: t(`segment.${k}`) }))}
        />
        <Button
          disabled={!ownerId || (!tier && !segment)}
          onClick={() =>
            assign.mutate(
              { ...base, ...(tier ? { tier } : {}), ...(segment ? { segment } : {}) },
              { onSuccess: done },
            )
          }
        >
          {t('outreach.unowned.bulk')}
        </Button>
      </Space>
      <Table
        rowKey="customerId"
        size="small"
        data-testid="unowned-table"
        loading={list.isLoading}
        dataSource={list.data?.customers ?? []}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k.map(String)) }}
        columns={[
          { title: t('outreach.col.customer'), dataIndex: 'name' },
          { title: t('customer.customerNo'), dataIndex: 'customerNo' },
          {
            title: t('outreach.col.tier'),
            key: 'tier',
            render: (_, r) => <Tag color="magenta">{bi(r.tierLabel)}</Tag>,
          },
          {
            title: t('outreach.col.balance'),
            key: 'aum',
            align: 'right',
            render: (_, r) => formatFen(r.aumFen, { decimals: false }),
          },
        ]}
      />
    </>
  );
}
