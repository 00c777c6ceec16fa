import { Alert, Card, Col, Collapse, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CounterLiveView, GroupLiveView } from '@shared/api/dashboard';
import { METRIC_HELP } from '@shared/metrics/definitions';
import { messageOf } from '../../api/client';
import { useNow } from '../../hooks/useNow';
import { useBilingual } from '../../lib/bilingual';
import { BRANCH_TIME_ZONE, formatTime } from '../../lib/branchTime';
import { FeedbackFiguresTable } from '../../widgets/feedback/FeedbackFiguresTable';
import { OutreachDashboardCard } from '../../widgets/outreach/OutreachDashboardCard';
import { BookingFiguresCard } from '../../widgets/dashboard/BookingFiguresCard';
import { useDashboard } from './useDashboard';
import './text';
import './dashboard.css';

const mins = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 60_000)}`);
const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p)}%`);

const STATE_COLOR: Record<string, string> = {
  serving: 'green',
  break: 'orange',
  back_office: 'blue',
  closed: 'default',
};

/** 网点看板: the branch manager's landing page, live. */
export default function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const now = useNow(30_000);
  const d = useDashboard();
  if (d.isPending) return <Spin style={{ margin: 64 }} />;
  if (d.error) return <Alert type="error" showIcon title={messageOf(d.error, i18n.language)} />;
  const live = d.data;
  // The branch's calendar day (en-CA formats as YYYY-MM-DD): today's satisfaction figures.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: BRANCH_TIME_ZONE }).format(now ?? live.at);
  const today = { from: day, to: day };
  const m = (ms: number | null) => (ms === null ? '—' : t('dash.min', { n: mins(ms) }));

  const groupColumns = [
    { title: t('dash.col.name'), key: 'name', render: (g: GroupLiveView) => bi(g.name) },
    { title: t('dash.col.waitingNow'), dataIndex: 'waitingNow', key: 'waitingNow' },
    { title: t('dash.col.longest'), key: 'longest', render: (g: GroupLiveView) => m(g.longestWaitMs) },
    {
      title: t('dash.col.sl'),
      key: 'sl',
      render: (g: GroupLiveView) => (
        <span>
          {pct(g.figures.slPct)}
          {g.slTargetMinutes !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({t('dash.target', { n: g.slTargetMinutes })})
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('dash.col.avgWait'), key: 'avgWait', render: (g: GroupLiveView) => m(g.figures.avgWaitMs) },
    {
      title: t('dash.col.avgService'),
      key: 'avgService',
      render: (g: GroupLiveView) => m(g.figures.avgServiceMs),
    },
    { title: t('dash.col.served'), key: 'served', render: (g: GroupLiveView) => g.figures.served },
    { title: t('dash.col.noShows'), key: 'noShows', render: (g: GroupLiveView) => g.figures.noShows },
  ];

  const counterColumns = [
    { title: t('dash.col.counter'), dataIndex: 'name', key: 'name' },
    {
      title: t('dash.col.state'),
      key: 'state',
      render: (c: CounterLiveView) => (
        <Space size={4} wrap>
          <Tag
            color={STATE_COLOR[c.open ? c.staffState : 'closed']}
            data-testid={`counter-state-${c.number}`}
          >
            {c.open && c.staffState === 'break'
              ? t('dash.withReason', {
                  state: t('dash.state.break'),
                  reason: t(`dash.reason.${c.breakReason ?? 'none'}`),
                })
              : t(`dash.state.${c.open ? c.staffState : 'closed'}`)}
          </Tag>
          {c.idleSince !== null && <Tag color="red">{t('dash.idleNow')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('dash.col.inState'),
      key: 'inState',
      render: (c: CounterLiveView) =>
        c.stateSince === null ? '—' : m(Math.max(0, (now ?? live.at) - c.stateSince)),
    },
    {
      title: t('dash.col.current'),
      key: 'current',
      render: (c: CounterLiveView) => c.current?.displayNo ?? '—',
    },
    { title: t('dash.col.servedToday'), dataIndex: 'servedToday', key: 'servedToday' },
    { title: t('dash.col.idle'), key: 'idle', render: (c: CounterLiveView) => m(c.idleWithQueueMs) },
  ];

  return (
    <div data-testid="dashboard-screen" className="dash">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('dash.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('dash.subtitle')} {t('dash.updated', { time: formatTime(live.at) })}
      </Typography.Paragraph>

      <Card size="small" title={t('dash.alerts')} data-testid="dash-alerts" style={{ marginBottom: 16 }}>
        {live.alerts.length === 0 ? (
          <Typography.Text type="secondary">{t('dash.noAlerts')}</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {live.alerts.map((a) => (
              <Alert
                key={a.key}
                type={a.kind === 'queue_length' ? 'warning' : 'error'}
                showIcon
                title={bi(a.text)}
                data-testid="dash-alert"
              />
            ))}
          </Space>
        )}
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dash-total">
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.arrived')} value={live.total.arrived} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.served')} value={live.total.served} data-testid="dash-total-served" />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.sl')} value={pct(live.total.slPct)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.avgWait')} value={m(live.total.avgWaitMs)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.avgService')} value={m(live.total.avgServiceMs)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('dash.col.noShows')} value={live.total.noShows} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Statistic
            title={t('dash.breaks')}
            value={
              live.breaks.length === 0
                ? '—'
                : live.breaks.map((b) => `${t(`dash.reason.${b.reason}`)} ${b.minutes}`).join(' · ')
            }
            data-testid="dash-breaks"
          />
        </Col>
      </Row>

      <BookingFiguresCard />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.byQueue')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              columns={groupColumns}
              dataSource={live.queues}
              scroll={{ x: true }}
              data-testid="dash-queues"
              onRow={(g) => ({ 'data-testid': `dash-queue-${g.key}` }) as React.HTMLAttributes<HTMLElement>}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.byTier')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              columns={groupColumns}
              dataSource={live.tiers}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dash.counters')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              columns={counterColumns}
              dataSource={live.counters}
              scroll={{ x: true }}
              rowClassName={(c) => (c.idleSince !== null ? 'dash-idle' : '')}
              data-testid="dash-counters"
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Collapse
            items={[
              {
                key: 'help',
                label: t('dash.help'),
                children: (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {METRIC_HELP.map((h) => (
                      <li key={h.key}>{bi(h.text)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <FeedbackFiguresTable range={today} />
      </div>
      <OutreachDashboardCard />
    </div>
  );
}
