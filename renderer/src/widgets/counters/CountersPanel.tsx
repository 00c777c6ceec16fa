import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import type { CounterView } from '@shared/api/queue';
import { useCounters } from '../../api/queue';
import { CounterModal } from './CounterModal';
import { TomorrowPlan } from './TomorrowPlan';
import './staff-text';

/** The branch's counters and what each serves; used on the staff screen and in settings. */
export function CountersPanel() {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const counters = useCounters();
  const info = useIntents();
  const [editing, setEditing] = useState<CounterView | 'new' | null>(null);
  const queueLabel = (k: string) => {
    const q = info.data?.queues.find((x) => x.key === k);
    return q ? `${q.prefix} ${bi(q)}` : k;
  };
  const channelLabel = (c: string) => {
    const conf = info.data?.channels.find((x) => x.key === c);
    return conf ? bi(conf) : c;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')} data-testid="counter-add">
        {t('counters.add')}
      </Button>
      {counters.error && <Alert type="error" showIcon title={messageOf(counters.error, i18n.language)} />}
      <Table<CounterView>
        rowKey="id"
        size="middle"
        loading={counters.isPending}
        dataSource={counters.data ?? []}
        pagination={false}
        data-testid="counters-table"
        columns={[
          { title: t('counters.number'), dataIndex: 'number', width: 80 },
          { title: t('counters.name'), dataIndex: 'name' },
          { title: t('counters.channel'), dataIndex: 'channel', render: (c: string) => channelLabel(c) },
          {
            title: t('counters.queues'),
            dataIndex: 'queues',
            render: (qs: string[]) => qs.map((q) => <Tag key={q}>{queueLabel(q)}</Tag>),
          },
          {
            title: t('counters.corporateOnly'),
            dataIndex: 'corporateOnly',
            render: (v: boolean) => (v ? t('counters.yes') : t('counters.no')),
          },
          {
            title: t('counters.open'),
            dataIndex: 'open',
            render: (v: boolean) =>
              v ? <Tag color="green">{t('counters.openNow')}</Tag> : <Tag>{t('counters.closed')}</Tag>,
          },
          {
            title: '',
            width: 90,
            render: (_: unknown, c) => (
              <Button size="small" onClick={() => setEditing(c)} data-testid={`counter-edit-${c.number}`}>
                {t('staff.edit')}
              </Button>
            ),
          },
        ]}
      />
      <TomorrowPlan />
      {editing && (
        <CounterModal counter={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}
