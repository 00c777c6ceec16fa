import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { KNOWN_GOALS } from '@shared/suggest/catalogue';
import { cell } from './common';
import './text-more';

const PATH = ['suggestLearning', 'tagReasons'];
type Reasons = Record<string, { zh: string; en: string }>;

/**
 * 卡片推荐理由 (Step 15): the words the card says for a product, by its need tag. A keyed table (a record in the
 * config): rows are added by picking a tag the products use, and removed whole.
 */
export function TagReasons({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const reasons = (Form.useWatch(PATH, { form, preserve: true }) as Reasons | undefined) ?? {};
  const [pick, setPick] = useState<string | null>(null);
  const goals = new Set<string>(KNOWN_GOALS);
  const name = (tag: string) => (goals.has(tag) ? t(`settings.goal.${tag}`) : tag);
  const tags = new Set<string>();
  for (const p of config.suggest.products)
    for (const g of [...(p.tags ?? []), ...(p.goals ?? [])]) tags.add(g);
  const free = [...tags].filter((k) => reasons[k] === undefined).sort();
  const set = (next: Reasons) => form.setFieldValue(PATH, next);
  return (
    <div data-testid="tag-reasons">
      <Typography.Title level={5}>{t('settings.tr.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.tr.hint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={Object.keys(reasons)}
        onRow={(k) => ({ 'data-testid': `tag-reason-${k}` }) as object}
        columns={[
          {
            key: 'tag',
            title: t('settings.tr.tag'),
            width: 170,
            render: (_v, k) => <Typography.Text>{name(k)}</Typography.Text>,
          },
          ...(['zh', 'en'] as const).map((l) => ({
            key: l,
            title: t(`settings.tr.${l}`),
            render: (_v: unknown, k: string) => (
              <Form.Item name={[...PATH, k, l]} {...cell}>
                <Input maxLength={l === 'zh' ? 200 : 300} data-testid={`tag-reason-${k}-${l}`} />
              </Form.Item>
            ),
          })),
          {
            key: 'remove',
            title: '',
            width: 64,
            render: (_v, k) => (
              <Button
                size="small"
                danger
                type="text"
                onClick={() => set(Object.fromEntries(Object.entries(reasons).filter(([key]) => key !== k)))}
              >
                {t('settings.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Select
          style={{ width: 220 }}
          placeholder={t('settings.tr.pick')}
          value={pick}
          onChange={setPick}
          options={free.map((k) => ({ value: k, label: name(k) }))}
          data-testid="tag-reason-pick"
        />
        <Button
          disabled={pick === null}
          onClick={() => {
            if (pick === null) return;
            set({ ...reasons, [pick]: { zh: '', en: '' } });
            setPick(null);
          }}
          data-testid="tag-reason-add"
        >
          {t('settings.tr.add')}
        </Button>
      </Space>
    </div>
  );
}
