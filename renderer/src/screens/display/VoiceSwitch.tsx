import { useTranslation } from 'react-i18next';
import type { VoiceState } from './voice-pref';
import './text';

/**
 * The TV's voice, said on the screen: the big "点击开启语音播报" only on a screen that never chose; a quiet line
 * when voice is off or held by the browser; a small switch to turn it off while it speaks.
 */
export function VoiceSwitch({
  voice,
  turnOn,
  turnOff,
}: {
  voice: VoiceState;
  turnOn: () => void;
  turnOff: () => void;
}) {
  const { t } = useTranslation();
  switch (voice) {
    case 'ask':
      return (
        <button type="button" className="lobby-display__sound" onClick={turnOn} data-testid="enable-sound">
          {t('display.enableSound')}
        </button>
      );
    case 'paused':
      return (
        <div
          className="lobby-display__voice lobby-display__voice--off"
          role="status"
          data-testid="voice-paused"
        >
          {t('displayVoice.paused')}
        </div>
      );
    case 'off':
      return (
        <button
          type="button"
          className="lobby-display__voice lobby-display__voice--off"
          onClick={turnOn}
          data-testid="voice-off"
        >
          {t('displayVoice.off')} · {t('displayVoice.turnOn')}
        </button>
      );
    case 'on':
      return (
        <button type="button" className="lobby-display__voice" onClick={turnOff} data-testid="voice-on">
          {t('displayVoice.turnOff')}
        </button>
      );
  }
}
