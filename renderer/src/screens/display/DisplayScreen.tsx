import { useTranslation } from 'react-i18next';
import type { LiveMessage } from '@shared/api/queue';
import { standingCall } from '@shared/queue/calls';
import { useNow } from '../../hooks/useNow';
import { formatDate, formatTimeSec } from '../../lib/branchTime';
import { useLiveQueue } from '../../live/useLiveQueue';
import { NowCalling } from './NowCalling';
import { QueueBoard } from './QueueBoard';
import { RecentCalls } from './RecentCalls';
import { useAnnouncer } from './useAnnouncer';
import { useDisplayToken } from './useDisplayToken';
import { VoiceSwitch } from './VoiceSwitch';
import './display.css';

/**
 * The lobby TV (叫号屏): no login, no app chrome. On the branch LAN it is opened as `/display?token=…`
 * and shows the board once the server has accepted the token.
 */
export default function DisplayScreen() {
  const { t } = useTranslation();
  const access = useDisplayToken();
  if (access === 'ready') return <DisplayBoard />;
  return (
    <div className="lobby-display" data-testid="lobby-display">
      <div className="lobby-display__banner" role="alert" data-testid="display-token-state">
        {access === 'refused' ? t('display.badToken') : t('display.connecting')}
      </div>
    </div>
  );
}

function DisplayBoard() {
  const { t } = useTranslation();
  const { announce, voice, turnOn, turnOff } = useAnnouncer();
  const onMessage = (m: LiveMessage) => {
    if (m.type === 'call') announce(m);
  };
  const { snapshot, status } = useLiveQueue('display', onMessage);
  const now = useNow();
  const calls = snapshot?.recentCalls ?? [];
  // The newest call still standing: a ticket marked a no-show is not shown as being called.
  const current = standingCall(calls);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };

  return (
    <div className="lobby-display" data-testid="lobby-display" onDoubleClick={toggleFullscreen}>
      <header className="lobby-display__header">
        <span className="lobby-display__branch" data-testid="branch-name">
          {snapshot?.branchName ?? t('app.title')}
        </span>
        <span className="lobby-display__clock">
          {now !== null && (
            <>
              <span className="lobby-display__date">{formatDate(now)}</span>
              <span data-testid="clock">{formatTimeSec(now)}</span>
            </>
          )}
        </span>
      </header>
      {status === 'reconnecting' && (
        <div className="lobby-display__banner" role="alert" data-testid="display-offline">
          {t('display.reconnecting')}
        </div>
      )}
      <main className="lobby-display__main">
        <NowCalling call={current} />
        <RecentCalls calls={calls} current={current} />
      </main>
      <QueueBoard queues={snapshot?.queues ?? []} />
      <VoiceSwitch voice={voice} turnOn={turnOn} turnOff={turnOff} />
    </div>
  );
}
