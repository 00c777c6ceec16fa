import i18n from '../../i18n';

/** Texts of the lobby display's voice switch and appointment mark; they join the app's translations (`displayVoice`, `displayAppt`). */
const zh = {
  displayVoice: {
    off: '语音播报已关闭',
    turnOn: '开启语音',
    turnOff: '关闭语音',
    paused: '语音播报未开启：点击屏幕任意处开启',
  },
  displayAppt: { badge: '预约客户' },
};

type Texts = typeof zh;

const en: Texts = {
  displayVoice: {
    off: 'Voice calls are off',
    turnOn: 'Turn voice on',
    turnOff: 'Turn voice off',
    paused: 'Voice calls are paused: tap anywhere on the screen',
  },
  displayAppt: { badge: 'Appointment' },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
