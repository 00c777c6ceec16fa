import i18n from '../../i18n';

/** Texts of the outcome undo; they join the app's translations under `suggestUndo`. */
const zh = {
  suggestUndo: {
    undo: '撤销',
    done: '已撤销“{{product}}”的记录',
  },
};

type Texts = typeof zh;

const en: Texts = {
  suggestUndo: {
    undo: 'Undo',
    done: 'Outcome for "{{product}}" undone',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
