import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConversionRow, HistoryReport, StaffRow } from '@shared/api/dashboard';
import type { HoBranchHistoryRow } from '@shared/api/headoffice-history';
import { useBilingual } from '../../lib/bilingual';
import { formatDate, formatDateTime } from '../../lib/branchTime';
import { defaultRulesConfig } from '@shared/config/schema';

export const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p * 10) / 10}%`);
export const mins = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 6_000) / 10}`);

/** The per-branch comparison: the branch report's headline figures, one line per branch. */
export function BranchTable({ rows }: { rows: HoBranchHistoryRow[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      data-testid="ho-branch-table"
      columns={[
        { title: t('hoRep.code'), dataIndex: 'code', key: 'code', fixed: 'left' },
        { title: t('hoRep.name'), dataIndex: 'name', key: 'name' },
        { title: t('hoRep.arrived'), key: 'a', render: (b: HoBranchHistoryRow) => b.figures.arrived },
        { title: t('hoRep.served'), key: 's', render: (b: HoBranchHistoryRow) => b.figures.served },
        { title: t('rep.sl'), key: 'sl', render: (b: HoBranchHistoryRow) => pct(b.figures.slPct) },
        { title: t('rep.avgWait'), key: 'w', render: (b: HoBranchHistoryRow) => mins(b.figures.avgWaitMs) },
        { title: t('hoRep.noShow'), key: 'ns', render: (b: HoBranchHistoryRow) => pct(b.figures.noShowPct) },
        { title: t('rep.conversion'), key: 'c', render: (b: HoBranchHistoryRow) => pct(b.conversionPct) },
        { title: t('hoRep.complaints'), dataIndex: 'complaints', key: 'cp' },
        { title: t('hoRep.overdueOpen'), dataIndex: 'overdue', key: 'od' },
      ]}
    />
  );
}

/** A header that keeps to one line (a narrow column otherwise breaks 办结 into two characters at 1366 px). */
const nw = (s: string) => <span style={{ whiteSpace: 'nowrap' }}>{s}</span>;

/** Per staff member, named "name (branch)" (the branches journal their staff's names to the head office). */
export function StaffTable({ rows }: { rows: StaffRow[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="staffId"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: true }}
      dataSource={rows}
      data-testid="ho-staff-table"
      columns={[
        { title: t('rep.staff'), dataIndex: 'name', key: 'name', render: (n: string) => nw(n) },
        { title: nw(t('rep.served')), key: 's', render: (s: StaffRow) => s.figures.served },
        { title: nw(t('rep.sl')), key: 'sl', render: (s: StaffRow) => pct(s.figures.slPct) },
        { title: nw(t('rep.avgWait')), key: 'w', render: (s: StaffRow) => mins(s.figures.avgWaitMs) },
        { title: nw(t('rep.avgWalk')), key: 'wk', render: (s: StaffRow) => mins(s.figures.avgWalkMs) },
        { title: nw(t('rep.avgService')), key: 'sv', render: (s: StaffRow) => mins(s.figures.avgServiceMs) },
        { title: nw(t('rep.conversion')), key: 'c', render: (s: StaffRow) => pct(s.conversionPct) },
      ]}
    />
  );
}

/** The tier migration matrix (start tier × end tier between two snapshots), as the branch's report shows it. */
export function MigrationTable({ m }: { m: HistoryReport['migration'] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  if (!m) return <Typography.Text type="secondary">{t('rep.noSnapshots')}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {formatDate(m.a)} → {formatDate(m.b)} · {t('rep.up', { n: m.up })} · {t('rep.down', { n: m.down })} ·{' '}
        {t('rep.same', { n: m.same })}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="k"
        scroll={{ x: true }}
        data-testid="ho-migration-table"
        columns={[
          { title: '', dataIndex: 'k', key: 'k', render: (k: string) => nw(k) },
          ...m.names.map((n, j) => ({ title: nw(bi(n)), dataIndex: `c${j}`, key: `c${j}` })),
        ]}
        dataSource={m.cells.map((row, i) => ({
          k: bi(m.names[i] ?? { zh: '', en: '' }),
          ...Object.fromEntries(row.map((n, j) => [`c${j}`, n])),
        }))}
      />
    </>
  );
}

export function ConversionTable({ rows, label }: { rows: ConversionRow[]; label: string }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: label, key: 'name', render: (x: ConversionRow) => bi(x.name) },
        { title: t('rep.shown'), dataIndex: 'shown', key: 'shown' },
        { title: t('rep.accepted'), dataIndex: 'accepted', key: 'accepted' },
        { title: t('rep.conversion'), key: 'c', render: (x: ConversionRow) => pct(x.conversionPct) },
      ]}
    />
  );
}

export function ComplaintsTable({ rows }: { rows: HistoryReport['complaints'] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <Table
      size="small"
      rowKey={(x) => `${x.week}-${x.category}`}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={rows}
      columns={[
        { title: t('rep.week'), dataIndex: 'week', key: 'week' },
        {
          title: t('rep.category'),
          key: 'c',
          render: (x: { name: { zh: string; en: string } }) => bi(x.name),
        },
        { title: t('rep.count'), dataIndex: 'n', key: 'n' },
      ]}
    />
  );
}

export function OverdueTable({
  rows,
  branchOf,
}: {
  rows: HistoryReport['overdue'];
  branchOf: Record<string, string>;
}) {
  const { t } = useTranslation();
  const bi = useBilingual();
  // The head office reads with the bank's default rules (the server's report does too).
  const categoryLabel = (key: string) => {
    const c = defaultRulesConfig.visit.complaintCategories.find((x) => x.key === key);
    return c ? bi(c) : key;
  };
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        { title: t('hoRep.branch'), key: 'b', render: (x: { id: string }) => branchOf[x.id] ?? '' },
        {
          title: t('rep.category'),
          key: 'category',
          render: (x: { category: string }) => categoryLabel(x.category),
        },
        {
          title: t('complaints.statusTitle'),
          key: 'status',
          render: (x: { status: string }) => t(`complaints.status.${x.status}`),
        },
        {
          title: t('rep.registered'),
          key: 'c',
          render: (x: { createdAt: number }) => formatDateTime(x.createdAt),
        },
        {
          title: t('complaints.deadline'),
          key: 'd',
          render: (x: { deadlineAt: number }) => formatDateTime(x.deadlineAt),
        },
      ]}
    />
  );
}
