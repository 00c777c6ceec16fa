import { useTranslation } from 'react-i18next';
import type { CallMessage } from '@shared/api/queue';
import { callPlace } from './useAnnouncer';

const SHOWN = 5;

/** Earlier calls, one line per number (a recall does not list the number twice). */
export function RecentCalls({ calls, current }: { calls: CallMessage[]; current: CallMessage | undefined }) {
  const { t } = useTranslation();
  const seen = new Set(current ? [current.displayNo] : []);
  const earlier = calls.filter((c) => (seen.has(c.displayNo) ? false : (seen.add(c.displayNo), true)));
  return (
    <section className="lobby-display__recent" data-testid="recent-calls">
      <div className="lobby-display__label">{t('display.recent')}</div>
      <ol>
        {earlier.slice(0, SHOWN).map((c) => (
          <li key={`${c.at}-${c.displayNo}`}>
            <span>{c.displayNo}</span>
            <span>{callPlace(c)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
