import i18n from '../../i18n';

/** Texts of the follow-up list added beside it; they join the app's translations under `followUpsContact`. */
const zh = {
  followUpsContact: {
    phone: '联系电话',
  },
};

type Texts = typeof zh;

const en: Texts = {
  followUpsContact: {
    phone: 'Phone',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
