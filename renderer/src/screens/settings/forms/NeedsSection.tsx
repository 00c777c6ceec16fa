import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CORPORATE_GRADES, LIFECYCLES, PRODUCT_TYPES, SEGMENTS } from '@shared/customer/enums';
import { KNOWN_GOALS } from '@shared/suggest/catalogue';
import { FormSection } from '../FormSection';
import { keyOptions, useLang } from './common';
import { NeedList, type NeedOptions } from './NeedList';
import './text-more';

/** The suggestion need tables, each saved as its own config path (the rest of `suggest` is another form's). */
export const NEED_TABLES = [
  'tierGoals',
  'segmentNeeds',
  'lifecycleGoals',
  'intentAffinity',
  'corporateGradeNeeds',
  'linkedEntityGoals',
] as const;
export const NEED_PATHS = NEED_TABLES.map((k) => `suggest.${k}`);

/** Every tag a matcher could name: the known goals, the tags with a card reason, the products' own and those used. */
function tagOptions(
  config: RulesConfig,
  lang: 'zh' | 'en',
  goal: (k: string) => string,
): NeedOptions['tags'] {
  const named = new Map<string, string>();
  for (const g of KNOWN_GOALS) named.set(g, goal(g));
  for (const [k, r] of Object.entries(config.suggestLearning.tagReasons))
    if (!named.has(k)) named.set(k, r[lang]);
  const used = new Set<string>();
  for (const p of config.suggest.products)
    for (const g of [...(p.goals ?? []), ...(p.tags ?? [])]) used.add(g);
  for (const table of NEED_TABLES) {
    const v = config.suggest[table];
    const lists = Array.isArray(v) ? [v] : Object.values(v);
    for (const need of lists) for (const m of need ?? []) for (const tag of m.tags ?? []) used.add(tag);
  }
  for (const k of used) if (!named.has(k)) named.set(k, k);
  return [...named.entries()].map(([value, label]) => ({ value, label }));
}

/**
 * 推荐需求表: what each tier, segment, lifecycle stage, visit business and corporate grade needs, as readable rows
 * (names, not keys). Weights of the reasons themselves are on the 推荐权重 form.
 */
export function NeedsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const options: NeedOptions = {
    types: keyOptions(PRODUCT_TYPES, (k) => t(`productType.${k}`)),
    tags: tagOptions(config, lang, (k) => t(`settings.goal.${k}`)),
    products: config.suggest.products.map((p) => ({ value: p.code, label: p.name[lang] })),
  };
  const intents = new Map(config.triage.intents.map((i) => [i.key, i[lang]]));
  for (const k of Object.keys(config.suggest.intentAffinity)) if (!intents.has(k)) intents.set(k, k);
  const tables: { id: (typeof NEED_TABLES)[number]; rows: { key: string; label: string }[] }[] = [
    { id: 'tierGoals', rows: config.customer.tiers.map((b) => ({ key: b.key, label: b[lang] })) },
    { id: 'segmentNeeds', rows: SEGMENTS.map((k) => ({ key: k, label: t(`segment.${k}`) })) },
    { id: 'lifecycleGoals', rows: LIFECYCLES.map((k) => ({ key: k, label: t(`lifecycle.${k}`) })) },
    { id: 'intentAffinity', rows: [...intents].map(([key, label]) => ({ key, label })) },
    { id: 'corporateGradeNeeds', rows: CORPORATE_GRADES.map((k) => ({ key: k, label: t(`grade.${k}`) })) },
  ];
  return (
    <FormSection
      id="needs"
      title={t('settings.sections.needs')}
      hint={t('settings.nd.hint')}
      paths={NEED_PATHS}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1200 }}>
          {tables.map((table) => (
            <Card
              key={table.id}
              size="small"
              title={t(`settings.nd.${table.id}`)}
              style={{ marginBottom: 12 }}
              data-testid={`needs-${table.id}`}
            >
              {table.rows.map((r) => (
                <NeedList
                  key={r.key}
                  name={['suggest', table.id, r.key]}
                  label={r.label}
                  testId={`need-${table.id}-${r.key}`}
                  options={options}
                />
              ))}
            </Card>
          ))}
          <Card size="small" title={t('settings.nd.linkedEntityGoals')} data-testid="needs-linkedEntityGoals">
            <NeedList
              name={['suggest', 'linkedEntityGoals']}
              label={t('settings.nd.linkedEntity')}
              testId="need-linkedEntityGoals"
              options={options}
            />
          </Card>
        </div>
      )}
    </FormSection>
  );
}
