import { Alert, Button, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultCustomerConfig } from '@shared/customer/config';
import type { ImportJobView } from '@shared/import/types';
import { IssueTable } from './IssueTable';

const TIER_ORDER = defaultCustomerConfig.tiers.map((t) => t.key as string);

export function ImportResult({ job, zh, onAgain }: { job: ImportJobView; zh: boolean; onAgain: () => void }) {
  const { t } = useTranslation();
  const s = job.summary;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      {job.status === 'applied' && s && (
        <Alert
          type="success"
          showIcon
          title={t('dataImport.applied', { rows: s.rows.toLocaleString() })}
          data-testid="import-applied"
        />
      )}
      {job.status === 'rejected' && s && (
        <Alert
          type="error"
          showIcon
          title={t('dataImport.rejectedTitle', { rows: s.rejectedRows, issues: s.issueCount })}
          data-testid="import-rejected"
        />
      )}
      {job.status === 'cancelled' && <Alert type="warning" showIcon title={t('dataImport.cancelled')} />}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('dataImport.failed')}
          description={job.error ? (zh ? job.error.zh : job.error.en) : null}
        />
      )}
      {s && s.ignoredColumns.length > 0 && (
        <Typography.Text type="secondary">
          {t('dataImport.ignored', { list: s.ignoredColumns.join('、') })}
        </Typography.Text>
      )}
      {s && s.skippedTitleRows > 0 && (
        <Typography.Text type="secondary">
          {t('dataImport.titleRows', { count: s.skippedTitleRows })}
        </Typography.Text>
      )}
      {job.status === 'applied' && s && (
        <>
          <Space size={48} wrap>
            <Statistic title={t('dataImport.rows')} value={s.rows} />
            <Statistic title={t('dataImport.inserted')} value={s.inserted} />
            <Statistic title={t('dataImport.updated')} value={s.updated} />
            <Statistic title={t('dataImport.unchanged')} value={s.unchanged} />
            {s.stale > 0 && (
              <Statistic
                title={<span title={t('dataImport.staleHint')}>{t('dataImport.stale')}</span>}
                value={s.stale}
              />
            )}
          </Space>
          <TierTable before={s.tiersBefore} after={s.tiersAfter} moves={s.tierMoves} zh={zh} />
        </>
      )}
      {job.issueCount > 0 && <IssueTable job={job} zh={zh} />}
      <Button onClick={onAgain}>{t('dataImport.another')}</Button>
    </Space>
  );
}

function tierLabel(key: string, zh: boolean): string {
  const band = defaultCustomerConfig.tiers.find((b) => b.key === key);
  return band ? (zh ? band.zh : band.en) : key;
}

function TierTable({
  before,
  after,
  moves,
  zh,
}: {
  before: Record<string, number>;
  after: Record<string, number>;
  moves: Record<string, number>;
  zh: boolean;
}) {
  const { t } = useTranslation();
  const keys = [...new Set([...TIER_ORDER, ...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => (before[k] ?? 0) > 0 || (after[k] ?? 0) > 0,
  );
  const rows = keys.map((k) => ({ key: k, before: before[k] ?? 0, after: after[k] ?? 0 }));
  const moveList = Object.entries(moves).sort((a, b) => b[1] - a[1]);
  return (
    <Space align="start" size="large" wrap>
      <Table
        size="small"
        pagination={false}
        title={() => t('dataImport.tiers')}
        dataSource={rows}
        data-testid="import-tiers"
        columns={[
          {
            title: t('dataImport.tier'),
            dataIndex: 'key',
            render: (k: string) => tierLabel(k, zh),
            width: 140,
          },
          { title: t('dataImport.before'), dataIndex: 'before', align: 'right', width: 110 },
          { title: t('dataImport.after'), dataIndex: 'after', align: 'right', width: 110 },
          {
            title: t('dataImport.delta'),
            align: 'right',
            width: 100,
            render: (_: unknown, r: { before: number; after: number }) => {
              const d = r.after - r.before;
              return d === 0 ? '—' : <Tag color={d > 0 ? 'green' : 'orange'}>{d > 0 ? `+${d}` : d}</Tag>;
            },
          },
        ]}
      />
      {moveList.length > 0 && (
        <Table
          size="small"
          pagination={false}
          title={() => t('dataImport.moves')}
          dataSource={moveList.map(([m, n]) => ({ key: m, m, n }))}
          columns={[
            {
              title: t('dataImport.moves'),
              dataIndex: 'm',
              render: (m: string) => {
                const [a = '', b = ''] = m.split('>');
                return `${tierLabel(a, zh)} → ${tierLabel(b, zh)}`;
              },
              width: 220,
            },
            { title: '', dataIndex: 'n', align: 'right', width: 90 },
          ]}
        />
      )}
    </Space>
  );
}
