import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketMarks } from '@shared/triage/marks';
import { useBilingual } from '../../lib/bilingual';
import './text';

/** The lobby's judgement on the called ticket: 严格审核, care, elderly, and why it has priority. */
export function MarkTags({ marks }: { marks: TicketMarks | null | undefined }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  if (!marks) return null;
  return (
    <div style={{ marginTop: 6 }} data-testid="ticket-marks">
      {marks.review && (
        <Tooltip title={marks.reviewReason ? bi(marks.reviewReason) : undefined}>
          <Tag
            color="red"
            data-testid="mark-review"
            style={{ fontSize: 18, padding: '4px 12px', fontWeight: 600 }}
          >
            {t('outreach.marks.review')}
          </Tag>
        </Tooltip>
      )}
      {marks.care && <Tag color="purple">{t('outreach.marks.care')}</Tag>}
      {marks.elderly && <Tag color="orange">{t('outreach.marks.elderly')}</Tag>}
      {marks.priorityReason && (
        <Tag color="gold" data-testid="mark-priority">
          {t('outreach.marks.priority')}：{bi(marks.priorityReason)}
        </Tag>
      )}
    </div>
  );
}
