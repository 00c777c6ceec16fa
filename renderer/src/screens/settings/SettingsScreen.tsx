import { Alert, Card, Grid, Space, Spin, Switch, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RulesConfig } from '@shared/config/schema';
import { messageOf } from '../../api/client';
import { useMe } from '../../auth';
import { formatDateTime } from '../../lib/branchTime';
import { CountersPanel } from '../../widgets/counters/CountersPanel';
import { useSettings } from './api';
import {
  AgingSection,
  GENERAL_PATHS,
  GeneralSection,
  LifecycleSection,
  QueuesSection,
  SecuritySection,
  TiersSection,
} from './FormSections';
import { DashboardSection } from './DashboardSection';
import { JsonSection } from './JsonSection';
import { RulesSection } from './RulesSection';
import { getAt, splitPath } from './paths';
import { VersionsPanel } from './VersionsPanel';
import { CampaignsSection } from './forms/CampaignsSection';
import { ChannelsSection } from './forms/ChannelsSection';
import { ConsentSection } from './forms/ConsentSection';
import { FeedbackSection } from './forms/FeedbackSection';
import { IntentsSection } from './forms/IntentsSection';
import { LearningSection } from './forms/LearningSection';
import { OutreachSection } from './forms/OutreachSection';
import { ProductsSection } from './forms/ProductsSection';
import { ProspectsSection } from './forms/ProspectsSection';
import { AppointmentsSection } from './forms/AppointmentsSection';
import { NEED_PATHS, NEED_TABLES, NeedsSection } from './forms/NeedsSection';
import { STAFFING_PATHS, StaffingSection } from './forms/StaffingSection';
import { SuggestSection } from './forms/SuggestSection';
import { VisitSection } from './forms/VisitSection';
import './text';
import './forms/text';
import './forms/text-more';
import './text-impact';

/** JSON-edited sections and the config paths each one saves (stable arrays: the editors memoise on them). */
const JSON_SECTIONS = {
  intents: ['triage.intents'],
  rules: ['triage.rules'],
  channels: ['triage.channels', 'triage.priorities', 'triage.fallbackOrder', 'triage.elderlySegments'],
  products: ['suggest.products'],
  campaigns: ['suggest.campaigns'],
  visit: ['visit'],
  // The pad's window, prompt, dimensions and escalation rules (不满意 → complaint, two 一般 a day → follow-up).
  feedback: ['feedback'],
  dashboard: ['dashboard'],
  outreach: ['outreach'],
  learning: ['suggestLearning'],
  consent: ['consent'],
  prospects: ['prospects'],
  appointments: ['appointments'],
  staffing: STAFFING_PATHS,
  needs: NEED_PATHS,
} as const;

/** What the channels form saves (the JSON view of the same tab edits the first four). */
const CHANNEL_PATHS = [
  'triage.channels',
  'triage.priorities',
  'triage.fallbackOrder',
  'triage.elderlySegments',
  'triage.staffedChannels',
] as const;

const SUGGEST_OWN_SECTIONS = new Set<string>(['products', 'campaigns', ...NEED_TABLES]);

/** The rest of the suggestion settings (weights, filters, lines), beside products, campaigns and need tables. */
function suggestPaths(config: RulesConfig): string[] {
  return Object.keys(config.suggest)
    .filter((k) => !SUGGEST_OWN_SECTIONS.has(k))
    .map((k) => `suggest.${k}`);
}

/** Remount a section when what it edits changed on the server (after its own save, or a rollback). */
function sliceKey(config: RulesConfig, paths: readonly string[]): string {
  const s = JSON.stringify(paths.map((p) => getAt(config, splitPath(p))));
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${paths.join(',')}:${(h >>> 0).toString(36)}`;
}

const SUGGEST_CACHE = new WeakMap<RulesConfig, string[]>();
function stableSuggestPaths(config: RulesConfig): string[] {
  let p = SUGGEST_CACHE.get(config);
  if (!p) SUGGEST_CACHE.set(config, (p = suggestPaths(config)));
  return p;
}

/** 规则设置: every rule of the branch as data, saved as versions with who/when/why, and rollback. */
export default function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const [params, setParams] = useSearchParams();
  const active = params.get('section') ?? 'general';
  const me = useMe();
  // The raw JSON of the sections that have a form stays available to an administrator, behind this switch.
  const [jsonView, setJsonView] = useState(false);
  // On a tablet the section list goes on top: the forms' tables need the width.
  const wide = Grid.useBreakpoint().lg !== false;
  const showJson = jsonView && me.data?.role === 'admin';
  if (settings.isPending) return <Spin style={{ margin: 64 }} />;
  if (settings.error)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="settings-error"
        title={t('common.error')}
        description={messageOf(settings.error, i18n.language)}
      />
    );
  const s = settings.data;
  const config = s.config;
  const form = (paths: readonly string[], node: (key: string) => ReactNode) => node(sliceKey(config, paths));
  const json = (id: keyof typeof JSON_SECTIONS) => {
    const paths = JSON_SECTIONS[id];
    return (
      <JsonSection
        key={sliceKey(config, paths)}
        id={id}
        title={t(`settings.sections.${id}`)}
        paths={paths}
        config={config}
      />
    );
  };
  const suggest = stableSuggestPaths(config);
  const items: { key: string; children: ReactNode }[] = [
    {
      key: 'general',
      children: form(GENERAL_PATHS, (k) => <GeneralSection key={k} config={config} />),
    },
    { key: 'security', children: form(['security'], (k) => <SecuritySection key={k} config={config} />) },
    { key: 'tiers', children: form(['customer.tiers'], (k) => <TiersSection key={k} config={config} />) },
    {
      key: 'lifecycle',
      children: form(['customer.lifecycle'], (k) => <LifecycleSection key={k} config={config} />),
    },
    {
      key: 'queues',
      children: form(['queue.queues', 'queue.noShowRequeueLimit', 'queue.wait'], (k) => (
        <QueuesSection key={k} config={config} />
      )),
    },
    { key: 'aging', children: form(['queue.aging'], (k) => <AgingSection key={k} config={config} />) },
    {
      key: 'intents',
      children: showJson
        ? json('intents')
        : form(['triage.intents'], (k) => <IntentsSection key={k} config={config} />),
    },
    {
      key: 'rules',
      children: showJson
        ? json('rules')
        : form(['triage.rules'], (k) => <RulesSection key={k} config={config} />),
    },
    {
      key: 'channels',
      children: showJson
        ? json('channels')
        : form(CHANNEL_PATHS, (k) => <ChannelsSection key={k} config={config} />),
    },
    {
      key: 'products',
      children: showJson
        ? json('products')
        : form(['suggest.products'], (k) => <ProductsSection key={k} config={config} />),
    },
    {
      key: 'campaigns',
      children: showJson
        ? json('campaigns')
        : form(['suggest.campaigns'], (k) => <CampaignsSection key={k} config={config} />),
    },
    {
      key: 'suggest',
      children: showJson ? (
        <JsonSection
          key={sliceKey(config, suggest)}
          id="suggest"
          title={t('settings.sections.suggest')}
          paths={suggest}
          config={config}
        />
      ) : (
        form(suggest, (k) => <SuggestSection key={k} config={config} paths={suggest} />)
      ),
    },
    {
      key: 'needs',
      children: showJson ? json('needs') : form(NEED_PATHS, (k) => <NeedsSection key={k} config={config} />),
    },
    ...(
      [
        ['visit', VisitSection, ['visit']],
        ['feedback', FeedbackSection, ['feedback']],
        ['outreach', OutreachSection, ['outreach']],
        ['learning', LearningSection, ['suggestLearning']],
        ['consent', ConsentSection, ['consent']],
        ['prospects', ProspectsSection, ['prospects']],
        ['appointments', AppointmentsSection, ['appointments']],
        ['staffing', StaffingSection, STAFFING_PATHS],
      ] as const
    ).map(([id, Section, paths]) => ({
      key: id,
      children: showJson ? json(id) : form(paths, (k) => <Section key={k} config={config} />),
    })),
    {
      key: 'dashboard',
      children: showJson
        ? json('dashboard')
        : form(['dashboard'], (k) => <DashboardSection key={k} config={config} />),
    },
    {
      key: 'counters',
      children: (
        <Card title={t('settings.sections.counters')} data-testid="section-counters">
          <Typography.Paragraph type="secondary">{t('settings.hints.counters')}</Typography.Paragraph>
          <CountersPanel />
        </Card>
      ),
    },
    {
      key: 'versions',
      children: (
        <Card title={t('settings.sections.versions')} data-testid="section-versions">
          <VersionsPanel current={s} />
        </Card>
      ),
    },
  ];
  return (
    <div data-testid="settings-screen">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('settings.title')}
        </Typography.Title>
        {me.data?.role === 'admin' && (
          <Space>
            <Typography.Text type="secondary">{t('settings.jsonView')}</Typography.Text>
            <Switch checked={jsonView} onChange={setJsonView} data-testid="json-view" />
          </Space>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('settings.subtitle')}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="settings-current">
        {s.version > 0 ? (
          <>
            <strong>{t('settings.current', { version: s.version })}</strong>
            {' · '}
            {t('settings.currentBy', {
              name: s.createdByName ?? t('settings.versions.system'),
              time: s.createdAt === null ? '—' : formatDateTime(s.createdAt),
            })}
            {s.note ? ` · ${s.note}` : ''}
          </>
        ) : (
          t('settings.defaults')
        )}
      </Typography.Paragraph>
      <Tabs
        tabPlacement={wide ? 'start' : 'top'}
        activeKey={active}
        onChange={(k) => setParams({ section: k }, { replace: true })}
        items={items.map((it) => ({
          key: it.key,
          label: <span data-testid={`tab-${it.key}`}>{t(`settings.sections.${it.key}`)}</span>,
          children: it.children,
        }))}
      />
    </div>
  );
}
