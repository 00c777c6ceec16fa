import { Alert, Button, Col, Input, Row, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConversionRow, StaffRow } from '@shared/api/dashboard';
import { routes } from '@shared/api/routes';
import { METRIC_HELP } from '@shared/metrics/definitions';
import { call, messageOf } from '../../api/client';
import { useBilingual } from '../../lib/bilingual';
import { useCategoryLabel } from '../../widgets/profile/useCategoryLabel';
import { FeedbackFiguresTable } from '../../widgets/feedback/FeedbackFiguresTable';
import { formatDate, formatDateTime } from '../../lib/branchTime';
import { Chart } from '../../components/Chart';
import { conversionOption, daysOption, heatOption } from '../../widgets/reports/options';
import { Section } from './Section';
import '../../widgets/reports/text';
import '../../widgets/reports/reports.css';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p * 10) / 10}%`);
const mins = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 6_000) / 10}`);

/** 经营报表: the branch's history for any date range, charts with their tables, and a printable daily report. */
export default function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const categoryLabel = useCategoryLabel();
  const [range, setRange] = useState(() => ({ from: iso(Date.now() - 29 * DAY), to: iso(Date.now()) }));
  const q = useQuery({
    queryKey: ['reports', range],
    queryFn: () => call(routes.dashboard.history, { query: range }),
  });
  const r = q.data;
  const weekdays = t('rep.weekdays').split(',');
  const opts = useMemo(
    () =>
      r && {
        heat: heatOption(r, weekdays),
        days: daysOption(r, { sl: t('rep.sl'), wait: t('rep.avgWait') }),
        products: conversionOption(r.products, (x) => bi(x.name), {
          shown: t('rep.shown'),
          accepted: t('rep.accepted'),
        }),
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [r, i18n.language],
  );
  // One column set for the product, campaign and tier tables; the first column says which.
  const conv = (label: string) => [
    { title: label, key: 'name', render: (x: ConversionRow) => bi(x.name) },
    { title: t('rep.shown'), dataIndex: 'shown', key: 'shown' },
    { title: t('rep.accepted'), dataIndex: 'accepted', key: 'accepted' },
    { title: t('rep.conversion'), key: 'c', render: (x: ConversionRow) => pct(x.conversionPct) },
  ];
  const staffCols = [
    { title: t('rep.staff'), dataIndex: 'name', key: 'name' },
    {
      title: t('rep.served'),
      key: 's',
      render: (s: StaffRow) => s.figures.served,
    },
    { title: t('rep.sl'), key: 'sl', render: (s: StaffRow) => pct(s.figures.slPct) },
    { title: t('rep.avgWait'), key: 'w', render: (s: StaffRow) => mins(s.figures.avgWaitMs) },
    { title: t('rep.avgWalk'), key: 'wk', render: (s: StaffRow) => mins(s.figures.avgWalkMs) },
    { title: t('rep.avgService'), key: 'sv', render: (s: StaffRow) => mins(s.figures.avgServiceMs) },
    { title: t('rep.conversion'), key: 'c', render: (s: StaffRow) => pct(s.conversionPct) },
  ];
  return (
    <div data-testid="reports-screen" className="rep">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('rep.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="rep-noprint">
        {t('rep.subtitle')}
      </Typography.Paragraph>
      <Space wrap className="rep-noprint" style={{ marginBottom: 12 }}>
        <label>
          {t('rep.from')}{' '}
          <Input
            type="date"
            value={range.from}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            style={{ width: 160 }}
            data-testid="rep-from"
          />
        </label>
        <label>
          {t('rep.to')}{' '}
          <Input
            type="date"
            value={range.to}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            style={{ width: 160 }}
            data-testid="rep-to"
          />
        </label>
        <Button onClick={() => window.print()} data-testid="rep-print">
          {t('rep.print')}
        </Button>
      </Space>
      {q.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
      {q.error && <Alert type="error" showIcon title={messageOf(q.error, i18n.language)} />}
      {r && opts && (
        <>
          <Typography.Paragraph strong data-testid="rep-total">
            {r.from} — {r.to}:{' '}
            {t('rep.total', {
              arrived: r.total.arrived,
              served: r.total.served,
              sl: pct(r.total.slPct),
              noShow: pct(r.total.noShowPct),
              walked: pct(r.total.walkedAwayPct),
            })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Section table="heat" title={t('rep.heat')} range={range}>
                <Chart option={opts.heat} testId="chart-heat" />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="days" title={t('rep.days')} range={range}>
                <Chart option={opts.days} testId="chart-days" />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="staff" title={t('rep.staff')} range={range}>
                <Table
                  size="small"
                  rowKey="staffId"
                  pagination={false}
                  columns={staffCols}
                  dataSource={r.staff}
                  scroll={{ x: true }}
                />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="products" title={t('rep.products')} range={range}>
                {r.products.length ? (
                  <Chart option={opts.products} height={320} testId="chart-products" />
                ) : (
                  <Typography.Text type="secondary">{t('rep.empty')}</Typography.Text>
                )}
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="campaigns" title={t('rep.campaigns')} range={range}>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  columns={conv(t('rep.campaign'))}
                  dataSource={r.campaigns}
                />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="tiers" title={t('rep.tiers')} range={range}>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  columns={conv(t('rep.tier'))}
                  dataSource={r.tiers}
                />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="migration" title={t('rep.migration')} range={range}>
                {r.migration ? (
                  <>
                    <Typography.Paragraph type="secondary">
                      {formatDate(r.migration.a)} → {formatDate(r.migration.b)} ·{' '}
                      {t('rep.up', { n: r.migration.up })} · {t('rep.down', { n: r.migration.down })} ·{' '}
                      {t('rep.same', { n: r.migration.same })}
                    </Typography.Paragraph>
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="k"
                      scroll={{ x: true }}
                      columns={[
                        { title: '', dataIndex: 'k', key: 'k' },
                        ...r.migration.names.map((n, j) => ({
                          title: bi(n),
                          dataIndex: `c${j}`,
                          key: `c${j}`,
                        })),
                      ]}
                      dataSource={r.migration.cells.map((row, i) => ({
                        k: bi(r.migration?.names[i] ?? { zh: '', en: '' }),
                        ...Object.fromEntries(row.map((n, j) => [`c${j}`, n])),
                      }))}
                    />
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('rep.noSnapshots')}</Typography.Text>
                )}
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section table="complaints" title={t('rep.complaints')} range={range}>
                <Table
                  size="small"
                  rowKey={(x) => `${x.week}-${x.category}`}
                  pagination={false}
                  columns={[
                    { title: t('rep.week'), dataIndex: 'week', key: 'week' },
                    {
                      title: t('rep.category'),
                      key: 'c',
                      render: (x: { name: { zh: string; en: string } }) => bi(x.name),
                    },
                    { title: t('rep.count'), dataIndex: 'n', key: 'n' },
                  ]}
                  dataSource={r.complaints}
                />
              </Section>
            </Col>
            <Col xs={24}>
              <Section
                table="overdue"
                title={t('rep.overdue')}
                range={range}
                extra={<span>{t('rep.resolvedLate', { n: r.resolvedLate })}</span>}
              >
                <Table
                  size="small"
                  rowKey="id"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
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
                  dataSource={r.overdue}
                />
              </Section>
            </Col>
            <Col xs={24}>
              <FeedbackFiguresTable range={range} />
            </Col>
            <Col xs={24}>
              <ul className="rep-help">
                {METRIC_HELP.map((h) => (
                  <li key={h.key}>{bi(h.text)}</li>
                ))}
              </ul>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
