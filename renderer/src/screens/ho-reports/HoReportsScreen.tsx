import { Alert, Button, Card, Col, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HoHistoryQuery } from '@shared/api/headoffice-history';
import { METRIC_HELP } from '@shared/metrics/definitions';
import { ApiFailure, messageOf } from '../../api/client';
import { Chart } from '../../components/Chart';
import { setLanguage } from '../../i18n';
import { useBilingual } from '../../lib/bilingual';
import { conversionOption, daysOption, heatOption } from '../../widgets/reports/options';
import '../../widgets/reports/text';
import '../../widgets/reports/reports.css';
import { adminKey, fetchHistory, serverRole } from './hoApi';
import { HoSection } from './HoSection';
import {
  BranchTable,
  ComplaintsTable,
  ConversionTable,
  MigrationTable,
  OverdueTable,
  pct,
  StaffTable,
} from './HoTables';
import './text';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** The admin key, asked once per tab. */
function KeyForm({ onKey, error }: { onKey: (k: string) => void; error: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Card title={t('hoRep.keyTitle')} style={{ maxWidth: 560 }} data-testid="ho-key-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onKey(value.trim());
        }}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input.Password
            autoFocus
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={t('hoRep.keyPlaceholder')}
            data-testid="ho-key"
          />
          <Button type="primary" htmlType="submit" data-testid="ho-key-submit">
            {t('hoRep.enter')}
          </Button>
        </Space.Compact>
      </form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('hoRep.keyHelp')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
    </Card>
  );
}

/**
 * 总行跨网点经营报表 (/ho/reports, head-office server only): the branch's history report for all branches or one,
 * with the per-branch comparison; charts and tables reuse the branch reports' options and texts.
 */
export default function HoReportsScreen() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const [key, setKey] = useState<string | null>(() => adminKey.get());
  const [keyError, setKeyError] = useState<string | null>(null);
  // The range and the branch live in the address (?from&to&branch): a reload or a shared link shows the same view.
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => Date.now());
  const range = {
    from: params.get('from') ?? iso(today - 29 * DAY),
    to: params.get('to') ?? iso(today),
  };
  const branch = params.get('branch') ?? '';
  const setView = (v: { from?: string; to?: string; branch?: string }) => {
    const next = { ...range, branch, ...v };
    setParams(
      { from: next.from, to: next.to, ...(next.branch ? { branch: next.branch } : {}) },
      { replace: true },
    );
  };
  const query: HoHistoryQuery = { ...range, ...(branch ? { branch } : {}) };
  // Only a head-office server answers /api/ho/*: on a branch server the page says so and asks for nothing.
  const role = useQuery({ queryKey: ['ho-role'], queryFn: serverRole, staleTime: Infinity });
  const q = useQuery({
    queryKey: ['ho-history', key, query],
    enabled: key !== null && role.data === 'headoffice',
    retry: false,
    queryFn: async () => {
      try {
        return await fetchHistory(key as string, query);
      } catch (e) {
        // A wrong or revoked key: forget it and ask again.
        if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
          adminKey.clear();
          setKey(null);
          setKeyError(messageOf(e, i18n.language));
        }
        throw e;
      }
    },
  });
  const data = q.data;
  const r = data?.report;
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
  const section = { query, adminKey: key ?? '' };
  if (role.data !== undefined && role.data !== 'headoffice')
    return (
      <div style={{ padding: 24 }} data-testid="ho-not-here">
        <Alert type="info" showIcon title={t('hoRep.notHere')} />
      </div>
    );
  return (
    <div
      data-testid="ho-reports-screen"
      className="rep"
      style={{ padding: 24, maxWidth: 1800, margin: '0 auto' }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('hoRep.title')}
        </Typography.Title>
        <Space className="rep-noprint">
          <Button
            size="small"
            onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
            data-testid="ho-lang"
          >
            {i18n.language === 'en' ? '中文' : 'English'}
          </Button>
          {key && (
            <Button
              size="small"
              onClick={() => {
                adminKey.clear();
                setKey(null);
              }}
              data-testid="ho-forget"
            >
              {t('hoRep.forget')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" className="rep-noprint">
        {t('hoRep.subtitle')}
      </Typography.Paragraph>
      {key === null ? (
        <KeyForm
          error={keyError}
          onKey={(k) => {
            adminKey.set(k);
            setKeyError(null);
            setKey(k);
          }}
        />
      ) : (
        <>
          <Space wrap className="rep-noprint" style={{ marginBottom: 12 }}>
            <label>
              {t('rep.from')}{' '}
              <Input
                type="date"
                value={range.from}
                onChange={(e) => e.target.value && setView({ from: e.target.value })}
                style={{ width: 160 }}
                data-testid="ho-from"
              />
            </label>
            <label>
              {t('rep.to')}{' '}
              <Input
                type="date"
                value={range.to}
                onChange={(e) => e.target.value && setView({ to: e.target.value })}
                style={{ width: 160 }}
                data-testid="ho-to"
              />
            </label>
            <label>
              {t('hoRep.branch')}{' '}
              <Select
                value={branch}
                onChange={(b: string) => setView({ branch: b })}
                style={{ minWidth: 200 }}
                data-testid="ho-branch"
                options={[
                  { value: '', label: t('hoRep.all') },
                  ...(data?.known ?? []).map((b) => ({ value: b.code, label: `${b.code} ${b.name}` })),
                ]}
              />
            </label>
            <Button onClick={() => window.print()}>{t('rep.print')}</Button>
          </Space>
          {q.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
          {q.error && <Alert type="error" showIcon title={messageOf(q.error, i18n.language)} />}
          {data && r && opts && (
            <>
              <Typography.Paragraph strong data-testid="ho-total">
                {data.branch ?? t('hoRep.all')} · {r.from} — {r.to}:{' '}
                {t('rep.total', {
                  arrived: r.total.arrived,
                  served: r.total.served,
                  sl: pct(r.total.slPct),
                  noShow: pct(r.total.noShowPct),
                  walked: pct(r.total.walkedAwayPct),
                })}
              </Typography.Paragraph>
              <Row gutter={[16, 16]}>
                <Col xs={24}>
                  <HoSection table="branches" title={t('hoRep.compare')} {...section}>
                    <BranchTable rows={data.branches} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="heat" title={t('rep.heat')} {...section}>
                    <Chart option={opts.heat} testId="ho-chart-heat" />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="days" title={t('rep.days')} {...section}>
                    <Chart option={opts.days} testId="ho-chart-days" />
                  </HoSection>
                </Col>
                {/* Full width: seven figures beside "name (branch)" do not fit half a 1366 px screen. */}
                <Col xs={24}>
                  <HoSection table="staff" title={t('rep.staff')} {...section}>
                    <Typography.Paragraph type="secondary">{t('hoRep.staffNote')}</Typography.Paragraph>
                    <StaffTable rows={r.staff} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="products" title={t('rep.products')} {...section}>
                    {r.products.length ? (
                      <Chart option={opts.products} height={320} testId="chart-products" />
                    ) : (
                      <Typography.Text type="secondary">{t('rep.empty')}</Typography.Text>
                    )}
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="campaigns" title={t('rep.campaigns')} {...section}>
                    <Typography.Paragraph type="secondary">{t('hoRep.campaignNote')}</Typography.Paragraph>
                    <ConversionTable rows={r.campaigns} label={t('rep.campaign')} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="tiers" title={t('rep.tiers')} {...section}>
                    <Typography.Paragraph type="secondary">{t('hoRep.tierNote')}</Typography.Paragraph>
                    <ConversionTable rows={r.tiers} label={t('rep.tier')} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="complaints" title={t('rep.complaints')} {...section}>
                    <ComplaintsTable rows={r.complaints} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection table="migration" title={t('rep.migration')} {...section}>
                    <Typography.Paragraph type="secondary">{t('hoRep.migrationNote')}</Typography.Paragraph>
                    <MigrationTable m={r.migration} />
                  </HoSection>
                </Col>
                <Col xs={24} xl={12}>
                  <HoSection
                    table="overdue"
                    title={t('rep.overdue')}
                    {...section}
                    extra={<span>{t('rep.resolvedLate', { n: r.resolvedLate })}</span>}
                  >
                    <OverdueTable rows={r.overdue} branchOf={data.overdueBranch} />
                  </HoSection>
                </Col>
                <Col xs={24}>
                  <ul className="rep-help">
                    {METRIC_HELP.filter((h) => h.key !== 'idle').map((h) => (
                      <li key={h.key}>{bi(h.text)}</li>
                    ))}
                  </ul>
                  <Typography.Text type="secondary" data-testid="ho-took">
                    {t('hoRep.took', { ms: data.tookMs, tz: data.timeZone })}
                  </Typography.Text>
                </Col>
              </Row>
            </>
          )}
        </>
      )}
    </div>
  );
}
