import { Alert, App, Button, Card, InputNumber, Progress, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffingPatternReply } from '@shared/api/staffing';
import { formatHhmm, type Roster } from '@shared/staffing';
import { messageOf } from '../../api/client';
import { useBilingual } from '../../lib/bilingual';
import { useApplyPlan, usePattern, useStaffingDays } from './api';
import { ResultsPanel } from './ResultsPanel';
import { RosterGrid } from './RosterGrid';
import { useSimulation } from './useSimulation';
import './text';

/** Simulation rounds the recommendation may take (each adds a counter where the simulated SL still misses). */
const MAX_ROUNDS = 3;

/** 排班测算: the branch manager's what-if on counters per half hour, Erlang C beside a simulation of the real rules. */
export default function StaffingScreen() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const bi = useBilingual();
  const days = useStaffingDays();
  const pattern = usePattern();
  const apply = useApplyPlan();
  const sim = useSimulation();
  const [kind, setKind] = useState<'day' | 'weekdays'>('day');
  const [date, setDate] = useState<string | null>(null);
  const [count, setCount] = useState(5);
  const [data, setData] = useState<StaffingPatternReply | null>(null);
  const [roster, setRoster] = useState<Record<string, number>[]>([]);
  const [ran, setRan] = useState<Roster | null>(null);

  const pickedDate = date ?? days.data?.[0]?.date ?? null;
  const queues = (data?.queues ?? []).map((q) => ({ key: q.key, label: bi(q) }));
  const starts = data?.pattern.intervals.map((iv) => iv.start) ?? [];

  const load = () => {
    const source =
      kind === 'day'
        ? { kind: 'day' as const, date: pickedDate ?? '' }
        : { kind: 'weekdays' as const, count };
    pattern.mutate(
      { source },
      {
        onSuccess: (reply) => {
          setData(reply);
          setRoster(reply.roster.map((r) => ({ ...r })));
          setRan(null);
        },
      },
    );
  };
  const run = () => {
    if (!data) return;
    const snapshot = roster.map((r) => ({ ...r }));
    setRan(snapshot);
    sim.run({
      pattern: data.pattern,
      roster: snapshot,
      rules: data.rules,
      seed: data.seed,
      replications: data.replications,
      maxRounds: MAX_ROUNDS,
    });
  };
  const setCell = (i: number, key: string, v: number) =>
    setRoster((r) => r.map((row, j) => (j === i ? { ...row, [key]: v } : row)));
  const rec = sim.state.status === 'done' ? sim.state.recommendation : null;
  const applyRec = () => {
    if (!rec || !data) return;
    modal.confirm({
      title: t('staffing.apply', { date: data.tomorrow }),
      content: t('staffing.applyConfirm', { date: data.tomorrow }),
      onOk: () =>
        apply
          .mutateAsync({
            date: data.tomorrow,
            intervals: rec.roster.map((counters, i) => ({ start: formatHhmm(starts[i] ?? 0), counters })),
          })
          .then((r) => void message.success(t('staffing.applied', { date: r.date, version: r.version }))),
    });
  };

  const totals = data?.pattern.totals;
  const nDays = data?.pattern.days.length ?? 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="staffing-screen">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('staffing.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('staffing.subtitle')}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('staffing.help')}
        </Typography.Text>
      </div>

      <Card title={t('staffing.pattern')} size="small">
        {days.data?.length === 0 ? (
          <Alert type="info" showIcon title={t('staffing.noDays')} />
        ) : (
          <Space wrap>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as 'day' | 'weekdays')}
              options={[
                { value: 'day', label: t('staffing.sourceDay') },
                { value: 'weekdays', label: t('staffing.sourceWeekdays') },
              ]}
              data-testid="staffing-source"
            />
            {kind === 'day' ? (
              <Select
                style={{ width: 220 }}
                value={pickedDate}
                onChange={setDate}
                loading={days.isPending}
                placeholder={t('staffing.pickDay')}
                options={(days.data ?? []).map((d) => ({
                  value: d.date,
                  label: `${d.date} · ${t('staffing.arrivalsUnit', { n: d.arrivals })}`,
                }))}
                data-testid="staffing-day"
              />
            ) : (
              <Space>
                <span>{t('staffing.weekdays')}</span>
                <InputNumber min={1} max={60} value={count} onChange={(v) => setCount(v ?? 5)} />
              </Space>
            )}
            <Button onClick={load} loading={pattern.isPending} data-testid="staffing-load">
              {t('staffing.load')}
            </Button>
            {totals && (
              <Typography.Text type="secondary" data-testid="staffing-pattern-info">
                {t('staffing.patternInfo', {
                  days: nDays,
                  arrivals: (totals.arrivals / nDays).toFixed(0),
                  served: totals.served,
                  walked: totals.walkedAway,
                })}
                {data &&
                  data.bookings > 0 &&
                  t('staffing.bookingsInfo', { n: data.bookings, date: data.tomorrow })}
              </Typography.Text>
            )}
          </Space>
        )}
        {pattern.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={messageOf(pattern.error, i18n.language)}
          />
        )}
      </Card>

      {data && (
        <Card
          title={t('staffing.roster')}
          size="small"
          extra={
            <Button
              type="primary"
              onClick={run}
              loading={sim.state.status === 'running'}
              data-testid="staffing-run"
            >
              {t('staffing.run')}
            </Button>
          }
        >
          <RosterGrid
            starts={starts}
            queues={queues}
            roster={roster}
            onChange={setCell}
            testId="roster"
            queueHeader={t('staffing.queue')}
          />
          {sim.state.status === 'running' && sim.state.showProgress && (
            <Progress
              percent={Math.round((100 * sim.state.done) / Math.max(1, sim.state.total))}
              format={() =>
                t('staffing.running', {
                  done: sim.state.status === 'running' ? sim.state.done : 0,
                  total: sim.state.status === 'running' ? sim.state.total : 0,
                })
              }
              data-testid="staffing-progress"
            />
          )}
          {sim.state.status === 'error' && <Alert type="error" showIcon title={sim.state.message} />}
        </Card>
      )}

      {data && ran && sim.state.status === 'done' && (
        <Card size="small">
          <ResultsPanel
            pattern={data.pattern}
            rules={data.rules}
            roster={ran}
            summary={sim.state.summary}
            queues={queues}
          />
        </Card>
      )}

      {data && rec && (
        <Card
          title={t('staffing.recommendation')}
          size="small"
          data-testid="staffing-recommendation"
          extra={
            <Space wrap>
              <Button onClick={() => setRoster(rec.roster.map((r) => ({ ...r })))} data-testid="staffing-use">
                {t('staffing.useInGrid')}
              </Button>
              <Button
                type="primary"
                onClick={applyRec}
                loading={apply.isPending}
                data-testid="staffing-apply"
              >
                {t('staffing.apply', { date: data.tomorrow })}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('staffing.recommendationHint', { rounds: rec.rounds })}
            {rec.missing > 0 && ` ${t('staffing.stillMissing', { n: rec.missing })}`}
          </Typography.Paragraph>
          <RosterGrid
            starts={starts}
            queues={queues}
            roster={rec.roster}
            compareTo={ran ?? roster}
            testId="recommended"
            queueHeader={t('staffing.queue')}
          />
          {apply.error && <Alert type="error" showIcon title={messageOf(apply.error, i18n.language)} />}
        </Card>
      )}
    </Space>
  );
}
