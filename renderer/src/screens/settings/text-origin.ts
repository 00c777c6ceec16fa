import i18n from '../../i18n';

/** Texts of the head-office origin marks (Step 16), joined under `settingsOrigin`. */
const zh = {
  settingsOrigin: {
    headoffice: '总行下发',
    override: '本行调整',
    versionHeadoffice: '总行下发',
    help: '总行下发：与总行最近下发的设置一致。本行调整：本行在总行下发后自行修改过；总行再次下发时保留本行的设置，除非总行标记为强制下发。总行首次下发的设置会直接替换本行原有设置。',
    mandatory: '（强制）',
  },
};

type Texts = typeof zh;

const en: Texts = {
  settingsOrigin: {
    headoffice: 'From head office',
    override: 'Local override',
    versionHeadoffice: 'Head office',
    help: 'From head office: the same as the head office last sent. Local override: the branch changed it after the head office sent it; a later push keeps the branch’s value unless the head office marks it mandatory. A setting the head office sends for the first time replaces the branch’s.',
    mandatory: ' (mandatory)',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
