import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { OutreachFigures } from '@shared/api/outreach';
import { OUTREACH_RULE_KEYS } from '@shared/outreach/config';
import { formatFen } from '@shared/money';
import { messageOf } from '../../api/client';
import { useFigures, useOutreachConfig } from '../../api/outreach';
import { Chart } from '../../components/Chart';
import { useBilingual } from '../../lib/bilingual';
import './text';
import './dashboard-text';

type StaffRow = OutreachFigures['byStaff'][number];

const pct = (done: number, due: number) => (due ? Math.round((done * 100) / due) : 100);

/**
 * The manager dashboard's 客户经营 card: today's lists done versus due (per list and per RM, overdue apart) and
 * the last 30 days' contacts, reached %, results and churn reasons, from GET /api/outreach/figures.
 */
export function OutreachDashboardCard() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const figures = useFigures();
  const f = figures.data;
  const cfg = useOutreachConfig().data;
  const rules = useMemo(() => OUTREACH_RULE_KEYS.filter((k) => (f?.today.byRule[k]?.due ?? 0) > 0), [f]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rules.map((k) => t(`outreach.rules.${k}`)) },
      series: [
        {
          name: t('outreachDash.done'),
          type: 'bar',
          stack: 'x',
          itemStyle: { color: '#52c41a' },
          data: rules.map((k) => f?.today.byRule[k]?.done ?? 0),
        },
        {
          name: t('outreachDash.open'),
          type: 'bar',
          stack: 'x',
          itemStyle: { color: '#faad14' },
          data: rules.map((k) => (f?.today.byRule[k]?.open ?? 0) - (f?.today.byRule[k]?.overdue ?? 0)),
        },
        {
          name: t('outreachDash.overdue'),
          type: 'bar',
          stack: 'x',
          itemStyle: { color: '#ff4d4f' },
          data: rules.map((k) => f?.today.byRule[k]?.overdue ?? 0),
        },
      ],
    }),
    [f, rules, t],
  );
  // The card stands while the figures are computed (a whole branch's lists take a moment on a large branch), and
  // says so when they failed, instead of appearing late or never.
  if (!f)
    return (
      <Card
        size="small"
        title={t('outreachDash.title')}
        loading={!figures.error}
        data-testid="outreach-dash"
        style={{ marginTop: 16 }}
      >
        {figures.error && <Alert type="error" showIcon title={messageOf(figures.error, i18n.language)} />}
      </Card>
    );
  const label = (list: { key: string; zh: string; en: string }[] | undefined, key: string) => {
    const x = list?.find((r) => r.key === key);
    return x ? bi(x) : key;
  };
  const tags = (
    counts: Record<string, number>,
    list: { key: string; zh: string; en: string }[] | undefined,
  ) => {
    const entries = Object.entries(counts);
    if (entries.length === 0)
      return <Typography.Text type="secondary">{t('outreachDash.none')}</Typography.Text>;
    return entries.map(([k, n]) => (
      <Tag key={k} style={{ marginBottom: 4 }}>
        {label(list, k)} × {n}
      </Tag>
    ));
  };
  return (
    <Card
      size="small"
      title={`${t('outreachDash.title')} · ${f.day}`}
      data-testid="outreach-dash"
      style={{ marginTop: 16 }}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('outreachDash.due')} value={f.today.due} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('outreachDash.done')}
            value={f.today.done}
            suffix={`/ ${f.today.due}`}
            valueStyle={{ color: '#389e0d' }}
          />
          <Progress percent={pct(f.today.done, f.today.due)} size="small" showInfo={false} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('outreachDash.overdue')}
            value={f.today.overdue}
            valueStyle={f.today.overdue ? { color: '#cf1322' } : undefined}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('outreachDash.contacts')} value={f.contacts} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('outreachDash.reached')} value={f.reachedPct ?? 0} precision={1} suffix="%" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Statistic
            title={t('outreachDash.churn')}
            value={f.churnContacted}
            suffix={`/ ${f.churnRetained}`}
          />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Statistic
            title={t('outreachDash.aumRetained')}
            value={formatFen(f.aumRetainedFen, { decimals: false })}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        <Col xs={24} xl={10}>
          <Typography.Text strong>{t('outreachDash.byList')}</Typography.Text>
          {rules.length ? (
            // Done versus still to call, one stacked bar per list: which list is behind reads at a glance.
            <Chart option={option} height={240} testId="outreach-dash-chart" />
          ) : (
            <Empty description={t('outreachDash.empty')} />
          )}
        </Col>
        <Col xs={24} xl={14}>
          <Typography.Text strong>{t('outreachDash.byStaff')}</Typography.Text>
          <Table<StaffRow>
            size="small"
            rowKey={(r) => r.staffId ?? 'unassigned'}
            pagination={false}
            dataSource={f.byStaff}
            scroll={{ x: 'max-content' }}
            data-testid="outreach-dash-staff"
            columns={[
              {
                title: t('outreachDash.staff'),
                key: 'name',
                render: (_, r) => r.name ?? t('outreachDash.unassigned'),
              },
              { title: t('outreachDash.due'), dataIndex: 'due', align: 'right' },
              {
                title: t('outreachDash.done'),
                key: 'done',
                width: 160,
                render: (_, r) => (
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', width: '100%' }}>
                    <span style={{ minWidth: 28, textAlign: 'right' }}>{r.done}</span>
                    <Progress percent={pct(r.done, r.due)} size="small" style={{ flex: 1, margin: 0 }} />
                  </span>
                ),
              },
              {
                title: t('outreachDash.overdue'),
                dataIndex: 'overdue',
                align: 'right',
                render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
              },
              { title: t('outreachDash.contacts'), dataIndex: 'contacts', align: 'right' },
              {
                title: t('outreachDash.reached'),
                dataIndex: 'reachedPct',
                align: 'right',
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
            ]}
          />
        </Col>
      </Row>
      <Row gutter={[16, 8]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12} data-testid="outreach-dash-results">
          <Typography.Text strong>{t('outreachDash.results')}</Typography.Text>
          {tags(f.byResult, cfg?.results)}
        </Col>
        <Col xs={24} xl={12} data-testid="outreach-dash-reasons">
          <Typography.Text strong>{t('outreachDash.reasons')}</Typography.Text>
          {tags(f.churnReasons, cfg?.churnReasons)}
        </Col>
      </Row>
    </Card>
  );
}
