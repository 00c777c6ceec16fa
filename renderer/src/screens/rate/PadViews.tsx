import { useTranslation } from 'react-i18next';
import type { PadDimension, PadState } from '@shared/api/feedback';
import { FEEDBACK_LEVELS, type FeedbackLevel } from '@shared/feedback/config';
import type { Marks } from './pad-flow';

/** A face drawn inline (no icon font to ship): the mouth bends from a wide smile to a frown. */
const MOUTH: Record<FeedbackLevel, string> = {
  very_satisfied: 'M30 60 Q50 82 70 60',
  satisfied: 'M32 63 Q50 74 68 63',
  neutral: 'M33 66 L67 66',
  dissatisfied: 'M32 70 Q50 56 68 70',
};

function Face({ level }: { level: FeedbackLevel }) {
  return (
    <svg viewBox="0 0 100 100" className="pad__face" aria-hidden>
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="5.5" fill="currentColor" />
      <circle cx="65" cy="40" r="5.5" fill="currentColor" />
      <path d={MOUTH[level]} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}

/** Idle: who serves at this counter (服务监督), with a photo placeholder and the staff number. */
export function IdleView({ state }: { state: PadState }) {
  const { t } = useTranslation();
  const teller = state.teller;
  return (
    <div className="pad__idle" data-testid="pad-idle">
      <div className="pad__badge">{t('pad.supervise')}</div>
      <div className="pad__photo" aria-hidden>
        <svg viewBox="0 0 100 100">
          <circle cx="50" cy="38" r="20" fill="currentColor" />
          <path d="M14 92 Q14 62 50 62 Q86 62 86 92 Z" fill="currentColor" />
        </svg>
      </div>
      {teller ? (
        <>
          <div className="pad__name" data-testid="pad-teller">
            {teller.name}
          </div>
          <div className="pad__staffno">
            {t('pad.staffNo')} {teller.staffNo}
          </div>
        </>
      ) : (
        <div className="pad__name">{t('pad.noTeller')}</div>
      )}
      <div className="pad__welcome">{t('pad.welcome')}</div>
    </div>
  );
}

/** The four answers, as large as the screen allows: a customer taps from arm's length, reads from 1 m. */
export function AskView(p: {
  prompt: string;
  displayNo: string;
  /** null: no countdown (the web survey). */
  secondsLeft: number | null;
  selected: FeedbackLevel | null;
  onTap: (l: FeedbackLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pad__ask" data-testid="pad-asking">
      <div className="pad__prompt">{p.prompt}</div>
      <div className="pad__sub">
        <span>{t('pad.ticket', { no: p.displayNo })}</span>
        {p.secondsLeft !== null && (
          <span className="pad__countdown" data-testid="pad-countdown">
            {t('pad.secondsLeft', { s: p.secondsLeft })}
          </span>
        )}
      </div>
      <div className="pad__levels">
        {FEEDBACK_LEVELS.map((l) => (
          <button
            key={l}
            type="button"
            className={`pad__level pad__level--${l}${p.selected === l ? ' pad__level--on' : ''}`}
            onClick={() => p.onTap(l)}
            data-testid={`pad-level-${l}`}
          >
            <Face level={l} />
            <span>{t(`pad.levels.${l}`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** The optional dimensions (态度, 效率, 专业): good or could be better, then send. */
export function DetailsView(p: {
  dimensions: PadDimension[];
  marks: Marks;
  lang: string;
  sending: boolean;
  onMark: (key: string, m: 'good' | 'poor') => void;
  onSend: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pad__details" data-testid="pad-details">
      <div className="pad__details-title">{t('pad.details')}</div>
      <div className="pad__dims">
        {p.dimensions.map((d) => (
          <div key={d.key} className="pad__dim">
            <span className="pad__dim-name">{p.lang.startsWith('zh') ? d.zh : d.en}</span>
            {(['good', 'poor'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={`pad__mark pad__mark--${m}${p.marks[d.key] === m ? ' pad__mark--on' : ''}`}
                onClick={() => p.onMark(d.key, m)}
                data-testid={`pad-dim-${d.key}-${m}`}
              >
                {t(`pad.${m}`)}
              </button>
            ))}
          </div>
        ))}
      </div>
      <button
        type="button"
        className="pad__send"
        onClick={p.onSend}
        disabled={p.sending}
        data-testid="pad-send"
      >
        {t('pad.submit')}
      </button>
    </div>
  );
}

export function ThanksView({ refused }: { refused: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="pad__thanks" data-testid="pad-thanks">
      <svg viewBox="0 0 100 100" className="pad__check" aria-hidden>
        <circle cx="50" cy="50" r="44" fill="currentColor" />
        <path d="M28 52 L44 67 L73 36" fill="none" stroke="#fff" strokeWidth="8" strokeLinecap="round" />
      </svg>
      <div className="pad__prompt">{refused ? t('pad.refused') : t('pad.thanks')}</div>
      {!refused && <div className="pad__sub">{t('pad.thanksSub')}</div>}
    </div>
  );
}
