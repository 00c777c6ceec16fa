import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/branchTime';
import { dueState } from '../lib/due';

/** A due date or deadline: red when past, orange on the day, the days left before. */
export function DueTag({ at, now, done = false }: { at: number; now: number; done?: boolean }) {
  const { t } = useTranslation();
  const s = dueState(at, now);
  if (done) return <span>{formatDate(at)}</span>;
  return (
    <span className="due">
      {formatDate(at)}{' '}
      {s.kind === 'upcoming' ? (
        <Typography.Text type="secondary" data-testid="due-upcoming">
          {t('followUps.inDays', { count: s.days })}
        </Typography.Text>
      ) : (
        <Tag color={s.kind === 'overdue' ? 'red' : 'orange'} data-testid={`due-${s.kind}`}>
          {s.kind === 'overdue' ? t('followUps.overdue', { count: s.days }) : t('followUps.today')}
        </Tag>
      )}
    </span>
  );
}
