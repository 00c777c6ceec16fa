import { useTranslation } from 'react-i18next';
import type { CallMessage } from '@shared/api/queue';
import { callPlace } from './useAnnouncer';
import './text';

export function NowCalling({ call }: { call: CallMessage | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="lobby-display__now" data-testid="now-calling">
      <div className="lobby-display__label">
        {t('display.nowCalling')}
        {/* A booking's ticket (Y): said in words too, not only by its prefix. */}
        {call?.appointment && (
          <span className="lobby-display__appt" data-testid="now-calling-appt">
            {t('displayAppt.badge')}
          </span>
        )}
      </div>
      {call ? (
        // Keyed by the call so the flash restarts for every call and recall.
        <div
          className="lobby-display__call"
          key={`${call.at}-${call.displayNo}`}
          data-testid="now-calling-call"
        >
          <div className="lobby-display__call-line">
            <span className="lobby-display__word">{t('display.please')}</span>
            <span className="lobby-display__number" data-testid="now-calling-no">
              {call.displayNo}
            </span>
            <span className="lobby-display__word">{t('display.numberSuffix')}</span>
          </div>
          <div className="lobby-display__call-line">
            <span className="lobby-display__word">{t('display.goTo')}</span>
            <span className="lobby-display__place" data-testid="now-calling-place">
              {callPlace(call)}
            </span>
          </div>
        </div>
      ) : (
        <div className="lobby-display__idle">{t('display.idle')}</div>
      )}
    </section>
  );
}
