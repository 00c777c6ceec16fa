import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  erlangTable,
  formatHhmm,
  targetFor,
  type DayPattern,
  type ErlangCell,
  type Roster,
  type SimCell,
  type SimRules,
  type SimSummary,
} from '@shared/staffing';
import { StaffingChart, type ChartSeries } from './StaffingChart';

interface Props {
  pattern: DayPattern;
  rules: SimRules;
  roster: Roster;
  summary: SimSummary;
  queues: { key: string; label: string }[];
}

interface Row {
  i: number;
  label: string;
  erlang: ErlangCell;
  sim: SimCell;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(0)}%`);
const num = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');

/** Erlang C and the simulation side by side for one queue: the chart, then the intervals as a table. */
export function ResultsPanel({ pattern, rules, roster, summary, queues }: Props) {
  const { t } = useTranslation();
  const busiest = useMemo(() => {
    let best = queues[0]?.key ?? '';
    let most = -1;
    summary.day.forEach((c, q) => {
      if (c.arrivals > most) {
        most = c.arrivals;
        best = summary.queues[q] ?? best;
      }
    });
    return best;
  }, [queues, summary]);
  const [picked, setPicked] = useState<string | null>(null);
  const queue = picked ?? busiest;
  const qi = summary.queues.indexOf(queue);
  const erlang = useMemo(() => erlangTable(pattern, roster, rules), [pattern, roster, rules]);
  const target = targetFor({ targets: [...rules.targets] }, queue);
  const rows: Row[] = pattern.intervals.map((iv, i) => ({
    i,
    label: formatHhmm(iv.start),
    erlang: erlang[i]?.[qi] as ErlangCell,
    sim: summary.cells[i]?.[qi] as SimCell,
  }));
  const series: ChartSeries = {
    labels: rows.map((r) => r.label),
    erlang: rows.map((r) =>
      r.erlang.arrivals <= 0 ? null : r.erlang.result.unbounded ? 0 : r.erlang.result.serviceLevel * 100,
    ),
    p10: rows.map((r) => r.sim.sl?.p10 ?? null),
    p50: rows.map((r) => r.sim.sl?.p50 ?? null),
    p90: rows.map((r) => r.sim.sl?.p90 ?? null),
    target: target.percent,
    names: {
      erlang: t('staffing.erlang'),
      band: t('staffing.bandLabel'),
      median: t('staffing.medianLabel'),
      target: t('staffing.targetLabel'),
    },
  };
  const day = summary.day[qi];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="staffing-results">
      <Space wrap>
        <Segmented
          value={queue}
          onChange={(v) => setPicked(String(v))}
          options={queues.map((q) => ({ value: q.key, label: q.label }))}
          data-testid="staffing-queue"
        />
        <Typography.Text type="secondary">
          {t('staffing.target', { minutes: target.waitMinutes, percent: target.percent })}
        </Typography.Text>
        {day && (
          <Typography.Text data-testid="staffing-day-sl">
            {t('staffing.simSl')}: {pct(day.slPooled)}
          </Typography.Text>
        )}
      </Space>
      <StaffingChart series={series} />
      <Table<Row>
        rowKey="i"
        size="small"
        pagination={false}
        scroll={{ x: 900, y: 360 }}
        dataSource={rows.filter((r) => r.erlang.arrivals > 0 || r.sim.arrivals > 0)}
        data-testid="staffing-table"
        columns={[
          { title: t('staffing.interval'), dataIndex: 'label', width: 70, fixed: 'left' },
          { title: t('staffing.arrivals'), width: 70, render: (_, r) => num(r.erlang.arrivals) },
          { title: t('staffing.counters'), width: 60, render: (_, r) => r.erlang.servers },
          {
            title: t('staffing.erlang'),
            children: [
              { title: t('staffing.load_'), width: 70, render: (_, r) => num(r.erlang.result.load, 2) },
              {
                title: t('staffing.sl'),
                width: 90,
                render: (_, r) =>
                  r.erlang.result.unbounded ? (
                    <Tag color="red" title={t('staffing.unbounded')}>
                      N ≤ A
                    </Tag>
                  ) : (
                    pct(r.erlang.result.serviceLevel * 100)
                  ),
              },
              {
                title: t('staffing.asa'),
                width: 80,
                render: (_, r) =>
                  r.erlang.result.unbounded
                    ? '∞'
                    : t('staffing.minutes', { n: num(r.erlang.result.asaSeconds / 60) }),
              },
              {
                title: t('staffing.occupancy'),
                width: 80,
                render: (_, r) =>
                  r.erlang.result.unbounded ? '≥ 100%' : pct(r.erlang.result.occupancy * 100),
              },
            ],
          },
          {
            title: t('staffing.simulation', { r: summary.replications }),
            children: [
              {
                title: t('staffing.simSl'),
                width: 150,
                render: (_, r) =>
                  r.sim.sl ? `${pct(r.sim.sl.p50)} (${pct(r.sim.sl.p10)}–${pct(r.sim.sl.p90)})` : '—',
              },
              {
                title: t('staffing.simWait'),
                width: 130,
                render: (_, r) =>
                  r.sim.waitMinutes
                    ? `${num(r.sim.waitMinutes.p50)} (${num(r.sim.waitMinutes.p10)}–${num(r.sim.waitMinutes.p90)})`
                    : '—',
              },
              {
                title: t('staffing.walked'),
                width: 70,
                render: (_, r) => num(r.sim.walked + r.sim.unserved),
              },
            ],
          },
        ]}
      />
      {rows.some((r) => r.erlang.result.unbounded && r.erlang.arrivals > 0) && (
        <Typography.Text type="danger" data-testid="staffing-unbounded">
          {t('staffing.unbounded')}
        </Typography.Text>
      )}
    </Space>
  );
}
