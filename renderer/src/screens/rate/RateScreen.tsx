import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AskView, DetailsView, IdleView, ThanksView } from './PadViews';
import { usePad } from './usePad';
import { usePadToken } from './pad-token';
import './rate.css';
import './text';

/**
 * 评价器: the satisfaction pad facing the customer at a counter, opened as `/rate/<counter>?token=…` on a small
 * tablet or a second screen. No login and no app chrome; touch only. Idle it shows who serves here (服务监督);
 * when the teller finishes a visit it asks, takes one tap (and optional dimensions), thanks, and returns to idle.
 */
export default function RateScreen() {
  const { t } = useTranslation();
  const access = usePadToken();
  const counter = Number(useParams().counter);
  if (access === 'ready' && Number.isInteger(counter) && counter > 0) return <PadBoard counter={counter} />;
  return (
    <div className="pad" data-testid="pad">
      <div className="pad__banner" role="alert" data-testid="pad-token-state">
        {access === 'checking' ? t('pad.connecting') : t('pad.badToken')}
      </div>
    </div>
  );
}

function PadBoard({ counter }: { counter: number }) {
  const { t, i18n } = useTranslation();
  const pad = usePad(counter);
  const { state, phase } = pad;
  const zh = i18n.language.startsWith('zh');
  let body = null;
  if (pad.refused) body = <div className="pad__banner">{t('pad.badToken')}</div>;
  else if (!state) body = <div className="pad__banner">{t('pad.connecting')}</div>;
  else if (phase.kind === 'thanks') body = <ThanksView refused={phase.refused} />;
  else if (phase.kind === 'details')
    body = (
      <>
        <AskView
          prompt={zh ? state.prompt.zh : state.prompt.en}
          displayNo={phase.displayNo}
          secondsLeft={Math.max(0, Math.ceil((phase.closesAt - pad.now) / 1000))}
          selected={phase.level}
          onTap={pad.tap}
        />
        <DetailsView
          dimensions={state.dimensions}
          marks={phase.marks}
          lang={i18n.language}
          sending={pad.sending}
          onMark={pad.mark}
          onSend={pad.send}
        />
      </>
    );
  else if (phase.kind === 'asking')
    body = (
      <AskView
        prompt={zh ? state.prompt.zh : state.prompt.en}
        displayNo={phase.displayNo}
        secondsLeft={Math.max(0, Math.ceil((phase.closesAt - pad.now) / 1000))}
        selected={null}
        onTap={pad.tap}
      />
    );
  else body = <IdleView state={state} />;

  return (
    <div className="pad" data-testid="pad" data-phase={phase.kind}>
      <header className="pad__header">
        <span data-testid="pad-counter">{state?.counter.name ?? ''}</span>
        {pad.offline && <span className="pad__offline">{t('pad.offline')}</span>}
      </header>
      <main className={`pad__main pad__main--${phase.kind}`}>{body}</main>
    </div>
  );
}
