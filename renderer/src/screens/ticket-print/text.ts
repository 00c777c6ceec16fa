import i18n from '../../i18n';

/**
 * What the ticket and the lobby promise about the wait (shared/queue/order.ts, wait.ts). They join the app's
 * translations under `queuePromise`.
 */
const zh = {
  queuePromise: {
    mayBePassed: '贵宾及优先客户可能先于您办理',
  },
};

const en: typeof zh = {
  queuePromise: {
    mayBePassed: 'VIP and priority customers may be served before you',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
