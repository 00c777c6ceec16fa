import { Card, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@shared/money';
import { useFigures, useOutreachConfig } from '../../api/outreach';
import { useBilingual } from '../../lib/bilingual';

/** The done list's figures for the last 30 days (the same route the dashboard reads). */
export function FiguresPanel() {
  const { t } = useTranslation();
  const bi = useBilingual();
  const f = useFigures().data;
  const cfg = useOutreachConfig().data;
  if (!f) return null;
  return (
    <>
      <Typography.Text type="secondary">{t('outreach.figures.period')}</Typography.Text>
      <div className="book-figures" style={{ marginTop: 8 }} data-testid="outreach-figures">
        <Card size="small">
          <Statistic title={t('outreach.figures.contacts')} value={f.contacts} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('outreach.figures.reached')}
            value={f.reachedPct ?? 0}
            suffix="%"
            precision={1}
          />
        </Card>
        <Card size="small">
          <Statistic title={t('outreach.figures.churnContacted')} value={f.churnContacted} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('outreach.figures.aumRetained')}
            value={formatFen(f.aumRetainedFen, { decimals: false })}
          />
        </Card>
      </div>
      <div className="book-reasons-line" data-testid="outreach-figures-reasons">
        <Typography.Text strong>{t('outreach.figures.reasons')}</Typography.Text>
        {Object.keys(f.churnReasons).length === 0 && (
          <Typography.Text type="secondary" data-testid="outreach-figures-no-reasons">
            {t('outreachDash.none')}
          </Typography.Text>
        )}
        {Object.entries(f.churnReasons).map(([k, n]) => {
          const r = cfg?.churnReasons.find((x) => x.key === k);
          return (
            <Tag key={k}>
              {r ? bi(r) : k} × {n}
            </Tag>
          );
        })}
      </div>
    </>
  );
}
