import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackFigure } from '@shared/feedback/figures';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { useIntents } from '../../api/queue';
import './text';

type By = 'byStaff' | 'byService' | 'byDay';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/**
 * 服务评价: satisfaction % and response rate per teller, service and day, for the branch manager: beside the
 * complaints the low scores opened (the last 7 days), on the dashboard (today) and in the reports and their
 * printed daily report (the chosen range: branch days 'YYYY-MM-DD').
 */
export function FeedbackFiguresTable({ range }: { range?: { from: string; to: string } } = {}) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<By>('byStaff');
  const figures = useQuery({
    queryKey: ['feedback-figures', range ?? null],
    queryFn: () => call(routes.feedback.figures, { query: range ?? {} }),
  });
  const intents = useIntents();
  const zh = i18n.language.startsWith('zh');
  const label = (f: FeedbackFigure) => {
    if (by !== 'byService') return f.label;
    const i = intents.data?.intents.find((x) => x.key === f.key);
    return i ? (zh ? i.zh : i.en) : f.key;
  };
  const total = figures.data?.total;
  const rows = figures.data ? [...figures.data[by], ...(total && total.finished > 0 ? [total] : [])] : [];
  return (
    <Card
      title={
        // The period it counts, as asked: the dashboard's is today, the reports' the chosen range.
        !range
          ? t('feedback.figures.title')
          : range.from === range.to
            ? t('feedback.figures.titleDay', { day: range.from })
            : t('feedback.figures.titleRange', range)
      }
      extra={
        <Segmented<By>
          value={by}
          onChange={setBy}
          options={(['byStaff', 'byService', 'byDay'] as const).map((v) => ({
            value: v,
            label: t(`feedback.figures.${v}`),
          }))}
        />
      }
      data-testid="feedback-figures"
    >
      {figures.error && <Alert type="error" showIcon title={messageOf(figures.error, i18n.language)} />}
      <Table<FeedbackFigure>
        rowKey="key"
        size="small"
        loading={figures.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('feedback.figures.empty') }}
        rowClassName={(f) => (f.key === 'total' ? 'feedback-figures__total' : '')}
        columns={[
          {
            key: 'name',
            title: t('feedback.figures.name'),
            render: (_, f) => (f.key === 'total' ? <b>{zh ? '合计' : 'Total'}</b> : label(f)),
          },
          { key: 'finished', title: t('feedback.figures.finished'), dataIndex: 'finished', align: 'right' },
          { key: 'answered', title: t('feedback.figures.answered'), dataIndex: 'answered', align: 'right' },
          {
            key: 'satisfaction',
            title: t('feedback.figures.satisfaction'),
            align: 'right',
            render: (_, f) => pct(f.satisfactionPct),
          },
          {
            key: 'response',
            title: t('feedback.figures.response'),
            align: 'right',
            render: (_, f) => pct(f.responsePct),
          },
          {
            key: 'dissatisfied',
            title: t('feedback.figures.dissatisfied'),
            dataIndex: 'dissatisfied',
            align: 'right',
          },
        ]}
      />
    </Card>
  );
}
