import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@shared/api/routes';
import type { TierMoveCount, TierMover, TierPreview } from '@shared/customer/tier-preview';
import { formatFen } from '@shared/money';
import type { ReplayExample, TriageReplay } from '@shared/triage/replay';
import {
  channelName,
  intentName,
  priorityName,
  tierName,
  type Lang,
  type RuleNames,
} from '@shared/triage/rule-text';
import { call, messageOf } from '../../api/client';
import { formatTime } from '../../lib/branchTime';
import type { PendingChange } from './api';
import { ProductImpact } from './ProductImpact';

/** The impact of a pending change, computed by the server on the branch's data (nothing is saved). */
export function Impact({ change }: { change: PendingChange }) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState('');
  const q = useQuery({
    queryKey: ['settings-preview', JSON.stringify(change.next), day],
    queryFn: () => call(routes.settings.preview, { body: { config: change.next, ...(day ? { day } : {}) } }),
    staleTime: Infinity,
  });
  const lang: Lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const before: RuleNames = {
    tiers: change.before.config.customer.tiers,
    triage: change.before.config.triage,
  };
  const after: RuleNames = { tiers: change.next.customer.tiers, triage: change.next.triage };
  return (
    <div data-testid="impact" style={{ marginTop: 16 }}>
      {q.isPending && <Spin />}
      {q.error && <Alert type="error" showIcon title={messageOf(q.error, i18n.language)} />}
      {q.data?.tiers && <TierImpact p={q.data.tiers} before={before} after={after} lang={lang} />}
      {q.data?.triage && (
        <>
          <Space style={{ marginTop: 16 }} wrap>
            <Typography.Text strong>{t('settings.impact.replayDay')}</Typography.Text>
            <Input
              type="date"
              value={day || q.data.day}
              onChange={(e) => setDay(e.target.value)}
              style={{ width: 170 }}
              data-testid="impact-day"
            />
          </Space>
          <TriageImpact r={q.data.triage} before={before} after={after} lang={lang} />
        </>
      )}
      {q.data?.products && (
        <ProductImpact p={q.data.products} tiers={after.tiers} topN={change.next.suggest.topN} lang={lang} />
      )}
      {q.data && !q.data.tiers && !q.data.triage && !q.data.products && (
        <Typography.Paragraph type="secondary">{t('settings.impact.none')}</Typography.Paragraph>
      )}
    </div>
  );
}

function TierImpact({
  p,
  before,
  after,
  lang,
}: {
  p: TierPreview;
  before: RuleNames;
  after: RuleNames;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const rows = p.matrix.filter((c) => c.before !== c.after);
  return (
    <div data-testid="impact-tiers">
      <Typography.Title level={5}>
        {t('settings.impact.tierTitle', {
          moving: p.moving.toLocaleString('en-US'),
          customers: p.customers.toLocaleString('en-US'),
        })}
      </Typography.Title>
      <Table<TierMoveCount>
        size="small"
        pagination={false}
        rowKey={(c) => `${c.before}>${c.after}`}
        dataSource={rows}
        data-testid="impact-matrix"
        locale={{ emptyText: t('settings.impact.noMoves') }}
        columns={[
          { title: t('settings.impact.from'), render: (_, c) => tierName(c.before, before, lang) },
          { title: t('settings.impact.to'), render: (_, c) => tierName(c.after, after, lang) },
          {
            title: t('settings.impact.customers'),
            align: 'right',
            render: (_, c) => c.customers.toLocaleString('en-US'),
          },
        ]}
      />
      {p.biggest.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
            {t('settings.impact.biggest')}
          </Typography.Text>
          <Table<TierMover>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={p.biggest}
            data-testid="impact-biggest"
            columns={[
              { title: t('settings.impact.customerNo'), dataIndex: 'customerNo', width: 130 },
              { title: t('settings.impact.name'), dataIndex: 'name', width: 110 },
              {
                title: 'AUM',
                align: 'right',
                render: (_, m) => formatFen(m.aumFen, { decimals: false }),
              },
              {
                title: t('settings.impact.move'),
                render: (_, m) => `${tierName(m.before, before, lang)} → ${tierName(m.after, after, lang)}`,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

function outcome(o: ReplayExample['before'], names: RuleNames, lang: Lang, t: (k: string) => string): string {
  const extra = [o.care ? t('settings.impact.care') : '', o.review ? t('settings.impact.review') : '']
    .filter(Boolean)
    .join(lang === 'zh' ? '、' : ', ');
  return `${channelName(o.channel, names, lang)} · ${priorityName(o.priority, names, lang)}${extra ? ` · ${extra}` : ''}`;
}

function TriageImpact({
  r,
  before,
  after,
  lang,
}: {
  r: TriageReplay;
  before: RuleNames;
  after: RuleNames;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="impact-triage" style={{ marginTop: 8 }}>
      <Typography.Title level={5}>
        {t('settings.impact.triageTitle', { changed: r.changed, visits: r.visits })}
      </Typography.Title>
      {r.routes.length > 0 && (
        <Typography.Paragraph>
          {r.routes
            .map(
              (x) =>
                `${channelName(x.before, before, lang)} → ${channelName(x.after, after, lang)}: ${x.visits}`,
            )
            .join(lang === 'zh' ? '；' : '; ')}
        </Typography.Paragraph>
      )}
      {r.examples.length > 0 && (
        <Table<ReplayExample>
          size="small"
          pagination={false}
          rowKey={(e, i) => `${e.arrivedAt}-${i ?? 0}`}
          dataSource={r.examples}
          data-testid="impact-examples"
          columns={[
            { title: t('settings.impact.arrived'), width: 80, render: (_, e) => formatTime(e.arrivedAt) },
            {
              title: t('settings.impact.visitor'),
              render: (_, e) =>
                `${e.tier ? tierName(e.tier, before, lang) : t('settings.impact.walkIn')} · ${e.services
                  .map((s) => intentName(s, before, lang))
                  .join(lang === 'zh' ? '、' : ', ')}`,
            },
            { title: t('settings.impact.now'), render: (_, e) => outcome(e.before, before, lang, t) },
            { title: t('settings.impact.then'), render: (_, e) => outcome(e.after, after, lang, t) },
          ]}
        />
      )}
    </div>
  );
}
